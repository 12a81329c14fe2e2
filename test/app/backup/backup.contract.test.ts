/**
 * Backup and restore through the grading admin resolver's exported handler: the real @forge/resolver,
 * @forge/kvs and @forge/sql (MariaDB), the Jira double answering `mypermissions`.
 */
import { gradingAdminResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { execute, query, runMigrations } from '../../../src/adapters/sql';
import { CaseLibrary } from '../../../src/app/cases/caseLibrary';
import { loadItrConfig } from '../../../src/app/config/itrConfig';
import type { BackupDocument, BackupRestoreResult } from '../../../src/contract/backup';
import type { CaseContent } from '../../../src/contract/cases';
import type { GradingAdminState } from '../../../src/contract/gradingAdmin';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { codes, data, type Envelope } from './envelope';

const { jira, kvs, runtime } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const CASE_TABLES = ['itr_case', 'case_issue_link', 'case_version', 'case_term', 'case_term_stats', 'case_index_stats'];

function call<T>(key: string, payload: unknown, accountId: string): Promise<Envelope<T>> {
  return invokeResolver(gradingAdminResolver, key, payload, { accountId }) as Promise<Envelope<T>>;
}

function edited(minutes: number, calendarId?: string): GradingTable {
  const critical = DEFAULT_GRADING_TABLE.sla['critical']!;
  return {
    ...DEFAULT_GRADING_TABLE,
    sla: {
      ...DEFAULT_GRADING_TABLE.sla,
      critical: { ...critical, responseMinutes: minutes, ...(calendarId ? { calendarId } : {}) },
    },
  };
}

function content(title: string, extra: Partial<CaseContent> = {}): CaseContent {
  return {
    title,
    symptom: `${title}: symptom`,
    product: 'Kiosk',
    productVersion: '4.2',
    environment: '',
    rootCause: 'firmware',
    shortTermMeasure: 'reboot',
    longTermMeasure: '',
    language: 'en',
    tags: ['kiosk'],
    status: 'published',
    ...extra,
  };
}

async function wipeCases(): Promise<void> {
  for (const t of CASE_TABLES) await execute(`DELETE FROM ${t}`);
}

/** Everything a restore could write: every KVS key and value, and the case tables' rows. */
async function everything(): Promise<string> {
  const keys = kvs.keys().sort();
  const rows: Record<string, unknown> = {};
  for (const t of CASE_TABLES) rows[t] = await query(`SELECT * FROM ${t}`, [], (r) => JSON.stringify(r));
  return JSON.stringify({ keys, values: keys.map((k) => kvs.peek(k)), rows });
}

/** A site with a history of grading versions, its own calendar, another config key, and cases. */
async function seedSite(): Promise<void> {
  data(
    await call<GradingAdminState>(
      'saveGradingTable',
      { table: edited(15), expectedRevision: 0, comment: 'faster' },
      ADMIN,
    ),
  );
  const calendar = DEFAULT_CALENDARS[0]!.calendar;
  data(
    await call<GradingAdminState>('saveCalendars', { calendars: { 'site-cal': calendar }, expectedRevision: 0 }, ADMIN),
  );
  data(
    await call<GradingAdminState>(
      'saveGradingTable',
      { table: edited(20, 'site-cal'), expectedRevision: 1, comment: 'site calendar' },
      ADMIN,
    ),
  );
  await new ConfigStore().set(
    'returnVisitSettings',
    { sampleRate: 0.2, grades: ['critical'] },
    { schemaVersion: 1, parse: (x: unknown) => x },
    { updatedBy: ADMIN },
  );
  const library = new CaseLibrary({ now: () => new Date('2026-05-01T08:00:00.123Z') });
  const first = await library.createCase(ADMIN, content('Kiosk freezes'));
  // Editing a published case needs the case editor role, asked of Jira as the caller: run it as the admin's invocation.
  await runtime.runAs(ADMIN, () =>
    library.saveCase(ADMIN, {
      id: first.id,
      expectedRevision: 1,
      content: content('Kiosk freezes after reboot', { tags: ['kiosk', 'reboot'] }),
    }),
  );
  const second = await library.createCase(
    ADMIN,
    content('打印机无法连接', { language: 'zh-CN', status: 'draft' }),
    ['ITR-7'],
    'EXT-42',
  );
  await execute('INSERT INTO case_issue_link (case_id, issue_key, relation, at) VALUES (?, ?, ?, ?)', [
    second.id,
    'ITR-9',
    'used_on',
    new Date('2026-05-02T00:00:00Z'),
  ]);
  await execute('UPDATE itr_case SET helpful_count = 3, usage_count = 1 WHERE id = ?', [second.id]);
}

beforeAll(async () => {
  await runMigrations();
});

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  await wipeCases();
});

describe('export → wipe → restore', () => {
  it('gives back the same configuration and cases; the table comes back as a new version, history kept', async () => {
    await seedSite();
    const before = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    expect(before).toMatchObject({ format: 'itr-backup', schemaVersion: 1, exportedBy: ADMIN });
    expect(Object.keys(before.config).sort()).toEqual([
      'calendars',
      'gradingTable',
      'gradingTable:history:2',
      'gradingTable:history:3',
      'returnVisitSettings',
    ]);
    expect(before.cases).toHaveLength(2);
    expect(before.cases[0]!.versions.map((v) => v.revision)).toEqual([1, 2]);
    expect(before.cases[1]!.links.map((l) => [l.relation, l.issueKey])).toEqual([
      ['source', 'ITR-7'],
      ['used_on', 'ITR-9'],
    ]);
    const configBefore = await loadItrConfig();

    kvs.reset();
    jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
    await wipeCases();
    expect(data(await call<BackupDocument>('exportBackup', {}, ADMIN))).toMatchObject({ config: {}, cases: [] });

    const restored = data(await call<BackupRestoreResult>('restoreBackup', { document: before, confirm: true }, ADMIN));
    expect(restored.publishedVersion).toBe(4);
    expect(restored.counts).toEqual({
      configEntries: 3,
      historyEntriesAdded: 2,
      cases: 2,
      caseVersionsAdded: 3,
      caseLinksAdded: 2,
    });

    const after = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    expect(after.cases).toEqual(before.cases);
    for (const name of ['calendars', 'gradingTable:history:2', 'gradingTable:history:3', 'returnVisitSettings']) {
      expect([name, after.config[name]?.value]).toEqual([name, before.config[name]!.value]);
    }
    expect(after.config['gradingTable']!.value).toEqual({
      ...(before.config['gradingTable']!.value as GradingTable),
      version: 4,
    });
    expect(after.config['gradingTable:history:4']!.value).toMatchObject({ savedBy: ADMIN, restoredFrom: 3 });
    const configAfter = await loadItrConfig();
    expect(configAfter.gradingTable).toEqual({ ...configBefore.gradingTable, version: 4 });
    expect([...configAfter.calendars.entries()]).toEqual([...configBefore.calendars.entries()]);

    // The audit entry: who, when, what.
    expect(restored.auditKey).toMatch(/^audit:backup:restore-/);
    expect(kvs.peek(restored.auditKey)).toMatchObject({
      action: 'restoreBackup',
      by: ADMIN,
      backupExportedAt: before.exportedAt,
      counts: restored.counts,
    });
    // The restored cases are searchable again (the index was rebuilt).
    const ids = await query('SELECT DISTINCT case_id FROM case_term ORDER BY case_id', [], (r) => Number(r['case_id']));
    expect(ids).toEqual(before.cases.map((c) => c.id));

    // Restoring the same backup again writes nothing: no case version, no history, no empty table version.
    const again = data(await call<BackupRestoreResult>('restoreBackup', { document: before, confirm: true }, ADMIN));
    expect(again.publishedVersion).toBeNull();
    expect(again.counts).toMatchObject({
      configEntries: 0,
      historyEntriesAdded: 0,
      caseVersionsAdded: 0,
      caseLinksAdded: 0,
    });
    expect(kvs.keys().filter((k) => k.startsWith('config:gradingTable:history:'))).toHaveLength(3);
    expect(data(await call<BackupDocument>('exportBackup', {}, ADMIN)).cases).toEqual(before.cases);
    expect(kvs.peek('config:gradingTable:history:4')).toMatchObject({ value: { restoredFrom: 3 } });
  });

  it('a case edited since the backup gets the backup content as a new revision, its history kept', async () => {
    await seedSite();
    const backup = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    const id = backup.cases[0]!.id;
    await runtime.runAs(ADMIN, () =>
      new CaseLibrary().saveCase(ADMIN, { id, expectedRevision: 2, content: content('Edited later') }),
    );
    data(await call<BackupRestoreResult>('restoreBackup', { document: backup, confirm: true }, ADMIN));
    const now = data(await call<BackupDocument>('exportBackup', {}, ADMIN)).cases.find((c) => c.id === id)!;
    expect(now.revision).toBe(4);
    expect(now.content).toEqual(backup.cases[0]!.content);
    expect(now.versions.map((v) => [v.revision, v.snapshot.title])).toEqual([
      [1, 'Kiosk freezes'],
      [2, 'Kiosk freezes after reboot'],
      [3, 'Edited later'],
      [4, 'Kiosk freezes after reboot'],
    ]);
  });
});

describe('refusals write nothing', () => {
  it('an invalid document is refused whole, with a coded error per problem', async () => {
    await seedSite();
    const backup = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    const bad = JSON.parse(JSON.stringify(backup)) as BackupDocument;
    bad.config['gradingTable']!.value = edited(-5);
    (bad.config['calendars']!.value as Record<string, unknown>)['broken'] = { timeZone: 'Nowhere/Nothing' };
    bad.cases[1]!.content.title = '';
    bad.cases.push({ ...bad.cases[0]! });
    bad.cases.push({
      ...bad.cases[0]!,
      id: 77,
      links: [{ issueKey: 'not a key', relation: 'source', at: 'x' }],
    } as never);
    await wipeCases();
    kvs.reset();
    jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
    const before = await everything();
    const answer = await call('restoreBackup', { document: bad, confirm: true }, ADMIN);
    expect(codes(answer)[0]).toBe('BACKUP_INVALID');
    const paths = answer.success ? [] : answer.errors.slice(1).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\.gradingTable\.value\.sla/),
        expect.stringMatching(/^config\.calendars\.value\.broken/),
        'cases[1].content',
        'cases[2].id',
        'cases[3].links[0]',
      ]),
    );
    expect(await everything()).toEqual(before);
  });

  it.each([
    ['not a backup', { hello: 'world' }, 'BACKUP_FORMAT_INVALID'],
    [
      'a newer schema',
      { format: 'itr-backup', schemaVersion: 2, exportedAt: '2026-01-01T00:00:00Z', config: {}, cases: [] },
      'BACKUP_FORMAT_INVALID',
    ],
    [
      'a bad config entry',
      { format: 'itr-backup', schemaVersion: 1, exportedAt: '2026-01-01T00:00:00Z', config: { x: 1 }, cases: [] },
      'BACKUP_CONFIG_ENTRY_INVALID',
    ],
  ])('%s is refused', async (_name, document, code) => {
    const before = await everything();
    const answer = await call('restoreBackup', { document, confirm: true }, ADMIN);
    expect(codes(answer).slice(0, 2)).toEqual(['BACKUP_INVALID', code]);
    expect(await everything()).toEqual(before);
  });

  it('an external id that belongs to another case here is refused', async () => {
    await seedSite();
    const backup = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    const moved = JSON.parse(JSON.stringify(backup)) as BackupDocument;
    moved.cases[1]!.id = 999;
    const before = await everything();
    expect(codes(await call('restoreBackup', { document: moved, confirm: true }, ADMIN))).toEqual([
      'BACKUP_INVALID',
      'BACKUP_CASE_CONFLICT',
    ]);
    expect(await everything()).toEqual(before);
  });

  it('restore without confirm: true answers CONFIRMATION_REQUIRED', async () => {
    await seedSite();
    const backup = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    const before = await everything();
    for (const confirm of [undefined, false, 'true', 1]) {
      expect(codes(await call('restoreBackup', { document: backup, confirm }, ADMIN))).toEqual([
        'CONFIRMATION_REQUIRED',
      ]);
    }
    expect(await everything()).toEqual(before);
  });

  it('a non-admin may neither export nor restore', async () => {
    await seedSite();
    const backup = data(await call<BackupDocument>('exportBackup', {}, ADMIN));
    const before = await everything();
    expect(codes(await call('exportBackup', {}, AGENT))).toEqual(['NOT_AUTHORIZED']);
    expect(codes(await call('restoreBackup', { document: backup, confirm: true }, AGENT))).toEqual(['NOT_AUTHORIZED']);
    expect(await everything()).toEqual(before);
  });
});
