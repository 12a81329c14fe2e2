/**
 * The way to Closed in the issue panel (issue 16), through the exported `issuePanelResolver` on the
 * platform harness: the panel's state says what blocks the issue and who may act (the domain's
 * `mayClose`: who first, then the visit), by name; `closeFromPanel` refuses with that same reason, and
 * otherwise runs Jira's Close transition as the viewer.
 */
import { issuePanelResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { saveFallback } from '../../src/app/closure/fallbackClosers';
import type { IssueItrState } from '../../src/contract/issuePanel';
import { harness, invokeFunction, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';

const { jira, sql } = harness();
const SUBMITTER = 'acc-anna';
const ENGINEER = 'acc-tom';
const SUPERVISOR = 'acc-zhao';
const FALLBACK = 'acc-chen';
let ids: ReturnType<typeof defineItrFields>;

type Answer = { success: boolean; data?: IssueItrState; errors?: Array<{ code: string }> };

function call(key: string, accountId: string): Promise<Answer> {
  return invokeResolver(
    issuePanelResolver,
    key,
    { issueKey: 'ITR-1' },
    { accountId, context: { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } } },
  ) as Promise<Answer>;
}

const closureFor = async (accountId: string) => {
  const answer = await call('getIssueItrState', accountId);
  if (answer.data === undefined) throw new Error(`no state: ${JSON.stringify(answer.errors)}`);
  return answer.data.closure;
};

/** ITR-1, a problem with its root cause complete, in `status`; `visitOpen` as the app mirrors it. */
function seed(status: 'In Progress' | 'Resolved' | 'Closed', visitOpen: 'yes' | 'no') {
  jira.seedIssue({
    key: 'ITR-1',
    status,
    fields: {
      [ids.kind]: 'complaint',
      [ids.classification]: 'problem',
      [ids.rootCauseComplete]: 'yes',
      [ids.submitter]: { accountId: SUBMITTER },
      [ids.visitOpen]: visitOpen,
      ...(status === 'In Progress' ? {} : { resolution: { id: '10000', name: 'Done' } }),
    },
  });
}

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Anna Schmidt' });
  jira.seedUser({ accountId: ENGINEER, displayName: 'Tom Baker' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: FALLBACK, displayName: 'Chen Jie' });
  jira.seedProject({ key: 'ITR', browsers: [SUBMITTER, ENGINEER, SUPERVISOR, FALLBACK] });
  ids = defineItrFields(jira);
  // The ITR workflow's end: Close (id 111, src/app/setup/plan.ts) only from Resolved.
  jira.model.setWorkflow(
    [
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '5', name: 'Resolved', category: 'done' },
      { id: '6', name: 'Closed', category: 'done' },
    ],
    [{ id: '111', name: 'Close', to: 'Closed', from: ['Resolved'] }],
  );
});

describe('the way to Closed in the panel state', () => {
  it('an open problem: its root cause is what blocks it; the submitter is named', async () => {
    seed('In Progress', 'no');
    jira.issue('ITR-1').fields[ids.rootCauseComplete] = 'no';
    expect(await closureFor(ENGINEER)).toEqual({
      classification: 'problem',
      rootCauseComplete: false,
      stage: 'open',
      visitPending: false,
      submitter: { accountId: SUBMITTER, displayName: 'Anna Schmidt' },
      closeRefusal: 'notSubmitter',
      viewerRecordsVisits: false,
    });
  });

  it('resolved with the visit pending: the submitter waits for the visit, others are not the submitter, a supervisor records it', async () => {
    seed('Resolved', 'yes');
    expect(await closureFor(SUBMITTER)).toMatchObject({
      stage: 'resolved',
      visitPending: true,
      closeRefusal: 'visitPending',
      viewerRecordsVisits: false,
    });
    // Who first: someone else is told they may not close, not that a visit is pending.
    expect(await closureFor(ENGINEER)).toMatchObject({ closeRefusal: 'notSubmitter', viewerRecordsVisits: false });
    expect(await closureFor(SUPERVISOR)).toMatchObject({ closeRefusal: 'notSubmitter', viewerRecordsVisits: true });
  });

  it('resolved, the visit recorded: the submitter may close; closed: nothing is left', async () => {
    seed('Resolved', 'no');
    expect(await closureFor(SUBMITTER)).toMatchObject({ stage: 'resolved', closeRefusal: null });
    // No visit pending: the supervisor's groups are not even asked.
    expect(await closureFor(SUPERVISOR)).toMatchObject({ closeRefusal: 'notSubmitter', viewerRecordsVisits: false });
    jira.issue('ITR-1').fields['status'] = { ...(jira.issue('ITR-1').fields['status'] as object), name: 'Closed' };
    expect(await closureFor(SUBMITTER)).toMatchObject({ stage: 'closed' });
  });

  it('a fallback closer an admin named may close like the submitter', async () => {
    seed('Resolved', 'no');
    expect(await closureFor(FALLBACK)).toMatchObject({ closeRefusal: 'notSubmitter' });
    await invokeFunction(
      () =>
        saveFallback({
          accountIds: [FALLBACK],
          reason: 'Anna left the company',
          by: SUPERVISOR,
          at: new Date(),
          expectedRevision: 0,
        }),
      undefined,
    );
    expect(await closureFor(FALLBACK)).toMatchObject({ closeRefusal: null });
  });
});

describe('closeFromPanel', () => {
  it('refuses with the real reason: the pending visit for the submitter, not the submitter for anyone else', async () => {
    seed('Resolved', 'yes');
    expect(await call('closeFromPanel', SUBMITTER)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'CLOSE_VISIT_OPEN' })],
    });
    expect(await call('closeFromPanel', ENGINEER)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'CLOSE_NOT_SUBMITTER' })],
    });
    expect((jira.issue('ITR-1').fields['status'] as { name: string }).name).toBe('Resolved');
  });

  it("the submitter closes through Jira's Close transition and gets the closed state back", async () => {
    seed('Resolved', 'no');
    const answer = await call('closeFromPanel', SUBMITTER);
    expect(answer.success).toBe(true);
    expect((jira.issue('ITR-1').fields['status'] as { name: string }).name).toBe('Closed');
    expect(answer.data?.closure).toMatchObject({ stage: 'closed' });
  });

  it('says Jira offers no Close when the workflow has none from here', async () => {
    seed('Resolved', 'no');
    jira.model.setWorkflow(
      [
        { id: '3', name: 'In Progress', category: 'indeterminate' },
        { id: '5', name: 'Resolved', category: 'done' },
      ],
      [{ id: '21', name: 'Reopen', to: 'In Progress', from: ['Resolved'] }],
    );
    expect(await call('closeFromPanel', SUBMITTER)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'CLOSE_NOT_OFFERED' })],
    });
  });
});
