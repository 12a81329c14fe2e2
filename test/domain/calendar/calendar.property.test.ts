import fc from 'fast-check';
import {
  addWorkingTime,
  type BusinessCalendar,
  type Weekday,
  type Window,
  workingMinutesBetween,
} from '../../../src/domain/calendar';
import { everyDay } from './calendars.fixtures';
import { oracleAdd, oracleMinutesBetween } from './oracle';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Zones with DST, half-hour and 45-minute offsets, a 30-minute DST shift, and midnight changes. */
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Tehran',
  'UTC',
];

/** Instants next to clock changes, where the bugs live. */
const ANCHORS = [
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z', // New York
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z', // Berlin
  '2026-04-04T16:30:00Z',
  '2026-10-03T16:30:00Z', // Adelaide
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z', // Lord Howe
  '2026-04-04T14:00:00Z',
  '2026-09-26T14:00:00Z', // Chatham
  '2015-02-22T02:00:00Z',
  '2015-10-18T03:00:00Z', // Sao Paulo (midnight changes)
  '2016-03-20T20:30:00Z',
  '2016-09-20T19:30:00Z', // Tehran
  '2026-02-14T00:00:00Z', // plain winter week
].map((iso) => Date.parse(iso));

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 0-3 disjoint windows: sorted distinct cut points, paired up. Points on 15-minute steps 1/2 the time. */
const dayWindows: fc.Arbitrary<Window[]> = fc
  .uniqueArray(
    fc.oneof(
      fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
      fc.integer({ min: 0, max: 1440 }),
    ),
    { maxLength: 6 },
  )
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const windows: Window[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      windows.push([hhmm(sorted[i] as number), hhmm(sorted[i + 1] as number)]);
    return windows;
  });

const localDate = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/** A random calendar plus a start instant near a clock change; holidays/overrides land near it. */
const scenario = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.record(
      Object.fromEntries(WEEKDAYS.map((d) => [d, dayWindows])) as Record<Weekday, fc.Arbitrary<Window[]>>,
      { requiredKeys: [] },
    ),
    anchor: fc.constantFrom(...ANCHORS),
    startMinute: fc.integer({ min: -3 * 1440, max: 2 * 1440 }),
    holidayDays: fc.uniqueArray(fc.integer({ min: -4, max: 5 }), { maxLength: 3 }),
    overrideDays: fc.array(fc.tuple(fc.integer({ min: -4, max: 5 }), dayWindows), { maxLength: 3 }),
  })
  .map(({ timeZone, week, anchor, startMinute, holidayDays, overrideDays }) => {
    const calendar: BusinessCalendar = { timeZone, week };
    if (holidayDays.length) calendar.holidays = holidayDays.map((d) => localDate(anchor + d * DAY));
    if (overrideDays.length)
      calendar.overrides = Object.fromEntries(overrideDays.map(([d, w]) => [localDate(anchor + d * DAY), w]));
    return { calendar, start: anchor + startMinute * MINUTE };
  });

const hasWeeklyWork = (cal: BusinessCalendar): boolean => Object.values(cal.week).some((w) => (w?.length ?? 0) > 0);

describe('properties against a minute-by-minute oracle (Intl only)', () => {
  it('workingMinutesBetween equals the oracle over spans up to 3 days', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 3 * 1440 }), ({ calendar, start }, span) => {
        const end = start + span * MINUTE;
        expect(workingMinutesBetween(calendar, new Date(start), new Date(end))).toBe(
          oracleMinutesBetween(calendar, start, end),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('addWorkingTime equals the oracle (the end of the m-th working minute)', () => {
    const horizon = 4 * 1440;
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), ({ calendar, start }, fraction) => {
        const available = oracleMinutesBetween(calendar, start, start + horizon * MINUTE);
        const minutes = Math.floor(fraction * available);
        const expected = oracleAdd(calendar, start, minutes, start + horizon * MINUTE);
        expect(addWorkingTime(calendar, new Date(start), minutes).getTime()).toBe(expected);
      }),
      { numRuns: 120 },
    );
  });
});

describe('algebraic properties (no oracle, long spans)', () => {
  const withWork = scenario.filter(({ calendar }) => hasWeeklyWork(calendar));
  const ms = fc.integer({ min: 0, max: 200 * 60 * MINUTE }); // up to 200 h of work, any millisecond

  it('round trip: workingMinutesBetween(s, addWorkingTime(s, m)) === m', () => {
    fc.assert(
      fc.property(withWork, ms, fc.integer({ min: 0, max: MINUTE - 1 }), ({ calendar, start }, workMs, jitter) => {
        const s = new Date(start + jitter);
        const m = workMs / MINUTE;
        expect(workingMinutesBetween(calendar, s, addWorkingTime(calendar, s, m))).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('monotone: more minutes never end earlier; a later end never counts less', () => {
    fc.assert(
      fc.property(withWork, ms, ms, ({ calendar, start }, a, b) => {
        const s = new Date(start);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(calendar, s, lo / MINUTE).getTime()).toBeLessThanOrEqual(
          addWorkingTime(calendar, s, hi / MINUTE).getTime(),
        );
        expect(workingMinutesBetween(calendar, s, new Date(start + lo * 3))).toBeLessThanOrEqual(
          workingMinutesBetween(calendar, s, new Date(start + hi * 3)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the earliest instant: one millisecond earlier is not enough', () => {
    fc.assert(
      fc.property(withWork, fc.integer({ min: 1, max: 200 * 60 * MINUTE }), ({ calendar, start }, workMs) => {
        const due = addWorkingTime(calendar, new Date(start), workMs / MINUTE).getTime();
        expect(workingMinutesBetween(calendar, new Date(start), new Date(due - 1))).toBeLessThan(workMs / MINUTE);
      }),
      { numRuns: 200 },
    );
  });

  it('additive: a span of months equals the sum of its sub-week pieces (checks week skipping)', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 120 * 1440 }),
        fc.array(fc.integer({ min: 1, max: 6 * 1440 }), { minLength: 1, maxLength: 40 }),
        ({ calendar, start }, spanMinutes, steps) => {
          const end = start + spanMinutes * MINUTE;
          let totalMs = 0;
          let t = start;
          for (let i = 0; t < end; i++) {
            const next = Math.min(end, t + (steps[i % steps.length] as number) * MINUTE - 7);
            totalMs += Math.round(workingMinutesBetween(calendar, new Date(t), new Date(next)) * MINUTE);
            t = next;
          }
          expect(Math.round(workingMinutesBetween(calendar, new Date(start), new Date(end)) * MINUTE)).toBe(totalMs);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('24x7 in any zone equals elapsed real time, both ways, over years', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 3 * 365 * DAY }),
        (zone, start, elapsed) => {
          const cal = everyDay(zone);
          expect(workingMinutesBetween(cal, new Date(start), new Date(start + elapsed))).toBe(elapsed / MINUTE);
          expect(addWorkingTime(cal, new Date(start), elapsed / MINUTE).getTime()).toBe(start + elapsed);
        },
      ),
      { numRuns: 200 },
    );
  });
});
