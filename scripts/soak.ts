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
import type { Harness } from '../platform-doubles';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../platform-doubles/mariadb';
import type { ManualClock } from '../sandbox/clock';
import type { RunningSandbox } from '../sandbox/server';
import type { KillSwitch } from '../test/faults/killSwitch';

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
const CLOSED_STATUSES = ['Resolved', 'Closed', 'Done'];

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

export interface SoakOptions {
  wallMs: number;
  seed: number;
  days: number;
  maxTicks?: number;
  log?: ((s: string) => void) | undefined;
  verbose?: boolean;
}

type Envelope = { success?: boolean; data?: Record<string, unknown> } | undefined;
type Row = Record<string, unknown>;
type PlatformDoubles = typeof import('../platform-doubles/index');

/** The app and the platform's invokers, loaded only once the harness globals exist. */
interface SoakModules {
  invokeResolver: PlatformDoubles['invokeResolver'];
  invokeFunction: PlatformDoubles['invokeFunction'];
  app: typeof import('../src/index');
  /** Triage's functions, as the ITR page's resolver routes them. */
  triage: typeof import('../src/entry/triageFunctions').handler;
  ids: typeof import('../sandbox/demoSite').DEMO_FIELD_IDS;
  admin: string;
  triageUser: string;
  submitters: string[];
}

/**
 * One soak's state and the moves every phase shares: the seeded stream (every draw in a fixed order, so
 * a seed replays), fault injection, handler calls that count their failures, and invariant checks.
 */
class SoakRun {
  readonly faults: Record<string, number> = {};
  readonly handlerErrors: Record<string, number> = {};
  readonly figures = { issuesCreated: 0, issuesTriaged: 0, stored: 0, conflicts: 0 };
  readonly jobs: SoakFigures['jobs'] = {
    regrade: { started: 0, done: 0, killed: 0 },
    backfill: { started: 0, done: 0, killed: 0 },
  };
  readonly invariants: SoakFigures['invariants'] = {};
  /** The next issue number per project (after the demo's issues). */
  readonly nextNumber = new Map<string, number>();
  readonly untriaged: string[] = [];
  /** The calendars the last save reported as stored. */
  expectedCalendars: unknown = undefined;
  tick = 0;
  faultsOn = true;
  /** False from a table's publication until a regrade against it reaches 100 %. */
  regradeCoversTable = true;

  constructor(
    readonly m: SoakModules,
    readonly h: Harness,
    readonly clock: ManualClock,
    readonly sandbox: RunningSandbox,
    readonly kill: KillSwitch,
    readonly random: () => number,
    readonly log: (s: string) => void,
  ) {
    for (const i of h.jira.model.issues.values())
      this.nextNumber.set(i.projectKey, Math.max(this.nextNumber.get(i.projectKey) ?? 0, Number(i.key.split('-')[1])));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)] as T;
  }

  count(m: Record<string, number>, k: string): void {
    m[k] = (m[k] ?? 0) + 1;
  }

  /** While faults are on, at most one of them for the next request, and sometimes a slow Jira. */
  injectFaults(): void {
    if (!this.faultsOn) return;
    const { h, faults } = this;
    const r = this.random();
    if (r < 0.02) {
      h.jira.failNext(1, { status: 429, retryAfter: 1 });
      this.count(faults, 'jira429RetryAfter');
    } else if (r < 0.1) {
      h.jira.failNext(1 + Math.floor(this.random() * 2), { status: this.pick([500, 502, 503]) });
      this.count(faults, 'jira5xx');
    } else if (r < 0.16) {
      h.kvs.injectConflict(1);
      this.count(faults, 'kvsConflict');
    } else if (r < 0.24) {
      h.queue.duplicateNext(1);
      this.count(faults, 'duplicateDelivery');
    } else if (r < 0.27) {
      h.queue.failNextPush(1, 500);
      this.count(faults, 'queuePushFailed');
    }
    h.jira.latencyMs = this.random() < 0.05 ? 20 : 0;
    if (h.jira.latencyMs > 0) this.count(faults, 'slowJira');
  }

  /** A handler call whose failure is counted and logged, not thrown: the day goes on. */
  async safely(name: string, run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (e) {
      this.count(this.handlerErrors, name);
      this.log(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  check(name: string, ok: boolean, detail: string): void {
    const v = (this.invariants[name] ??= { checked: 0, violations: [] });
    v.checked++;
    if (!ok && v.violations.length < 10) v.violations.push(detail);
  }

  /** A resolver function called by the admin (the grading admin, the supervision page, triage's jobs). */
  asAdmin(resolver: unknown, functionKey: string, payload: unknown): Promise<unknown> {
    return this.m.invokeResolver(resolver as never, functionKey, payload, { accountId: this.m.admin });
  }

  getGradingAdmin(): Promise<unknown> {
    return this.safely('getGradingAdmin', () => this.asAdmin(this.m.app.gradingAdminResolver, 'getGradingAdmin', {}));
  }

  isOpen(issue: { fields: Record<string, unknown> }): boolean {
    const status = (issue.fields['status'] as { name?: string } | undefined)?.name ?? '';
    return !CLOSED_STATUSES.includes(status);
  }
}

// ----- start and stop ------------------------------------------------------------------------------

/** A private MariaDB unless the caller's environment names one (a test run's harness does). */
async function startDatabase(): Promise<MariaDbServer | undefined> {
  if (process.env[ENV_URL] || process.env[ENV_SOCKET]) return undefined;
  const server = await startPrivateMariaDb(fs.mkdtempSync(path.join(os.tmpdir(), 'itr-soak-')));
  process.env[ENV_SOCKET] = server.socketPath;
  return server;
}

/** The handlers' log lines are counted, not printed (stdout carries the JSON figures only). */
function countConsoleLines(verbose: boolean): { lines: Record<string, number>; restore: () => void } {
  const lines: Record<string, number> = {};
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    console[level] = (...args: unknown[]): void => {
      lines[level] = (lines[level] ?? 0) + 1;
      if (verbose) process.stderr.write(`${args.map(String).join(' ')}\n`);
    };
  }
  return { lines, restore: () => Object.assign(console, saved) };
}

interface Loaded {
  m: SoakModules;
  h: Harness;
  clock: ManualClock;
  uninstallDate: () => void;
  startSandbox: typeof import('../sandbox/server').startSandbox;
  runMigrations: typeof import('../src/adapters/sql').runMigrations;
  KillSwitch: typeof import('../test/faults/killSwitch').KillSwitch;
  queues: { regrade: string; backfill: string };
}

/** The harness first, then (in this order) the clock as the process's `Date`, the sandbox and the app. */
async function loadModules(): Promise<Loaded> {
  const { installHarness, invokeResolver, invokeFunction } = await import('../platform-doubles/index');
  const h = installHarness();
  const { createManualClock, installFakeDate } = await import('../sandbox/clock');
  const clock = createManualClock();
  const uninstallDate = installFakeDate(clock);
  const { startSandbox } = await import('../sandbox/server');
  const { DEMO_USERS, DEMO_FIELD_IDS: ids } = await import('../sandbox/demoSite');
  const { runMigrations } = await import('../src/adapters/sql');
  const app = await import('../src/index');
  const triage = (await import('../src/entry/triageFunctions')).handler;
  const { KillSwitch } = await import('../test/faults/killSwitch');
  const { REGRADE_QUEUE } = await import('../src/app/regrade/regrade');
  const { BACKFILL_QUEUE } = await import('../src/app/analytics/backfill');
  const user = (role: string): string => (DEMO_USERS.find((u) => u.role === role) as { accountId: string }).accountId;
  const m: SoakModules = {
    invokeResolver,
    invokeFunction,
    app,
    triage,
    ids,
    admin: user('admin'),
    triageUser: user('triage'),
    submitters: DEMO_USERS.filter((u) => u.role === 'submitter').map((u) => u.accountId),
  };
  const queues = { regrade: REGRADE_QUEUE, backfill: BACKFILL_QUEUE };
  return { m, h, clock, uninstallDate, startSandbox, runMigrations, KillSwitch, queues };
}

/**
 * The sandbox on a clean history, with the regrade and backfill consumers as the platform runs them,
 * so a delivery can die mid-batch.
 */
async function openSandbox(l: Loaded): Promise<{ sandbox: RunningSandbox; kill: KillSwitch }> {
  const { h } = l;
  await l.runMigrations();
  for (const t of ['line_history', 'escalation_action', 'escalation_audit', 'classification_history'])
    await h.sql.raw(`DELETE FROM ${t}`);
  const sandbox = await l.startSandbox({ port: 0, clock: l.clock, log: () => undefined });
  const kill = new l.KillSwitch(h);
  h.queue.registerConsumer(l.queues.regrade, kill.wrap(l.m.app.regradeConsumer));
  h.queue.registerConsumer(l.queues.backfill, kill.wrap(l.m.app.analyticsBackfillConsumer));
  return { sandbox, kill };
}

async function shutDown(run: SoakRun, uninstallDate: () => void, server: MariaDbServer | undefined): Promise<void> {
  run.kill.uninstall();
  await run.sandbox.stop();
  uninstallDate();
  if (server) {
    // Only when the soak started its own MariaDB (a test run's harness disposes of its database itself).
    await run.h.sql.dispose();
    await server.stop();
  }
}

// ----- the day, tick by tick -----------------------------------------------------------------------

/** A new issue (EN or ZH) in one of the ITR projects, and the `issue-created` trigger on it. */
async function createIssue(run: SoakRun): Promise<void> {
  const { h, m } = run;
  const project = run.pick(['ITR', 'NET', 'FLD']);
  const n = (run.nextNumber.get(project) ?? 0) + 1;
  run.nextNumber.set(project, n);
  const [summary, description] = run.pick(SUMMARIES);
  const submitter = run.pick(m.submitters);
  const issue = h.jira.seedIssue({
    key: `${project}-${n}`,
    summary,
    issueType: 'Task',
    status: 'Open',
    reporter: submitter,
    created: new Date(run.clock.now()),
    fields: {
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: description }] }],
      },
    },
  });
  run.figures.issuesCreated++;
  run.injectFaults();
  await run.safely('issueCreated', () =>
    m.invokeFunction(m.app.issueCreated, { issue: { id: issue.id, key: issue.key }, atlassianId: submitter }),
  );
  run.untriaged.push(issue.key);
}

/** The oldest untriaged issue triaged by the triage user (it stays first in line when that fails). */
async function triageOldest(run: SoakRun): Promise<void> {
  const { m } = run;
  const key = run.untriaged[0] as string;
  run.injectFaults();
  const answer = (await run.safely('triageIssue', () =>
    m.invokeResolver(
      m.triage as never,
      'triageIssue',
      {
        issueKey: key,
        kind: run.pick(KINDS),
        classification: {
          facts: {
            failsWithinSpecification: run.random() < 0.5,
            contractOrProcessNotFollowed: false,
            expectedByUserHabitOrIndustryNorm: true,
          },
        },
        answers: {
          businessImpact: run.pick(IMPACTS),
          duration: 'h1to4',
          scope: 'large',
          customerTier: 'standard',
          sensitivity: 'none',
        },
        warranty: 'in',
        product: 'Router X1',
        customerTier: 'standard',
      },
      { accountId: m.triageUser },
    ),
  )) as { success?: boolean } | undefined;
  if (answer?.success === true) {
    run.untriaged.shift();
    run.figures.issuesTriaged++;
  }
}

/** The admin saves a calendar (KVS conflicts must not lose a save). */
async function saveCalendars(run: SoakRun): Promise<void> {
  const state = (await run.getGradingAdmin()) as Envelope;
  const data = state?.data;
  if (data === undefined) return;
  const calendars = {
    [`office-${run.tick}`]: {
      timeZone: run.pick(['Asia/Shanghai', 'Europe/Berlin']),
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
  run.injectFaults();
  // As the admin page does: on a conflict or a failure, reload the revision and save again (twice at most).
  let rev = revision;
  for (let attempt = 0; attempt < 3; attempt++) {
    const saved = (await run.safely('saveCalendars', () =>
      run.asAdmin(run.m.app.gradingAdminResolver, 'saveCalendars', { calendars, expectedRevision: rev }),
    )) as { success?: boolean; errors?: Array<{ code: string }> } | undefined;
    if (saved?.success === true) {
      run.figures.stored++;
      run.expectedCalendars = calendars;
      return;
    }
    run.figures.conflicts++;
    const again = (await run.getGradingAdmin()) as Envelope;
    rev = typeof again?.data?.['calendarsRevision'] === 'number' ? again.data['calendarsRevision'] : rev;
  }
}

/**
 * Starts a job as the admin (retried twice, as the page would), then lets the queue deliver its events
 * — with, while faults are on, one consumer delivery killed at a random write — and returns its progress.
 */
async function runJob(
  run: SoakRun,
  name: 'regrade' | 'backfill',
  start: () => Promise<unknown>,
  progress: () => Promise<unknown>,
): Promise<Record<string, unknown> | undefined> {
  const { h, kill } = run;
  h.queue.deliveryMode = 'drain';
  try {
    let started: Envelope;
    for (let attempt = 0; attempt < 3 && started?.success !== true; attempt++) {
      run.injectFaults();
      started = (await run.safely(name, start)) as Envelope;
    }
    if (started?.success !== true) return undefined;
    run.jobs[name].started++;
    const killsBefore = kill.kills;
    if (run.faultsOn && run.random() < 0.6)
      kill.arm(1 + Math.floor(run.random() * 8), run.random() < 0.5 ? 'before-apply' : 'after-apply');
    await run.safely(`${name}Queue`, () => h.queue.drain({ throwOnFailure: false }));
    kill.disarm();
    if (kill.kills > killsBefore) {
      run.jobs[name].killed++;
      run.count(run.faults, `${name}ConsumerKilled`);
    }
    const answer = (await run.safely(`${name}Progress`, progress)) as Envelope;
    return answer?.data;
  } finally {
    h.queue.deliveryMode = 'immediate';
  }
}

/**
 * A new table version first (Critical's threshold moved by one point, up then down), so the regrade
 * has work. As the admin page does: on a conflict or a failure, reload and save again (twice at most).
 */
async function publishNextTable(run: SoakRun): Promise<boolean> {
  const resolver = run.m.app.gradingAdminResolver;
  let saved: Envelope;
  for (let attempt = 0; attempt < 3 && saved?.success !== true; attempt++) {
    const state = (await run.getGradingAdmin()) as Envelope;
    const table = state?.data?.['table'] as { thresholds: Array<{ grade: string; minScore: number }> } | undefined;
    if (table === undefined) continue;
    const thresholds = table.thresholds.map((t, i) =>
      i === 0 ? { ...t, minScore: t.minScore + (run.jobs.regrade.started % 2 === 0 ? 1 : -1) } : t,
    );
    saved = (await run.safely('saveGradingTable', () =>
      run.asAdmin(resolver, 'saveGradingTable', {
        table: { ...table, thresholds },
        expectedRevision: state?.data?.['tableRevision'],
        comment: 'soak',
      }),
    )) as Envelope;
    if (saved?.success !== true) run.log(`saveGradingTable: ${JSON.stringify(saved)}`);
  }
  return saved?.success === true;
}

async function regrade(run: SoakRun): Promise<void> {
  if (!(await publishNextTable(run))) {
    run.check('gradingTableSaved', false, `tick ${run.tick}: the new table was not saved in 3 attempts`);
    return;
  }
  run.regradeCoversTable = false;
  const { triage } = run.m;
  const p = await runJob(
    run,
    'regrade',
    () => run.asAdmin(triage, 'startRegrade', { confirm: true }),
    () => run.asAdmin(triage, 'getRegradeProgress', {}),
  );
  if (p === undefined) return;
  const done = p['status'] === 'done' && p['batchesDone'] === p['batches'] && p['processed'] === p['total'];
  if (done) run.jobs.regrade.done++;
  run.regradeCoversTable = done;
  run.check('regradeReaches100Percent', done, `regrade ${JSON.stringify(p)}`);
}

function itrIssueCount(run: SoakRun): number {
  const { ids } = run.m;
  return [...run.h.jira.model.issues.values()].filter((i) => i.fields[ids.kind] != null || i.fields[ids.grade] != null)
    .length;
}

async function backfill(run: SoakRun): Promise<void> {
  const expected = itrIssueCount(run);
  const { supervisionResolver } = run.m.app;
  const p = await runJob(
    run,
    'backfill',
    () => run.asAdmin(supervisionResolver, 'startAnalyticsBackfill', {}),
    () => run.asAdmin(supervisionResolver, 'getAnalyticsBackfill', {}),
  );
  if (p === undefined) return;
  const done = p['status'] === 'done' && p['processed'] === expected;
  if (done) run.jobs.backfill.done++;
  run.check('backfillReaches100Percent', done, `backfill of ${expected} issues: ${JSON.stringify(p)}`);
}

/** Five sandbox minutes: what users and the admin do, then the clock moves and the scheduled triggers run. */
async function playTick(run: SoakRun): Promise<void> {
  run.tick++;
  // New issues: about 4 an hour, EN and ZH.
  if (run.random() < 0.35) await createIssue(run);
  // Triage within the hour.
  if (run.untriaged.length > 0 && run.random() < 0.3) await triageOldest(run);
  // The admin saves the calendars a few times a day.
  if (run.random() < 0.02) await saveCalendars(run);
  // Every eight hours: a new table and a regrade (from the first hour), a backfill two hours later.
  if (run.tick % 96 === 12) await regrade(run);
  if (run.tick % 96 === 36) await backfill(run);
  run.clock.advance(TICK);
  run.injectFaults();
  await run.safely('scheduledTriggers', () => run.sandbox.runScheduledTriggers());
}

/** Faults end: the system must converge within two clean sweeps. */
async function settle(run: SoakRun): Promise<void> {
  run.faultsOn = false;
  run.h.jira.latencyMs = 0;
  for (let i = 0; i < 2; i++) {
    run.clock.advance(TICK);
    await run.safely('scheduledTriggers(clean)', () => run.sandbox.runScheduledTriggers());
  }
}

// ----- invariants ----------------------------------------------------------------------------------

/** No escalation action twice for one line stay; answers the counts of escalations and warnings. */
async function checkActionsOnce(run: SoakRun): Promise<{ escalations: number; warnings: number }> {
  const actions = await run.h.sql.raw<Row[]>(
    'SELECT issue_id, action, line, line_entered_at, COUNT(*) AS n FROM escalation_action GROUP BY issue_id, action, line, line_entered_at',
  );
  for (const a of actions)
    run.check(
      'noEscalationTwiceForTheSameLine',
      Number(a['n']) === 1,
      `issue ${String(a['issue_id'])} ${String(a['action'])} ${String(a['line'])} ×${String(a['n'])}`,
    );
  return {
    escalations: actions.filter((a) => a['action'] === 'escalate').length,
    warnings: actions.filter((a) => a['action'] === 'warn').length,
  };
}

/** No repeated comment; every open issue on a line is not overdue at L1/L2 and agrees with its open stay. */
function checkIssues(run: SoakRun, openStay: ReadonlyMap<string, Row>): void {
  const { ids } = run.m;
  const now = run.clock.now();
  for (const issue of run.h.jira.model.issues.values()) {
    const bodies = issue.comments.map((c) => JSON.stringify(c.body));
    run.check(
      'noDuplicateComments',
      new Set(bodies).size === bodies.length,
      `${issue.key} has ${bodies.length - new Set(bodies).size} repeated comment(s)`,
    );
    const line = issue.fields[ids.line];
    if (!run.isOpen(issue) || typeof line !== 'string') continue;
    const due = issue.fields[ids.lineDueAt];
    if ((line === 'L1' || line === 'L2') && typeof due === 'string')
      run.check('noOverdueIssueLeftAtL1L2', Date.parse(due) > now - TICK, `${issue.key} at ${line} due ${due}`);
    const stay = openStay.get(issue.id);
    if (stay === undefined) continue;
    run.check(
      'lineMatchesHistory',
      stay['line'] === line,
      `${issue.key} field ${line} vs history ${String(stay['line'])}`,
    );
    const entered = issue.fields[ids.lineEnteredAt];
    run.check(
      'lineEnteredMatchesHistory',
      typeof entered === 'string' &&
        Math.abs(Date.parse(entered) - new Date(stay['entered_at'] as string).getTime()) < 1000,
      `${issue.key} entered ${String(entered)} vs ${String(stay['entered_at'])}`,
    );
  }
}

/** The calendars in KVS are the last ones a save reported as stored. */
async function checkConfigIntact(run: SoakRun): Promise<void> {
  if (run.expectedCalendars === undefined) return;
  const state = (await run.asAdmin(run.m.app.gradingAdminResolver, 'getGradingAdmin', {})) as {
    data?: Record<string, unknown>;
  };
  run.check(
    'configIntact',
    JSON.stringify(state.data?.['siteCalendars']) === JSON.stringify(run.expectedCalendars),
    `stored ${JSON.stringify(state.data?.['siteCalendars'])}`,
  );
}

/** After a regrade that reached 100 %, every open graded issue carries the version of the table in force. */
async function checkTableInForce(run: SoakRun): Promise<void> {
  const { ids } = run.m;
  const state = (await run.asAdmin(run.m.app.gradingAdminResolver, 'getGradingAdmin', {})) as Envelope;
  const inForce = (state?.data?.['table'] as { version?: number } | undefined)?.version;
  if (run.jobs.regrade.started === 0 || !run.regradeCoversTable) return;
  for (const issue of run.h.jira.model.issues.values()) {
    if (!run.isOpen(issue) || issue.fields[ids.gradingAnswers] == null) continue;
    run.check(
      'openIssuesOnTableInForce',
      issue.fields[ids.gradingTableVersion] === inForce,
      `${issue.key} graded with v${String(issue.fields[ids.gradingTableVersion])}, table in force v${String(inForce)}`,
    );
  }
}

/** The analytics projection rebuilt from nothing by a backfill killed at write `killAt` (∞: not killed). */
async function rebuildProjection(run: SoakRun, killAt: number): Promise<string> {
  const { h, kill } = run;
  await h.sql.raw('DELETE FROM itr_issue_fact');
  h.queue.deliveryMode = 'drain';
  // Faults injected just before they stopped may still be queued (a refused push, say): the admin retries.
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = (await run.safely('backfill(last)', () =>
      run.asAdmin(run.m.app.supervisionResolver, 'startAnalyticsBackfill', {}),
    )) as Envelope;
    if (started?.success === true) break;
  }
  kill.arm(killAt, run.random() < 0.5 ? 'before-apply' : 'after-apply');
  await h.queue.drain({ throwOnFailure: false });
  kill.disarm();
  h.queue.deliveryMode = 'immediate';
  const rows = await h.sql.raw<Row[]>('SELECT * FROM itr_issue_fact ORDER BY issue_id');
  return JSON.stringify(rows.map(({ synced_at: _s, ...r }) => r));
}

/** A last backfill killed at a random write leaves the same projection as a rebuild from scratch at the same instant. */
async function checkKilledBackfill(run: SoakRun): Promise<void> {
  const { h, kill } = run;
  // Whatever the queue still holds (an escalation retry, say) is delivered first: it would change
  // issues between the two rebuilds.
  h.queue.deliveryMode = 'drain';
  await run.safely('queue(settle)', () => h.queue.drain({ throwOnFailure: false }));
  const killsBefore = kill.kills;
  const afterKill = await rebuildProjection(run, 1 + Math.floor(run.random() * 8));
  if (kill.kills > killsBefore) {
    run.jobs.backfill.killed++;
    run.count(run.faults, 'backfillConsumerKilled');
  }
  const fromScratch = await rebuildProjection(run, Number.POSITIVE_INFINITY);
  run.check(
    'projectionMatchesRebuild',
    afterKill === fromScratch && fromScratch !== '[]',
    `after a kill ${afterKill.length} chars, from scratch ${fromScratch.length} chars`,
  );
}

async function checkInvariants(run: SoakRun): Promise<{ escalations: number; warnings: number }> {
  const stays = await run.h.sql.raw<Row[]>('SELECT issue_id, line, entered_at FROM line_history WHERE left_at IS NULL');
  const openStay = new Map(stays.map((r) => [String(r['issue_id']), r]));
  const counts = await checkActionsOnce(run);
  checkIssues(run, openStay);
  await checkConfigIntact(run);
  await checkTableInForce(run);
  await checkKilledBackfill(run);
  return counts;
}

// ----- the soak ------------------------------------------------------------------------------------

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const server = await startDatabase();
  const loaded = await loadModules();
  const random = rng(options.seed);
  const consoleLines = countConsoleLines(options.verbose === true);
  const realStart = performance.now();
  const { sandbox, kill } = await openSandbox(loaded);
  const run = new SoakRun(loaded.m, loaded.h, loaded.clock, sandbox, kill, random, options.log ?? (() => undefined));

  const ticksPerDay = (24 * 60 * MINUTE) / TICK;
  // maxTicks bounds the run by work done rather than wall time, so a test's figures do not depend on machine load.
  const totalTicks = Math.min(Math.round(ticksPerDay * options.days), options.maxTicks ?? Infinity);
  while (run.tick < totalTicks && performance.now() - realStart < options.wallMs) await playTick(run);
  await settle(run);
  const { escalations, warnings } = await checkInvariants(run);
  await shutDown(run, loaded.uninstallDate, server);
  consoleLines.restore();
  return {
    seed: options.seed,
    wallSeconds: Math.round((performance.now() - realStart) / 100) / 10,
    sandboxHours: Math.round(((run.tick + 2) * TICK) / 360_000) / 10,
    ticks: run.tick,
    issuesCreated: run.figures.issuesCreated,
    issuesTriaged: run.figures.issuesTriaged,
    jobs: run.jobs,
    configSaves: { stored: run.figures.stored, failedAttempts: run.figures.conflicts },
    consoleLines: consoleLines.lines,
    escalations,
    warnings,
    faults: run.faults,
    handlerErrors: run.handlerErrors,
    jiraRequests: run.h.jira.calls.length,
    invariants: run.invariants,
    ok: Object.values(run.invariants).every((v) => v.violations.length === 0),
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
