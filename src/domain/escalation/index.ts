export {
  decideEscalation,
  acceptanceDecision,
  EscalationErrorCode,
  type EscalationInput,
  type EscalationDecision,
  type AcceptanceDecision,
} from './escalation';
export { PAUSE_HOLDS, pauseHolds, resumesWhenReleased, type PauseHold, type PauseHoldFacts } from './pauseHolds';
