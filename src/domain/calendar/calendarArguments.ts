import { calendarError, CalendarErrorCode } from './calendar.errors';
import { MAX_INSTANT_MS } from './zonedTime';

/** Epoch ms of a Date argument; rejects non-Dates and Invalid Date with a stable code. */
export function instantOf(value: Date, name: string): number {
  // Not `instanceof`: a Date made in another realm (vm context, iframe) is still a Date.
  const isDate = Object.prototype.toString.call(value) === '[object Date]';
  const ms = isDate ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw calendarError(CalendarErrorCode.BadInstant, `${name} must be a valid Date`);
  }
  return ms;
}

/** A Date for an instant computed by the calendar, refusing what a Date cannot hold. */
export function dateOf(ms: number): Date {
  if (!(Math.abs(ms) <= MAX_INSTANT_MS)) {
    throw calendarError(CalendarErrorCode.OutOfRange, 'the result lies outside the range of a JavaScript Date');
  }
  return new Date(ms);
}
