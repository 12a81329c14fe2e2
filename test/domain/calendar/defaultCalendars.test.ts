import { DEFAULT_CALENDARS, defaultCalendarById, validateCalendar } from '../../../src/domain/calendar';

describe('default calendars', () => {
  it('have unique ids and names in English and Simplified Chinese', () => {
    expect(DEFAULT_CALENDARS.map((c) => c.id)).toEqual(['cn-mainland-2026', 'us-eastern', 'eu-berlin', 'always-on']);
    for (const { name } of DEFAULT_CALENDARS) {
      expect(name.en).toMatch(/\w/);
      expect(name['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(DEFAULT_CALENDARS.map((c) => [c.id, c] as const))('%s is valid and frozen', (_id, entry) => {
    expect(validateCalendar(entry.calendar)).toEqual({ ok: true, value: entry.calendar });
    expect(Object.isFrozen(entry.calendar)).toBe(true);
    expect(Object.isFrozen(entry.calendar.week)).toBe(true);
  });

  it('finds by id', () => {
    expect(defaultCalendarById('eu-berlin')?.calendar.timeZone).toBe('Europe/Berlin');
    expect(defaultCalendarById('nope')).toBeUndefined();
  });

  describe('cn-mainland-2026 follows the State Council notice of 2025-11-04', () => {
    const cn = defaultCalendarById('cn-mainland-2026')?.calendar;
    const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

    it('has the 33 holiday dates of the seven breaks', () => {
      expect(cn?.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
      expect(cn?.holidays).toEqual(
        expect.arrayContaining([
          '2026-01-01',
          '2026-02-15',
          '2026-02-23',
          '2026-04-06',
          '2026-05-05',
          '2026-06-19',
          '2026-09-25',
          '2026-10-07',
        ]),
      );
    });

    it('has six make-up workdays (调休), all on weekends, with the normal split hours', () => {
      const overrides = cn?.overrides ?? {};
      expect(Object.keys(overrides).sort()).toEqual([
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ]);
      for (const [date, windows] of Object.entries(overrides)) {
        expect([0, 6]).toContain(weekdayOf(date));
        expect(windows).toEqual([
          ['09:00', '12:00'],
          ['13:30', '18:00'],
        ]);
        expect(cn?.holidays).not.toContain(date);
      }
    });
  });
});
