/**
 * The preview's "accepted at" field is a wall-clock time in the reader's zone (their Jira profile's,
 * else the browser's), not UTC: `datetime-local` text ↔ an instant, for a given IANA zone.
 */

/** `YYYY-MM-DDTHH:mm` of `ms` as a clock in `timeZone` shows it (null: the browser's zone). */
export function wallClock(ms: number, timeZone: string | null): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      ...(timeZone === null ? {} : { timeZone }),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/**
 * The instant (ISO) whose wall clock in `timeZone` reads `local`, or null for text that is no time.
 * Two passes of "guess, see how far the zone shows it off, correct" settle across an offset change;
 * a wall time a spring jump skips (02:30 in New York on 2026-03-08) lands an hour earlier, on the
 * clock's last reading before the jump (01:30).
 */
export function instantOf(local: string, timeZone: string | null): string | null {
  const asUtc = Date.parse(`${local}:00Z`);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(local) || Number.isNaN(asUtc)) return null;
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess -= Date.parse(`${wallClock(guess, timeZone)}:00Z`) - asUtc;
  return new Date(guess).toISOString();
}
