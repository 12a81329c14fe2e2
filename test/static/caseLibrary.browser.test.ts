/**
 * The case library page in headless Chromium, against the real `src/entry/caseLibraryFunctions.ts` (exported
 * handler) on MariaDB and the Jira double, through the stand-in Forge host (bridgeStub.ts). Every
 * behaviour runs in English and Simplified Chinese, in light and dark mode; axe-core (colour contrast
 * included) audits each page a test opens. Screenshots go to .tmp/screenshots/. Skipped when no
 * Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { runMigrations } from '../../src/adapters/sql';
import { CaseLibrary } from '../../src/app/cases/caseLibrary';
import type { CaseContent } from '../../src/contract/cases';
import { handler as caseLibraryResolver } from '../../src/entry/caseLibraryFunctions';
import { createI18n, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { harness } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub, type ColorMode } from './bridgeStub';
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
/** Published cases besides the three below, so the list has two pages (PAGE_SIZE 20). */
const BADGE_CASES = 23;
const PUBLISHED = 4 + BADGE_CASES;
/** The case each language's edit-and-retire test edits, then retires. */
const RETIRED_BY: Readonly<Record<string, string>> = { en_US: 'VPN drops every hour', zh_CN: '扫描仪一次进两张纸' };

const { jira, sql } = harness();

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
      { product: 'PrintHub', tags: ['printer'], rootCause: 'The new driver stalls the spooler on duplex jobs.' },
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
  await lib.createCase(
    AGENT,
    content('扫描仪一次进两张纸', '扫描仪进纸时经常一次进两张。', { product: 'ScanDesk', language: 'zh-CN' }),
  );
  await lib.createCase(
    AGENT,
    content('Toner smears on duplex pages', 'Pages come out smeared.', { status: 'draft', product: 'PrintHub' }),
  );
  for (let n = 1; n <= BADGE_CASES; n++) {
    await lib.createCase(
      AGENT,
      content(`Badge reader timeout ${n}`, 'The door badge reader times out.', { product: 'DoorGate' }),
    );
  }
  // How often a case helped, as the issue panel's "This case helped" counts it: once and twice.
  await sql.raw('UPDATE itr_case SET helpful_count = 1 WHERE title = ?', ['Printer queue stalls after driver update']);
  await sql.raw('UPDATE itr_case SET helpful_count = 2 WHERE title = ?', ['网络打印机连接失败']);
});
beforeEach(() => {
  // A case editor (the triage group): editing a published case and retiring need the role.
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na', groups: ['itr-triage'] });
});

const BOTH: ReadonlyArray<readonly [string, ColorMode]> = [
  ['en_US', 'light'],
  ['zh_CN', 'dark'],
];
const CROSSED: ReadonlyArray<readonly [string, ColorMode]> = [
  ['en_US', 'dark'],
  ['zh_CN', 'light'],
];

describeWithBrowser('case library page in Chromium', () => {
  const app = builtApp('case-library', { screenshots: true });

  async function open(locale: string, colorMode: ColorMode = 'light') {
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
    const { t } = createI18n(locale, 'Asia/Shanghai');
    const tr = (key: MessageKey, params?: MessageParams) => t(key, params);
    return { page, calls, errors, tr };
  }

  async function search(page: Page, label: string, text: string) {
    const box = page.getByRole('searchbox', { name: label });
    await box.fill(text);
    await box.press('Enter');
  }

  /** Chooses `option` in the design system's select labelled `label`, from the keyboard. */
  async function choose(page: Page, label: string, option: string) {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  const marks = (where: Locator) => where.locator('mark').allInnerTexts();

  it.each(BOTH)(
    '%s, %s: search marks whole words in the list and the opened case, and lists them as the case writes them',
    async (locale, colorMode) => {
      const { page, errors, tr } = await open(locale, colorMode);
      await page.getByTestId('case-row').first().waitFor();
      // "stalled printers": the index matches the stems stall / printer; the reader sees the case's own words.
      await search(page, tr('cases.search.label'), 'stalled printers');
      const english = page.getByTestId('case-row').filter({ hasText: 'Printer queue stalls' });
      await english.locator('mark').first().waitFor();
      expect(await marks(english)).toEqual(expect.arrayContaining(['Printer', 'stalls']));
      expect(await english.getByTestId('case-matched').innerText()).toBe(
        tr('cases.matched', { terms: 'Printer, stalls' }),
      );
      expect(await page.getByTestId('case-row').filter({ hasText: 'VPN' }).count()).toBe(0);

      // Opened from the search, the case marks the same words in its other fields (root cause: "stalls").
      await english.click();
      const detail = page.getByTestId('case-detail');
      await detail.waitFor();
      expect(await detail.getByTestId('case-detail-matched').innerText()).toBe(
        tr('cases.matched', { terms: 'Printer, stalls' }),
      );
      const detailMarks = await marks(detail);
      expect(detailMarks).toEqual(expect.arrayContaining(['Printer', 'stalls', 'printer']));
      // Whole words only: never a stem cut out of a word.
      for (const m of detailMarks) expect(['printer', 'stalls']).toContain(m.toLowerCase());
      await page.getByRole('button', { name: tr('cases.back') }).click();

      // Chinese: the marked runs are the case's own words, each listed once, no bigram fragment.
      await search(page, tr('cases.search.label'), '打印机连接');
      const chinese = page.getByTestId('case-row').filter({ hasText: '网络打印机连接失败' });
      // It also matched "printer" (its tag) before: wait for this search's words.
      await chinese.getByTestId('case-matched').filter({ hasText: '打印机' }).waitFor();
      const words = (await chinese.getByTestId('case-matched').innerText())
        .replace(tr('cases.matched', { terms: '' }), '')
        .split(', ');
      expect(words.join('')).toContain('打印机');
      for (const w of words) expect(await marks(chinese)).toContain(w);
      expect(errors).toEqual([]);
      await shoot(page, `case-library-search-${locale}-${colorMode}`);
      await page.close();
    },
  );

  it.each(BOTH)(
    '%s, %s: "helped" counts in the language\'s plural, status lozenges, filters as selects',
    async (locale, colorMode) => {
      const { page, errors, tr } = await open(locale, colorMode);
      const row = (title: string) => page.getByTestId('case-row').filter({ hasText: title });
      // The product filter narrows the list to the two printer cases.
      await page.getByLabel(tr('cases.filter.product'), { exact: true }).fill('PrintHub');
      await page.getByText(tr('cases.count', { count: 2 })).waitFor();
      const once = await row('Printer queue stalls').innerText();
      const twice = await row('网络打印机连接失败').innerText();
      expect(once).toContain(tr('cases.helpfulCount', { count: 1 }));
      expect(twice).toContain(tr('cases.helpfulCount', { count: 2 }));
      if (locale === 'en_US') {
        expect(once).toContain('Helped 1 time');
        expect(once).not.toContain('1 times');
        expect(twice).toContain('Helped 2 times');
      } else {
        // Chinese has no plural: one template for every count.
        expect(once).toContain('已帮助 1 次');
        expect(twice).toContain('已帮助 2 次');
      }
      expect(once).toContain(tr('cases.status.published'));

      // The status filter is a select: drafts only.
      await choose(page, tr('cases.filter.status'), tr('cases.status.draft'));
      await row('Toner smears').waitFor();
      await row('Printer queue stalls').waitFor({ state: 'detached' });
      expect(await row('Toner smears').innerText()).toContain(tr('cases.status.draft'));
      expect(errors).toEqual([]);
      await shoot(page, `case-library-drafts-${locale}-${colorMode}`);
      await page.close();
    },
  );

  it.each(CROSSED)(
    '%s, %s: pages of 20; Previous and Next are disabled at the ends and look it',
    async (locale, colorMode) => {
      const { page, errors, tr } = await open(locale, colorMode);
      const count = page.getByTestId('case-count');
      await count.waitFor();
      expect(await count.innerText()).toBe(tr('cases.range', { from: 1, to: 20, count: PUBLISHED }));
      expect(await page.getByTestId('case-row').count()).toBe(20);
      const previous = page.getByRole('button', { name: tr('cases.previousPage') });
      const next = page.getByRole('button', { name: tr('cases.nextPage') });
      expect(await previous.isDisabled()).toBe(true);
      expect(await next.isDisabled()).toBe(false);
      // Disabled looks disabled: not the colours of the enabled button beside it.
      expect(await looks(previous)).not.toEqual(await looks(next));
      await next.click();
      await page.getByText(tr('cases.range', { from: 21, to: PUBLISHED, count: PUBLISHED })).waitFor();
      expect(await page.getByTestId('case-row').count()).toBe(PUBLISHED - 20);
      expect(await next.isDisabled()).toBe(true);
      expect(await previous.isDisabled()).toBe(false);
      expect(errors).toEqual([]);
      await shoot(page, `case-library-page-2-${locale}-${colorMode}`);
      await page.close();
    },
  );

  it.each(BOTH)(
    '%s, %s: edits a case into a new version; retiring asks in place, Escape keeps it, Yes retires it',
    async (locale, colorMode) => {
      const { page, errors, tr } = await open(locale, colorMode);
      const title = RETIRED_BY[locale] ?? '';
      await search(page, tr('cases.search.label'), title);
      await page.getByTestId('case-row').filter({ hasText: title }).click();
      await page.getByTestId('case-detail').waitFor();
      await page.getByRole('button', { name: tr('cases.edit') }).click();
      await page.getByLabel(tr('cases.field.rootCause')).fill('Idle timeout of 3600 s on the gateway');
      await page.getByRole('button', { name: tr('cases.save') }).click();
      await page
        .getByTestId('notice')
        .getByText(tr('cases.saved', { revision: 2 }))
        .waitFor();
      await page.getByText('Idle timeout of 3600 s on the gateway').waitFor();
      expect(await page.getByTestId('case-versions').locator('li').count()).toBe(2);

      // Retire: asks first, naming the case; Escape keeps it and gives the focus back to Retire.
      const retire = page.getByRole('button', { name: tr('cases.retire'), exact: true });
      await retire.click();
      const dialog = page.getByRole('alertdialog', { name: tr('cases.retireTitle', { title }) });
      await dialog.waitFor();
      expect(await page.evaluate('document.activeElement.textContent')).toBe(tr('cases.retireYes'));
      await shoot(page, `case-library-retire-${locale}-${colorMode}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate('document.activeElement.textContent')).toBe(tr('cases.retire'));
      await retire.click();
      await dialog.waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('notice').getByText(tr('cases.retired')).waitFor();
      await search(page, tr('cases.search.label'), title);
      await page.getByText(tr('cases.empty')).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.each(CROSSED)(
    '%s, %s: creates a case by hand; Save is disabled until there is a title, and looks it',
    async (locale, colorMode) => {
      const { page, errors, tr } = await open(locale, colorMode);
      const title = `Scanner shows error E42 (${locale})`;
      await page.getByRole('button', { name: tr('cases.new') }).click();
      const save = page.getByRole('button', { name: tr('cases.save') });
      const cancel = page.getByRole('button', { name: tr('cases.cancel') });
      expect(await save.isDisabled()).toBe(true);
      const disabledLook = await looks(save);
      expect(disabledLook).not.toEqual(await looks(cancel));
      await page.getByLabel(tr('cases.field.title')).fill(title);
      expect(await save.isDisabled()).toBe(false);
      expect(await looks(save)).not.toEqual(disabledLook);
      await page.getByLabel(tr('cases.field.symptom')).fill('The scanner stops with E42 after warm-up.');
      await choose(page, tr('cases.field.language'), tr('cases.language.en'));
      await save.click();
      await page.getByTestId('case-detail').getByRole('heading', { name: title }).waitFor();
      // Named by its title, never by its internal number.
      expect(await page.getByTestId('notice').innerText()).toBe(tr('cases.created', { title }));
      expect(await page.getByTestId('case-detail').innerText()).toContain(tr('cases.status.draft'));
      expect(errors).toEqual([]);
      await page.close();
    },
  );

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

  /** What a button looks like: its text and background colours. */
  async function looks(button: Locator): Promise<[string, string]> {
    // Runs in the page; the tests compile without DOM types, so the page's global is described here.
    return button.evaluate((el): [string, string] => {
      const page = globalThis as unknown as {
        getComputedStyle: (e: unknown) => { color: string; backgroundColor: string };
      };
      const style = page.getComputedStyle(el);
      return [style.color, style.backgroundColor];
    });
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
