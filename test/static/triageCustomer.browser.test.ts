/**
 * The triage page picks the issue's customer and product instance (issue 17), in headless Chromium
 * against the real resolvers (bridgeStub.ts routes each `invoke` to the exported `triageResolver` and
 * `itrHomeResolver` under the platform harness: Jira double, KVS, MariaDB). Customers are seeded in the
 * SQL tables as the contract tests do. Search by serial finds the product; picking it fills customer,
 * product, serial, tier, region, warranty (at the issue's creation, in the site zone) and compliance on
 * the page and in the backend's record; a recorded override is shown. Picking fills the triage form's
 * warranty, product, region and customer-tier answers; the agent may change them, and a changed one
 * needs a reason and is recorded as an override (who, when, from, to, why) when the form is saved.
 * English in light, Chinese in dark. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { itrHomeResolver } from '../../src/index';
import { handler as triageResolver } from '../../src/entry/triageFunctions';
import { execute, runMigrations } from '../../src/adapters/sql';
import type { IssueCustomerView } from '../../src/contract';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { chooseItrProjects, ITR_TYPE } from '../fixtures/itrScope';
import { auditPage, formatFindings } from './axe';
import { chromiumAvailable, installBridgeStub, type ResolverStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { chooseOption } from './designSelect';
import { DEFAULT_GRADING_TABLE } from '../../src/domain';
import { createI18n } from '../../static/shared/i18n';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const TRIAGER = 'acc-triager';
const ZONE = 'Asia/Shanghai';
const TRIAGE_FUNCTIONS = [
  'getTriageOptions',
  'listTriage',
  'getClassificationHistory',
  'getTriageIssue',
  'previewTriage',
  'triageIssue',
];
const CUSTOMER_FUNCTIONS = ['searchCustomerProducts', 'getIssueCustomer', 'pickIssueCustomer', 'overrideIssueCustomer'];

const { jira } = harness();
beforeEach(async () => {
  await runMigrations();
  for (const t of ['customer', 'customer_product', 'issue_customer', 'issue_customer_override', 'spare_part_step'])
    await execute(`DELETE FROM ${t}`);
  const at = '2026-01-01 00:00:00.000';
  await execute(
    "INSERT INTO customer (id, name, tier, region, contact_name, contact_email, updated_at) VALUES ('C-1', 'Acme Bank', 'strategic', 'East', 'Li Wei', 'li.wei@acme.example', ?), ('C-2', 'Beta Mart', 'standard', 'North', NULL, NULL, ?)",
    [at, at],
  );
  await execute(
    "INSERT INTO customer_product (customer_id, serial, product, warranty_end, compliant, updated_at) VALUES ('C-1', 'SN-1', 'Kiosk K4', '2026-11-30', 1, ?), ('C-1', 'SN-2', 'Router R2', '2026-12-01', 0, ?), ('C-2', 'BM-7', 'Scale S1', '2030-01-01', 1, ?)",
    [at, at, at],
  );
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  defineItrFields(jira);
  await chooseItrProjects(['ITR']);
  // Created 2026-12-01 07:30 in Shanghai (23:30 UTC the day before): SN-1 (ended 2026-11-30) is out
  // of warranty, SN-2 (ends 2026-12-01) in.
  jira.seedIssue({ key: 'ITR-1', issueType: ITR_TYPE, summary: 'Kiosk frozen', created: '2026-11-30T23:30:00.000Z' });
  jira.seedIssue({ key: 'ITR-2', issueType: ITR_TYPE, summary: 'Router slow', created: '2026-11-30T23:40:00.000Z' });
});

const stored = async (issueKey: string) =>
  (
    (await invokeResolver(itrHomeResolver, 'getIssueCustomer', { issueKey }, { accountId: TRIAGER })) as {
      data: IssueCustomerView;
    }
  ).data.facts;

describeWithBrowser('triage page: the customer and product', () => {
  const app = builtApp('triage', { screenshots: true });

  async function open(locale: string, colorMode: 'light' | 'dark') {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers: Record<string, ResolverStub> = {
      ...realResolvers(triageResolver, TRIAGE_FUNCTIONS, { accountId: TRIAGER }),
      ...realResolvers(itrHomeResolver, CUSTOMER_FUNCTIONS, { accountId: TRIAGER }),
    };
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: ZONE, issueKey: null, accountId: TRIAGER, moduleKey: 'itr-triage' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, errors, calls };
  }

  async function expectAccessible(page: Page) {
    const findings = await auditPage(page);
    if (findings.length > 0) throw new Error(formatFindings(findings));
  }

  const fact = (page: Page, id: string) => page.getByTestId(`triage-customer-${id}`).innerText();

  it('en, light: search by serial finds the product; picking fills tier, region, warranty and compliance, on the page and in the record', async () => {
    const { page, errors } = await open('en_US', 'light');
    await page.getByTestId('triage-row-ITR-1').click();
    const block = page.getByTestId('triage-customer');
    await block.getByTestId('triage-customer-none').waitFor();
    expect(await block.getByRole('heading', { name: 'Customer and product' }).count()).toBe(1);

    // Typing searches; by serial only that product is listed, by customer name, product and serial.
    const search = page.getByLabel('Find the product by customer name, customer id or serial number');
    await search.fill('SN-1');
    const hit = page.getByTestId('triage-customer-hit-SN-1');
    await hit.waitFor();
    expect(await page.getByTestId('triage-customer-hits').locator('button').count()).toBe(1);
    expect(await hit.innerText()).toBe('Acme Bank · Kiosk K4 · serial number SN-1');
    await search.fill('nothing-like-it');
    await page.getByTestId('triage-customer-nohits').getByText('No installed product matches').waitFor();

    // Keyboard: type, Enter searches at once, ArrowDown to the results, Enter picks.
    await search.fill('SN-');
    await search.press('Enter');
    await page.getByTestId('triage-customer-hit-SN-2').waitFor();
    expect(await page.getByTestId('triage-customer-hits').locator('button').count()).toBe(2);
    await search.press('ArrowDown');
    expect(await page.evaluate("document.activeElement.getAttribute('data-testid')")).toBe('triage-customer-hit-SN-1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expectAccessible(page);
    await page.keyboard.press('Enter');

    await page.getByTestId('triage-customer-facts').waitFor();
    expect(await fact(page, 'name')).toBe('Acme Bank');
    expect(await fact(page, 'product')).toBe('Kiosk K4');
    expect(await fact(page, 'serial')).toBe('SN-1');
    expect(await fact(page, 'tier')).toBe('strategic');
    expect(await fact(page, 'region')).toBe('East');
    expect(await fact(page, 'warranty')).toBe('Out of warranty');
    expect(await fact(page, 'compliance')).toBe('Compliant');
    expect(await page.getByTestId('triage-customer-picked').innerText()).toContain('Picked by Zhao Triage on');
    expect(await page.getByTestId('triage-customer-hits').count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(screenshots, 'triage-customer-en-light.png'), fullPage: true });

    expect(await stored('ITR-1')).toMatchObject({
      customerId: 'C-1',
      serial: 'SN-1',
      tier: 'strategic',
      region: 'East',
      warranty: 'out',
      compliant: true,
      pickedByName: 'Zhao Triage',
    });
    expect(await stored('ITR-2')).toBeNull();
    // No contact, no id alone on the page.
    const text = await page.getByTestId('triage-customer').innerText();
    expect(text).not.toContain('li.wei');
    expect(text).not.toContain('C-1');
    await expectPageShowsNoAccountIds(page, [TRIAGER]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zh-CN, dark: picks by customer name, shows 保内 and 不合规, then a recorded override', async () => {
    const { page, errors } = await open('zh_CN', 'dark');
    await page.getByTestId('triage-row-ITR-2').click();
    await page.getByTestId('triage-customer-none').getByText('尚未选择客户。').waitFor();
    await page.getByLabel('按客户名称、客户编号或序列号查找产品').fill('Acme');
    const hit = page.getByTestId('triage-customer-hit-SN-2');
    await hit.waitFor();
    expect(await hit.innerText()).toBe('Acme Bank · Router R2 · 序列号 SN-2');
    await hit.click();
    await page.getByTestId('triage-customer-facts').waitFor();
    expect(await fact(page, 'warranty')).toBe('保内');
    expect(await fact(page, 'compliance')).toBe('不合规');
    expect(await fact(page, 'tier')).toBe('strategic');
    expect(await page.getByTestId('triage-customer').innerText()).toContain('客户等级');
    expect(await stored('ITR-2')).toMatchObject({ serial: 'SN-2', warranty: 'in', compliant: false, region: 'East' });
    await expectAccessible(page);

    // An override recorded elsewhere (the issue panel) is shown when the issue is opened again.
    await invokeResolver(
      itrHomeResolver,
      'overrideIssueCustomer',
      { issueKey: 'ITR-2', field: 'warranty', to: 'out', reason: '合同已到期' },
      { accountId: TRIAGER },
    );
    await page.getByTestId('triage-row-ITR-1').click();
    await page.getByTestId('triage-customer-none').waitFor();
    await page.getByTestId('triage-row-ITR-2').click();
    const overrides = page.getByTestId('triage-customer-overrides');
    await overrides.waitFor();
    const line = await overrides.innerText();
    expect(line).toContain('Zhao Triage');
    expect(line).toContain('将保修从 保内 改为 保外');
    expect(line).toContain('理由：合同已到期');
    expect(await fact(page, 'warranty')).toBe('保外');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(screenshots, 'triage-customer-zh-CN-dark.png'), fullPage: true });
    await expectPageShowsNoAccountIds(page, [TRIAGER]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['en_US', 'light', 'en'],
    ['zh_CN', 'dark', 'zh-CN'],
  ] as const)(
    '%s %s: picking fills the form’s warranty, product, region and tier; a changed one needs a reason and is recorded',
    async (locale, mode, lang) => {
      const { page, errors, calls } = await open(locale, mode);
      const { t } = createI18n(locale, ZONE);
      const option = (dim: string, id: string): string => {
        const label = DEFAULT_GRADING_TABLE.dimensions.find((d) => d.id === dim)?.options.find((o) => o.id === id)
          ?.label[lang];
        if (label === undefined) throw new Error(`the shipped table has no ${dim}=${id}`);
        return label;
      };
      const field = (p: string) => page.locator(`[data-path="${p}"]`);
      const sent = (key: string) =>
        calls.filter((c) => c.name === 'invoke' && (c.payload as { functionKey: string }).functionKey === key);

      await page.getByTestId('triage-row-ITR-2').click();
      await page.getByTestId('triage-customer-none').waitFor();
      expect(await page.getByTestId('triage-prefill').count()).toBe(0); // nothing filled yet
      await page.getByLabel(t('triage.customer.search')).fill('SN-2');
      await page.getByTestId('triage-customer-hit-SN-2').click();
      await page.getByTestId('triage-customer-facts').waitFor();

      // SN-2: 保内 at the issue's creation, Router R2, East, strategic: the form's own answers say so.
      await page.getByTestId('triage-prefill').getByText(t('triage.prefill.note')).waitFor();
      expect(await field('warranty').innerText()).toContain(t('triage.warranty.in'));
      expect(await field('product').inputValue()).toBe('Router R2');
      expect(await field('region').inputValue()).toBe('East');
      expect(await field('answers.customerTier').innerText()).toContain(option('customerTier', 'strategic'));
      expect(await page.getByTestId('triage-prefill-changes').count()).toBe(0);

      // The agent changes the tier: the change is listed by name and a reason is asked for.
      await chooseOption(page, 'answers.customerTier', option('customerTier', 'key'));
      const changes = page.getByTestId('triage-prefill-changes');
      await changes.waitFor();
      const tierName = (id: string) => (option('customerTier', id).split(/[:：]/)[0] ?? '').trim();
      expect(await changes.innerText()).toBe(
        t('triage.prefill.change', {
          field: t('triage.customer.tier'),
          from: tierName('strategic'),
          to: tierName('key'),
        }),
      );
      // The rest of the decision, then a save without a reason: refused by the page, nothing sent.
      await chooseOption(page, 'kind', t('kind.technicalService'));
      for (const [dim, id] of [
        ['businessImpact', 'outage'],
        ['duration', 'h1to4'],
        ['scope', 'large'],
        ['sensitivity', 'none'],
      ] as const)
        await chooseOption(page, `answers.${dim}`, option(dim, id));
      await page.getByLabel(t('triage.classification.requirement'), { exact: true }).check(); // as the rule says with no facts
      await page.getByTestId('triage-save').click();
      const reason = field('overrideReason');
      await reason.locator('xpath=../..').getByText(t('errorCode.UI_TRIAGE_OVERRIDE_REASON_MISSING')).waitFor();
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      expect(sent('overrideIssueCustomer')).toHaveLength(0);
      expect(sent('triageIssue')).toHaveLength(0);
      await expectAccessible(page);
      // The form as the agent sees it: filled answers, the change listed, its reason asked for.
      await page.screenshot({ path: path.join(screenshots, `triage-prefill-${locale}-${mode}.png`), fullPage: true });

      // With a reason: the override is recorded (who, from, to, why), then the issue is triaged.
      await reason.fill('Moved to the key-account list in 2026');
      await page.getByTestId('triage-save').click();
      await page.getByTestId('triage-notice').waitFor();
      expect(sent('overrideIssueCustomer')).toHaveLength(1);
      expect(sent('triageIssue')).toHaveLength(1);
      const record = await stored('ITR-2');
      expect(record).toMatchObject({ tier: 'key', region: 'East', warranty: 'in' });
      expect(record?.overrides).toEqual([
        expect.objectContaining({
          field: 'tier',
          from: 'strategic',
          to: 'key',
          reason: 'Moved to the key-account list in 2026',
          byName: 'Zhao Triage',
        }),
      ]);
      const decision = (sent('triageIssue')[0]?.payload as { payload: Record<string, unknown> }).payload;
      expect(decision).toMatchObject({
        warranty: 'in',
        product: 'Router R2',
        region: 'East',
        answers: { customerTier: 'key' },
      });
      await expectPageShowsNoAccountIds(page, [TRIAGER]);
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});
