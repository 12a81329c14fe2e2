/**
 * Supervision through the exported handlers: the backfill (admin only) rebuilds the projection from
 * Jira by token-paged JQL through the queue, a rerun changes nothing, the trigger keeps a fact current,
 * and every chart (one `getSupervisionChart` call each, as the page asks) comes with the JQL of its
 * issues; per-person figures only for allowed roles; Jira is asked for the caller's permissions once per
 * page load, and only about the caller.
 */
import {
  analyticsBackfillConsumer,
  issueUpdated,
  supervisionGadgetResolver,
  supervisionResolver,
} from '../../../src/index';
import { BACKFILL_QUEUE } from '../../../src/app/analytics/backfill';
import type { SupervisionChartData, SupervisionChartName } from '../../../src/contract/analytics';
import { jiraAsApp } from '../../../src/adapters/jira';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue, sql } = harness();
const ADMIN = 'acc-admin';
const SUPERVISOR = 'acc-supervisor';
const AGENT = 'acc-agent';
const OWNER = 'acc-owner';

let ids: ReturnType<typeof defineItrFields>;

const PRODUCTS = ['X100', 'X200', 'X300'];
function seedIssues(n: number): void {
  for (let i = 1; i <= n; i++) {
    const created = new Date(Date.UTC(2026, 0, 1 + (i % 28), 8));
    const resolved = i % 3 !== 0 ? new Date(created.getTime() + (i % 5) * 3_600_000 * 10) : null;
    jira.seedIssue({
      key: `ITR-${i}`,
      created,
      fields: {
        [ids.kind]: i % 2 === 0 ? 'complaint' : 'technicalService',
        [ids.grade]: i % 4 === 0 ? 'critical' : 'minor',
        [ids.product]: PRODUCTS[i % 3],
        [ids.region]: 'North',
        [ids.owner]: { accountId: OWNER },
        ...(resolved
          ? { resolutiondate: resolved.toISOString().replace('Z', '+0000'), resolution: { name: 'Done' } }
          : {}),
        ...(i % 7 === 0
          ? { [ids.breachedAt]: new Date(created.getTime() + 3_600_000).toISOString().replace('Z', '+0000') }
          : {}),
      },
    });
  }
  // Not an ITR issue: no kind, no grade.
  jira.seedIssue({ key: 'OTHER-1', created: new Date(Date.UTC(2026, 0, 3)) });
}

const FILTER = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', granularity: 'month' };

const CHARTS = [
  'totals',
  'volume',
  'sla',
  'ola',
  'cycle',
  'breakdown-product',
  'breakdown-region',
  'breakdown-customerTier',
  'breakdown-month',
  'patterns',
  'people',
  'caseHabit',
  'lineOutcomes',
];

/** A known chart's data; for any other name (or a refusal) whatever came back. */
type ChartAnswer<K extends string> = K extends SupervisionChartName ? SupervisionChartData[K] : unknown;

/** One chart as the page asks for it; `data` of a success, or the whole envelope of a refusal. */
async function chart<K extends string>(
  name: K,
  accountId: string,
  filter: object = FILTER,
  loadId?: string,
): Promise<ChartAnswer<K>> {
  const r = (await invokeResolver(
    supervisionResolver,
    'getSupervisionChart',
    { chart: name, filter, ...(loadId === undefined ? {} : { loadId }) },
    { accountId },
  )) as { success: boolean; data?: { chart: string; data: unknown } };
  if (!r.success) return r as ChartAnswer<K>;
  expect(r.data?.chart).toBe(name);
  return r.data?.data as ChartAnswer<K>;
}

async function backfill(): Promise<unknown> {
  const started = await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
  await queue.drain();
  return started;
}

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Sup', groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Agent' });
  jira.seedUser({ accountId: OWNER, displayName: 'Owner' });
  ids = defineItrFields(jira);
  queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
  await sql.raw('DELETE FROM itr_issue_fact').catch(() => undefined); // absent before the first migration run
});

describe('analytics backfill', () => {
  it('refuses a non-admin', async () => {
    expect(await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: AGENT })).toMatchObject(
      { success: false, errors: [{ code: 'NOT_AUTHORIZED' }] },
    );
  });

  it('projects every ITR issue with token paging, reports progress, and a rerun is an upsert', async () => {
    seedIssues(250);
    expect(await backfill()).toMatchObject({ success: true, data: { status: 'running' } });
    const progress = await invokeResolver(supervisionResolver, 'getAnalyticsBackfill', {}, { accountId: ADMIN });
    expect(progress).toMatchObject({
      success: true,
      data: { status: 'done', processed: 250, projected: 250, pages: 3 },
    });
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(3);
    const count = async (): Promise<number> =>
      Number((await sql.raw<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM itr_issue_fact'))[0]?.n);
    expect(await count()).toBe(250);
    await backfill();
    expect(await count()).toBe(250);
  });

  it('an issue that cannot be projected (a customer tier longer than its column) is skipped and shown; the rest is projected', async () => {
    seedIssues(150);
    // Written before tiers were held to their column (64 characters): the backfill must not stall on it.
    jira.issue('ITR-7').fields[ids.customerTier] = 'T'.repeat(70);
    await backfill();
    const progress = (await invokeResolver(supervisionResolver, 'getAnalyticsBackfill', {}, { accountId: ADMIN })) as {
      data: Record<string, unknown>;
    };
    expect(progress.data).toMatchObject({
      status: 'done',
      processed: 150,
      projected: 149,
      skipped: 1,
      skippedIssues: [{ issueKey: 'ITR-7', code: 'VALUE_TOO_LONG' }],
    });
    expect(String((progress.data['skippedIssues'] as Array<{ detail: string }>)[0]?.detail)).toMatch(
      /customerTier is 70 chars; at most 64/,
    );
    const keys = (await sql.raw<Array<{ issue_key: string }>>('SELECT issue_key FROM itr_issue_fact')).map(
      (r) => r.issue_key,
    );
    expect(keys).toHaveLength(149);
    expect(keys).not.toContain('ITR-7');
  });
});

describe('supervision report', () => {
  beforeEach(async () => {
    seedIssues(60);
    await backfill();
  });

  it('counts by kind and grade with drill-down JQL for every number, one chart per call', async () => {
    const totals = await chart('totals', AGENT);
    expect(totals.created.value).toBe(60);
    expect(totals.resolved.value).toBe(40);
    const volume = await chart('volume', AGENT);
    expect(volume.periods).toEqual(['2026-01']);
    const complaint = volume.byKind.find((s) => s.kind === 'complaint');
    expect(complaint?.counts[0]?.value).toBe(30);
    expect(complaint?.counts[0]?.jql).toContain(`cf[${ids.kind.slice(12)}] = "complaint"`);
    // Grades by the grading table's names (the page shows no stored code), only those the chart holds.
    expect(volume.gradeLabels).toEqual({
      critical: { en: 'Critical', 'zh-CN': expect.any(String) },
      minor: { en: 'Minor', 'zh-CN': expect.any(String) },
    });
    for (const dimension of ['product', 'region', 'customerTier', 'month'] as const)
      expect((await chart(`breakdown-${dimension}`, AGENT)).dimension).toBe(dimension);
    // Products and regions are what triage typed: nothing to label.
    expect((await chart('breakdown-region', AGENT)).labels).toEqual({});
    expect((await chart('cycle', AGENT)).count).toBe(40);
    expect((await chart('sla', AGENT))[0]).toMatchObject({ period: '2026-01', resolved: { value: 40 } });
    expect(Array.isArray(await chart('ola', AGENT))).toBe(true);
    expect(Array.isArray(await chart('patterns', AGENT))).toBe(true);
    // The agent is neither admin nor supervisor: no per-person figures.
    expect(await chart('people', AGENT)).toBeNull();
  });

  it("answers every chart for the page's default year too (longer than SCAN_PERIOD_DAYS, so the facts are read with IGNORE INDEX)", async () => {
    const year = { from: '2025-07-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', granularity: 'month' };
    for (const name of CHARTS)
      expect([name, ((await chart(name, ADMIN, year)) as { success?: unknown }).success]).toEqual([name, undefined]);
    expect((await chart('totals', ADMIN, year)).created.value).toBe(60);
    expect((await chart('breakdown-product', ADMIN, year)).rows.length).toBeGreaterThan(0);
  });

  it('the drill-down JQL finds exactly the issues behind the number in Jira', async () => {
    const product = await chart('breakdown-product', ADMIN);
    const x200 = product.rows.find((row) => row.value === 'X200');
    if (x200 === undefined) throw new Error('no X200 row');
    let found = 0;
    for await (const page of jiraAsApp().searchJql(x200.count.jql, { pageSize: 5000 })) found += page.issues.length;
    expect(found).toBe(x200.count.value);
  });

  it('shows per-person figures to the itr-supervisors group', async () => {
    const people = await chart('people', SUPERVISOR);
    expect(people?.person.rows[0]).toMatchObject({ key: OWNER, label: 'Owner', solved: { value: 40 } });
    expect(people?.department).toMatchObject({ group: 'department', rows: [{ key: null, solved: { value: 40 } }] });
  });

  it('a person Jira no longer knows has no name in the per-person figures, never the account id', async () => {
    jira.model.users.delete(OWNER);
    const people = await chart('people', SUPERVISOR);
    expect(people?.person.rows[0]).toMatchObject({ key: OWNER, label: null, solved: { value: 40 } });
  });

  it('counts only issues of projects the caller may browse: an outsider sees zeros on every chart, a member the counts', async () => {
    const OUTSIDER = 'acc-outsider';
    jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
    jira.seedProject({ key: 'ITR', browsers: [ADMIN, SUPERVISOR, AGENT, OWNER] });
    const zero = {
      totals: (d: SupervisionChartData['totals']) => d.created.value === 0 && d.resolved.value === 0,
      volume: (d: SupervisionChartData['volume']) => d.periods.length === 0,
      cycle: (d: SupervisionChartData['cycle']) => d.count === 0,
    };
    expect(zero.totals(await chart('totals', OUTSIDER))).toBe(true);
    expect(zero.volume(await chart('volume', OUTSIDER))).toBe(true);
    expect(zero.cycle(await chart('cycle', OUTSIDER))).toBe(true);
    for (const name of ['sla', 'ola', 'patterns']) expect(await chart(name, OUTSIDER)).toEqual([]);
    for (const dimension of ['product', 'region', 'customerTier', 'month'] as const)
      expect((await chart(`breakdown-${dimension}`, OUTSIDER)).rows).toEqual([]);
    // Asking for the project by name does not widen it.
    expect((await chart('totals', OUTSIDER, { ...FILTER, projectKeys: ['ITR'] })).created.value).toBe(0);
    expect((await chart('totals', AGENT)).created.value).toBe(60);
    // Nor does an admin's page-load id: the cache is the caller's own.
    await chart('totals', ADMIN, FILTER, 'load-1');
    expect((await chart('totals', OUTSIDER, FILTER, 'load-1')).created.value).toBe(0);
  });

  it("an admin who may browse no project gets an empty per-person table, not every project's", async () => {
    const LONE_ADMIN = 'acc-lone-admin';
    jira.seedUser({ accountId: LONE_ADMIN, displayName: 'Lone admin', groups: ['jira-administrators'] });
    jira.seedProject({ key: 'ITR', browsers: [ADMIN, SUPERVISOR, AGENT, OWNER] });
    expect(await chart('people', LONE_ADMIN)).toEqual({
      person: { group: 'person', rows: [], gradeLabels: {} },
      department: { group: 'department', rows: [], gradeLabels: {} },
    });
  });

  it("asks Jira for the caller's projects once per page load, and again for another load or caller", async () => {
    const projectSearches = (): number => jira.requestCount('GET /rest/api/3/project/search');
    const before = projectSearches();
    await Promise.all(CHARTS.map((name) => chart(name, SUPERVISOR, FILTER, 'load-a')));
    expect(projectSearches() - before).toBe(1);
    await chart('totals', SUPERVISOR, FILTER, 'load-b');
    await chart('totals', AGENT, FILTER, 'load-b');
    expect(projectSearches() - before).toBe(3);
    // Without a load id every call asks.
    await chart('totals', SUPERVISOR);
    await chart('totals', SUPERVISOR);
    expect(projectSearches() - before).toBe(5);
  });

  it('refuses a bad filter or an unknown chart with a stable code', async () => {
    expect(await chart('totals', ADMIN, { from: 'x', to: 'y' })).toMatchObject({
      success: false,
      errors: [{ code: 'ANALYTICS_BAD_FILTER', path: 'filter.from' }],
    });
    expect(await chart('everything', ADMIN)).toMatchObject({
      success: false,
      errors: [{ code: 'ANALYTICS_BAD_FILTER', path: 'chart' }],
    });
  });

  it('OLA and escalations come from the line stays copied with each fact, and follow a re-projected issue', async () => {
    const issueId = Number(jira.issue('ITR-3').id);
    const at = (h: number): Date => new Date(Date.UTC(2026, 0, 5, h));
    await sql.raw(
      `INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, entered_by, working_minutes_used, outcome)
       VALUES (?, 'L1', ?, ?, ?, NULL, 60, 'timed_out'), (?, 'L2', ?, NULL, ?, 'app', 0, NULL)`,
      [issueId, at(8), at(9), AGENT, issueId, at(9), OWNER],
    );
    // Nothing until the issue's fact is written again (the copy is refreshed with the fact).
    expect(await chart('ola', ADMIN)).toEqual([]);
    await backfill();
    expect(await chart('ola', ADMIN)).toEqual([
      expect.objectContaining({ line: 'L1', ended: 1, timedOut: 1, attainment: 0 }),
    ]);
    const people = (await chart('people', ADMIN))?.person.rows as Array<{
      key: string;
      escalationsCaused: number;
      escalationsReceived: number;
    }>;
    expect(people.find((r) => r.key === AGENT)).toMatchObject({ escalationsCaused: 1, escalationsReceived: 0 });
    expect(people.find((r) => r.key === OWNER)).toMatchObject({ escalationsCaused: 0, escalationsReceived: 1 });
    // L2 resolves it; the update trigger re-projects the issue and its stays.
    await sql.raw(`UPDATE line_history SET outcome = 'resolved', left_at = ? WHERE issue_id = ? AND line = 'L2'`, [
      at(12),
      issueId,
    ]);
    await invokeFunction(issueUpdated, {
      issue: { id: String(issueId), key: 'ITR-3' },
      changelog: { items: [{ fieldId: 'resolution' }] },
    });
    expect((await chart('ola', ADMIN)).map((o) => [o.line, o.ended])).toEqual([
      ['L1', 1],
      ['L2', 1],
    ]);
  });

  it('on a site whose workflow never sets Resolution, an issue moved into a Done status counts done: the gadget stops counting it open, the charts resolved', async () => {
    const gadgetOpen = async (): Promise<number> =>
      (
        (await invokeResolver(supervisionGadgetResolver, 'getGadgetNumbers', {}, { accountId: ADMIN })) as {
          data: { open: { value: number } };
        }
      ).data.open.value;
    const openBefore = await gadgetOpen();
    const issue = jira.issue('ITR-3'); // unresolved (i % 3 === 0)
    issue.fields['status'] = { id: '6', name: 'Closed' }; // Done category; the workflow left Resolution empty
    issue.fields['statuscategorychangedate'] = '2026-01-10T08:00:00.000+0000';
    expect(issue.fields['resolution'] ?? null).toBeNull();
    await invokeFunction(issueUpdated, {
      issue: { id: issue.id, key: 'ITR-3' },
      changelog: { items: [{ fieldId: 'status' }] },
    });
    const rows = await sql.raw<
      Array<{
        resolved_at: unknown;
      }>
    >(`SELECT resolved_at FROM itr_issue_fact WHERE issue_key = 'ITR-3'`);
    expect(String(rows[0]?.resolved_at)).toContain('2026-01-10');
    expect((await chart('totals', AGENT)).resolved.value).toBe(41);
    expect(await gadgetOpen()).toBe(openBefore - 1);
  });

  it('the update trigger keeps a fact current', async () => {
    jira.issue('ITR-3').fields[ids.grade] = 'critical';
    await invokeFunction(issueUpdated, {
      issue: { id: jira.issue('ITR-3').id, key: 'ITR-3' },
      changelog: { items: [{ fieldId: 'resolution' }] },
    });
    const rows = await sql.raw<
      Array<{
        grade: string;
      }>
    >(`SELECT grade FROM itr_issue_fact WHERE issue_key = 'ITR-3'`);
    expect(rows[0]?.grade).toBe('critical');
  });
});
