/**
 * The ITR domain: pure types and functions (no platform imports, no I/O, no clock, no randomness; time
 * is always an argument). Everything public is re-exported here; import from 'src/domain'.
 */
export * from './calendar';
export type { Window, BusinessCalendar, Weekday } from './calendar/businessCalendar.types';
export { DomainError, type ValidationIssue, type Validated } from './validation';

export { LOCALES, localize, type Locale, type LocalizedText } from './labels';
export {
  ACCEPTANCE_LABELS,
  RESPONSE_ALERT_LABELS,
  TIME_RULE_LABELS,
  WARRANTY_LABELS,
  YES_NO_LABELS,
  bilingualLabel,
  shortLabel,
  formatterExpression,
  searchSuggestionsExpression,
  type ValueLabels,
} from './fieldLabels';
export { InputErrorCode, isRecord } from './input';
export { isAccountId, isIssueKey, isProjectKey, projectKeyOfIssueKey } from './jiraKeys';
export { ITR_KINDS, ITR_KIND_LABELS, isItrKind, type ItrKind } from './itrKind';
export {
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS,
  ClassificationReason,
  ClassificationErrorCode,
  CLASSIFICATION_CHOSEN_AGAINST_RULE,
  classify,
  recordClassification,
  type Classification,
  type ClassificationFacts,
  type ClassificationResult,
  type ClassificationRecord,
  type ClassificationDecisionInput,
} from './classification';
export { SUPPORT_LINES, SUPPORT_LINE_LABELS, isSupportLine, nextLine, type SupportLine } from './supportLine';
export * from './assignment';
export {
  DONE_ISSUE_JQL,
  doneAt,
  isIssueDone,
  OPEN_ISSUE_JQL,
  type IssueDoneMarkers,
  type StatusCategoryKey,
} from './issueDone';
export * from './grading';
export * from './sla';
export * from './escalation';
export * from './defaults';
export {
  ASSESSMENT_DECISIONS,
  AssessmentErrorCode,
  assessmentClockEffect,
  handoffTargetOf,
  isAssessmentDecision,
  validateAssessment,
  type AssessmentClockEffect,
  type AssessmentDecision,
  type AssessmentInput,
  type ValueAssessment,
} from './requirement/valueAssessment';
