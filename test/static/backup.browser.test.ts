/**
 * The setup page's "Backup and restore" and "Audit log" sections in headless Chromium, the bridge
 * stub routing each `invoke` to the real exported `setupResolver` (KVS and Jira doubles, MariaDB):
 * download the backup file, wipe the site, choose the file, read the preview, confirm in a dialog and
 * restore by keyboard, see the audit log refresh at once in the reader's words; a restore left half-way
 * is offered as "restore incomplete — resume" (zh-CN, dark mode); a grading table published elsewhere
 * shows when the admin comes back to the page (both languages and themes). Screenshots go to
 * .tmp/screenshots/. Skipped when no Chromium is installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { gradingAdminResolver, setupResolver } from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { execute, query, runMigrations } from '../../src/adapters/sql';
import { CaseLibrary } from '../../src/app/cases/caseLibrary';
import type { BackupDocument, BackupRestoreStatus, GradingAdminState } from '../../src/contract';
import { harness, invokeResolver } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { expectPageShowsNoAccountIds } from './accountIds';
import { looksDisabled } from './disabledLook';
import { expectPageShowsNoInternalValues } from './internalValues';
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
    expect(await caseTitles()).toEqual([]); // staging wrote no case
    // Who made the backup, by name (never the account id).
    expect(await page.getByTestId('backup-section').innerText()).toContain('by Zhang Wei.');
    await shoot(page, 'backup-en-preview');

    // Restore asks first, in a modal dialog; Cancel (focused first) leaves everything as it was.
    await page.getByTestId('backup-restore').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('overwrites 1 configuration keys and 2 cases');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Cancel');
    await shoot(page, 'backup-en-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await caseTitles()).toEqual([]);
    await page.getByTestId('backup-restore').click();
    await dialog.waitFor();
    await page.keyboard.press('Tab'); // Cancel → Restore
    await page.keyboard.press('Enter');
    const done = page.getByTestId('backup-done');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.innerText()).toContain('Restore finished: 1 configuration entries written, 2 cases restored.');
    expect(await caseTitles()).toEqual(['Kiosk freezes', '打印机无法连接']);
    expect(kvs.peek('config:returnVisitSettings')).toMatchObject({ value: { sampleRate: 0.2 } });

    // The audit log shows the restore at once, without reloading the page.
    const log = page.getByTestId('audit-table');
    await log.locator('tr[data-action="backup.restore.complete"]').waitFor();
    expect(
      await log
        .locator('tbody tr')
        .evaluateAll((rows: Array<{ getAttribute(name: string): string | null }>) =>
          rows.map((r) => r.getAttribute('data-action')),
        ),
    ).toEqual(['backup.restore.complete', 'backup.restore.start']);
    const row = await log.locator('tbody tr').first().innerText();
    expect(row).toContain('Restore completed');
    expect(row).toContain('Zhang Wei');
    // What was restored, by the backup's date in the reader's zone (Asia/Shanghai): not the restore's id.
    const exportedAt = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(doc.exportedAt));
    expect(await log.locator('tbody tr').first().locator('[data-col="what"]').innerText()).toBe(
      `Backup of ${exportedAt}`,
    );
    const restoreIds = await query('SELECT id FROM backup_restore', [], (r) => String(r['id']));
    await expectPageShowsNoAccountIds(page, [ADMIN]);
    await expectPageShowsNoInternalValues(page, [...restoreIds, doc.exportedAt]);
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
    expect(await log.locator('tbody tr').first().innerText()).toContain('Case "Case 29"');
    expect(await page.getByTestId('audit-newer').isDisabled()).toBe(true);
    // A disabled paging button is drawn with the design system's disabled colour, an enabled one is not.
    expect(await looksDisabled(page.getByTestId('audit-newer'))).toBe(true);
    expect(await looksDisabled(page.getByTestId('audit-older'))).toBe(false);
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
    // The resumed restore's completion is in the audit log at once, in Chinese, naming the backup by date.
    const done = page.getByTestId('audit-table').locator('tr[data-action="backup.restore.complete"]');
    await done.waitFor();
    expect(await done.innerText()).toContain('恢复完成');
    expect(await done.locator('[data-col="what"]').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 .* 的备份$/);
    await expectPageShowsNoInternalValues(page, [started.restoreId]);
    await shoot(page, 'backup-zh-done-dark');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it.each([
    ['en_US', 'light', 'Grading table published', 'Grading table, version 2'],
    ['zh_CN', 'dark', '发布分级表', '分级表第 2 版'],
  ] as const)(
    'shows a grading table published on another page when the admin comes back (%s, %s), without a reload',
    async (locale, colorMode, action, what) => {
      const { page, errors } = await open(locale, colorMode);
      await page.getByTestId('audit-empty').waitFor();
      // The grading admin page (another frame or tab) publishes version 2 meanwhile.
      const grading = (key: string, payload: unknown) =>
        invokeResolver(gradingAdminResolver, key, payload, { accountId: ADMIN }) as Promise<{
          success: boolean;
          data: GradingAdminState;
        }>;
      const state = (await grading('getGradingAdmin', {})).data;
      expect(
        (await grading('saveGradingTable', { table: state.table, expectedRevision: state.tableRevision })).success,
      ).toBe(true);
      expect(await page.getByTestId('audit-table').count()).toBe(0); // nothing polls in the background
      // Back on this page.
      await page.evaluate("window.dispatchEvent(new Event('focus'))");
      const row = page.getByTestId('audit-table').locator('tr[data-action="grading.publish"]');
      await row.waitFor();
      expect(await row.innerText()).toContain(action);
      expect(await row.locator('[data-col="what"]').innerText()).toBe(what);
      await expectPageShowsNoInternalValues(page);
      await shoot(page, `audit-${locale}-${colorMode}-published-elsewhere`);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
