/**
 * The check's planner (src/app/escalation/checkPlan.ts), one row per branch: what a run decides for an
 * issue and the writes, line stays and claims that follow, with no Jira, SQL or clock behind it.
 *
 * The issue is Critical on the 24×7 calendar (`always-on`), so its times are plain arithmetic from T0:
 * L1's budget is 360 minutes (warning at 75 %: 270), L2's 504 (378), L3's 576 (432); the response
 * window of an escalation is 30 minutes (warning at 22) from the run.
 */
import type { AppFieldValueUpdate } from '../../../src/adapters/jira';
import type { ItrConfig } from '../../../src/app/config/itrConfig';
import { ITR_FIELD_NAMES, type ItrFieldIds, type ItrFieldName } from '../../../src/app/fields/itrFields';
import type { StayRow } from '../../../src/app/ports/lineHistory';
import type { EscalationAction } from '../../../src/app/ports/escalationActions';
import {
  decideChecks,
  planCheck,
  type CheckTally,
  type IssueCheck,
  type SkipReason,
} from '../../../src/app/escalation/checkPlan';
import type { EscalationIssue } from '../../../src/app/escalation/lineClock';
import type { LinePause } from '../../../src/app/escalation/pauses';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type LineHolder } from '../../../src/domain';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const MINUTE = 60_000;
/** T0 plus `minutes`, as a Date. */
const at = (minutes: number): Date => new Date(T0 + minutes * MINUTE);
/** The same instant as Jira's app datetime value. */
const stored = (minutes: number): string => at(minutes).toISOString().replace('Z', '+0000');

/** Readable field ids: `f:<name>`, so a write names its field. */
const ids = Object.fromEntries(ITR_FIELD_NAMES.map((n) => [n, `f:${n}`])) as ItrFieldIds;

const config: ItrConfig = {
  gradingTable: DEFAULT_GRADING_TABLE,
  calendars: new Map(DEFAULT_CALENDARS.map((c) => [c.id, c.calendar])),
};
const withoutCalendars: ItrConfig = { ...config, calendars: new Map() };

const L2_EXPERT: LineHolder = { holder: 'acc-l2', notifyGroup: null };
const NOBODY: LineHolder = { holder: null, notifyGroup: 'l2-team' };

/** A Critical issue on L1 since T0, its stored times as the configuration gives them, owned by the L1 engineer. */
function onL1(overrides: Partial<EscalationIssue> = {}): EscalationIssue {
  return {
    id: '10001',
    key: 'ITR-1',
    grade: 'critical',
    line: 'L1',
    enteredAt: at(0),
    dueAt: at(360),
    warnAt: at(270),
    warnedLine: null,
    breachedAt: null,
    ownerAccountId: 'acc-l1',
    ...overrides,
  };
}

const onL3 = (): EscalationIssue => onL1({ line: 'L3', dueAt: at(576), warnAt: at(432), ownerAccountId: 'acc-l3' });

const openPause = (fromMinutes: number): LinePause => ({ line: 'L1', from: at(fromMinutes), to: null });
const closedPause = (fromMinutes: number, toMinutes: number): LinePause => ({
  line: 'L1',
  from: at(fromMinutes),
  to: at(toMinutes),
});

interface Row {
  name: string;
  issue: EscalationIssue;
  now: Date;
  pauses?: LinePause[];
  config?: ItrConfig;
  /** Who the next line's holder look-up answers (escalations only). */
  holder?: LineHolder;
  check: IssueCheck['kind'];
  skip?: SkipReason;
  writes: Partial<Record<ItrFieldName, unknown>>;
  actions: Array<Omit<EscalationAction, 'issueId'>>;
  stays: Array<Omit<StayRow, 'issueId'>>;
  tally: Partial<CheckTally>;
}

/** The next line's fields an escalation from L1 at `dueMinutes` writes (L2's clock starts at L1's due time). */
const enteredL2At = (dueMinutes: number): Partial<Record<ItrFieldName, unknown>> => ({
  line: 'L2',
  lineEnteredAt: stored(dueMinutes),
  lineDueAt: stored(dueMinutes + 504),
  lineWarnAt: stored(dueMinutes + 378),
  warnedLine: null,
});

/** The answer awaited from the new holder: the response window runs from the run, not from the due time. */
const answerAwaitedFrom = (runMinutes: number): Partial<Record<ItrFieldName, unknown>> => ({
  acceptance: 'awaiting',
  responseDueAt: stored(runMinutes + 30),
  responseWarnAt: stored(runMinutes + 22),
  responseAlert: null,
});

const stayLeft = (leftMinutes: number, minutesUsed: number): Omit<StayRow, 'issueId'> => ({
  line: 'L1',
  enteredAt: at(0),
  leftAt: at(leftMinutes),
  holderAccountId: 'acc-l1',
  enteredBy: null,
  workingMinutesUsed: minutesUsed,
  outcome: 'timed_out',
});

const stayEntered = (enteredMinutes: number, holder: string | null): Omit<StayRow, 'issueId'> => ({
  line: 'L2',
  enteredAt: at(enteredMinutes),
  leftAt: null,
  holderAccountId: holder,
  enteredBy: 'app',
  workingMinutesUsed: 0,
  outcome: null,
});

/** The claim an escalation from L1 takes: keyed by L1's entry, whenever it ran out. */
const ESCALATED_FROM_L1: Omit<EscalationAction, 'issueId'> = {
  action: 'escalate',
  line: 'L1',
  lineEnteredAt: at(0),
  toLine: 'L2',
};

const ROWS: Row[] = [
  {
    name: 'not graded: skipped',
    issue: onL1({ grade: null }),
    now: at(400),
    check: 'skip',
    skip: 'notOnALine',
    writes: {},
    actions: [],
    stays: [],
    tally: { skipped: 1 },
  },
  {
    name: 'on no line (never triaged): skipped',
    issue: onL1({ line: null }),
    now: at(400),
    check: 'skip',
    skip: 'notOnALine',
    writes: {},
    actions: [],
    stays: [],
    tally: { skipped: 1 },
  },
  {
    name: 'no line entry time: skipped',
    issue: onL1({ enteredAt: null }),
    now: at(400),
    check: 'skip',
    skip: 'notOnALine',
    writes: {},
    actions: [],
    stays: [],
    tally: { skipped: 1 },
  },
  {
    name: 'already breached (done with): skipped',
    issue: { ...onL3(), breachedAt: at(576) },
    now: at(700),
    check: 'skip',
    skip: 'breached',
    writes: {},
    actions: [],
    stays: [],
    tally: { skipped: 1 },
  },
  {
    name: 'a grade the table no longer has: skipped, left for the admin',
    issue: onL1({ grade: 'retired-grade' }),
    now: at(400),
    check: 'skip',
    skip: 'unknownConfig',
    writes: {},
    actions: [],
    stays: [],
    tally: { skipped: 1 },
  },
  {
    name: 'a calendar the configuration no longer has: skipped, left for the admin',
    issue: onL1(),
    now: at(400),
    config: withoutCalendars,
    check: 'skip',
    skip: 'unknownConfig',
    writes: {},
    actions: [],
    stays: [],
    tally: { skipped: 1 },
  },
  {
    name: 'a minute before the warning, stored times right: nothing to do',
    issue: onL1(),
    now: at(269),
    check: 'upToDate',
    writes: {},
    actions: [],
    stays: [],
    tally: {},
  },
  {
    name: 'stored times from an older configuration: rewritten (healed), nothing else',
    issue: onL1({ dueAt: at(300), warnAt: at(225) }),
    now: at(100),
    check: 'heal',
    writes: { lineDueAt: stored(360), lineWarnAt: stored(270) },
    actions: [],
    stays: [],
    tally: { healed: 1 },
  },
  {
    name: 'waiting for the customer past the due time: the clock is stopped, its stored times cleared',
    issue: onL1(),
    now: at(400),
    pauses: [openPause(60)],
    check: 'heal',
    writes: { lineDueAt: null, lineWarnAt: null },
    actions: [],
    stays: [],
    tally: { healed: 1 },
  },
  {
    name: 'still waiting for the customer, times already cleared: nothing to do',
    issue: onL1({ dueAt: null, warnAt: null }),
    now: at(400),
    pauses: [openPause(60)],
    check: 'upToDate',
    writes: {},
    actions: [],
    stays: [],
    tally: {},
  },
  {
    name: 'at the warning time: warned once for the line',
    issue: onL1(),
    now: at(270),
    check: 'warn',
    writes: { warnedLine: 'L1' },
    actions: [{ action: 'warn', line: 'L1', lineEnteredAt: at(0), toLine: null }],
    stays: [],
    tally: { warned: 1 },
  },
  {
    name: 'after an hour waiting for the customer, the warning comes an hour later',
    issue: onL1({ dueAt: at(420), warnAt: at(330) }),
    now: at(330),
    pauses: [closedPause(60, 120)],
    check: 'warn',
    writes: { warnedLine: 'L1' },
    actions: [{ action: 'warn', line: 'L1', lineEnteredAt: at(0), toLine: null }],
    stays: [],
    tally: { warned: 1 },
  },
  {
    name: 'warned already for this line: nothing to do',
    issue: onL1({ warnedLine: 'L1' }),
    now: at(300),
    check: 'upToDate',
    writes: {},
    actions: [],
    stays: [],
    tally: {},
  },
  {
    name: 'at the due time: escalated to L2, its holder owns it and is awaited to answer',
    issue: onL1(),
    now: at(360),
    holder: L2_EXPERT,
    check: 'escalate',
    writes: { ...enteredL2At(360), owner: { accountId: 'acc-l2' }, ...answerAwaitedFrom(360) },
    actions: [ESCALATED_FROM_L1],
    stays: [stayLeft(360, 360), stayEntered(360, 'acc-l2')],
    tally: { escalated: 1 },
  },
  {
    name: 'a run 140 minutes late: L2 starts at L1 due time, the answer window at the run',
    issue: onL1(),
    now: new Date(at(500).getTime() + 750),
    holder: L2_EXPERT,
    check: 'escalate',
    writes: { ...enteredL2At(360), owner: { accountId: 'acc-l2' }, ...answerAwaitedFrom(500) },
    actions: [ESCALATED_FROM_L1],
    stays: [stayLeft(360, 360), stayEntered(360, 'acc-l2')],
    tally: { escalated: 1 },
  },
  {
    name: 'nobody on L2 may be assigned: escalated unowned, no answer awaited',
    issue: onL1(),
    now: at(360),
    holder: NOBODY,
    check: 'escalate',
    writes: { ...enteredL2At(360), owner: null },
    actions: [ESCALATED_FROM_L1],
    stays: [stayLeft(360, 360), stayEntered(360, null)],
    tally: { escalated: 1 },
  },
  {
    name: 'escalated after an hour waiting for the customer: the hour is not counted as used',
    issue: onL1({ dueAt: at(420), warnAt: at(330), warnedLine: 'L1' }),
    now: at(420),
    pauses: [closedPause(60, 120)],
    holder: L2_EXPERT,
    check: 'escalate',
    writes: { ...enteredL2At(420), owner: { accountId: 'acc-l2' }, ...answerAwaitedFrom(420) },
    actions: [ESCALATED_FROM_L1],
    stays: [stayLeft(420, 360), stayEntered(420, 'acc-l2')],
    tally: { escalated: 1 },
  },
  {
    name: 'L3 at its due time: nowhere left to go, breached',
    issue: onL3(),
    now: at(576),
    check: 'breach',
    writes: { breachedAt: stored(576) },
    actions: [{ action: 'breach', line: 'L3', lineEnteredAt: at(0), toLine: null }],
    stays: [],
    tally: { breached: 1 },
  },
];

/** One issue's writes as `{ fieldName: value }`. */
function writesByName(
  updates: readonly AppFieldValueUpdate[],
  issueId: string,
): Partial<Record<ItrFieldName, unknown>> {
  const out: Partial<Record<ItrFieldName, unknown>> = {};
  for (const u of updates) if (u.issueIds.includes(issueId)) out[u.fieldId.slice(2) as ItrFieldName] = u.value;
  return out;
}

const noTally: CheckTally = { warned: 0, escalated: 0, breached: 0, healed: 0, skipped: 0 };

describe('planCheck', () => {
  it.each(ROWS)('$name', (row) => {
    const facts = {
      issues: [row.issue],
      config: row.config ?? config,
      pauses: new Map([[row.issue.id, row.pauses ?? []]]),
      now: row.now,
    };
    const checks = decideChecks(facts);
    expect(checks.map((c) => c.kind)).toEqual([row.check]);
    if (row.skip !== undefined) expect(checks[0]).toMatchObject({ reason: row.skip });

    const holders = new Map(row.holder === undefined ? [] : [[row.issue.id, row.holder]]);
    const plan = planCheck(checks, holders, ids, facts.config, row.now);
    expect(writesByName(plan.writes.updates(), row.issue.id)).toEqual(row.writes);
    expect(plan.actions).toEqual(row.actions.map((a) => ({ issueId: row.issue.id, ...a })));
    expect(plan.stays).toEqual(row.stays.map((s) => ({ issueId: row.issue.id, ...s })));
    expect(plan.tally).toEqual({ ...noTally, ...row.tally });
  });

  it('plans a batch in the order read, sharing one write entry per field and value', () => {
    const issues = [onL1(), onL1({ id: '10002', key: 'ITR-2' }), onL1({ id: '10003', key: 'ITR-3', grade: null })];
    const now = at(360);
    const checks = decideChecks({ issues, config, pauses: new Map(), now });
    expect(checks.map((c) => [c.issueId, c.kind])).toEqual([
      ['10001', 'escalate'],
      ['10002', 'escalate'],
      ['10003', 'skip'],
    ]);
    const holders = new Map([
      ['10001', L2_EXPERT],
      ['10002', NOBODY],
    ]);
    const plan = planCheck(checks, holders, ids, config, now);
    // Both move to L2 at the same instant: one entry each for line and entry time, two issues in it.
    expect(plan.writes.updates().find((u) => u.fieldId === ids.line)).toEqual({
      fieldId: ids.line,
      issueIds: ['10001', '10002'],
      value: 'L2',
    });
    expect(plan.actions.map((a) => a.issueId)).toEqual(['10001', '10002']);
    expect(plan.tally).toEqual({ ...noTally, escalated: 2, skipped: 1 });
  });

  it('refuses to plan an escalation whose holder was not looked up', () => {
    const checks = decideChecks({ issues: [onL1()], config, pauses: new Map(), now: at(360) });
    expect(() => planCheck(checks, new Map(), ids, config, at(360))).toThrow(/ITR-1 entering L2/);
  });
});
