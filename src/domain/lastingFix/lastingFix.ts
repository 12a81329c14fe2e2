/**
 * Lasting fixes (itr-process.md §5, "fire prevention", 防火): the long-term measure of a problem's root
 * cause, and the follow-up (二次改进) a return visit opens when the customer's view differs from the
 * internal one, are each tracked as a linked Jira issue with an assignee and a due date.
 *
 * Pure rules: the state a fix is in (open / done / overdue), what a request to create one must hold,
 * and whether its assignee is reminded now. `today` is a calendar day (`YYYY-MM-DD`) the caller
 * computed from its clock in a stated zone (`dayIn`); nothing here reads a clock.
 */

/** What a lasting fix is for: a problem's long-term measure, or a return visit's follow-up. */
export const LASTING_FIX_KINDS = ['longTerm', 'followUp'] as const;
export type LastingFixKind = (typeof LASTING_FIX_KINDS)[number];

export const isLastingFixKind = (v: unknown): v is LastingFixKind =>
  typeof v === 'string' && (LASTING_FIX_KINDS as readonly string[]).includes(v);

/** A fix is done when Jira says its issue is (`isIssueDone`); overdue when not done after its due day. */
export type LastingFixState = 'open' | 'done' | 'overdue';

/** A calendar day, `YYYY-MM-DD` (Jira's `duedate` format). */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `v` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not). */
export function isDay(v: unknown): v is Day {
  if (typeof v !== 'string') return false;
  const m = DAY.exec(v);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The calendar day of `instant` in the IANA time zone `zone` (e.g. `Asia/Shanghai`).
 * @example dayIn(new Date('2026-12-07T17:00:00Z'), 'Asia/Shanghai') // '2026-12-08'
 */
export function dayIn(instant: Date, zone: string): Day {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The state of a fix: done when its issue is done (whatever the date), overdue when it is still open
 * after its due day (the due day itself is not late), open otherwise. Days compare as text: both are
 * `YYYY-MM-DD`.
 */
export function lastingFixState(fix: { done: boolean; dueDate: Day; today: Day }): LastingFixState {
  if (fix.done) return 'done';
  return fix.today > fix.dueDate ? 'overdue' : 'open';
}

/** Stable codes of a refused request; the UI translates each. */
export type LastingFixProblemCode =
  | 'LASTING_FIX_ASSIGNEE_REQUIRED'
  | 'LASTING_FIX_DUE_DATE_INVALID'
  | 'LASTING_FIX_DUE_DATE_PAST'
  | 'LASTING_FIX_SUMMARY_REQUIRED';

export interface LastingFixProblem {
  code: LastingFixProblemCode;
  path: 'assignee' | 'dueDate' | 'summary';
  message: string;
}

/**
 * What is wrong with a request to create a fix, every problem at once (empty = acceptable). Jira
 * itself accepts a due date in the past; the app does not, because a fix born overdue is a typing
 * mistake, and it would be reminded of at once.
 */
export function lastingFixRequestProblems(req: {
  assignee: string | null;
  dueDate: string;
  summary: string;
  today: Day;
}): LastingFixProblem[] {
  const problems: LastingFixProblem[] = [];
  if (req.summary.trim() === '')
    problems.push({ code: 'LASTING_FIX_SUMMARY_REQUIRED', path: 'summary', message: 'the measure needs a summary' });
  if (req.assignee === null || req.assignee === '')
    problems.push({ code: 'LASTING_FIX_ASSIGNEE_REQUIRED', path: 'assignee', message: 'choose who carries it out' });
  if (!isDay(req.dueDate))
    problems.push({
      code: 'LASTING_FIX_DUE_DATE_INVALID',
      path: 'dueDate',
      message: 'the due date must be YYYY-MM-DD',
    });
  else if (req.dueDate < req.today)
    problems.push({
      code: 'LASTING_FIX_DUE_DATE_PAST',
      path: 'dueDate',
      message: `the due date ${req.dueDate} is before today (${req.today})`,
    });
  return problems;
}

/**
 * Whether the assignee is reminded now: once, when the fix is not done and its due day has come
 * (on the due day, not after it is already late), and never again once a reminder was recorded.
 */
export function reminderDue(fix: { done: boolean; dueDate: Day; today: Day; remindedAt: Date | null }): boolean {
  return !fix.done && fix.remindedAt === null && fix.today >= fix.dueDate;
}
