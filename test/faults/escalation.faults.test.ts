/**
 * Fault injection on escalation by time (sweep → queue → consumer, the real handlers of src/index.ts):
 * Jira 429 with Retry-After, 500s, slow answers, SQL deadlocks and dropped connections, duplicate and
 * out-of-order deliveries, a consumer killed mid-batch. For each: while the fault lasts nothing is
 * doubled; after it ends, sweeps converge to every due issue escalated exactly once (fields, history,
 * one action row, one comment).
 */
import { escalationConsumer, escalationSweep } from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { escalationSettingsCodec, ESCALATION_SETTINGS_KEY } from '../../src/app/escalation';
import { LEASE_MS } from '../../src/app/ports/escalationActions';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../src/domain';
import { defineItrFields } from '../fixtures/itrFields';
import { harness, invokeFunction } from '../../platform-doubles';

const { jira, queue, sql, runtime } = harness();
const MINUTE = 60_000;
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const l1 = lineBudget(DEFAULT_GRADING_TABLE, critical, 'L1').minutes;
const FIELD_WRITE = 'POST /rest/api/3/app/field/value';
const KEYS = ['ITR-1', 'ITR-2', 'ITR-3', 'ITR-4', 'ITR-5'];

let ids: ReturnType<typeof defineItrFields>;
let now = Date.now();

beforeAll(() => {
  // Only Date moves (claims' lease); timers stay real so Retry-After waits and the SDKs work.
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
});
afterAll(() => {
  jest.useRealTimers();
});

beforeEach(async () => {
  now = Math.floor(Date.now() / 1000) * 1000;
  jest.setSystemTime(now);
  sql.clearFaults();
  jira.seedUser({ accountId: 'acc-l1', displayName: 'L1' });
  jira.seedUser({ accountId: 'acc-l2', displayName: 'L2' });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  queue.maxRetries = 6;
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  await new ConfigStore().set(
    ESCALATION_SETTINGS_KEY,
    {
      lines: {
        L1: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L2: {
          assignment: { mode: 'person', accountId: 'acc-l2' },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L3: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
      },
      managementAccountIds: [],
      managementGroups: [],
      locale: 'en',
    },
    escalationSettingsCodec,
  );
  for (const table of ['line_history', 'escalation_action', 'escalation_audit'])
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
  const entered = new Date(now - (l1 + 30) * MINUTE);
  for (const key of KEYS) {
    jira.seedIssue({
      key,
      fields: {
        [ids.kind]: 'complaint',
        [ids.grade]: critical,
        [ids.line]: 'L1',
        [ids.lineEnteredAt]: entered.toISOString(),
        [ids.lineDueAt]: new Date(entered.getTime() + l1 * MINUTE).toISOString(),
        [ids.lineWarnAt]: new Date(entered.getTime() + Math.floor(l1 * 0.75) * MINUTE).toISOString(),
        [ids.owner]: { accountId: 'acc-l1' },
      },
    });
  }
});
afterEach(() => {
  sql.clearFaults();
  jira.latencyMs = 0;
});

async function sweepAndDrain(): Promise<void> {
  await invokeFunction(escalationSweep, {}).catch(() => undefined); // errors of a scheduled trigger are not retried: the next run covers
  await queue.drain({ throwOnFailure: false });
}

/** After the fault: time passes beyond the claims' lease, sweeps run clean until nothing is left (≤ 3). */
async function converge(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    now += LEASE_MS + 5 * MINUTE;
    jest.setSystemTime(now);
    await sweepAndDrain();
  }
}

async function expectEachEscalatedOnce(): Promise<void> {
  for (const key of KEYS) {
    const issue = jira.issue(key);
    expect({ key, line: issue.fields[ids.line] }).toEqual({ key, line: 'L2' });
    const bodies = issue.comments.map((c) => JSON.stringify(c.body));
    // One escalation comment; converging lets L2's answer window pass too, so at most one timeout consent.
    const count = (text: string): number => bodies.filter((b) => b.includes(text)).length;
    expect({
      key,
      escalated: count('escalated to'),
      deemed: count('deemed accepted') <= 1,
      other: bodies.length - count('escalated to') - count('deemed accepted'),
    }).toEqual({ key, escalated: 1, deemed: true, other: 0 });
    const actions = await sql.raw<Array<{ action: string; line: string; n: number }>>(
      'SELECT action, line, COUNT(*) AS n FROM escalation_action WHERE issue_id = ? GROUP BY action, line',
      [Number(issue.id)],
    );
    expect(actions.filter((a) => a.action === 'escalate').map((a) => [a.line, Number(a.n)])).toEqual([['L1', 1]]);
    const history = await sql.raw<Array<{ line: string; outcome: string | null }>>(
      'SELECT line, outcome FROM line_history WHERE issue_id = ? ORDER BY entered_at, id',
      [Number(issue.id)],
    );
    expect({ key, history }).toEqual({
      key,
      history: [
        { line: 'L1', outcome: 'timed_out' },
        { line: 'L2', outcome: null },
      ],
    });
  }
}

describe('escalation under faults: nothing lost, nothing doubled, converges', () => {
  it('baseline: no fault', async () => {
    await sweepAndDrain();
    await expectEachEscalatedOnce();
  });

  it('Jira 429 with Retry-After on the field writes: the consumer hands the event back, the retry finishes', async () => {
    jira.failNext(3, { status: 429, retryAfter: 1, route: FIELD_WRITE });
    await sweepAndDrain();
    await converge();
    await expectEachEscalatedOnce();
    expect(jira.calls.filter((c) => c.injected && c.status === 429)).toHaveLength(3);
  });

  it('Jira 500s on every route for a while', async () => {
    jira.failNext(6, { status: 500 });
    await sweepAndDrain();
    jira.failNext(4, { status: 503, route: FIELD_WRITE });
    await sweepAndDrain();
    await converge();
    await expectEachEscalatedOnce();
  });

  it('slow Jira answers (40 ms each)', async () => {
    jira.latencyMs = 40;
    await sweepAndDrain();
    jira.latencyMs = 0;
    await converge();
    await expectEachEscalatedOnce();
  });

  it('SQL deadlocks on the action claims and a dropped connection on the history', async () => {
    sql.failNext(2, { match: /^\s*(INSERT|UPDATE)[\s\S]*escalation_action/i });
    sql.failNext(2, {
      match: /^\s*(INSERT|UPDATE)[\s\S]*line_history/i,
      status: 503,
      code: 'UNKNOWN_ERROR',
      message: 'connection lost',
    });
    const failedBefore = sql.statements.filter((x) => !x.ok).length;
    await sweepAndDrain();
    expect(sql.statements.filter((x) => !x.ok).length - failedBefore).toBeGreaterThanOrEqual(1);
    sql.clearFaults();
    await converge();
    await expectEachEscalatedOnce();
  });

  it('duplicate deliveries and two overlapping sweeps (events delivered twice, out of order)', async () => {
    queue.duplicateNext(5);
    await invokeFunction(escalationSweep, {});
    await invokeFunction(escalationSweep, {});
    await queue.drain({ throwOnFailure: false });
    await expectEachEscalatedOnce();
    // An old event delivered late, after the escalation: nothing happens again.
    const old = queue.pushes[0]?.events[0];
    expect(old).toBeDefined();
    await invokeFunction(escalationConsumer as never, { body: old!.body } as never);
    await expectEachEscalatedOnce();
    await converge();
    await expectEachEscalatedOnce();
  });

  it('a consumer killed mid-batch (its process dies after 3 Jira writes): the lease expires, the next sweep finishes the rest', async () => {
    let writes = 0;
    let kill = true;
    runtime.setBackend('jira', async (req) => {
      if (kill && req.method !== 'GET' && !req.pathname.endsWith('/search/jql')) {
        writes++;
        if (writes > 3) throw new Error('killed: invocation ran out of memory');
      }
      return jira.handle(req);
    });
    try {
      await sweepAndDrain();
      kill = false;
      await converge();
      await expectEachEscalatedOnce();
    } finally {
      runtime.setBackend('jira', (req) => jira.handle(req));
    }
  });
});
