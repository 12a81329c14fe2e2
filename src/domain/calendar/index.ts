/**
 * Business calendars: working time in an IANA zone, with holidays and make-up workdays (调休).
 *
 * Windows are local wall-clock time, and a window covers exactly the real instants whose local
 * reading falls inside it. So on a daylight-saving day 00:00–24:00 is 23 h or 25 h long; a
 * window starting in the skipped hour starts at the first real instant after it (one wholly
 * inside the gap is empty); in the repeated hour the wall-clock range occurs twice and both
 * passes are working time. A 24×7 calendar therefore always equals elapsed real time.
 * Precedence for a date: overrides[date] (`[]` = day off), else holiday (off), else the week.
 */
export type { BusinessCalendar, Weekday, Window } from './businessCalendar.types';
export { addWorkingTime } from './addWorkingTime';
export { CalendarWork } from './calendarWork';
export { workingMinutesBetween } from './workingMinutesBetween';
export { validateCalendar } from './validateCalendar';
export { CalendarErrorCode } from './calendar.errors';
export { DEFAULT_CALENDARS, defaultCalendarById } from './defaultCalendars';
export type { DefaultCalendar } from './defaultCalendars';
