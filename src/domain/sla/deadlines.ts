import { addWorkingTime, workingMinutesBetween, type CalendarWork } from '../calendar';
import type { BusinessCalendar } from '../calendar/businessCalendar.types';
import { DomainError } from '../validation';
import { SlaErrorCode } from './sla.errors';
import { DEFAULT_WARNING_FRACTION, type Pause } from './sla.types';

// Guards Math.floor against binary fractions such as 0.29 * 100 = 28.999999999999996.
const EPSILON = 1e-9;

export interface LineDeadlineInput {
  calendar: BusinessCalendar;
  /** When the issue entered the line: the line's clock starts here. */
  enteredAt: Date;
  /** The line's budget in working minutes (see `lineBudget`); finite, ≥ 0. */
  budgetMinutes: number;
  /** Range (0, 1]; default DEFAULT_WARNING_FRACTION. */
  warningFraction?: number;
  /** Waiting-for-customer intervals; may overlap, start before `enteredAt`, or be open-ended. */
  pauses?: readonly Pause[];
  /** Optional bound on the calendar walking (CalendarWork), shared with the caller's other calculations. */
  work?: CalendarWork;
}

/**
 * `null` means the clock is stopped by an open-ended pause before that instant was reached: the deadline
 * is unknown until the pause ends (when it ends, call again with the closed pause).
 */
export interface LineDeadlines {
  dueAt: Date | null;
  warnAt: Date | null;
}

/** A pause clipped to start no earlier than `start`; `to: null` is open-ended. */
interface Interval {
  from: number;
  to: number | null;
}

/**
 * Clips pauses to the line's clock start, drops empty ones and merges overlaps, so each paused instant
 * is subtracted once however the pauses were recorded.
 */
function normalizePauses(pauses: readonly Pause[], start: Date): Interval[] {
  const s = start.getTime();
  const clipped: Interval[] = [];
  for (const [i, p] of pauses.entries()) {
    const from = p.from.getTime();
    const to = p.to === null ? null : p.to.getTime();
    if (Number.isNaN(from) || (to !== null && Number.isNaN(to))) {
      throw new DomainError(SlaErrorCode.InvalidArgument, `Pause ${i} has an invalid date.`);
    }
    if (to !== null && to < from) {
      throw new DomainError(SlaErrorCode.InvalidArgument, `Pause ${i} ends before it starts.`);
    }
    const f = Math.max(from, s);
    if (to !== null && to <= f) continue; // over before the clock started, or empty
    clipped.push({ from: f, to });
  }
  clipped.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const p of clipped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (last.to === null || p.from <= last.to)) {
      last.to = last.to === null || p.to === null ? null : Math.max(last.to, p.to);
    } else {
      merged.push({ ...p });
    }
  }
  return merged;
}

/**
 * The instant at which `minutes` working minutes have been consumed from `start`, skipping paused time;
 * null if an open-ended pause begins first.
 */
function reachAfter(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses: readonly Interval[],
  work?: CalendarWork,
): Date | null {
  if (minutes <= 0) return start; // nothing to consume: reached at once, wherever the calendar stands
  let cursor = start;
  let remaining = minutes;
  for (const p of pauses) {
    const candidate = addWorkingTime(calendar, cursor, remaining, work);
    if (candidate.getTime() <= p.from) return candidate;
    remaining -= workingMinutesBetween(calendar, cursor, new Date(p.from));
    // Budget used up exactly by the pause start (the calendar may place that instant later, e.g. at the
    // end of a window): the pause does not push it further.
    if (remaining <= 0) return candidate;
    if (p.to === null) return null;
    cursor = new Date(p.to);
  }
  return addWorkingTime(calendar, cursor, remaining, work);
}

function checkBudget(budgetMinutes: number, warningFraction: number): void {
  if (!Number.isFinite(budgetMinutes) || budgetMinutes < 0) {
    throw new DomainError(
      SlaErrorCode.InvalidArgument,
      `Budget must be a finite number of minutes ≥ 0, got ${budgetMinutes}.`,
    );
  }
  if (!(warningFraction > 0 && warningFraction <= 1)) {
    throw new DomainError(SlaErrorCode.InvalidArgument, `Warning fraction must be in (0, 1], got ${warningFraction}.`);
  }
}

/**
 * When the line's budget runs out (`dueAt`) and when to warn (`warnAt`, after `warningFraction` of
 * the budget, rounded down to whole minutes so a warning is never late). Paused time does not consume
 * the budget, so each pause pushes both instants out by the working time it covered.
 *
 * @example
 * lineDeadlines({ calendar: alwaysOn, enteredAt: new Date('2026-03-02T08:00Z'), budgetMinutes: 120,
 *   pauses: [{ from: new Date('2026-03-02T08:30Z'), to: new Date('2026-03-02T09:00Z') }] })
 * // { dueAt: 2026-03-02T10:30Z, warnAt: 2026-03-02T10:00Z }
 */
export function lineDeadlines(input: LineDeadlineInput): LineDeadlines {
  const warningFraction = input.warningFraction ?? DEFAULT_WARNING_FRACTION;
  checkBudget(input.budgetMinutes, warningFraction);
  const pauses = normalizePauses(input.pauses ?? [], input.enteredAt);
  const warnMinutes = Math.floor(input.budgetMinutes * warningFraction + EPSILON);
  return {
    dueAt: reachAfter(input.calendar, input.enteredAt, input.budgetMinutes, pauses, input.work),
    warnAt: reachAfter(input.calendar, input.enteredAt, warnMinutes, pauses, input.work),
  };
}

/**
 * Working minutes the line has consumed by `now`, excluding paused time: what the UI shows as used
 * (budget minus this is what is left).
 */
export function consumedWorkingMinutes(input: {
  calendar: BusinessCalendar;
  enteredAt: Date;
  pauses?: readonly Pause[];
  now: Date;
}): number {
  const { calendar, enteredAt, now } = input;
  if (now.getTime() <= enteredAt.getTime()) return 0;
  let consumed = workingMinutesBetween(calendar, enteredAt, now);
  for (const p of normalizePauses(input.pauses ?? [], enteredAt)) {
    if (p.from >= now.getTime()) break;
    const to = p.to === null ? now.getTime() : Math.min(p.to, now.getTime());
    consumed -= workingMinutesBetween(calendar, new Date(p.from), new Date(to));
  }
  return consumed;
}

/** The line's clock status at `now`; deadlines are inclusive: at `dueAt` exactly the line is overdue. */
export type LineClockStatus = 'onTrack' | 'warning' | 'overdue';

export function lineClockStatus(deadlines: LineDeadlines, now: Date): LineClockStatus {
  if (deadlines.dueAt !== null && now.getTime() >= deadlines.dueAt.getTime()) return 'overdue';
  if (deadlines.warnAt !== null && now.getTime() >= deadlines.warnAt.getTime()) return 'warning';
  return 'onTrack';
}
