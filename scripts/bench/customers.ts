/**
 * Customer import benchmark (`node scripts/run-ts.js scripts/bench/customers.ts [--rows N]`): prints
 * JSON. A CSV of N rows (default 50,000; about 300 bytes each, Chinese and English names) goes through
 * the exported admin resolver as the Customers page sends it: start, every chunk (each under the
 * resolver payload cap, timed: p95 and max per call), preview (every row checked, counted against the
 * store), commit, then the queue double delivers the `customer-import` events to the real consumer
 * (timed per event, each must stay far under the consumer's 300 s). Then a re-import of the same file
 * (every row an update). Per call budgets: a resolver call under 25 s, a consumer slice under its
 * IMPORT_SLICE_MS plus one save. MariaDB: a private one (platform-doubles/mariadb.ts) unless
 * ITR_TEST_MYSQL_URL is set.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../../platform-doubles/mariadb';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0);
};

const HEADER = 'customer_id,name,tier,region,product,serial,warranty_end,compliant,contact_name,contact_email';
const TIERS = ['strategic', 'key', 'standard'];
const REGIONS = ['East', 'North', 'South', 'West', '华东'];

/** N rows, 5 products per customer, deterministic. */
export function customerCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(i / 5);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        `C-${String(c).padStart(6, '0')}`,
        c % 3 === 0 ? `"客户 ${c} 股份有限公司"` : `"Customer ${c}, Inc."`,
        TIERS[c % 3],
        REGIONS[c % 5],
        `Kiosk K${i % 7}`,
        `SN-${String(i).padStart(8, '0')}`,
        `20${25 + (i % 5)}-0${1 + (i % 9)}-${day}`,
        i % 11 === 0 ? 'no' : 'yes',
        `Contact ${c}`,
        `contact${c}@example.com`,
      ].join(','),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const rows = Number(arg('rows') ?? 50_000);
  let server: MariaDbServer | undefined;
  if (!process.env[ENV_URL]) {
    server = await startPrivateMariaDb(fs.mkdtempSync(path.join(os.tmpdir(), 'itr-bench-')));
    process.env[ENV_SOCKET] = server.socketPath;
  }
  const { installHarness, invokeResolver } = await import('../../platform-doubles/index');
  const h = installHarness();
  const { runMigrations } = await import('../../src/adapters/sql');
  const { gradingAdminResolver, customerImportConsumer } = await import('../../src/index');
  const { CUSTOMER_IMPORT_QUEUE } = await import('../../src/app/customers');
  const { splitIntoChunks } = await import('../../static/setup/src/backupChunks');
  try {
    await runMigrations();
    h.jira.seedUser({ accountId: 'acc-admin', displayName: 'Bench Admin', globalPermissions: ['ADMINISTER'] });
    h.queue.registerConsumer(CUSTOMER_IMPORT_QUEUE, async (event: unknown, context: unknown) => {
      const t = performance.now();
      const r = await (customerImportConsumer as (e: unknown, c: unknown) => Promise<unknown>)(event, context);
      sliceMs.push(performance.now() - t);
      return r;
    });
    const sliceMs: number[] = [];
    const call = async (key: string, payload: unknown): Promise<{ data: Record<string, unknown>; ms: number }> => {
      const t = performance.now();
      const r = (await invokeResolver(gradingAdminResolver, key, payload, { accountId: 'acc-admin' })) as {
        success: boolean;
        data?: Record<string, unknown>;
        errors?: unknown;
      };
      if (!r.success) throw new Error(`${key}: ${JSON.stringify(r.errors)}`);
      return { data: r.data ?? {}, ms: performance.now() - t };
    };

    const run = async (label: string): Promise<Record<string, unknown>> => {
      const text = customerCsv(rows);
      const chunks = splitIntoChunks(text);
      sliceMs.length = 0;
      const t0 = performance.now();
      const started = await call('startCustomerImport', {
        chunkCount: chunks.length,
        byteCount: Buffer.byteLength(text),
        sha256: createHash('sha256').update(text).digest('hex'),
      });
      const importId = String(started.data['importId']);
      const uploadMs: number[] = [];
      for (const [index, chunk] of chunks.entries())
        uploadMs.push((await call('uploadCustomerImportChunk', { importId, index, text: chunk })).ms);
      const preview = await call('previewCustomerImport', { importId });
      const commit = await call('commitCustomerImport', { importId, confirm: true });
      const t1 = performance.now();
      await h.queue.drain();
      const applyMs = performance.now() - t1;
      const status = (await call('getCustomerImportStatus', { importId })).data;
      return {
        label,
        rows,
        bytes: Buffer.byteLength(text),
        chunks: chunks.length,
        uploadP95Ms: p95(uploadMs),
        uploadMaxMs: Math.round(Math.max(...uploadMs)),
        previewMs: Math.round(preview.ms),
        preview: { ...preview.data, problems: undefined },
        commitMs: Math.round(commit.ms),
        consumerEvents: sliceMs.length,
        consumerMaxMs: Math.round(Math.max(...sliceMs)),
        applyMs: Math.round(applyMs),
        totalMs: Math.round(performance.now() - t0),
        state: status['state'],
        rowsApplied: status['rowsApplied'],
      };
    };
    const first = await run('first import');
    const again = await run('re-import (every row an update)');
    console.log(JSON.stringify({ first, again }, null, 2));
    const ok = first['state'] === 'done' && again['state'] === 'done';
    const under = (r: Record<string, unknown>): boolean =>
      Number(r['uploadMaxMs']) < 25_000 &&
      Number(r['previewMs']) < 25_000 &&
      Number(r['commitMs']) < 25_000 &&
      Number(r['consumerMaxMs']) < 300_000;
    if (!ok || !under(first) || !under(again)) process.exitCode = 1;
  } finally {
    await h.sql.dispose();
    await server?.stop();
  }
}

void main();
