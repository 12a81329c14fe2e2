/** Stable codes for grading-table and grading problems; the UI translates by code. */
export const GradingErrorCode = {
  VersionInvalid: 'GRADING_VERSION_INVALID',
  ListEmpty: 'GRADING_LIST_EMPTY',
  DuplicateId: 'GRADING_DUPLICATE_ID',
  WeightInvalid: 'GRADING_WEIGHT_INVALID',
  OptionScoreMissing: 'GRADING_OPTION_SCORE_MISSING',
  OptionScoreInvalid: 'GRADING_OPTION_SCORE_INVALID',
  ThresholdsNotAscending: 'GRADING_THRESHOLDS_NOT_ASCENDING',
  /** A higher score would give a less severe grade. */
  ThresholdsSeverityDescending: 'GRADING_THRESHOLDS_SEVERITY_DESCENDING',
  /** A threshold above the highest possible score: dead configuration. */
  ThresholdUnreachable: 'GRADING_THRESHOLD_UNREACHABLE',
  /** Some combination of answers scores below the first threshold and would get no grade. */
  ScoresWithoutGrade: 'GRADING_SCORES_WITHOUT_GRADE',
  GradeUndefined: 'GRADING_GRADE_UNDEFINED',
  DimensionUndefined: 'GRADING_DIMENSION_UNDEFINED',
  OptionUndefined: 'GRADING_OPTION_UNDEFINED',
  OverrideKindInvalid: 'GRADING_OVERRIDE_KIND_INVALID',
  OverrideLevelsInvalid: 'GRADING_OVERRIDE_LEVELS_INVALID',
  /** `requirementTimes.pauseWhileAssessing` is not true or false. */
  RequirementPauseInvalid: 'GRADING_REQUIREMENT_PAUSE_INVALID',

  // gradeIssue: problems with the answers (typed result, not thrown)
  AnswerMissing: 'GRADING_ANSWER_MISSING',
  AnswerUnknownOption: 'GRADING_ANSWER_UNKNOWN_OPTION',
  AnswerUnknownDimension: 'GRADING_ANSWER_UNKNOWN_DIMENSION',

  /** Thrown (DomainError) when gradeIssue is given a table that would not validate. */
  TableInvalid: 'GRADING_TABLE_INVALID',
} as const;

export type GradingErrorCode = (typeof GradingErrorCode)[keyof typeof GradingErrorCode];
