/**
 * A stopped clock's final state (issue 14: "met or breached and by how much", as JSM's SLA panel shows):
 * whole working minutes on the clock's calendar, paused time excluded, the due instant inclusive.
 */
import { finalClockState, type FinalClockState, type Pause, type StoppedClock } from '../../../src/domain/sla';
import { ALWAYS_ON, US_EASTERN, at } from '../fixtures';

const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to === null ? null : at(to) });
const due = (iso: string): StoppedClock => ({ dueAt: at(iso) });
const budget = (startedAt: string, budgetMinutes: number): StoppedClock => ({
  startedAt: at(startedAt),
  budgetMinutes,
});
const summary = (s: FinalClockState): string =>
  s.outcome === 'met' ? `met ${s.spareMinutes}` : `breached ${s.overMinutes}`;

describe('finalClockState from the stored due time, 24×7 (working time = elapsed time)', () => {
  it.each<[string, StoppedClock, string, Pause[], string]>([
    ['done 40 min before due', due('2026-03-02T10:00Z'), '2026-03-02T09:20Z', [], 'met 40'],
    [
      'done 30 s before due: less than a whole minute to spare',
      due('2026-03-02T10:00Z'),
      '2026-03-02T09:59:30Z',
      [],
      'met 0',
    ],
    [
      'done exactly at due: the due instant is inclusive',
      due('2026-03-02T10:00Z'),
      '2026-03-02T10:00Z',
      [],
      'breached 0',
    ],
    [
      'done 30 s after due: part of a minute over counts as a minute',
      due('2026-03-02T10:00Z'),
      '2026-03-02T10:00:30Z',
      [],
      'breached 1',
    ],
    ['done 2 h 5 min after due', due('2026-03-02T10:00Z'), '2026-03-02T12:05Z', [], 'breached 125'],
    [
      'waiting for the customer after the breach is not time over',
      due('2026-03-02T10:00Z'),
      '2026-03-02T12:00Z',
      [pause('2026-03-02T10:30Z', '2026-03-02T11:30Z')],
      'breached 60',
    ],
  ])('%s', (_label, clock, stoppedAt, pauses, expected) => {
    expect(summary(finalClockState({ calendar: ALWAYS_ON, clock, stoppedAt: at(stoppedAt), pauses }))).toBe(expected);
  });
});

describe('finalClockState on business hours (Mon–Fri 09:00–17:00 New York, EST = UTC−5)', () => {
  it.each<[string, StoppedClock, string, string]>([
    // Due Monday 16:00 local (21:00Z); done Tuesday 10:00 local (15:00Z): 1 h Monday + 1 h Tuesday.
    ['done next morning: the night is not time over', due('2026-03-02T21:00Z'), '2026-03-03T15:00Z', 'breached 120'],
    // Due Monday 17:00 local; done at 23:00 local the same evening: no working time over.
    ['done the same evening after closing', due('2026-03-02T22:00Z'), '2026-03-03T04:00Z', 'breached 0'],
    // Done Friday 16:00 local, due Monday 10:00 local: 1 h Friday + 1 h Monday to spare.
    ['done Friday afternoon, due Monday morning', due('2026-03-09T14:00Z'), '2026-03-06T21:00Z', 'met 120'],
  ])('%s', (_label, clock, stoppedAt, expected) => {
    expect(summary(finalClockState({ calendar: US_EASTERN, clock, stoppedAt: at(stoppedAt) }))).toBe(expected);
  });
});

describe('finalClockState from the budget (no due time stored: done while the clock was paused)', () => {
  it.each<[string, StoppedClock, string, Pause[], string]>([
    [
      '90 of 120 min used, then paused and done',
      budget('2026-03-02T08:00Z', 120),
      '2026-03-02T11:00Z',
      [pause('2026-03-02T09:30Z', null)],
      'met 30',
    ],
    [
      '150 of 120 min used before the pause',
      budget('2026-03-02T08:00Z', 120),
      '2026-03-02T12:00Z',
      [pause('2026-03-02T10:30Z', null)],
      'breached 30',
    ],
    [
      'exactly the budget used: breached by 0',
      budget('2026-03-02T08:00Z', 120),
      '2026-03-02T11:00Z',
      [pause('2026-03-02T10:00Z', null)],
      'breached 0',
    ],
  ])('%s', (_label, clock, stoppedAt, pauses, expected) => {
    expect(summary(finalClockState({ calendar: ALWAYS_ON, clock, stoppedAt: at(stoppedAt), pauses }))).toBe(expected);
  });

  it('keeps the instant the clock stopped', () => {
    expect(
      finalClockState({
        calendar: ALWAYS_ON,
        clock: due('2026-03-02T10:00Z'),
        stoppedAt: at('2026-03-02T09:00Z'),
      }).stoppedAt.toISOString(),
    ).toBe('2026-03-02T09:00:00.000Z');
  });
});
