/** Business calendars: working time in a zone, with holidays and make-up workdays (调休). */
export type { BusinessCalendar, Weekday, Window } from './businessCalendar.types';
export { addWorkingTime } from './addWorkingTime';
export { workingMinutesBetween } from './workingMinutesBetween';
export { validateCalendar } from './validateCalendar';
export { CalendarErrorCode } from './calendar.errors';
export { DEFAULT_CALENDARS, defaultCalendarById } from './defaultCalendars';
export type { DefaultCalendar } from './defaultCalendars';
