/**
 * Supervision in the sandbox, in headless Chromium (issue 8, "done when"): the supervision page draws
 * every chart from the demo data, a drill-down opens Jira's search with the matching issues, CSV export
 * downloads, and the hand-off from an issue creates a linked issue in the R&D project the demo settings
 * name. The real app behind the sandbox host, on the demo site with a year of history
 * (sandbox/demoHistory.ts, projected by the app's own backfill at start).
 */
import { readFileSync } from 'node:fs';
import { DEMO_USERS } from '../../sandbox/demoSite';
import { chromiumAvailable } from '../static/bridgeStub';
import { pageLeaks } from './pageScan';
import { useSandboxInBrowser } from './sandboxBrowser';

const TOM = DEMO_USERS.find((u) => u.displayName === 'Tom Baker')?.accountId ?? '';
const ADMIN = DEMO_USERS.find((u) => u.role === 'admin')?.accountId ?? '';
/** Chart slots of the page (static/supervision): each ends drawn or failed. */
const CHARTS = 13;
/** A count as the page shows it ("1,234" in English): the number. */
const count = (shown: string): number => Number(shown.replace(/[^\d]/g, ''));

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('supervision and hand-off in the sandbox', () => {
  const ui = useSandboxInBrowser({
    name: 'supervision',
    apps: ['issue-panel', 'supervision'],
    viewport: { width: 1280, height: 1400 },
  });

  it('draws every chart from the demo data; a drill-down opens the matching issues; CSV export downloads', async () => {
    await ui.actAs(ADMIN);
    const sup = ui.frame('itr-supervision');
    await ui.step('charts', async () => {
      await ui.page.goto(`${ui.sandbox.url}/apps/itr-supervision?project=ITR`);
      await sup
        .locator('[data-chart-state="ready"]')
        .nth(CHARTS - 1)
        .waitFor({ timeout: 30_000 });
      expect(await sup.locator('[data-chart-state="error"]').count()).toBe(0);
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
      ]) {
        // Drawn, with a value axis and labels under the bars.
        expect(await sup.getByTestId(`chart-${id}-y-axis`).locator('text').count()).toBeGreaterThan(1);
        expect(await sup.getByTestId(`chart-${id}-categories`).locator('text').count()).toBeGreaterThan(0);
      }
      for (const id of ['people', 'departments']) expect(await sup.getByTestId(`table-${id}`).count()).toBe(1);
      // The case-library habit of the demo year (sandbox/demoCaseHabit.ts): per person by name, per department,
      // and the lines against the admin's targets (the first line's is 85 %).
      expect(await sup.getByTestId('table-habit-people').innerText()).toContain('Tom Baker');
      expect(await sup.getByTestId('table-habit-departments').innerText()).toContain('Field Engineering');
      expect(await sup.getByTestId('chart-line-resolution-svg').textContent()).toContain('85%');
      await sup.getByTestId('line-targets-flags').waitFor();
      for (const id of ['line-resolution', 'first-contact', 'satisfaction-trend'])
        expect(await sup.getByTestId(`chart-${id}-svg`).count()).toBe(1);
      // A year of history: well over a hundred issues created in the default period.
      expect(count(await sup.getByTestId('total-created').innerText())).toBeGreaterThan(100);
      // The demo departments (settings) group the engineers.
      expect(await sup.getByTestId('chart-departments').innerText()).toContain('Field Engineering');
      // People by their Jira names, not account ids.
      expect(await sup.getByTestId('chart-people').innerText()).toContain('Tom Baker');
      // Last week's summary, left by the weekly trigger.
      expect(await sup.getByText('No weekly report yet.').count()).toBe(0);
    });

    await ui.step('drill-down', async () => {
      const bar = sup.getByTestId('bar-breakdown-product-0-0');
      const label = (await bar.getAttribute('aria-label')) ?? '';
      const shown = count(/: ([\d,]+)$/.exec(label)?.[1] ?? '');
      expect(shown).toBeGreaterThan(0);
      await bar.click();
      // Under its chart, in view on the host page.
      const panel = sup.getByTestId('chart-breakdown-product').getByTestId('drill-panel');
      await panel.waitFor();
      const box = await panel.boundingBox();
      expect(box !== null && box.y >= 0 && box.y + box.height <= 1400).toBe(true);
      const jql = await sup.getByTestId('drill-jql').inputValue();
      // "Open in Jira" (router.open): a new tab on Jira's issue search with that JQL, finding as many issues.
      const [search] = await Promise.all([
        ui.page.context().waitForEvent('page'),
        sup.getByTestId('drill-open').click(),
      ]);
      await search.getByTestId('search-count').waitFor();
      expect(await search.getByTestId('search-jql').innerText()).toBe(jql);
      expect(Number(await search.getByTestId('search-count').innerText())).toBe(shown);
      await search.close();
    });

    await ui.step('csv', async () => {
      await sup.getByTestId('chart-breakdown-product-table-toggle').click();
      await sup.getByTestId('table-breakdown-product').waitFor();
      const [download] = await Promise.all([
        ui.page.waitForEvent('download'),
        sup.getByTestId('chart-breakdown-product-csv').click(),
      ]);
      expect(download.suggestedFilename()).toBe('breakdown-product.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Product,Issues,Severe,Resolved,Breached');
      expect(csv).toContain('Core Network');
      expect(ui.pageErrors).toEqual([]);
      await ui.shoot('sandbox-supervision');
    });
  });

  it('in Chinese and dark: every chart drawn, names not codes, no false "no weekly report"', async () => {
    await ui.actAs(ADMIN, 'zh-CN');
    const sup = ui.frame('itr-supervision');
    await ui.step('zh-dark', async () => {
      await ui.page.goto(`${ui.sandbox.url}/apps/itr-supervision?project=ITR`);
      await ui.switchTo('switch-theme', 'dark');
      await sup
        .locator('[data-chart-state="ready"]')
        .nth(CHARTS - 1)
        .waitFor({ timeout: 30_000 });
      expect(await sup.locator('[data-chart-state="error"]').count()).toBe(0);
      expect(await sup.locator('html').getAttribute('data-color-mode')).toBe('dark');
      // The weekly trigger's report, once loaded (the static test checks "Loading…" comes first).
      await sup.getByTestId('weekly-report').locator('strong').waitFor();
      expect(await sup.getByText('尚无周报。').count()).toBe(0);
      // Kinds, grades and customer tiers by their Chinese names; no stored code anywhere on the page.
      expect(await sup.getByTestId('chart-volume-kind-legend').innerText()).toContain('技术服务');
      expect(await sup.getByTestId('chart-volume-grade-legend').innerText()).toContain('紧急');
      await sup.getByTestId('chart-breakdown-customerTier-table-toggle').click();
      expect(await sup.getByTestId('table-breakdown-customerTier').innerText()).toContain('战略客户');
      expect(await pageLeaks(ui.page)).toEqual([]);
      const text = await sup.locator('body').innerText();
      for (const code of ['technicalService', 'complaint', 'critical', 'strategic', 'standard'])
        expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
      expect(ui.pageErrors).toEqual([]);
      await ui.shoot('sandbox-supervision-zh-dark');
    });
  });

  it('"Send to R&D" creates a linked issue in the R&D project and the panel shows it with its status', async () => {
    const jira = () => ui.sandbox.harness.jira;
    await ui.actAs(TOM);
    await ui.step('handoff', async () => {
      await ui.page.goto(`${ui.sandbox.url}/browse/ITR-4`);
      const section = ui.frame('itr-issue-panel').getByRole('region', { name: 'Hand-off' });
      await section.getByText('Not handed off yet.').waitFor();
      await section.getByRole('button', { name: 'Send to R&D' }).click();
      await section
        .getByRole('alertdialog', { name: 'Send to R&D' })
        .getByRole('button', { name: 'Send', exact: true })
        .click();
      const item = section.getByRole('listitem');
      await item.getByText(/^RND-\d+$/).waitFor();
      const key = (await item.getByText(/^RND-\d+$/).innerText()).trim();
      const created = jira().issue(key);
      expect(created.projectKey).toBe('RND');
      expect(String(created.fields['summary'])).toContain('Invoice PDF shows wrong VAT rate');
      // One Jira link between the two, so each side shows the other.
      // (Other demo links, such as a lasting fix's, do not involve either.)
      const ends = jira()
        .model.links.filter((l) => [l.inwardIssueId, l.outwardIssueId].includes(created.id))
        .map((l) => [l.inwardIssueId, l.outwardIssueId].sort().join(' '));
      expect(ends).toEqual([[jira().issue('ITR-4').id, created.id].sort().join(' ')]);
      expect(await item.innerText()).toContain((created.fields['status'] as { name: string }).name);
      expect(ui.pageErrors).toEqual([]);
    });
  });
});
