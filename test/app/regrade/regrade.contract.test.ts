/**
 * The recompute of open issues through the exported handlers: `startRegrade` (src/entry/triageFunctions.ts, admin
 * only) pushes batches to the queue double, which delivers them to the real `regradeConsumer`; writes
 * go through Jira's bulk app-field endpoint grouped by (field, value).
 */
// The handlers src/index.ts re-exports (imported from their entry folders, so this file does not load every module).
import { handler as regradeConsumer } from '../../../src/entry/regrade-consumer';
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { ConfigStore } from '../../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { encodeGradingAnswers } from '../../../src/app/fields/gradingAnswers';
import { REGRADE_QUEUE } from '../../../src/app/regrade/regrade';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const WRITE = 'POST /rest/api/3/app/field/value';
const SEARCH = 'POST /rest/api/3/search/jql';

const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
}; // 61
const PARTIAL = {
  businessImpact: 'partial',
  duration: 'h4to24',
  scope: 'medium',
  customerTier: 'standard',
  sensitivity: 'none',
}; // 37

/** Table v2: Critical from 62, so the 61-point outage drops to Major. */
const V2: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  version: 2,
  thresholds: DEFAULT_GRADING_TABLE.thresholds.map((t) => (t.grade === 'critical' ? { ...t, minScore: 62 } : t)),
};

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Agent' });
  ids = defineItrFields(jira);
  queue.registerConsumer(REGRADE_QUEUE, regradeConsumer);
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, V2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
});

const graded = (n: number, answers: Record<string, string>, grade: string, status?: string) =>
  jira.seedIssue({
    key: `ITR-${n}`,
    ...(status ? { status } : {}),
    fields: { [ids.gradingAnswers]: encodeGradingAnswers(answers), [ids.grade]: grade, [ids.gradingTableVersion]: 1 },
  });

type Progress = {
  jobId: string;
  status: string;
  total: number;
  batches: number;
  batchesDone: number;
  processed: number;
  regraded: number;
  unchanged: number;
  skippedClosed: number;
};

describe('regrade open issues', () => {
  it('regrades 250 open issues in bulk, leaves closed ones alone, and reports progress', async () => {
    for (let n = 1; n <= 200; n++) graded(n, OUTAGE, 'critical');
    for (let n = 201; n <= 250; n++) graded(n, PARTIAL, 'major');
    for (let n = 251; n <= 260; n++) graded(n, OUTAGE, 'critical', 'Closed');

    const started = (await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN })) as {
      success: true;
      data: Progress;
    };
    expect(started).toMatchObject({
      success: true,
      data: { status: 'running', total: 250, batches: 3, batchesDone: 0 },
    });
    const searchesToStart = jira.requestCount(SEARCH);
    expect(searchesToStart).toBe(1);

    await queue.drain();
    const progress = (await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as {
      data: Progress;
    };
    expect(progress.data).toMatchObject({
      jobId: started.data.jobId,
      status: 'done',
      batchesDone: 3,
      processed: 250,
      regraded: 250,
      unchanged: 0,
      skippedClosed: 0,
    });

    expect(jira.issue('ITR-1').fields[ids.grade]).toBe('major');
    expect(jira.issue('ITR-1').fields[ids.gradingTableVersion]).toBe(2);
    expect(jira.issue('ITR-250').fields[ids.grade]).toBe('major');
    expect(jira.issue('ITR-250').fields[ids.gradingTableVersion]).toBe(2);
    expect(jira.issue('ITR-255').fields[ids.grade]).toBe('critical');
    expect(jira.issue('ITR-255').fields[ids.gradingTableVersion]).toBe(1);
    // Per batch of 100: one bulk write, one re-read of the grading fields, and the analytics
    // projection's re-read of the written issues after the write (writeItrFields: issue-updated ignores
    // the app's own writes, so the writer syncs the facts; the batch's own re-read predates the write and
    // lacks the fact fields). That re-read reconciles the ids it asks for, so Jira answers with the values
    // just written; `reconcileIssues` takes 50 ids, so 100 + 100 + 50 issues take 2 + 2 + 1 searches.
    // 3 writes, 3 + 5 searches (+1 to start), not 250 writes.
    expect(jira.requestCount(WRITE)).toBe(3);
    expect(jira.requestCount(SEARCH) - searchesToStart).toBe(8);
    const reconciled = jira.calls.filter(
      (c) => c.route === SEARCH && Array.isArray((c.body as { reconcileIssues?: unknown }).reconcileIssues),
    );
    expect(reconciled.map((c) => (c.body as { reconcileIssues: number[] }).reconcileIssues.length)).toEqual([
      50, 50, 50, 50, 50,
    ]);
    expect(jira.requestCount()).toBeLessThan(250 / 10);
  });

  it('is harmless under duplicate delivery', async () => {
    for (let n = 1; n <= 120; n++) graded(n, OUTAGE, 'critical');
    queue.duplicateNext(2);
    await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN });
    await queue.drain();
    expect(jira.requestCount(WRITE)).toBe(2);
    const progress = (await invokeResolver(triageResolver, 'getRegradeProgress', {}, { accountId: ADMIN })) as {
      data: Progress;
    };
    expect(progress.data).toMatchObject({ status: 'done', processed: 120, regraded: 120 });
  });

  it('writes nothing for issues already graded with the table in force', async () => {
    for (let n = 1; n <= 5; n++)
      jira.seedIssue({
        key: `ITR-${n}`,
        fields: {
          [ids.gradingAnswers]: encodeGradingAnswers(PARTIAL),
          [ids.grade]: 'major',
          [ids.gradingTableVersion]: 2,
        },
      });
    await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN });
    await queue.drain();
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('restamps the time rule of a classified issue whose new grade has requirement times', async () => {
    const major = DEFAULT_GRADING_TABLE.sla['major']!;
    const withRequirementTimes: GradingTable = {
      ...V2,
      requirementTimes: { sla: { major: { ...major, responseMinutes: major.responseMinutes * 2 } } },
    };
    await new ConfigStore().set(
      CONFIG_KEYS.gradingTable,
      withRequirementTimes,
      gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)),
    );
    const seed = (n: number, classification: string | null) =>
      jira.seedIssue({
        key: `ITR-${n}`,
        fields: {
          [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE),
          [ids.grade]: 'critical',
          [ids.gradingTableVersion]: 1,
          ...(classification === null ? {} : { [ids.classification]: classification, [ids.timeRule]: 'problem' }),
        },
      });
    seed(1, 'requirement');
    seed(2, 'problem');
    seed(3, null);
    await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN });
    await queue.drain();
    const rules = [1, 2, 3].map((n) => [
      jira.issue(`ITR-${n}`).fields[ids.grade],
      jira.issue(`ITR-${n}`).fields[ids.timeRule],
    ]);
    // Critical drops to major, which has requirement times: only the requirement runs on them now.
    expect(rules).toEqual([
      ['major', 'requirement'],
      ['major', 'problem'],
      ['major', undefined],
    ]);
  });

  it('refuses a non-admin', async () => {
    graded(1, OUTAGE, 'critical');
    expect(await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: AGENT })).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })],
    });
    expect(queue.pushes).toHaveLength(0);
  });
});
