/**
 * Hand-off to R&D (IPD) and sales (LTC) through the exported issue panel handler, on the harness (Jira
 * double checked against Jira's OpenAPI spec, KVS for the admin's targets).
 */
import { issuePanelResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import {
  ANALYTICS_SETTINGS_KEY,
  analyticsSettingsCodec,
  DEFAULT_ANALYTICS_SETTINGS,
} from '../../../src/app/analytics/settings';
import { LEGACY_HANDOFF_PROPERTY } from '../../../src/app/handoff/handoff';
import { runMigrations } from '../../../src/adapters/sql';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const OUTSIDER = 'acc-outsider';
/** May browse the R&D project (a product manager), so sees the handed-off issue's status. */
const RND_READER = 'acc-rnd-reader';
const INTERNAL = 'Root cause: firmware 2.3 watchdog bug in our build pipeline; do not tell the customer';

function call(
  functionKey: 'sendHandoff' | 'listHandoffs',
  payload: Record<string, unknown>,
  accountId = ENGINEER,
): Promise<unknown> {
  return invokeResolver(issuePanelResolver, functionKey, payload, {
    accountId,
    context: { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } },
  });
}

async function configure(targets: { ipd?: boolean; ltc?: boolean }): Promise<void> {
  await new ConfigStore().set(
    ANALYTICS_SETTINGS_KEY,
    {
      ...DEFAULT_ANALYTICS_SETTINGS,
      ipd: targets.ipd ? { projectKey: 'IPD', issueType: 'Task' } : null,
      ltc: targets.ltc ? { projectKey: 'LTC', issueType: 'Task' } : null,
    },
    analyticsSettingsCodec,
  );
}

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  // The Jira double numbers issues afresh in every test; the hand-off table outlives it.
  await runMigrations();
  await sql.raw('DELETE FROM itr_handoff');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedUser({ accountId: RND_READER, displayName: 'Zhao Lei' });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER, RND_READER] });
  // The engineer can neither see nor create in the R&D and sales projects: the app creates there.
  jira.seedProject({ key: 'IPD', browsers: [RND_READER] });
  jira.seedProject({ key: 'LTC', browsers: [] });
  ids = defineItrFields(jira);
  jira.seedIssue({
    key: 'ITR-1',
    summary: 'Router reboots every night',
    reporter: ENGINEER,
    fields: {
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: INTERNAL }] }],
      },
      [ids.product]: 'AR-6000',
      [ids.grade]: 'major',
      [ids.classification]: 'productDefect',
    },
  });
  jira.issue('ITR-1').comments.push({
    id: '1',
    authorAccountId: ENGINEER,
    body: { type: 'doc', version: 1, content: [] },
    created: '2024-01-01T00:00:00.000+0000',
    updated: '2024-01-01T00:00:00.000+0000',
  } as never);
});

afterEach(() => jira.assertNoViolations());

describe('sendHandoff / listHandoffs through issuePanelResolver', () => {
  it('creates a linked issue in the configured project with customer-safe fields only, once', async () => {
    await configure({ ipd: true, ltc: true });
    const sent = await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' });
    expect(sent).toMatchObject({
      success: true,
      data: {
        target: 'rnd',
        key: expect.stringMatching(/^IPD-\d+$/),
        summary: '[ITR-1] Router reboots every night',
        status: null,
      },
    });
    const key = (sent as { data: { key: string } }).data.key;

    const created = jira.issue(key);
    expect(created.projectKey).toBe('IPD');
    const copied = JSON.stringify(created.fields);
    expect(copied).toContain('AR-6000');
    expect(copied).toContain('major');
    expect(copied).toContain('productDefect');
    expect(copied).toContain('ITR-1');
    // Internal analysis stays on the ITR issue: not the description, not comments.
    expect(copied).not.toContain('firmware');
    expect(copied).not.toContain('watchdog');
    expect(created.comments).toEqual([]);
    expect(jira.model.links).toHaveLength(1);

    // A second send returns the same issue; nothing new is created or linked.
    const again = await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' });
    expect(again).toMatchObject({ success: true, data: { key } });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(1);
    expect(jira.model.links).toHaveLength(1);
    // Recorded where only the app writes (SQL), not in an issue property an editor could change.
    expect(await sql.raw('SELECT target, handed_key, by_account_id FROM itr_handoff')).toEqual([
      { target: 'rnd', handed_key: key, by_account_id: ENGINEER },
    ]);
    expect(jira.issue('ITR-1').properties.has(LEGACY_HANDOFF_PROPERTY)).toBe(false);

    // Sales gets its own lead; both are listed, with their status to whoever may browse them.
    const lead = await call('sendHandoff', { issueKey: 'ITR-1', target: 'sales' });
    expect(lead).toMatchObject({
      success: true,
      data: { target: 'sales', key: expect.stringMatching(/^LTC-\d+$/), status: null },
    });
    jira.issue(key).fields['status'] = { name: 'In Progress' };
    expect(await call('listHandoffs', { issueKey: 'ITR-1' }, RND_READER)).toMatchObject({
      success: true,
      data: [
        { key, target: 'rnd', status: 'In Progress' },
        { target: 'sales', summary: '[ITR-1] Router reboots every night', status: null },
      ],
    });
    // The engineer may browse neither target project: the record's own summary, no status.
    expect(await call('listHandoffs', { issueKey: 'ITR-1' })).toMatchObject({
      success: true,
      data: [
        { key, status: null },
        { target: 'sales', status: null },
      ],
    });
  });

  it('relinks a recorded hand-off whose link was removed instead of creating another', async () => {
    await configure({ ipd: true });
    const first = (await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' })) as { data: { key: string } };
    jira.model.links = [];
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' })).toMatchObject({
      success: true,
      data: { key: first.data.key },
    });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(1);
    expect(jira.model.links).toHaveLength(1);
  });

  it('fails with HANDOFF_NOT_CONFIGURED when the target has no project', async () => {
    await configure({ ipd: true });
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'sales' })).toMatchObject({
      success: false,
      errors: [{ code: 'HANDOFF_NOT_CONFIGURED' }],
    });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(0);
  });

  it('answers ISSUE_NOT_FOUND to someone who cannot see the issue, and creates nothing', async () => {
    await configure({ ipd: true, ltc: true });
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' }, OUTSIDER)).toMatchObject({
      success: false,
      errors: [{ code: 'ISSUE_NOT_FOUND' }],
    });
    expect(await call('listHandoffs', { issueKey: 'ITR-1' }, OUTSIDER)).toMatchObject({
      success: false,
      errors: [{ code: 'ISSUE_NOT_FOUND' }],
    });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(0);
  });

  it('never reads a record an editor wrote in the issue property: a forged key shows nothing of an issue the caller may not browse', async () => {
    await configure({ ipd: true });
    jira.seedProject({ key: 'SEC', browsers: [] });
    jira.seedIssue({ key: 'SEC-1', summary: 'Acquisition of Contoso (board only)' });
    // Any editor may write issue properties (PUT /rest/api/3/issue/{key}/properties/{prop}).
    jira.issue('ITR-1').properties.set(LEGACY_HANDOFF_PROPERTY, {
      rnd: { key: 'SEC-1', id: jira.issue('SEC-1').id, summary: 'x', by: ENGINEER, at: '' },
    });
    const listed = await call('listHandoffs', { issueKey: 'ITR-1' });
    expect(listed).toEqual({ success: true, data: [] });
    const sent = await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' });
    expect(JSON.stringify(sent)).not.toContain('Contoso');
    expect(sent).toMatchObject({ success: true, data: { key: expect.stringMatching(/^IPD-\d+$/) } });
    // The app neither read the forged issue nor linked it.
    expect(jira.calls.filter((c) => c.path.includes('SEC-1'))).toEqual([]);
    expect(jira.model.links.some((l) => JSON.stringify(l).includes(jira.issue('SEC-1').id))).toBe(false);
  });

  it('a deleted handed-off issue is sent again (the app checks that the issue it created exists)', async () => {
    await configure({ ipd: true });
    const first = (await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' })) as { data: { key: string } };
    jira.model.issues.delete(jira.issue(first.data.key).id);
    const again = (await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' })) as { data: { key: string } };
    expect(again.data.key).not.toBe(first.data.key);
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(2);
    expect(await sql.raw('SELECT handed_key FROM itr_handoff')).toEqual([{ handed_key: again.data.key }]);
  });

  it('rejects a bad target', async () => {
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'marketing' })).toMatchObject({
      success: false,
      errors: [{ code: 'INVALID_PAYLOAD', path: 'target' }],
    });
  });
});
