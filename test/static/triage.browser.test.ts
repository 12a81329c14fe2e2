/**
 * The triage page in headless Chromium, against the real triage resolver (bridgeStub.ts routes each
 * `invoke` to the exported `triageResolver` under the platform harness: Jira double, KVS, MariaDB).
 * The triage role comes from the Jira double's group membership of the caller, never from the page.
 * Each behaviour of issue 16 runs in English and Simplified Chinese, light and dark: the two panes
 * (queue left, the issue as reported and its form right; stacked when narrow), the listbox keyboard,
 * the live grade and deadline preview, no classification until chosen, the design system's controls
 * (a disabled one looks disabled). axe-core audits each page at the states that matter and on close.
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { handler as triageResolver } from '../../src/entry/triageFunctions';
import { handler as peopleResolver } from '../../src/entry/peopleResolver';
import { itrHomeResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { ConfigStore } from '../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../src/app/config/itrConfig';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE } from '../../src/domain';
import { harness } from '../../platform-doubles';
import { createI18n } from '../../static/shared/i18n';
import { defineItrFields } from '../fixtures/itrFields';
import { chooseItrProjects, ITR_TYPE } from '../fixtures/itrScope';
import { auditPage, formatFindings } from './axe';
import { chromiumAvailable, installBridgeStub, type ResolverStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { chooseOption } from './designSelect';
import { pick } from './peoplePicker';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const TRIAGER = 'acc-triager';
const AGENT = 'acc-agent';
const OWNER = 'acc-owner';
const SUBMITTER = 'acc-submitter';
const ZONE = 'Asia/Shanghai';
const WRITE = 'POST /rest/api/3/app/field/value';
const FUNCTIONS = [
  'getTriageOptions',
  'listTriage',
  'triageIssue',
  'reassignIssue',
  'acceptIssue',
  'getClassificationHistory',
  'getTriageIssue',
  'previewTriage',
];
/** Answers of the shipped grading table that give "critical" (30 min response, 6 h on L1, 24×7). */
const OUTAGE: Record<string, string> = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
/** The same answers by their labels in the shipped table, as the triage user picks them. */
const outageLabels = (language: 'en' | 'zh-CN'): Record<string, string> =>
  Object.fromEntries(
    Object.entries(OUTAGE).map(([dim, option]) => {
      const label = DEFAULT_GRADING_TABLE.dimensions.find((d) => d.id === dim)?.options.find((o) => o.id === option)
        ?.label[language];
      if (label === undefined) throw new Error(`the shipped table changed: no ${dim}=${option}`);
      return [dim, label];
    }),
  );
const OUTAGE_LABELS = { en: outageLabels('en'), zh: outageLabels('zh-CN') };
const ROUTER_DESCRIPTION = 'It reboots every hour.\nSince the firmware update.';
// Markup in a description is text to show, never to interpret.
const MARKUP = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';

const { jira, sql } = harness();
let ids: ReturnType<typeof defineItrFields>;
let created: Record<string, number>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedUser({ accountId: OWNER, displayName: 'Wang Owner' });
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Anna Submitter' });
  ids = defineItrFields(jira);
  // Triage lists ITR issue types in the projects the admin chose.
  await chooseItrProjects(['ITR']);
  const now = Date.now();
  created = { 'ITR-1': now - 5 * 3600_000, 'ITR-2': now - 3 * 3600_000, 'ITR-3': now - 1 * 3600_000 };
  const doc = (text: string) => ({
    type: 'doc',
    version: 1,
    content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  });
  jira.seedIssue({
    key: 'ITR-1',
    issueType: ITR_TYPE,
    summary: 'Router reboots every hour',
    created: new Date(created['ITR-1'] as number),
    reporter: AGENT,
    fields: { description: doc(ROUTER_DESCRIPTION), [ids.submitter]: { accountId: SUBMITTER } },
  });
  jira.seedIssue({
    key: 'ITR-2',
    issueType: ITR_TYPE,
    summary: 'Wants a training session',
    created: new Date(created['ITR-2'] as number),
    reporter: AGENT,
    fields: { description: doc(MARKUP) },
  });
  jira.seedIssue({
    key: 'ITR-3',
    issueType: ITR_TYPE,
    summary: 'Invoice wrong',
    created: new Date(created['ITR-3'] as number),
  });
});

describeWithBrowser('triage page in Chromium', () => {
  const app = builtApp('triage', { screenshots: true });

  async function open(
    accountId: string,
    locale: string,
    colorMode: 'light' | 'dark' = 'light',
    options: { width?: number; wrap?: Record<string, (real: ResolverStub) => ResolverStub> } = {},
  ) {
    const page = await app.browser.newPage({
      viewport: { width: options.width ?? 1100, height: 900 },
      colorScheme: colorMode,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The page's resolver (itr-home) routes `searchPeople` to the people resolver.
    const resolvers: Record<string, ResolverStub> = {
      ...realResolvers(triageResolver, FUNCTIONS, { accountId }),
      ...realResolvers(peopleResolver, ['searchPeople'], { accountId }),
      // The issue's customer and product (IssueCustomer.tsx) is read when an issue opens.
      ...realResolvers(itrHomeResolver, ['getIssueCustomer', 'searchCustomerProducts'], { accountId }),
    };
    for (const [key, wrap] of Object.entries(options.wrap ?? {})) {
      const real = resolvers[key];
      if (real !== undefined) resolvers[key] = wrap(real);
    }
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: ZONE, issueKey: null, accountId, moduleKey: 'itr-triage' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  const field = (page: Page, p: string) => page.locator(`[data-path="${p}"]`);
  /** The input of a design-system select (react-select's combobox). */
  const selectInput = (page: Page, p: string) => field(page, p).locator('input');
  const triageRows = (page: Page) => page.getByTestId('triage-list').locator('[data-testid^="triage-row-"]');
  const invoked = (calls: Array<{ name: string; payload: unknown }>, key: string) =>
    calls.filter((c) => c.name === 'invoke' && (c.payload as { functionKey: string }).functionKey === key);

  const choose = (page: Page, p: string, label: string) => chooseOption(page, p, label);

  async function answer(page: Page, labels: Record<string, string>) {
    for (const [dim, label] of Object.entries(labels)) await choose(page, `answers.${dim}`, label);
  }

  async function expectAccessible(page: Page) {
    const findings = await auditPage(page);
    if (findings.length > 0) throw new Error(formatFindings(findings));
  }

  /** The element's box, for where the panes are. */
  async function box(locator: Locator) {
    const b = await locator.boundingBox();
    if (b === null) throw new Error('not rendered');
    return b;
  }

  /**
   * Whether `button` is painted with the design system's disabled colours (read from the page's own
   * tokens): [background, text] of the button, and of the disabled tokens.
   */
  async function disabledLook(page: Page, button: Locator): Promise<{ button: string[]; disabled: string[] }> {
    const [bg, fg] = await button.evaluate((el: unknown) => {
      const style = (
        globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; color: string } }
      ).getComputedStyle(el);
      return [style.backgroundColor, style.color];
    });
    const expected = await page.evaluate(`(() => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'var(--ds-background-disabled)';
      probe.style.color = 'var(--ds-text-disabled)';
      document.body.append(probe);
      const s = getComputedStyle(probe);
      const out = [s.backgroundColor, s.color];
      probe.remove();
      return out;
    })()`);
    return { button: [bg, fg], disabled: expected as string[] };
  }
  const looksDisabled = async (page: Page, button: Locator) => {
    const look = await disabledLook(page, button);
    return JSON.stringify(look.button) === JSON.stringify(look.disabled);
  };
  /** The disabled look, once the button's colour transition has run (a few hundred ms at most). */
  async function settledDisabledLook(page: Page, button: Locator) {
    let look = await disabledLook(page, button);
    for (let i = 0; i < 20 && JSON.stringify(look.button) !== JSON.stringify(look.disabled); i++) {
      await page.waitForTimeout(100);
      look = await disabledLook(page, button);
    }
    return look;
  }

  it('en, light: two panes; the queue is a listbox the keyboard walks; the issue as reported beside it; a live preview; the save writes what it showed', async () => {
    const { page, calls, errors } = await open(TRIAGER, 'en_US');
    const en = createI18n('en_US', ZONE);
    await page.getByTestId('triage-row-ITR-1').waitFor();
    expect(
      await triageRows(page).evaluateAll((els: Array<{ getAttribute(name: string): string | null }>) =>
        els.map((e) => e.getAttribute('data-testid')),
      ),
    ).toEqual(['triage-row-ITR-1', 'triage-row-ITR-2', 'triage-row-ITR-3']);
    expect(await page.getByRole('listbox', { name: 'To triage (3)' }).count()).toBe(1);
    await page.getByTestId('triage-select-hint').waitFor();

    // Keyboard: one tab stop in the list; arrows move the selection and the pane follows it.
    await page.getByTestId('triage-row-ITR-1').focus();
    await page.keyboard.press('ArrowDown');
    const row2 = page.getByTestId('triage-row-ITR-2');
    expect(await row2.getAttribute('aria-selected')).toBe('true');
    expect(
      await row2.evaluate(
        (el: unknown) => el === (globalThis as { document?: { activeElement: unknown } }).document?.activeElement,
      ),
    ).toBe(true);
    await page.getByTestId('triage-detail').getByText('Triage ITR-2').waitFor();
    // ITR-2's description is shown as text: its markup is not interpreted.
    await page.getByTestId('triage-brief-description').getByText(MARKUP).waitFor();
    expect(await page.getByTestId('triage-brief-description').locator('img, b').count()).toBe(0);
    expect(await page.evaluate('window.__pwned === undefined')).toBe(true);
    await page.keyboard.press('End');
    expect(await page.getByTestId('triage-row-ITR-3').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await page.getByTestId('triage-row-ITR-1').getAttribute('aria-selected')).toBe('true');
    expect(await row2.getAttribute('tabindex')).toBe('-1');

    // Enter opens it: the keyboard goes to the issue's pane, next to its form.
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'Triage ITR-1' });
    await heading.waitFor();
    expect(
      await heading.evaluate(
        (el: unknown) => el === (globalThis as { document?: { activeElement: unknown } }).document?.activeElement,
      ),
    ).toBe(true);

    // Two panes side by side: the form's top is level with the queue's, not under it.
    const queue = await box(page.getByTestId('triage-queue'));
    const detail = await box(page.getByTestId('triage-detail'));
    expect(detail.x).toBeGreaterThanOrEqual(queue.x + queue.width);
    expect(Math.abs(detail.y - queue.y)).toBeLessThan(60);
    const kindTop = (await box(selectInput(page, 'kind'))).y;
    expect(kindTop).toBeLessThan(900); // within the first screen

    // The issue as reported: the submitter by name, the time in the user's zone, the description.
    const submitted = await page.getByTestId('triage-brief-submitted').innerText();
    expect(submitted).toContain('Submitted by Anna Submitter on');
    const createdIso = new Date(Math.floor((created['ITR-1'] as number) / 1000) * 1000).toISOString();
    expect(submitted).toContain(en.formatDateTime(createdIso) ?? 'no date');
    expect(await page.getByTestId('triage-brief-description').innerText()).toBe(
      'It reboots every hour.\n\nSince the firmware update.',
    );

    // Tab leads from the heading into the form, its first field the kind (a design-system select).
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement.getAttribute('role')")).toBe('combobox');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter'); // first kind: technical service
    expect(await field(page, 'kind').innerText()).toContain('Technical service');
    expect(await page.getByTestId('triage-detail').locator('select').count()).toBe(0);

    // No classification is chosen for the user; the rule only suggests.
    const radios = page.locator('input[name="chosen-ITR-1"]');
    expect(await radios.count()).toBe(3);
    expect(await radios.evaluateAll((els: Array<{ checked?: boolean }>) => els.some((e) => e.checked === true))).toBe(
      false,
    );
    expect(await page.getByTestId('triage-suggestion').innerText()).toContain('Requirement');
    await field(page, 'classification.facts.expectedByUserHabitOrIndustryNorm').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('triage-suggestion').innerText()).toContain('The rule suggests: Problem');
    await page.getByLabel('Follow the rule (Problem)').check();

    // The preview waits for every answer, then shows the grade and deadlines the save will write.
    const preview = page.getByTestId('triage-preview');
    const { sensitivity: last = '', ...firstFour } = OUTAGE_LABELS.en;
    await answer(page, firstFour);
    expect(await preview.innerText()).toContain('(4 of 5 answered)');
    expect(invoked(calls, 'previewTriage')).toHaveLength(0);
    await choose(page, 'answers.sensitivity', last);
    await page.getByTestId('triage-preview-grade').getByText('Critical').waitFor();
    const responseDue = new Date(Math.floor((created['ITR-1'] as number) / 1000) * 1000 + 30 * 60_000).toISOString();
    expect(await page.getByTestId('triage-preview-response').innerText()).toContain(
      `Response due ${en.formatDateTime(responseDue) ?? 'no date'}`,
    );
    const lineText = await page.getByTestId('triage-preview-line').innerText();
    expect(lineText).toMatch(/^L1 · First line due .+ \(in 6 hours\)$/);
    expect(await preview.innerText()).toContain("The line's clock starts when you save.");
    await expectAccessible(page);

    // Another line: asked again, for that line.
    await choose(page, 'line', 'L2 · Second line');
    await page
      .getByTestId('triage-preview-line')
      .getByText(/^L2 · Second line due/)
      .waitFor();
    await choose(page, 'line', 'L1 · First line');
    await page
      .getByTestId('triage-preview-line')
      .getByText(/^L1 · First line due/)
      .waitFor();

    // The owner is picked by name among people assignable in the issue's project.
    await pick(page, field(page, 'ownerAccountId'), 'Wang', 'Wang Owner');
    await page.getByTestId('person-ownerAccountId-chips').getByText('Wang Owner').waitFor();
    await shoot(page, 'triage-en-light-two-panes');
    await field(page, 'ownerAccountId').press('Enter'); // the picker's list is closed: submits the form
    const notice = page.getByTestId('triage-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('ITR-1 triaged: Problem, grade Critical, L1');

    // The save wrote the grade and the response deadline the preview showed.
    const f = jira.issue('ITR-1').fields;
    expect(f[ids.kind]).toBe('technicalService');
    expect(f[ids.classification]).toBe('problem');
    expect(f[ids.grade]).toBe('critical');
    expect(Date.parse(String(f[ids.responseDueAt]))).toBe(Date.parse(responseDue));
    expect(f[ids.line]).toBe('L1');
    expect(f[ids.owner]).toEqual({ accountId: OWNER });
    expect(f[ids.acceptance]).toBe('awaiting');

    // It left the "to triage" list (it now awaits the owner's answer), with its history.
    await page.getByTestId('triage-list').getByTestId('triage-row-ITR-1').waitFor({ state: 'detached' });
    const awaitingRow = page.getByTestId('awaiting-list').getByTestId('triage-row-ITR-1');
    await awaitingRow.click();
    const history = page.getByTestId('triage-history');
    await history.getByText('Classification: (none) → Problem').waitFor();
    expect(await history.innerText()).toContain('Zhao Triage');
    expect(await awaitingRow.innerText()).toContain('Owner: Wang Owner');
    await expectPageShowsNoAccountIds(page, [TRIAGER, AGENT, OWNER, SUBMITTER]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('en, light: refuses a save with no classification chosen (nothing sent), then shows the server’s problems at their fields; the save button looks disabled while saving', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page, calls, errors } = await open(TRIAGER, 'en_US', 'light', {
      wrap: { triageIssue: (real) => async (payload) => (await held, real(payload)) },
    });
    await page.getByTestId('triage-row-ITR-2').click();
    await choose(page, 'kind', 'Non-technical service');
    const { scope: _left, ...withoutScope } = OUTAGE_LABELS.en;
    await answer(page, withoutScope);
    await field(page, 'product').fill('Router X1');
    const save = page.getByTestId('triage-save');
    expect(await looksDisabled(page, save)).toBe(false);

    // Nothing chosen: refused by the page at the classification, nothing sent, focus on its first choice.
    await save.click();
    const chosen = field(page, 'classification.chosen');
    await chosen.getByText('Choose a classification: follow the rule, problem or requirement.').waitFor();
    expect(await chosen.getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('triage-problems').innerText()).toContain('1 problem(s)');
    expect(invoked(calls, 'triageIssue')).toHaveLength(0);
    expect(await page.evaluate("document.activeElement.getAttribute('name')")).toBe('chosen-ITR-2');
    await expectAccessible(page);
    await shoot(page, 'triage-en-light-unchosen');

    await page.getByLabel('Requirement', { exact: true }).check(); // with no facts the rule also says requirement
    // Chosen: the page's refusal is gone.
    await page.getByTestId('triage-problems').waitFor({ state: 'detached' });
    expect(await chosen.getAttribute('data-invalid')).toBeNull();
    await field(page, 'classification.facts.failsWithinSpecification').check(); // now the rule says problem
    await save.click();
    // While the save is under way the button is disabled and looks it.
    await save.getByText('Saving…').waitFor();
    expect(await save.isDisabled()).toBe(true);
    const look = await settledDisabledLook(page, save);
    expect(look.button).toEqual(look.disabled);
    release();

    const scope = field(page, 'answers.scope');
    await scope.locator('xpath=..').getByText('Pick an answer.').waitFor();
    expect(await selectInput(page, 'answers.scope').getAttribute('aria-invalid')).toBe('true');
    const justification = field(page, 'classification.justification');
    await justification.locator('xpath=../..').getByText('Choosing against the rule needs a justification.').waitFor();
    expect(await page.getByTestId('triage-problems').innerText()).toContain('2 problem(s)');
    // Focus went to the first field to fix; nothing typed was lost.
    expect(await page.evaluate("document.activeElement.getAttribute('data-path')")).toBe(
      'classification.justification',
    );
    expect(await field(page, 'product').inputValue()).toBe('Router X1');
    expect(await field(page, 'answers.businessImpact').innerText()).toContain(OUTAGE_LABELS.en['businessImpact']);
    expect(await field(page, 'kind').innerText()).toContain('Non-technical service');
    expect(jira.requestCount(WRITE)).toBe(0);
    expect(jira.issue('ITR-2').fields[ids.kind] ?? null).toBeNull();
    await expectAccessible(page);
    await shoot(page, 'triage-en-field-errors');

    // Fixing both saves it.
    await justification.fill('Contract excludes on-site training');
    await choose(page, 'answers.scope', OUTAGE_LABELS.en['scope'] ?? '');
    await save.click();
    await page
      .getByTestId('triage-notice')
      .getByText(/ITR-2 triaged: Requirement/)
      .waitFor();
    expect(jira.issue('ITR-2').fields[ids.classification]).toBe('requirement');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('en, dark: refuses a user without the triage role', async () => {
    const { page, errors } = await open(AGENT, 'en_US', 'dark');
    await page.getByTestId('triage-refused').waitFor();
    expect(await page.getByTestId('triage-refused').innerText()).toContain('Only the triage role');
    expect(await page.getByTestId('triage-row-ITR-1').count()).toBe(0);
    expect(errors).toEqual([]);
    await shoot(page, 'triage-en-refused');
    await page.close();
  });

  it('en, dark and zh-CN, light: a narrow frame stacks the panes, the issue under the queue', async () => {
    for (const [locale, mode, title] of [
      ['en_US', 'dark', 'Triage ITR-3'],
      ['zh_CN', 'light', '分诊 ITR-3'],
    ] as const) {
      const { page, errors } = await open(TRIAGER, locale, mode, { width: 600 });
      await page.getByTestId('triage-row-ITR-3').click();
      await page.getByRole('heading', { name: title }).waitFor();
      const queue = await box(page.getByTestId('triage-queue'));
      const detail = await box(page.getByTestId('triage-detail'));
      expect(detail.y).toBeGreaterThanOrEqual(queue.y + queue.height);
      expect(detail.width).toBeGreaterThan(500);
      // No description: said so in the user's language; no submitter recorded: named as unknown, not by id.
      const brief = await page.getByTestId('triage-brief').innerText();
      expect(brief).toContain(locale === 'en_US' ? 'The submitter wrote no description.' : '提单人未填写描述。');
      expect(brief).toContain(createI18n(locale, ZONE).t('people.unknownUser'));
      await expectAccessible(page);
      await shoot(page, `triage-${locale}-${mode}-narrow`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it.each([
    [
      'en',
      'light',
      'Follow the rule (Requirement)',
      'Problem',
      'Critical',
      'The requirement times of the grading table apply.',
      'Response due',
    ],
    ['zh_CN', 'dark', '按规则（需求）', '问题', '紧急', '适用分级表中的需求时限。', '响应截止时间'],
  ] as const)(
    '%s, %s: a requirement previews the requirement times of its grade, a problem the problem times',
    async (locale, mode, followRule, problem, critical, ruleText, dueText) => {
      // The table gives critical requirements four hours to answer (problems: 30 minutes).
      const sla = DEFAULT_GRADING_TABLE.sla['critical']!;
      await new ConfigStore().set(
        CONFIG_KEYS.gradingTable,
        { ...DEFAULT_GRADING_TABLE, requirementTimes: { sla: { critical: { ...sla, responseMinutes: 240 } } } },
        gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)),
      );
      const { page, errors } = await open(TRIAGER, locale, mode);
      const i18n = createI18n(locale, ZONE);
      await page.getByTestId('triage-row-ITR-1').click();
      await page.getByLabel(followRule).check();
      await answer(page, locale === 'en' ? OUTAGE_LABELS.en : OUTAGE_LABELS.zh);
      await page.getByTestId('triage-preview-grade').getByText(critical).waitFor();
      const createdMs = Math.floor((created['ITR-1'] as number) / 1000) * 1000;
      const due = (minutes: number) =>
        `${dueText} ${i18n.formatDateTime(new Date(createdMs + minutes * 60_000).toISOString()) ?? 'no date'}`;
      await page.getByTestId('triage-preview-time-rule').getByText(ruleText).waitFor();
      expect(await page.getByTestId('triage-preview-response').innerText()).toContain(due(240));
      // Against the rule, a problem: the preview follows, on the problem times.
      await page.getByLabel(problem, { exact: true }).check();
      await page.getByTestId('triage-preview-time-rule').waitFor({ state: 'detached' });
      await page.getByTestId('triage-preview-response').getByText(due(30)).waitFor();
      await expectAccessible(page);
      expect(errors).toEqual([]);
    },
  );

  it('zh-CN, dark: two panes, the issue as reported, the preview and the unchosen classification in Chinese; the disabled save looks disabled', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page, calls, errors } = await open(TRIAGER, 'zh_CN', 'dark', {
      wrap: { triageIssue: (real) => async (payload) => (await held, real(payload)) },
    });
    const zh = createI18n('zh_CN', ZONE);
    await page.getByText('待分诊（3）').waitFor();
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    await page.getByTestId('triage-row-ITR-1').click();
    await page.getByRole('heading', { name: '分诊 ITR-1' }).waitFor();
    const queue = await box(page.getByTestId('triage-queue'));
    const detail = await box(page.getByTestId('triage-detail'));
    expect(detail.x).toBeGreaterThanOrEqual(queue.x + queue.width);
    const submitted = await page.getByTestId('triage-brief-submitted').innerText();
    const createdIso = new Date(Math.floor((created['ITR-1'] as number) / 1000) * 1000).toISOString();
    expect(submitted).toContain(`提单人 Anna Submitter，提交于 ${zh.formatDateTime(createdIso) ?? 'no date'}`);
    expect(await page.locator('body').innerText()).toContain('规则建议：需求');

    // The grading options are in Chinese, and nothing is chosen for the user.
    await selectInput(page, 'answers.businessImpact').focus();
    await selectInput(page, 'answers.businessImpact').press('ArrowDown');
    const optionTexts = await field(page, 'answers.businessImpact').getByRole('option').allInnerTexts();
    expect(optionTexts.length).toBeGreaterThan(1);
    expect(optionTexts.every((o) => /[\u4e00-\u9fff]/.test(o))).toBe(true);
    await selectInput(page, 'answers.businessImpact').press('Escape');
    expect(await field(page, 'answers.businessImpact').innerText()).toContain('选择答案…');

    await page.getByRole('button', { name: '保存分诊' }).click();
    await field(page, 'classification.chosen').getByText('请选择分类：按规则、问题或需求。').waitFor();
    expect(invoked(calls, 'triageIssue')).toHaveLength(0);
    await expectAccessible(page);

    // The preview, in Chinese, once every question is answered.
    await page.getByLabel('按规则（需求）').check();
    await choose(page, 'kind', '技术服务');
    await answer(page, OUTAGE_LABELS.zh);
    await page.getByTestId('triage-preview-grade').getByText('紧急').waitFor();
    const responseDue = new Date(Math.floor((created['ITR-1'] as number) / 1000) * 1000 + 30 * 60_000).toISOString();
    expect(await page.getByTestId('triage-preview-response').innerText()).toContain(
      `响应截止时间 ${zh.formatDateTime(responseDue) ?? 'no date'}`,
    );
    expect(await page.getByTestId('triage-preview-line').innerText()).toMatch(/^一线 \(L1\)截止时间 /);
    expect(await page.getByTestId('triage-preview').innerText()).toContain('保存时开始该支持线的计时。');
    await expectAccessible(page);
    await shoot(page, 'triage-zh-CN-dark');

    const save = page.getByTestId('triage-save');
    expect(await looksDisabled(page, save)).toBe(false);
    await save.click();
    await save.getByText('正在保存…').waitFor();
    const look = await settledDisabledLook(page, save);
    expect(look.button).toEqual(look.disabled);
    release();
    await page
      .getByTestId('triage-notice')
      .getByText(/ITR-1 已分诊：需求，等级 紧急/)
      .waitFor();
    expect(jira.issue('ITR-1').fields[ids.grade]).toBe('critical');
    expect(errors).toEqual([]);
    await page.close();
  });

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
