import {
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  parseIsoDate,
  weekdayOfDay,
} from '../../../src/domain/calendar/civilDate';
import { parseTimeOfDay } from '../../../src/domain/calendar/timeOfDay';

describe('civil dates as day numbers', () => {
  it.each([
    [1970, 1, 1, 0],
    [2026, 3, 8, 20520],
    [2000, 2, 29, 11016],
    [1969, 12, 31, -1],
    [1, 1, 1, -719162],
  ])('%d-%d-%d is day %d, and back', (y, m, d, n) => {
    expect(daysFromCivil(y, m, d)).toBe(n);
    expect(civilFromDays(n)).toEqual({ year: y, month: m, day: d });
  });

  it('agrees with Date.UTC for every day from 1900 to 2100', () => {
    for (let n = daysFromCivil(1900, 1, 1); n <= daysFromCivil(2100, 12, 31); n++) {
      const date = new Date(n * 86_400_000);
      expect(civilFromDays(n)).toEqual({
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
      });
      // 0 = Monday in our order; getUTCDay has 0 = Sunday.
      expect(weekdayOfDay(n)).toBe((date.getUTCDay() + 6) % 7);
    }
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['26-04-01', false],
    [' 2026-04-01', false],
  ])('parseIsoDate(%s) valid=%s', (text, valid) => {
    const day = parseIsoDate(text);
    expect(day !== undefined).toBe(valid);
    if (day !== undefined) expect(formatIsoDate(day)).toBe(text);
  });
});

describe('times of day', () => {
  it.each([
    ['00:00', false, 0],
    ['09:30', false, 570],
    ['23:59', false, 1439],
    ['24:00', true, 1440],
    ['24:00', false, undefined],
    ['24:01', true, undefined],
    ['9:00', false, undefined],
    ['09:60', false, undefined],
    ['25:00', true, undefined],
    ['0900', false, undefined],
  ])('parseTimeOfDay(%s, end=%s) = %s', (text, allowEnd, minutes) => {
    expect(parseTimeOfDay(text, allowEnd)).toBe(minutes);
  });
});
