import type { BusinessCalendar } from './businessCalendar.types';
import { calendarError, CalendarErrorCode } from './calendar.errors';
import { MS_PER_MINUTE, parseIsoDate, weekdayOfDay } from './civilDate';
import { parseTimeOfDay } from './timeOfDay';
import { validateCalendar, WEEKDAYS } from './validateCalendar';

/** A window as minutes since local midnight, [start, end). */
export type MinuteWindow = readonly [start: number, end: number];

/**
 * A validated calendar turned into lookup-friendly form: day numbers instead of date strings,
 * minutes instead of "HH:MM". Built once per calendar object.
 */
export interface CompiledCalendar {
  readonly timeZone: string;
  /** Index 0 = Monday … 6 = Sunday; windows sorted by start. */
  readonly week: ReadonlyArray<readonly MinuteWindow[]>;
  /** Nominal working time of one ordinary week (no holidays, no clock change), in ms. */
  readonly weekMs: number;
  readonly holidays: ReadonlySet<number>;
  readonly overrides: ReadonlyMap<number, readonly MinuteWindow[]>;
  /** Ascending day numbers that are holidays or overrides: where a week is not ordinary. */
  readonly specialDays: readonly number[];
  /** Latest override day that has working time, or -Infinity. */
  readonly lastOverrideWorkDay: number;
}

function toMinuteWindows(windows: ReadonlyArray<readonly [string, string]>): MinuteWindow[] {
  return windows
    .map(([start, end]): MinuteWindow => [parseTimeOfDay(start, false) as number, parseTimeOfDay(end, true) as number])
    .sort((a, b) => a[0] - b[0]);
}

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const week = WEEKDAYS.map((day) => toMinuteWindows(calendar.week[day] ?? []));
  const weekMinutes = week.reduce((sum, windows) => sum + windows.reduce((s, [a, b]) => s + (b - a), 0), 0);
  const holidays = new Set((calendar.holidays ?? []).map((date) => parseIsoDate(date) as number));
  const overrides = new Map<number, MinuteWindow[]>();
  let lastOverrideWorkDay = Number.NEGATIVE_INFINITY;
  for (const [date, windows] of Object.entries(calendar.overrides ?? {})) {
    const day = parseIsoDate(date) as number;
    overrides.set(day, toMinuteWindows(windows));
    if (windows.length > 0) lastOverrideWorkDay = Math.max(lastOverrideWorkDay, day);
  }
  const specialDays = [...new Set([...holidays, ...overrides.keys()])].sort((a, b) => a - b);
  return {
    timeZone: calendar.timeZone,
    week,
    weekMs: weekMinutes * MS_PER_MINUTE,
    holidays,
    overrides,
    specialDays,
    lastOverrideWorkDay,
  };
}

// Calendars are values: callers must not mutate one after first use (defaults are frozen).
const cache = new WeakMap<BusinessCalendar, CompiledCalendar>();

/**
 * The compiled form of `calendar`, validating it the first time this object is seen.
 * Throws DomainError CALENDAR_INVALID (with every issue) for an invalid calendar.
 */
export function compiledCalendarOf(calendar: BusinessCalendar): CompiledCalendar {
  const cached = cache.get(calendar);
  if (cached) return cached;
  const result = validateCalendar(calendar);
  if (!result.ok) {
    const first = result.issues[0]?.message ?? 'invalid calendar';
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : '';
    throw calendarError(CalendarErrorCode.Invalid, `Invalid business calendar: ${first}${more}`, result.issues);
  }
  const compiled = compile(result.value);
  cache.set(calendar, compiled);
  return compiled;
}

/** The windows that apply on a local day: override, else nothing on a holiday, else the week. */
export function windowsOnDay(calendar: CompiledCalendar, day: number): readonly MinuteWindow[] {
  const override = calendar.overrides.get(day);
  if (override) return override;
  if (calendar.holidays.has(day)) return [];
  return calendar.week[weekdayOfDay(day)] ?? [];
}

/** The first holiday or override day >= `day` (binary search), or +Infinity when none. */
export function nextSpecialDay(calendar: CompiledCalendar, day: number): number {
  const days = calendar.specialDays;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length ? (days[lo] as number) : Number.POSITIVE_INFINITY;
}
