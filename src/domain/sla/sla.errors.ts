/** Stable codes for SLA / OLA problems; the UI translates by code. */
export const SlaErrorCode = {
  /** A grade has no SLA: issues of that grade would have no deadline. */
  Missing: 'SLA_MISSING',
  MinutesInvalid: 'SLA_MINUTES_INVALID',
  /** Above MAX_SLA_MINUTES: no deadline that far ahead is meaningful, and computing it is unbounded work. */
  MinutesTooLarge: 'SLA_MINUTES_TOO_LARGE',
  ResponseExceedsResolution: 'SLA_RESPONSE_EXCEEDS_RESOLUTION',
  CalendarUnknown: 'SLA_CALENDAR_UNKNOWN',
  OlaUnitInvalid: 'SLA_OLA_UNIT_INVALID',
  OlaShareInvalid: 'SLA_OLA_SHARE_INVALID',
  /** Shares do not add up to 100 % or to the resolution minutes: the OLA would not carry the SLA. */
  OlaSumMismatch: 'SLA_OLA_SUM_MISMATCH',
  /** A percentage share rounds down to less than one minute: the line would escalate on arrival. */
  OlaLineBudgetTooSmall: 'SLA_OLA_LINE_BUDGET_TOO_SMALL',
  WarningFractionInvalid: 'SLA_WARNING_FRACTION_INVALID',
  /** Thrown (DomainError) by lineBudget for a grade without SLA in an unvalidated table. */
  GradeWithoutSla: 'SLA_GRADE_WITHOUT_SLA',
  /** Thrown (DomainError) for pauses ending before they start or non-finite budgets. */
  InvalidArgument: 'SLA_INVALID_ARGUMENT',
} as const;

export type SlaErrorCode = (typeof SlaErrorCode)[keyof typeof SlaErrorCode];
