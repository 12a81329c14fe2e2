import { SUPPORT_LINES, type SupportLine } from '../supportLine';
import { DomainError } from '../validation';
import { SlaErrorCode } from './sla.errors';
import { DEFAULT_WARNING_FRACTION, type GradeId, type GradeSla, type LineBudget } from './sla.types';
import { gradeSlaOf, type TimeRule, type TimedTable } from './timeRule';

// Guards Math.floor against binary fractions such as 0.29 * 100 = 28.999999999999996.
const EPSILON = 1e-9;

/**
 * Whole-minute budgets of all three lines. Percentages are rounded down for L1 and L2 and L3 takes the
 * remainder, so the budgets always add up to exactly the resolution minutes (no minute is lost or
 * invented by rounding).
 */
export function lineMinutes(sla: GradeSla): Readonly<Record<SupportLine, number>> {
  const { unit, lines } = sla.ola;
  if (unit === 'minutes') return { L1: lines.L1.amount, L2: lines.L2.amount, L3: lines.L3.amount };
  const floorShare = (percent: number): number => Math.floor((sla.resolutionMinutes * percent) / 100 + EPSILON);
  const L1 = floorShare(lines.L1.amount);
  const L2 = floorShare(lines.L2.amount);
  return { L1, L2, L3: sla.resolutionMinutes - L1 - L2 };
}

/**
 * The OLA budget of `line` for issues of `grade` under `rule` (a requirement's own times when the table
 * has them, see timeRule.ts). Expects a validated table (throws DomainError otherwise).
 */
export function lineBudget(
  table: TimedTable,
  grade: GradeId,
  line: SupportLine,
  rule: TimeRule = 'problem',
): LineBudget {
  const sla = gradeSlaOf(table, grade, rule);
  if (sla === undefined) {
    throw new DomainError(SlaErrorCode.GradeWithoutSla, `Grade "${grade}" has no SLA.`);
  }
  const share = sla.ola.lines[line];
  return {
    line,
    minutes: lineMinutes(sla)[line],
    calendarId: share.calendarId ?? sla.calendarId,
    warningFraction: share.warningFraction ?? DEFAULT_WARNING_FRACTION,
  };
}

/** All three budgets in escalation order, e.g. for showing the OLA of a grade. */
export function lineBudgets(table: TimedTable, grade: GradeId, rule: TimeRule = 'problem'): LineBudget[] {
  return SUPPORT_LINES.map((line) => lineBudget(table, grade, line, rule));
}
