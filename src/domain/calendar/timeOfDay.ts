/**
 * Wall-clock times of day "HH:MM" as minutes since local midnight.
 * "24:00" exists only as the end of a window, so a window can run to the end of the day.
 */

export const MINUTES_PER_DAY = 24 * 60;

const HH_MM = /^(\d{2}):(\d{2})$/;

/**
 * "HH:MM" -> minutes, or undefined when malformed. Hours 00..23 and minutes 00..59;
 * "24:00" only when `allowEndOfDay` (window ends).
 */
export function parseTimeOfDay(text: string, allowEndOfDay: boolean): number | undefined {
  const match = HH_MM.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return allowEndOfDay ? MINUTES_PER_DAY : undefined;
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}
