/**
 * The admin page's Customers subpage in headless Chromium, every `invoke` routed to the real grading
 * admin resolver and the import's queue events delivered inline to the real `customerImportConsumer`
 * (MariaDB, Jira double). English/light: a malformed CSV shows every problem by row and column and
 * nothing is imported; a good one is previewed, imported after confirmation with its progress, listed,
 * found by serial, and one customer erased after confirmation. Simplified Chinese/dark: the same
 * problems and the erasure in Chinese. Screenshots go to .tmp/screenshots/. Skipped without Chromium.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { customerImportConsumer, gradingAdminResolver } from '../../src/index';
import { handlers } from '../../src/entry/grading-admin-resolver';
import { CUSTOMER_IMPORT_QUEUE } from '../../src/app/customers';
import { execute, query, runMigrations } from '../../src/adapters/sql';
import { createI18n } from '../../static/shared/i18n';
import { harness } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const FUNCTIONS = Object.keys(handlers());
const HEADER = 'customer_id,name,tier,region,product,serial,warranty_end,compliant,contact_name,contact_email';
const GOOD = [
  HEADER,
  'C-1,Acme Bank,strategic,East,Kiosk K4,SN-1,2027-06-30,yes,Li Wei,li.wei@acme.example',
  'C-1,Acme Bank,strategic,East,Router R2,SN-2,2025-01-31,no,Li Wei,li.wei@acme.example',
  'C-2,北方电力,standard,North,Kiosk K4,SN-3,2026-12-31,是,,',
].join('\n');
const BAD = [
  HEADER,
  'C-3,New Co,standard,West,Kiosk,SN-7,2027-02-30,yes,,',
  'C-4,,standard,West,Kiosk,SN-8,2027-01-01,perhaps,,',
].join('\n');

const { jira, queue } = harness();

beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  for (const t of ['customer', 'customer_product', 'customer_import', 'customer_import_chunk', 'audit_log'])
    await execute(`DELETE FROM ${t}`);
  queue.registerConsumer(CUSTOMER_IMPORT_QUEUE, customerImportConsumer);
  queue.deliveryMode = 'immediate';
});

const customerCount = async (): Promise<number> =>
  (await query('SELECT COUNT(*) AS n FROM customer', [], (r) => Number(r['n'])))[0] ?? -1;

describeWithBrowser('Customers subpage in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  async function open(locale: string, colorMode: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 1100 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId: ADMIN, moduleKey: 'itr-grading-admin' },
      colorMode,
      resolvers: realResolvers(gradingAdminResolver, FUNCTIONS, { accountId: ADMIN }),
      route: '/customers',
    });
    await page.goto(app.url);
    await page.getByTestId('customers-page').waitFor();
    return { page, errors };
  }

  const file = (text: string) => ({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

  it('en, light: problems by row, a confirmed import with progress, search by serial, erase after confirmation', async () => {
    const { t } = createI18n('en_US', 'UTC');
    const { page, errors } = await open('en_US', 'light');
    await page.getByTestId('customers-empty').waitFor();

    await page.getByLabel(t('customers.import.choose')).setInputFiles(file(BAD));
    const problems = page.getByTestId('customer-import-problems');
    await problems.waitFor();
    expect(await problems.getByRole('alert').innerText()).toBe(t('customers.import.refused', { count: 3 }));
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['2', 'Warranty end', 'Not a date: write YYYY-MM-DD.'],
      ['3', 'Name', 'Required.'],
      ['3', 'Compliant', 'Write yes or no.'],
    ]);
    expect(await page.getByTestId('customer-import-commit').count()).toBe(0);
    expect(await customerCount()).toBe(0);
    await shoot(page, 'customers-en-problems');

    await page.getByLabel(t('customers.import.choose')).setInputFiles(file(GOOD));
    const preview = page.getByTestId('customer-import-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(
      '3 rows, 2 customers: 2 new customers, 3 new products, 0 changed products.',
    );
    await page.getByTestId('customer-import-commit').click();
    const dialog = page.getByRole('dialog', { name: t('customers.import.confirmTitle') });
    await dialog.waitFor();
    expect(await customerCount()).toBe(0);
    await dialog.getByRole('button', { name: t('customers.import.commit') }).click();
    const done = page.getByTestId('customer-import-done');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.innerText()).toBe('Imported 3 rows for 2 customers.');
    const table = page.getByTestId('customers-table');
    await table.waitFor();
    expect(await table.locator('caption').innerText()).toBe('2 customers');
    expect(await table.locator('tbody tr').count()).toBe(2);

    await page.getByTestId('customers-search').fill('SN-3');
    await table.locator('caption', { hasText: '1 customer' }).waitFor();
    expect(await table.locator('tbody tr').innerText()).toContain('北方电力');
    await page.getByTestId('customers-search').fill('');
    await table.locator('caption', { hasText: '2 customers' }).waitFor();
    await shoot(page, 'customers-en-list');

    await page.getByTestId('customer-erase-C-1').click();
    const erase = page.getByRole('dialog', { name: 'Erase all data of Acme Bank?' });
    await erase.waitFor();
    expect(await erase.innerText()).toContain('This cannot be undone.');
    await erase.getByRole('button', { name: 'Erase' }).click();
    const erased = page.getByTestId('customer-erased');
    await erased.waitFor();
    expect(await erased.innerText()).toBe(
      'Erased customer C-1: 2 products, 0 issue links, 0 overrides, 0 return-visit texts.',
    );
    await table.locator('caption', { hasText: '1 customer' }).waitFor();
    expect(await query('SELECT id FROM customer', [], (r) => String(r['id']))).toEqual(['C-2']);
    await expectPageShowsNoAccountIds(page, [ADMIN]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zh-CN, dark: the problems and the erasure in Chinese', async () => {
    const { t } = createI18n('zh_CN', 'UTC');
    const { page, errors } = await open('zh_CN', 'dark');
    await page.getByLabel(t('customers.import.choose')).setInputFiles(file(BAD));
    const problems = page.getByTestId('customer-import-problems');
    await problems.waitFor();
    expect(await problems.getByRole('alert').innerText()).toBe(
      '文件有 3 处错误；未导入任何内容。请修正后重新选择文件。',
    );
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['2', '保修截止日', '不是日期：请写成 年-月-日，如 2027-06-30。'],
      ['3', '名称', '必填。'],
      ['3', '合规', '请填写 是 或 否。'],
    ]);
    await shoot(page, 'customers-zh-problems-dark');

    await page.getByLabel(t('customers.import.choose')).setInputFiles(file(GOOD));
    await page.getByTestId('customer-import-commit').click();
    await page.getByRole('dialog', { name: '导入这些客户？' }).getByRole('button', { name: '导入' }).click();
    await page.getByTestId('customer-import-done').waitFor({ timeout: 20_000 });
    await page.getByTestId('customer-erase-C-2').click();
    const erase = page.getByRole('dialog', { name: '删除 北方电力 的全部数据？' });
    await erase.waitFor();
    await erase.getByRole('button', { name: '删除' }).click();
    const erased = page.getByTestId('customer-erased');
    await erased.waitFor();
    expect(await erased.innerText()).toBe('已删除客户 C-2：1 个产品、0 个事务关联、0 条人工修改、0 条回访客户原话。');
    await shoot(page, 'customers-zh-erased-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});
