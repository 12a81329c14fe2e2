/**
 * Consumers stop retrying what can never succeed (issue 13). A failure no retry can fix (Jira
 * 400/403/404, an unreadable event) marks the job `failed` with a reason code and acknowledges the
 * event: the queue double, which redelivers a thrown or retry-requesting event for its whole 24-hour
 * retention window (runtime-reference/async-events-api), delivers it exactly once. A passing failure
 * (Jira 5xx) is still handed back and the job still finishes. Real consumers, real queue double.
 */
import {
  analyticsBackfillConsumer,
  escalationConsumer,
  gradingAdminResolver,
  regradeConsumer,
  supervisionResolver,
} from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { pushInBatches } from '../../src/adapters/queue';
import { BACKFILL_QUEUE } from '../../src/app/analytics/backfill';
import { CONFIG_KEYS, gradingTableCodec } from '../../src/app/config/itrConfig';
import { encodeGradingAnswers } from '../../src/app/fields/gradingAnswers';
import { REGRADE_QUEUE } from '../../src/app/regrade/regrade';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../src/domain';
import { harness, invokeResolver } from '../../platform-doubles';
import { QUEUE_RETENTION_WINDOW_MS } from '../../platform-doubles/queueDouble';
import { defineItrFields } from '../fixtures/itrFields';

const { jira, kvs, queue, runtime } = harness();
const ADMIN = 'acc-admin';
const WRITE = 'POST /rest/api/3/app/field/value';
const SEARCH = 'POST /rest/api/3/search/jql';
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
}; // 61 points
const V2: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  version: 2,
  thresholds: DEFAULT_GRADING_TABLE.thresholds.map((t) => (t.grade === 'critical' ? { ...t, minScore: 62 } : t)),
};

let ids: ReturnType<typeof defineItrFields>;

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  ids = defineItrFields(jira);
  // No cap: the double retries for the whole retention window, as the platform does.
  queue.maxRetries = Number.POSITIVE_INFINITY;
  queue.registerConsumer(REGRADE_QUEUE, regradeConsumer);
  queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
  queue.registerConsumer('escalation', (p) => escalationConsumer(p as never));
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, V2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
  for (let n = 1; n <= 150; n++) {
    jira.seedIssue({
      key: `ITR-${n}`,
      fields: {
        [ids.kind]: 'complaint',
        [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE),
        [ids.grade]: 'critical',
        [ids.gradingTableVersion]: 1,
      },
    });
  }
});

type Envelope<T> = { success: boolean; data: T };
type Job = {
  jobId: string;
  status: string;
  failure?: { code: string; errorCode: string; at: string };
  batchesDone?: number;
  batches?: number;
};

const call = async <T>(
  resolver: Parameters<typeof invokeResolver>[0],
  fn: string,
  payload: Record<string, unknown> = {},
): Promise<T> => {
  const r = (await invokeResolver(resolver, fn, payload, { accountId: ADMIN })) as Envelope<T>;
  expect(r.success).toBe(true);
  return r.data;
};

/** Deliveries of events whose body matches, and what became of them. */
const outcomesOf = (match: (body: Record<string, unknown>) => boolean): string[] =>
  queue.deliveries.filter((d) => match(d.event.body)).map((d) => d.outcome);

/** Proof that nothing is waiting to be retried later in the retention window. */
function expectNothingLeftForTheNextDay(): void {
  expect(queue.pendingEvents()).toEqual([]);
  expect(
    queue.deliveries.filter((d) => d.outcome === 'retry' || d.outcome === 'failed' || d.outcome === 'dropped'),
  ).toEqual([]);
}

describe('regrade: a batch Jira refuses for good', () => {
  it('Jira 403 on the bulk write: the job fails with JIRA_FORBIDDEN, the batch is delivered once, the other batch still runs', async () => {
    const started = await call<Job>(gradingAdminResolver, 'startRegrade', { confirm: true });
    expect(started).toMatchObject({ status: 'running', batches: 2 });
    jira.failNext(1, { status: 403, route: WRITE });
    const report = await queue.drain();
    expect(report.delivered).toBe(2);
    expect(outcomesOf((b) => b['batch'] === 0)).toEqual(['success']);
    expect(outcomesOf((b) => b['batch'] === 1)).toEqual(['success']);
    expectNothingLeftForTheNextDay();
    const progress = await call<Job>(gradingAdminResolver, 'getRegradeProgress', { jobId: started.jobId });
    expect(progress).toMatchObject({
      status: 'failed',
      batchesDone: 1,
      failure: { code: 'JIRA_FORBIDDEN', errorCode: 'JIRA_FORBIDDEN' },
    });
    expect(jira.requestCount(WRITE)).toBe(2);
  });

  it('an unreadable event naming the job: EVENT_INVALID, delivered once', async () => {
    const started = await call<Job>(gradingAdminResolver, 'startRegrade', { confirm: true });
    await pushInBatches(REGRADE_QUEUE, [{ body: { jobId: started.jobId, batch: 7, issueIds: ['not-an-id'] } }]);
    await queue.drain();
    expect(outcomesOf((b) => b['batch'] === 7)).toEqual(['success']);
    expectNothingLeftForTheNextDay();
    const progress = await call<Job>(gradingAdminResolver, 'getRegradeProgress', { jobId: started.jobId });
    expect(progress).toMatchObject({ status: 'failed', failure: { code: 'EVENT_INVALID' } });
  });

  it('a grading table no version of the app can read: CONFIG_INVALID, each batch delivered once', async () => {
    const started = await call<Job>(gradingAdminResolver, 'startRegrade', { confirm: true });
    const key = kvs.keys().find((k) => k.endsWith(CONFIG_KEYS.gradingTable));
    if (key === undefined) throw new Error(`no grading table in KVS: ${kvs.keys().join(', ')}`);
    kvs.seed(key, { ...(kvs.peek(key) as Record<string, unknown>), value: { not: 'a grading table' } });
    await queue.drain();
    expect(outcomesOf((b) => b['jobId'] === started.jobId)).toEqual(['success', 'success']);
    expectNothingLeftForTheNextDay();
    const progress = await call<Job>(gradingAdminResolver, 'getRegradeProgress', { jobId: started.jobId });
    expect(progress).toMatchObject({
      status: 'failed',
      batchesDone: 0,
      failure: { code: 'CONFIG_INVALID', errorCode: 'CONFIG_INVALID' },
    });
  });

  it('a passing failure (Jira 503 past the client’s retries) is still retried, and the job finishes', async () => {
    runtime.setRemainingTimeMillis(0);
    const started = await call<Job>(gradingAdminResolver, 'startRegrade', { confirm: true });
    jira.failNext(5, { status: 503, route: WRITE });
    await queue.drain();
    const batch0 = outcomesOf((b) => b['batch'] === 0);
    expect(batch0.at(-1)).toBe('success');
    expect(batch0.slice(0, -1).every((o) => o === 'retry') && batch0.length > 1).toBe(true);
    expect(await call<Job>(gradingAdminResolver, 'getRegradeProgress', { jobId: started.jobId })).toMatchObject({
      status: 'done',
    });
  });
});

describe('analytics backfill: a step Jira refuses for good', () => {
  it('Jira 400 on the search: the job fails with JIRA_REFUSED, shown by the supervision resolver; delivered once', async () => {
    await call<Job>(supervisionResolver, 'startAnalyticsBackfill');
    jira.failNext(1, { status: 400, route: SEARCH });
    await queue.drain();
    expect(queue.deliveries.map((d) => d.outcome)).toEqual(['success']);
    expectNothingLeftForTheNextDay();
    expect(await call<Job>(supervisionResolver, 'getAnalyticsBackfill')).toMatchObject({
      status: 'failed',
      failure: { code: 'JIRA_REFUSED' },
    });
  });
});

describe('escalation recalculation: a step Jira refuses for good', () => {
  it('Jira 404 on the search: the job fails with JIRA_NOT_FOUND; delivered once', async () => {
    const started = await call<Job>(gradingAdminResolver, 'startEscalationRecalculation', { confirm: true });
    jira.failNext(1, { status: 404, route: SEARCH });
    await queue.drain();
    expect(queue.deliveries.map((d) => d.outcome)).toEqual(['success']);
    expectNothingLeftForTheNextDay();
    expect(await call<Job>(gradingAdminResolver, 'getEscalationRecalculation', { jobId: started.jobId })).toMatchObject(
      { status: 'failed', failure: { code: 'JIRA_NOT_FOUND' } },
    );
  });
});

describe('the double would have retried it for a day', () => {
  it('the same 403 thrown by a consumer that does not classify it is redelivered until the retention window ends', async () => {
    // The test that the tests above can fail: before this change, a consumer rethrew what it could not retry.
    await call<Job>(gradingAdminResolver, 'startRegrade', { confirm: true });
    queue.registerConsumer(REGRADE_QUEUE, async (event) => {
      const body = (event as { body: Record<string, unknown> }).body;
      if (body['batch'] === 0) throw new Error('JIRA_FORBIDDEN');
      return regradeConsumer(event);
    });
    const report = await queue.drain({ throwOnFailure: false });
    const attempts = queue.deliveries.filter((d) => d.event.body['batch'] === 0);
    expect(attempts.length).toBeGreaterThan(50);
    expect(attempts.at(-1)?.outcome).toBe('dropped');
    expect(queue.now - Date.UTC(2026, 0, 1)).toBeGreaterThan(QUEUE_RETENTION_WINDOW_MS - 16 * 60_000);
    expect(report.failed).toHaveLength(1);
  });
});
