/**
 * Waiting-for-customer pauses, end to end through the exported `issue-updated` trigger (status changes
 * in its changelog), the sweep and the consumer: a paused line's clock stops, its due and warning
 * fields are cleared so the sweep never finds it, and leaving the pause pushes them out by exactly the
 * paused working time. Critical runs on the 24×7 calendar, so that is plain arithmetic.
 *
 * Only `Date` is faked (to let time pass); timers, the queue and SQL run for real.
 */
import { escalationConsumer, escalationSweep, issueUpdated } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { fromSqlDateTime } from '../../../src/adapters/sql';
import { enterLine } from '../../../src/app/escalation';
import { PAUSE_STATUSES_KEY, pauseStatusesCodec } from '../../../src/app/escalation/pauses';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../../src/domain';
import { harness, invokeFunction } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue, sql } = harness();

const ENGINEER = 'acc-engineer';
const MINUTE = 60_000;
const T0 = new Date('2026-03-02T08:00:00.000Z');
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const budget = lineBudget(DEFAULT_GRADING_TABLE, critical, 'L1').minutes;
const warnMinutes = Math.floor(budget * 0.75);

let ids: ReturnType<typeof defineItrFields>;

const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);

const statusEvent = (issue: { id: string; key: string }, from: string, to: string) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: ENGINEER,
  changelog: {
    id: '1',
    items: [
      { field: 'status', fieldId: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to },
    ],
  },
});

async function changeStatus(issue: { id: string; key: string }, from: string, to: string): Promise<void> {
  jira.issue(issue.key).fields['status'] = { name: to };
  await invokeFunction(issueUpdated, statusEvent(issue, from, to));
}

/** Seeds an issue that entered L1 `minutesBefore` T0 (through enterLine, so the history has its stay). */
async function seedOnL1(key: string, enteredMinutes: number) {
  const issue = jira.seedIssue({ key, fields: { [ids.kind]: 'complaint', [ids.grade]: critical } });
  await invokeFunction(
    () => enterLine({ issueId: issue.id, grade: critical, line: 'L1', at: at(enteredMinutes), actor: ENGINEER }),
    {},
  );
  return issue;
}

const due = (key: string): unknown => jira.issue(key).fields[ids.lineDueAt] ?? null;
const warn = (key: string): unknown => jira.issue(key).fields[ids.lineWarnAt] ?? null;
const instant = (v: unknown): number => Date.parse(String(v));

async function pauseRows(issueId: string): Promise<Array<Record<string, unknown>>> {
  return sql.raw<Array<Record<string, unknown>>>(
    'SELECT line, from_at, to_at FROM line_pause WHERE issue_id = ? ORDER BY from_at',
    [Number(issueId)],
  );
}

async function sweepAndDrain(): Promise<void> {
  await invokeFunction(escalationSweep, {});
  await queue.drain();
}

beforeEach(async () => {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  jest.setSystemTime(T0);
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  for (const table of ['line_history', 'escalation_action', 'escalation_audit', 'line_pause']) {
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
  }
});

afterEach(() => {
  jest.useRealTimers();
});

describe('waiting-for-customer pauses', () => {
  it('pausing clears due and warn; the sweep never escalates a paused issue however much time passes', async () => {
    const issue = await seedOnL1('ITR-1', -10);
    expect(instant(due('ITR-1'))).toBe(at(-10 + budget).getTime());

    await changeStatus(issue, 'In Progress', 'Waiting for customer');
    expect(due('ITR-1')).toBeNull();
    expect(warn('ITR-1')).toBeNull();
    expect(await pauseRows(issue.id)).toEqual([{ line: 'L1', from_at: expect.anything(), to_at: null }]);

    jest.setSystemTime(at(budget * 3));
    await sweepAndDrain();
    expect(jira.issue('ITR-1').fields[ids.line]).toBe('L1');
    expect(jira.issue('ITR-1').fields[ids.warnedLine] ?? null).toBeNull();
    expect(jira.issue('ITR-1').comments).toHaveLength(0);

    // Even a check event naming the issue (a stale claim, an overlapping run) leaves it alone, and
    // does not "heal" the cleared fields back.
    queue.deliveries.length = 0;
    const report = await invokeFunction(escalationConsumer, {
      body: { kind: 'check', issueIds: [issue.id], fieldIds: ids },
    });
    expect(report).toMatchObject({ read: 1, escalated: 0, warned: 0, healed: 0 });
    expect(jira.issue('ITR-1').fields[ids.line]).toBe('L1');
    expect(due('ITR-1')).toBeNull();
    expect(jira.issue('ITR-1').comments).toHaveLength(0);
  });

  it('resuming pushes due and warn out by exactly the paused time; duplicates change nothing; history excludes the pause', async () => {
    const issue = await seedOnL1('ITR-2', -10);
    const dueBefore = instant(due('ITR-2'));
    const warnBefore = instant(warn('ITR-2'));

    await changeStatus(issue, 'In Progress', 'Waiting for Customer');
    jest.setSystemTime(at(5));
    await changeStatus(issue, 'In Progress', 'Waiting for Customer'); // duplicate delivery, later
    expect(await pauseRows(issue.id)).toHaveLength(1);

    const paused = 2 * budget; // the customer took longer than the whole budget
    jest.setSystemTime(at(paused));
    await changeStatus(issue, 'Waiting for Customer', 'In Progress');
    expect(instant(due('ITR-2'))).toBe(dueBefore + paused * MINUTE);
    expect(instant(warn('ITR-2'))).toBe(warnBefore + paused * MINUTE);
    expect(instant(warn('ITR-2'))).toBe(at(-10 + warnMinutes + paused).getTime());

    // Duplicate resume a minute later: the pause stays closed where it was, the deadlines stay put.
    jest.setSystemTime(at(paused + 1));
    jira.calls.length = 0;
    await changeStatus(issue, 'Waiting for Customer', 'In Progress');
    expect(instant(due('ITR-2'))).toBe(dueBefore + paused * MINUTE);
    const rows = await pauseRows(issue.id);
    expect(rows).toHaveLength(1);
    expect(fromSqlDateTime(rows[0]!['to_at']).getTime()).toBe(at(paused).getTime());
    // One bulk app-field write per status change.
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(1);

    // Not due yet after resuming: the sweep leaves it on L1.
    await sweepAndDrain();
    expect(jira.issue('ITR-2').fields[ids.line]).toBe('L1');

    // Passed on 10 minutes after resuming: L1 used 10 + 10 working minutes, not the paused time.
    await invokeFunction(
      () => enterLine({ issueId: issue.id, grade: critical, line: 'L2', at: at(paused + 10), actor: ENGINEER }),
      {},
    );
    const history = await sql.raw<Array<Record<string, unknown>>>(
      'SELECT line, working_minutes_used, outcome FROM line_history WHERE issue_id = ? ORDER BY entered_at',
      [Number(issue.id)],
    );
    expect(history[0]).toEqual({ line: 'L1', working_minutes_used: 20, outcome: 'passed_on' });
  });

  it('stops and restarts the clock when the status changed (the event), not when the trigger ran', async () => {
    const issue = await seedOnL1('ITR-7', -10);
    const dueBefore = instant(due('ITR-7'));
    const late = (from: string, to: string, changedAt: Date) => {
      jira.issue(issue.key).fields['status'] = { name: to };
      const event = statusEvent(issue, from, to);
      return invokeFunction(issueUpdated, {
        ...event,
        issue: { ...event.issue, fields: { updated: changedAt.toISOString().replace('Z', '+0000') } },
      });
    };
    jest.setSystemTime(at(30)); // the trigger runs 30 minutes after the change
    await late('In Progress', 'Waiting for Customer', at(0));
    expect(fromSqlDateTime((await pauseRows(issue.id))[0]!['from_at']).getTime()).toBe(at(0).getTime());
    jest.setSystemTime(at(100));
    await late('Waiting for Customer', 'In Progress', at(60));
    expect(instant(due('ITR-7'))).toBe(dueBefore + 60 * MINUTE);
    // An "updated" in the future (clock skew) is not trusted: the run time is used.
    await late('In Progress', 'Waiting for Customer', at(500));
    expect(fromSqlDateTime((await pauseRows(issue.id))[1]!['from_at']).getTime()).toBe(at(100).getTime());
  });

  it('escalates on time after a pause, by the pushed-out due time', async () => {
    const issue = await seedOnL1('ITR-3', 0);
    jest.setSystemTime(at(10));
    await changeStatus(issue, 'Open', '等待客户');
    jest.setSystemTime(at(70));
    await changeStatus(issue, '等待客户', 'Open');
    jest.setSystemTime(at(budget + 59)); // would be overdue without the pause
    await sweepAndDrain();
    expect(jira.issue('ITR-3').fields[ids.line]).toBe('L1');
    jest.setSystemTime(at(budget + 61));
    await sweepAndDrain();
    expect(jira.issue('ITR-3').fields[ids.line]).toBe('L2');
    expect(instant(jira.issue('ITR-3').fields[ids.lineEnteredAt])).toBe(at(budget + 60).getTime());
    const history = await sql.raw<Array<Record<string, unknown>>>(
      'SELECT line, working_minutes_used, outcome FROM line_history WHERE issue_id = ? ORDER BY entered_at',
      [Number(issue.id)],
    );
    expect(history[0]).toEqual({ line: 'L1', working_minutes_used: budget, outcome: 'timed_out' });
  });

  it('uses the status names configured in KVS; other status changes leave the clock alone', async () => {
    await new ConfigStore().set(PAUSE_STATUSES_KEY, ['Pending customer'], pauseStatusesCodec);
    const issue = await seedOnL1('ITR-4', 0);
    const dueBefore = due('ITR-4');
    await changeStatus(issue, 'Open', 'Waiting for customer');
    expect(due('ITR-4')).toBe(dueBefore);
    await changeStatus(issue, 'Waiting for customer', 'Pending customer');
    expect(due('ITR-4')).toBeNull();
    expect(await pauseRows(issue.id)).toHaveLength(1);
  });
});
