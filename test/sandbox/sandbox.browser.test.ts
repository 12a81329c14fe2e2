/**
 * The sandbox end to end in headless Chromium: the real app (resolvers, triggers, SDKs) behind the
 * sandbox host (sandbox/server.ts), on this jest run's harness and MariaDB, with the real Custom UI
 * build in an iframe talking to the host through the injected `window.__bridge`.
 *
 * The harness resets the doubles before every test, so each test starts its own sandbox (seeding is
 * in memory and takes milliseconds). The Custom UI is built once, into a private folder, so a parallel
 * test rebuilding static/*\/build cannot pull files away mid-test. On failure a screenshot goes to
 * test-results/; the look-at-me screenshots go to .tmp/screenshots/ (both gitignored).
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) the tests are skipped, except under
 * CI=true, where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, lineBudget, lineDeadlines } from '../../src/domain';
import { DEMO_FIELD_IDS, DEMO_USERS } from '../../sandbox/demoSite';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from '../static/bridgeStub';

const repoRoot = path.resolve(__dirname, '..', '..');
const failures = path.join(repoRoot, 'test-results');
const screenshots = path.join(repoRoot, '.tmp', 'screenshots');
const PANEL = '[data-testid="forge-frame-itr-issue-panel"]';

const anna = DEMO_USERS.find((u) => u.displayName === 'Anna Schmidt');
const tom = DEMO_USERS.find((u) => u.displayName === 'Tom Baker');

if (!chromiumAvailable()) {
  if (process.env['CI'] === 'true') {
    describe('ITR sandbox in Chromium', () => {
      it('needs Chromium under CI', () => {
        throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
      });
    });
  } else {
    console.warn(`sandbox browser tests skipped: no Chromium at ${CHROMIUM_PATH}`);
  }
}
const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('ITR sandbox in Chromium', () => {
  let outDir: string;
  let browser: Browser;
  let sandbox: RunningSandbox;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'itr-sandbox-ui-'));
    const build = spawnSync(process.execPath, ['static/build.mjs', 'issue-panel', '--out', outDir], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`Custom UI build failed:\n${build.stdout}\n${build.stderr}`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(screenshots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, resourceDirs: { 'issue-panel': path.join(outDir, 'issue-panel') }, log: () => undefined });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterEach(async () => {
    await page?.close();
    await sandbox?.stop();
  });

  /** Runs a test body; on failure saves a screenshot of the page to test-results/ and rethrows. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      mkdirSync(failures, { recursive: true });
      await page.screenshot({ path: path.join(failures, `sandbox-${name}.png`), fullPage: true }).catch(() => undefined);
      throw e;
    }
  }

  const panel = () => page.frameLocator(PANEL);

  async function switchTo(testId: 'switch-user' | 'switch-lang' | 'switch-theme', value: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.selectOption(`[data-testid="${testId}"]`, value)]);
  }

  it('shows the ITR panel of an overdue issue with the due time the domain computes', async () => {
    await step('overdue', async () => {
      await page.goto(`${sandbox.url}/browse/ITR-1`);
      await panel().getByText('Overdue').waitFor();

      // ITR-1: critical at L1 (always-on calendar), as seeded; the panel's due time is the domain's.
      const entered = sandbox.harness.jira.issue('ITR-1').fields[DEMO_FIELD_IDS.lineEnteredAt];
      const budget = lineBudget(DEFAULT_GRADING_TABLE, 'critical', 'L1');
      const calendar = DEFAULT_CALENDARS.find((c) => c.id === budget.calendarId)?.calendar;
      if (calendar === undefined || typeof entered !== 'string') throw new Error('demo site changed: ITR-1 has no L1 entry time');
      const expected = lineDeadlines({ calendar, enteredAt: new Date(entered.replace(/(\d\d)(\d\d)$/, '$1:$2')), budgetMinutes: budget.minutes, warningFraction: budget.warningFraction });
      expect(await panel().locator(`time[datetime="${expected.dueAt?.toISOString()}"]`).count()).toBe(1);
      expect(await panel().locator(`time[datetime="${expected.warnAt?.toISOString()}"]`).count()).toBe(1);

      const text = await panel().locator('body').innerText();
      expect(text).toContain('Technical service');
      expect(text).toContain('L1 · First line');
      expect(text).toContain('Critical · grading table v1'); // the grading table's label for the stored id
      // The host shows the app's fields as Jira does, by their manifest names.
      expect(await page.getByTestId('field-itr-kind').innerText()).toBe('technicalService');
      expect(await page.getByTestId('field-itr-submitter').innerText()).toContain('Anna Schmidt');
      expect(await panel().locator('html').getAttribute('data-color-mode')).toBe('light');
      expect(pageErrors).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, 'sandbox-issue-en-light.png'), fullPage: true });
    });
  });

  it('follows the language and theme switches into the iframe', async () => {
    await step('lang-theme', async () => {
      await page.goto(`${sandbox.url}/browse/ITR-1`);
      await panel().getByText('Overdue').waitFor();
      await switchTo('switch-lang', 'zh-CN');
      await panel().getByText('已超时').waitFor();
      expect(await panel().locator('body').innerText()).toContain('一线 (L1)');
      await switchTo('switch-theme', 'dark');
      await panel().locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
      await panel().getByText('已超时').waitFor();
      expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
      // The panel's surface is the dark theme's token, not the light fallback.
      const background = await panel().locator('body').evaluate('(b) => getComputedStyle(b).backgroundColor');
      expect(background).not.toBe('rgb(255, 255, 255)');
      expect(pageErrors).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, 'sandbox-issue-zh-CN-dark.png'), fullPage: true });
    });
  });

  it('records the submitter through the real trigger when a user creates an issue, as another user sees it', async () => {
    if (anna === undefined || tom === undefined) throw new Error('demo users changed');
    await step('create', async () => {
      await page.goto(sandbox.url);
      await switchTo('switch-user', anna.accountId);
      await page.selectOption('#c-project', 'NET');
      await page.fill('#c-summary', 'Sandbox test: router reboots every hour');
      await page.fill('#c-description', 'Created by the browser test.');
      await Promise.all([page.waitForURL(/\/browse\/NET-\d+$/), page.click('[data-testid="create-form"] button[type="submit"]')]);
      const key = page.url().split('/').pop() ?? '';

      // The product event reached the app's issue-created trigger, which wrote its field as the app.
      expect(sandbox.harness.jira.issue(key).fields[DEMO_FIELD_IDS.submitter]).toEqual({ accountId: anna.accountId });
      expect(sandbox.harness.jira.issue(key).fields['reporter']).toEqual({ accountId: anna.accountId });

      await switchTo('switch-user', tom.accountId);
      expect(await page.getByTestId('field-itr-submitter').innerText()).toContain('Anna Schmidt');
      expect(await page.getByTestId('issue-summary').innerText()).toBe('Sandbox test: router reboots every hour');
      // Not triaged yet: the panel, loaded for Tom, says so.
      await panel().getByText('This issue is not tracked by ITR yet.').waitFor();
      const asTom = sandbox.harness.jira.calls.filter((c) => c.accountId === tom.accountId);
      expect(asTom.some((c) => c.path.startsWith(`/rest/api/3/issue/${key}`) || c.path.includes('/rest/api/3/issue/'))).toBe(true);

      // Editing the summary goes to Jira as Tom.
      await page.click('details.edit > summary');
      await page.fill('[data-testid="edit-form"] input[name="summary"]', 'Router reboots every hour (edited)');
      await Promise.all([page.waitForNavigation(), page.click('[data-testid="edit-form"] button[type="submit"]')]);
      expect(await page.getByTestId('issue-summary').innerText()).toBe('Router reboots every hour (edited)');
      expect(pageErrors).toEqual([]);
    });
  });
});
