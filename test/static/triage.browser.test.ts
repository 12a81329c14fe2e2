/**
 * The triage page in headless Chromium, against the real triage resolver (bridgeStub.ts routes each
 * `invoke` to the exported `triageResolver` under the platform harness: Jira double, KVS, MariaDB).
 * The triage role comes from the Jira double's group membership of the caller, never from the page.
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { handler as triageResolver } from '../../src/entry/triageFunctions';
import { handler as peopleResolver } from '../../src/entry/peopleResolver';
import { runMigrations } from '../../src/adapters/sql';
import { harness } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { chooseItrProjects, ITR_TYPE } from '../fixtures/itrScope';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { pick } from './peoplePicker';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const TRIAGER = 'acc-triager';
const AGENT = 'acc-agent';
const OWNER = 'acc-owner';
const WRITE = 'POST /rest/api/3/app/field/value';
const FUNCTIONS = [
  'getTriageOptions',
  'listTriage',
  'triageIssue',
  'reassignIssue',
  'acceptIssue',
  'getClassificationHistory',
];
/** Answers of the shipped grading table that give "critical". */
const OUTAGE: Record<string, string> = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};

const { jira, sql } = harness();
let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedUser({ accountId: OWNER, displayName: 'Wang Owner' });
  ids = defineItrFields(jira);
  // Triage lists ITR issue types in the projects the admin chose.
  await chooseItrProjects(['ITR']);
  const now = Date.now();
  jira.seedIssue({
    key: 'ITR-1',
    issueType: ITR_TYPE,
    summary: 'Router reboots every hour',
    created: new Date(now - 5 * 3600_000),
  });
  jira.seedIssue({
    key: 'ITR-2',
    issueType: ITR_TYPE,
    summary: 'Wants a training session',
    created: new Date(now - 3 * 3600_000),
  });
  jira.seedIssue({
    key: 'ITR-3',
    issueType: ITR_TYPE,
    summary: 'Invoice wrong',
    created: new Date(now - 1 * 3600_000),
  });
});

describeWithBrowser('triage page in Chromium', () => {
  const app = builtApp('triage', { screenshots: true });

  async function open(accountId: string, locale: string, colorMode: 'light' | 'dark' = 'light') {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The page's resolver (itr-home) routes `searchPeople` to the people resolver.
    const resolvers = {
      ...realResolvers(triageResolver, FUNCTIONS, { accountId }),
      ...realResolvers(peopleResolver, ['searchPeople'], { accountId }),
    };
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-triage' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  const field = (page: Page, p: string) => page.locator(`[data-path="${p}"]`);
  const triageRows = (page: Page) => page.getByTestId('triage-list').locator('[data-testid^="triage-row-"]');

  async function answer(page: Page, answers: Record<string, string>) {
    for (const [dim, option] of Object.entries(answers)) await field(page, `answers.${dim}`).selectOption(option);
  }

  it('lists oldest first; the triage user triages by keyboard and the issue leaves the list with its fields written', async () => {
    const { page, errors } = await open(TRIAGER, 'en_US');
    await page.getByTestId('triage-row-ITR-1').waitFor();
    expect(
      await triageRows(page).evaluateAll((els: Array<{ getAttribute(name: string): string | null }>) =>
        els.map((e) => e.getAttribute('data-testid')),
      ),
    ).toEqual(['triage-row-ITR-1', 'triage-row-ITR-2', 'triage-row-ITR-3']);

    // Keyboard: focus the first row and open it with Enter.
    await page.getByTestId('triage-row-ITR-1').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Triage ITR-1').waitFor();
    await field(page, 'kind').focus();
    await page.keyboard.press('ArrowDown'); // first kind: technical service
    expect(await field(page, 'kind').inputValue()).toBe('technicalService');

    // The special case: outside the spec but expected by users' habits → the rule suggests "problem".
    expect(await page.getByTestId('triage-suggestion').innerText()).toContain('Requirement');
    await field(page, 'classification.facts.expectedByUserHabitOrIndustryNorm').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('triage-suggestion').innerText()).toContain('The rule suggests: Problem');

    await answer(page, OUTAGE);
    // The owner is picked by name among people assignable in the issue's project.
    await pick(page, field(page, 'ownerAccountId'), 'Wang', 'Wang Owner');
    await page.getByTestId('person-ownerAccountId-chips').getByText('Wang Owner').waitFor();
    await shoot(page, 'triage-en-form');
    await field(page, 'ownerAccountId').press('Enter'); // the picker's list is closed: submits the form
    const notice = page.getByTestId('triage-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('ITR-1 triaged: Problem, grade Critical, L1');

    // It left the "to triage" list (it now awaits the owner's answer).
    await page.getByTestId('triage-list').getByTestId('triage-row-ITR-1').waitFor({ state: 'detached' });
    await page.getByTestId('awaiting-list').getByTestId('triage-row-ITR-1').waitFor();
    const f = jira.issue('ITR-1').fields;
    expect(f[ids.kind]).toBe('technicalService');
    expect(f[ids.classification]).toBe('problem');
    expect(f[ids.grade]).toBe('critical');
    expect(f[ids.line]).toBe('L1');
    expect(f[ids.owner]).toEqual({ accountId: OWNER });
    expect(f[ids.acceptance]).toBe('awaiting');

    // Its classification history: who, when, old → new.
    await page.getByTestId('awaiting-list').getByTestId('triage-row-ITR-1').click();
    const history = page.getByTestId('triage-history');
    await history.getByText('Classification: (none) → Problem').waitFor();
    expect(await history.innerText()).toContain('Zhao Triage');
    // The list names the owner; no account id anywhere on the page.
    expect(await page.getByTestId('awaiting-list').getByTestId('triage-row-ITR-1').innerText()).toContain(
      'Owner: Wang Owner',
    );
    await expectPageShowsNoAccountIds(page, [TRIAGER, AGENT, OWNER]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a missing answer and a missing justification at their fields, keeps the input and writes nothing', async () => {
    const { page, errors } = await open(TRIAGER, 'en_US');
    await page.getByTestId('triage-row-ITR-2').click();
    await field(page, 'kind').selectOption('nonTechnicalService');
    await page.getByLabel('Requirement', { exact: true }).check(); // with no facts the rule also says requirement
    await field(page, 'classification.facts.failsWithinSpecification').check(); // now the rule says problem
    const { scope: _left, ...withoutScope } = OUTAGE;
    await answer(page, withoutScope);
    await field(page, 'product').fill('Router X1');
    await page.getByRole('button', { name: 'Save triage' }).click();

    const scope = field(page, 'answers.scope');
    await scope.locator('xpath=..').getByText('Pick an answer.').waitFor();
    expect(await scope.getAttribute('aria-invalid')).toBe('true');
    const justification = field(page, 'classification.justification');
    await justification.locator('xpath=..').getByText('Choosing against the rule needs a justification.').waitFor();
    expect(await page.getByTestId('triage-problems').innerText()).toContain('2 problem(s)');
    // Focus went to the first field to fix; nothing typed was lost.
    expect(await page.evaluate("document.activeElement.getAttribute('data-path')")).toBe(
      'classification.justification',
    );
    expect(await field(page, 'product').inputValue()).toBe('Router X1');
    expect(await field(page, 'answers.businessImpact').inputValue()).toBe('outage');
    expect(await field(page, 'kind').inputValue()).toBe('nonTechnicalService');
    expect(jira.requestCount(WRITE)).toBe(0);
    expect(jira.issue('ITR-2').fields[ids.kind] ?? null).toBeNull();
    await shoot(page, 'triage-en-field-errors');

    // Fixing both saves it.
    await justification.fill('Contract excludes on-site training');
    await scope.selectOption('large');
    await page.getByRole('button', { name: 'Save triage' }).click();
    await page
      .getByTestId('triage-notice')
      .getByText(/ITR-2 triaged: Requirement/)
      .waitFor();
    expect(jira.issue('ITR-2').fields[ids.classification]).toBe('requirement');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a user without the triage role', async () => {
    const { page, errors } = await open(AGENT, 'en_US');
    await page.getByTestId('triage-refused').waitFor();
    expect(await page.getByTestId('triage-refused').innerText()).toContain('Only the triage role');
    expect(await page.getByTestId('triage-row-ITR-1').count()).toBe(0);
    expect(errors).toEqual([]);
    await shoot(page, 'triage-en-refused');
    await page.close();
  });

  it('speaks Simplified Chinese in dark mode, with the grading options in Chinese', async () => {
    const { page, errors } = await open(TRIAGER, 'zh_CN', 'dark');
    await page.getByText('待分诊（3）').waitFor();
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    await page.getByTestId('triage-row-ITR-1').click();
    await page.getByText('分诊 ITR-1').waitFor();
    expect(await page.locator('body').innerText()).toContain('规则建议：需求');
    const optionTexts = await field(page, 'answers.businessImpact').locator('option').allInnerTexts();
    expect(optionTexts[0]).toBe('选择答案…');
    expect(optionTexts.slice(1).every((o) => /[\u4e00-\u9fff]/.test(o))).toBe(true);
    await page.getByRole('button', { name: '保存分诊' }).click();
    await page.getByText('请选择四种 ITR 类型之一。').waitFor();
    expect(errors).toEqual([]);
    await shoot(page, 'triage-zh-CN-dark');
    await page.close();
  });

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
