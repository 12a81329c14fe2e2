/**
 * The response (acceptance) clock: the promise to the customer that someone takes the issue on. It
 * starts when the issue is created, not when triage dispatches it, and runs on the grade's calendar;
 * an issue nobody has graded yet runs on a default grade (the project's, else the site's, else the
 * table's most severe: an unread issue may be critical). Triage's grade recomputes it from creation.
 *
 * At the response deadline the sweep applies "timeout means consent" (超时默认为同意受理) to an issue
 * awaiting its owner's answer, and tells triage about an issue still not triaged. The clock stops
 * when the owner answers (accepted, or deemed to) or the issue is done.
 */
import type { BusinessCalendar } from '../calendar/businessCalendar.types';
import { lineDeadlines, type LineDeadlines } from './deadlines';
import type { GradeId, Pause, SlaByGrade } from './sla.types';

/** The acceptance field's values (`itr-acceptance`); null while nobody has dispatched the issue. */
export type ResponseAcceptance = 'awaiting' | 'accepted' | 'deemedAccepted' | null;

/**
 * The last response-clock alert the sweep sent (`itr-response-alert`): `warn` (the warning time
 * passed) or `due` (the deadline passed: deemed accepted, or triage told the issue is still untriaged).
 * Stored so the sweep's JQL never finds the same issue for the same alert again.
 */
export type ResponseAlert = 'warn' | 'due';

export const RESPONSE_ALERTS: readonly ResponseAlert[] = ['warn', 'due'];

export function isResponseAlert(v: unknown): v is ResponseAlert {
  return v === 'warn' || v === 'due';
}

/**
 * The grade whose response time and calendar an issue's clock runs on: its own grade when the table
 * has an SLA for it; before triage, the project's default, then the site's default, then the table's
 * first (most severe) grade. Null only for a table without grades (validation refuses one).
 */
export function responseGradeOf(
  table: { readonly grades: ReadonlyArray<{ readonly id: GradeId }>; readonly sla: SlaByGrade },
  grade: GradeId | null,
  defaults: { project?: GradeId | undefined; site?: GradeId | null | undefined } = {},
): GradeId | null {
  const known = (g: GradeId | null | undefined): g is GradeId =>
    typeof g === 'string' && Object.prototype.hasOwnProperty.call(table.sla, g);
  for (const candidate of [grade, defaults.project, defaults.site]) if (known(candidate)) return candidate;
  return table.grades.find((g) => known(g.id))?.id ?? null;
}

export interface ResponseDeadlineInput {
  calendar: BusinessCalendar;
  /** When the issue was created: the customer's clock starts here. */
  createdAt: Date;
  /** The grade's response minutes (working minutes on `calendar`). */
  responseMinutes: number;
  /** Range (0, 1]; default DEFAULT_WARNING_FRACTION. */
  warningFraction?: number;
  /** Waiting-for-customer pauses of the issue (any line, or before triage). */
  pauses?: readonly Pause[];
}

/**
 * Response due and warning times: the response minutes from creation, pushed out by the pauses (null
 * while an open pause stops the clock first).
 *
 * @example
 * responseDeadlines({ calendar: alwaysOn, createdAt: new Date('2026-03-02T08:00Z'), responseMinutes: 30 })
 * // { dueAt: 2026-03-02T08:30Z, warnAt: 2026-03-02T08:22Z }
 */
export function responseDeadlines(input: ResponseDeadlineInput): LineDeadlines {
  return lineDeadlines({
    calendar: input.calendar,
    enteredAt: input.createdAt,
    budgetMinutes: input.responseMinutes,
    ...(input.warningFraction === undefined ? {} : { warningFraction: input.warningFraction }),
    ...(input.pauses === undefined ? {} : { pauses: input.pauses }),
  });
}

/** What the sweep does about an issue's response clock now. */
export type ResponseDecision =
  | { action: 'none' }
  /** The warning time passed: tell the owner (if any) and triage. */
  | { action: 'warn'; dueAt: Date | null }
  /** Awaiting its owner's answer at the deadline: deemed accepted, at `at` (the deadline, or the dispatch if later). */
  | { action: 'deemAccepted'; at: Date }
  /** Not dispatched by the deadline: the promise is broken, triage is told. */
  | { action: 'overdue'; at: Date };

export interface ResponseState {
  acceptance: ResponseAcceptance;
  dueAt: Date | null;
  warnAt: Date | null;
  alert: ResponseAlert | null;
  /** When the current owner got the issue (triage_dispatch), if dispatched. */
  dispatchedAt: Date | null;
  /** Whether the issue is done (Resolution or Done category): every clock has stopped. */
  done: boolean;
}

/**
 * Deadlines are inclusive (at exactly `dueAt` the owner is deemed to accept). Past-due wins over the
 * warning. An owner dispatched after the deadline is deemed to accept at the dispatch: the customer's
 * time had already run out, and passing the issue on does not buy time.
 */
export function decideResponse(state: ResponseState, now: Date): ResponseDecision {
  if (state.done || state.acceptance === 'accepted' || state.acceptance === 'deemedAccepted') return { action: 'none' };
  const t = now.getTime();
  if (state.dueAt !== null && t >= state.dueAt.getTime()) {
    if (state.acceptance === 'awaiting') {
      const d = state.dispatchedAt;
      const at = d !== null && d.getTime() > state.dueAt.getTime() && d.getTime() <= t ? d : state.dueAt;
      return { action: 'deemAccepted', at };
    }
    return state.alert === 'due' ? { action: 'none' } : { action: 'overdue', at: state.dueAt };
  }
  if (state.warnAt !== null && t >= state.warnAt.getTime() && state.alert === null)
    return { action: 'warn', dueAt: state.dueAt };
  return { action: 'none' };
}

/**
 * The alert still true after the deadlines were recomputed (a grade from triage, a pause ended): an
 * alert for a time that now lies ahead is forgotten, so the sweep alerts again when it comes; a sent
 * `due` whose deadline moved out but whose warning time has passed counts as warned.
 */
export function alertAfterRecompute(
  previous: ResponseAlert | null,
  deadlines: LineDeadlines,
  now: Date,
): ResponseAlert | null {
  if (previous === null) return null;
  const t = now.getTime();
  if (deadlines.dueAt !== null && t >= deadlines.dueAt.getTime()) return previous;
  if (deadlines.warnAt !== null && t >= deadlines.warnAt.getTime()) return 'warn';
  return null;
}
