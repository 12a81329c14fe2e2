/** Local wall-clock window "HH:MM"–"HH:MM"; end may be "24:00". */
export type Window = [start: string, end: string];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface BusinessCalendar {
  /** IANA zone, e.g. "Asia/Shanghai". */
  timeZone: string;
  week: Partial<Record<Weekday, Window[]>>;
  /** Local dates "YYYY-MM-DD" with no working time. */
  holidays?: string[];
  /** Local date -> that day's windows instead ([] = off); wins over week and holidays (make-up workdays, 调休). */
  overrides?: Record<string, Window[]>;
}
