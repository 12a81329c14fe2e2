import type { BusinessCalendar, Weekday, Window } from '../../../src/domain/calendar';

/** Named calendars shared by the example tables. Hours read as in the source system. */

export const ALL_DAY: Window[] = [['00:00', '24:00']];
const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function everyDay(timeZone: string, windows: Window[] = ALL_DAY): BusinessCalendar {
  return { timeZone, week: Object.fromEntries(WEEK.map((d) => [d, windows])) };
}

export function monToFri(timeZone: string, windows: Window[], extra: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return { timeZone, week: { mon: windows, tue: windows, wed: windows, thu: windows, fri: windows }, ...extra };
}

/** Znuny's default German vacation days (Jan 1, May 1, Dec 24/25/26/31) for the years its tests use. */
export const ZNUNY_VACATION_DAYS = ['2015', '2016'].flatMap((y) => [
  `${y}-01-01`,
  `${y}-05-01`,
  `${y}-12-24`,
  `${y}-12-25`,
  `${y}-12-26`,
  `${y}-12-31`,
]);

/** Znuny hour lists are inclusive: [8..17] means 08:00–18:00, [8..12, 14..17] means 08–13 and 14–18. */
export const ZNUNY_8_TO_17: Window[] = [['08:00', '18:00']];
export const ZNUNY_8_TO_12_14_TO_17: Window[] = [
  ['08:00', '13:00'],
  ['14:00', '18:00'],
];

/** RT's Business::Hours default: Monday to Friday 9:00–18:00. */
export const RT_DEFAULT_HOURS: Window[] = [['09:00', '18:00']];

export const at = (iso: string): Date => new Date(iso);
