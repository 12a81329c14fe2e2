import {
  alertAfterRecompute,
  decideResponse,
  responseDeadlines,
  responseGradeOf,
  type Pause,
  type ResponseAlert,
  type ResponseDecision,
  type ResponseState,
} from '../../../src/domain/sla';
import { DEFAULT_GRADING_TABLE } from '../../../src/domain';
import { ALWAYS_ON, CN_MAINLAND_2026, at } from '../fixtures';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to === null ? null : at(to) });

describe('responseDeadlines: the customer’s clock from creation', () => {
  // Created 08:00Z, 30 response minutes on 24×7: due 08:30, warning at floor(22.5) = 22 min → 08:22.
  it.each<[string, string, number, Pause[], string | null, string | null]>([
    ['24×7, no pauses', '2026-03-02T08:00:00Z', 30, [], '2026-03-02T08:30:00.000Z', '2026-03-02T08:22:00.000Z'],
    [
      '24×7, a 10-minute wait for the customer moves both',
      '2026-03-02T08:00:00Z',
      30,
      [pause('2026-03-02T08:05Z', '2026-03-02T08:15Z')],
      '2026-03-02T08:40:00.000Z',
      '2026-03-02T08:32:00.000Z',
    ],
    [
      '24×7, waiting since before the warning stops both',
      '2026-03-02T08:00:00Z',
      30,
      [pause('2026-03-02T08:10Z', null)],
      null,
      null,
    ],
    [
      '24×7, waiting after the warning stops only the due time',
      '2026-03-02T08:00:00Z',
      30,
      [pause('2026-03-02T08:25Z', null)],
      null,
      '2026-03-02T08:22:00.000Z',
    ],
    // Created Friday 18:30 Shanghai (10:30Z), after hours: 60 minutes count from Monday 09:00 (01:00Z).
    [
      'business hours: created after hours starts the next working morning',
      '2026-03-06T10:30:00Z',
      60,
      [],
      '2026-03-09T02:00:00.000Z',
      '2026-03-09T01:45:00.000Z',
    ],
  ])('%s', (_name, created, minutes, pauses, due, warn) => {
    const calendar = _name.startsWith('business') ? CN_MAINLAND_2026 : ALWAYS_ON;
    const d = responseDeadlines({ calendar, createdAt: at(created), responseMinutes: minutes, pauses });
    expect([iso(d.dueAt), iso(d.warnAt)]).toEqual([due, warn]);
  });
});

describe('responseGradeOf: which grade’s response time an issue runs on', () => {
  const first = DEFAULT_GRADING_TABLE.grades[0]!.id;
  const other = DEFAULT_GRADING_TABLE.grades[2]!.id;
  const third = DEFAULT_GRADING_TABLE.grades[3]!.id;
  it.each<[string, string | null, { project?: string; site?: string | null }, string]>([
    ['its own grade first', other, { project: third, site: third }, other],
    ['untriaged: the project’s default', null, { project: third, site: other }, third],
    ['untriaged: the site’s default when the project has none', null, { site: other }, other],
    ['untriaged, no defaults: the most severe grade', null, {}, first],
    ['a grade the table no longer has falls back like untriaged', 'gone', { site: other }, other],
    ['a default the table does not have is skipped', null, { project: 'gone', site: 'gone' }, first],
  ])('%s', (_name, grade, defaults, expected) => {
    expect(responseGradeOf(DEFAULT_GRADING_TABLE, grade, defaults)).toBe(expected);
  });
});

describe('decideResponse: what the sweep does at the response times', () => {
  const due = at('2026-03-02T08:30:00Z');
  const warn = at('2026-03-02T08:22:00Z');
  const base: ResponseState = {
    acceptance: null,
    dueAt: due,
    warnAt: warn,
    alert: null,
    dispatchedAt: null,
    done: false,
  };
  it.each<[string, Partial<ResponseState>, string, ResponseDecision]>([
    ['before the warning: nothing', {}, '2026-03-02T08:21:59Z', { action: 'none' }],
    ['untriaged at the warning: warn', {}, '2026-03-02T08:22:00Z', { action: 'warn', dueAt: due }],
    ['warned already: nothing until due', { alert: 'warn' }, '2026-03-02T08:29:00Z', { action: 'none' }],
    [
      'untriaged at the deadline: overdue at the deadline',
      { alert: 'warn' },
      '2026-03-02T08:30:00Z',
      { action: 'overdue', at: due },
    ],
    [
      'untriaged, a late sweep: still the deadline, no warning first',
      {},
      '2026-03-02T11:00:00Z',
      { action: 'overdue', at: due },
    ],
    ['untriaged, overdue already told: nothing', { alert: 'due' }, '2026-03-02T11:00:00Z', { action: 'none' }],
    [
      'awaiting at the deadline: deemed accepted at the deadline',
      { acceptance: 'awaiting', dispatchedAt: at('2026-03-02T08:10:00Z') },
      '2026-03-02T08:35:00Z',
      { action: 'deemAccepted', at: due },
    ],
    [
      'awaiting, told overdue while untriaged: still deemed',
      { acceptance: 'awaiting', alert: 'due', dispatchedAt: at('2026-03-02T09:00:00Z') },
      '2026-03-02T09:05:00Z',
      { action: 'deemAccepted', at: at('2026-03-02T09:00:00Z') },
    ],
    [
      'awaiting, dispatched after the deadline: deemed at the dispatch',
      { acceptance: 'awaiting', dispatchedAt: at('2026-03-02T10:00:00Z') },
      '2026-03-02T10:05:00Z',
      { action: 'deemAccepted', at: at('2026-03-02T10:00:00Z') },
    ],
    [
      'a dispatch time ahead of now is not trusted',
      { acceptance: 'awaiting', dispatchedAt: at('2030-01-01T00:00:00Z') },
      '2026-03-02T10:05:00Z',
      { action: 'deemAccepted', at: due },
    ],
    ['accepted: the clock stopped', { acceptance: 'accepted' }, '2026-03-02T11:00:00Z', { action: 'none' }],
    [
      'deemed accepted: the clock stopped',
      { acceptance: 'deemedAccepted' },
      '2026-03-02T11:00:00Z',
      { action: 'none' },
    ],
    ['done: every clock stopped', { done: true, acceptance: 'awaiting' }, '2026-03-02T11:00:00Z', { action: 'none' }],
    ['paused (no due, no warning): nothing', { dueAt: null, warnAt: null }, '2026-03-02T11:00:00Z', { action: 'none' }],
  ])('%s', (_name, over, now, expected) => {
    expect(decideResponse({ ...base, ...over }, at(now))).toEqual(expected);
  });
});

describe('alertAfterRecompute: alerts for times that moved ahead are forgotten', () => {
  const d = { dueAt: at('2026-03-02T09:00:00Z'), warnAt: at('2026-03-02T08:45:00Z') };
  it.each<[string, ResponseAlert | null, string, ResponseAlert | null]>([
    ['nothing sent stays nothing', null, '2026-03-02T09:30:00Z', null],
    ['due sent, still past due: kept', 'due', '2026-03-02T09:30:00Z', 'due'],
    ['due sent, due moved ahead but the warning passed: warned', 'due', '2026-03-02T08:50:00Z', 'warn'],
    ['warn sent, both moved ahead: forgotten', 'warn', '2026-03-02T08:30:00Z', null],
    ['due sent, both moved ahead: forgotten', 'due', '2026-03-02T08:30:00Z', null],
  ])('%s', (_name, previous, now, expected) => {
    expect(alertAfterRecompute(previous, d, at(now))).toBe(expected);
  });
});
