/**
 * The issue-updated trigger ignores the app's own writes (manifest `filter.ignoreSelf`), so an app
 * field write never wakes the app again; the analytics projection stays current because every app
 * write goes through `writeItrFields`, which syncs the written issues' facts itself (issue 13).
 * Jira's events reach the trigger through the product-events double, with the manifest's filter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { gradingAdminResolver, issueUpdated, regradeConsumer } from '../../../src/index';
import { jiraAsApp } from '../../../src/adapters/jira';
import { ConfigStore } from '../../../src/adapters/kvs';
import { syncIssueFact } from '../../../src/app/analytics/projection';
import { enterLine } from '../../../src/app/escalation';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { encodeGradingAnswers } from '../../../src/app/fields/gradingAnswers';
import { writeItrFields } from '../../../src/app/fields/writeItrFields';
import { REGRADE_QUEUE } from '../../../src/app/regrade/regrade';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import type { TriggerFilter } from '../../../platform-doubles/productEvents';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue, sql, productEvents, runtime } = harness();
const ADMIN = 'acc-admin';
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
}; // 61 points
/** Table v2: Critical from 62, so the 61-point outage drops to Major. */
const V2: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  version: 2,
  thresholds: DEFAULT_GRADING_TABLE.thresholds.map((t) => (t.grade === 'critical' ? { ...t, minScore: 62 } : t)),
};

interface ManifestTrigger {
  key: string;
  function: string;
  events: string[];
  filter?: TriggerFilter;
}
const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as {
  modules: { trigger: ManifestTrigger[] };
};
const updatedTrigger = manifest.modules.trigger.find((t) => t.key === 'issue-updated-trigger');

let ids: ReturnType<typeof defineItrFields>;
let issueId: string;

const factGrade = async (): Promise<string | null | undefined> =>
  (
    await sql.raw<Array<{ grade: string | null }>>('SELECT grade FROM itr_issue_fact WHERE issue_id = ?', [
      Number(issueId),
    ])
  )[0]?.grade;

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: 'acc-agent', displayName: 'Agent' });
  ids = defineItrFields(jira);
  issueId = jira.seedIssue({
    key: 'ITR-1',
    fields: {
      [ids.kind]: 'complaint',
      [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE),
      [ids.grade]: 'critical',
      [ids.gradingTableVersion]: 1,
    },
  }).id;
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, V2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
  await sql.raw('DELETE FROM itr_issue_fact').catch(() => undefined);
  queue.registerConsumer(REGRADE_QUEUE, regradeConsumer);
  // The trigger as the manifest declares it: its events and its filter.
  if (updatedTrigger === undefined) throw new Error('manifest.yml has no issue-updated-trigger');
  productEvents.registerTrigger({
    key: updatedTrigger.key,
    events: updatedTrigger.events,
    handler: issueUpdated,
    ...(updatedTrigger.filter ? { filter: updatedTrigger.filter } : {}),
  });
  // The projection as it was before the app's write.
  expect(await runtime.runAs(undefined, () => syncIssueFact(issueId))).toBe('projected');
  expect(await factGrade()).toBe('critical');
  jira.issueEvents.length = 0;
});

describe('the app’s own field writes', () => {
  it('the manifest filters them out of issue-updated (filter.ignoreSelf)', () => {
    expect(updatedTrigger?.filter?.ignoreSelf).toBe(true);
  });

  it('a regrade’s field write does not re-trigger issue-updated, and the projection is already current', async () => {
    expect(
      await invokeResolver(gradingAdminResolver, 'startRegrade', { confirm: true }, { accountId: ADMIN }),
    ).toMatchObject({ success: true });
    await queue.drain();
    expect(jira.issue('ITR-1').fields[ids.grade]).toBe('major');
    await productEvents.emitFromJira(jira);
    await productEvents.drain();
    const updated = productEvents.deliveries.filter((d) => d.triggerKey === 'issue-updated-trigger');
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((d) => d.outcome === 'filtered' && d.reason === 'ignoreSelf')).toBe(true);
    expect(await factGrade()).toBe('major');
  });

  it('writeItrFields syncs the written issues (a bare setAppFieldValues would leave the projection stale)', async () => {
    await runtime.runAs(undefined, () =>
      jiraAsApp().setAppFieldValues([{ fieldId: ids.grade, issueIds: [issueId], value: 'minor' }]),
    );
    expect(await factGrade()).toBe('critical'); // the trigger will not come: stale
    await runtime.runAs(undefined, () =>
      writeItrFields(jiraAsApp(), [{ fieldId: ids.grade, issueIds: [issueId], value: 'major' }], { ids }),
    );
    expect(await factGrade()).toBe('major');
  });

  it('entering a line: the stay written with the fields is in the projection at once (synced after it, not before)', async () => {
    await runtime.runAs(undefined, () =>
      enterLine({
        issueId,
        grade: 'critical',
        line: 'L1',
        at: new Date(Date.UTC(2026, 2, 2, 9)),
        actor: 'acc-agent',
        holderAccountId: 'acc-agent',
      }),
    );
    const stays = await sql.raw<Array<{ line: string; entered_by: string }>>(
      'SELECT line, entered_by FROM itr_stay_fact WHERE issue_id = ?',
      [Number(issueId)],
    );
    expect(stays).toEqual([{ line: 'L1', entered_by: 'acc-agent' }]);
    const facts = await sql.raw<Array<{ current_line: string }>>(
      'SELECT current_line FROM itr_issue_fact WHERE issue_id = ?',
      [Number(issueId)],
    );
    expect(facts).toEqual([{ current_line: 'L1' }]);
  });

  it('a user’s edit of the issue still reaches issue-updated', async () => {
    const res = await runtime.runAs('acc-agent', async () =>
      (await import('@forge/api')).asUser().requestJira((await import('@forge/api')).route`/rest/api/3/issue/ITR-1`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { summary: 'Edited by a person' } }),
      }),
    );
    expect(res.status).toBe(204);
    await productEvents.emitFromJira(jira);
    await productEvents.drain();
    expect(
      productEvents.deliveries.filter((d) => d.triggerKey === 'issue-updated-trigger').map((d) => d.outcome),
    ).toEqual(['success']);
  });
});
