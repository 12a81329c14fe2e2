/**
 * The grading table admin page in headless Chromium. The stand-in Forge host (bridgeStub.ts) routes each
 * `invoke` to the real exported resolver under the platform harness, so the page talks to the real use
 * cases, KVS double and Jira double (which answers `mypermissions` for the chosen caller).
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { gradingAdminResolver } from '../../src/index';
import { harness } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const FUNCTIONS = [
  'getGradingAdmin',
  'previewGrade',
  'validateGradingDraft',
  'saveGradingTable',
  'listGradingVersions',
  'restoreGradingVersion',
  'exportGradingConfig',
  'importGradingConfig',
  'saveCalendars',
];

const { jira } = harness();
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
});

describeWithBrowser('grading table admin page in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  async function open(accountId: string, locale: string, colorMode: 'light' | 'dark' = 'light') {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = realResolvers(gradingAdminResolver, FUNCTIONS, { accountId });
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-grading-admin' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  const cell = (page: Page, p: string) => page.locator(`[data-path="${p}"]`);

  it('shows a validation message at the edited cell and keeps Publish disabled', async () => {
    const { page, errors } = await open(ADMIN, 'en_US');
    const score = cell(page, 'dimensions[0].options[1].score');
    await score.waitFor();
    await score.fill('2.5');
    const message = score.locator('xpath=..').getByText('A score must be a whole number.');
    await message.waitFor();
    expect(await score.getAttribute('aria-invalid')).toBe('true');
    // Only that cell carries the message.
    expect(await page.getByText('A score must be a whole number.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish as new version' }).isDisabled()).toBe(true);
    await shoot(page, 'grading-admin-en-invalid-cell');

    await score.fill('7');
    await message.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publish as new version' }).click();
    await page.getByText('Version 2 in force').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is read-only for a user who is not a Jira administrator', async () => {
    const { page, errors } = await open(AGENT, 'en_US');
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByTestId('read-only-notice').innerText()).toContain(
      'Only Jira administrators can change the grading table',
    );
    expect(await cell(page, 'dimensions[0].weight').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Publish as new version' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add dimension' }).count()).toBe(0);
    // Preview still works for them.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page
      .getByTestId('preview-result')
      .getByText(/Grade: /)
      .waitFor();
    expect(errors).toEqual([]);
    await shoot(page, 'grading-admin-en-read-only');
    await page.close();
  });

  it('speaks Simplified Chinese, in dark mode, with keyboard tabs', async () => {
    const { page, errors } = await open(ADMIN, 'zh_CN', 'dark');
    await page.getByRole('tab', { name: '分级维度' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('当前生效版本 1');
    await page.getByRole('tab', { name: '分级维度' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('分级规则');
    await page.getByRole('tab', { name: '工作日历' }).click();
    await page.getByRole('button', { name: '添加日历' }).waitFor();
    await page.getByRole('tab', { name: '历史版本' }).click();
    await page.getByText('应用自带').waitFor();
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    expect(errors).toEqual([]);
    await shoot(page, 'grading-admin-zh-CN-dark');
    await page.close();
  });

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
