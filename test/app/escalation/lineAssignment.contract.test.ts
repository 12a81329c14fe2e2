/**
 * Entering a line moves Jira's own assignee (and status, when the line maps one), through the exported
 * sweep and consumer on the harness (Jira double checked against the spec, KVS, MariaDB): the assignee
 * and the ITR owner field never disagree; a group takes turns, skipping members Jira cannot assign in
 * the project; a mapped status rides with the assignee and the comment in one transition; a status the
 * workflow does not offer leaves the assignee and a comment that says so. Critical runs 24×7.
 */
import { escalationConsumer, escalationSweep } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import {
  enterLine,
  escalationSettingsCodec,
  ESCALATION_SETTINGS_KEY,
  LINE_TURNS_KEY,
  type LineRouting,
} from '../../../src/app/escalation';
import { DEFAULT_GRADING_TABLE, lineBudget, type SupportLine } from '../../../src/domain';
import { harness, invokeFunction } from '../../../platform-doubles';
import { KNOWN_PERMISSIONS } from '../../../platform-doubles/jiraModel';
import { restrictApp } from '../../../platform-doubles/siteProfile';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue, sql, kvs } = harness();

const ENGINEER = 'acc-engineer';
const L2_A = 'acc-l2-a';
const L2_B = 'acc-l2-b';
const L2_C = 'acc-l2-c';
const MINUTE = 60_000;
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const l1Budget = lineBudget(DEFAULT_GRADING_TABLE, critical, 'L1').minutes;
const PROJECT_PERMISSIONS = Object.keys(KNOWN_PERMISSIONS).filter((k) => KNOWN_PERMISSIONS[k] === 'PROJECT');

let ids: ReturnType<typeof defineItrFields>;

const routing = (over: Partial<LineRouting> = {}): LineRouting => ({
  assignment: { mode: 'unassigned', notifyGroup: null },
  statusName: null,
  notifyAccountIds: [],
  notifyGroups: [],
  ...over,
});

async function saveLines(lines: Partial<Record<SupportLine, LineRouting>>): Promise<void> {
  await new ConfigStore().set(
    ESCALATION_SETTINGS_KEY,
    {
      lines: { L1: routing(), L2: routing(), L3: routing(), ...lines },
      managementAccountIds: [],
      managementGroups: [],
      locale: 'en',
    },
    escalationSettingsCodec,
  );
}

function overdueOnL1(key: string, minutesLate = 30, status?: string) {
  const entered = new Date(Math.floor((Date.now() - (l1Budget + minutesLate) * MINUTE) / 1000) * 1000);
  return jira.seedIssue({
    key,
    ...(status === undefined ? {} : { status }),
    fields: {
      [ids.kind]: 'complaint',
      [ids.grade]: critical,
      [ids.line]: 'L1',
      [ids.lineEnteredAt]: entered.toISOString(),
      [ids.lineDueAt]: new Date(entered.getTime() + l1Budget * MINUTE).toISOString(),
      [ids.lineWarnAt]: new Date(entered.getTime() + Math.floor(l1Budget * 0.75) * MINUTE).toISOString(),
      [ids.owner]: { accountId: ENGINEER },
      assignee: { accountId: ENGINEER },
    },
  });
}

async function sweepAndDrain(): Promise<void> {
  await invokeFunction(escalationSweep, {});
  await queue.drain();
}

const assigneeOf = (key: string): string | null =>
  (jira.issue(key).fields['assignee'] as { accountId?: string } | null | undefined)?.accountId ?? null;
const ownerOf = (key: string): string | null =>
  (jira.issue(key).fields[ids.owner] as { accountId?: string } | null | undefined)?.accountId ?? null;
const statusOf = (key: string): unknown => (jira.issue(key).fields['status'] as { name?: unknown }).name;
const commentText = (key: string): string =>
  jira
    .issue(key)
    .comments.map((c) => JSON.stringify(c.body))
    .join('\n');
/** Jira requests about one issue after the sweep's search and the consumer's re-read and bulk write. */
const perIssueRequests = (issueId: string): string[] =>
  jira.calls.filter((c) => c.path.includes(`/issue/${issueId}/`)).map((c) => c.route);

beforeEach(async () => {
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: L2_A, displayName: 'Ann', groups: ['itr-l2'] });
  // B is in the group but may not be assigned issues in ITR (the permission scheme leaves them out).
  jira.seedUser({
    accountId: L2_B,
    displayName: 'Bo',
    groups: ['itr-l2'],
    projectPermissions: { ITR: PROJECT_PERMISSIONS.filter((p) => p !== 'ASSIGNABLE_USER') },
  });
  jira.seedUser({ accountId: L2_C, displayName: 'Cai', groups: ['itr-l2'] });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  for (const table of ['line_history', 'escalation_action', 'escalation_audit'])
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
});

afterEach(() => jira.assertNoViolations());

describe('entering a line by escalation moves Jira', () => {
  it("sets the line's person as Jira's assignee and owner, in two requests with the comment (no status mapped)", async () => {
    await saveLines({ L2: routing({ assignment: { mode: 'person', accountId: L2_A } }) });
    const issue = overdueOnL1('ITR-1');
    await sweepAndDrain();
    expect(jira.issue('ITR-1').fields[ids.line]).toBe('L2');
    expect(assigneeOf('ITR-1')).toBe(L2_A);
    expect(ownerOf('ITR-1')).toBe(L2_A);
    expect(perIssueRequests(issue.id).sort()).toEqual([
      'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      'PUT /rest/api/3/issue/{issueIdOrKey}/assignee',
    ]);
    const rows = await sql.raw<Array<{ holder_account_id: string | null }>>(
      'SELECT holder_account_id FROM line_history WHERE issue_id = ? AND line = ?',
      [Number(issue.id), 'L2'],
    );
    expect(rows).toEqual([{ holder_account_id: L2_A }]);
  });

  it("awaits the new holder's answer from the escalation (the grade's response time), and the sweep deems it at that deadline", async () => {
    await saveLines({ L2: routing({ assignment: { mode: 'person', accountId: L2_A } }) });
    const issue = overdueOnL1('ITR-9');
    jira.issue('ITR-9').fields[ids.acceptance] = 'deemedAccepted'; // L1's owner was deemed to accept long ago
    // From when the sweep handed it over (L1's time ran out 30 minutes before: that is not Ann's time),
    // to the second; the hand-over happens somewhere in this sweep.
    const sweepStarted = Math.floor(Date.now() / 1000) * 1000;
    await sweepAndDrain();
    const escalatedAt = Math.floor(Date.now() / 1000) * 1000;
    const f = jira.issue('ITR-9').fields;
    expect(Date.parse(String(f[ids.lineEnteredAt]))).toBeLessThan(sweepStarted - 29 * MINUTE);
    const responseMinutes = DEFAULT_GRADING_TABLE.sla[critical]!.responseMinutes;
    expect(f[ids.acceptance]).toBe('awaiting');
    expect(Date.parse(String(f[ids.responseDueAt]))).toBeGreaterThanOrEqual(sweepStarted + responseMinutes * MINUTE);
    expect(Date.parse(String(f[ids.responseDueAt]))).toBeLessThanOrEqual(escalatedAt + (responseMinutes + 1) * MINUTE);
    expect(f[ids.responseAlert] ?? null).toBeNull();
    // The same fields' sweep: Ann does not answer, and is deemed to accept at her deadline.
    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
      ],
    });
    try {
      jest.setSystemTime(escalatedAt + (responseMinutes + 2) * MINUTE);
      await sweepAndDrain();
    } finally {
      jest.useRealTimers();
    }
    expect(jira.issue('ITR-9').fields[ids.acceptance]).toBe('deemedAccepted');
    expect(perIssueRequests(issue.id)).toContain('POST /rest/api/3/issue/{issueIdOrKey}/comment');
  });

  it('a group takes turns in account-id order, skipping a member Jira cannot assign in the project; one cursor write per run', async () => {
    await saveLines({ L2: routing({ assignment: { mode: 'group', group: 'itr-l2' } }) });
    const keys = ['ITR-1', 'ITR-2', 'ITR-3'];
    keys.forEach((k, i) => overdueOnL1(k, 30 + i));
    await sweepAndDrain();
    const holders = keys.map(assigneeOf);
    expect(holders.sort()).toEqual([L2_A, L2_A, L2_C].sort());
    expect(holders).not.toContain(L2_B);
    for (const k of keys) expect(ownerOf(k)).toBe(assigneeOf(k));
    // Members once per group and who may be assigned once per project, for the whole event.
    expect(jira.requestCount('GET /rest/api/3/group/member')).toBe(1);
    expect(jira.requestCount('GET /rest/api/3/user/assignable/search')).toBeLessThanOrEqual(1 + 1); // the page, plus B asked for by name
    expect(kvs.peek(`state:${LINE_TURNS_KEY}`)).toMatchObject({ revision: 1 });
    // The next issue continues the turn where it stopped (after the third issue's holder).
    overdueOnL1('ITR-4');
    await sweepAndDrain();
    const third = (kvs.peek(`state:${LINE_TURNS_KEY}`) as { value: { L2: string } }).value.L2;
    expect([L2_A, L2_C]).toContain(third);
    expect(assigneeOf('ITR-4')).not.toBe(L2_B);
  });

  it('a mapped status the workflow offers: assignee, status and comment in ONE transition request', async () => {
    jira.model.setWorkflow(
      [
        { id: '1', name: 'Open', category: 'new' },
        { id: '2', name: 'L2 Handling', category: 'indeterminate' },
        { id: '5', name: 'Resolved', category: 'done' },
      ],
      [
        { id: '31', name: 'Escalate to L2', to: 'L2 Handling', from: ['Open'], screenFieldIds: ['assignee'] },
        { id: '91', name: 'Resolve', to: 'Resolved', from: ['Open', 'L2 Handling'] },
      ],
    );
    await saveLines({ L2: routing({ assignment: { mode: 'person', accountId: L2_A }, statusName: 'L2 Handling' }) });
    const issue = overdueOnL1('ITR-1', 30, 'Open');
    await sweepAndDrain();
    expect(statusOf('ITR-1')).toBe('L2 Handling');
    expect(assigneeOf('ITR-1')).toBe(L2_A);
    expect(ownerOf('ITR-1')).toBe(L2_A);
    expect(perIssueRequests(issue.id)).toEqual(['POST /rest/api/3/issue/{issueIdOrKey}/transitions']);
    expect(commentText('ITR-1')).toContain('escalated to');
    expect(commentText('ITR-1')).not.toContain('could not be moved');
  });

  it('a mapped status the workflow does not offer from here: assignee + a comment saying the status stayed', async () => {
    await saveLines({ L2: routing({ assignment: { mode: 'person', accountId: L2_A }, statusName: 'L2 Handling' }) });
    const issue = overdueOnL1('ITR-1');
    await sweepAndDrain();
    expect(assigneeOf('ITR-1')).toBe(L2_A);
    expect(ownerOf('ITR-1')).toBe(L2_A);
    expect(statusOf('ITR-1')).toBe('Open');
    expect(perIssueRequests(issue.id).sort()).toEqual([
      'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      'PUT /rest/api/3/issue/{issueIdOrKey}/assignee',
    ]);
    expect(commentText('ITR-1')).toContain('could not be moved to the status \\"L2 Handling\\"');
  });

  it('a transition the app may not perform (no Transition issues in the project) is not tried: assignee + comment that says so', async () => {
    jira.model.setWorkflow(
      [
        { id: '1', name: 'Open', category: 'new' },
        { id: '2', name: 'L2 Handling', category: 'indeterminate' },
      ],
      [{ id: '31', name: 'Escalate to L2', to: 'L2 Handling', from: ['Open'], screenFieldIds: ['assignee'] }],
    );
    restrictApp(
      jira,
      'ITR',
      PROJECT_PERMISSIONS.filter((p) => p !== 'TRANSITION_ISSUES'),
    );
    await saveLines({ L2: routing({ assignment: { mode: 'person', accountId: L2_A }, statusName: 'L2 Handling' }) });
    const issue = overdueOnL1('ITR-1', 30, 'Open');
    await sweepAndDrain();
    expect(statusOf('ITR-1')).toBe('Open');
    expect(assigneeOf('ITR-1')).toBe(L2_A);
    expect(perIssueRequests(issue.id)).not.toContain('POST /rest/api/3/issue/{issueIdOrKey}/transitions');
    expect(commentText('ITR-1')).toContain('could not be moved');
  });

  it('unassigned, notify the group: assignee and owner cleared, the group emailed, the comment says nobody is assigned', async () => {
    await saveLines({ L2: routing({ assignment: { mode: 'unassigned', notifyGroup: 'itr-l2' } }) });
    overdueOnL1('ITR-1');
    await sweepAndDrain();
    expect(assigneeOf('ITR-1')).toBeNull();
    expect(ownerOf('ITR-1')).toBeNull();
    expect(jira.model.notifications).toHaveLength(1);
    expect(JSON.stringify(jira.model.notifications[0])).toContain('itr-l2');
    expect(commentText('ITR-1')).toContain('Nobody is assigned yet');
  });
});

describe('entering a line by hand', () => {
  it("the line's group takes the issue (enterLine), Jira's assignee and the owner agree; an explicit holder wins", async () => {
    await saveLines({ L2: routing({ assignment: { mode: 'group', group: 'itr-l2' } }) });
    const one = jira.seedIssue({ key: 'ITR-1', fields: { [ids.grade]: critical } });
    const entered = await invokeFunction(
      () => enterLine({ issueId: one.id, grade: critical, line: 'L2', at: new Date(), actor: ENGINEER }),
      {},
    );
    expect(entered.holderAccountId).toBe(L2_A);
    expect(assigneeOf('ITR-1')).toBe(L2_A);
    expect(ownerOf('ITR-1')).toBe(L2_A);
    const two = jira.seedIssue({ key: 'ITR-2', fields: { [ids.grade]: critical } });
    await invokeFunction(
      () =>
        enterLine({
          issueId: two.id,
          grade: critical,
          line: 'L2',
          at: new Date(),
          actor: ENGINEER,
          holderAccountId: ENGINEER,
        }),
      {},
    );
    expect(assigneeOf('ITR-2')).toBe(ENGINEER);
    expect(ownerOf('ITR-2')).toBe(ENGINEER);
  });
});

describe('stored settings of schema 1', () => {
  it("read a line's assigneeAccountId as that person and none as unassigned, no status", async () => {
    kvs.seed('config:escalation', {
      schemaVersion: 1,
      revision: 3,
      updatedAt: '2026-01-01T00:00:00.000Z',
      value: {
        lines: {
          L1: { assigneeAccountId: null, notifyAccountIds: [], notifyGroups: ['g'] },
          L2: { assigneeAccountId: L2_A, notifyAccountIds: [], notifyGroups: [] },
          L3: {},
        },
        managementAccountIds: [],
        managementGroups: [],
        locale: 'zh-CN',
      },
    });
    const stored = await new ConfigStore().get(ESCALATION_SETTINGS_KEY, escalationSettingsCodec);
    expect(stored?.value.lines).toEqual({
      L1: {
        assignment: { mode: 'unassigned', notifyGroup: null },
        statusName: null,
        notifyAccountIds: [],
        notifyGroups: ['g'],
      },
      L2: { assignment: { mode: 'person', accountId: L2_A }, statusName: null, notifyAccountIds: [], notifyGroups: [] },
      L3: {
        assignment: { mode: 'unassigned', notifyGroup: null },
        statusName: null,
        notifyAccountIds: [],
        notifyGroups: [],
      },
    });
  });
});
