import { warrantyAt } from '../../../src/domain/customer';
import { DomainError } from '../../../src/domain';

describe('warrantyAt: 保内 through the whole end date in the site zone', () => {
  it.each([
    // [warranty end, instant, zone, expected, why]
    ['2026-12-31', '2026-12-31T15:59:59.999Z', 'Asia/Shanghai', 'in', '23:59:59.999 on the end date in Shanghai'],
    ['2026-12-31', '2026-12-31T16:00:00.000Z', 'Asia/Shanghai', 'out', 'midnight after the end date in Shanghai'],
    ['2026-12-31', '2026-12-31T23:00:00.000Z', 'UTC', 'in', 'late on the end date in UTC'],
    ['2026-12-31', '2027-01-01T00:00:00.000Z', 'UTC', 'out', 'first instant after, UTC'],
    ['2026-12-31', '2027-01-01T04:59:59.000Z', 'America/New_York', 'in', 'still Dec 31 in New York'],
    ['2026-12-31', '2027-01-01T05:00:00.000Z', 'America/New_York', 'out', 'Jan 1 in New York'],
    ['2026-01-01', '2025-06-01T00:00:00.000Z', 'UTC', 'in', 'long before the end'],
    ['2024-02-29', '2024-02-29T12:00:00.000Z', 'Europe/Berlin', 'in', 'leap day end date'],
    ['2024-02-29', '2024-03-01T00:30:00.000Z', 'Europe/Berlin', 'out', 'after the leap day in Berlin (01:30 local)'],
    // Daylight saving: 2026-03-08 New York springs forward at 02:00; the day still ends at 04:00Z next day.
    ['2026-03-08', '2026-03-09T03:59:00.000Z', 'America/New_York', 'in', 'DST start day, 23:59 EDT'],
    ['2026-03-08', '2026-03-09T04:00:00.000Z', 'America/New_York', 'out', 'DST start day over'],
    // 2026-10-25 Berlin falls back: the day has 25 hours and ends at 23:00Z.
    ['2026-10-25', '2026-10-25T22:59:00.000Z', 'Europe/Berlin', 'in', 'DST end day, 23:59 CET'],
    ['2026-10-25', '2026-10-25T23:00:00.000Z', 'Europe/Berlin', 'out', 'DST end day over'],
  ])('%s at %s in %s → %s (%s)', (end, at, zone, expected) => {
    expect(warrantyAt(end, new Date(at), zone)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 'UTC', 'WARRANTY_BAD_DATE'],
    ['31/12/2026', 'UTC', 'WARRANTY_BAD_DATE'],
    ['2026-12-31', 'Mars/Base', 'WARRANTY_BAD_ZONE'],
  ])('refuses %s in %s with %s', (end, zone, code) => {
    expect(() => warrantyAt(end, new Date('2026-01-01T00:00:00Z'), zone)).toThrow(DomainError);
    try {
      warrantyAt(end, new Date('2026-01-01T00:00:00Z'), zone);
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });

  it('refuses an invalid instant', () => {
    expect(() => warrantyAt('2026-12-31', new Date(NaN), 'UTC')).toThrow('not an instant');
  });
});
