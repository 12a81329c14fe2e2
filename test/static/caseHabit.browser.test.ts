/**
 * The case-library habit (issue 17) in headless Chromium against the real resolvers (harness: Jira
 * double, KVS, MariaDB): on the issue panel a search of the case library is recorded for the issue and
 * the section says it came before work, naming who searched; once resolved, the case decision is asked
 * for, "no case" without a reason is refused in the user's language, and the recorded decision is shown.
 * On the supervision page, the habit per person and department, the line under its target flagged, and
 * the first-contact and satisfaction charts. English in light, Chinese in dark (axe after every test).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  analyticsBackfillConsumer,
  gradingAdminResolver,
  issuePanelResolver,
  supervisionResolver,
} from '../../src/index';
import { handlers as gradingAdminHandlers } from '../../src/entry/grading-admin-resolver';
import { ConfigStore } from '../../src/adapters/kvs';
import { loadLineTargets } from '../../src/app/settings/lineTargets';
import { BACKFILL_QUEUE } from '../../src/app/analytics/backfill';
import { runMigrations } from '../../src/adapters/sql';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { ok, onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const { jira, sql, queue } = harness();
const ENGINEER = 'acc-li';
const ADMIN = 'acc-admin';
let ids: ReturnType<typeof defineItrFields>;

type Locale = 'en_US' | 'zh_CN';
type Mode = 'light' | 'dark';

beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  for (const table of ['case_search_record', 'case_decision', 'line_history', 'itr_issue_fact', 'itr_stay_fact'])
    await sql.raw(`DELETE FROM ${table}`);
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER, ADMIN] });
  ids = defineItrFields(jira);
});

function seedIssue(key: string, resolved: boolean, created = new Date(Date.UTC(2026, 0, 5, 8))): string {
  return jira.seedIssue({
    key,
    created,
    status: resolved ? 'Resolved' : 'In Progress',
    summary: 'Printer queue stalls after driver update',
    fields: {
      [ids.kind]: 'technicalService',
      [ids.grade]: 'minor',
      [ids.owner]: { accountId: ENGINEER },
      ...(resolved
        ? {
            resolution: { id: '10000', name: 'Done' },
            resolutiondate: new Date(created.getTime() + 86_400_000).toISOString().replace('Z', '+0000'),
          }
        : {}),
    },
  }).id;
}

const PANEL_FUNCTIONS = ['suggestCases', 'searchCases', 'getCaseHabit', 'saveCaseDecision', 'markCaseHelpful'];

describeWithBrowser('the case-library habit on the issue panel', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  async function openPanel(locale: Locale, mode: Mode) {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 1200 }, colorScheme: mode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const context = { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-42' } } };
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: 'ITR-42', accountId: ENGINEER },
      colorMode: mode,
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        listHandoffs: () => ok([]),
        ...realResolvers(issuePanelResolver, PANEL_FUNCTIONS, { accountId: ENGINEER, context }),
      },
    });
    await page.goto(app.url);
    await page.getByTestId('case-habit').waitFor();
    return { page, errors };
  }

  it('records a search made from the panel and says it came before work, by name (English, light)', async () => {
    seedIssue('ITR-42', false);
    const { page, errors } = await openPanel('en_US', 'light');
    const status = page.getByTestId('case-habit-status');
    expect(await status.innerText()).toBe('The case library has not been searched for this issue yet.');
    // The suggestions are folded (none is strong): unfold them to search.
    await page.getByTestId('case-suggestions-fold').getByRole('button').first().click();
    const box = page.getByRole('searchbox', { name: 'Search cases' });
    await box.fill('printer queue');
    await box.press('Enter');
    await status.getByText('The case library was searched before work started.').waitFor();
    const first = await page.getByTestId('case-habit-first').innerText();
    expect(first).toContain('First search by Li Lei');
    expect(first).toContain('“printer queue”');
    expect(first).not.toContain(ENGINEER);
    expect(await sql.raw('SELECT account_id, query_text FROM case_search_record')).toEqual([
      { account_id: ENGINEER, query_text: 'printer queue' },
    ]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'case-habit-panel-en-light.png'), fullPage: true });
    await page.close();
  });

  it('asks for the case decision once resolved; no case needs a reason (Chinese, dark)', async () => {
    seedIssue('ITR-42', true);
    const { page, errors } = await openPanel('zh_CN', 'dark');
    const form = page.getByTestId('case-decision-form');
    await form.getByText('已解决：请记录经验如何沉淀。').waitFor();
    await form.getByTestId('case-decision-none').check();
    await form.getByRole('button', { name: '记录决定' }).click();
    await form.getByRole('alert').getByText('请说明为何不新建也不改进案例。').waitFor();
    expect(await sql.raw('SELECT * FROM case_decision')).toEqual([]);
    await form.getByLabel('不建案例的原因（必填）').fill('客户自行恢复，无可复用经验。');
    await form.getByRole('button', { name: '记录决定' }).click();
    const decision = page.getByTestId('case-habit-decision');
    await decision.waitFor();
    expect(await decision.innerText()).toContain('不建案例：“客户自行恢复，无可复用经验。”，由 Li Lei 于');
    expect(await sql.raw('SELECT decision, decided_by FROM case_decision')).toEqual([
      { decision: 'none', decided_by: ENGINEER },
    ]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'case-habit-panel-zh-CN-dark.png'), fullPage: true });
    await page.close();
  });
});

describeWithBrowser('the case-library habit on the supervision page', () => {
  const app = builtApp('supervision', { screenshots: true });
  const FUNCTIONS = ['getSupervisionChart', 'getWeeklyReport', 'startAnalyticsBackfill', 'getAnalyticsBackfill'];

  /** Five issues this month: three resolved on L1 at first contact, two passed on to L2; one searched before work. */
  async function seedFigures(): Promise<void> {
    const now = new Date();
    const day = (d: number, h: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), d, h));
    const sqlTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
    for (let i = 1; i <= 5; i++) {
      const id = Number(seedIssue(`ITR-${i}`, true, day(1, 8)));
      const stay = (line: string, from: number, to: number, outcome: string) =>
        sql.raw(
          `INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, working_minutes_used, outcome, entered_by)
           VALUES (?, ?, ?, ?, ?, 0, ?, 'app')`,
          [id, line, sqlTime(day(1, from)), sqlTime(day(1, to)), ENGINEER, outcome],
        );
      if (i <= 3) await stay('L1', 8, 12, 'resolved');
      else {
        await stay('L1', 8, 10, 'passed_on');
        await stay('L2', 10, 12, 'resolved');
      }
      if (i === 1)
        await sql.raw(
          `INSERT INTO case_search_record (issue_id, account_id, searched_at, query_text, source) VALUES (?, ?, ?, 'printer', 'search')`,
          [id, ENGINEER, sqlTime(day(1, 7))],
        );
    }
    queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
    await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
    await queue.drain();
  }

  async function open(locale: Locale, mode: Mode): Promise<Page> {
    const page = await app.browser.newPage({ viewport: { width: 1200, height: 1000 }, colorScheme: mode });
    await installBridgeStub(page, {
      context: { locale, timezone: 'UTC', issueKey: null, accountId: ADMIN, moduleKey: 'itr-supervision' },
      colorMode: mode,
      resolvers: realResolvers(supervisionResolver, FUNCTIONS, { accountId: ADMIN }),
    });
    await page.goto(app.url);
    await page.locator('[data-chart="caseHabit"][data-chart-state="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-chart="lineOutcomes"][data-chart-state="ready"]').waitFor({ timeout: 30_000 });
    return page;
  }

  it('shows the habit per person, flags the first line under its target, and charts first contact (English, light)', async () => {
    await seedFigures();
    const page = await open('en_US', 'light');
    const people = await page.getByTestId('table-habit-people').innerText();
    expect(people).toContain('Li Lei');
    expect(people).toContain('Searched before work');
    expect(people).not.toContain(ENGINEER);
    expect(await page.getByTestId('line-below-L1').innerText()).toContain('resolves 60%; its target is 80%');
    expect(await page.getByTestId('line-below-L2').count()).toBe(0);
    for (const id of ['line-resolution', 'first-contact', 'satisfaction-trend'])
      expect(await page.getByTestId(`chart-${id}-svg`).count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'case-habit-supervision-en-light.png'), fullPage: true });
    await page.close();
  });

  it('reads in Chinese in the dark theme', async () => {
    await seedFigures();
    const page = await open('zh_CN', 'dark');
    expect(await page.getByTestId('line-targets-flags').innerText()).toContain('低于目标');
    expect(await page.getByTestId('table-habit-departments').innerText()).toContain('处理前已查询');
    expect(await page.getByText('各期首次接触解决率').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, 'case-habit-supervision-zh-CN-dark.png'), fullPage: true });
    await page.close();
  });
});

describeWithBrowser('line targets on the admin page’s support-lines subpage', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  it('refuses a share over 100 % at its field in Chinese, then saves the targets (Chinese, dark)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 1000 }, colorScheme: 'dark' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale: 'zh_CN', timezone: 'UTC', issueKey: null, accountId: ADMIN, moduleKey: 'itr-grading-admin' },
      colorMode: 'dark',
      resolvers: realResolvers(gradingAdminResolver, Object.keys(gradingAdminHandlers()), { accountId: ADMIN }),
      route: '/support-lines',
    });
    await page.goto(app.url);
    const form = page.getByTestId('line-targets');
    await form.getByText('各支持线应自行解决的比例').waitFor();
    const l2 = form.getByLabel('二线 (L2)：目标（%）');
    expect(await l2.inputValue()).toBe('80');
    await l2.fill('120');
    await form.getByRole('button', { name: '保存目标' }).click();
    await form.getByText('请输入 0 到 100 之间的百分比。').waitFor();
    expect((await loadLineTargets(new ConfigStore())).revision).toBe(0);
    await l2.fill('75');
    await form.getByRole('button', { name: '保存目标' }).click();
    await form.getByText('已保存（修订 1）。').waitFor();
    expect((await loadLineTargets(new ConfigStore())).targets).toEqual({ L1: 0.8, L2: 0.75, L3: 0.8 });
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'case-habit-line-targets-zh-CN-dark.png'), fullPage: true });
    await page.close();
  });
});
