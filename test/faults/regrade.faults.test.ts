/**
 * Fault injection on the regrade of open issues (startRegrade → `regrade` queue → the real
 * `regradeConsumer`): the consumer killed at every one of its writes (before the write lands and
 * after it landed with the answer lost), Jira 429 and 5xx on the bulk field write, KVS failures on the
 * batch record. For each: every open issue ends on the new table version exactly once (no issue
 * skipped, no grade written twice), closed issues are untouched, and progress reaches 100 %.
 */
import { handler as regradeConsumer } from '../../src/entry/regrade-consumer';
import { handler as triageResolver } from '../../src/entry/triageFunctions';
import { ConfigStore } from '../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../src/app/config/itrConfig';
import { encodeGradingAnswers } from '../../src/app/fields/gradingAnswers';
import { BATCH_SIZE, REGRADE_QUEUE } from '../../src/app/regrade/regrade';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../src/domain';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { KillSwitch, type KillMoment } from './killSwitch';

const h = harness();
const { jira, kvs, queue, runtime } = h;
const ADMIN = 'acc-admin';
const WRITE = 'POST /rest/api/3/app/field/value';
const OPEN = 2 * BATCH_SIZE + 30; // three batches, the last one short
const CLOSED = 10;

const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
}; // 61 points
/** Table v2: Critical from 62, so every 61-point outage drops to Major. */
const V2: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  version: 2,
  thresholds: DEFAULT_GRADING_TABLE.thresholds.map((t) => (t.grade === 'critical' ? { ...t, minScore: 62 } : t)),
};

let ids: ReturnType<typeof defineItrFields>;
let kill: KillSwitch;
/** Issue id → how many applied bulk writes set its grade. */
let gradeWrites: Map<string, number>;

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  ids = defineItrFields(jira);
  for (let n = 1; n <= OPEN + CLOSED; n++) {
    jira.seedIssue({
      key: `ITR-${n}`,
      ...(n > OPEN ? { status: 'Closed' } : {}),
      fields: {
        [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE),
        [ids.grade]: 'critical',
        [ids.gradingTableVersion]: 1,
      },
    });
  }
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, V2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
  kill = new KillSwitch(h);
  gradeWrites = new Map();
  // Count what Jira actually applied, per issue, behind the kill switch.
  const inner = (req: { method: string; pathname: string; bodyText?: string | undefined }, res: Response): void => {
    if (req.method !== 'POST' || !req.pathname.endsWith('/app/field/value') || res.status >= 300) return;
    const body = JSON.parse(req.bodyText ?? '{}') as {
      updates?: Array<{ customField: string; issueIds: Array<string | number> }>;
    };
    for (const u of body.updates ?? []) {
      if (u.customField !== ids.grade) continue;
      for (const id of u.issueIds) gradeWrites.set(String(id), (gradeWrites.get(String(id)) ?? 0) + 1);
    }
  };
  const original = jira.handle.bind(jira);
  jest.spyOn(jira, 'handle').mockImplementation(async (req) => {
    const res = await original(req);
    inner(req, res);
    return res;
  });
  queue.maxRetries = 8;
  queue.registerConsumer(REGRADE_QUEUE, kill.wrap(regradeConsumer));
});

afterEach(() => {
  kill.uninstall();
  jest.restoreAllMocks();
});

type Progress = {
  status: string;
  total: number;
  batches: number;
  batchesDone: number;
  processed: number;
  regraded: number;
  unchanged: number;
  skippedClosed: number;
};

async function regradeUntilSettled(): Promise<Progress> {
  const started = (await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN })) as {
    success: boolean;
    data: Progress;
  };
  expect(started).toMatchObject({ success: true, data: { total: OPEN, batches: 3 } });
  await queue.drain();
  const progress = (await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as {
    success: boolean;
    data: Progress;
  };
  return progress.data;
}

function expectEveryOpenIssueRegradedOnce(): void {
  const wrong: string[] = [];
  for (let n = 1; n <= OPEN + CLOSED; n++) {
    const issue = jira.issue(`ITR-${n}`);
    const expected =
      n <= OPEN ? { grade: 'major', version: 2, writes: 1 } : { grade: 'critical', version: 1, writes: 0 };
    const actual = {
      grade: issue.fields[ids.grade],
      version: issue.fields[ids.gradingTableVersion],
      writes: gradeWrites.get(issue.id) ?? 0,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`ITR-${n}: ${JSON.stringify(actual)}`);
  }
  expect(wrong).toEqual([]);
}

function expectDone(progress: Progress): void {
  expect(progress).toMatchObject({
    status: 'done',
    total: OPEN,
    batches: 3,
    batchesDone: 3,
    processed: OPEN,
    skippedClosed: 0,
  });
  // A batch whose write landed before its process died counts its issues as unchanged on the redo.
  expect(progress.regraded + progress.unchanged).toBe(OPEN);
}

describe('regrade: a consumer killed mid-batch', () => {
  it('baseline: three batches, each one Jira write and one KVS record', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    expectDone(await regradeUntilSettled());
    expectEveryOpenIssueRegradedOnce();
    // Writes by the consumers: 3 bulk field writes + 3 batch records (+ the job's done mark by the reader).
    expect(jira.requestCount(WRITE)).toBe(3);
  });

  // The consumers make 6 writes in all (per batch: the bulk field write, then its record in KVS).
  const cases: Array<[number, KillMoment]> = [];
  for (let n = 1; n <= 6; n++) for (const m of ['before-apply', 'after-apply'] as const) cases.push([n, m]);
  it.each(cases)(
    'killed at write %i (%s): redelivered, every open issue regraded once, progress 100 %%',
    async (n, moment) => {
      // startRegrade's own writes (job, pointer) happen before the consumers; count from the first delivery.
      const started = (await invokeResolver(
        triageResolver,
        'startRegrade',
        { confirm: true },
        { accountId: ADMIN },
      )) as { success: boolean };
      expect(started.success).toBe(true);
      kill.arm(n, moment);
      await queue.drain();
      expect(kill.kills).toBe(1);
      const progress = (await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as {
        data: Progress;
      };
      expectDone(progress.data);
      expectEveryOpenIssueRegradedOnce();
      expect(queue.deliveries.filter((d) => d.outcome === 'retry')).toHaveLength(1);
    },
  );

  it('killed twice in the same batch, then once more in another', async () => {
    await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN });
    let deliveries = 0;
    queue.registerConsumer(
      REGRADE_QUEUE,
      kill.wrap(async (p) => {
        deliveries++;
        if (deliveries === 1 || deliveries === 2) kill.arm(1);
        if (deliveries === 4) kill.arm(2, 'after-apply');
        return regradeConsumer(p);
      }),
    );
    await queue.drain();
    expect(kill.kills).toBe(3);
    expectDone(
      ((await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as { data: Progress })
        .data,
    );
    expectEveryOpenIssueRegradedOnce();
  });
});

describe('regrade: Jira and KVS failures converge', () => {
  it('Jira 429 with a Retry-After longer than the client waits: the consumer hands the batch back', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    jira.failNext(4, { status: 429, retryAfter: 120, route: WRITE });
    expectDone(await regradeUntilSettled());
    expectEveryOpenIssueRegradedOnce();
    expect(jira.calls.filter((c) => c.injected && c.status === 429)).toHaveLength(4);
    expect(queue.deliveries.filter((d) => d.outcome === 'retry').length).toBeGreaterThanOrEqual(1);
  });

  it('Jira 5xx on the bulk write beyond the client’s own retries: redelivered, not lost', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    // No time left to back off inside the invocation: the client fails at once, the queue retries.
    runtime.setRemainingTimeMillis(0);
    jira.failNext(5, { status: 503, route: WRITE });
    const progress = await regradeUntilSettled();
    expectDone(progress);
    expectEveryOpenIssueRegradedOnce();
    expect(queue.deliveries.filter((d) => d.outcome === 'failed')).toEqual([]);
  });

  it('KVS failing on the batch records: the batch is redone (no grade rewritten), progress still reaches 100 %', async () => {
    kill.arm(Number.POSITIVE_INFINITY);
    await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN });
    kvs.failNext(3, { status: 500, code: 'INTERNAL_SERVER_ERROR', path: '/api/v1/set' });
    await queue.drain();
    expectDone(
      ((await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as { data: Progress })
        .data,
    );
    expectEveryOpenIssueRegradedOnce();
  });

  it('duplicate deliveries of every batch while another is killed', async () => {
    await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN });
    queue.duplicateNext(3);
    kill.arm(3, 'after-apply');
    await queue.drain();
    expectDone(
      ((await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as { data: Progress })
        .data,
    );
    expectEveryOpenIssueRegradedOnce();
  });
});
