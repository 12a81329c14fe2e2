/**
 * The case library page working for an issue (the case-library habit, issue 17) in headless Chromium,
 * against the real exported case-library handler on MariaDB and the Jira double: opened for an issue
 * (`?issue=ITR-1`) or with the issue named by the user, the page's searches are recorded for it, as the
 * panel's are; an issue the user may not see is refused and nothing is recorded. English in light mode,
 * Chinese in dark. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runMigrations } from '../../src/adapters/sql';
import { CaseLibrary } from '../../src/app/cases/caseLibrary';
import { handler as caseLibraryResolver } from '../../src/entry/caseLibraryFunctions';
import { createI18n, errorMessageKey, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { harness } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub, type ColorMode } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const AGENT = 'acc-agent';
const FUNCTIONS = ['searchCases', 'listCases', 'getCase', 'getCaseSearchIssue'];

const { jira, sql } = harness();

beforeAll(async () => {
  await runMigrations();
  await new CaseLibrary().createCase(AGENT, {
    title: 'Printer queue stalls after driver update',
    symptom: 'Jobs stay in the print queue after updating the printer driver.',
    product: 'PrintHub',
    productVersion: '',
    environment: '',
    rootCause: '',
    shortTermMeasure: '',
    longTermMeasure: '',
    language: '',
    tags: [],
    status: 'published',
  });
});
beforeEach(async () => {
  await sql.raw('DELETE FROM case_search_record');
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedProject({ key: 'ITR', browsers: [AGENT] });
  jira.seedProject({ key: 'HR', browsers: [] });
  jira.seedIssue({ key: 'ITR-1', summary: 'Printer prints nothing', status: 'Open' });
  jira.seedIssue({ key: 'HR-1', summary: 'Salary question', status: 'Open' });
});

const recorded = () =>
  sql.raw<Array<{ issue_id: string | number; query_text: string; account_id: string }>>(
    'SELECT issue_id, query_text, account_id FROM case_search_record ORDER BY id',
  );

describeWithBrowser('case library page working for an issue in Chromium', () => {
  const app = builtApp('case-library', { screenshots: true });

  async function open(locale: string, colorMode: ColorMode, route = '/') {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId: AGENT, moduleKey: 'itr-home' },
      colorMode,
      route,
      resolvers: realResolvers(caseLibraryResolver, FUNCTIONS, { accountId: AGENT }),
    });
    await page.goto(app.url);
    const { t } = createI18n(locale, 'Asia/Shanghai');
    const tr = (key: MessageKey, params?: MessageParams) => t(key, params);
    return { page, errors, tr };
  }

  async function search(page: Page, label: string, text: string) {
    const box = page.getByRole('searchbox', { name: label });
    await box.fill(text);
    await box.press('Enter');
  }

  const itr1Id = () => jira.issue('ITR-1').id;

  it('en, light: opened for an issue, its searches are recorded for it; an issue the user cannot see records nothing', async () => {
    const { page, errors, tr } = await open('en_US', 'light', '/case-library?issue=ITR-1');
    const box = page.getByTestId('search-issue');
    await box
      .getByText(tr('cases.forIssue.recording', { issueKey: 'ITR-1', summary: 'Printer prints nothing' }))
      .waitFor();
    await box.getByText(tr('cases.forIssue.none')).waitFor();

    await search(page, tr('cases.search.label'), 'printer stalls');
    await box.getByText(tr('cases.forIssue.before')).waitFor();
    expect(await recorded()).toEqual([{ issue_id: Number(itr1Id()), query_text: 'printer stalls', account_id: AGENT }]);
    await page.screenshot({ path: path.join(screenshots, 'case-library-for-issue-en-light.png'), fullPage: true });

    // Stopped, then an issue of a project the user may not browse: refused, and the next search is not recorded.
    await box.getByRole('button', { name: tr('cases.forIssue.stop') }).click();
    await page.getByLabel(tr('cases.forIssue.label')).fill('HR-1');
    await page.getByRole('button', { name: tr('cases.forIssue.use') }).click();
    await page
      .getByTestId('search-issue-problem')
      .getByText(tr(errorMessageKey('ISSUE_NOT_FOUND'), { issueKey: 'HR-1' }))
      .waitFor();
    await search(page, tr('cases.search.label'), 'salary');
    await page.getByText(tr('cases.empty')).waitFor();
    expect((await recorded()).map((r) => r.query_text)).toEqual(['printer stalls']);
    // A typed text that is no issue key is answered on the page.
    await page.getByLabel(tr('cases.forIssue.label')).fill('printer');
    await page.getByRole('button', { name: tr('cases.forIssue.use') }).click();
    await page.getByTestId('search-issue-problem').getByText(tr('cases.forIssue.invalidKey')).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zh-CN, dark: the user names the issue they work on; the search is recorded for it', async () => {
    const { page, errors, tr } = await open('zh_CN', 'dark');
    await page.getByTestId('case-row').first().waitFor();
    await page.getByLabel(tr('cases.forIssue.label')).fill('itr-1');
    await page.getByLabel(tr('cases.forIssue.label')).press('Enter');
    const box = page.getByTestId('search-issue');
    await box
      .getByText(tr('cases.forIssue.recording', { issueKey: 'ITR-1', summary: 'Printer prints nothing' }))
      .waitFor();
    await search(page, tr('cases.search.label'), '打印机');
    await box.getByText(tr('cases.forIssue.before')).waitFor();
    expect(await recorded()).toEqual([{ issue_id: Number(itr1Id()), query_text: '打印机', account_id: AGENT }]);
    await page.screenshot({ path: path.join(screenshots, 'case-library-for-issue-zh-CN-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
