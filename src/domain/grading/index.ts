export * from './gradingTable.types';
export { GradingErrorCode } from './grading.errors';
export { gradeIssue, gradeSeverity, scoreRange, type ExplanationStep, type GradeOutcome } from './gradeIssue';
export { validateGradingTable, type GradingTableValidationOptions } from './gradingTable.validation';
