import type { BusinessCalendar, Weekday } from '../../../src/domain/calendar';

/**
 * The naive reference: walk real time minute by minute and ask Intl directly what the wall
 * clock says. Slow (one Intl call per minute) and obviously right, so only for short spans.
 * Exact when offsets and transitions fall on whole minutes, true of every zone used here.
 */

const MINUTE = 60_000;
const DAY_KEYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string, instant: number): { date: string; weekday: Weekday; minuteOfDay: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const weekday = DAY_KEYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;
  return { date, weekday, minuteOfDay: Number(p.hour) * 60 + Number(p.minute) };
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Is the minute starting at `instant` (a whole minute) working time? */
export function isWorkingMinute(cal: BusinessCalendar, instant: number): boolean {
  const { date, weekday, minuteOfDay } = wallClock(cal.timeZone, instant);
  const windows = cal.overrides?.[date] ?? (cal.holidays?.includes(date) ? [] : (cal.week[weekday] ?? []));
  return windows.some(([s, e]) => minuteOfDay >= toMinutes(s) && minuteOfDay < toMinutes(e));
}

/** Working minutes in [from, to), both whole minutes. */
export function oracleMinutesBetween(cal: BusinessCalendar, from: number, to: number): number {
  let count = 0;
  for (let t = from; t < to; t += MINUTE) if (isWorkingMinute(cal, t)) count++;
  return count;
}

/** The end of the `minutes`-th working minute after `start` (whole minutes), or undefined within `limit`. */
export function oracleAdd(cal: BusinessCalendar, start: number, minutes: number, limit: number): number | undefined {
  if (minutes === 0) return start;
  let count = 0;
  for (let t = start; t < limit; t += MINUTE) {
    if (isWorkingMinute(cal, t) && ++count === minutes) return t + MINUTE;
  }
  return undefined;
}
