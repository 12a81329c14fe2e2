import {
  firstInstantAtOrAfterWallClock,
  instantRangesForWallClock,
  instantsForWallClock,
  isValidTimeZone,
  localDayOf,
  nextTransition,
  offsetAt,
  wallClockOf,
} from '../../../src/domain/calendar/zonedTime';

const H = 3_600_000;
const M = 60_000;
const ms = (iso: string): number => Date.parse(iso);
/** Wall clock "YYYY-MM-DDTHH:MM" read as UTC, the representation zonedTime uses. */
const wall = (local: string): number => Date.parse(`${local}:00Z`);

/** Offset straight from Intl, written independently of the code under test. */
function intlOffset(zone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

describe('isValidTimeZone', () => {
  it.each([
    ['America/New_York', true],
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Asia/Kolkata', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['+08:00', false],
    ['-0500', false],
  ])('%s -> %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('offset transitions (pinned to real 2026 daylight-saving dates)', () => {
  it.each([
    // zone, transition instant, offset before, offset after
    ['America/New_York', '2026-03-08T07:00:00Z', -5 * H, -4 * H],
    ['America/New_York', '2026-11-01T06:00:00Z', -4 * H, -5 * H],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 1 * H, 2 * H],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 2 * H, 1 * H],
    ['Australia/Adelaide', '2026-04-04T16:30:00Z', 10.5 * H, 9.5 * H],
    ['Australia/Adelaide', '2026-10-03T16:30:00Z', 9.5 * H, 10.5 * H],
    // Lord Howe moves by only 30 minutes.
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', 11 * H, 10.5 * H],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', 10.5 * H, 11 * H],
    // Historic: Brazil changed clocks at midnight (Znuny's DST cases).
    ['America/Sao_Paulo', '2015-02-22T02:00:00Z', -2 * H, -3 * H],
    ['America/Sao_Paulo', '2015-10-18T03:00:00Z', -3 * H, -2 * H],
  ])('%s changes at %s', (zone, iso, before, after) => {
    const t = ms(iso);
    expect(nextTransition(zone, t - 5 * 86_400_000, t + 5 * 86_400_000)).toBe(t);
    expect(offsetAt(zone, t - 1)).toBe(before);
    expect(offsetAt(zone, t)).toBe(after);
  });

  it.each(['Asia/Shanghai', 'Asia/Kolkata', 'UTC'])('%s has no transition in 2026', (zone) => {
    expect(nextTransition(zone, ms('2026-01-01T00:00:00Z'), ms('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it.each([
    'America/New_York',
    'Europe/Berlin',
    'Australia/Adelaide',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'Asia/Tehran',
  ])('cached offsets equal Intl every hour of 2026 in %s', (zone) => {
    for (let t = ms('2026-01-01T00:00:00Z'); t < ms('2027-01-01T00:00:00Z'); t += H) {
      if (offsetAt(zone, t) !== intlOffset(zone, t)) throw new Error(`${zone} at ${new Date(t).toISOString()}`);
    }
  });
});

describe('wall clock <-> instant', () => {
  it('reads the wall clock of an instant', () => {
    expect(wallClockOf('Asia/Kolkata', ms('2026-01-01T00:00:00Z'))).toBe(wall('2026-01-01T05:30'));
    expect(localDayOf('Asia/Shanghai', ms('2026-01-01T16:00:00Z'))).toBe(wall('2026-01-02T00:00') / 86_400_000);
  });

  it.each([
    // zone, wall clock, instants that read it
    ['America/New_York', '2026-03-08T02:30', []], // skipped hour
    ['America/New_York', '2026-03-08T03:00', ['2026-03-08T07:00:00Z']],
    ['America/New_York', '2026-11-01T01:30', ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']], // repeated hour, EDT then EST
    ['Europe/Berlin', '2026-10-25T02:15', ['2026-10-25T00:15:00Z', '2026-10-25T01:15:00Z']],
    ['Asia/Kolkata', '2026-06-01T09:30', ['2026-06-01T04:00:00Z']],
    ['America/Sao_Paulo', '2015-10-18T00:30', []], // midnight itself was skipped
  ])('%s %s', (zone, local, expected) => {
    expect(instantsForWallClock(zone, wall(local))).toEqual(expected.map(ms));
  });

  it.each([
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:00:00Z'], // gap: first real instant after it
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00Z'], // overlap: first occurrence
    ['America/Sao_Paulo', '2015-10-18T00:00', '2015-10-18T03:00:00Z'], // that day began at 01:00
    ['Australia/Lord_Howe', '2026-10-04T02:10', '2026-10-03T15:30:00Z'],
  ])('first instant at or after %s %s', (zone, local, expected) => {
    expect(firstInstantAtOrAfterWallClock(zone, wall(local))).toBe(ms(expected));
  });

  it.each([
    // A window's real instants: the rule behind every daylight-saving case in the calendar.
    [
      'America/New_York',
      '2026-03-08T00:00',
      '2026-03-09T00:00',
      [['2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z']],
      23 * 60,
    ],
    [
      'America/New_York',
      '2026-11-01T00:00',
      '2026-11-02T00:00',
      [['2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z']],
      25 * 60,
    ],
    [
      'America/New_York',
      '2026-03-08T02:30',
      '2026-03-08T03:30',
      [['2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z']],
      30,
    ],
    ['America/New_York', '2026-03-08T02:00', '2026-03-08T03:00', [], 0],
    [
      'America/New_York',
      '2026-11-01T01:00',
      '2026-11-01T01:30',
      [
        ['2026-11-01T05:00:00Z', '2026-11-01T05:30:00Z'],
        ['2026-11-01T06:00:00Z', '2026-11-01T06:30:00Z'],
      ],
      60,
    ],
    [
      'America/New_York',
      '2026-11-01T01:30',
      '2026-11-01T02:30',
      [
        ['2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z'],
        ['2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z'],
      ],
      90,
    ],
    ['Europe/Berlin', '2026-10-25T02:00', '2026-10-25T03:00', [['2026-10-25T00:00:00Z', '2026-10-25T02:00:00Z']], 120],
    [
      'Australia/Adelaide',
      '2026-04-05T00:00',
      '2026-04-06T00:00',
      [['2026-04-04T13:30:00Z', '2026-04-05T14:30:00Z']],
      25 * 60,
    ],
  ])('%s wall clock [%s, %s)', (zone, from, to, expected, minutes) => {
    const ranges = instantRangesForWallClock(zone, wall(from), wall(to));
    expect(ranges).toEqual(expected.map(([a, b]) => [ms(a as string), ms(b as string)]));
    expect(ranges.reduce((sum, [a, b]) => sum + (b - a), 0) / M).toBe(minutes);
  });
});
