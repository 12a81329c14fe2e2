/**
 * The case library page in headless Chromium, against the real `src/entry/caseLibraryFunctions.ts` (exported
 * handler) on MariaDB and the Jira double, through the stand-in Forge host (bridgeStub.ts).
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runMigrations } from '../../src/adapters/sql';
import { CaseLibrary } from '../../src/app/cases/caseLibrary';
import type { CaseContent } from '../../src/contract/cases';
import { handler as caseLibraryResolver } from '../../src/entry/caseLibraryFunctions';
import { harness } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const AGENT = 'acc-agent';
const FUNCTIONS = [
  'searchCases',
  'listCases',
  'getCase',
  'saveCase',
  'retireCase',
  'suggestCases',
  'createCaseFromIssue',
  'markCaseHelpful',
  'markCaseNotRelevant',
];

const { jira } = harness();

function content(title: string, symptom: string, extra: Partial<CaseContent> = {}): CaseContent {
  return {
    title,
    symptom,
    product: '',
    productVersion: '',
    environment: '',
    rootCause: '',
    shortTermMeasure: '',
    longTermMeasure: '',
    language: '',
    tags: [],
    status: 'published',
    ...extra,
  };
}

// The SQL database lives for the whole file: the cases are created once.
beforeAll(async () => {
  await runMigrations();
  const lib = new CaseLibrary();
  await lib.createCase(
    AGENT,
    content(
      'Printer queue stalls after driver update',
      'Jobs stay in the print queue after updating the printer driver to 5.2.',
      { product: 'PrintHub', tags: ['printer'] },
    ),
  );
  await lib.createCase(
    AGENT,
    content('网络打印机连接失败', '升级固件后打印机无法连接网络，打印任务一直排队。', {
      product: 'PrintHub',
      tags: ['printer'],
    }),
  );
  await lib.createCase(
    AGENT,
    content('VPN drops every hour', 'The VPN client disconnects every 60 minutes.', { product: 'NetGate' }),
  );
});
beforeEach(() => {
  // A case editor (the triage group): editing a published case and retiring need the role.
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na', groups: ['itr-triage'] });
});

describeWithBrowser('case library page in Chromium', () => {
  const app = builtApp('case-library', { screenshots: true });

  async function open(locale: string, colorMode: 'light' | 'dark' = 'light') {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = realResolvers(caseLibraryResolver, FUNCTIONS, { accountId: AGENT });
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId: AGENT, moduleKey: 'itr-case-library' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  async function search(page: Page, label: string, text: string) {
    const box = page.getByRole('searchbox', { name: label });
    await box.fill(text);
    await box.press('Enter');
  }

  it('finds an English and a Chinese case with the matched words highlighted', async () => {
    const { page, errors } = await open('en_US');
    await page.getByTestId('case-row').first().waitFor();
    await search(page, 'Search cases', 'printer queue');
    const english = page.getByTestId('case-row').filter({ hasText: 'Printer queue stalls' });
    // The row is already listed before the search answers: wait for this search's marks.
    await english.locator('mark').first().waitFor();
    expect(await english.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['Printer', 'queue']));
    expect(await page.getByTestId('case-row').filter({ hasText: 'VPN' }).count()).toBe(0);

    await search(page, 'Search cases', '打印机连接');
    const chinese = page.getByTestId('case-row').filter({ hasText: '网络打印机连接失败' });
    // It also matched "printer" (its tag) before: wait for this search's marks.
    await chinese.locator('mark').first().waitFor();
    expect((await chinese.locator('mark').allInnerTexts()).join('')).toContain('打印机');
    expect(errors).toEqual([]);
    await shoot(page, 'case-library-en-search');
    await page.close();
  });

  it('edits a case into a new version, then retiring it hides it from search', async () => {
    const { page, errors } = await open('en_US');
    await search(page, 'Search cases', 'VPN drops');
    await page.getByTestId('case-row').filter({ hasText: 'VPN drops every hour' }).click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Root cause').fill('Idle timeout of 3600 s on the gateway');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('notice').getByText('Saved as version 2.').waitFor();
    await page.getByText('Idle timeout of 3600 s on the gateway').waitFor();
    expect(await page.getByTestId('case-versions').locator('li').count()).toBe(2);

    // Retire: asks first; Cancel keeps it, Yes retires it.
    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Yes, retire');
    await page.keyboard.press('Enter');
    await page.getByTestId('notice').getByText('Case retired.').waitFor();
    await search(page, 'Search cases', 'VPN drops');
    await page.getByText('No case matches.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a case by hand', async () => {
    const { page, errors } = await open('en_US');
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Scanner shows error E42');
    await page.getByLabel('Symptom').fill('The scanner stops with E42 after warm-up.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('case-detail').getByRole('heading', { name: 'Scanner shows error E42' }).waitFor();
    expect(await page.getByTestId('notice').innerText()).toMatch(/Case \d+ created\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Simplified Chinese in dark mode', async () => {
    const { page, errors } = await open('zh_CN', 'dark');
    await page.getByRole('heading', { name: '案例库' }).waitFor();
    await page.getByRole('button', { name: '新建案例' }).waitFor();
    await search(page, '搜索案例', '打印机');
    await page.getByTestId('case-row').filter({ hasText: '网络打印机连接失败' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('已发布');
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    expect(errors).toEqual([]);
    await shoot(page, 'case-library-zh-CN-dark');
    await page.close();
  });

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
