/**
 * Decisions in the sandbox (issue 17, sandbox/demoDecisions.ts), over its HTTP as its users meet them:
 * ITR-2's iron-triangle decision waits for delivery; 李伟 signs for delivery and it holds, quality
 * (陈静's group) is told; 陈静 approves the pending on-site visit; Tom Baker, no approver, may not.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import type { DecisionsView } from '../../src/contract/decisions';
import { demoAccountId as byName, invokeAs } from './sandboxHttp';

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
