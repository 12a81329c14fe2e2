/**
 * Chunked export and restore through the setup resolver's exported handler (real @forge/resolver,
 * @forge/kvs, @forge/sql on MariaDB): a backup over 1 MB goes out in pages and back in chunks each
 * under the guard's 256 KiB cap; bad uploads are refused and write nothing; a restore killed half-way
 * (every platform call failing after N case writes) is resumed to exactly the backup's content.
 */
import { createHash } from 'node:crypto';
import { setupResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { execute, query, runMigrations } from '../../../src/adapters/sql';
import { PAYLOAD_MAX_BYTES } from '../../../src/entry/guard';
import type {
  AuditPage,
  BackupDocument,
  BackupExportPage,
  BackupRestorePreview,
  BackupRestoreStatus,
} from '../../../src/contract';
import { DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import { splitIntoChunks } from '../../../static/setup/src/backupChunks';
import { harness, invokeResolver } from '../../../platform-doubles';
import { codes, data, type Envelope } from './envelope';

const { jira, kvs } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const CASE_TABLES = ['itr_case', 'case_issue_link', 'case_version', 'case_term', 'case_term_stats', 'case_index_stats'];

function call<T>(key: string, payload: unknown, accountId = ADMIN): Promise<Envelope<T>> {
  return invokeResolver(setupResolver, key, payload, { accountId }) as Promise<Envelope<T>>;
}

/** A site with a grading table, a settings key and `count` cases of ~2 KB each (English and Chinese, emoji). */
async function seedSite(count: number): Promise<void> {
  const store = new ConfigStore();
  const table: GradingTable = {
    ...DEFAULT_GRADING_TABLE,
    version: 2,
    sla: { ...DEFAULT_GRADING_TABLE.sla, critical: { ...DEFAULT_GRADING_TABLE.sla['critical']!, responseMinutes: 12 } },
  };
  await store.set('gradingTable', table, { schemaVersion: 1, parse: (x: unknown) => x }, { updatedBy: ADMIN });
  await store.set(
    'returnVisitSettings',
    { sampleRate: 0.2 },
    { schemaVersion: 1, parse: (x: unknown) => x },
    { updatedBy: ADMIN },
  );
  const at = '2026-05-01 08:00:00.000';
  for (let from = 1; from <= count; from += 50) {
    const ids = Array.from({ length: Math.min(50, count - from + 1) }, (_, i) => from + i);
    const symptom = (id: number): string => `Case ${id}: 自助终端重启后冻结 🧊 `.repeat(60).trim();
    await execute(
      `INSERT INTO itr_case (id, external_id, title, symptom, product, product_version, environment, root_cause, short_term_measure, long_term_measure, author_account_id, language, tags, status, revision, helpful_count, not_relevant_count, usage_count, created_at, updated_at) VALUES ${ids.map(() => "(?, NULL, ?, ?, 'Kiosk', '4.2', '', 'firmware', 'reboot', '', ?, 'zh-CN', 'kiosk', 'published', 1, 0, 0, 0, ?, ?)").join(', ')}`,
      ids.flatMap((id) => [id, `Kiosk freezes ${id}`, symptom(id), ADMIN, at, at]),
    );
    await execute(
      `INSERT INTO case_version (case_id, revision, snapshot, author_account_id, at) VALUES ${ids.map(() => '(?, 1, ?, ?, ?)').join(', ')}`,
      ids.flatMap((id) => [
        id,
        JSON.stringify({
          title: `Kiosk freezes ${id}`,
          symptom: symptom(id),
          product: 'Kiosk',
          productVersion: '4.2',
          environment: '',
          rootCause: 'firmware',
          shortTermMeasure: 'reboot',
          longTermMeasure: '',
          language: 'zh-CN',
          tags: ['kiosk'],
          status: 'published',
        }),
        ADMIN,
        at,
      ]),
    );
  }
}

/** What the UI does: every page, joined into one document. */
async function download(): Promise<{ doc: BackupDocument; pages: number; largestPage: number }> {
  let page = data(await call<BackupExportPage>('exportBackupPage', {}));
  const h = page.header!;
  const doc: BackupDocument = {
    format: h.format,
    schemaVersion: h.schemaVersion,
    exportedAt: h.exportedAt,
    exportedBy: h.exportedBy,
    config: {},
    cases: [],
  };
  let pages = 0;
  let largestPage = 0;
  for (;;) {
    pages++;
    largestPage = Math.max(largestPage, Buffer.byteLength(JSON.stringify(page)));
    Object.assign(doc.config, page.config);
    doc.cases.push(...page.cases);
    if (page.next === null) return { doc, pages, largestPage };
    page = data(await call<BackupExportPage>('exportBackupPage', { cursor: page.next }));
  }
}

/** What the UI does: start, then every chunk. */
async function upload(text: string, chunks = splitIntoChunks(text)): Promise<string> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const started = data(
    await call<BackupRestoreStatus>('startBackupRestore', {
      chunkCount: chunks.length,
      byteCount: Buffer.byteLength(text),
      sha256,
    }),
  );
  for (const [index, chunk] of chunks.entries()) {
    const payload = { restoreId: started.restoreId, index, text: chunk };
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(PAYLOAD_MAX_BYTES);
    data(await call('uploadBackupChunk', payload));
  }
  return started.restoreId;
}

async function commitToEnd(restoreId: string): Promise<BackupRestoreStatus> {
  let status = data(await call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true }));
  while (status.state === 'applying')
    status = data(await call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true }));
  return status;
}

async function wipe(): Promise<void> {
  for (const t of CASE_TABLES) await execute(`DELETE FROM ${t}`);
  kvs.reset();
  seedUsers();
}

/**
 * Configuration values and cases as the backup carries them (not KVS revisions or dates, not the table's
 * version number), each case as a hash so a difference names the case without printing megabytes.
 */
async function content(): Promise<Record<string, string>> {
  const doc = (await download()).doc;
  const hash = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.config))
    if (!k.startsWith('gradingTable')) out[`config.${k}`] = hash(v.value);
  if (doc.config['gradingTable'] !== undefined)
    out['gradingTable'] = hash({ ...(doc.config['gradingTable'].value as GradingTable), version: 0 });
  for (const c of doc.cases) out[`case.${c.id}`] = hash(c);
  return out;
}

/** Everything a refused restore must leave alone: KVS, the case tables. */
async function everything(): Promise<string> {
  const keys = kvs.keys().sort();
  const rows: Record<string, unknown> = {};
  for (const t of CASE_TABLES) rows[t] = await query(`SELECT * FROM ${t}`, [], (r) => JSON.stringify(r));
  return JSON.stringify({ keys, values: keys.map((k) => kvs.peek(k)), rows });
}

function seedUsers(): void {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
}

beforeAll(async () => {
  await runMigrations();
});

beforeEach(async () => {
  seedUsers();
  for (const t of [...CASE_TABLES, 'audit_log', 'backup_restore', 'backup_restore_chunk'])
    await execute(`DELETE FROM ${t}`);
});

describe('a backup over 1 MB, in pages and chunks', () => {
  it('downloads in pages under the cap, uploads in chunks under the cap, previews, and restores to the same content', async () => {
    await seedSite(600);
    const before = await content();
    const { doc, pages, largestPage } = await download();
    const text = JSON.stringify(doc);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    expect(doc.cases).toHaveLength(600);
    expect(pages).toBeGreaterThan(4);
    expect(largestPage).toBeLessThan(PAYLOAD_MAX_BYTES);

    await wipe();
    const restoreId = await upload(text);
    expect(splitIntoChunks(text).length).toBeGreaterThan(1);
    const preview = data(await call<BackupRestorePreview>('previewBackupRestore', { restoreId }));
    expect(preview).toMatchObject({
      restoreId,
      exportedBy: ADMIN,
      exportedByName: 'Zhang Wei',
      configKeys: 2,
      configAdded: 2,
      configChanged: 0,
      cases: 600,
      casesAdded: 600,
      casesChanged: 0,
    });

    const done = await commitToEnd(restoreId);
    expect(done).toMatchObject({
      state: 'done',
      stepsDone: done.stepCount,
      publishedVersion: 3,
      counts: { cases: 600, configEntries: 2 },
    });
    expect(await content()).toEqual(before);
    // The staged file is gone once applied.
    expect(await query('SELECT COUNT(*) AS n FROM backup_restore_chunk', [], (r) => Number(r['n']))).toEqual([0]);
    // Start and completion are in the audit log, newest first, with the table publish between them.
    const log = data(await call<AuditPage>('listAuditLog', {}));
    expect(log.entries.map((e) => [e.action, e.target, e.actorAccountId])).toEqual([
      ['backup.restore.complete', restoreId, ADMIN],
      ['grading.restoreVersion', 'gradingTable:3', ADMIN],
      ['backup.restore.start', restoreId, ADMIN],
    ]);
    expect(log.entries[1]!.summary).toContain(restoreId);
    // A second commit of a finished restore changes nothing.
    const snapshot = await everything();
    expect(data(await call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true })).state).toBe(
      'done',
    );
    expect(await everything()).toEqual(snapshot);
  });

  it('a restore killed after N case writes stays "applying"; committing again finishes it at exactly the backup content', async () => {
    await seedSite(120);
    const before = await content();
    const text = JSON.stringify((await download()).doc);
    await wipe();
    const restoreId = await upload(text);

    // Kill: after the 37th case row is written, every platform call fails (the function instance died).
    const g = globalThis as unknown as {
      __forge_fetch__: (d: unknown, p: unknown, init: unknown) => Promise<Response>;
    };
    const real = g.__forge_fetch__;
    let caseWrites = 0;
    g.__forge_fetch__ = async (descriptor, path, init) => {
      if (caseWrites >= 37) throw new Error('function instance killed');
      const body = (init as { body?: unknown } | undefined)?.body;
      if (typeof body === 'string' && body.includes('INSERT INTO itr_case')) caseWrites++;
      return real(descriptor, path, init);
    };
    let killed: Envelope<BackupRestoreStatus>;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      killed = await call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true });
    } finally {
      g.__forge_fetch__ = real;
      logged.mockRestore();
    }
    expect(killed.success).toBe(false);
    expect(caseWrites).toBe(37);
    const halfway = data(await call<BackupRestoreStatus>('getBackupRestoreStatus', {}));
    expect(halfway).toMatchObject({ restoreId, state: 'applying' });
    expect(halfway.stepsDone).toBeLessThan(halfway.stepCount);
    expect(await query('SELECT COUNT(*) AS n FROM itr_case', [], (r) => Number(r['n']))).toEqual([37]);

    // The dead call's claim on the restore holds until its slice and margin pass: resuming at once
    // answers the progress so far; after the claim ran out (the clock moved on), resuming finishes it.
    expect(data(await call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true }))).toMatchObject({
      state: 'applying',
      stepsDone: halfway.stepsDone,
    });
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    let done: BackupRestoreStatus;
    try {
      jest.setSystemTime(Date.now() + 30_000);
      done = await commitToEnd(restoreId);
    } finally {
      jest.useRealTimers();
    }
    expect(done.state).toBe('done');
    expect(await content()).toEqual(before);
    // One table version published, not two.
    expect(kvs.keys().filter((k) => k.startsWith('config:gradingTable:history:'))).toEqual([
      'config:gradingTable:history:3',
    ]);
    const actions = data(await call<AuditPage>('listAuditLog', {})).entries.map((e) => e.action);
    expect(actions).toEqual(['backup.restore.complete', 'grading.restoreVersion', 'backup.restore.start']);
  });
});

describe('two commits of one restore at once (two browser tabs)', () => {
  it('one applies, the other answers its progress: counts once, one table version', async () => {
    await seedSite(60);
    const before = await content();
    const text = JSON.stringify((await download()).doc);
    await wipe();
    const restoreId = await upload(text);
    const [a, b] = await Promise.all([
      call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true }),
      call<BackupRestoreStatus>('commitBackupRestore', { restoreId, confirm: true }),
    ]);
    expect([data(a).state, data(b).state].sort()).toEqual(['applying', 'done']);
    const done = await commitToEnd(restoreId);
    expect(done).toMatchObject({ state: 'done', counts: { cases: 60 } });
    expect(await content()).toEqual(before);
    expect(kvs.keys().filter((k) => k.startsWith('config:gradingTable:history:'))).toEqual([
      'config:gradingTable:history:3',
    ]);
    expect(
      data(await call<AuditPage>('listAuditLog', {})).entries.filter((e) => e.action === 'backup.restore.start'),
    ).toHaveLength(1);
  });
});

describe('bad uploads are refused and write nothing', () => {
  const small = async (): Promise<string> => {
    await seedSite(3);
    return JSON.stringify((await download()).doc);
  };

  it('a chunk over the payload cap answers PAYLOAD_TOO_LARGE, one over the chunk size BACKUP_CHUNK_INVALID, a split surrogate too', async () => {
    const text = await small();
    const restoreId = await upload(text, [text]);
    const huge = await call('uploadBackupChunk', { restoreId, index: 0, text: 'x'.repeat(300 * 1024) });
    expect(huge).toEqual({
      success: false,
      errors: [{ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/at most 262144/) }],
    });
    expect(codes(await call('uploadBackupChunk', { restoreId, index: 0, text: 'x'.repeat(70 * 1024) }))).toEqual([
      'BACKUP_CHUNK_INVALID',
    ]);
    expect(codes(await call('uploadBackupChunk', { restoreId, index: 0, text: 'ok \ud83e' }))).toEqual([
      'BACKUP_CHUNK_INVALID',
    ]);
    expect(codes(await call('uploadBackupChunk', { restoreId, index: 1, text: 'x' }))).toEqual(['INVALID_PAYLOAD']);
    // The good chunk uploaded first is still the one staged.
    expect(data(await call<BackupRestorePreview>('previewBackupRestore', { restoreId })).cases).toBe(3);
  });

  it.each([
    ['a missing chunk', 'BACKUP_INCOMPLETE', (chunks: string[]) => chunks.slice(0, -1)],
    ['a changed chunk', 'BACKUP_CORRUPT', (chunks: string[]) => [`[${chunks[0]!.slice(1)}`, ...chunks.slice(1)]],
  ])('commit of a staged file with %s answers %s', async (_name, code, damage) => {
    const text = await small();
    const chunks = splitIntoChunks(text, 1000);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const { restoreId } = data(
      await call<BackupRestoreStatus>('startBackupRestore', {
        chunkCount: chunks.length,
        byteCount: Buffer.byteLength(text),
        sha256,
      }),
    );
    for (const [index, chunk] of damage(chunks).entries())
      data(await call('uploadBackupChunk', { restoreId, index, text: chunk }));
    const before = await everything();
    expect(codes(await call('commitBackupRestore', { restoreId, confirm: true }))).toEqual([code]);
    expect(codes(await call('previewBackupRestore', { restoreId }))).toEqual([code]);
    expect(await everything()).toEqual(before);
    expect(data(await call<BackupRestoreStatus>('getBackupRestoreStatus', {})).state).toBe('staging');
    expect(data(await call<AuditPage>('listAuditLog', {})).entries).toEqual([]);
  });

  it('a file that is not JSON, or not a valid backup, is refused whole', async () => {
    const text = await small();
    const before = await everything();
    const notJson = await upload(text.slice(0, -1));
    expect(codes(await call('commitBackupRestore', { restoreId: notJson, confirm: true }))).toEqual([
      'BACKUP_INVALID',
      'BACKUP_FORMAT_INVALID',
    ]);
    const doc = JSON.parse(text) as BackupDocument;
    doc.cases[1]!.content.title = '';
    const invalid = await upload(JSON.stringify(doc));
    expect(codes(await call('commitBackupRestore', { restoreId: invalid, confirm: true }))).toEqual([
      'BACKUP_INVALID',
      'BACKUP_CASE_INVALID',
    ]);
    expect(await everything()).toEqual(before);
  });

  it('commit without confirm: true answers CONFIRMATION_REQUIRED and writes nothing', async () => {
    const text = await small();
    const restoreId = await upload(text);
    await wipe();
    const before = await everything();
    for (const confirm of [undefined, false, 'true', 1])
      expect(codes(await call('commitBackupRestore', { restoreId, confirm }))).toEqual(['CONFIRMATION_REQUIRED']);
    expect(await everything()).toEqual(before);
  });

  it('a non-admin is refused every backup and audit function, and nothing is written', async () => {
    const text = await small();
    const restoreId = await upload(text);
    const before = await everything();
    const sha256 = createHash('sha256').update(text).digest('hex');
    for (const [key, payload] of [
      ['exportBackupPage', {}],
      ['startBackupRestore', { chunkCount: 1, byteCount: 10, sha256 }],
      ['uploadBackupChunk', { restoreId, index: 0, text }],
      ['previewBackupRestore', { restoreId }],
      ['commitBackupRestore', { restoreId, confirm: true }],
      ['getBackupRestoreStatus', {}],
      ['listAuditLog', {}],
    ] as const) {
      expect([key, codes(await call(key, payload, AGENT))]).toEqual([key, ['NOT_AUTHORIZED']]);
    }
    expect(await everything()).toEqual(before);
    expect(data(await call<BackupRestoreStatus>('getBackupRestoreStatus', {})).state).toBe('staging');
  });

  it('starting a new restore abandons the staged one and drops its chunks', async () => {
    const text = await small();
    const first = await upload(text);
    const second = await upload(text);
    expect(codes(await call('commitBackupRestore', { restoreId: first, confirm: true }))).toEqual([
      'BACKUP_RESTORE_STATE',
    ]);
    expect(
      await query('SELECT DISTINCT restore_id FROM backup_restore_chunk', [], (r) => String(r['restore_id'])),
    ).toEqual([second]);
  });
});
