/**
 * Customers, installed products and a spare part in transit (issue 17), written through the app's own
 * resolvers as people would: the admin imports a CSV on the Customers subpage (chunks, preview,
 * confirmed commit; the sandbox's queue applies it inline), triage picks ITR-2's customer and switch
 * (its warranty fills itself), and the L1 engineer requests and ships a replacement part for it.
 * Skipped when ITR-2 already has a customer (a restart on the same database).
 */
import { createHash } from 'node:crypto';
import { invokeResolver } from '../platform-doubles';
import { DEMO_USERS } from './demoSite';
import type { SandboxSite } from './site';

const HEADER = 'customer_id,name,tier,region,product,serial,warranty_end,compliant,contact_name,contact_email';
export const DEMO_CUSTOMER_CSV = [
  HEADER,
  'CN-EAST-001,华东能源集团,strategic,华东,核心交换机 S9300,SN-S93-0001,2027-06-30,yes,陈明,chen.ming@example.cn',
  'CN-EAST-001,华东能源集团,strategic,华东,核心交换机 S9300,SN-S93-0002,2025-12-31,yes,陈明,chen.ming@example.cn',
  'EU-PAY-014,EuroPay Merchant Services,key,EU West,Payment gateway PG-5,SN-PG5-7781,2026-03-31,yes,Anna Becker,a.becker@example.eu',
  'EU-PAY-014,EuroPay Merchant Services,key,EU West,HSM H2,SN-H2-0042,2028-01-31,no,Anna Becker,a.becker@example.eu',
  'US-RET-203,Northwind Retail,standard,US East,Kiosk K4,SN-K4-10077,2026-11-30,yes,,',
].join('\n');

type Envelope = { success: boolean; data?: unknown; errors?: unknown };

export async function seedDemoCustomers(site: SandboxSite): Promise<void> {
  const admin = DEMO_USERS.find((u) => u.role === 'admin')?.accountId ?? '';
  const triage = DEMO_USERS.find((u) => u.role === 'triage')?.accountId ?? '';
  const l1 = DEMO_USERS.find((u) => u.role === 'L1')?.accountId ?? '';
  const adminPage = site.moduleByKey('itr-grading-admin');
  const home = site.moduleByKey('itr-home');
  const panel = site.moduleByKey('itr-issue-panel');
  if (adminPage === undefined || home === undefined || panel === undefined)
    throw new Error('manifest changed: no itr-grading-admin / itr-home / itr-issue-panel module');
  const call = async (
    module: NonNullable<typeof adminPage>,
    key: string,
    payload: unknown,
    accountId: string,
    extra: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> => {
    const r = (await site.withModuleKey(module.key, () =>
      invokeResolver(site.handlerOf(module), key, payload, {
        accountId,
        context: { moduleKey: module.key, ...extra },
      }),
    )) as Envelope;
    if (!r.success) throw new Error(`[demo] ${key}: ${JSON.stringify(r.errors)}`);
    return (r.data ?? {}) as Record<string, unknown>;
  };

  const existing = await call(home, 'getIssueCustomer', { issueKey: 'ITR-2' }, triage);
  if (existing['facts'] !== null && existing['facts'] !== undefined) return;

  const text = DEMO_CUSTOMER_CSV;
  const started = await call(
    adminPage,
    'startCustomerImport',
    { chunkCount: 1, byteCount: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') },
    admin,
  );
  const importId = String(started['importId']);
  await call(adminPage, 'uploadCustomerImportChunk', { importId, index: 0, text }, admin);
  await call(adminPage, 'previewCustomerImport', { importId }, admin);
  await call(adminPage, 'commitCustomerImport', { importId, confirm: true }, admin);

  await call(
    home,
    'pickIssueCustomer',
    { issueKey: 'ITR-2', customerId: 'CN-EAST-001', serial: 'SN-S93-0001' },
    triage,
  );
  const issue = { extension: { issue: { key: 'ITR-2' } } };
  await call(panel, 'recordSparePartStep', { issueKey: 'ITR-2', step: 'requested' }, l1, issue);
  await call(panel, 'recordSparePartStep', { issueKey: 'ITR-2', step: 'shipped', partNo: 1 }, l1, issue);
  site.log('[demo] 3 customers, 5 installed products; ITR-2 has its customer and a spare part in transit');
}
