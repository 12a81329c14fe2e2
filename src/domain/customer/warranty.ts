/**
 * Warranty status (保内 / 保外) of an installed product at an instant, normally the creation.
 *
 * The warranty end date is a calendar date with no zone ("the last day covered"); the instant is read
 * as a date in `zone` (the site's default calendar's zone): covered through the whole of that day,
 * so an issue created at 23:59 local time on the end date is in warranty and one at 00:00 the next
 * day is not, wherever the server runs.
 */
import { localDayOf } from '../calendar/zonedTime';
import { parseIsoDate } from '../calendar/civilDate';
import { isValidTimeZone } from '../calendar/zonedTime';
import { DomainError } from '../validation';

export type WarrantyStatus = 'in' | 'out';
export const WARRANTY_STATUSES: readonly WarrantyStatus[] = ['in', 'out'];

/**
 * `in` when `at`'s date in `zone` is on or before `warrantyEnd` ("YYYY-MM-DD"), else `out`.
 * Throws DomainError WARRANTY_BAD_DATE / WARRANTY_BAD_ZONE for input that should have been validated.
 * @example warrantyAt('2026-12-31', new Date('2026-12-31T15:59:00Z'), 'Asia/Shanghai') // 'in' (23:59 there)
 */
export function warrantyAt(warrantyEnd: string, at: Date, zone: string): WarrantyStatus {
  const end = parseIsoDate(warrantyEnd);
  if (end === undefined) throw new DomainError('WARRANTY_BAD_DATE', `not a date: ${warrantyEnd.slice(0, 20)}`);
  if (!isValidTimeZone(zone)) throw new DomainError('WARRANTY_BAD_ZONE', `not a time zone: ${zone.slice(0, 60)}`);
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new DomainError('WARRANTY_BAD_DATE', 'not an instant');
  return localDayOf(zone, ms) <= end ? 'in' : 'out';
}
