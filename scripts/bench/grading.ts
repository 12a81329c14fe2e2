/**
 * Grading speed and cost, run by hand (`npm run bench:grading`), never in unit tests: timings depend
 * on the machine. Prints one JSON object:
 *  - domain: grading ISSUES answer sets with `gradeIssue` (wall time, per-issue mean);
 *  - recompute: regrading ISSUES open issues against the Jira double through the real handlers
 *    (`startRegrade` via src/entry/triageFunctions.ts, the queue double delivering to `regrade-consumer`), with the
 *    REST calls per issue and by route: the recompute reads with one search per batch and writes with
 *    Jira's bulk `POST /rest/api/3/app/field/value`.
 * The platform harness is installed first, as test/harness/setup.ts does for jest (the SDKs read the
 * platform globals when they load).
 */
import '../../test/harness/setup';
import os from 'os';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../../test/fixtures/itrFields';
import { ConfigStore } from '../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../src/app/config/itrConfig';
import { encodeGradingAnswers } from '../../src/app/fields/gradingAnswers';
import { REGRADE_QUEUE } from '../../src/app/regrade/regrade';
import { handler as regradeConsumer } from '../../src/entry/regrade-consumer';
import { handler as triageResolver } from '../../src/entry/triageFunctions';
import {
  DEFAULT_CALENDARS,
  DEFAULT_GRADING_TABLE,
  gradeIssue,
  type GradingAnswers,
  type GradingTable,
} from '../../src/domain';

const ISSUES = 10_000;
/** Fixed seed: every run grades the same answer sets. */
const SEED = 20260301;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function answerSets(table: GradingTable, n: number): GradingAnswers[] {
  const rnd = lcg(SEED);
  return Array.from({ length: n }, () =>
    Object.fromEntries(table.dimensions.map((d) => [d.id, d.options[Math.floor(rnd() * d.options.length)]!.id])),
  );
}

const ms = (t0: bigint): number => Math.round(Number(process.hrtime.bigint() - t0) / 1e4) / 100;

async function main(): Promise<void> {
  const table = DEFAULT_GRADING_TABLE;
  const sets = answerSets(table, ISSUES);

  // ----- domain ------------------------------------------------------------------------------------
  for (const a of sets.slice(0, 500)) gradeIssue(table, a); // warm-up
  const d0 = process.hrtime.bigint();
  const byGrade: Record<string, number> = {};
  for (const a of sets) {
    const g = gradeIssue(table, a);
    if (g.ok) byGrade[g.grade] = (byGrade[g.grade] ?? 0) + 1;
  }
  const domainMs = ms(d0);

  // ----- recompute against the Jira double ----------------------------------------------------------
  const { jira, queue, runtime } = harness();
  jira.seedUser({ accountId: 'acc-admin', displayName: 'Admin', groups: ['jira-administrators'] });
  const ids = defineItrFields(jira);
  for (let i = 0; i < ISSUES; i++) {
    const g = gradeIssue(table, sets[i]!);
    jira.seedIssue({
      key: `ITR-${i + 1}`,
      fields: {
        [ids.gradingAnswers]: encodeGradingAnswers(sets[i]!),
        [ids.grade]: g.ok ? g.grade : null,
        [ids.gradingTableVersion]: table.version,
      },
    });
  }
  // Version 2 of the table moves the Critical threshold, so part of the issues change grade.
  const v2: GradingTable = {
    ...table,
    version: 2,
    thresholds: table.thresholds.map((t) => (t.grade === 'critical' ? { ...t, minScore: t.minScore + 5 } : t)),
  };
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, v2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
  queue.registerConsumer(REGRADE_QUEUE, regradeConsumer);
  const before = jira.requestCount();

  const r0 = process.hrtime.bigint();
  const started = (await invokeResolver(
    triageResolver,
    'startRegrade',
    { confirm: true },
    { accountId: 'acc-admin' },
  )) as { success: boolean; data?: { jobId: string; batches: number } };
  if (!started.success || started.data === undefined)
    throw new Error(`startRegrade failed: ${JSON.stringify(started)}`);
  const startMs = ms(r0);
  await queue.drain();
  const recomputeMs = ms(r0);
  const progress = (await invokeResolver(
    triageResolver,
    'getRegradeProgress',
    { jobId: started.data.jobId },
    { accountId: 'acc-admin' },
  )) as { data: Record<string, unknown> };
  const calls = jira.requestCount() - before;
  const violations = jira.takeViolations();

  console.log(
    JSON.stringify(
      {
        bench: 'grading',
        node: process.version,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        domain: {
          issues: ISSUES,
          wallMs: domainMs,
          meanMicrosPerIssue: Math.round(((domainMs * 1000) / ISSUES) * 100) / 100,
          byGrade,
        },
        recompute: {
          issues: ISSUES,
          wallMs: recomputeMs,
          startRegradeMs: startMs,
          batches: started.data.batches,
          restCalls: calls,
          restCallsPerIssue: Math.round((calls / ISSUES) * 10000) / 10000,
          byRoute: jira.countsByRoute(),
          queuePushes: queue.pushes.length,
          progress: progress.data,
          contractViolations: violations.length,
        },
        note: 'Jira double in memory: wall times exclude network latency; REST call counts are what a real site would receive.',
      },
      null,
      2,
    ),
  );
  runtime.reset();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
