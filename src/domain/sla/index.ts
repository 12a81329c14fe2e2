export * from './sla.types';
export { SlaErrorCode } from './sla.errors';
export {
  TIME_RULES,
  gradeSlaOf,
  isTimeRule,
  pausesWhileAssessing,
  responseTimeOf,
  timeRuleOf,
  timeRuleStampOf,
  type RequirementTimes,
  type TimeRule,
  type TimedTable,
} from './timeRule';
export { lineBudget, lineBudgets, lineMinutes } from './lineBudget';
export { MAX_SLA_MINUTES, validateGradeSla } from './sla.validation';
export {
  lineDeadlines,
  consumedWorkingMinutes,
  lineClockStatus,
  type LineDeadlineInput,
  type LineDeadlines,
  type LineClockStatus,
} from './deadlines';
export { finalClockState, type FinalClockState, type FinalClockInput, type StoppedClock } from './finalClock';
export {
  alertAfterRecompute,
  decideResponse,
  isResponseAlert,
  responseDeadlines,
  responseGradeOf,
  RESPONSE_ALERTS,
  type ResponseAcceptance,
  type ResponseAlert,
  type ResponseDecision,
  type ResponseDeadlineInput,
  type ResponseState,
} from './responseClock';
