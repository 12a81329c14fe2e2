import fc from 'fast-check';
import type { BusinessCalendar } from '../../../src/domain/calendar/businessCalendar.types';
import {
  consumedWorkingMinutes,
  lineClockStatus,
  lineDeadlines,
  SlaErrorCode,
  type LineClockStatus,
  type LineDeadlines,
  type Pause,
} from '../../../src/domain/sla';
import { DomainError } from '../../../src/domain/validation';
import { ALWAYS_ON, CN_MAINLAND_2026, US_EASTERN, at } from '../fixtures';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to === null ? null : at(to) });

describe('lineDeadlines on a 24×7 calendar (working time = elapsed time)', () => {
  // Entered 08:00Z with a 120-minute budget: due 10:00, warning at 75 % = 90 min → 09:30.
  const enteredAt = at('2026-03-02T08:00:00Z');
  it.each<[string, Pause[], string | null, string | null]>([
    ['no pauses', [], '2026-03-02T10:00:00.000Z', '2026-03-02T09:30:00.000Z'],
    [
      'pause over before entry',
      [pause('2026-03-02T06:00Z', '2026-03-02T07:00Z')],
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'pause ending exactly at entry',
      [pause('2026-03-02T07:00Z', '2026-03-02T08:00Z')],
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'pause spanning entry counts from entry only (+30)',
      [pause('2026-03-02T07:00Z', '2026-03-02T08:30Z')],
      '2026-03-02T10:30:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ],
    [
      'pause inside (+30)',
      [pause('2026-03-02T08:30Z', '2026-03-02T09:00Z')],
      '2026-03-02T10:30:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ],
    [
      'pause between warning and due moves only due',
      [pause('2026-03-02T09:45Z', '2026-03-02T09:50Z')],
      '2026-03-02T10:05:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'pause starting exactly at due does not move it',
      [pause('2026-03-02T10:00Z', '2026-03-02T11:00Z')],
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'pause starting exactly at warning: warning stays, due +10',
      [pause('2026-03-02T09:30Z', '2026-03-02T09:40Z')],
      '2026-03-02T10:10:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'overlapping pauses count once (+45)',
      [pause('2026-03-02T08:30Z', '2026-03-02T09:00Z'), pause('2026-03-02T08:45Z', '2026-03-02T09:15Z')],
      '2026-03-02T10:45:00.000Z',
      '2026-03-02T10:15:00.000Z',
    ],
    [
      'nested pause counts once (+60)',
      [pause('2026-03-02T08:30Z', '2026-03-02T09:30Z'), pause('2026-03-02T08:40Z', '2026-03-02T08:50Z')],
      '2026-03-02T11:00:00.000Z',
      '2026-03-02T10:30:00.000Z',
    ],
    [
      'adjacent pauses (+30)',
      [pause('2026-03-02T08:30Z', '2026-03-02T08:45Z'), pause('2026-03-02T08:45Z', '2026-03-02T09:00Z')],
      '2026-03-02T10:30:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ],
    [
      'unsorted pauses (+20)',
      [pause('2026-03-02T09:00Z', '2026-03-02T09:10Z'), pause('2026-03-02T08:10Z', '2026-03-02T08:20Z')],
      '2026-03-02T10:20:00.000Z',
      '2026-03-02T09:50:00.000Z',
    ],
    [
      'empty pause is ignored',
      [pause('2026-03-02T09:00Z', '2026-03-02T09:00Z')],
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    ['open pause before warning stops both clocks', [pause('2026-03-02T08:30Z', null)], null, null],
    ['open pause since before entry stops both clocks', [pause('2026-03-02T07:00Z', null)], null, null],
    ['open pause after warning stops only due', [pause('2026-03-02T09:45Z', null)], null, '2026-03-02T09:30:00.000Z'],
    [
      'open pause from exactly due leaves due',
      [pause('2026-03-02T10:00Z', null)],
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'open pause after due changes nothing',
      [pause('2026-03-02T12:00Z', null)],
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:30:00.000Z',
    ],
    [
      'closed pause then open pause (+10, then stopped)',
      [pause('2026-03-02T08:10Z', '2026-03-02T08:20Z'), pause('2026-03-02T09:50Z', null)],
      null,
      '2026-03-02T09:40:00.000Z',
    ],
  ])('%s', (_name, pauses, dueAt, warnAt) => {
    const d = lineDeadlines({ calendar: ALWAYS_ON, enteredAt, budgetMinutes: 120, pauses });
    expect({ dueAt: iso(d.dueAt), warnAt: iso(d.warnAt) }).toEqual({ dueAt, warnAt });
  });

  it.each<[string, number, number | undefined, string, string]>([
    ['fraction 1 warns at due', 120, 1, '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z'],
    ['fraction 0.5', 120, 0.5, '2026-03-02T10:00:00.000Z', '2026-03-02T09:00:00.000Z'],
    [
      'warning rounds down to whole minutes (18.75 → 18)',
      25,
      undefined,
      '2026-03-02T08:25:00.000Z',
      '2026-03-02T08:18:00.000Z',
    ],
    [
      'binary fractions do not lose a minute (0.29 × 100 = 29)',
      100,
      0.29,
      '2026-03-02T09:40:00.000Z',
      '2026-03-02T08:29:00.000Z',
    ],
    ['budget 0 is due on entry', 0, undefined, '2026-03-02T08:00:00.000Z', '2026-03-02T08:00:00.000Z'],
  ])('%s', (_name, budgetMinutes, warningFraction, dueAt, warnAt) => {
    const d = lineDeadlines({
      calendar: ALWAYS_ON,
      enteredAt,
      budgetMinutes,
      ...(warningFraction === undefined ? {} : { warningFraction }),
    });
    expect({ dueAt: iso(d.dueAt), warnAt: iso(d.warnAt) }).toEqual({ dueAt, warnAt });
  });
});

describe('lineDeadlines on office calendars', () => {
  it.each<[string, BusinessCalendar, string, number, Pause[], string, string]>([
    // Fri 16:00 New York + 120 working min: 60 on Friday, 60 on Monday.
    [
      'US Eastern over a weekend',
      US_EASTERN,
      '2026-01-09T21:00:00Z',
      120,
      [],
      '2026-01-12T15:00:00.000Z',
      '2026-01-12T14:30:00.000Z',
    ],
    [
      'a pause covering only the weekend moves nothing',
      US_EASTERN,
      '2026-01-09T21:00:00Z',
      120,
      [pause('2026-01-09T22:00Z', '2026-01-12T14:00Z')],
      '2026-01-12T15:00:00.000Z',
      '2026-01-12T14:30:00.000Z',
    ],
    // Paused Fri 16:30 → Mon 09:30 covers 30 + 30 working minutes.
    [
      'a pause covering working time moves by that time only',
      US_EASTERN,
      '2026-01-09T21:00:00Z',
      120,
      [pause('2026-01-09T21:30Z', '2026-01-12T14:30Z')],
      '2026-01-12T16:00:00.000Z',
      '2026-01-12T15:30:00.000Z',
    ],
    // DST starts Sun 2026-03-08 in New York: Monday 10:00 is 14:00Z, not 15:00Z.
    [
      'US Eastern across the DST change',
      US_EASTERN,
      '2026-03-06T21:00:00Z',
      120,
      [],
      '2026-03-09T14:00:00.000Z',
      '2026-03-09T13:30:00.000Z',
    ],
    // Wed 2026-09-30 17:00 Shanghai + 120: 60 before 18:00, National Day 10-01..07, then Thu 10-08 09:00 + 60.
    [
      'CN mainland across National Day',
      CN_MAINLAND_2026,
      '2026-09-30T09:00:00Z',
      120,
      [],
      '2026-10-08T02:00:00.000Z',
      '2026-10-08T01:30:00.000Z',
    ],
    // Entered 11:30 Shanghai, 60 min: 30 before lunch, 30 after 13:30 → 14:00 (06:00Z).
    [
      'CN mainland over the lunch break',
      CN_MAINLAND_2026,
      '2026-03-02T03:30:00Z',
      60,
      [],
      '2026-03-02T06:00:00.000Z',
      '2026-03-02T05:45:00.000Z',
    ],
  ])('%s', (_name, calendar, entered, budgetMinutes, pauses, dueAt, warnAt) => {
    const d = lineDeadlines({ calendar, enteredAt: at(entered), budgetMinutes, pauses });
    expect({ dueAt: iso(d.dueAt), warnAt: iso(d.warnAt) }).toEqual({ dueAt, warnAt });
  });
});

describe('lineDeadlines rejects nonsense', () => {
  const enteredAt = at('2026-03-02T08:00:00Z');
  it.each<[string, () => LineDeadlines]>([
    [
      'pause ending before it starts',
      () =>
        lineDeadlines({
          calendar: ALWAYS_ON,
          enteredAt,
          budgetMinutes: 10,
          pauses: [pause('2026-03-02T09:00Z', '2026-03-02T08:30Z')],
        }),
    ],
    [
      'pause with an invalid date',
      () =>
        lineDeadlines({
          calendar: ALWAYS_ON,
          enteredAt,
          budgetMinutes: 10,
          pauses: [{ from: new Date(Number.NaN), to: null }],
        }),
    ],
    ['negative budget', () => lineDeadlines({ calendar: ALWAYS_ON, enteredAt, budgetMinutes: -1 })],
    ['NaN budget', () => lineDeadlines({ calendar: ALWAYS_ON, enteredAt, budgetMinutes: Number.NaN })],
    [
      'warning fraction 0',
      () => lineDeadlines({ calendar: ALWAYS_ON, enteredAt, budgetMinutes: 10, warningFraction: 0 }),
    ],
    [
      'warning fraction above 1',
      () => lineDeadlines({ calendar: ALWAYS_ON, enteredAt, budgetMinutes: 10, warningFraction: 1.5 }),
    ],
  ])('%s', (_name, call) => {
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: SlaErrorCode.InvalidArgument }) as DomainError);
  });
});

describe('consumedWorkingMinutes and lineClockStatus', () => {
  const enteredAt = at('2026-03-02T08:00:00Z');
  it.each<[string, string, Pause[], number]>([
    ['before entry', '2026-03-02T07:00Z', [], 0],
    ['at entry', '2026-03-02T08:00Z', [], 0],
    ['one hour in', '2026-03-02T09:00Z', [], 60],
    ['inside an open pause', '2026-03-02T09:00Z', [pause('2026-03-02T08:40Z', null)], 40],
    ['after a closed pause', '2026-03-02T09:00Z', [pause('2026-03-02T08:10Z', '2026-03-02T08:20Z')], 50],
    ['pause starting after now is ignored', '2026-03-02T09:00Z', [pause('2026-03-02T09:30Z', null)], 60],
    ['half a minute is half a minute', '2026-03-02T08:00:30Z', [], 0.5],
  ])('%s → %p min', (_name, now, pauses, minutes) => {
    expect(consumedWorkingMinutes({ calendar: ALWAYS_ON, enteredAt, pauses, now: at(now) })).toBe(minutes);
  });

  const deadlines: LineDeadlines = { warnAt: at('2026-03-02T09:30Z'), dueAt: at('2026-03-02T10:00Z') };
  it.each<[string, LineDeadlines, string, LineClockStatus]>([
    ['before warning', deadlines, '2026-03-02T09:29:59.999Z', 'onTrack'],
    ['exactly at warning', deadlines, '2026-03-02T09:30:00Z', 'warning'],
    ['1 ms before due', deadlines, '2026-03-02T09:59:59.999Z', 'warning'],
    ['exactly at due', deadlines, '2026-03-02T10:00:00Z', 'overdue'],
    ['clock stopped', { warnAt: null, dueAt: null }, '2030-01-01T00:00:00Z', 'onTrack'],
    ['warned, then clock stopped', { warnAt: at('2026-03-02T09:30Z'), dueAt: null }, '2030-01-01T00:00:00Z', 'warning'],
  ])('%s → %s', (_name, d, now, status) => {
    expect(lineClockStatus(d, at(now))).toBe(status);
  });
});

/**
 * Property against a naive reference: walk minute by minute over a simple UTC office calendar
 * (Mon–Fri 09:00–17:00), counting a minute when it is working time and not paused.
 */
describe('lineDeadlines against a minute-by-minute walk', () => {
  const OFFICE_UTC: BusinessCalendar = {
    timeZone: 'UTC',
    week: {
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    },
  };
  const MINUTE = 60_000;
  const isWorking = (ms: number): boolean => {
    const d = new Date(ms);
    const day = d.getUTCDay();
    const minuteOfDay = d.getUTCHours() * 60 + d.getUTCMinutes();
    return day >= 1 && day <= 5 && minuteOfDay >= 9 * 60 && minuteOfDay < 17 * 60;
  };
  const naiveReach = (start: number, minutes: number, pauses: Pause[]): number | null => {
    if (minutes === 0) return start;
    const paused = (ms: number): boolean =>
      pauses.some((p) => ms >= p.from.getTime() && (p.to === null || ms < p.to.getTime()));
    let count = 0;
    for (let t = start; t < start + 40 * 24 * 60 * MINUTE; t += MINUTE) {
      if (isWorking(t) && !paused(t)) count += 1;
      if (count === minutes) return t + MINUTE;
    }
    return null; // stopped for good by an open pause
  };

  const base = Date.UTC(2026, 0, 5); // Monday 2026-01-05
  const minuteIn = (days: number) => fc.integer({ min: 0, max: days * 24 * 60 }).map((m) => base + m * MINUTE);
  const pauseArb = fc.tuple(minuteIn(14), fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: undefined })).map(
    ([from, length]): Pause => ({
      from: new Date(from),
      to: length === undefined ? null : new Date(from + length * MINUTE),
    }),
  );

  it('matches the walk for due and warning instants', () => {
    fc.assert(
      fc.property(
        minuteIn(7),
        fc.integer({ min: 0, max: 1500 }),
        fc.array(pauseArb, { maxLength: 4 }),
        (entered, budget, pauses) => {
          const d = lineDeadlines({
            calendar: OFFICE_UTC,
            enteredAt: new Date(entered),
            budgetMinutes: budget,
            pauses,
          });
          const warnMinutes = Math.floor(budget * 0.75);
          expect(d.dueAt?.getTime() ?? null).toBe(naiveReach(entered, budget, pauses));
          expect(d.warnAt?.getTime() ?? null).toBe(naiveReach(entered, warnMinutes, pauses));
          if (d.dueAt !== null) {
            // The budget is used up exactly at dueAt, counting only unpaused working time.
            expect(
              consumedWorkingMinutes({ calendar: OFFICE_UTC, enteredAt: new Date(entered), pauses, now: d.dueAt }),
            ).toBe(budget);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
