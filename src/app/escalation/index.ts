/** Escalation by time alone: what entry points and other use cases (triage) call. */
export { enterLine, type EnterLineInput, type EnteredLine } from './enterLine';
export { sweep, dueIssuesJql, MAX_ISSUES_PER_SWEEP, type SweepReport } from './sweep';
export { processCheck, RESERVE_MS, type CheckReport } from './processCheck';
export { startRecalculation, getRecalculation, processRecalculation, recordRecalculationFailure } from './recalculate';
export { platformDeps, ESCALATION_QUEUE, type EscalationDeps } from './deps';
export { parseEscalationEvent, type EscalationEvent } from './events';
export { loadEscalationSettings, escalationSettingsCodec, ESCALATION_SETTINGS_KEY, type EscalationSettings } from './settings';
export { escalationAdminHandlers } from './adminHandlers';
