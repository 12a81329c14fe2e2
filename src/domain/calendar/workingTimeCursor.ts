import { calendarError, CalendarErrorCode } from './calendar.errors';
import type { CalendarWork } from './calendarWork';
import { type CompiledCalendar, nextSpecialDay, windowsOnDay } from './compiledCalendar';
import { MS_PER_DAY, MS_PER_MINUTE } from './civilDate';
import {
  firstInstantAtOrAfterWallClock,
  instantRangesForWallClock,
  localDayOf,
  MAX_INSTANT_MS,
  MAX_OFFSET_MS,
  nextTransition,
  offsetAt,
} from './zonedTime';

/**
 * What the cursor hands out, in time order:
 * - `interval`: one stretch of working time [start, end);
 * - `weeks`: a run of whole ordinary weeks [start, end) holding `workMs` of working time,
 *   offered instead of its intervals so that spans of years cost a few steps, not one per day.
 */
export type WorkingSpan =
  | { kind: 'interval'; start: number; end: number }
  | { kind: 'weeks'; start: number; end: number; workMs: number };

const WEEK_MS = 7 * MS_PER_DAY;
/**
 * How far ahead one skip looks for the next clock change. Longer skips fewer times but fills
 * more offset-cache chunks ahead of need. Range 2 weeks..a few years; default 400 days.
 */
const SKIP_HORIZON_MS = 400 * MS_PER_DAY;
/**
 * Days in a row with no working time, past the last holiday/override, after which the
 * calendar is declared to have none (a week repeats, so 2 weeks is ample).
 */
const IDLE_DAYS_LIMIT = 14;

/**
 * Walks a calendar's working time forward from an instant, one local day at a time, skipping
 * whole weeks when nothing in them differs from an ordinary week.
 *
 * Days are generated in local-date order, but an instant's local date need not rise with time
 * (a fall-back across midnight repeats the end of a day). So generated intervals wait in a small
 * sorted buffer and leave it only once no later day can produce an earlier instant.
 */
export class WorkingTimeCursor {
  private nextDay: number;
  private readonly buffer: Array<[number, number]> = [];
  private idleDays = 0;

  /**
   * @param calendar compiled calendar
   * @param fromMs   working time before this instant is ignored
   * @param untilMs  working time at or after this instant is ignored (Infinity: no end)
   * @param work     optional bound on the steps taken (days generated, week runs skipped)
   */
  constructor(
    private readonly calendar: CompiledCalendar,
    private readonly fromMs: number,
    private readonly untilMs: number,
    private readonly work?: CalendarWork,
  ) {
    // One day early: that day's repeated hour can reach past `fromMs`.
    this.nextDay = localDayOf(calendar.timeZone, fromMs) - 1;
  }

  /**
   * The next span, or undefined when no working time is left before `untilMs`.
   * A `weeks` span is offered only if its `workMs` is below `maxWeeksWorkMs`, so a caller
   * looking for the instant where a budget runs out always sees that instant inside an interval.
   */
  next(maxWeeksWorkMs: number): WorkingSpan | undefined {
    const zone = this.calendar.timeZone;
    for (;;) {
      const head = this.buffer[0];
      const boundary = firstInstantAtOrAfterWallClock(zone, this.nextDay * MS_PER_DAY);
      if (head && head[0] < boundary) {
        this.buffer.shift();
        const start = Math.max(head[0], this.fromMs);
        const end = Math.min(head[1], this.untilMs);
        if (head[0] >= this.untilMs) return undefined;
        if (start < end) return { kind: 'interval', start, end };
        continue;
      }
      if (!head) {
        if (boundary >= this.untilMs) return undefined;
        const weeks = this.skipWeeks(maxWeeksWorkMs);
        if (weeks) return weeks;
      }
      this.generateDay();
    }
  }

  private generateDay(): void {
    this.work?.step();
    const { timeZone: zone } = this.calendar;
    const day = this.nextDay;
    if (Math.abs(day * MS_PER_DAY) > MAX_INSTANT_MS - 2 * MS_PER_DAY) {
      throw calendarError(CalendarErrorCode.OutOfRange, 'the working time runs past the range of a JavaScript Date');
    }
    let produced = false;
    for (const [startMinute, endMinute] of windowsOnDay(this.calendar, day)) {
      const base = day * MS_PER_DAY;
      for (const range of instantRangesForWallClock(
        zone,
        base + startMinute * MS_PER_MINUTE,
        base + endMinute * MS_PER_MINUTE,
      )) {
        this.insert(range);
        produced = true;
      }
    }
    this.nextDay = day + 1;
    if (produced) this.idleDays = 0;
    else this.noteIdleDays(1);
  }

  /** Guards callers with no end instant against a calendar that never works again. */
  private noteIdleDays(count: number): void {
    this.idleDays += count;
    const lastSpecial = this.calendar.specialDays[this.calendar.specialDays.length - 1] ?? Number.NEGATIVE_INFINITY;
    if (this.untilMs === Number.POSITIVE_INFINITY && this.idleDays > IDLE_DAYS_LIMIT && this.nextDay > lastSpecial) {
      throw calendarError(CalendarErrorCode.NoWorkingTime, 'the calendar has no working time after this instant');
    }
  }

  private insert(range: [number, number]): void {
    let i = this.buffer.length;
    while (i > 0 && (this.buffer[i - 1] as [number, number])[0] > range[0]) i--;
    this.buffer.splice(i, 0, range);
  }

  /**
   * Whole ordinary weeks starting at `nextDay`: no holiday or override in them and no clock
   * change within a day of them, so each holds exactly `weekMs` and days map to instants by one
   * fixed offset. Returns undefined when not even one such week fits.
   */
  private skipWeeks(maxWorkMs: number): WorkingSpan | undefined {
    const { calendar } = this;
    const zone = calendar.timeZone;
    const day = this.nextDay;
    const wallStart = day * MS_PER_DAY;
    const probe = wallStart - MAX_OFFSET_MS;
    const offset = offsetAt(zone, probe);
    const start = wallStart - offset;
    if (start < this.fromMs) return undefined;

    let days = nextSpecialDay(calendar, day) - day;
    if (days < 7) return undefined;
    const change = nextTransition(zone, probe, wallStart + SKIP_HORIZON_MS);
    const clearUntil = change === undefined ? wallStart + SKIP_HORIZON_MS - MAX_OFFSET_MS : change - 1 - MAX_OFFSET_MS;
    days = Math.min(days, Math.floor((clearUntil - wallStart) / MS_PER_DAY));

    let weeks = Math.floor(days / 7);
    if (this.untilMs !== Number.POSITIVE_INFINITY)
      weeks = Math.min(weeks, Math.floor((this.untilMs - start) / WEEK_MS));
    if (calendar.weekMs > 0 && maxWorkMs !== Number.POSITIVE_INFINITY) {
      weeks = Math.min(weeks, Math.ceil(maxWorkMs / calendar.weekMs) - 1);
    }
    if (weeks < 1) return undefined;
    if (Math.abs(start + weeks * WEEK_MS) > MAX_INSTANT_MS - 2 * MS_PER_DAY) return undefined;
    this.work?.step();
    this.nextDay = day + 7 * weeks;
    if (calendar.weekMs > 0) this.idleDays = 0;
    else this.noteIdleDays(7 * weeks);
    return { kind: 'weeks', start, end: start + weeks * WEEK_MS, workMs: weeks * calendar.weekMs };
  }
}
