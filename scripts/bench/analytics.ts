/**
 * Analytics benchmark (`npm run bench:analytics`): prints JSON.
 *  - charts: N issues (default 100,000) in itr_issue_fact with 2 line stays each; every chart of the
 *    supervision page (`buildChart`, what `getSupervisionChart` runs) R times (default 7) over a
 *    12-month filter → p95 per chart, by the page's chart name, once the page load's permission
 *    look-ups are done (those are timed apart: `permissionLookupP95Ms`, Jira double at 0 ms); plus all
 *    charts at once through the exported resolver as the page fires them (its wall time for its data),
 *    the gadget's SLA query and the weekly summary;
 *  - backfill: M ITR issues (default 2,000) in the Jira double at --latency ms per call (default 100)
 *    → issues per minute and Jira requests per issue;
 *  - page: the sandbox (sandbox/server.ts, the real app) with N facts in its projects, the supervision
 *    page opened in headless Chromium as an admin, --loads times (default 3) → ms until the first chart
 *    is drawn and until every chart is (skipped with --no-page or without Chromium).
 * Options: --n, --runs, --m, --latency, --loads, --no-page, --explain (prints MariaDB's ANALYZE of each
 * chart statement to stderr). MariaDB: a private one (platform-doubles/mariadb.ts) unless ITR_TEST_MYSQL_URL is set.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../../platform-doubles/mariadb';
import type { Harness } from '../../platform-doubles';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0) * 10) / 10;
};
const round = (x: number): number => Math.round(x);
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const KINDS = ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'];
const GRADES = ['critical', 'major', 'minor', 'suggestion'];

/** N facts and two line stays each, in bulk (deterministic), created over `spanDays` from `startMs`. */
async function seedFacts(
  h: Harness,
  n: number,
  projectKeys: readonly string[],
  startMs: number,
  spanDays: number,
): Promise<number> {
  // Loaded here, after the harness globals exist (@forge/sql reads them when first loaded).
  const { copyStaysSql } = await import('../../src/adapters/sql/factRepository');
  await h.sql.raw('TRUNCATE TABLE itr_issue_fact');
  await h.sql.raw('TRUNCATE TABLE line_history');
  await h.sql.raw('TRUNCATE TABLE itr_stay_fact');
  const started = Date.now();
  const dt = (d: Date | null): string =>
    d === null ? 'NULL' : `'${d.toISOString().replace('T', ' ').replace('Z', '')}'`;
  for (let at = 0; at < n; at += 2000) {
    const facts: string[] = [];
    const stays: string[] = [];
    for (let i = at; i < Math.min(n, at + 2000); i++) {
      const created = new Date(startMs + ((i * 7919) % (spanDays * 86_400)) * 1000);
      const cycle = i % 4 === 0 ? null : (i * 37) % (24 * 60 * 30);
      const resolved = cycle === null ? null : new Date(created.getTime() + cycle * 60_000);
      const breached = i % 11 === 0;
      const project = projectKeys[i % projectKeys.length] as string;
      facts.push(
        `(${i + 1}, '${project}-${i + 1}', '${project}', '${KINDS[i % 4]}', '${GRADES[(i >> 2) % 4]}', 'problem', 'PR${i % 40}', 'R${i % 12}', 'T${i % 3}', 'acc-${i % 300}', 'D${i % 15}', 'L${1 + (i % 3)}', ${dt(created)}, ${dt(resolved)}, ${breached ? dt(new Date(created.getTime() + 3_600_000)) : 'NULL'}, ${cycle ?? 'NULL'}, ${resolved === null ? 'NULL' : breached ? 0 : 1}, ${i % 3}, ${i % 5 === 0 ? 1 : 0}, 0, ${i % 6 === 0 ? 1 + (i % 5) : 'NULL'}, ${dt(created)})`,
      );
      stays.push(
        `(${i + 1}, 'L1', ${dt(created)}, ${dt(new Date(created.getTime() + 3_600_000))}, 'acc-${i % 300}', NULL, 60, '${i % 5 === 0 ? 'timed_out' : 'passed_on'}')`,
      );
      stays.push(
        `(${i + 1}, 'L2', ${dt(new Date(created.getTime() + 3_600_000))}, ${resolved === null ? 'NULL' : dt(resolved)}, 'acc-${(i + 7) % 300}', 'app', 30, ${resolved === null ? 'NULL' : "'resolved'"})`,
      );
    }
    await h.sql.raw(
      `INSERT INTO itr_issue_fact (issue_id, issue_key, project_key, kind, grade, classification, product, region, customer_tier, owner_account_id, department, current_line, created_at, resolved_at, breached_at, cycle_minutes, sla_met, escalations, timeouts, forwards, satisfaction, synced_at) VALUES ${facts.join(', ')}`,
    );
    await h.sql.raw(
      `INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, entered_by, working_minutes_used, outcome) VALUES ${stays.join(', ')}`,
    );
    // As the projection's upsert does for the issues it writes.
    await h.sql.raw(copyStaysSql('h.issue_id BETWEEN ? AND ?'), [at + 1, Math.min(n, at + 2000)]);
  }
  await h.sql.raw('ANALYZE TABLE itr_issue_fact, line_history, itr_stay_fact');
  return Date.now() - started;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  const answer = await run();
  const ms = performance.now() - t0;
  if (typeof answer === 'object' && answer !== null && (answer as { success?: unknown }).success === false)
    throw new Error(`failed: ${JSON.stringify(answer)}`);
  return ms;
}

/** The supervision page in the sandbox, in Chromium: ms to the first drawn chart and to all of them, per load. */
async function pageRender(h: Harness, n: number, loads: number): Promise<Record<string, unknown>> {
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../../test/static/bridgeStub');
  if (!fs.existsSync(CHROMIUM_PATH)) return { skipped: `no Chromium at ${CHROMIUM_PATH}` };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itr-bench-ui-'));
  const build = spawnSync(process.execPath, ['static/build.mjs', 'supervision', '--out', outDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`Custom UI build failed:\n${build.stdout}\n${build.stderr}`);
  const { chromium } = await import('playwright-core');
  const { startSandbox } = await import('../../sandbox/server');
  const { DEMO_PROJECTS, DEMO_USERS } = await import('../../sandbox/demoSite');
  const { SUPERVISION_CHARTS } = await import('../../src/app/analytics/report');
  const sandbox = await startSandbox({
    port: 0,
    resourceDirs: { supervision: path.join(outDir, 'supervision') },
    log: () => undefined,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    // The page's default filter is the 12 months up to the end of this month: spread the facts over the last 360 days.
    const seedMs = await seedFacts(
      h,
      n,
      DEMO_PROJECTS.map((p) => p.key),
      Date.now() - 360 * 86_400_000,
      360,
    );
    const admin = DEMO_USERS.find((u) => u.role === 'admin');
    if (admin === undefined) throw new Error('demo site has no admin');
    const firstChartMs: number[] = [];
    const allChartsMs: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      await context.addCookies([
        {
          name: 'itr_sandbox',
          value: encodeURIComponent(`accountId=${admin.accountId}&lang=en&theme=light`),
          url: sandbox.url,
        },
      ]);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${sandbox.url}/apps/itr-supervision`);
      const frame = page.frameLocator('[data-testid="forge-frame-itr-supervision"]');
      await frame.locator('[data-chart-state="ready"]').first().waitFor({ timeout: 60_000 });
      firstChartMs.push(performance.now() - t0);
      await frame
        .locator(`[data-chart-state="ready"]`)
        .nth(SUPERVISION_CHARTS.length - 1)
        .waitFor({ timeout: 60_000 });
      allChartsMs.push(performance.now() - t0);
      const failed = await frame.locator('[data-chart-state="error"]').count();
      if (failed > 0) throw new Error(`${failed} chart(s) failed in the sandbox`);
      await context.close();
    }
    return {
      issues: n,
      seedMs,
      loads,
      firstChartMs: firstChartMs.map(round),
      allChartsMs: allChartsMs.map(round),
      firstChartP95Ms: p95(firstChartMs),
      allChartsP95Ms: p95(allChartsMs),
    };
  } finally {
    await browser.close();
    await sandbox.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const n = Number(arg('n') ?? 100_000);
  const runs = Number(arg('runs') ?? 7);
  const m = Number(arg('m') ?? 2000);
  const latency = Number(arg('latency') ?? 100);
  const loads = Number(arg('loads') ?? 3);

  let server: MariaDbServer | undefined;
  if (!process.env[ENV_URL]) {
    server = await startPrivateMariaDb(fs.mkdtempSync(path.join(os.tmpdir(), 'itr-bench-')));
    process.env[ENV_SOCKET] = server.socketPath;
  }
  const { installHarness } = await import('../../platform-doubles/index');
  const h = installHarness();
  const { defineItrFields } = await import('../../test/fixtures/itrFields');
  const { runMigrations } = await import('../../src/adapters/sql');
  const { analyticsBackfillConsumer, supervisionResolver } = await import('../../src/index');
  const { BACKFILL_QUEUE } = await import('../../src/app/analytics/backfill');
  const { sqlFacts } = await import('../../src/adapters/sql/factRepository');
  const slaResolvedIn: typeof sqlFacts.slaResolvedIn = (period, keys) => sqlFacts.slaResolvedIn(period, keys);
  const { buildChart, buildWeeklySummary, platformReportDeps, SUPERVISION_CHARTS } = await import(
    '../../src/app/analytics/report'
  );
  const { CallerScopes } = await import('../../src/app/analytics/callerScope');
  const { parseFilter } = await import('../../src/domain/analytics');
  const { invokeResolver } = await import('../../platform-doubles/invoke');
  try {
    await runMigrations();
    const projects = ['P0', 'P1', 'P2', 'P3', 'P4'];
    const seedMs = await seedFacts(h, n, projects, Date.UTC(2025, 0, 1), 365);
    const filter = {
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      projectKeys: [],
      kinds: [],
      grades: [],
      granularity: 'month' as const,
    };
    const ADMIN = 'acc-admin';
    h.jira.seedUser({ accountId: ADMIN, displayName: 'Admin', globalPermissions: ['ADMINISTER'] });
    for (const key of projects) h.jira.seedProject({ key });
    defineItrFields(h.jira);
    const chart = (name: string, loadId: string) => () =>
      invokeResolver(supervisionResolver, 'getSupervisionChart', { chart: name, filter, loadId }, { accountId: ADMIN });

    const times: Record<string, number[]> = Object.fromEntries(SUPERVISION_CHARTS.map((c) => [c, []]));
    const together: number[] = [];
    const extra: Record<string, number[]> = { permissionLookup: [], gadgetSla: [], weeklySummary: [] };
    const parsed = parseFilter(filter);
    if ('code' in parsed) throw new Error(parsed.message);
    const explainFrom = h.sql.statements.length;
    for (let r = 0; r < runs; r++) {
      // One page load: Jira is asked for the caller's projects, people rights and the field ids once,
      // then every chart's queries run on their own.
      const deps = { ...platformReportDeps(), scopes: new CallerScopes() };
      const loadId = `bench-${r}`;
      await h.runtime.runAs(ADMIN, async () => {
        const scope = deps.scopes.of(ADMIN, loadId, () => deps.asCaller(), Date.now());
        (extra['permissionLookup'] as number[]).push(
          await timed(async () =>
            Promise.all([
              scope.browsableProjectKeys(),
              scope.shared('fieldIds', () => deps.fieldIds()),
              scope.maySeePeople(await deps.settings()),
            ]),
          ),
        );
        for (const name of SUPERVISION_CHARTS)
          (times[name] as number[]).push(await timed(() => buildChart(ADMIN, name, parsed, loadId, deps)));
      });
      together.push(await timed(() => Promise.all(SUPERVISION_CHARTS.map((name) => chart(name, `bench-all-${r}`)()))));
      (extra['gadgetSla'] as number[]).push(
        await timed(() =>
          slaResolvedIn({ from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' }, projects),
        ),
      );
      (extra['weeklySummary'] as number[]).push(
        await timed(() =>
          buildWeeklySummary(
            { ...filter, from: '2025-06-02T00:00:00.000Z', to: '2025-06-09T00:00:00.000Z', granularity: 'day' },
            new Date(),
          ),
        ),
      );
    }
    if (flag('explain')) {
      const seen = new Set<string>();
      for (const s of h.sql.statements.slice(explainFrom)) {
        if (!s.query.trimStart().startsWith('SELECT') || seen.has(s.query)) continue;
        seen.add(s.query);
        const rows = await h.sql.raw<Array<Record<string, unknown>>>(`ANALYZE ${s.query}`, s.params);
        process.stderr.write(
          `\n${s.query.replace(/\s+/g, ' ').slice(0, 400)}\n${rows.map((x) => JSON.stringify(x)).join('\n')}\n`,
        );
      }
    }
    const chartP95Ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, p95(v)]));

    // ---- backfill against the Jira double ----
    h.reset();
    await h.sql.raw('TRUNCATE TABLE itr_issue_fact');
    await h.sql.raw('TRUNCATE TABLE itr_stay_fact');
    h.jira.seedUser({ accountId: ADMIN, displayName: 'Admin', globalPermissions: ['ADMINISTER'] });
    const ids = defineItrFields(h.jira);
    const start = Date.UTC(2025, 0, 1);
    for (let i = 1; i <= m; i++) {
      h.jira.seedIssue({
        key: `ITR-${i}`,
        created: new Date(start + i * 60_000),
        fields: { [ids.kind]: KINDS[i % 4], [ids.grade]: GRADES[i % 4], [ids.product]: `PR${i % 40}` },
      });
    }
    h.queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
    h.jira.latencyMs = latency;
    h.runtime.setRemainingTimeMillis(900_000);
    const before = h.jira.requestCount();
    const t0 = performance.now();
    await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
    await h.queue.drain();
    const backfillMs = performance.now() - t0;
    const requests = h.jira.requestCount() - before;
    h.jira.latencyMs = 0;
    const projected = Number((await h.sql.raw<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM itr_issue_fact'))[0]?.n);

    const page = flag('no-page') ? { skipped: '--no-page' } : await pageRender(h, n, loads);

    console.log(
      JSON.stringify(
        {
          machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join('/')}`,
          issues: n,
          seedMs,
          runs,
          chartP95Ms,
          maxChartP95Ms: Math.max(...Object.values(chartP95Ms)),
          permissionLookupP95Ms: p95(extra['permissionLookup'] as number[]),
          allChartsAtOnceP95Ms: p95(together),
          gadgetSlaP95Ms: p95(extra['gadgetSla'] as number[]),
          weeklySummaryP95Ms: p95(extra['weeklySummary'] as number[]),
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
          pageFirstRenderInSandbox: page,
        },
        null,
        2,
      ),
    );
  } finally {
    await h.sql.dispose().catch(() => undefined);
    await server?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
