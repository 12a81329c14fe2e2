import fc from 'fast-check';
import type { BusinessCalendar } from '../../../src/domain/calendar/businessCalendar.types';
import {
  acceptanceDecision,
  decideEscalation,
  EscalationErrorCode,
  type AcceptanceDecision,
  type EscalationDecision,
  type EscalationInput,
} from '../../../src/domain/escalation';
import type { Pause, SlaByGrade } from '../../../src/domain/sla';
import type { SupportLine } from '../../../src/domain/supportLine';
import type { DomainError } from '../../../src/domain/validation';
import { ALWAYS_ON, US_EASTERN, at, plusMinutes } from '../fixtures';

/**
 * Critical on 24×7: 1440 min split 25/35/40 → L1 360 (warn 270), L2 504 (warn 378), L3 576 (warn 432).
 * Major follows the sun: L1 on 24×7, L2 in New York office hours.
 */
const SLA: SlaByGrade = {
  critical: {
    responseMinutes: 30,
    resolutionMinutes: 1440,
    calendarId: 'always-on',
    ola: { unit: 'percent', lines: { L1: { amount: 25 }, L2: { amount: 35 }, L3: { amount: 40 } } },
  },
  major: {
    responseMinutes: 60,
    resolutionMinutes: 600,
    calendarId: 'always-on',
    ola: {
      unit: 'minutes',
      lines: { L1: { amount: 120 }, L2: { amount: 240, calendarId: 'us-eastern' }, L3: { amount: 240 } },
    },
  },
};
const CALENDARS: Record<string, BusinessCalendar> = { 'always-on': ALWAYS_ON, 'us-eastern': US_EASTERN };
const calendarFor = (_line: SupportLine, id: string): BusinessCalendar | undefined => CALENDARS[id];

const T0 = at('2026-03-02T00:00:00Z');
const input = (line: SupportLine, now: string, extra: Partial<EscalationInput> = {}): EscalationInput => ({
  table: { sla: SLA },
  grade: 'critical',
  line,
  enteredAt: T0,
  pauses: [],
  now: at(now),
  calendarFor,
  ...extra,
});
const d = (iso: string): Date => at(iso);

describe('decideEscalation (time is the only rule)', () => {
  it.each<[string, EscalationInput, EscalationDecision]>([
    [
      'L1 before its warning',
      input('L1', '2026-03-02T04:29:59.999Z'),
      { action: 'none', line: 'L1', dueAt: d('2026-03-02T06:00Z'), warnAt: d('2026-03-02T04:30Z') },
    ],
    [
      'L1 exactly at its warning',
      input('L1', '2026-03-02T04:30:00Z'),
      { action: 'warn', line: 'L1', dueAt: d('2026-03-02T06:00Z'), warnAt: d('2026-03-02T04:30Z') },
    ],
    [
      'L1 warned already',
      input('L1', '2026-03-02T05:00Z', { warnedForLine: 'L1' }),
      { action: 'none', line: 'L1', dueAt: d('2026-03-02T06:00Z'), warnAt: d('2026-03-02T04:30Z') },
    ],
    [
      'a warning for another line does not count',
      input('L2', '2026-03-02T06:18Z', { warnedForLine: 'L1' }),
      { action: 'warn', line: 'L2', dueAt: d('2026-03-02T08:24Z'), warnAt: d('2026-03-02T06:18Z') },
    ],
    [
      'L1 1 ms before due',
      input('L1', '2026-03-02T05:59:59.999Z', { warnedForLine: 'L1' }),
      { action: 'none', line: 'L1', dueAt: d('2026-03-02T06:00Z'), warnAt: d('2026-03-02T04:30Z') },
    ],
    [
      'L1 exactly at due escalates',
      input('L1', '2026-03-02T06:00:00Z', { warnedForLine: 'L1' }),
      { action: 'escalate', from: 'L1', to: 'L2', dueAt: d('2026-03-02T06:00Z') },
    ],
    [
      'a late run escalates without warning first',
      input('L1', '2026-03-02T09:00Z'),
      { action: 'escalate', from: 'L1', to: 'L2', dueAt: d('2026-03-02T06:00Z') },
    ],
    [
      'L2 exactly at due escalates to L3',
      input('L2', '2026-03-02T08:24Z', { warnedForLine: 'L2' }),
      { action: 'escalate', from: 'L2', to: 'L3', dueAt: d('2026-03-02T08:24Z') },
    ],
    [
      'L3 at its warning',
      input('L3', '2026-03-02T07:12Z'),
      { action: 'warn', line: 'L3', dueAt: d('2026-03-02T09:36Z'), warnAt: d('2026-03-02T07:12Z') },
    ],
    [
      'L3 exactly at due is a breach',
      input('L3', '2026-03-02T09:36Z', { warnedForLine: 'L3' }),
      { action: 'breach', line: 'L3', dueAt: d('2026-03-02T09:36Z') },
    ],
    [
      'L3 long after due is still a breach',
      input('L3', '2026-03-05T00:00Z'),
      { action: 'breach', line: 'L3', dueAt: d('2026-03-02T09:36Z') },
    ],
    // Pauses: an hour waiting for the customer moves both instants by an hour.
    [
      'L1 with a closed pause, at the old due',
      input('L1', '2026-03-02T06:00Z', {
        warnedForLine: 'L1',
        pauses: [{ from: d('2026-03-02T01:00Z'), to: d('2026-03-02T02:00Z') }],
      }),
      { action: 'none', line: 'L1', dueAt: d('2026-03-02T07:00Z'), warnAt: d('2026-03-02T05:30Z') },
    ],
    [
      'L1 with a closed pause, at the new due',
      input('L1', '2026-03-02T07:00Z', { pauses: [{ from: d('2026-03-02T01:00Z'), to: d('2026-03-02T02:00Z') }] }),
      { action: 'escalate', from: 'L1', to: 'L2', dueAt: d('2026-03-02T07:00Z') },
    ],
    [
      'waiting for the customer since before the warning: nothing happens, however long',
      input('L1', '2026-04-01T00:00Z', { pauses: [{ from: d('2026-03-02T01:00Z'), to: null }] }),
      { action: 'none', line: 'L1', dueAt: null, warnAt: null },
    ],
    [
      'waiting for the customer since after the warning: the warning is still due once',
      input('L1', '2026-04-01T00:00Z', { pauses: [{ from: d('2026-03-02T05:00Z'), to: null }] }),
      { action: 'warn', line: 'L1', dueAt: null, warnAt: d('2026-03-02T04:30Z') },
    ],
    [
      'pauses before the line was entered do not count',
      input('L2', '2026-03-02T08:24Z', { pauses: [{ from: d('2026-03-01T20:00Z'), to: d('2026-03-02T00:00Z') }] }),
      { action: 'escalate', from: 'L2', to: 'L3', dueAt: d('2026-03-02T08:24Z') },
    ],
    // Follow the sun: Major's L2 works New York office hours. Entered Mon 2026-03-02 13:00Z (08:00 EST):
    // 240 working minutes from 09:00 EST → 13:00 EST = 18:00Z; warning after 180 → 12:00 EST = 17:00Z.
    [
      'L2 on its own calendar',
      input('L2', '2026-03-02T17:00Z', { grade: 'major', enteredAt: d('2026-03-02T13:00Z') }),
      { action: 'warn', line: 'L2', dueAt: d('2026-03-02T18:00Z'), warnAt: d('2026-03-02T17:00Z') },
    ],
  ])('%s', (_name, given, expected) => {
    expect(decideEscalation(given)).toEqual(expected);
  });

  it('passes the line and its configured calendar id to calendarFor', () => {
    const asked: Array<[SupportLine, string]> = [];
    decideEscalation(
      input('L2', '2026-03-02T17:00Z', {
        grade: 'major',
        calendarFor: (line, id) => {
          asked.push([line, id]);
          return CALENDARS[id];
        },
      }),
    );
    expect(asked).toEqual([['L2', 'us-eastern']]);
  });

  it('accepts a calendarFor that only looks at the line', () => {
    const byLine = (line: SupportLine): BusinessCalendar => (line === 'L2' ? US_EASTERN : ALWAYS_ON);
    expect(decideEscalation(input('L1', '2026-03-02T06:00Z', { calendarFor: byLine })).action).toBe('escalate');
  });

  it('throws a DomainError when no calendar is found', () => {
    expect(() => decideEscalation(input('L1', '2026-03-02T06:00Z', { calendarFor: () => undefined }))).toThrow(
      expect.objectContaining({ code: EscalationErrorCode.CalendarUnknown }) as DomainError,
    );
  });

  /**
   * A scheduler that runs at arbitrary times and applies each decision: the issue warns at most once per
   * line, moves L1 → L2 → L3 in order, each line gets at least its full budget, and the breach comes no
   * earlier than the whole resolution time (1440 min of 24×7 plus the paused time).
   */
  it('drives an issue L1 → L2 → L3 → breach whatever the scheduler timing', () => {
    const tick = fc.integer({ min: 1, max: 240 });
    fc.assert(
      fc.property(
        fc.array(tick, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 600 }),
        (gaps, pauseMinutes) => {
          const pauses: Pause[] =
            pauseMinutes === 0 ? [] : [{ from: plusMinutes(T0, 10), to: plusMinutes(T0, 10 + pauseMinutes) }];
          let state: { line: SupportLine; enteredAt: Date; warnedForLine?: SupportLine } = {
            line: 'L1',
            enteredAt: T0,
          };
          const warns: SupportLine[] = [];
          const moves: string[] = [];
          let breachAt: Date | undefined;
          let now = T0;
          for (const gap of gaps) {
            now = plusMinutes(now, gap);
            const given: EscalationInput = {
              table: { sla: SLA },
              grade: 'critical',
              pauses,
              now,
              calendarFor,
              ...state,
            };
            const decision = decideEscalation(given);
            expect(decideEscalation(given)).toEqual(decision); // same state, same answer
            if (decision.action === 'warn') {
              warns.push(decision.line);
              state = { ...state, warnedForLine: decision.line };
            } else if (decision.action === 'escalate') {
              expect(now.getTime()).toBeGreaterThanOrEqual(decision.dueAt.getTime());
              moves.push(`${decision.from}>${decision.to}`);
              state = { line: decision.to, enteredAt: now };
            } else if (decision.action === 'breach') {
              breachAt ??= now;
            }
          }
          expect(new Set(warns).size).toBe(warns.length);
          expect(moves).toEqual(['L1>L2', 'L2>L3'].slice(0, moves.length));
          if (breachAt !== undefined) {
            expect(moves).toEqual(['L1>L2', 'L2>L3']);
            expect(breachAt.getTime() - T0.getTime()).toBeGreaterThanOrEqual((1440 + pauseMinutes) * 60_000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('acceptanceDecision (超时默认为同意受理)', () => {
  it.each<[string, string, number, string, BusinessCalendar, AcceptanceDecision]>([
    [
      'before the time is up',
      '2026-03-02T00:00Z',
      60,
      '2026-03-02T00:59:59.999Z',
      ALWAYS_ON,
      { decision: 'awaitingAnswer', acceptBy: d('2026-03-02T01:00Z') },
    ],
    [
      'exactly when the time is up',
      '2026-03-02T00:00Z',
      60,
      '2026-03-02T01:00:00Z',
      ALWAYS_ON,
      { decision: 'deemedAccepted', acceptBy: d('2026-03-02T01:00Z') },
    ],
    [
      'long after',
      '2026-03-02T00:00Z',
      60,
      '2026-03-09T00:00Z',
      ALWAYS_ON,
      { decision: 'deemedAccepted', acceptBy: d('2026-03-02T01:00Z') },
    ],
    [
      'no acceptance time: accepted on dispatch',
      '2026-03-02T00:00Z',
      0,
      '2026-03-02T00:00Z',
      ALWAYS_ON,
      { decision: 'deemedAccepted', acceptBy: d('2026-03-02T00:00Z') },
    ],
    // Dispatched Fri 16:30 New York: 30 min on Friday, 30 on Monday → Mon 09:30 EST (14:30Z); the weekend does not count.
    [
      'office hours: the weekend does not count',
      '2026-01-09T21:30Z',
      60,
      '2026-01-11T12:00Z',
      US_EASTERN,
      { decision: 'awaitingAnswer', acceptBy: d('2026-01-12T14:30Z') },
    ],
    [
      'office hours: Monday morning',
      '2026-01-09T21:30Z',
      60,
      '2026-01-12T14:30Z',
      US_EASTERN,
      { decision: 'deemedAccepted', acceptBy: d('2026-01-12T14:30Z') },
    ],
  ])('%s', (_name, dispatched, minutes, now, calendar, expected) => {
    expect(acceptanceDecision(at(dispatched), minutes, at(now), calendar)).toEqual(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p minutes', (minutes) => {
    expect(() => acceptanceDecision(T0, minutes, T0, ALWAYS_ON)).toThrow(
      expect.objectContaining({ code: EscalationErrorCode.InvalidArgument }) as DomainError,
    );
  });
});
