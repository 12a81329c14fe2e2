export {
  decideEscalation,
  acceptanceDecision,
  EscalationErrorCode,
  type EscalationInput,
  type EscalationDecision,
  type AcceptanceDecision,
} from './escalation';
