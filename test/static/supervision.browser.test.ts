/**
 * The supervision page in headless Chromium against the real supervision resolver (harness: Jira double,
 * KVS, queue, MariaDB): every chart renders from seeded data, each from its own `getSupervisionChart`
 * call; a drill-down shows the JQL that Jira's search answers with the same count, "Open in Jira" asks
 * the host to open `/issues/?jql=…`, and CSV export downloads a file; a failing chart shows its error
 * (and retries alone) while the others render; a caller the settings do not allow gets no per-person
 * charts (and no rebuild); an admin rebuilds the projection from Jira and watches its progress; zh-CN
 * in dark mode renders too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyticsBackfillConsumer, supervisionResolver } from '../../src/index';
import { BACKFILL_QUEUE } from '../../src/app/analytics/backfill';
import { jiraAsApp } from '../../src/adapters/jira';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import type { ResolverStub } from './bridgeStub';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const OWNER = 'acc-owner';
const FUNCTIONS = ['getSupervisionChart', 'getWeeklyReport', 'startAnalyticsBackfill', 'getAnalyticsBackfill'];
/** Every chart the page asks for (SUPERVISION_CHARTS), each drawn in its own slot. */
const CHARTS = 11;
const PRODUCTS = ['X100', 'X200', 'X300', 'X400'];

const { jira, queue, sql } = harness();

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: OWNER, displayName: 'Li Na' });
  const ids = defineItrFields(jira);
  const now = new Date();
  for (let i = 1; i <= 80; i++) {
    const created = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (i % 4), 1 + (i % 20), 8));
    const resolved = i % 3 !== 0 ? new Date(created.getTime() + (i % 9) * 7_200_000) : null;
    jira.seedIssue({
      key: `ITR-${i}`,
      created,
      fields: {
        [ids.kind]: i % 2 === 0 ? 'complaint' : 'technicalService',
        [ids.grade]: i % 5 === 0 ? 'critical' : 'minor',
        [ids.product]: PRODUCTS[i % 4],
        [ids.region]: i % 2 === 0 ? 'North' : 'South',
        [ids.customerTier]: i % 3 === 0 ? 'gold' : 'standard',
        [ids.owner]: { accountId: OWNER },
        ...(resolved
          ? { resolutiondate: resolved.toISOString().replace('Z', '+0000'), resolution: { name: 'Done' } }
          : {}),
      },
    });
  }
  queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
  await sql.raw('DELETE FROM itr_issue_fact').catch(() => undefined);
  await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
  await queue.drain();
});

describeWithBrowser('supervision page in Chromium', () => {
  const app = builtApp('supervision', { screenshots: true });

  async function open(
    locale: string,
    colorMode: 'light' | 'dark',
    options: {
      accountId?: string;
      wrap?: (resolvers: Record<string, ResolverStub>) => Record<string, ResolverStub>;
    } = {},
  ) {
    const accountId = options.accountId ?? ADMIN;
    const page = await app.browser.newPage({
      viewport: { width: 1200, height: 1000 },
      colorScheme: colorMode,
      acceptDownloads: true,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const real = realResolvers(supervisionResolver, FUNCTIONS, { accountId });
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'UTC', issueKey: null, accountId, moduleKey: 'itr-supervision' },
      colorMode,
      resolvers: options.wrap?.(real) ?? real,
    });
    const started = Date.now();
    await page.goto(app.url);
    await page.locator('[data-chart-state="ready"]').first().waitFor();
    const firstChartMs = Date.now() - started;
    // Settled: every slot drawn or failed. Polled from here: a string predicate is evaluated in the page,
    // which the Custom UI CSP (no 'unsafe-eval') may refuse.
    const settled = page.locator('[data-chart-state="ready"], [data-chart-state="error"]');
    for (const until = Date.now() + 30_000; (await settled.count()) !== CHARTS; ) {
      if (Date.now() > until) throw new Error(`charts not settled: ${await settled.count()} of ${CHARTS}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { page, calls, errors, firstChartMs, allChartsMs: Date.now() - started };
  }

  it('renders every chart, drills down to matching JQL, and exports CSV', async () => {
    const { page, calls, errors, firstChartMs, allChartsMs } = await open('en_US', 'light');
    expect(await page.locator('[data-chart-state="ready"]').count()).toBe(CHARTS);
    for (const id of [
      'volume-kind',
      'volume-grade',
      'sla',
      'ola',
      'cycle',
      'breakdown-product',
      'breakdown-region',
      'breakdown-customerTier',
      'breakdown-month',
      'people',
      'departments',
    ]) {
      expect(await page.getByTestId(`chart-${id}`).locator('svg[role="group"], table').count()).toBeGreaterThan(0);
    }
    await page.getByTestId('patterns').waitFor();
    // Per-person figures name the owner as Jira does, never by account id.
    expect(await page.getByTestId('chart-people').innerText()).toContain('Li Na');
    expect(await page.getByTestId('chart-people').innerText()).not.toContain(OWNER);
    // One call per chart, all of one page load (one load id, so Jira is asked once for the caller's projects).
    const chartCalls = calls.filter(
      (c) => c.name === 'invoke' && (c.payload as { functionKey: string }).functionKey === 'getSupervisionChart',
    );
    expect(chartCalls).toHaveLength(CHARTS);
    expect(new Set(chartCalls.map((c) => (c.payload as { payload: { loadId: string } }).payload.loadId)).size).toBe(1);
    expect(await page.getByTestId('total-created').innerText()).toBe('80');
    expect(await page.locator('[data-testid^="bar-volume-kind-"]').count()).toBeGreaterThan(0);

    // Drill-down: a product bar → the JQL; Jira's search of that JQL finds as many issues as the bar shows.
    const bar = page.getByTestId('bar-breakdown-product-0-0');
    const label = (await bar.getAttribute('aria-label')) ?? '';
    await bar.click();
    const jql = await page.getByTestId('drill-jql').inputValue();
    expect(jql).toMatch(/cf\[\d+\] = "X\d00"/);
    let found = 0;
    for await (const p of jiraAsApp().searchJql(jql, { pageSize: 5000 })) found += p.issues.length;
    expect(label.endsWith(`: ${found}`)).toBe(true);
    await page.getByTestId('drill-open').click();
    await page.waitForTimeout(200);
    expect(
      calls.some(
        (c) => c.name === 'navigate' && JSON.stringify(c.payload ?? '').includes(encodeURIComponent(jql).slice(0, 40)),
      ),
    ).toBe(true);

    // Table alternative and CSV export.
    await page.getByTestId('chart-breakdown-product-table-toggle').click();
    await page.getByTestId('table-breakdown-product').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('chart-breakdown-product-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('breakdown-product.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('X100');
    await page.screenshot({ path: path.join(screenshots, 'supervision-en-light.png'), fullPage: true });
    expect(errors).toEqual([]);
    console.info(JSON.stringify({ supervisionFirstChartMs: firstChartMs, supervisionAllChartsMs: allChartsMs }));
    await page.close();
  }, 60_000);

  it('speaks Chinese in dark mode', async () => {
    const { page, errors } = await open('zh_CN', 'dark');
    await page.getByText('按产品').waitFor();
    expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await page.screenshot({ path: path.join(screenshots, 'supervision-zh-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a failing chart shows its error and retries alone while the others render', async () => {
    let failOla = true;
    const { page, errors } = await open('en_US', 'light', {
      wrap: (real) => ({
        ...real,
        getSupervisionChart: (payload) => {
          if (failOla && (payload as { chart: string }).chart === 'ola') throw new Error('the function timed out');
          return (real['getSupervisionChart'] as ResolverStub)(payload);
        },
      }),
    });
    const failed = page.getByTestId('chart-ola-error');
    await failed.getByText('The app could not be reached. Check your connection and try again.').waitFor();
    expect(await page.locator('[data-chart-state="error"]').count()).toBe(1);
    expect(await page.locator('[data-chart-state="ready"]').count()).toBe(CHARTS - 1);
    expect(await page.getByTestId('chart-ola').count()).toBe(0);
    expect(await page.getByTestId('total-created').innerText()).toBe('80');
    await page.getByTestId('chart-sla').locator('svg[role="group"]').waitFor();
    failOla = false;
    await failed.getByRole('button').click();
    await page.getByTestId('chart-ola').locator('svg[role="group"]').waitFor();
    expect(await page.locator('[data-chart-state="ready"]').count()).toBe(CHARTS);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a caller the settings do not allow gets every chart but no per-person ones', async () => {
    const { page, errors } = await open('en_US', 'light', { accountId: OWNER });
    await page.getByTestId('people-hidden').waitFor();
    expect(await page.getByTestId('chart-people').count()).toBe(0);
    expect(await page.getByTestId('chart-departments').count()).toBe(0);
    expect(await page.getByTestId('rebuild').count()).toBe(0);
    expect(await page.getByTestId('total-created').innerText()).toBe('80');
    expect(await page.getByTestId('chart-breakdown-product').locator('svg[role="group"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('an admin rebuilds the projection from Jira and sees its progress to the end', async () => {
    const { page, errors } = await open('en_US', 'light');
    const status = page.getByTestId('rebuild-status');
    await status.getByText(/^Last rebuild: 80 issues projected/).waitFor();
    await page.getByTestId('rebuild-start').click();
    await status.getByText(/^Rebuilding: /).waitFor();
    await queue.drain();
    await status.getByText(/^Last rebuild: 80 issues projected/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a rebuild Jira refuses for good stops as failed, and the page says why (zh-CN)', async () => {
    const { page, errors } = await open('zh_CN', 'light');
    const status = page.getByTestId('rebuild-status');
    await status.getByText(/^上次重建：/).waitFor();
    await page.getByTestId('rebuild-start').click();
    jira.failNext(1, { status: 400, route: 'POST /rest/api/3/search/jql' });
    await queue.drain();
    await status.getByText(/^上次重建在读取 0 个问题后.*停止：Jira 认为应用的请求无效/).waitFor();
    expect(queue.deliveries.filter((d) => d.outcome !== 'success')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
