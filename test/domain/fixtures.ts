import { defaultCalendarById } from '../../src/domain/calendar';
import type { BusinessCalendar } from '../../src/domain/calendar/businessCalendar.types';

/** The calendar author's reference calendars, by id (fixtures named after what they are). */
export function referenceCalendar(id: 'always-on' | 'cn-mainland-2026' | 'us-eastern' | 'eu-berlin'): BusinessCalendar {
  const found = defaultCalendarById(id);
  if (found === undefined) throw new Error(`reference calendar ${id} missing`);
  return found.calendar;
}

/** 24×7 in UTC: working time equals elapsed time, so expectations are plain arithmetic. */
export const ALWAYS_ON = referenceCalendar('always-on');
/** Mon–Fri 09:00–17:00 America/New_York. */
export const US_EASTERN = referenceCalendar('us-eastern');
/** Mon–Fri 08:00–16:30 Europe/Berlin. */
export const EU_BERLIN = referenceCalendar('eu-berlin');
/** Mon–Fri 09:00–12:00 + 13:30–18:00 Asia/Shanghai with 2026 holidays and make-up workdays. */
export const CN_MAINLAND_2026 = referenceCalendar('cn-mainland-2026');

export const at = (iso: string): Date => new Date(iso);

/** Adds whole minutes to an instant (tests only; the domain never does wall-clock arithmetic itself). */
export const plusMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);
