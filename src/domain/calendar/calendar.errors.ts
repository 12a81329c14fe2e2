import { DomainError, type ValidationIssue } from '../validation';

/**
 * Stable codes for calendar problems. UIs translate by code; never rename one,
 * only add new ones.
 */
export const CalendarErrorCode = {
  /** A value has the wrong JSON type (object, array, string expected). */
  WrongType: 'CALENDAR_WRONG_TYPE',
  MissingField: 'CALENDAR_MISSING_FIELD',
  UnknownField: 'CALENDAR_UNKNOWN_FIELD',
  /** Not an IANA zone the runtime knows (Intl rejects it), or an offset like "+08:00". */
  BadZone: 'CALENDAR_BAD_ZONE',
  /** Not "HH:MM" in 00:00..23:59 (24:00 allowed only as a window end). */
  BadTime: 'CALENDAR_BAD_TIME',
  /** Window start is not before its end (reversed or empty). */
  ReversedWindow: 'CALENDAR_REVERSED_WINDOW',
  /** Two windows of one day share some minutes. */
  Overlap: 'CALENDAR_OVERLAP',
  /** Not a real date "YYYY-MM-DD". */
  BadDate: 'CALENDAR_BAD_DATE',
  /** A key in `week` that is not mon..sun. */
  UnknownDay: 'CALENDAR_UNKNOWN_DAY',
  /** Thrown by the calculations when given a calendar that fails validation; carries the issues. */
  Invalid: 'CALENDAR_INVALID',
  /** Minutes to add are negative, NaN or infinite. */
  BadMinutes: 'CALENDAR_BAD_MINUTES',
  /** A Date argument is not a valid Date. */
  BadInstant: 'CALENDAR_BAD_INSTANT',
  /** Working time was asked for but the calendar has none from that point on. */
  NoWorkingTime: 'CALENDAR_NO_WORKING_TIME',
  /** The answer would fall outside the range a JavaScript Date can hold. */
  OutOfRange: 'CALENDAR_OUT_OF_RANGE',
  /** The walk needed more steps than the caller allowed (CalendarWork): the deadline is too far ahead. */
  WorkLimit: 'CALENDAR_WORK_LIMIT',
} as const;

export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

export function calendarError(code: CalendarErrorCode, message: string, issues: ValidationIssue[] = []): DomainError {
  return new DomainError(code, message, issues);
}
