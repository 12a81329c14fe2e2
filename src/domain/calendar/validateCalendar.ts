import type { ValidationIssue, Validated } from '../validation';
import type { BusinessCalendar, Weekday, Window } from './businessCalendar.types';
import { CalendarErrorCode } from './calendar.errors';
import { parseIsoDate } from './civilDate';
import { parseTimeOfDay } from './timeOfDay';
import { isValidTimeZone } from './zonedTime';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const KNOWN_FIELDS = new Set(['timeZone', 'week', 'holidays', 'overrides']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : `a ${typeof value}`;
}

function issue(code: string, path: string, message: string, params?: Record<string, string | number>): ValidationIssue {
  return params
    ? { code, path, message: `${path || 'calendar'}: ${message}`, params }
    : { code, path, message: `${path || 'calendar'}: ${message}` };
}

/**
 * Checks one day's list of windows. Returns the windows that are well-formed (so the caller can
 * build a clean copy) and pushes an issue for everything else, overlap included.
 */
function validateWindows(value: unknown, path: string, issues: ValidationIssue[]): Window[] {
  if (!Array.isArray(value)) {
    issues.push(
      issue(
        CalendarErrorCode.WrongType,
        path,
        `must be an array of ["HH:MM", "HH:MM"] windows, got ${describe(value)}`,
      ),
    );
    return [];
  }
  const good: Array<{ window: Window; start: number; end: number; path: string }> = [];
  value.forEach((raw: unknown, index) => {
    const windowPath = `${path}[${index}]`;
    if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string' || typeof raw[1] !== 'string') {
      issues.push(
        issue(CalendarErrorCode.WrongType, windowPath, `must be a pair of "HH:MM" strings, got ${describe(raw)}`),
      );
      return;
    }
    const [startText, endText] = raw as [string, string];
    const start = parseTimeOfDay(startText, false);
    const end = parseTimeOfDay(endText, true);
    if (start === undefined) {
      const hint = startText === '24:00' ? ' (24:00 may only end a window)' : '';
      issues.push(
        issue(
          CalendarErrorCode.BadTime,
          `${windowPath}[0]`,
          `start "${startText}" is not a time "HH:MM" from 00:00 to 23:59${hint}`,
          { value: startText },
        ),
      );
    }
    if (end === undefined) {
      issues.push(
        issue(
          CalendarErrorCode.BadTime,
          `${windowPath}[1]`,
          `end "${endText}" is not a time "HH:MM" from 00:00 to 24:00`,
          { value: endText },
        ),
      );
    }
    if (start === undefined || end === undefined) return;
    if (start >= end) {
      const what = start === end ? 'is empty' : 'ends before it starts';
      issues.push(
        issue(
          CalendarErrorCode.ReversedWindow,
          windowPath,
          `window ${startText}–${endText} ${what}; a window must start before it ends (use 24:00 for midnight)`,
          { start: startText, end: endText },
        ),
      );
      return;
    }
    good.push({ window: [startText, endText], start, end, path: windowPath });
  });
  // Touching windows (12:00 end, 12:00 start) are fine; sharing a minute is not.
  const sorted = [...good].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.start < previous.end) {
      issues.push(
        issue(
          CalendarErrorCode.Overlap,
          current.path,
          `window ${current.window[0]}–${current.window[1]} overlaps ${previous.path} (${previous.window[0]}–${previous.window[1]})`,
          { other: previous.path },
        ),
      );
    }
  }
  return good.map((g) => g.window);
}

/**
 * Validates untrusted input (admin form, stored JSON) as a BusinessCalendar. On success the value
 * is a fresh copy holding only known fields, so later edits to the input cannot reach it.
 * Every problem is reported, not just the first, each with a stable code and a field path.
 */
export function validateCalendar(input: unknown): Validated<BusinessCalendar> {
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(input)) {
    issues.push(issue(CalendarErrorCode.WrongType, '', `must be an object, got ${describe(input)}`));
    return { ok: false, issues };
  }

  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(key)) {
      issues.push(
        issue(CalendarErrorCode.UnknownField, key, `unknown field; expected timeZone, week, holidays or overrides`),
      );
    }
  }

  const zone = input['timeZone'];
  if (zone === undefined) {
    issues.push(
      issue(CalendarErrorCode.MissingField, 'timeZone', 'is required (an IANA zone such as "Asia/Shanghai")'),
    );
  } else if (typeof zone !== 'string') {
    issues.push(issue(CalendarErrorCode.WrongType, 'timeZone', `must be a string, got ${describe(zone)}`));
  } else if (!isValidTimeZone(zone)) {
    issues.push(
      issue(
        CalendarErrorCode.BadZone,
        'timeZone',
        `"${zone}" is not a known IANA time zone (for example "Europe/Berlin")`,
        { value: zone },
      ),
    );
  }

  const week: Partial<Record<Weekday, Window[]>> = {};
  const rawWeek = input['week'];
  if (rawWeek === undefined) {
    issues.push(
      issue(CalendarErrorCode.MissingField, 'week', 'is required (use {} for a calendar that only has overrides)'),
    );
  } else if (!isPlainObject(rawWeek)) {
    issues.push(
      issue(CalendarErrorCode.WrongType, 'week', `must be an object keyed by mon..sun, got ${describe(rawWeek)}`),
    );
  } else {
    for (const [key, value] of Object.entries(rawWeek)) {
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        issues.push(
          issue(
            CalendarErrorCode.UnknownDay,
            `week.${key}`,
            `"${key}" is not a weekday; use mon, tue, wed, thu, fri, sat or sun`,
            { value: key },
          ),
        );
        continue;
      }
      week[key as Weekday] = validateWindows(value, `week.${key}`, issues);
    }
  }

  let holidays: string[] | undefined;
  const rawHolidays = input['holidays'];
  if (rawHolidays !== undefined) {
    if (!Array.isArray(rawHolidays)) {
      issues.push(
        issue(
          CalendarErrorCode.WrongType,
          'holidays',
          `must be an array of "YYYY-MM-DD" dates, got ${describe(rawHolidays)}`,
        ),
      );
    } else {
      holidays = [];
      rawHolidays.forEach((value: unknown, index) => {
        const path = `holidays[${index}]`;
        if (typeof value !== 'string') {
          issues.push(
            issue(CalendarErrorCode.WrongType, path, `must be a "YYYY-MM-DD" string, got ${describe(value)}`),
          );
        } else if (parseIsoDate(value) === undefined) {
          issues.push(issue(CalendarErrorCode.BadDate, path, `"${value}" is not a real date "YYYY-MM-DD"`, { value }));
        } else {
          holidays?.push(value);
        }
      });
    }
  }

  let overrides: Record<string, Window[]> | undefined;
  const rawOverrides = input['overrides'];
  if (rawOverrides !== undefined) {
    if (!isPlainObject(rawOverrides)) {
      issues.push(
        issue(
          CalendarErrorCode.WrongType,
          'overrides',
          `must be an object keyed by "YYYY-MM-DD", got ${describe(rawOverrides)}`,
        ),
      );
    } else {
      overrides = {};
      for (const [date, value] of Object.entries(rawOverrides)) {
        const path = `overrides.${date}`;
        if (parseIsoDate(date) === undefined) {
          issues.push(
            issue(CalendarErrorCode.BadDate, path, `"${date}" is not a real date "YYYY-MM-DD"`, { value: date }),
          );
          continue;
        }
        overrides[date] = validateWindows(value, path, issues);
      }
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  const value: BusinessCalendar = { timeZone: zone as string, week };
  if (holidays) value.holidays = holidays;
  if (overrides) value.overrides = overrides;
  return { ok: true, value };
}
