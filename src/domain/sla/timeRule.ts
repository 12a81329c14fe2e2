import type { GradeId, GradeSla, SlaByGrade } from './sla.types';

/**
 * Problems and requirements keep different time (itr-process §2: a problem is urgent, a requirement is
 * important but not urgent). The grading table keeps one SLA/OLA per grade for problems (`sla`) and,
 * optionally, the requirements' own (`requirementTimes`). The rule an issue's clocks follow is stamped
 * on it (with the table version), so an auditor sees which promise applied.
 */
export const TIME_RULES = ['problem', 'requirement'] as const;
export type TimeRule = (typeof TIME_RULES)[number];

export function isTimeRule(v: unknown): v is TimeRule {
  return v === 'problem' || v === 'requirement';
}

/**
 * What the admin sets for requirements. Every part is optional, so a table saved before requirements
 * had their own times (no `requirementTimes`) still validates and means: the same times for both.
 */
export interface RequirementTimes {
  /** Per grade; a grade left out keeps the problems' SLA (so the rule stamped is then `problem`). */
  sla?: SlaByGrade;
  /**
   * Stop a requirement's clocks while its value assessment is pending (no decision yet): nobody is
   * committed to a requirement before its value is weighed. Default false: the clock runs.
   */
  pauseWhileAssessing?: boolean;
}

/** The parts of a grading table the time rules read. */
export interface TimedTable {
  readonly sla: SlaByGrade;
  readonly requirementTimes?: RequirementTimes | undefined;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * The rule an issue of `classification` and `grade` follows: `requirement` only when the table gives
 * that grade requirement times; otherwise (a problem, not yet classified, or no requirement times)
 * `problem`. Migration-free: a table without `requirementTimes` answers `problem` for everything.
 *
 * @example timeRuleOf({ sla, requirementTimes: { sla: { minor: … } } }, 'requirement', 'minor') // 'requirement'
 */
export function timeRuleOf(table: TimedTable, classification: string | null, grade: GradeId): TimeRule {
  if (classification !== 'requirement') return 'problem';
  return own(table.requirementTimes?.sla, grade) === undefined ? 'problem' : 'requirement';
}

/** The SLA of `grade` under `rule` (undefined when the grade has none); `requirement` falls back to the problems' SLA. */
export function gradeSlaOf(table: TimedTable, grade: GradeId, rule: TimeRule = 'problem'): GradeSla | undefined {
  const problem = own(table.sla, grade);
  if (rule === 'problem') return problem;
  return own(table.requirementTimes?.sla, grade) ?? problem;
}

/** Whether the table asks to stop a requirement's clocks while its value assessment is pending. */
export function pausesWhileAssessing(table: TimedTable): boolean {
  return table.requirementTimes?.pauseWhileAssessing === true;
}

/**
 * What an issue's response (acceptance) clock runs on: the grade's response time and calendar under the
 * issue's rule, so a requirement is answered within the requirement times when the table gives its
 * grade some, and within the problem times otherwise. Undefined when the table has no SLA for the grade.
 *
 * @example responseTimeOf(table, 'requirement', 'minor') // { rule: 'requirement', responseMinutes: 600, calendarId: 'always-on' }
 */
export function responseTimeOf(
  table: TimedTable,
  classification: string | null,
  grade: GradeId,
): { rule: TimeRule; responseMinutes: number; calendarId: string } | undefined {
  const rule = timeRuleOf(table, classification, grade);
  const sla = gradeSlaOf(table, grade, rule);
  return sla === undefined ? undefined : { rule, responseMinutes: sla.responseMinutes, calendarId: sla.calendarId };
}

/**
 * The rule to stamp on an issue (`itr-time-rule`): its rule once it is classified and graded; null
 * before (an unclassified issue runs on the problem times, but nobody has decided it is a problem).
 */
export function timeRuleStampOf(
  table: TimedTable,
  classification: string | null,
  grade: GradeId | null,
): TimeRule | null {
  if ((classification !== 'problem' && classification !== 'requirement') || grade === null) return null;
  return timeRuleOf(table, classification, grade);
}
