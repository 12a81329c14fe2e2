/**
 * `npm run soak [-- --minutes 1 --seed 9 --days 1 --quiet --verbose]` (--verbose: the handlers' log lines to stderr): a simulated day on the sandbox, with faults.
 *
 * Starts the sandbox (sandbox/server.ts: the real handlers of src/index.ts, the real @forge/* SDKs, the
 * Jira/KVS/queue doubles, MariaDB for Forge SQL) on a manual clock that is also the process's `Date`,
 * and plays a day in five-minute ticks: issues created in English and Chinese (product event
 * `issue-created`), triaged by the triage user (`src/entry/triageFunctions.ts`), the grading calendars saved by the
 * admin now and then (`grading-admin-resolver`), and the scheduled triggers (escalation sweep →
 * queue → consumer) every tick. Every eight simulated hours (from the first hour) the admin publishes a
 * new grading table and regrades the open issues (`startRegrade` → `regrade` consumer), and two hours
 * later rebuilds the analytics projection (`startAnalyticsBackfill` → `analytics-backfill` consumer).
 * Faults come from a seeded random stream: Jira 429 (Retry-After 1 s) and 500s, slow answers, KVS
 * conflicts, duplicate queue deliveries, failed queue pushes, and the regrade and backfill consumers
 * killed at a random write (test/faults/killSwitch.ts: before or after the write lands).
 * When the day (or the wall-time budget, default 60 s) is over, faults stop, two clean sweeps run, and
 * the invariants are checked:
 *   - every open graded issue's line and line-entry time equal its open line_history stay, and its due
 *     time is not in the past at L1/L2 (nothing escalation owed was lost);
 *   - no issue has two escalation actions (warn/escalate/breach) for the same line stay, nor two equal comments;
 *   - the grading calendars in KVS are the last ones a save reported as stored;
 *   - every regrade reaches 100 % (all batches in, every issue processed), and at the end every open
 *     graded issue carries the version of the table in force;
 *   - every backfill reaches `done` having read every ITR issue, and a last backfill killed mid-way
 *     leaves the same projection as a rebuild from scratch.
 * Prints one JSON object with the figures; exits 1 when an invariant fails.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../platform-doubles/mariadb';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const MINUTE = 60_000;
const TICK = 5 * MINUTE;

/** mulberry32: a small seeded PRNG (the soak must replay identically for a seed). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUMMARIES = [
  ['Checkout fails with error 502', 'Customers see a 502 after pressing Pay.'],
  ['打印机无法连接网络', '办公室打印机今天早上开始无法连接到网络。'],
  ['VPN drops every hour', 'Remote staff lose the VPN tunnel hourly.'],
  ['订单状态不同步', '门户中的订单状态与 ERP 不一致。'],
  ['Spare power supply for switch', 'PSU 2 of the core switch failed.'],
  ['投诉：客服响应太慢', '客户投诉客服 48 小时未回复。'],
] as const;
const KINDS = ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'] as const;
const IMPACTS = ['outage', 'degraded', 'minor'] as const;

export interface SoakFigures {
  seed: number;
  wallSeconds: number;
  sandboxHours: number;
  ticks: number;
  issuesCreated: number;
  issuesTriaged: number;
  jobs: Record<'regrade' | 'backfill', { started: number; done: number; killed: number }>;
  configSaves: { stored: number; failedAttempts: number };
  consoleLines: Record<string, number>;
  escalations: number;
  warnings: number;
  faults: Record<string, number>;
  handlerErrors: Record<string, number>;
  jiraRequests: number;
  invariants: Record<string, { checked: number; violations: string[] }>;
  ok: boolean;
}

export async function runSoak(options: {
  wallMs: number;
  seed: number;
  days: number;
  maxTicks?: number;
  log?: ((s: string) => void) | undefined;
  verbose?: boolean;
}): Promise<SoakFigures> {
  const log = options.log ?? (() => undefined);
  let server: MariaDbServer | undefined;
  if (!process.env[ENV_URL] && !process.env[ENV_SOCKET]) {
    server = await startPrivateMariaDb(fs.mkdtempSync(path.join(os.tmpdir(), 'itr-soak-')));
    process.env[ENV_SOCKET] = server.socketPath;
  }
  const { installHarness, invokeResolver, invokeFunction } = await import('../platform-doubles/index');
  const h = installHarness();
  const { createManualClock, installFakeDate } = await import('../sandbox/clock');
  const clock = createManualClock();
  const uninstallDate = installFakeDate(clock);
  const { startSandbox } = await import('../sandbox/server');
  const { DEMO_USERS, DEMO_FIELD_IDS: ids } = await import('../sandbox/demoSite');
  const { runMigrations } = await import('../src/adapters/sql');
  const app = await import('../src/index');
  // Triage's functions, as the ITR page's resolver routes them.
  const triage = (await import('../src/entry/triageFunctions')).handler;
  const { KillSwitch } = await import('../test/faults/killSwitch');
  const { REGRADE_QUEUE } = await import('../src/app/regrade/regrade');
  const { BACKFILL_QUEUE } = await import('../src/app/analytics/backfill');
  const random = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const user = (role: string): string => (DEMO_USERS.find((u) => u.role === role) as { accountId: string }).accountId;
  const [ADMIN, TRIAGE] = [user('admin'), user('triage')];
  const submitters = DEMO_USERS.filter((u) => u.role === 'submitter').map((u) => u.accountId);

  // The handlers' log lines are counted, not printed (stdout carries the JSON figures only).
  const consoleLines: Record<string, number> = {};
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    console[level] = (...args: unknown[]): void => {
      consoleLines[level] = (consoleLines[level] ?? 0) + 1;
      if (options.verbose === true) process.stderr.write(`${args.map(String).join(' ')}\n`);
    };
  }
  const started = Date.now.call(null);
  const realStart = performance.now();
  const faults: Record<string, number> = {};
  const handlerErrors: Record<string, number> = {};
  const count = (m: Record<string, number>, k: string): void => {
    m[k] = (m[k] ?? 0) + 1;
  };
  const figures = { issuesCreated: 0, issuesTriaged: 0, stored: 0, conflicts: 0 };

  await runMigrations();
  for (const t of ['line_history', 'escalation_action', 'escalation_audit', 'classification_history'])
    await h.sql.raw(`DELETE FROM ${t}`);
  const sandbox = await startSandbox({ port: 0, clock, log: () => undefined });
  // The regrade and backfill consumers as the platform runs them, so a delivery can die mid-batch.
  const kill = new KillSwitch(h);
  h.queue.registerConsumer(REGRADE_QUEUE, kill.wrap(app.regradeConsumer));
  h.queue.registerConsumer(BACKFILL_QUEUE, kill.wrap(app.analyticsBackfillConsumer));
  const jobs: SoakFigures['jobs'] = {
    regrade: { started: 0, done: 0, killed: 0 },
    backfill: { started: 0, done: 0, killed: 0 },
  };
  let expectedCalendars: unknown = undefined;
  const nextNumber = new Map<string, number>();
  for (const i of h.jira.model.issues.values())
    nextNumber.set(i.projectKey, Math.max(nextNumber.get(i.projectKey) ?? 0, Number(i.key.split('-')[1])));

  const untriaged: string[] = [];
  const ticksPerDay = (24 * 60 * MINUTE) / TICK;
  // maxTicks bounds the run by work done rather than wall time, so a test's figures do not depend on machine load.
  const totalTicks = Math.min(Math.round(ticksPerDay * options.days), options.maxTicks ?? Infinity);
  let tick = 0;
  let faultsOn = true;

  const injectFaults = (): void => {
    if (!faultsOn) return;
    const r = random();
    if (r < 0.02) {
      h.jira.failNext(1, { status: 429, retryAfter: 1 });
      count(faults, 'jira429RetryAfter');
    } else if (r < 0.1) {
      h.jira.failNext(1 + Math.floor(random() * 2), { status: pick([500, 502, 503]) });
      count(faults, 'jira5xx');
    } else if (r < 0.16) {
      h.kvs.injectConflict(1);
      count(faults, 'kvsConflict');
    } else if (r < 0.24) {
      h.queue.duplicateNext(1);
      count(faults, 'duplicateDelivery');
    } else if (r < 0.27) {
      h.queue.failNextPush(1, 500);
      count(faults, 'queuePushFailed');
    }
    h.jira.latencyMs = random() < 0.05 ? 20 : 0;
    if (h.jira.latencyMs > 0) count(faults, 'slowJira');
  };

  const safely = async (name: string, run: () => Promise<unknown>): Promise<unknown> => {
    try {
      return await run();
    } catch (e) {
      count(handlerErrors, name);
      log(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };

  const invariants: SoakFigures['invariants'] = {};
  const check = (name: string, ok: boolean, detail: string): void => {
    const v = (invariants[name] ??= { checked: 0, violations: [] });
    v.checked++;
    if (!ok && v.violations.length < 10) v.violations.push(detail);
  };
  type Envelope = { success?: boolean; data?: Record<string, unknown> } | undefined;
  const itrIssueCount = (): number =>
    [...h.jira.model.issues.values()].filter((i) => i.fields[ids.kind] != null || i.fields[ids.grade] != null).length;

  /**
   * Starts a job as the admin (retried twice, as the page would), then lets the queue deliver its events
   * — with, while faults are on, one consumer delivery killed at a random write — and returns its progress.
   */
  const runJob = async (
    name: 'regrade' | 'backfill',
    start: () => Promise<unknown>,
    progress: () => Promise<unknown>,
  ): Promise<Record<string, unknown> | undefined> => {
    h.queue.deliveryMode = 'drain';
    try {
      let started: Envelope;
      for (let attempt = 0; attempt < 3 && started?.success !== true; attempt++) {
        injectFaults();
        started = (await safely(name, start)) as Envelope;
      }
      if (started?.success !== true) return undefined;
      jobs[name].started++;
      const killsBefore = kill.kills;
      if (faultsOn && random() < 0.6)
        kill.arm(1 + Math.floor(random() * 8), random() < 0.5 ? 'before-apply' : 'after-apply');
      await safely(`${name}Queue`, () => h.queue.drain({ throwOnFailure: false }));
      kill.disarm();
      if (kill.kills > killsBefore) {
        jobs[name].killed++;
        count(faults, `${name}ConsumerKilled`);
      }
      const answer = (await safely(`${name}Progress`, progress)) as Envelope;
      return answer?.data;
    } finally {
      h.queue.deliveryMode = 'immediate';
    }
  };

  /** False from a table's publication until a regrade against it reaches 100 %. */
  let regradeCoversTable = true;
  const regrade = async (): Promise<void> => {
    // A new table version first (Critical's threshold moved by one point, up then down), so the regrade
    // has work. As the admin page does: on a conflict or a failure, reload and save again (twice at most).
    let saved: Envelope;
    for (let attempt = 0; attempt < 3 && saved?.success !== true; attempt++) {
      const state = (await safely('getGradingAdmin', () =>
        invokeResolver(app.gradingAdminResolver as never, 'getGradingAdmin', {}, { accountId: ADMIN }),
      )) as Envelope;
      const table = state?.data?.['table'] as { thresholds: Array<{ grade: string; minScore: number }> } | undefined;
      if (table === undefined) continue;
      const thresholds = table.thresholds.map((t, i) =>
        i === 0 ? { ...t, minScore: t.minScore + (jobs.regrade.started % 2 === 0 ? 1 : -1) } : t,
      );
      saved = (await safely('saveGradingTable', () =>
        invokeResolver(
          app.gradingAdminResolver as never,
          'saveGradingTable',
          { table: { ...table, thresholds }, expectedRevision: state?.data?.['tableRevision'], comment: 'soak' },
          { accountId: ADMIN },
        ),
      )) as Envelope;
      if (saved?.success !== true) log(`saveGradingTable: ${JSON.stringify(saved)}`);
    }
    if (saved?.success !== true) {
      check('gradingTableSaved', false, `tick ${tick}: the new table was not saved in 3 attempts`);
      return;
    }
    regradeCoversTable = false;
    const p = await runJob(
      'regrade',
      () => invokeResolver(triage as never, 'startRegrade', { confirm: true }, { accountId: ADMIN }),
      () => invokeResolver(triage as never, 'getRegradeProgress', {}, { accountId: ADMIN }),
    );
    if (p === undefined) return;
    const done = p['status'] === 'done' && p['batchesDone'] === p['batches'] && p['processed'] === p['total'];
    if (done) jobs.regrade.done++;
    regradeCoversTable = done;
    check('regradeReaches100Percent', done, `regrade ${JSON.stringify(p)}`);
  };

  const backfill = async (): Promise<void> => {
    const expected = itrIssueCount();
    const p = await runJob(
      'backfill',
      () => invokeResolver(app.supervisionResolver as never, 'startAnalyticsBackfill', {}, { accountId: ADMIN }),
      () => invokeResolver(app.supervisionResolver as never, 'getAnalyticsBackfill', {}, { accountId: ADMIN }),
    );
    if (p === undefined) return;
    const done = p['status'] === 'done' && p['processed'] === expected;
    if (done) jobs.backfill.done++;
    check('backfillReaches100Percent', done, `backfill of ${expected} issues: ${JSON.stringify(p)}`);
  };

  while (tick < totalTicks && performance.now() - realStart < options.wallMs) {
    tick++;
    // New issues: about 4 an hour, EN and ZH.
    if (random() < 0.35) {
      const project = pick(['ITR', 'NET', 'FLD']);
      const n = (nextNumber.get(project) ?? 0) + 1;
      nextNumber.set(project, n);
      const [summary, description] = pick(SUMMARIES);
      const submitter = pick(submitters);
      const issue = h.jira.seedIssue({
        key: `${project}-${n}`,
        summary,
        issueType: 'Task',
        status: 'Open',
        reporter: submitter,
        created: new Date(clock.now()),
        fields: {
          description: {
            type: 'doc',
            version: 1,
            content: [{ type: 'paragraph', content: [{ type: 'text', text: description }] }],
          },
        },
      });
      figures.issuesCreated++;
      injectFaults();
      await safely('issueCreated', () =>
        invokeFunction(
          app.issueCreated as never,
          { issue: { id: issue.id, key: issue.key }, atlassianId: submitter } as never,
        ),
      );
      untriaged.push(issue.key);
    }
    // Triage within the hour.
    if (untriaged.length > 0 && random() < 0.3) {
      const key = untriaged[0] as string;
      injectFaults();
      const answer = (await safely('triageIssue', () =>
        invokeResolver(
          triage as never,
          'triageIssue',
          {
            issueKey: key,
            kind: pick(KINDS),
            classification: {
              facts: {
                failsWithinSpecification: random() < 0.5,
                contractOrProcessNotFollowed: false,
                expectedByUserHabitOrIndustryNorm: true,
              },
            },
            answers: {
              businessImpact: pick(IMPACTS),
              duration: 'h1to4',
              scope: 'large',
              customerTier: 'standard',
              sensitivity: 'none',
            },
            warranty: 'in',
            product: 'Router X1',
            customerTier: 'standard',
          },
          { accountId: TRIAGE },
        ),
      )) as { success?: boolean } | undefined;
      if (answer?.success === true) {
        untriaged.shift();
        figures.issuesTriaged++;
      }
    }
    // The admin saves the calendars a few times a day (KVS conflicts must not lose a save).
    if (random() < 0.02) {
      const state = (await safely('getGradingAdmin', () =>
        invokeResolver(app.gradingAdminResolver as never, 'getGradingAdmin', {}, { accountId: ADMIN }),
      )) as { success?: boolean; data?: Record<string, unknown> } | undefined;
      const data = state?.data;
      if (data !== undefined) {
        const calendars = {
          [`office-${tick}`]: {
            timeZone: pick(['Asia/Shanghai', 'Europe/Berlin']),
            week: {
              mon: [
                ['09:00', '12:00'],
                ['13:30', '18:00'],
              ],
              tue: [['09:00', '18:00']],
            },
          },
        };
        const revision = typeof data['calendarsRevision'] === 'number' ? data['calendarsRevision'] : 0;
        injectFaults();
        // As the admin page does: on a conflict or a failure, reload the revision and save again (twice at most).
        let rev = revision;
        for (let attempt = 0; attempt < 3; attempt++) {
          const saved = (await safely('saveCalendars', () =>
            invokeResolver(
              app.gradingAdminResolver as never,
              'saveCalendars',
              { calendars, expectedRevision: rev },
              { accountId: ADMIN },
            ),
          )) as { success?: boolean; errors?: Array<{ code: string }> } | undefined;
          if (saved?.success === true) {
            figures.stored++;
            expectedCalendars = calendars;
            break;
          }
          figures.conflicts++;
          const again = (await safely('getGradingAdmin', () =>
            invokeResolver(app.gradingAdminResolver as never, 'getGradingAdmin', {}, { accountId: ADMIN }),
          )) as { data?: Record<string, unknown> } | undefined;
          rev = typeof again?.data?.['calendarsRevision'] === 'number' ? again.data['calendarsRevision'] : rev;
        }
      }
    }
    // Every eight hours: a new table and a regrade (from the first hour), a backfill two hours later.
    if (tick % 96 === 12) await regrade();
    if (tick % 96 === 36) await backfill();
    clock.advance(TICK);
    injectFaults();
    await safely('scheduledTriggers', () => sandbox.runScheduledTriggers());
  }

  // Faults end: the system must converge within two clean sweeps.
  faultsOn = false;
  h.jira.latencyMs = 0;
  for (let i = 0; i < 2; i++) {
    clock.advance(TICK);
    await safely('scheduledTriggers(clean)', () => sandbox.runScheduledTriggers());
  }

  // ----- invariants -----
  const now = clock.now();
  type Row = Record<string, unknown>;
  const stays = await h.sql.raw<Row[]>('SELECT issue_id, line, entered_at FROM line_history WHERE left_at IS NULL');
  const openStay = new Map(stays.map((r) => [String(r['issue_id']), r]));
  const actions = await h.sql.raw<Row[]>(
    'SELECT issue_id, action, line, line_entered_at, COUNT(*) AS n FROM escalation_action GROUP BY issue_id, action, line, line_entered_at',
  );
  for (const a of actions)
    check(
      'noEscalationTwiceForTheSameLine',
      Number(a['n']) === 1,
      `issue ${String(a['issue_id'])} ${String(a['action'])} ${String(a['line'])} ×${String(a['n'])}`,
    );
  const escalations = actions.filter((a) => a['action'] === 'escalate').length;
  const warnings = actions.filter((a) => a['action'] === 'warn').length;
  for (const issue of h.jira.model.issues.values()) {
    const bodies = issue.comments.map((c) => JSON.stringify(c.body));
    check(
      'noDuplicateComments',
      new Set(bodies).size === bodies.length,
      `${issue.key} has ${bodies.length - new Set(bodies).size} repeated comment(s)`,
    );
    const status = (issue.fields['status'] as { name?: string } | undefined)?.name ?? '';
    const line = issue.fields[ids.line];
    if (['Resolved', 'Closed', 'Done'].includes(status) || typeof line !== 'string') continue;
    const due = issue.fields[ids.lineDueAt];
    if ((line === 'L1' || line === 'L2') && typeof due === 'string')
      check('noOverdueIssueLeftAtL1L2', Date.parse(due) > now - TICK, `${issue.key} at ${line} due ${due}`);
    const stay = openStay.get(issue.id);
    if (stay !== undefined) {
      check(
        'lineMatchesHistory',
        stay['line'] === line,
        `${issue.key} field ${line} vs history ${String(stay['line'])}`,
      );
      const entered = issue.fields[ids.lineEnteredAt];
      check(
        'lineEnteredMatchesHistory',
        typeof entered === 'string' &&
          Math.abs(Date.parse(entered) - new Date(stay['entered_at'] as string).getTime()) < 1000,
        `${issue.key} entered ${String(entered)} vs ${String(stay['entered_at'])}`,
      );
    }
  }
  if (expectedCalendars !== undefined) {
    const state = (await invokeResolver(
      app.gradingAdminResolver as never,
      'getGradingAdmin',
      {},
      { accountId: ADMIN },
    )) as { data?: Record<string, unknown> };
    check(
      'configIntact',
      JSON.stringify(state.data?.['siteCalendars']) === JSON.stringify(expectedCalendars),
      `stored ${JSON.stringify(state.data?.['siteCalendars'])}`,
    );
  }
  const state = (await invokeResolver(
    app.gradingAdminResolver as never,
    'getGradingAdmin',
    {},
    { accountId: ADMIN },
  )) as Envelope;
  const inForce = (state?.data?.['table'] as { version?: number } | undefined)?.version;
  if (jobs.regrade.started > 0 && regradeCoversTable) {
    for (const issue of h.jira.model.issues.values()) {
      const status = (issue.fields['status'] as { name?: string } | undefined)?.name ?? '';
      if (['Resolved', 'Closed', 'Done'].includes(status) || issue.fields[ids.gradingAnswers] == null) continue;
      check(
        'openIssuesOnTableInForce',
        issue.fields[ids.gradingTableVersion] === inForce,
        `${issue.key} graded with v${String(issue.fields[ids.gradingTableVersion])}, table in force v${String(inForce)}`,
      );
    }
  }
  // A last backfill killed at a random write, against a rebuild from scratch at the same instant.
  const projection = async (): Promise<string> =>
    JSON.stringify(
      (await h.sql.raw<Row[]>('SELECT * FROM itr_issue_fact ORDER BY issue_id')).map(({ synced_at: _s, ...r }) => r),
    );
  const rebuild = async (killAt: number): Promise<string> => {
    await h.sql.raw('DELETE FROM itr_issue_fact');
    h.queue.deliveryMode = 'drain';
    // Faults injected just before they stopped may still be queued (a refused push, say): the admin retries.
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = (await safely('backfill(last)', () =>
        invokeResolver(app.supervisionResolver as never, 'startAnalyticsBackfill', {}, { accountId: ADMIN }),
      )) as Envelope;
      if (started?.success === true) break;
    }
    kill.arm(killAt, random() < 0.5 ? 'before-apply' : 'after-apply');
    await h.queue.drain({ throwOnFailure: false });
    kill.disarm();
    h.queue.deliveryMode = 'immediate';
    return projection();
  };
  // Whatever the queue still holds (an escalation retry, say) is delivered first: it would change
  // issues between the two rebuilds.
  h.queue.deliveryMode = 'drain';
  await safely('queue(settle)', () => h.queue.drain({ throwOnFailure: false }));
  const killsBefore = kill.kills;
  const afterKill = await rebuild(1 + Math.floor(random() * 8));
  if (kill.kills > killsBefore) {
    jobs.backfill.killed++;
    count(faults, 'backfillConsumerKilled');
  }
  const fromScratch = await rebuild(Number.POSITIVE_INFINITY);
  check(
    'projectionMatchesRebuild',
    afterKill === fromScratch && fromScratch !== '[]',
    `after a kill ${afterKill.length} chars, from scratch ${fromScratch.length} chars`,
  );
  kill.uninstall();
  await sandbox.stop();
  uninstallDate();
  if (server) {
    // Only when the soak started its own MariaDB (a test run's harness disposes of its database itself).
    await h.sql.dispose();
    await server.stop();
  }
  void started;
  Object.assign(console, saved);
  return {
    seed: options.seed,
    wallSeconds: Math.round((performance.now() - realStart) / 100) / 10,
    sandboxHours: Math.round(((tick + 2) * TICK) / 360_000) / 10,
    ticks: tick,
    issuesCreated: figures.issuesCreated,
    issuesTriaged: figures.issuesTriaged,
    jobs,
    configSaves: { stored: figures.stored, failedAttempts: figures.conflicts },
    consoleLines,
    escalations,
    warnings,
    faults,
    handlerErrors,
    jiraRequests: h.jira.calls.length,
    invariants,
    ok: Object.values(invariants).every((v) => v.violations.length === 0),
  };
}

if (require.main === module || process.argv[1]?.endsWith('run-ts.js')) {
  const minutes = Number(arg('minutes') ?? 1);
  runSoak({
    wallMs: minutes * 60_000,
    seed: Number(arg('seed') ?? 9),
    days: Number(arg('days') ?? 1),
    verbose: process.argv.includes('--verbose'),
    log: process.argv.includes('--quiet') ? undefined : (s) => process.stderr.write(`${s}\n`),
  })
    .then((f) => {
      process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
      process.exit(f.ok ? 0 : 1);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(2);
    });
}
