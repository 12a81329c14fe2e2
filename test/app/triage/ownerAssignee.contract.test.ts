/**
 * The ITR owner field and Jira's assignee never disagree (issue 14, "The work moves in Jira"): triage
 * changing the owner within the same line, and a forward or escalation by the owner, move Jira's
 * assignee too, asked of Jira first (`PUT /rest/api/3/issue/{id}/assignee` as the app); Jira refusing
 * the person (400 "cannot be assigned") is TRIAGE_OWNER_NOT_ASSIGNABLE and nothing is written. Triage
 * without a chosen owner leaves entering a line to the line's assignment. A declined issue (owner and
 * acceptance cleared) is back on the triage list. Through the exported resolvers, on the Jira double.
 */
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { issuePanelResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import { escalationSettingsCodec, ESCALATION_SETTINGS_KEY } from '../../../src/app/escalation';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { chooseItrProjects, ITR_TYPE } from '../../fixtures/itrScope';

const { jira, sql } = harness();
const TRIAGER = 'acc-triager';
const OWNER = 'acc-owner';
const OTHER = 'acc-other';
const L1_PERSON = 'acc-l1';
/** May browse the ITR project but is not an "Assignable user" there. */
const VIEWER = 'acc-viewer';
const WRITE = 'POST /rest/api/3/app/field/value';
const ASSIGN = 'PUT /rest/api/3/issue/{issueIdOrKey}/assignee';

const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
const HABIT = {
  failsWithinSpecification: false,
  contractOrProcessNotFollowed: false,
  expectedByUserHabitOrIndustryNorm: true,
};
const call = (functionKey: string, payload: unknown, accountId: string) =>
  invokeResolver(triageResolver, functionKey, payload, { accountId });
const decision = (issueKey: string, owner?: string) => ({
  issueKey,
  kind: 'technicalService',
  classification: { facts: HABIT },
  answers: OUTAGE,
  ...(owner === undefined ? {} : { ownerAccountId: owner }),
});

let ids: ReturnType<typeof defineItrFields>;
const assigneeOf = (key: string): string | null =>
  (jira.issue(key).fields['assignee'] as { accountId?: string } | null)?.accountId ?? null;
const ownerOf = (key: string): string | null =>
  (jira.issue(key).fields[ids.owner] as { accountId?: string } | null)?.accountId ?? null;

beforeEach(async () => {
  await runMigrations();
  for (const table of ['classification_history', 'line_history', 'triage_dispatch'])
    await sql.raw(`DELETE FROM ${table}`);
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  for (const [accountId, displayName] of [
    [OWNER, 'Wang Owner'],
    [OTHER, 'Li Other'],
    [L1_PERSON, 'Chen L1'],
  ] as const)
    jira.seedUser({ accountId, displayName });
  jira.seedUser({
    accountId: VIEWER,
    displayName: 'Viewer',
    projectPermissions: { ITR: ['BROWSE_PROJECTS', 'ADD_COMMENTS'] },
  });
  ids = defineItrFields(jira);
  await chooseItrProjects(['ITR']);
  await new ConfigStore().set(
    ESCALATION_SETTINGS_KEY,
    {
      lines: {
        L1: {
          assignment: { mode: 'person', accountId: L1_PERSON },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L2: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L3: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
      },
      managementAccountIds: [],
      managementGroups: [],
      locale: 'en',
    },
    escalationSettingsCodec,
  );
  jira.seedIssue({ key: 'ITR-1', issueType: ITR_TYPE });
});

describe('triage moves Jira’s assignee with the owner', () => {
  it('dispatching with a chosen owner makes them the assignee and the owner', async () => {
    expect(await call('triageIssue', decision('ITR-1', OWNER), TRIAGER)).toMatchObject({ success: true });
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({ owner: OWNER, assignee: OWNER });
  });

  it('without a chosen owner, the line’s assignment decides who holds it (owner = assignee), recorded in the history', async () => {
    expect(await call('triageIssue', decision('ITR-1'), TRIAGER)).toMatchObject({ success: true });
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({
      owner: L1_PERSON,
      assignee: L1_PERSON,
    });
    const history = (await call('getClassificationHistory', { issueKey: 'ITR-1' }, TRIAGER)) as {
      data: Array<Record<string, unknown>>;
    };
    expect(history.data.find((e) => e['field'] === 'owner')).toMatchObject({
      oldValue: null,
      newValue: L1_PERSON,
      newValueName: 'Chen L1',
    });
    const dispatch = await sql.raw<Array<{ owner_account_id: string | null }>>(
      'SELECT owner_account_id FROM triage_dispatch',
    );
    expect(dispatch.map((d) => d.owner_account_id)).toEqual([L1_PERSON]);
  });

  it('re-triage within the same line to another owner moves the assignee too (no new line entry)', async () => {
    await call('triageIssue', decision('ITR-1', OWNER), TRIAGER);
    const entered = jira.issue('ITR-1').fields[ids.lineEnteredAt];
    expect(await call('triageIssue', decision('ITR-1', OTHER), TRIAGER)).toMatchObject({ success: true });
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({ owner: OTHER, assignee: OTHER });
    expect(jira.issue('ITR-1').fields[ids.lineEnteredAt]).toBe(entered);
  });

  it('re-triage within the same line without an owner keeps owner and assignee, and sends no assignee change', async () => {
    await call('triageIssue', decision('ITR-1', OWNER), TRIAGER);
    const assigns = jira.requestCount(ASSIGN);
    expect(await call('triageIssue', decision('ITR-1'), TRIAGER)).toMatchObject({ success: true });
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({ owner: OWNER, assignee: OWNER });
    expect(jira.requestCount(ASSIGN)).toBe(assigns);
  });

  it('refuses an owner Jira cannot assign in the project (TRIAGE_OWNER_NOT_ASSIGNABLE), writing nothing', async () => {
    await call('triageIssue', decision('ITR-1', OWNER), TRIAGER);
    const writes = jira.requestCount(WRITE);
    const rows = await sql.raw<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM classification_history');
    const answer = await call(
      'triageIssue',
      { ...decision('ITR-1', VIEWER), answers: { ...OUTAGE, duration: 'over24h' } },
      TRIAGER,
    );
    expect(answer).toMatchObject({
      success: false,
      errors: [{ code: 'TRIAGE_OWNER_NOT_ASSIGNABLE', path: 'ownerAccountId' }],
    });
    expect(JSON.stringify(answer)).toContain('cannot be assigned');
    expect(jira.requestCount(WRITE)).toBe(writes);
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({ owner: OWNER, assignee: OWNER });
    const after = await sql.raw<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM classification_history');
    expect(Number(after[0]?.n)).toBe(Number(rows[0]?.n));
  });

  it('refuses a first dispatch to an owner Jira cannot assign, writing nothing', async () => {
    expect(await call('triageIssue', decision('ITR-1', VIEWER), TRIAGER)).toMatchObject({
      success: false,
      errors: [{ code: 'TRIAGE_OWNER_NOT_ASSIGNABLE' }],
    });
    expect(jira.requestCount(WRITE)).toBe(0);
    expect({
      owner: ownerOf('ITR-1'),
      assignee: assigneeOf('ITR-1'),
      line: jira.issue('ITR-1').fields[ids.line] ?? null,
    }).toEqual({ owner: null, assignee: null, line: null });
  });
});

describe('forward and escalate move Jira’s assignee with the owner', () => {
  beforeEach(async () => {
    expect(await call('triageIssue', decision('ITR-1', OWNER), TRIAGER)).toMatchObject({ success: true });
  });

  it.each(['forward', 'escalate'] as const)('%s: the new owner is the assignee', async (mode) => {
    expect(
      await call('reassignIssue', { issueKey: 'ITR-1', mode, toAccountId: OTHER, reason: 'theirs' }, OWNER),
    ).toMatchObject({ success: true });
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({ owner: OTHER, assignee: OTHER });
  });

  it('refuses someone Jira cannot assign: TRIAGE_OWNER_NOT_ASSIGNABLE, owner, assignee and history stay', async () => {
    const writes = jira.requestCount(WRITE);
    expect(
      await call('reassignIssue', { issueKey: 'ITR-1', mode: 'forward', toAccountId: VIEWER, reason: 'theirs' }, OWNER),
    ).toMatchObject({
      success: false,
      errors: [{ code: 'TRIAGE_OWNER_NOT_ASSIGNABLE', path: 'toAccountId' }],
    });
    expect(jira.requestCount(WRITE)).toBe(writes);
    expect({ owner: ownerOf('ITR-1'), assignee: assigneeOf('ITR-1') }).toEqual({ owner: OWNER, assignee: OWNER });
    const forwards = await sql.raw<Array<{ n: number | string }>>(
      "SELECT COUNT(*) AS n FROM classification_history WHERE field = 'owner' AND new_value = ?",
      [VIEWER],
    );
    expect(Number(forwards[0]?.n)).toBe(0);
  });
});

describe('decline returns the issue to triage', () => {
  type Item = { issueKey: string; ownerAccountId: string | null; acceptance: string | null; kind: string | null };
  const listed = async (): Promise<Item[]> =>
    ((await call('listTriage', {}, TRIAGER)) as { data: { items: Item[] } }).data.items;

  it('a declined issue (kind and line kept, owner and acceptance cleared) is listed again; accepted ones are not', async () => {
    jira.seedIssue({ key: 'ITR-2', issueType: ITR_TYPE });
    await call('triageIssue', decision('ITR-1', OWNER), TRIAGER);
    await call('triageIssue', decision('ITR-2', OWNER), TRIAGER);
    expect(await call('acceptIssue', { issueKey: 'ITR-2' }, OWNER)).toMatchObject({ success: true });
    expect((await listed()).map((i) => i.issueKey)).toEqual(['ITR-1']);

    const declined = await invokeResolver(
      issuePanelResolver,
      'declineFromPanel',
      { issueKey: 'ITR-1', reason: 'Not my product' },
      { accountId: OWNER },
    );
    expect(declined).toMatchObject({ success: true });
    const items = await listed();
    expect(items.map((i) => i.issueKey)).toEqual(['ITR-1']);
    expect(items[0]).toMatchObject({ kind: 'technicalService', ownerAccountId: null, acceptance: null });
    expect(assigneeOf('ITR-1')).toBeNull();

    // Triage hands it to someone else: awaiting their answer, still listed until they accept.
    expect(await call('triageIssue', decision('ITR-1', OTHER), TRIAGER)).toMatchObject({ success: true });
    expect((await listed())[0]).toMatchObject({ issueKey: 'ITR-1', ownerAccountId: OTHER, acceptance: 'awaiting' });
    expect(assigneeOf('ITR-1')).toBe(OTHER);
  });
});
