/**
 * Supervision through the exported handlers: the backfill (admin only) rebuilds the projection from
 * Jira by token-paged JQL through the queue, a rerun changes nothing, the trigger keeps a fact current,
 * and the report's numbers come with the JQL of their issues; per-person figures only for allowed roles.
 */
import { analyticsBackfillConsumer, issueUpdated, supervisionResolver } from '../../../src/index';
import { BACKFILL_QUEUE } from '../../../src/app/analytics/backfill';
import { jiraAsApp } from '../../../src/adapters/jira';
import { harness, invokeFunction, invokeResolver } from '../../harness';
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
        ...(resolved ? { resolutiondate: resolved.toISOString().replace('Z', '+0000'), resolution: { name: 'Done' } } : {}),
        ...(i % 7 === 0 ? { [ids.breachedAt]: new Date(created.getTime() + 3_600_000).toISOString().replace('Z', '+0000') } : {}),
      },
    });
  }
  // Not an ITR issue: no kind, no grade.
  jira.seedIssue({ key: 'OTHER-1', created: new Date(Date.UTC(2026, 0, 3)) });
}

const FILTER = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', granularity: 'month' };

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
    expect(await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: AGENT })).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  });

  it('projects every ITR issue with token paging, reports progress, and a rerun is an upsert', async () => {
    seedIssues(250);
    expect(await backfill()).toMatchObject({ success: true, data: { status: 'running' } });
    const progress = await invokeResolver(supervisionResolver, 'getAnalyticsBackfill', {}, { accountId: ADMIN });
    expect(progress).toMatchObject({ success: true, data: { status: 'done', processed: 250, projected: 250, pages: 3 } });
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(3);
    const count = async (): Promise<number> => Number(((await sql.raw('SELECT COUNT(*) AS n FROM itr_issue_fact')) as Array<{ n: number }>)[0]?.n);
    expect(await count()).toBe(250);
    await backfill();
    expect(await count()).toBe(250);
  });
});

describe('supervision report', () => {
  beforeEach(async () => {
    seedIssues(60);
    await backfill();
  });

  it('counts by kind and grade with drill-down JQL for every number', async () => {
    const r = (await invokeResolver(supervisionResolver, 'getSupervisionReport', FILTER, { accountId: AGENT })) as { success: true; data: any };
    expect(r.success).toBe(true);
    const d = r.data;
    expect(d.totals.created.value).toBe(60);
    expect(d.totals.resolved.value).toBe(40);
    expect(d.volume.periods).toEqual(['2026-01']);
    const complaint = d.volume.byKind.find((s: { kind: string }) => s.kind === 'complaint');
    expect(complaint.counts[0].value).toBe(30);
    expect(complaint.counts[0].jql).toContain(`cf[${ids.kind.slice(12)}] = "complaint"`);
    expect(d.breakdowns.map((b: { dimension: string }) => b.dimension)).toEqual(['product', 'region', 'customerTier', 'month']);
    expect(d.cycle.count).toBe(40);
    // The agent is neither admin nor supervisor: no per-person figures.
    expect(d.people).toBeNull();
  });

  it('the drill-down JQL finds exactly the issues behind the number in Jira', async () => {
    const r = (await invokeResolver(supervisionResolver, 'getSupervisionReport', FILTER, { accountId: ADMIN })) as { data: any };
    const x200 = r.data.breakdowns[0].rows.find((row: { value: string }) => row.value === 'X200');
    let found = 0;
    for await (const page of jiraAsApp().searchJql(x200.count.jql, { pageSize: 5000 })) found += page.issues.length;
    expect(found).toBe(x200.count.value);
  });

  it('shows per-person figures to the itr-supervisors group', async () => {
    const r = (await invokeResolver(supervisionResolver, 'getSupervisionReport', FILTER, { accountId: SUPERVISOR })) as { data: any };
    expect(r.data.people.rows[0]).toMatchObject({ key: OWNER, solved: { value: 40 } });
  });

  it('counts only issues of projects the caller may browse: an outsider sees zeros, a member the counts', async () => {
    const OUTSIDER = 'acc-outsider';
    jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
    jira.seedProject({ key: 'ITR', browsers: [ADMIN, SUPERVISOR, AGENT, OWNER] });
    const outsider = (await invokeResolver(supervisionResolver, 'getSupervisionReport', FILTER, { accountId: OUTSIDER })) as { success: true; data: any };
    expect(outsider.success).toBe(true);
    expect(outsider.data.totals.created.value).toBe(0);
    expect(outsider.data.totals.resolved.value).toBe(0);
    expect(outsider.data.volume.periods).toEqual([]);
    expect(outsider.data.cycle.count).toBe(0);
    expect(outsider.data.breakdowns.every((b: { rows: unknown[] }) => b.rows.length === 0)).toBe(true);
    // Asking for the project by name does not widen it.
    const named = (await invokeResolver(supervisionResolver, 'getSupervisionReport', { ...FILTER, projectKeys: ['ITR'] }, { accountId: OUTSIDER })) as { data: any };
    expect(named.data.totals.created.value).toBe(0);
    const member = (await invokeResolver(supervisionResolver, 'getSupervisionReport', FILTER, { accountId: AGENT })) as { data: any };
    expect(member.data.totals.created.value).toBe(60);
    expect(jira.requestCount('GET /rest/api/3/project/search')).toBeGreaterThan(0);
  });

  it('refuses a bad filter with a stable code', async () => {
    expect(await invokeResolver(supervisionResolver, 'getSupervisionReport', { from: 'x', to: 'y' }, { accountId: ADMIN })).toMatchObject({ success: false, errors: [{ code: 'ANALYTICS_BAD_FILTER' }] });
  });

  it('the update trigger keeps a fact current', async () => {
    jira.issue('ITR-3').fields[ids.grade] = 'critical';
    await invokeFunction(issueUpdated, { issue: { id: jira.issue('ITR-3').id, key: 'ITR-3' }, changelog: { items: [{ fieldId: 'resolution' }] } });
    const rows = (await sql.raw(`SELECT grade FROM itr_issue_fact WHERE issue_key = 'ITR-3'`)) as Array<{ grade: string }>;
    expect(rows[0]?.grade).toBe('critical');
  });
});
