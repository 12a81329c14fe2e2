/**
 * Customer CSV import and erasure through the exported handlers: the admin resolver
 * (`gradingAdminResolver`) stages the file in chunks, previews, commits; the queue double delivers
 * the `customer-import` events to the real `customerImportConsumer`. A malformed file is refused
 * whole with its row problems and changes nothing; a re-import upserts by (customer id, serial);
 * erasure removes the customer everywhere (tables, issue links, overrides, return-visit words).
 */
import { createHash } from 'node:crypto';
import { customerImportConsumer, gradingAdminResolver } from '../../../src/index';
import { execute, query, runMigrations } from '../../../src/adapters/sql';
import { PAYLOAD_MAX_BYTES } from '../../../src/entry/guard';
import { CUSTOMER_IMPORT_QUEUE } from '../../../src/app/customers';
import type {
  CustomerErasure,
  CustomerImportPreview,
  CustomerImportStatus,
  CustomerList,
  CustomerView,
} from '../../../src/contract';
import { splitIntoChunks } from '../../../static/setup/src/backupChunks';
import { harness, invokeResolver } from '../../../platform-doubles';
import { codes, data, type Envelope } from '../backup/envelope';

const { jira, queue } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const TABLES = [
  'customer',
  'customer_product',
  'customer_import',
  'customer_import_chunk',
  'issue_customer',
  'issue_customer_override',
  'audit_log',
];
const HEADER = 'customer_id,name,tier,region,product,serial,warranty_end,compliant,contact_name,contact_email';

function call<T>(key: string, payload: unknown, accountId = ADMIN): Promise<Envelope<T>> {
  return invokeResolver(gradingAdminResolver, key, payload, { accountId }) as Promise<Envelope<T>>;
}

/** What the page does: start, then every chunk; answers the import id. */
async function upload(text: string, chunkChars?: number): Promise<string> {
  const chunks = splitIntoChunks(text, chunkChars);
  const started = data(
    await call<CustomerImportStatus>('startCustomerImport', {
      chunkCount: chunks.length,
      byteCount: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
    }),
  );
  for (const [index, chunk] of chunks.entries()) {
    const payload = { importId: started.importId, index, text: chunk };
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(PAYLOAD_MAX_BYTES);
    data(await call('uploadCustomerImportChunk', payload));
  }
  return started.importId;
}

async function importToEnd(text: string): Promise<CustomerImportStatus> {
  const importId = await upload(text);
  data(await call<CustomerImportStatus>('commitCustomerImport', { importId, confirm: true }));
  await queue.drain();
  return data(await call<CustomerImportStatus>('getCustomerImportStatus', { importId }));
}

/** Every row of the customer tables (not the import journal), to compare before and after. */
async function everything(): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const t of ['customer', 'customer_product', 'issue_customer', 'issue_customer_override', 'return_visit'])
    out[t] = await query(`SELECT * FROM ${t}`, [], (r) => JSON.stringify(r));
  return JSON.stringify(out);
}

beforeAll(async () => {
  await runMigrations();
});

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  for (const t of [...TABLES, 'return_visit']) await execute(`DELETE FROM ${t}`);
  queue.registerConsumer(CUSTOMER_IMPORT_QUEUE, customerImportConsumer);
});

const GOOD = [
  HEADER,
  'C-1,Acme Bank,strategic,East,Kiosk K4,SN-1,2027-06-30,yes,Li Wei,li.wei@acme.example',
  'C-1,Acme Bank,strategic,East,Router R2,SN-2,2025-01-31,no,Li Wei,li.wei@acme.example',
  'C-2,北方电力,standard,North,Kiosk K4,SN-3,2026-12-31,是,,',
].join('\n');

describe('customer CSV import', () => {
  it('previews, applies through the queue consumer, and a re-import upserts by (customer id, serial)', async () => {
    const importId = await upload(GOOD, 100);
    const preview = data(await call<CustomerImportPreview>('previewCustomerImport', { importId }));
    expect(preview).toMatchObject({
      ok: true,
      rowCount: 3,
      customers: 2,
      customersAdded: 2,
      productsAdded: 3,
      productsChanged: 0,
      problemCount: 0,
    });
    const queued = data(await call<CustomerImportStatus>('commitCustomerImport', { importId, confirm: true }));
    expect(queued).toMatchObject({ state: 'queued', rowCount: 3 });
    expect(queue.pendingEvents(CUSTOMER_IMPORT_QUEUE)).toHaveLength(1);
    await queue.drain();
    expect(data(await call<CustomerImportStatus>('getCustomerImportStatus', {}))).toMatchObject({
      importId,
      state: 'done',
      rowsApplied: 3,
      customers: 2,
    });
    expect(await query('SELECT COUNT(*) AS n FROM customer_import_chunk', [], (r) => Number(r['n']))).toEqual([0]);
    expect(data(await call<CustomerView>('getCustomer', { customerId: 'C-1' }))).toEqual({
      customerId: 'C-1',
      name: 'Acme Bank',
      tier: 'strategic',
      region: 'East',
      contactName: 'Li Wei',
      contactEmail: 'li.wei@acme.example',
      products: [
        { serial: 'SN-1', product: 'Kiosk K4', warrantyEnd: '2027-06-30', compliant: true },
        { serial: 'SN-2', product: 'Router R2', warrantyEnd: '2025-01-31', compliant: false },
      ],
    });

    // Re-import: one product changed, one added, a customer renamed; SN-2 not in the file stays.
    const again = [
      HEADER,
      'C-1,Acme Bank Ltd,key,East,Kiosk K4,SN-1,2028-06-30,yes,Li Wei,li.wei@acme.example',
      'C-1,Acme Bank Ltd,key,East,Kiosk K5,SN-9,2029-01-01,yes,Li Wei,li.wei@acme.example',
    ].join('\r\n');
    const id2 = await upload(again);
    expect(data(await call<CustomerImportPreview>('previewCustomerImport', { importId: id2 }))).toMatchObject({
      ok: true,
      customersAdded: 0,
      productsAdded: 1,
      productsChanged: 1,
    });
    data(await call('commitCustomerImport', { importId: id2, confirm: true }));
    await queue.drain();
    const c1 = data(await call<CustomerView>('getCustomer', { customerId: 'C-1' }));
    expect(c1).toMatchObject({ name: 'Acme Bank Ltd', tier: 'key' });
    expect(c1.products.map((p) => [p.serial, p.warrantyEnd])).toEqual([
      ['SN-1', '2028-06-30'],
      ['SN-2', '2025-01-31'],
      ['SN-9', '2029-01-01'],
    ]);
    const list = data(await call<CustomerList>('listCustomers', { query: 'sn-9' })); // whatever the case typed
    expect(list).toEqual({
      total: 1,
      items: [{ customerId: 'C-1', name: 'Acme Bank Ltd', tier: 'key', region: 'East', productCount: 3 }],
    });
    const audit = await query("SELECT action FROM audit_log WHERE action = 'customer.import'", [], (r) =>
      String(r['action']),
    );
    expect(audit).toHaveLength(2);
  });

  it('refuses a malformed file whole, with every row problem, and changes nothing', async () => {
    await importToEnd(GOOD);
    const before = await everything();
    const bad = [
      HEADER,
      'C-1,Acme Bank,strategic,East,Kiosk K4,SN-1,2099-01-01,yes,Li Wei,li.wei@acme.example', // valid, would change
      'C-3,New Co,standard,West,Kiosk,SN-7,2027-02-30,yes,,',
      'C-4,,standard,West,Kiosk,SN-8,2027-01-01,perhaps,,',
    ].join('\n');
    const importId = await upload(bad);
    const preview = data(await call<CustomerImportPreview>('previewCustomerImport', { importId }));
    expect(preview).toMatchObject({ ok: false, rowCount: 3, problemCount: 3 });
    expect(preview.problems).toEqual([
      { row: 3, column: 'warranty_end', code: 'CSV_DATE_INVALID' },
      { row: 4, column: 'name', code: 'CSV_REQUIRED' },
      { row: 4, column: 'compliant', code: 'CSV_FLAG_INVALID' },
    ]);
    const refused = await call<CustomerImportStatus>('commitCustomerImport', { importId, confirm: true });
    expect(codes(refused)).toEqual([
      'CUSTOMER_IMPORT_INVALID',
      'CUSTOMER_IMPORT_INVALID',
      'CUSTOMER_IMPORT_INVALID',
      'CUSTOMER_IMPORT_INVALID',
    ]);
    if (!refused.success) {
      expect(refused.errors[0]?.params).toEqual({ count: 3 });
      expect(refused.errors[1]?.params).toEqual({ row: 3, column: 'warranty_end', problem: 'CSV_DATE_INVALID' });
    }
    expect(queue.pendingEvents(CUSTOMER_IMPORT_QUEUE)).toHaveLength(0);
    await queue.drain();
    expect(await everything()).toBe(before);
    expect(data(await call<CustomerImportStatus>('getCustomerImportStatus', { importId }))).toMatchObject({
      state: 'refused',
      chunksReceived: 0,
    });
    // A refused import cannot be committed again.
    expect(codes(await call('commitCustomerImport', { importId, confirm: true }))).toEqual(['CUSTOMER_IMPORT_STATE']);
  });

  it('refuses a file whose chunks do not match what was declared, and writes nothing', async () => {
    const chunks = splitIntoChunks(GOOD, 100);
    const started = data(
      await call<CustomerImportStatus>('startCustomerImport', {
        chunkCount: chunks.length,
        byteCount: Buffer.byteLength(GOOD),
        sha256: createHash('sha256').update(GOOD).digest('hex'),
      }),
    );
    for (const [index, chunk] of chunks.entries())
      await call('uploadCustomerImportChunk', {
        importId: started.importId,
        index,
        text: index === 1 ? chunk.toUpperCase() : chunk,
      });
    expect(codes(await call('commitCustomerImport', { importId: started.importId, confirm: true }))).toEqual([
      'CUSTOMER_IMPORT_CORRUPT',
    ]);
    expect(await query('SELECT COUNT(*) AS n FROM customer', [], (r) => Number(r['n']))).toEqual([0]);
  });

  it('refuses a missing chunk, a commit without confirmation, and a non-admin', async () => {
    const chunks = splitIntoChunks(GOOD, 100);
    const started = data(
      await call<CustomerImportStatus>('startCustomerImport', {
        chunkCount: chunks.length,
        byteCount: Buffer.byteLength(GOOD),
        sha256: createHash('sha256').update(GOOD).digest('hex'),
      }),
    );
    await call('uploadCustomerImportChunk', { importId: started.importId, index: 0, text: chunks[0] });
    expect(codes(await call('commitCustomerImport', { importId: started.importId }))).toEqual([
      'CONFIRMATION_REQUIRED',
    ]);
    expect(codes(await call('commitCustomerImport', { importId: started.importId, confirm: true }))).toEqual([
      'CUSTOMER_IMPORT_INCOMPLETE',
    ]);
    expect(
      codes(await call('startCustomerImport', { chunkCount: 1, byteCount: 10, sha256: 'a'.repeat(64) }, AGENT)),
    ).toEqual(['NOT_AUTHORIZED']);
    expect(codes(await call('listCustomers', {}, AGENT))).toEqual(['NOT_AUTHORIZED']);
    expect(codes(await call('eraseCustomer', { customerId: 'C-1', confirm: true }, AGENT))).toEqual(['NOT_AUTHORIZED']);
    expect(
      codes(
        await call('uploadCustomerImportChunk', { importId: started.importId, index: 1, text: 'x'.repeat(70_000) }),
      ),
    ).toEqual(['CUSTOMER_IMPORT_CHUNK_INVALID']);
    expect(await query('SELECT COUNT(*) AS n FROM customer', [], (r) => Number(r['n']))).toEqual([0]);
  });
});

describe('erasing a customer', () => {
  it('erases the customer everywhere it is held, after confirmation, and only that customer', async () => {
    await importToEnd(GOOD);
    const at = '2026-12-01 08:00:00.000';
    await execute(
      "INSERT INTO issue_customer (issue_id, customer_id, serial, tier, region, warranty, compliant, picked_by, picked_at) VALUES (10001, 'C-1', 'SN-1', 'strategic', 'East', 'in', 1, ?, ?), (10002, 'C-2', 'SN-3', 'standard', 'North', 'in', 1, ?, ?)",
      [AGENT, at, AGENT, at],
    );
    await execute(
      "INSERT INTO issue_customer_override (issue_id, customer_id, field, from_value, to_value, reason, by_account_id, at) VALUES (10001, 'C-1', 'warranty', 'in', 'out', 'contract lapsed', ?, ?)",
      [AGENT, at],
    );
    await execute(
      `INSERT INTO return_visit (issue_id, issue_key, reason, resolved_at, internal_view, status, customer_words) VALUES
       (10001, 'ITR-1', 'sample', ?, 'resolved', 'done', 'Li Wei said the kiosk still freezes'),
       (10002, 'ITR-2', 'sample', ?, 'resolved', 'done', 'fine now')`,
      [at, at],
    );
    const leftover = await upload(GOOD); // a staged file holds C-1's contact too

    expect(codes(await call('eraseCustomer', { customerId: 'C-1' }))).toEqual(['CONFIRMATION_REQUIRED']);
    expect(await query("SELECT id FROM customer WHERE id = 'C-1'", [], (r) => r['id'])).toHaveLength(1);

    const erased = data(await call<CustomerErasure>('eraseCustomer', { customerId: 'C-1', confirm: true }));
    expect(erased).toEqual({
      customerId: 'C-1',
      customers: 1,
      products: 2,
      issueLinks: 1,
      overrides: 1,
      returnVisitWordsCleared: 1,
      stagedImportsDropped: 1,
    });
    const anywhere = await everything();
    expect(anywhere).not.toContain('Li Wei');
    expect(anywhere).not.toContain('li.wei@acme.example');
    expect(anywhere).not.toContain('"C-1"');
    expect(anywhere).toContain('北方电力'); // C-2 untouched
    expect(anywhere).toContain('fine now');
    const chunks = await query(
      'SELECT body FROM customer_import_chunk WHERE import_id = ?',
      [leftover],
      (r) => r['body'],
    );
    expect(chunks).toHaveLength(0);
    const audit = await query("SELECT summary FROM audit_log WHERE action = 'customer.erase'", [], (r) =>
      String(r['summary']),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).not.toContain('Li Wei');
    expect(codes(await call('getCustomer', { customerId: 'C-1' }))).toEqual(['CUSTOMER_NOT_FOUND']);
    // Erasing again changes nothing and says so.
    expect(data(await call<CustomerErasure>('eraseCustomer', { customerId: 'C-1', confirm: true }))).toMatchObject({
      customers: 0,
      products: 0,
    });
  });
});
