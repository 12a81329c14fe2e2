/**
 * The response (acceptance) clock end to end through the exported handlers: `issue-created` starts it
 * from creation, the `escalation-sweep` finds issues past its warning or due time, the consumer warns,
 * tells triage an untriaged issue is overdue, and applies timeout consent with the deadline as the
 * history row's time; a waiting-for-customer status (`issue-updated`) pauses it. The untriaged default
 * grade is the most severe (Critical: 30 minutes on the 24×7 calendar), so times are plain arithmetic.
 */
import { escalationConsumer, escalationSweep, issueCreated, issueUpdated } from '../../../src/index';
import { fromSqlDateTime, runMigrations } from '../../../src/adapters/sql';
import { harness, invokeFunction } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { ITR_TYPE } from '../../fixtures/itrScope';

const { jira, queue, sql } = harness();

const ENGINEER = 'acc-engineer';
const OWNER = 'acc-owner';
const MINUTE = 60_000;

let ids: ReturnType<typeof defineItrFields>;

/** Whole seconds (Jira stores app datetimes so), `minutes` from now. */
const fromNow = (minutes: number): number => Math.floor((Date.now() + minutes * MINUTE) / 1000) * 1000;
const jiraTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');
const instant = (v: unknown): number | null => (v === null || v === undefined ? null : Date.parse(String(v)));

beforeEach(async () => {
  await runMigrations();
  for (const table of ['classification_history', 'response_alert', 'triage_dispatch', 'line_pause'])
    await sql.raw(`DELETE FROM ${table}`);
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: OWNER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: 'acc-triager', displayName: 'Zhao Triage', groups: ['itr-triage'] });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
});

async function sweepAndDrain(): Promise<void> {
  await invokeFunction(escalationSweep, {});
  await queue.drain();
}

const createdEvent = (issue: { id: string; key: string }) => ({
  eventType: 'avi:jira:created:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: ENGINEER,
});

async function historyOf(
  issueId: string,
): Promise<Array<{ field: string; new_value: string; reason: string; actor_account_id: string; at: unknown }>> {
  return sql.raw(
    'SELECT field, new_value, reason, actor_account_id, at FROM classification_history WHERE issue_id = ? ORDER BY id',
    [Number(issueId)],
  );
}

describe('the response clock starts at creation', () => {
  it('writes the response due and warning times from creation on the default grade, once', async () => {
    const created = fromNow(-10);
    const issue = jira.seedIssue({ key: 'ITR-1', issueType: ITR_TYPE, created: new Date(created) });
    await invokeFunction(issueCreated, createdEvent(issue));
    const f = jira.issue('ITR-1').fields;
    expect(instant(f[ids.responseDueAt])).toBe(created + 30 * MINUTE);
    expect(instant(f[ids.responseWarnAt])).toBe(created + 22 * MINUTE);
    // A duplicate delivery writes nothing more.
    const writes = jira.requestCount('POST /rest/api/3/app/field/value');
    await invokeFunction(issueCreated, createdEvent(issue));
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(writes);
  });

  it('leaves issues of other types alone (hand-off targets, other projects’ work)', async () => {
    const issue = jira.seedIssue({ key: 'RND-1', issueType: 'Task' });
    await invokeFunction(issueCreated, createdEvent(issue));
    expect(jira.issue('RND-1').fields[ids.responseDueAt] ?? null).toBeNull();
  });
});

describe('the sweep at the response times', () => {
  const awaiting = (dueMs: number) => ({
    [ids.kind]: 'complaint',
    [ids.grade]: 'critical',
    [ids.line]: 'L1',
    [ids.owner]: { accountId: OWNER },
    [ids.acceptance]: 'awaiting',
    [ids.responseDueAt]: jiraTime(dueMs),
    [ids.responseWarnAt]: jiraTime(dueMs - 8 * MINUTE),
  });

  it('deems an awaiting issue accepted at the deadline: the history row’s time is the deadline, the owner and triage are told, once under duplicates', async () => {
    const due = fromNow(-20);
    const issue = jira.seedIssue({
      key: 'ITR-2',
      issueType: ITR_TYPE,
      created: new Date(due - 30 * MINUTE),
      fields: awaiting(due),
    });
    await sql.raw(
      'INSERT INTO triage_dispatch (issue_id, dispatched_at, owner_account_id, by_account_id) VALUES (?, ?, ?, ?)',
      [Number(issue.id), new Date(due - 25 * MINUTE), OWNER, 'acc-triager'],
    );
    queue.duplicateNext(3);
    await sweepAndDrain();
    await sweepAndDrain();

    const f = jira.issue('ITR-2').fields;
    expect(f[ids.acceptance]).toBe('deemedAccepted');
    expect(f[ids.responseAlert]).toBe('due');
    const history = await historyOf(issue.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      field: 'acceptance',
      new_value: 'deemedAccepted',
      reason: 'ACCEPTANCE_TIMEOUT',
      actor_account_id: OWNER,
    });
    expect(fromSqlDateTime(history[0]!.at).getTime()).toBe(due); // the deadline, not the sweep's run
    const comments = jira.issue('ITR-2').comments;
    expect(comments).toHaveLength(1);
    expect(JSON.stringify(comments[0]!.body)).toContain(`"id":"${OWNER}"`);
    expect(jira.model.notifications).toHaveLength(1);
    expect((jira.model.notifications[0]!.body as { to: unknown }).to).toEqual({ groups: [{ name: 'itr-triage' }] });
  });

  it('tells triage once that an untriaged issue is past its response time, with a history row at the deadline', async () => {
    const due = fromNow(-5);
    const issue = jira.seedIssue({
      key: 'ITR-3',
      issueType: ITR_TYPE,
      created: new Date(due - 30 * MINUTE),
      fields: { [ids.responseDueAt]: jiraTime(due), [ids.responseWarnAt]: jiraTime(due - 8 * MINUTE) },
    });
    await sweepAndDrain();
    await sweepAndDrain();
    expect(jira.issue('ITR-3').fields[ids.responseAlert]).toBe('due');
    expect(jira.issue('ITR-3').fields[ids.acceptance] ?? null).toBeNull();
    const history = await historyOf(issue.id);
    expect(history.map((h) => [h.field, h.new_value, h.reason])).toEqual([['response', 'overdue', 'RESPONSE_OVERDUE']]);
    expect(fromSqlDateTime(history[0]!.at).getTime()).toBe(due);
    expect(jira.issue('ITR-3').comments).toHaveLength(1);
    expect(jira.model.notifications).toHaveLength(1);
  });

  it('warns once at the warning time, and then does nothing until the deadline', async () => {
    const due = fromNow(5);
    jira.seedIssue({ key: 'ITR-4', issueType: ITR_TYPE, fields: awaiting(due) });
    await sweepAndDrain();
    await sweepAndDrain();
    const f = jira.issue('ITR-4').fields;
    expect(f[ids.responseAlert]).toBe('warn');
    expect(f[ids.acceptance]).toBe('awaiting');
    expect(jira.issue('ITR-4').comments).toHaveLength(1);
  });

  it('never touches a done issue, nor an accepted one: their response clock has stopped', async () => {
    jira.seedIssue({ key: 'ITR-5', issueType: ITR_TYPE, status: 'Closed', fields: awaiting(fromNow(-60)) });
    jira.seedIssue({
      key: 'ITR-6',
      issueType: ITR_TYPE,
      fields: { ...awaiting(fromNow(-60)), [ids.acceptance]: 'accepted' },
    });
    await sweepAndDrain();
    expect(jira.issue('ITR-5').fields[ids.acceptance]).toBe('awaiting');
    expect(jira.issue('ITR-5').comments).toHaveLength(0);
    expect(jira.issue('ITR-6').comments).toHaveLength(0);
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(0);
  });
});

describe('a wait for the customer pauses the response clock', () => {
  const statusEvent = (issue: { id: string; key: string }, from: string, to: string, at: number) => ({
    eventType: 'avi:jira:updated:issue',
    issue: { id: issue.id, key: issue.key, fields: { updated: jiraTime(at) } },
    atlassianId: ENGINEER,
    changelog: {
      id: '1',
      items: [
        { field: 'status', fieldId: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to },
      ],
    },
  });

  it('before triage: the due and warning times are cleared while waiting and pushed out by the wait', async () => {
    const created = fromNow(-25);
    const issue = jira.seedIssue({ key: 'ITR-7', issueType: ITR_TYPE, created: new Date(created) });
    await invokeFunction(issueCreated, createdEvent(issue));
    expect(instant(jira.issue('ITR-7').fields[ids.responseDueAt])).toBe(created + 30 * MINUTE);

    await invokeFunction(issueUpdated, statusEvent(issue, 'Accept', 'Waiting for Customer', fromNow(-20)));
    expect(jira.issue('ITR-7').fields[ids.responseDueAt] ?? null).toBeNull();
    expect(jira.issue('ITR-7').fields[ids.responseWarnAt] ?? null).toBeNull();
    const rows = await sql.raw<Array<{ line: string }>>('SELECT line FROM line_pause WHERE issue_id = ?', [
      Number(issue.id),
    ]);
    expect(rows.map((r) => r.line)).toEqual(['untriaged']);

    await invokeFunction(issueUpdated, statusEvent(issue, 'Waiting for Customer', 'Accept', fromNow(-10)));
    const waited = fromNow(-10) - fromNow(-20);
    expect(instant(jira.issue('ITR-7').fields[ids.responseDueAt])).toBe(created + 30 * MINUTE + waited);
    expect(instant(jira.issue('ITR-7').fields[ids.responseWarnAt])).toBe(created + 22 * MINUTE + waited);
  });
});
