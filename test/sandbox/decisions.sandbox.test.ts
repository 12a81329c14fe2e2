/**
 * Decisions in the sandbox (issue 17, sandbox/demoDecisions.ts), over its HTTP as its users meet them:
 * ITR-2's iron-triangle decision waits for delivery; 李伟 signs for delivery and it holds, quality
 * (陈静's group) is told; 陈静 approves the pending on-site visit; Tom Baker, no approver, may not.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import type { DecisionsView } from '../../src/contract/decisions';
import { demoAccountId as byName, invokeAs, restAs } from './sandboxHttp';

const LI = byName('李伟');
const TOM = byName('Tom Baker');
const ADMIN = byName('陈静');
const PANEL = { moduleKey: 'itr-issue-panel', issueKey: 'ITR-2' };

// The harness resets its doubles before each test, so the sandbox starts in beforeEach.
let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, log: () => undefined });
}, 120_000);
afterEach(async () => {
  await sandbox.stop();
});

type Result = { success: true; data: DecisionsView } | { success: false; errors: Array<{ code: string }> };
async function invoke(accountId: string, functionKey: string, payload: Record<string, unknown> = {}): Promise<Result> {
  const { status, text } = await invokeAs(sandbox.url, accountId, PANEL, functionKey, {
    issueKey: 'ITR-2',
    ...payload,
  });
  expect([status, status === 200 ? '' : text]).toEqual([200, '']);
  return (JSON.parse(text) as { result: Result }).result;
}
const view = (r: Result): DecisionsView => {
  if (!r.success) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

it('shows the demo decision and costs by name; delivery signs and it holds; only the approver approves', async () => {
  const before = view(await invoke(LI, 'getDecisions'));
  expect(before.ironTriangle.reasons).toEqual(['grade']);
  expect(before.ironTriangle.viewerRoles).toEqual(['delivery']);
  expect(before.ironTriangle.decision).toMatchObject({ status: 'pending', rolesMissing: 1 });
  expect(before.ironTriangle.decision?.signOffs.map((s) => s.by.displayName)).toEqual(['Maria Lopez', 'Tom Baker']);
  expect(before.costs.items).toMatchObject([
    { kind: 'onSiteVisit', status: 'pending', requestedBy: { displayName: '李伟' } },
  ]);

  const signed = view(await invoke(LI, 'signDecision', { role: 'delivery', level: 2, verdict: 'agree', note: '' }));
  expect(signed.ironTriangle.decision).toMatchObject({ status: 'agreed', qualityInformedAt: expect.any(String) });

  const costId = before.costs.items[0]!.id;
  expect(await invoke(TOM, 'moveCost', { costId, move: 'approve', note: '' })).toMatchObject({
    success: false,
    errors: [{ code: 'COST_NOT_APPROVER' }],
  });
  const approved = view(await invoke(ADMIN, 'moveCost', { costId, move: 'approve', note: '同意' }));
  expect(approved.costs.items[0]).toMatchObject({ status: 'approved', decidedBy: { displayName: '陈静' } });
}, 60_000);

it('a clarification asked in the panel is answered by the submitter’s plain Jira comment, and the clock runs again', async () => {
  // ITR-3: critical on L1, submitted by Anna Schmidt; 李伟 (L1) asks.
  const ANNA = byName('Anna Schmidt');
  const ask = await invokeAs(sandbox.url, LI, { moduleKey: 'itr-issue-panel', issueKey: 'ITR-3' }, 'askSubmitter', {
    issueKey: 'ITR-3',
    question: 'Which identity provider version do you run?',
  });
  expect(JSON.parse(ask.text)).toMatchObject({ result: { success: true } });
  const issueId = Number(sandbox.harness.jira.issue('ITR-3').id);
  const pauses = () =>
    sandbox.harness.sql.raw<Array<{ to_at: unknown }>>('SELECT to_at FROM line_pause WHERE issue_id = ?', [issueId]);
  expect(await pauses()).toEqual([{ to_at: null }]);
  // Someone else's comment answers nothing; Anna's does.
  const comment = (text: string) => ({
    body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  });
  expect(
    (await restAs(sandbox.url, TOM, 'POST', '/rest/api/3/issue/ITR-3/comment', comment('Probably 2.x'))).status,
  ).toBe(201);
  expect(await pauses()).toEqual([{ to_at: null }]);
  expect(
    (await restAs(sandbox.url, ANNA, 'POST', '/rest/api/3/issue/ITR-3/comment', comment('Version 2.4'))).status,
  ).toBe(201);
  const after = await invokeAs(sandbox.url, LI, { moduleKey: 'itr-issue-panel', issueKey: 'ITR-3' }, 'getDecisions', {
    issueKey: 'ITR-3',
  });
  expect(JSON.parse(after.text)).toMatchObject({
    result: {
      success: true,
      data: {
        clarification: {
          items: [{ answer: 'Version 2.4', answeredVia: 'comment', answeredBy: { displayName: 'Anna Schmidt' } }],
        },
      },
    },
  });
  expect(await pauses()).toEqual([{ to_at: expect.anything() }]);
}, 60_000);
