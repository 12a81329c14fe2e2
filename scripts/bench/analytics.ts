/**
 * Analytics benchmark (`npm run bench:analytics`): prints JSON.
 *  - chart queries: N issues (default 100,000) in itr_issue_fact with ~2 line stays each, every chart query
 *    of the supervision report run R times (default 7) over a 12-month filter → p95 per query;
 *  - backfill: M ITR issues (default 2,000) in the Jira double at --latency ms per call (default 100)
 *    → issues per minute and Jira requests per issue.
 * Options: --n, --runs, --m, --latency. MariaDB: a private one (test/harness/mariadb.ts) unless
 * ITR_TEST_MYSQL_URL is set.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../../test/harness/mariadb';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0) * 10) / 10;
};

async function main(): Promise<void> {
  const n = Number(arg('n') ?? 100_000);
  const runs = Number(arg('runs') ?? 7);
  const m = Number(arg('m') ?? 2000);
  const latency = Number(arg('latency') ?? 100);

  let server: MariaDbServer | undefined;
  if (!process.env[ENV_URL]) {
    server = await startPrivateMariaDb(fs.mkdtempSync(path.join(os.tmpdir(), 'itr-bench-')));
    process.env[ENV_SOCKET] = server.socketPath;
  }
  const { installHarness } = await import('../../test/harness/index');
  const h = installHarness();
  const { defineItrFields } = await import('../../test/fixtures/itrFields');
  const { runMigrations } = await import('../../src/adapters/sql');
  const { analyticsBackfillConsumer, supervisionResolver } = await import('../../src/index');
  const { BACKFILL_QUEUE } = await import('../../src/app/analytics/backfill');
  const store = await import('../../src/app/analytics/factStore');
  const { SEVERE_GRADES } = await import('../../src/domain/analytics');
  const { invokeResolver } = await import('../../test/harness/invoke');
  try {
    await runMigrations();
    await h.sql.raw('DELETE FROM itr_issue_fact');
    await h.sql.raw('DELETE FROM line_history');
    // ---- seed N facts + histories in bulk (deterministic) ----
    const kinds = ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'];
    const grades = ['critical', 'major', 'minor', 'suggestion'];
    const start = Date.UTC(2025, 0, 1);
    const seedStarted = Date.now();
    for (let at = 0; at < n; at += 2000) {
      const facts: string[] = [];
      const stays: string[] = [];
      for (let i = at; i < Math.min(n, at + 2000); i++) {
        const created = new Date(start + ((i * 7919) % (365 * 86_400)) * 1000);
        const cycle = i % 4 === 0 ? null : (i * 37) % (24 * 60 * 30);
        const resolved = cycle === null ? null : new Date(created.getTime() + cycle * 60_000);
        const dt = (d: Date | null): string => (d === null ? 'NULL' : `'${d.toISOString().replace('T', ' ').replace('Z', '')}'`);
        const breached = i % 11 === 0;
        facts.push(`(${i + 1}, 'ITR-${i + 1}', 'P${i % 5}', '${kinds[i % 4]}', '${grades[(i >> 2) % 4]}', 'problem', 'PR${i % 40}', 'R${i % 12}', 'T${i % 3}', 'acc-${i % 300}', 'D${i % 15}', 'L${1 + (i % 3)}', ${dt(created)}, ${dt(resolved)}, ${breached ? dt(new Date(created.getTime() + 3_600_000)) : 'NULL'}, ${cycle ?? 'NULL'}, ${resolved === null ? 'NULL' : breached ? 0 : 1}, ${i % 3}, ${i % 5 === 0 ? 1 : 0}, 0, ${i % 6 === 0 ? 1 + (i % 5) : 'NULL'}, ${dt(created)})`);
        stays.push(`(${i + 1}, 'L1', ${dt(created)}, ${dt(new Date(created.getTime() + 3_600_000))}, 'acc-${i % 300}', NULL, 60, '${i % 5 === 0 ? 'timed_out' : 'passed_on'}')`);
        stays.push(`(${i + 1}, 'L2', ${dt(new Date(created.getTime() + 3_600_000))}, ${resolved === null ? 'NULL' : dt(resolved)}, 'acc-${(i + 7) % 300}', 'app', 30, ${resolved === null ? 'NULL' : "'resolved'"})`);
      }
      await h.sql.raw(`INSERT INTO itr_issue_fact (issue_id, issue_key, project_key, kind, grade, classification, product, region, customer_tier, owner_account_id, department, current_line, created_at, resolved_at, breached_at, cycle_minutes, sla_met, escalations, timeouts, forwards, satisfaction, synced_at) VALUES ${facts.join(', ')}`);
      await h.sql.raw(`INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, entered_by, working_minutes_used, outcome) VALUES ${stays.join(', ')}`);
    }
    const seedMs = Date.now() - seedStarted;
    const filter = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', projectKeys: [], kinds: [], grades: [], granularity: 'month' as const };
    const queries: Record<string, () => Promise<unknown>> = {
      volume: () => store.volumeRows(filter),
      sla: () => store.slaRows(filter),
      ola: () => store.olaRows(filter),
      cycle: () => store.cycleRows(filter),
      breakdownProduct: () => store.breakdownRows(filter, 'product', SEVERE_GRADES),
      breakdownRegion: () => store.breakdownRows(filter, 'region', SEVERE_GRADES),
      breakdownCustomerTier: () => store.breakdownRows(filter, 'customerTier', SEVERE_GRADES),
      breakdownMonth: () => store.breakdownRows(filter, 'month', SEVERE_GRADES),
      caseSpread: () => store.caseSpreadRows(filter),
      regionSpread: () => store.regionSpreadRows(filter),
      departmentMonthly: () => store.departmentMonthlyRows(filter),
      peoplePerson: () => store.peopleRows(filter, 'person', () => null),
      peopleDepartment: () => store.peopleRows(filter, 'department', () => null),
      gadget: () => store.gadgetCounts({ from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' }),
    };
    const chartP95Ms: Record<string, number> = {};
    for (const [name, run] of Object.entries(queries)) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      chartP95Ms[name] = p95(times);
    }
    // The whole report as the resolver builds it (all queries, in parallel where it can).
    h.jira.seedUser({ accountId: 'acc-admin', displayName: 'Admin', globalPermissions: ['ADMINISTER'] });
    defineItrFields(h.jira);
    const reportTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await invokeResolver(supervisionResolver, 'getSupervisionReport', filter, { accountId: 'acc-admin' });
      reportTimes.push(performance.now() - t0);
    }

    // ---- backfill against the Jira double ----
    h.reset();
    await h.sql.raw('DELETE FROM itr_issue_fact');
    h.jira.seedUser({ accountId: 'acc-admin', displayName: 'Admin', globalPermissions: ['ADMINISTER'] });
    const ids = defineItrFields(h.jira);
    for (let i = 1; i <= m; i++) {
      h.jira.seedIssue({ key: `ITR-${i}`, created: new Date(start + i * 60_000), fields: { [ids.kind]: kinds[i % 4], [ids.grade]: grades[i % 4], [ids.product]: `PR${i % 40}` } });
    }
    h.queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
    h.jira.latencyMs = latency;
    h.runtime.setRemainingTimeMillis(900_000);
    const before = h.jira.requestCount();
    const t0 = performance.now();
    await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: 'acc-admin' });
    await h.queue.drain();
    const backfillMs = performance.now() - t0;
    const requests = h.jira.requestCount() - before;
    h.jira.latencyMs = 0;
    const projected = Number(((await h.sql.raw('SELECT COUNT(*) AS n FROM itr_issue_fact')) as Array<{ n: number }>)[0]?.n);

    console.log(
      JSON.stringify(
        {
          issues: n,
          seedMs,
          runs,
          chartP95Ms,
          maxChartP95Ms: Math.max(...Object.values(chartP95Ms)),
          reportP95Ms: p95(reportTimes),
          targetMs: 1000,
          backfill: {
            issues: m,
            projected,
            jiraLatencyMs: latency,
            durationMs: Math.round(backfillMs),
            issuesPerMinute: Math.round((m / backfillMs) * 60_000),
            jiraRequests: requests,
            jiraRequestsPerIssue: Math.round((requests / m) * 1000) / 1000,
          },
          pageFirstRender: 'see test/static/supervision.browser.test.ts (logs supervisionFirstRenderMs)',
        },
        null,
        2,
      ),
    );
  } finally {
    await server?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
