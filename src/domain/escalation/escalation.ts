import { addWorkingTime } from '../calendar';
import type { BusinessCalendar } from '../calendar/businessCalendar.types';
import { lineDeadlines } from '../sla/deadlines';
import { lineBudget } from '../sla/lineBudget';
import type { GradeId, Pause } from '../sla/sla.types';
import type { TimeRule, TimedTable } from '../sla/timeRule';
import { nextLine, type SupportLine } from '../supportLine';
import { DomainError } from '../validation';

export const EscalationErrorCode = {
  /** Thrown (DomainError) when `calendarFor` knows no calendar for the line's calendar id. */
  CalendarUnknown: 'ESCALATION_CALENDAR_UNKNOWN',
  /** Thrown (DomainError) for a negative or non-finite acceptance time. */
  InvalidArgument: 'ESCALATION_INVALID_ARGUMENT',
} as const;

export type EscalationErrorCode = (typeof EscalationErrorCode)[keyof typeof EscalationErrorCode];

export interface EscalationInput {
  /** The table (or just its SLA part) the issue was graded with. */
  table: TimedTable;
  grade: GradeId;
  /** The time rule stamped on the issue (problem or requirement times); default `problem`. */
  timeRule?: TimeRule | undefined;
  /** The line that holds the issue now. */
  line: SupportLine;
  /** When the issue entered `line`: each line's clock starts fresh. */
  enteredAt: Date;
  /** Waiting-for-customer intervals; only those after `enteredAt` count. */
  pauses: readonly Pause[];
  now: Date;
  /** The line for which a warning was already sent; a warning goes out once per line. */
  warnedForLine?: SupportLine | undefined;
  /**
   * The calendar `line` works on. The line's configured calendar id (its OLA share's, or the SLA's)
   * is passed too, so a store keyed by id can answer directly (follow-the-sun lines differ).
   */
  calendarFor: (line: SupportLine, calendarId: string) => BusinessCalendar | undefined;
}

/**
 * What to do now. Only time decides (升级的唯一规则是时间). The decision is a pure function of the
 * issue's state, so running the scheduler twice, or late, gives the same answer; recording a warning
 * (`warnedForLine`) or moving the issue to `to` is what changes the next answer.
 */
export type EscalationDecision =
  | { action: 'none'; line: SupportLine; dueAt: Date | null; warnAt: Date | null }
  | { action: 'warn'; line: SupportLine; dueAt: Date | null; warnAt: Date }
  | { action: 'escalate'; from: SupportLine; to: SupportLine; dueAt: Date }
  /** L3's budget ran out: nowhere left to escalate, the promise to the customer is broken. */
  | { action: 'breach'; line: 'L3'; dueAt: Date };

/**
 * Deadlines are inclusive: at exactly `dueAt` the budget is used up and the issue escalates; at exactly
 * `warnAt` the warning is due. Past-due wins over warning (a late run escalates without warning first).
 */
export function decideEscalation(input: EscalationInput): EscalationDecision {
  const { line, now } = input;
  const budget = lineBudget(input.table, input.grade, line, input.timeRule ?? 'problem');
  const calendar = input.calendarFor(line, budget.calendarId);
  if (calendar === undefined) {
    throw new DomainError(EscalationErrorCode.CalendarUnknown, `No calendar "${budget.calendarId}" for ${line}.`, []);
  }
  const { dueAt, warnAt } = lineDeadlines({
    calendar,
    enteredAt: input.enteredAt,
    budgetMinutes: budget.minutes,
    warningFraction: budget.warningFraction,
    pauses: input.pauses,
  });
  const t = now.getTime();
  if (dueAt !== null && t >= dueAt.getTime()) {
    const to = nextLine(line);
    return to === null ? { action: 'breach', line: 'L3', dueAt } : { action: 'escalate', from: line, to, dueAt };
  }
  if (warnAt !== null && t >= warnAt.getTime() && input.warnedForLine !== line) {
    return { action: 'warn', line, dueAt, warnAt };
  }
  return { action: 'none', line, dueAt, warnAt };
}

/**
 * Timeout means consent (超时默认为同意受理): a department that does not answer a dispatch within
 * `acceptanceMinutes` working minutes is deemed to have accepted it, so an issue never waits in limbo.
 * Inclusive: at exactly `acceptBy` it is deemed accepted.
 */
export type AcceptanceDecision =
  | { decision: 'awaitingAnswer'; acceptBy: Date }
  | { decision: 'deemedAccepted'; acceptBy: Date };

export function acceptanceDecision(
  dispatchedAt: Date,
  acceptanceMinutes: number,
  now: Date,
  calendar: BusinessCalendar,
): AcceptanceDecision {
  if (!Number.isFinite(acceptanceMinutes) || acceptanceMinutes < 0) {
    throw new DomainError(
      EscalationErrorCode.InvalidArgument,
      `Acceptance minutes must be ≥ 0, got ${acceptanceMinutes}.`,
    );
  }
  const acceptBy = acceptanceMinutes === 0 ? dispatchedAt : addWorkingTime(calendar, dispatchedAt, acceptanceMinutes);
  return now.getTime() >= acceptBy.getTime()
    ? { decision: 'deemedAccepted', acceptBy }
    : { decision: 'awaitingAnswer', acceptBy };
}
