import type { BusinessCalendar } from './businessCalendar.types';
import { instantOf } from './calendarArguments';
import { MS_PER_MINUTE } from './civilDate';
import { compiledCalendarOf } from './compiledCalendar';
import { WorkingTimeCursor } from './workingTimeCursor';

/**
 * Working minutes in [from, to): 0 when `to <= from`. Not rounded: sub-minute precision comes
 * from the milliseconds of the arguments (30 s of working time is 0.5).
 *
 * @throws DomainError CALENDAR_INVALID (calendar fails validation), CALENDAR_BAD_INSTANT.
 * @example
 * const cal = { timeZone: 'America/New_York', week: { mon: [['09:00', '17:00']] } };
 * workingMinutesBetween(cal, new Date('2026-01-05T14:30:00Z'), new Date('2026-01-06T00:00:00Z')); // 450
 */
export function workingMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const compiled = compiledCalendarOf(calendar);
  const fromMs = instantOf(from, 'from');
  const toMs = instantOf(to, 'to');
  if (toMs <= fromMs) return 0;
  let totalMs = 0;
  const cursor = new WorkingTimeCursor(compiled, fromMs, toMs);
  for (let span = cursor.next(Number.POSITIVE_INFINITY); span; span = cursor.next(Number.POSITIVE_INFINITY)) {
    totalMs += span.kind === 'weeks' ? span.workMs : span.end - span.start;
  }
  return totalMs / MS_PER_MINUTE;
}
