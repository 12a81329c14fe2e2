import type { BusinessCalendar } from './businessCalendar.types';
import { calendarError, CalendarErrorCode } from './calendar.errors';
import type { CalendarWork } from './calendarWork';
import { dateOf, instantOf } from './calendarArguments';
import { MS_PER_MINUTE } from './civilDate';
import { compiledCalendarOf } from './compiledCalendar';
import { WorkingTimeCursor } from './workingTimeCursor';
import { localDayOf } from './zonedTime';

/**
 * Float noise tolerated when turning fractional minutes into ms (e.g. 0.7 * 60000), so a
 * budget of exactly N ms never rounds up to N + 1.
 */
const MS_EPSILON = 1e-6;

/**
 * The earliest instant at which `minutes` of working time have passed since `start`
 * (the SLA due date). 0 minutes returns `start` itself, even outside working hours.
 * Fractional minutes are allowed; the answer is rounded up to the next whole millisecond.
 *
 * @throws DomainError CALENDAR_INVALID (calendar fails validation), CALENDAR_BAD_MINUTES
 *   (negative, NaN, infinite), CALENDAR_BAD_INSTANT, CALENDAR_NO_WORKING_TIME (the calendar
 *   never works again), CALENDAR_OUT_OF_RANGE, CALENDAR_WORK_LIMIT (more steps than `work` allows).
 * @example
 * const cal = { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } };
 * // Friday 2026-01-02 16:00 Berlin + 120 working minutes -> Monday 2026-01-05 10:00 Berlin
 * addWorkingTime(cal, new Date('2026-01-02T15:00:00Z'), 120).toISOString(); // '2026-01-05T09:00:00.000Z'
 */
export function addWorkingTime(calendar: BusinessCalendar, start: Date, minutes: number, work?: CalendarWork): Date {
  const compiled = compiledCalendarOf(calendar);
  const startMs = instantOf(start, 'start');
  if (typeof minutes !== 'number' || Number.isNaN(minutes) || minutes < 0 || minutes === Number.POSITIVE_INFINITY) {
    throw calendarError(CalendarErrorCode.BadMinutes, `minutes must be a finite number >= 0, got ${String(minutes)}`);
  }
  if (minutes === 0) return new Date(startMs);

  // Cheap early answer for the common misconfiguration: no weekly hours and no future override.
  if (compiled.weekMs === 0 && compiled.lastOverrideWorkDay < localDayOf(compiled.timeZone, startMs) - 1) {
    throw calendarError(CalendarErrorCode.NoWorkingTime, 'the calendar has no working time after this instant');
  }

  let remaining = minutes * MS_PER_MINUTE;
  const cursor = new WorkingTimeCursor(compiled, startMs, Number.POSITIVE_INFINITY, work);
  for (;;) {
    const span = cursor.next(remaining);
    if (!span)
      throw calendarError(CalendarErrorCode.NoWorkingTime, 'the calendar has no working time after this instant');
    if (span.kind === 'weeks') {
      remaining -= span.workMs;
      continue;
    }
    const available = span.end - span.start;
    if (remaining <= available + MS_EPSILON) return dateOf(Math.ceil(span.start + remaining - MS_EPSILON));
    remaining -= available;
  }
}
