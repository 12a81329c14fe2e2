/**
 * Fault injection on the analytics backfill (startAnalyticsBackfill → `analytics-backfill` queue →
 * the real consumer, one step per event, PAGES_PER_STEP pages per step): the consumer killed at
 * chosen writes (a projection upsert, the cursor, the step hand-over, the final "done"), before and
 * after the write lands; the SQL connection dropped on the upserts; Jira 429 and 5xx on the search.
 * For each: the job ends `done` having counted every ITR issue once, and the projection equals a
 * from-scratch rebuild without faults.
 */
import { analyticsBackfillConsumer, supervisionResolver } from '../../src/index';
import { BACKFILL_QUEUE, PAGE_SIZE, PAGES_PER_STEP } from '../../src/app/analytics/backfill';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { KillSwitch, type KillMoment } from './killSwitch';

const h = harness();
const { jira, queue, runtime, sql } = h;
const ADMIN = 'acc-admin';
const SEARCH = 'POST /rest/api/3/search/jql';
/** Two steps: a full one and a short one. */
const ITR_ISSUES = PAGE_SIZE * PAGES_PER_STEP + 2 * PAGE_SIZE + 17;

let ids: ReturnType<typeof defineItrFields>;
let kill: KillSwitch;

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: 'acc-owner', displayName: 'Owner' });
  ids = defineItrFields(jira);
  for (let i = 1; i <= ITR_ISSUES; i++) {
    const created = new Date(Date.UTC(2026, 0, 1 + (i % 28), 8, i % 60));
    jira.seedIssue({
      key: `ITR-${i}`,
      created,
      fields: {
        [ids.kind]: i % 2 === 0 ? 'complaint' : 'technicalService',
        [ids.grade]: i % 4 === 0 ? 'critical' : 'minor',
        [ids.product]: `X${i % 3}`,
        [ids.owner]: { accountId: 'acc-owner' },
        ...(i % 3 !== 0
          ? {
              resolutiondate: new Date(created.getTime() + (i % 5) * 36_000_000).toISOString().replace('Z', '+0000'),
              resolution: { name: 'Done' },
            }
          : {}),
      },
    });
  }
  jira.seedIssue({ key: 'OTHER-1', created: new Date(Date.UTC(2026, 0, 3)) });
  kill = new KillSwitch(h);
  queue.maxRetries = 8;
  queue.registerConsumer(BACKFILL_QUEUE, kill.wrap(analyticsBackfillConsumer));
  await sql.raw('DELETE FROM itr_issue_fact').catch(() => undefined); // absent before the first migration run
  sql.clearFaults();
});

afterEach(() => {
  kill.uninstall();
  sql.clearFaults();
});

type Progress = { status: string; processed: number; projected: number; pages: number };

async function start(): Promise<void> {
  const started = await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
  expect(started).toMatchObject({ success: true });
}

async function progress(): Promise<Progress> {
  return (
    (await invokeResolver(supervisionResolver, 'getAnalyticsBackfill', {}, { accountId: ADMIN })) as { data: Progress }
  ).data;
}

/** The projection as rows, without the time each row was written. */
async function projection(): Promise<string[]> {
  const rows = await sql.raw<Array<Record<string, unknown>>>('SELECT * FROM itr_issue_fact ORDER BY issue_id');
  return rows.map(({ synced_at: _s, ...r }) => JSON.stringify(r));
}

/** What a clean backfill from an empty projection gives. */
async function rebuiltFromScratch(): Promise<string[]> {
  kill.arm(Number.POSITIVE_INFINITY);
  sql.clearFaults();
  await sql.raw('DELETE FROM itr_issue_fact');
  await start();
  await queue.drain();
  expect(await progress()).toMatchObject({ status: 'done', processed: ITR_ISSUES });
  return projection();
}

async function expectConverged(): Promise<void> {
  expect(await progress()).toMatchObject({ status: 'done', processed: ITR_ISSUES, projected: ITR_ISSUES });
  const after = await projection();
  expect(after).toHaveLength(ITR_ISSUES);
  expect(after).toEqual(await rebuiltFromScratch());
}

describe('analytics backfill: a consumer killed mid-step', () => {
  it('baseline: two steps, every ITR issue projected once', async () => {
    await start();
    kill.arm(Number.POSITIVE_INFINITY);
    await queue.drain();
    expect(queue.deliveries.map((d) => d.outcome)).toEqual(['success', 'success']);
    await expectConverged();
  });

  // Writes, in order: per page the upsert then the cursor (pages 1–10 → writes 1–20), then the
  // hand-over of step 1 (21: next step saved, 22: its push recorded), pages 11–13 (23–28, the last
  // cursor write also marks the job done).
  const cases: Array<[number, KillMoment]> = [
    [1, 'before-apply'],
    [2, 'after-apply'],
    [19, 'before-apply'],
    [20, 'after-apply'],
    [21, 'before-apply'],
    [21, 'after-apply'],
    [22, 'before-apply'],
    [22, 'after-apply'],
    [27, 'after-apply'],
    [28, 'before-apply'],
    [28, 'after-apply'],
  ];
  it.each(cases)('killed at write %i (%s): redelivered, done, projection = rebuild from scratch', async (n, moment) => {
    await start();
    kill.arm(n, moment);
    await queue.drain();
    expect(kill.kills).toBe(1);
    await expectConverged();
  });
});

describe('analytics backfill: SQL and Jira failures converge', () => {
  it('the SQL connection drops on three projection upserts', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    sql.failNext(3, {
      match: /^\s*INSERT\s+INTO\s+itr_issue_fact/i,
      status: 503,
      code: 'UNKNOWN_ERROR',
      message: 'connection lost',
    });
    await start();
    await queue.drain();
    expect(queue.deliveries.filter((d) => d.outcome === 'retry').length).toBeGreaterThanOrEqual(1);
    await expectConverged();
  });

  it('a deadlock on an upsert', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    sql.failNext(1, { match: /^\s*INSERT\s+INTO\s+itr_issue_fact/i });
    await start();
    await queue.drain();
    await expectConverged();
  });

  it('Jira 429 with a long Retry-After on the search, then 5xx beyond the client’s retries', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    runtime.setRemainingTimeMillis(0); // no backing off inside the invocation: the queue retries
    jira.failNext(2, { status: 429, retryAfter: 120, route: SEARCH });
    await start();
    await queue.drain();
    jira.failNext(4, { status: 502, route: SEARCH });
    await start();
    await queue.drain();
    expect(queue.deliveries.filter((d) => d.outcome === 'failed')).toEqual([]);
    await expectConverged();
  });

  it('duplicate deliveries of every step', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    queue.duplicateNext(5);
    await start();
    await queue.drain();
    await expectConverged();
  });
});
