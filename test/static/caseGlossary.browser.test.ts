/**
 * The admin page's "Case library" subpage (the product glossary of cross-language case search) in
 * headless Chromium, every `invoke` routed to the real grading admin resolver (KVS double, Jira double).
 * English/light: rows added and saved with the keyboard only; a wrong row refuses the save and is
 * marked; a bad CSV file is refused whole with its rows listed and nothing saved; a good one replaces
 * the glossary; export downloads what was imported. Simplified Chinese/dark: a refused file in Chinese.
 * Screenshots go to .tmp/screenshots/. Skipped without Chromium.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { gradingAdminResolver } from '../../src/index';
import { handlers } from '../../src/entry/grading-admin-resolver';
import { forgetGlossaryCache, GLOSSARY_KEY } from '../../src/app/cases/caseGlossary';
import { runMigrations } from '../../src/adapters/sql';
import { createI18n } from '../../static/shared/i18n';
import { harness } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const FUNCTIONS = Object.keys(handlers());
const { jira, kvs } = harness();
const stored = () => (kvs.peek(`config:${GLOSSARY_KEY}`) as { value?: unknown } | undefined)?.value;

beforeAll(async () => {
  await runMigrations();
});
beforeEach(() => {
  kvs.reset();
  forgetGlossaryCache();
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
});

describeWithBrowser('Case library subpage (glossary) in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  async function open(locale: string, colorMode: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 1000 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId: ADMIN, moduleKey: 'itr-grading-admin' },
      colorMode,
      resolvers: realResolvers(gradingAdminResolver, FUNCTIONS, { accountId: ADMIN }),
      route: '/case-library',
    });
    await page.goto(app.url);
    await page.getByTestId('case-glossary').waitFor();
    return { page, errors };
  }
  const file = (text: string) => ({ name: 'glossary.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

  it('en, light: keyboard editing, a refused save, a refused and a good import, export', async () => {
    const { t } = createI18n('en_US', 'UTC');
    const { page, errors } = await open('en_US', 'light');
    await page.getByTestId('case-glossary-empty').waitFor();

    // Keyboard only: focus "Add a row", Enter, then type into the new row's two fields.
    await page.getByTestId('case-glossary-add').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(t('caseGlossary.enRow', { row: 1 })).waitFor();
    await page.getByLabel(t('caseGlossary.enRow', { row: 1 })).focus();
    await page.keyboard.type('Falcon POS');
    await page.keyboard.press('Tab');
    await page.keyboard.type('猎鹰收银');
    await page.getByTestId('case-glossary-add').click();
    await page.getByLabel(t('caseGlossary.enRow', { row: 2 })).fill('till');
    await page.getByLabel(t('caseGlossary.zhRow', { row: 2 })).fill('till');
    await page.getByTestId('case-glossary-save').click();
    const problems = page.getByTestId('case-glossary-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allInnerTexts()).toEqual([
      'Row 2: The Chinese column has no Chinese character.',
    ]);
    expect(await page.getByLabel(t('caseGlossary.zhRow', { row: 2 })).getAttribute('aria-invalid')).toBe('true');
    expect(stored()).toBeUndefined();
    await shoot(page, 'case-glossary-en-refused');

    await page.getByLabel(t('caseGlossary.zhRow', { row: 2 })).fill('收银机');
    await page.getByTestId('case-glossary-save').click();
    await page.getByTestId('case-glossary-notice').waitFor();
    expect(await page.getByTestId('case-glossary-notice').innerText()).toBe(t('caseGlossary.saved'));
    expect(stored()).toEqual([
      { en: 'Falcon POS', zh: '猎鹰收银' },
      { en: 'till', zh: '收银机' },
    ]);

    await page.getByLabel(t('caseGlossary.import.choose')).setInputFiles(file('en,zh\nstock\ntimesheet,工时\n'));
    await problems.waitFor();
    await problems.locator('li').first().waitFor();
    expect(await problems.locator('li').allInnerTexts()).toEqual([
      'Row 2: This row does not have exactly two columns.',
    ]);
    expect(stored()).toHaveLength(2);

    await page
      .getByLabel(t('caseGlossary.import.choose'))
      .setInputFiles(file('en,zh\nWarehouse Helper,仓储助手\ntimesheet,工时\nstock,库存\n'));
    await page.getByTestId('case-glossary-notice').waitFor();
    expect(await page.getByTestId('case-glossary-notice').innerText()).toBe(t('caseGlossary.imported', { count: 3 }));
    expect(await page.getByTestId('case-glossary-rows').locator('tbody tr').count()).toBe(3);
    expect(await page.getByLabel(t('caseGlossary.enRow', { row: 1 })).inputValue()).toBe('Warehouse Helper');

    const download = page.waitForEvent('download');
    await page.getByTestId('case-glossary-export').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('itr-glossary.csv');
    const text = await (async () => {
      const stream = await saved.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    })();
    expect(text.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'en,zh',
      'Warehouse Helper,仓储助手',
      'timesheet,工时',
      'stock,库存',
      '',
    ]);
    await shoot(page, 'case-glossary-en-imported');
    await expectPageShowsNoAccountIds(page, [ADMIN]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zh-CN, dark: a refused file in Chinese, nothing saved', async () => {
    const { t } = createI18n('zh_CN', 'UTC');
    const { page, errors } = await open('zh_CN', 'dark');
    expect(await page.getByText(t('caseGlossary.title')).count()).toBe(1);
    await page.getByLabel(t('caseGlossary.import.choose')).setInputFiles(file('english,chinese\nprinter,打印机\n'));
    const problems = page.getByTestId('case-glossary-problems');
    await problems.locator('li').first().waitFor();
    expect(await problems.locator('li').allInnerTexts()).toEqual(['第 1 行：第一行必须是表头 en,zh。']);
    expect(await problems.getByRole('alert').innerText()).toContain('词表中有 1 行有误，未保存任何内容。');
    expect(stored()).toBeUndefined();
    await shoot(page, 'case-glossary-zh-dark-refused');
    expect(errors).toEqual([]);
    await page.close();
  });
});
