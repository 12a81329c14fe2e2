/**
 * The owner's answers in the issue panel (issue 14), through the exported handlers: accept (triage's
 * acceptIssue), decline back to triage with a reason, and a reassignment made in Jira recorded as a
 * forward whose reason the panel asks for. People are named by display name in every answer.
 */
import { issuePanelResolver, issueUpdated } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { DEFAULT_GRADING_TABLE } from '../../src/domain';
import type { IssueItrState } from '../../src/contract/issuePanel';
import { harness, invokeFunction, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';

const { jira, sql } = harness();
const OWNER = 'acc-owner';
const L2 = 'acc-l2';
const OUTSIDER = 'acc-outsider';
let ids: ReturnType<typeof defineItrFields>;

const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;

function call(key: string, payload: Record<string, unknown>, accountId: string) {
  return invokeResolver(
    issuePanelResolver,
    key,
    { issueKey: 'ITR-1', ...payload },
    {
      accountId,
      context: { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } },
    },
  ) as Promise<{ success: boolean; data?: IssueItrState; errors?: Array<{ code: string }> }>;
}

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  jira.seedUser({ accountId: OWNER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: L2, displayName: 'Li Lei' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedProject({ key: 'ITR', browsers: [OWNER, L2] });
  ids = defineItrFields(jira);
  const entered = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000);
  jira.seedIssue({
    key: 'ITR-1',
    status: 'In Progress',
    assignee: OWNER,
    fields: {
      [ids.kind]: 'complaint',
      [ids.grade]: critical,
      [ids.gradingTableVersion]: 1,
      [ids.line]: 'L1',
      [ids.lineEnteredAt]: entered.toISOString(),
      [ids.lineDueAt]: new Date(entered.getTime() + 3_600_000).toISOString(),
      [ids.owner]: { accountId: OWNER },
      [ids.acceptance]: 'awaiting',
    },
  });
});

describe('accept and decline in the panel', () => {
  it('offers the owner Accept and Decline while awaiting; accepting records it and names who did', async () => {
    expect((await call('getIssueItrState', {}, OWNER)).data).toMatchObject({
      canAnswer: true,
      acceptance: 'awaiting',
      owner: { displayName: 'Wang Fang' },
    });
    expect((await call('getIssueItrState', {}, L2)).data).toMatchObject({ canAnswer: false });
    const accepted = await call('acceptFromPanel', {}, OWNER);
    expect(accepted.data).toMatchObject({
      acceptance: 'accepted',
      canAnswer: false,
      ownerHistory: [{ event: 'accepted', by: { accountId: OWNER, displayName: 'Wang Fang' } }],
    });
    expect(jira.issue('ITR-1').fields[ids.acceptance]).toBe('accepted');
  });

  it('declining returns the issue to triage: owner, acceptance and assignee cleared, the reason in the history', async () => {
    const declined = await call('declineFromPanel', { reason: '  Not my product  ' }, OWNER);
    expect(declined.success).toBe(true);
    const f = jira.issue('ITR-1').fields;
    expect([f[ids.owner] ?? null, f[ids.acceptance] ?? null, f['assignee'] ?? null]).toEqual([null, null, null]);
    expect(declined.data).toMatchObject({
      owner: null,
      acceptance: null,
      canAnswer: false,
      ownerHistory: [
        {
          event: 'declined',
          by: { displayName: 'Wang Fang' },
          from: { displayName: 'Wang Fang' },
          reason: 'Not my product',
        },
      ],
    });
  });

  it.each([
    ['someone other than the owner', L2, { reason: 'x' }, 'TRIAGE_NOT_OWNER'],
    ['without a reason', OWNER, { reason: '   ' }, 'TRIAGE_REASON_REQUIRED'],
    ['a viewer who may not browse the issue', OUTSIDER, { reason: 'x' }, 'ISSUE_NOT_FOUND'],
  ])('refuses a decline by %s, writing nothing', async (_label, who, payload, code) => {
    const answer = await call('declineFromPanel', payload, who);
    expect(answer).toMatchObject({ success: false, errors: [{ code }] });
    expect(jira.issue('ITR-1').fields[ids.owner]).toEqual({ accountId: OWNER });
  });

  it('an accepted issue can no longer be declined', async () => {
    await call('acceptFromPanel', {}, OWNER);
    expect(await call('declineFromPanel', { reason: 'too late' }, OWNER)).toMatchObject({
      success: false,
      errors: [{ code: 'DECLINE_ALREADY_ACCEPTED' }],
    });
  });
});

describe('a reassignment made in Jira is a forward whose reason the panel asks for', () => {
  const assigneeEvent = (by: string) => ({
    eventType: 'avi:jira:updated:issue',
    issue: { id: jira.issue('ITR-1').id, key: 'ITR-1', fields: {} },
    atlassianId: by,
    changelog: {
      id: '9',
      items: [
        {
          field: 'assignee',
          fieldId: 'assignee',
          fieldtype: 'jira',
          from: OWNER,
          fromString: 'Wang Fang',
          to: L2,
          toString: 'Li Lei',
        },
      ],
    },
  });

  it('the owner follows the assignee, the row waits for a reason, and saving it completes the row once', async () => {
    jira.issue('ITR-1').fields['assignee'] = { accountId: L2 };
    await invokeFunction(issueUpdated, assigneeEvent(OWNER));
    await invokeFunction(issueUpdated, assigneeEvent(OWNER)); // redelivered: nothing more
    expect(jira.issue('ITR-1').fields[ids.owner]).toEqual({ accountId: L2 });
    expect(jira.issue('ITR-1').fields[ids.acceptance]).toBe('awaiting');

    const asked = await call('getIssueItrState', {}, OWNER);
    const pending = {
      event: 'reassignedInJira',
      by: { displayName: 'Wang Fang' },
      from: { displayName: 'Wang Fang' },
      to: { displayName: 'Li Lei' },
      reason: null,
      reasonPending: true,
    };
    expect(asked.data?.ownerHistory).toMatchObject([pending]);
    expect(asked.data?.pendingForward).toMatchObject(pending);
    // The new owner is asked too (and may now accept); someone else is not.
    expect((await call('getIssueItrState', {}, L2)).data).toMatchObject({
      pendingForward: pending,
      canAnswer: true,
      owner: { displayName: 'Li Lei' },
    });

    const entryId = asked.data!.pendingForward!.id;
    const saved = await call('saveForwardReason', { entryId, reason: 'Li Lei owns the VAT module' }, OWNER);
    expect(saved.data).toMatchObject({
      pendingForward: null,
      ownerHistory: [{ ...pending, reason: 'Li Lei owns the VAT module', reasonPending: false }],
    });
    expect(await call('saveForwardReason', { entryId, reason: 'again' }, L2)).toMatchObject({
      success: false,
      errors: [{ code: 'FORWARD_REASON_NOT_PENDING' }],
    });
  });

  it('only the person who reassigned or the new owner gives the reason', async () => {
    jira.seedUser({ accountId: 'acc-third', displayName: 'Zhao Min' });
    jira.seedProject({ key: 'ITR', browsers: [OWNER, L2, 'acc-third'] });
    jira.issue('ITR-1').fields['assignee'] = { accountId: L2 };
    await invokeFunction(issueUpdated, assigneeEvent(OWNER));
    const entryId = (await call('getIssueItrState', {}, OWNER)).data!.pendingForward!.id;
    expect(await call('saveForwardReason', { entryId, reason: 'why not' }, 'acc-third')).toMatchObject({
      success: false,
      errors: [{ code: 'FORWARD_REASON_NOT_YOURS' }],
    });
  });
});
