/**
 * The issue panel's customer facts and spare parts (static/issue-panel/src/customer, issue 17) in
 * headless Chromium: the stand-in Forge host answers `getIssueItrState` from a fixture and routes
 * `getIssueCustomer`, `overrideIssueCustomer`, `getSpareParts` and `recordSparePartStep` to the real
 * exported `issuePanelResolver` on the harness (Jira double, KVS, MariaDB); the customer is seeded in
 * SQL and picked through the real triage resolver. English in light, Simplified Chinese in dark:
 *  - the facts are shown by name (customer, product and serial, tier, region, 保内/保外, compliance, who picked);
 *  - an override is recorded with who (by name), from → to and why;
 *  - a part is requested and its steps recorded in order, each with who by name;
 *  - a step recorded meanwhile by someone else makes the page's stale step a skip: refused by the app with
 *    its translated message, and the part shown as it now is;
 *  - a viewer who may not edit the issue sees the facts and parts but, told so by the reads (`canEdit`), is
 *    offered no action up front, and is told why.
 * Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import { issuePanelResolver, itrHomeResolver } from '../../src/index';
import { execute, runMigrations } from '../../src/adapters/sql';
import { harness, invokeResolver } from '../../platform-doubles';
import { MESSAGES } from '../../static/shared/i18n';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { notAssessedItr42, ok, onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const AGENT = 'acc-agent';
const OTHER = 'acc-other';
const VIEWER = 'acc-viewer';
const { jira } = harness();
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const panel = (accountId: string) => ({ accountId, context: { extension: { issue: { key: 'ITR-42' } } } });

beforeAll(async () => {
  await runMigrations();
});

beforeEach(async () => {
  for (const t of ['customer', 'customer_product', 'issue_customer', 'issue_customer_override', 'spare_part_step'])
    await execute(`DELETE FROM ${t}`);
  const at = '2026-01-01 00:00:00.000';
  await execute(
    "INSERT INTO customer (id, name, tier, region, contact_name, contact_email, updated_at) VALUES ('C-1', 'Acme Bank', 'strategic', 'East', 'Li Wei', 'li.wei@acme.example', ?)",
    [at],
  );
  await execute(
    "INSERT INTO customer_product (customer_id, serial, product, warranty_end, compliant, updated_at) VALUES ('C-1', 'SN-1', 'Kiosk K4', '2030-12-31', 1, ?)",
    [at],
  );
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedUser({ accountId: OTHER, displayName: 'Zhao Lei' });
  jira.seedUser({ accountId: VIEWER, displayName: 'Wang Fang', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
  jira.seedProject({ key: 'ITR' });
  jira.seedIssue({ key: 'ITR-42', summary: 'Kiosk reboots', created: '2026-11-30T23:30:00.000Z' });
  const picked = (await invokeResolver(
    itrHomeResolver,
    'pickIssueCustomer',
    { issueKey: 'ITR-42', customerId: 'C-1', serial: 'SN-1' },
    { accountId: AGENT },
  )) as { success: boolean };
  expect(picked.success).toBe(true);
});

describeWithBrowser('customer facts and spare parts on the issue panel in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  it.each([
    ['en_US', 'light', 'en'],
    ['zh_CN', 'dark', 'zh-CN'],
  ] as const)(
    '%s %s: facts by name, an override recorded, steps in order, a skipped step refused in the reader’s language',
    async (locale, mode, lang) => {
      const m = MESSAGES[lang];
      const page = await app.browser.newPage({ viewport: { width: 560, height: 1600 }, colorScheme: mode });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const real = realResolvers(
        issuePanelResolver,
        ['getIssueCustomer', 'overrideIssueCustomer', 'getSpareParts', 'recordSparePartStep'],
        panel(AGENT),
      );
      await installBridgeStub(page, {
        context: { locale, timezone: 'Asia/Shanghai', issueKey: 'ITR-42', accountId: AGENT },
        colorMode: mode,
        resolvers: {
          getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
          suggestCases: () =>
            ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
          listHandoffs: () => ok([]),
          getAssessment: () => ok(notAssessedItr42),
          getDecisions: () =>
            ok({
              issueKey: 'ITR-42',
              ironTriangle: { reasons: [], decision: null, viewerRoles: [] },
              costs: { items: [], viewerMayApprove: false },
              clarification: { items: [], submitter: null, viewerIsSubmitter: false },
            }),
          ...real,
        },
      });
      await page.goto(app.url);
      const section = page.getByTestId('customer-parts');
      const facts = page.getByTestId('customer-facts');
      await facts.waitFor();
      expect(await section.getByRole('heading', { name: m['customerParts.title'] }).count()).toBe(1);
      const shown = await facts.innerText();
      for (const s of ['Acme Bank', 'Kiosk K4', 'SN-1', 'strategic', 'East', 'Li Na']) expect(shown).toContain(s);
      expect(shown).toContain(m['customerParts.compliant.yes']);
      expect(await page.getByTestId('customer-facts-warranty').innerText()).toBe(m['customerParts.warranty.in']);
      expect(shown).not.toContain(AGENT);
      expect(shown).not.toContain('C-1'); // no internal id
      if (lang === 'en') expect(shown).not.toMatch(CJK);

      // Override the warranty with a reason: nothing sent without one.
      await page.getByTestId('customer-override-open').click();
      const form = page.getByTestId('customer-override-form');
      await form.locator('[data-path="field"]').selectOption('warranty');
      await page.getByTestId('customer-override-save').click();
      expect(await page.getByTestId('customer-override-missing').innerText()).toBe(m['customerParts.form.required']);
      await form.locator('[data-path="reason"]').fill('Contract 2026-88 ended the cover early');
      await page.getByTestId('customer-override-save').click();
      const overrides = page.getByTestId('customer-overrides');
      await overrides.waitFor();
      const line = await overrides.innerText();
      expect(line).toContain(
        m['customerParts.overrideLine']
          .replace('{field}', m['customerParts.field.warranty'])
          .replace('{from}', m['customerParts.warranty.in'])
          .replace('{to}', m['customerParts.warranty.out']),
      );
      expect(line).toContain('Li Na');
      expect(line).toContain('Contract 2026-88 ended the cover early');
      expect(line).not.toContain(AGENT);
      expect(await page.getByTestId('customer-facts-warranty').innerText()).toBe(m['customerParts.warranty.out']);
      expect(await form.count()).toBe(0);

      // A part requested, then shipped: each step with who by name.
      await page.getByTestId('spare-part-request').click();
      await page.getByTestId('spare-part-1-requested').waitFor();
      expect(await page.getByTestId('spare-part-1-requested').innerText()).toContain('Li Na');
      const next = page.getByTestId('spare-part-1-next');
      expect(await next.innerText()).toBe(m['customerParts.record.shipped']);
      await next.click();
      await page.getByTestId('spare-part-1-shipped').waitFor();
      const shipped = await page.getByTestId('spare-part-1-shipped').innerText();
      expect(shipped).toContain(m['customerParts.step.shipped']);
      expect(shipped).toContain('Li Na');
      expect(await next.innerText()).toBe(m['customerParts.record.received']);

      // Zhao Lei records "received" meanwhile: the page's "received" is now a repeat, skipping "returned".
      const meanwhile = (await invokeResolver(
        issuePanelResolver,
        'recordSparePartStep',
        { issueKey: 'ITR-42', partNo: 1, step: 'received' },
        panel(OTHER),
      )) as { success: boolean };
      expect(meanwhile.success).toBe(true);
      await next.click();
      const error = page.getByTestId('customer-parts-error');
      await error.waitFor();
      expect(await error.innerText()).toContain(m['errorCode.SPARE_PART_STEP_OUT_OF_ORDER']);
      expect(await page.getByRole('alert').count()).toBe(1); // the other sections loaded fine
      if (lang === 'en') expect(await error.innerText()).not.toMatch(CJK);
      // The part as it now is: received by Zhao Lei, the next step offered is "faulty part returned".
      await page.getByTestId('spare-part-1-received').waitFor();
      expect(await page.getByTestId('spare-part-1-received').innerText()).toContain('Zhao Lei');
      expect(await next.innerText()).toBe(m['customerParts.record.returned']);
      await page.screenshot({
        path: path.join(screenshots, `issue-panel-${locale}-${mode}-spare-parts.png`),
        fullPage: true,
      });
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );

  it('zh_CN light: a viewer who may not edit the issue is offered no action up front, and told why', async () => {
    const requested = (await invokeResolver(
      issuePanelResolver,
      'recordSparePartStep',
      { issueKey: 'ITR-42', step: 'requested' },
      panel(AGENT),
    )) as { success: boolean };
    expect(requested.success).toBe(true);
    const m = MESSAGES['zh-CN'];
    const page = await app.browser.newPage({ viewport: { width: 560, height: 1400 }, colorScheme: 'light' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale: 'zh_CN', timezone: 'Asia/Shanghai', issueKey: 'ITR-42', accountId: VIEWER },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        suggestCases: () =>
          ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
        listHandoffs: () => ok([]),
        ...realResolvers(
          issuePanelResolver,
          ['getIssueCustomer', 'overrideIssueCustomer', 'getSpareParts', 'recordSparePartStep'],
          panel(VIEWER),
        ),
      },
    });
    await page.goto(app.url);
    await page.getByTestId('customer-facts').getByText('Acme Bank').waitFor();
    // Nothing clicked: the reads said canEdit false, so the page says why and offers no action.
    expect(await page.getByTestId('customer-parts-read-only').innerText()).toBe(m['customerParts.readOnly']);
    expect(await page.getByTestId('spare-part-1-requested').innerText()).toContain('Li Na'); // the part is shown
    expect(await page.getByTestId('spare-part-1-next').count()).toBe(0);
    expect(await page.getByTestId('spare-part-request').count()).toBe(0);
    expect(await page.getByTestId('customer-override-open').count()).toBe(0);
    expect(await page.getByTestId('customer-parts-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
