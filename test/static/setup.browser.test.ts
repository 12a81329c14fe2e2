/**
 * The setup admin page in headless Chromium. The stand-in Forge host (bridgeStub.ts) routes each
 * `invoke` to the real exported `setupResolver` under the platform harness (KVS and Jira doubles,
 * MariaDB). Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { setupResolver } from '../../src/index';
import { execute, runMigrations } from '../../src/adapters/sql';
import { harness } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { expectPageShowsNoAccountIds } from './accountIds';
import { chromiumAvailable, installBridgeStub, type BridgeStubOptions } from './bridgeStub';
import { ok } from './issueItrState.fixtures';
import type { SiteCheckReport } from '../../src/contract/siteCheck';
import { builtApp, realResolvers, repoRoot, screenshots } from './browserApp';
import { expectPageShowsNoInternalValues } from './internalValues';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const FUNCTIONS = [
  'listSetupProjects',
  'previewSetup',
  'runSetup',
  'resumeSetup',
  'getSetupStatus',
  'getBackupRestoreStatus',
  'listAuditLog',
];

/** The rule modules' names as Jira's workflow editor shows them (locales/*.json), per language. */
function ruleNames(locale: 'en-US' | 'zh-CN'): string[] {
  const modules = (
    JSON.parse(readFileSync(path.join(repoRoot, 'locales', `${locale}.json`), 'utf8')) as {
      modules: Record<string, { name?: string }>;
    }
  ).modules;
  return ['closeCondition', 'closeValidator', 'resolveValidator'].map((m) => modules[m]?.name ?? `missing ${m}`);
}

const { jira, kvs } = harness();
beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  await execute('DELETE FROM audit_log');
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  defineItrFields(jira);
  jira.seedProject({ key: 'ITR', id: '10100', name: 'ITR desk' });
  const team = jira.seedProject({ key: 'TEAM', id: '10102', name: 'Team space' });
  jira.model.site.teamManaged.add(team.id);
});

describeWithBrowser('setup admin page in Chromium', () => {
  const app = builtApp('setup', { screenshots: true });

  async function open(
    accountId: string,
    locale: string,
    colorMode: 'light' | 'dark' = 'light',
    stubs: BridgeStubOptions['resolvers'] = {},
  ) {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 1100 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = { ...realResolvers(setupResolver, FUNCTIONS, { accountId }), ...stubs };
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-setup' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }

  /** A project row's state as the table says it: the lozenge's words and each part's. */
  async function stateOf(page: Page, key: string): Promise<string[]> {
    const row = page.locator(`tr[data-project="${key}"]`);
    return [
      (await row.locator('td').nth(0).textContent()) ?? '',
      ...(await row.locator('td[data-part]').allTextContents()),
    ];
  }

  it.each([
    {
      locale: 'en_US',
      mode: 'light' as const,
      label: 'ITR desk (ITR)',
      before: ['Not configured', 'Missing: setup adds it', 'Missing: setup adds it', 'Missing: setup adds it'],
      team: ['Set up by hand', 'By hand', 'By hand', 'By hand'],
      after: ['Configured', 'In place', 'In place', 'In place'],
      willCreate: 'Will create',
      finished: 'Setup finished.',
      auditAction: 'Setup run',
    },
    {
      locale: 'zh_CN',
      mode: 'dark' as const,
      label: 'ITR desk (ITR)',
      before: ['未配置', '缺少：配置会添加', '缺少：配置会添加', '缺少：配置会添加'],
      team: ['需手动配置', '需手动', '需手动', '需手动'],
      after: ['已配置', '已就绪', '已就绪', '已就绪'],
      willCreate: '将创建',
      finished: '配置完成。',
      auditAction: '运行一键配置',
    },
  ])(
    "shows each project's state, previews, runs (keyboard only) and then shows the new state and the audit entry without a reload ($locale, $mode)",
    async (c) => {
      const { page, errors } = await open(ADMIN, c.locale, c.mode);
      await page.locator('tr[data-project="ITR"][data-state="notConfigured"]').waitFor();
      await page.locator('tr[data-project="TEAM"][data-state="manual"]').waitFor();
      expect(await stateOf(page, 'ITR')).toEqual(c.before);
      expect(await stateOf(page, 'TEAM')).toEqual(c.team);
      await shoot(page, `setup-${c.locale}-${c.mode}-states`);

      const itr = page.getByLabel(c.label);
      await itr.focus();
      await page.keyboard.press('Space');
      await page.getByTestId('setup-preview').focus();
      await page.keyboard.press('Enter');
      const table = page.getByTestId('setup-steps');
      await table.waitFor();
      expect(await table.locator('[data-step="workflow"]').textContent()).toContain(c.willCreate);
      expect(await table.locator('[data-step="workflowRules"]').textContent()).toContain(c.willCreate);
      expect(jira.model.site.workflows).toHaveLength(0); // preview wrote nothing

      jira.latencyMs = 30; // slow enough for the progress bar to show
      await page.getByTestId('setup-run').click();
      await page.getByTestId('setup-progress').waitFor();
      const report = page.getByTestId('setup-report');
      await report.waitFor({ timeout: 20_000 });
      jira.latencyMs = 0;
      expect(await report.innerText()).toContain(c.finished);
      // Announced: the outcome is in a live status region (a role given to primitives' Text would be dropped).
      expect(await report.getByRole('status').innerText()).toContain(c.finished);
      // The closure rules came with the workflow (this site's config): nothing is left to do by hand.
      expect(await page.getByTestId('setup-manual').count()).toBe(0);
      const close = jira.model.site.workflows[0]?.transitions.find((t) => t.name === 'Close');
      expect(close?.validators.map((v) => v.ruleKey)).toContain('forge:expression-validator');

      // The project's state and the audit log follow the run, without reloading the page.
      await page.locator('tr[data-project="ITR"][data-state="configured"]').waitFor({ timeout: 20_000 });
      expect(await stateOf(page, 'ITR')).toEqual(c.after);
      const logged = page.getByTestId('audit-table').locator('tr[data-action="setup.run"]');
      await logged.waitFor();
      expect(await logged.innerText()).toContain(c.auditAction);
      expect(await logged.innerText()).toContain('Zhang Wei');
      expect(await logged.locator('[data-col="what"]').innerText()).toContain('ITR');
      await expectPageShowsNoAccountIds(page, [ADMIN]);
      const runId = (kvs.peek('setup:run') as { value?: { runId?: string } } | undefined)?.value?.runId;
      expect(runId).toMatch(/^run-/);
      await expectPageShowsNoInternalValues(page, [runId ?? 'run-']);
      await shoot(page, `setup-${c.locale}-${c.mode}-report`);
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );

  it.each([
    { locale: 'en_US', mode: 'light' as const, names: ruleNames('en-US'), kinds: ['condition', 'validator'] },
    { locale: 'zh_CN', mode: 'dark' as const, names: ruleNames('zh-CN'), kinds: ['条件', '验证器'] },
  ])(
    "names the app's real workflow rules (manifest modules, as Jira's editor names them) in the manual steps ($locale, $mode)",
    async (c) => {
      const { page, errors } = await open(ADMIN, c.locale, c.mode);
      await page.locator('tr[data-project="TEAM"][data-state="manual"]').waitFor();
      await page.getByLabel(/Team space \(TEAM\)/).check();
      await page.getByTestId('setup-preview').click();
      const manual = page.getByTestId('setup-manual');
      await manual.waitFor();
      const rules = manual.locator('li[data-code="teamManagedWorkflow"] [data-testid="setup-manual-rules"]');
      const text = await rules.innerText();
      const [closeCondition, closeValidator, resolveValidator] = c.names;
      // One line per transition, each rule by its name and kind.
      expect(await rules.locator('li').allInnerTexts()).toEqual([
        expect.stringMatching(/Resolve/),
        expect.stringMatching(/Close/),
      ]);
      expect(await rules.locator('li').nth(0).innerText()).toContain(`${resolveValidator}`);
      expect(await rules.locator('li').nth(1).innerText()).toContain(`${closeCondition}`);
      expect(await rules.locator('li').nth(1).innerText()).toContain(`${closeValidator}`);
      for (const kind of c.kinds) expect(text).toContain(kind);
      // Never the module keys.
      await expectPageShowsNoInternalValues(page, [
        'itr-close-condition',
        'itr-close-validator',
        'itr-resolve-validator',
      ]);
      await shoot(page, `setup-${c.locale}-${c.mode}-manual-rules`);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  /** A site check whose failures carry what the server keeps for its logs: module keys, HTTP statuses, Jira codes. */
  const FAILING_CHECK: SiteCheckReport = {
    checkedAt: '2026-12-07T02:10:00.000Z',
    lines: [
      {
        id: 'fields',
        outcome: 'fail',
        detail: 'fieldsMissing',
        params: { modules: 'itr-submitter, itr-line-due' },
        fields: ['itr-submitter', 'itr-line-due'],
      },
      {
        id: 'migrations',
        outcome: 'fail',
        detail: 'migrationsPending',
        params: { count: '2', first: 'v030_create_response_alert' },
      },
      {
        id: 'projectPermissions',
        outcome: 'fail',
        detail: 'jiraRefused',
        params: { code: 'JIRA_FORBIDDEN', status: '403', message: 'You do not have permission' },
        jiraRefusal: 'permission',
      },
      { id: 'license', outcome: 'fail', detail: 'checkFailed', params: { message: 'SQL is unavailable' } },
    ],
  };

  it.each([
    {
      locale: 'en_US',
      mode: 'light' as const,
      fields: 'Jira has no field for: ITR submitter and ITR line due.',
      migrations: 'waiting to be applied: 2.',
      refused: 'Jira refused the check: the app is not allowed to read this.',
    },
    {
      locale: 'zh_CN',
      mode: 'dark' as const,
      fields: 'Jira 中没有以下字段：ITR 提单人和ITR 本线到期时间。',
      migrations: '待执行的迁移：2 个。',
      refused: 'Jira 拒绝了此项检查：应用无权读取此内容。',
    },
  ])('names failing checks in words, not module keys, migration ids or Jira codes ($locale, $mode)', async (c) => {
    const { page, errors } = await open(ADMIN, c.locale, c.mode, { runSiteCheck: () => ok(FAILING_CHECK) });
    await page.getByTestId('site-check-run').click();
    await page.getByTestId('site-check-summary').waitFor();
    const row = (id: string) => page.locator(`tr[data-check="${id}"]`).innerText();
    expect(await row('fields')).toContain(c.fields);
    expect(await row('migrations')).toContain(c.migrations);
    expect(await row('projectPermissions')).toContain(c.refused);
    await expectPageShowsNoInternalValues(page, [
      'itr-submitter',
      'itr-line-due',
      'v030',
      'JIRA_FORBIDDEN',
      '403',
      'You do not have permission',
      'SQL is unavailable',
    ]);
    await shoot(page, `setup-${c.locale}-${c.mode}-site-check-failing`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a non-admin, in Simplified Chinese and dark mode', async () => {
    const { page, errors } = await open(AGENT, 'zh_CN', 'dark');
    await page.getByText('只有 Jira 管理员才能运行 ITR 配置。').waitFor();
    expect(await page.getByTestId('setup-preview').count()).toBe(0);
    await shoot(page, 'setup-zh-refused-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});
