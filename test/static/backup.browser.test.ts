/**
 * The setup page's "Backup and restore" and "Audit log" sections in headless Chromium, the bridge
 * stub routing each `invoke` to the real exported `setupResolver` (KVS and Jira doubles, MariaDB):
 * download the backup file, wipe the site, choose the file, read the preview, confirm and restore by
 * keyboard, see the audit log; a restore left half-way is offered as "restore incomplete — resume"
 * (zh-CN, dark mode). Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { setupResolver } from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { execute, query, runMigrations } from '../../src/adapters/sql';
import { CaseLibrary } from '../../src/app/cases/caseLibrary';
import type { BackupDocument, BackupRestoreStatus } from '../../src/contract';
import { harness, invokeResolver } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { expectPageShowsNoAccountIds } from './accountIds';
import { builtApp, realResolvers, screenshots } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const FUNCTIONS = [
  'listSetupProjects',
  'previewSetup',
  'runSetup',
  'resumeSetup',
  'getSetupStatus',
  'exportBackupPage',
  'startBackupRestore',
  'uploadBackupChunk',
  'previewBackupRestore',
  'commitBackupRestore',
  'getBackupRestoreStatus',
  'listAuditLog',
];
const CASE_TABLES = ['itr_case', 'case_issue_link', 'case_version', 'case_term', 'case_term_stats', 'case_index_stats'];

const { jira, kvs } = harness();

function seedUsers(): void {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedProject({ key: 'ITR', id: '10100', name: 'ITR desk' });
}

async function seedSite(): Promise<void> {
  await new ConfigStore().set(
    'returnVisitSettings',
    { sampleRate: 0.2 },
    { schemaVersion: 1, parse: (x: unknown) => x },
    { updatedBy: ADMIN },
  );
  const library = new CaseLibrary({ now: () => new Date('2026-05-01T08:00:00.000Z') });
  const content = {
    symptom: 'freezes after reboot',
    product: 'Kiosk',
    productVersion: '4.2',
    environment: '',
    rootCause: 'firmware',
    shortTermMeasure: 'reboot',
    longTermMeasure: '',
    language: 'en',
    tags: ['kiosk'],
    status: 'published' as const,
  };
  await library.createCase(ADMIN, { ...content, title: 'Kiosk freezes' });
  await library.createCase(ADMIN, { ...content, title: '打印机无法连接', language: 'zh-CN' });
}

async function caseTitles(): Promise<string[]> {
  return query('SELECT title FROM itr_case ORDER BY id', [], (r) => String(r['title']));
}

beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  for (const t of [...CASE_TABLES, 'audit_log', 'backup_restore', 'backup_restore_chunk'])
    await execute(`DELETE FROM ${t}`);
  seedUsers();
});

describeWithBrowser('backup, restore and audit log on the setup page', () => {
  const app = builtApp('setup', { screenshots: true });

  async function open(locale: string, colorMode: 'light' | 'dark' = 'light') {
    const page = await app.browser.newPage({
      viewport: { width: 1000, height: 1400 },
      colorScheme: colorMode,
      acceptDownloads: true,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId: ADMIN, moduleKey: 'itr-setup' },
      colorMode,
      resolvers: realResolvers(setupResolver, FUNCTIONS, { accountId: ADMIN }),
    });
    await page.goto(app.url);
    await page.getByTestId('backup-section').waitFor();
    return { page, errors };
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }

  it('downloads the backup, previews the file against a wiped site, restores after confirmation (keyboard), and logs it', async () => {
    await seedSite();
    const { page, errors } = await open('en_US');

    const downloading = page.waitForEvent('download');
    await page.getByTestId('backup-download').focus();
    await page.keyboard.press('Enter');
    const file = await (await downloading).path();
    const doc = JSON.parse(readFileSync(file, 'utf8')) as BackupDocument;
    expect(doc).toMatchObject({ format: 'itr-backup', schemaVersion: 1, exportedBy: ADMIN });
    expect(doc.cases.map((c) => c.content.title)).toEqual(['Kiosk freezes', '打印机无法连接']);
    expect(await page.getByTestId('backup-downloaded').innerText()).toBe(
      'Backup downloaded: 1 configuration keys, 2 cases.',
    );

    // Lose everything, then restore from the file.
    for (const t of CASE_TABLES) await execute(`DELETE FROM ${t}`);
    kvs.reset();
    seedUsers();
    await page.getByLabel('Backup file to restore').setInputFiles(file);
    const preview = page.getByTestId('backup-preview');
    await preview.waitFor();
    expect(await preview.locator('tr[data-row="config"]').innerText()).toMatch(/Configuration keys\s+1\s+1\s+0/);
    expect(await preview.locator('tr[data-row="cases"]').innerText()).toMatch(/Cases\s+2\s+2\s+0/);
    expect(await page.getByTestId('backup-restore').isDisabled()).toBe(true);
    expect(await caseTitles()).toEqual([]); // staging wrote no case
    // Who made the backup, by name (never the account id).
    expect(await page.getByTestId('backup-section').innerText()).toContain('by Zhang Wei.');
    await shoot(page, 'backup-en-preview');

    await page.getByTestId('backup-confirm').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('backup-restore').focus();
    await page.keyboard.press('Enter');
    const done = page.getByTestId('backup-done');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.innerText()).toContain('Restore finished: 1 configuration entries written, 2 cases restored.');
    expect(await caseTitles()).toEqual(['Kiosk freezes', '打印机无法连接']);
    expect(kvs.peek('config:returnVisitSettings')).toMatchObject({ value: { sampleRate: 0.2 } });

    // The audit log shows the restore once the page is opened again.
    await page.reload();
    const log = page.getByTestId('audit-table');
    await log.waitFor();
    expect(
      await log
        .locator('tbody tr')
        .evaluateAll((rows: Array<{ getAttribute(name: string): string | null }>) =>
          rows.map((r) => r.getAttribute('data-action')),
        ),
    ).toEqual(['backup.restore.complete', 'backup.restore.start']);
    expect(await log.locator('tbody tr').first().innerText()).toContain('Restore completed');
    expect(await log.locator('tbody tr').first().innerText()).toContain('Zhang Wei');
    await expectPageShowsNoAccountIds(page, [ADMIN]);
    await shoot(page, 'backup-en-audit');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('pages the audit log with the keyboard', async () => {
    for (let i = 0; i < 30; i++)
      await execute(
        "INSERT INTO audit_log (at, actor_account_id, action, target, summary, params) VALUES ('2026-11-23 09:00:00', ?, 'case.retire', ?, 'Case retired', ?)",
        [ADMIN, String(i), JSON.stringify({ title: `Case ${i}` })],
      );
    const { page, errors } = await open('en_US');
    const log = page.getByTestId('audit-table');
    await log.waitFor();
    expect(await log.locator('tbody tr').count()).toBe(25);
    expect(await log.locator('tbody tr').first().innerText()).toContain('"Case 29"');
    expect(await page.getByTestId('audit-newer').isDisabled()).toBe(true);
    await page.getByTestId('audit-older').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Page 2').waitFor();
    expect(await log.locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('audit-older').isDisabled()).toBe(true);
    await page.getByTestId('audit-newer').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Page 1').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers a half-done restore for resuming, in Simplified Chinese and dark mode, and finishes it', async () => {
    await seedSite();
    const call = (key: string, payload: unknown) =>
      invokeResolver(setupResolver, key, payload, { accountId: ADMIN }) as Promise<{
        success: boolean;
        data: BackupRestoreStatus;
      }>;
    let page1 = (await call('exportBackupPage', {})).data as unknown as {
      header: Omit<BackupDocument, 'config' | 'cases'>;
      config: BackupDocument['config'];
      next: string | null;
    };
    const doc: BackupDocument = {
      ...page1.header,
      format: 'itr-backup',
      schemaVersion: 1,
      config: { ...page1.config },
      cases: [],
    };
    while (page1.next !== null) {
      page1 = (await call('exportBackupPage', { cursor: page1.next })).data as never;
      Object.assign(doc.config, page1.config);
      doc.cases.push(...((page1 as unknown as { cases: BackupDocument['cases'] }).cases ?? []));
    }
    const text = JSON.stringify(doc);
    const started = (
      await call('startBackupRestore', {
        chunkCount: 1,
        byteCount: Buffer.byteLength(text),
        sha256: createHash('sha256').update(text).digest('hex'),
      })
    ).data;
    await call('uploadBackupChunk', { restoreId: started.restoreId, index: 0, text });
    for (const t of CASE_TABLES) await execute(`DELETE FROM ${t}`);
    // As a commit cut off after its first step leaves it: applying, cursor 1 of 4 (config, 2 cases, finish).
    await execute("UPDATE backup_restore SET state = 'applying', step_count = 4, cursor_step = 1 WHERE id = ?", [
      started.restoreId,
    ]);

    const { page, errors } = await open('zh_CN', 'dark');
    const incomplete = page.getByTestId('backup-incomplete');
    await incomplete.waitFor();
    expect(await incomplete.innerText()).toContain('恢复未完成 — 继续');
    expect(await incomplete.innerText()).toContain('1/4');
    await shoot(page, 'backup-zh-incomplete-dark');
    await page.getByTestId('backup-resume').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('backup-done').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('backup-done').innerText()).toContain('恢复完成');
    expect(await caseTitles()).toEqual(['Kiosk freezes', '打印机无法连接']);
    await shoot(page, 'backup-zh-done-dark');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
