/** Escalation by time alone: what entry points and other use cases (triage) call. */
export { enterLine, type EnterLineInput, type EnteredLine } from './enterLine';
export { sweep, dueIssuesJql, responseDueJql, MAX_ISSUES_PER_SWEEP, type SweepReport } from './sweep';
export { processCheck, RESERVE_MS, type CheckReport } from './processCheck';
export { processResponse, type ResponseReport } from './processResponse';
export { startResponseClock, responseClockOf, isItrIssueType } from './responseClock';
export { pauseClocks, resumeClocks, onStatusChange } from './pauses';
export { loadClockSettings, CLOCK_SETTINGS_KEY, type ClockSettings } from './clockSettings';
export { startRecalculation, getRecalculation, processRecalculation, recordRecalculationFailure } from './recalculate';
export { platformDeps, ESCALATION_QUEUE, type EscalationDeps } from './deps';
export { parseEscalationEvent, type EscalationEvent } from './events';
export {
  loadEscalationSettings,
  escalationSettingsCodec,
  ESCALATION_SETTINGS_KEY,
  type EscalationSettings,
  type LineRouting,
} from './settings';
export { kvsLineTurnStore, LINE_TURNS_KEY, type LineTurns, type LineTurnStore } from './lineTurns';
