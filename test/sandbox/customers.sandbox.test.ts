/**
 * The demo's customer data (sandbox/demoCustomers.ts) over the sandbox's HTTP: the admin's Customers
 * subpage lists the imported customers, ITR-2 carries its customer and switch with the facts filled
 * (warranty 保内 at its creation), and a spare part in transit (requested, shipped) on its panel and
 * on the supervision page's spare-part card.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { demoAccountId as byName, invokeAs } from './sandboxHttp';

const ADMIN = byName('陈静');
const MARIA = byName('Maria Lopez'); // triage

let sandbox: RunningSandbox;
// Started per test: the harness resets its doubles before each.
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, log: () => undefined });
}, 300_000);
afterEach(async () => {
  await sandbox.stop();
});

async function invoke(accountId: string, moduleKey: string, functionKey: string, payload: unknown, context = {}) {
  const { status, text } = await invokeAs(sandbox.url, accountId, { moduleKey, ...context }, functionKey, payload);
  expect(status).toBe(200);
  return (JSON.parse(text) as { result: { success: boolean; data?: unknown } }).result;
}

it('has customers, ITR-2 with its customer and facts, and a spare part in transit', async () => {
  expect(await invoke(ADMIN, 'itr-grading-admin', 'listCustomers', {})).toMatchObject({
    success: true,
    data: { total: 3 },
  });
  expect(await invoke(MARIA, 'itr-home', 'getIssueCustomer', { issueKey: 'ITR-2' })).toMatchObject({
    success: true,
    data: {
      facts: {
        customerId: 'CN-EAST-001',
        name: '华东能源集团',
        serial: 'SN-S93-0001',
        tier: 'strategic',
        warranty: 'in',
      },
      canEdit: true,
    },
  });
  expect(await invoke(MARIA, 'itr-home', 'getSpareParts', { issueKey: 'ITR-2' })).toMatchObject({
    success: true,
    data: {
      parts: [{ partNo: 1, next: 'received', steps: [{ step: 'requested' }, { step: 'shipped' }] }],
      canEdit: true,
    },
  });
  // The supervision page's spare-part card counts it: in transit, requested → shipped timed.
  const summary = await invoke(ADMIN, 'itr-supervision', 'getSparePartSummary', {});
  expect(summary).toMatchObject({ success: true, data: { inTransit: 1, returned: 0, repaired: 0 } });
  expect((summary.data as { medianMinutes: { shipped: number | null } }).medianMinutes.shipped).not.toBeNull();
}, 120_000);
