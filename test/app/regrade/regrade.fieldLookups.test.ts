/**
 * A regrade runs one invocation per 100 issues after the start (10,000 issues: 101). Each needs the app's
 * field ids; they come from the installation's cache, so the site's field list (2,000 fields on a large
 * site, not paged by Jira) is fetched once when the cache is cold and never when it is warm. 2,000 issues
 * (21 invocations) prove it as well as 10,000 and keep the suite fast.
 */
import { handler as regradeConsumer } from '../../../src/entry/regrade-consumer';
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { ConfigStore } from '../../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { encodeGradingAnswers } from '../../../src/app/fields/gradingAnswers';
import { lookUpFieldIds } from '../../../src/app/fields/fieldIds';
import { jiraAsApp } from '../../../src/adapters/jira';
import { REGRADE_QUEUE } from '../../../src/app/regrade/regrade';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue } = harness();
const ADMIN = 'acc-admin';
const LIST_FIELDS = 'GET /rest/api/3/field';
const ISSUES = 2_000;
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
const V2: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  version: 2,
  thresholds: DEFAULT_GRADING_TABLE.thresholds.map((t) => (t.grade === 'critical' ? { ...t, minScore: 62 } : t)),
};

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  ids = defineItrFields(jira);
  queue.registerConsumer(REGRADE_QUEUE, regradeConsumer);
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, V2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
});

/** Seeds `issues` graded open issues and regrades them: one start and one invocation per 100. */
async function regradeAll(issues: number): Promise<void> {
  const answers = encodeGradingAnswers(OUTAGE);
  for (let n = 1; n <= issues; n++)
    jira.seedIssue({
      key: `ITR-${n}`,
      fields: { [ids.gradingAnswers]: answers, [ids.grade]: 'critical', [ids.gradingTableVersion]: 1 },
    });
  const started = (await invokeResolver(triageResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN })) as {
    success: boolean;
    data: { batches: number };
  };
  expect(started).toMatchObject({ success: true, data: { batches: issues / 100 } });
  await queue.drain();
  expect(queue.deliveries.length).toBeGreaterThanOrEqual(issues / 100);
  expect(jira.issue(`ITR-${issues}`).fields[ids.gradingTableVersion]).toBe(2);
}

describe('field look-ups in a 2,000-issue regrade', () => {
  it('lists the site fields once with a cold cache (21 invocations)', async () => {
    await regradeAll(ISSUES);
    expect(jira.requestCount(LIST_FIELDS)).toBe(1);
  }, 120_000);

  it('lists them not at all with a warm cache (1,000 issues: 11 invocations)', async () => {
    await lookUpFieldIds(jiraAsApp()); // an earlier invocation on this installation
    const before = jira.requestCount(LIST_FIELDS);
    await regradeAll(1_000);
    expect(jira.requestCount(LIST_FIELDS) - before).toBe(0);
  });
});
