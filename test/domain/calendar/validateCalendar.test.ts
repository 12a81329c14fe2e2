import { CalendarErrorCode, validateCalendar } from '../../../src/domain/calendar';

const valid = {
  timeZone: 'Asia/Shanghai',
  week: {
    mon: [
      ['09:00', '12:00'],
      ['13:30', '18:00'],
    ],
    sat: [],
  },
  holidays: ['2026-10-01'],
  overrides: { '2026-10-10': [['09:00', '18:00']], '2026-10-08': [] },
};

/** `valid` with one field replaced. */
function withField(field: string, value: unknown): Record<string, unknown> {
  return { ...valid, [field]: value };
}

describe('validateCalendar', () => {
  it('accepts a calendar and returns a clean copy', () => {
    const result = validateCalendar(valid);
    expect(result).toEqual({ ok: true, value: valid });
    if (result.ok) expect(result.value.week).not.toBe(valid.week);
  });

  it('accepts the minimum: a zone and an empty week', () => {
    expect(validateCalendar({ timeZone: 'UTC', week: {} })).toEqual({ ok: true, value: { timeZone: 'UTC', week: {} } });
  });

  it('accepts touching windows and 24:00 as an end', () => {
    expect(
      validateCalendar({
        timeZone: 'UTC',
        week: {
          mon: [
            ['00:00', '12:00'],
            ['12:00', '24:00'],
          ],
        },
      }).ok,
    ).toBe(true);
  });

  const rows: Array<[string, unknown, string, string]> = [
    // one row per kind of problem: input, code, path
    ['not an object', 'calendar', CalendarErrorCode.WrongType, ''],
    ['an array', [], CalendarErrorCode.WrongType, ''],
    ['unknown field', withField('holiday', []), CalendarErrorCode.UnknownField, 'holiday'],
    ['missing zone', { week: {} }, CalendarErrorCode.MissingField, 'timeZone'],
    ['zone not a string', withField('timeZone', 8), CalendarErrorCode.WrongType, 'timeZone'],
    ['unknown zone', withField('timeZone', 'Asia/Beijing'), CalendarErrorCode.BadZone, 'timeZone'],
    ['offset instead of zone', withField('timeZone', '+08:00'), CalendarErrorCode.BadZone, 'timeZone'],
    ['missing week', { timeZone: 'UTC' }, CalendarErrorCode.MissingField, 'week'],
    ['week is an array', withField('week', []), CalendarErrorCode.WrongType, 'week'],
    ['unknown weekday', withField('week', { monday: [] }), CalendarErrorCode.UnknownDay, 'week.monday'],
    ['day not an array', withField('week', { tue: '09:00-17:00' }), CalendarErrorCode.WrongType, 'week.tue'],
    [
      'window not a pair',
      withField('week', { mon: [['09:00', '12:00'], ['13:00']] }),
      CalendarErrorCode.WrongType,
      'week.mon[1]',
    ],
    ['window of numbers', withField('week', { mon: [[9, 17]] }), CalendarErrorCode.WrongType, 'week.mon[0]'],
    [
      'start not HH:MM',
      withField('week', {
        mon: [
          ['09:00', '12:00'],
          ['1:00', '18:00'],
        ],
      }),
      CalendarErrorCode.BadTime,
      'week.mon[1][0]',
    ],
    ['end past 24:00', withField('week', { fri: [['09:00', '24:30']] }), CalendarErrorCode.BadTime, 'week.fri[0][1]'],
    ['minutes 60', withField('week', { fri: [['09:60', '10:00']] }), CalendarErrorCode.BadTime, 'week.fri[0][0]'],
    ['start 24:00', withField('week', { fri: [['24:00', '24:00']] }), CalendarErrorCode.BadTime, 'week.fri[0][0]'],
    [
      'reversed window',
      withField('week', { mon: [['18:00', '09:00']] }),
      CalendarErrorCode.ReversedWindow,
      'week.mon[0]',
    ],
    ['empty window', withField('week', { mon: [['09:00', '09:00']] }), CalendarErrorCode.ReversedWindow, 'week.mon[0]'],
    [
      'overlap',
      withField('week', {
        mon: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
      }),
      CalendarErrorCode.Overlap,
      'week.mon[1]',
    ],
    [
      'overlap listed out of order',
      withField('week', {
        wed: [
          ['13:00', '18:00'],
          ['09:00', '13:30'],
        ],
      }),
      CalendarErrorCode.Overlap,
      'week.wed[0]',
    ],
    ['holidays not an array', withField('holidays', '2026-10-01'), CalendarErrorCode.WrongType, 'holidays'],
    [
      'holiday not a string',
      withField('holidays', ['2026-10-01', 20261002]),
      CalendarErrorCode.WrongType,
      'holidays[1]',
    ],
    [
      'holiday not a real date',
      withField('holidays', ['2026-10-01', '2026-10-02', '2026-02-30']),
      CalendarErrorCode.BadDate,
      'holidays[2]',
    ],
    ['holiday in another format', withField('holidays', ['01/10/2026']), CalendarErrorCode.BadDate, 'holidays[0]'],
    ['overrides not an object', withField('overrides', []), CalendarErrorCode.WrongType, 'overrides'],
    [
      'override date not real',
      withField('overrides', { '2026-02-29': [] }),
      CalendarErrorCode.BadDate,
      'overrides.2026-02-29',
    ],
    [
      'override bad time',
      withField('overrides', { '2026-10-08': [['9', '18:00']] }),
      CalendarErrorCode.BadTime,
      'overrides.2026-10-08[0][0]',
    ],
    [
      'override reversed',
      withField('overrides', { '2026-10-08': [['18:00', '09:00']] }),
      CalendarErrorCode.ReversedWindow,
      'overrides.2026-10-08[0]',
    ],
    [
      'override overlap',
      withField('overrides', {
        '2026-10-08': [
          ['09:00', '12:00'],
          ['10:00', '11:00'],
        ],
      }),
      CalendarErrorCode.Overlap,
      'overrides.2026-10-08[1]',
    ],
    [
      'override not an array',
      withField('overrides', { '2026-10-08': null }),
      CalendarErrorCode.WrongType,
      'overrides.2026-10-08',
    ],
  ];
  it.each(rows.map(([name, input, code, path]) => ({ name, input, code, path })))(
    '$name -> $code at "$path"',
    ({ input, code, path }) => {
      const result = validateCalendar(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ code, path });
      // Messages name the field so a log line alone says what to fix.
      expect(result.issues[0]?.message.startsWith(path || 'calendar')).toBe(true);
    },
  );

  it('reports every problem at once, in input order', () => {
    const result = validateCalendar({
      timeZone: 'Nowhere/City',
      week: { mon: [['18:00', '09:00']], funday: [] },
      holidays: ['2026-02-30'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      [CalendarErrorCode.BadZone, 'timeZone'],
      [CalendarErrorCode.ReversedWindow, 'week.mon[0]'],
      [CalendarErrorCode.UnknownDay, 'week.funday'],
      [CalendarErrorCode.BadDate, 'holidays[0]'],
    ]);
  });

  it('gives translators the offending value as a parameter', () => {
    const result = validateCalendar(withField('timeZone', 'Asia/Beijing'));
    expect(result.ok ? [] : result.issues).toEqual([
      {
        code: CalendarErrorCode.BadZone,
        path: 'timeZone',
        message: 'timeZone: "Asia/Beijing" is not a known IANA time zone (for example "Europe/Berlin")',
        params: { value: 'Asia/Beijing' },
      },
    ]);
  });
});
