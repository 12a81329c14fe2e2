/**
 * The setup admin page in headless Chromium. The stand-in Forge host (bridgeStub.ts) routes each
 * `invoke` to the real exported `setupResolver` under the platform harness (KVS and Jira doubles).
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { setupResolver } from '../../src/index';
import { harness } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const FUNCTIONS = ['listSetupProjects', 'previewSetup', 'runSetup', 'resumeSetup', 'getSetupStatus'];

const { jira } = harness();
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  defineItrFields(jira);
  jira.seedProject({ key: 'ITR', id: '10100', name: 'ITR desk' });
  const team = jira.seedProject({ key: 'TEAM', id: '10102', name: 'Team space' });
  jira.model.site.teamManaged.add(team.id);
});

describeWithBrowser('setup admin page in Chromium', () => {
  const app = builtApp('setup', { screenshots: true });

  async function open(accountId: string, locale: string, colorMode: 'light' | 'dark' = 'light') {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 1100 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = realResolvers(setupResolver, FUNCTIONS, { accountId });
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

  it('previews the steps, runs with progress and shows the report (keyboard only)', async () => {
    const { page, errors } = await open(ADMIN, 'en_US');
    const itr = page.getByLabel('ITR desk (ITR)');
    await itr.waitFor();
    await itr.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('setup-preview').focus();
    await page.keyboard.press('Enter');
    const table = page.getByTestId('setup-steps');
    await table.waitFor();
    expect(await table.locator('[data-step="workflow"]').innerText()).toContain('Will create');
    expect(await table.locator('[data-step="workflowRules"]').innerText()).toContain('Will create'); // the closure rules, with this site's config
    expect(jira.model.site.workflows).toHaveLength(0); // preview wrote nothing
    await shoot(page, 'setup-en-preview');

    jira.latencyMs = 30; // slow enough for the progress bar to show
    await page.getByTestId('setup-run').click();
    await page.getByTestId('setup-progress').waitFor();
    const report = page.getByTestId('setup-report');
    await report.waitFor({ timeout: 20_000 });
    expect(await report.innerText()).toContain('Setup finished.');
    expect(await report.locator('[data-step="workflow"]').innerText()).toContain('Created');
    // The closure rules came with the workflow (this site's config): nothing is left to do by hand.
    expect(await report.locator('[data-step="workflowRules"]').innerText()).toContain('Found');
    expect(await page.getByTestId('setup-manual').count()).toBe(0);
    const close = jira.model.site.workflows[0]?.transitions.find((t) => t.name === 'Close');
    expect(close?.validators.map((v) => v.ruleKey)).toContain('forge:expression-validator');
    expect(jira.model.site.workflows).toHaveLength(1);
    await shoot(page, 'setup-en-report');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses a non-admin, in Simplified Chinese and dark mode', async () => {
    const { page, errors } = await open(AGENT, 'zh_CN', 'dark');
    await page.getByText('只有 Jira 管理员才能运行 ITR 配置。').waitFor();
    expect(await page.getByTestId('setup-preview').count()).toBe(0);
    await shoot(page, 'setup-zh-refused-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});
