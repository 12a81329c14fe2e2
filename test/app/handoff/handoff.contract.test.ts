/**
 * Hand-off to R&D (IPD) and sales (LTC) through the exported issue panel handler, on the harness (Jira
 * double checked against Jira's OpenAPI spec, KVS for the admin's targets).
 */
import { issuePanelResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { ANALYTICS_SETTINGS_KEY, analyticsSettingsCodec, DEFAULT_ANALYTICS_SETTINGS } from '../../../src/app/analytics/settings';
import { HANDOFF_PROPERTY } from '../../../src/app/handoff/handoff';
import { harness, invokeResolver } from '../../harness';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira } = harness();
const ENGINEER = 'acc-engineer';
const OUTSIDER = 'acc-outsider';
const INTERNAL = 'Root cause: firmware 2.3 watchdog bug in our build pipeline; do not tell the customer';

function call(functionKey: 'sendHandoff' | 'listHandoffs', payload: Record<string, unknown>, accountId = ENGINEER): Promise<unknown> {
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
beforeEach(() => {
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER] });
  // The engineer can neither see nor create in the R&D and sales projects: the app creates there.
  jira.seedProject({ key: 'IPD', browsers: [] });
  jira.seedProject({ key: 'LTC', browsers: [] });
  ids = defineItrFields(jira);
  jira.seedIssue({
    key: 'ITR-1',
    summary: 'Router reboots every night',
    reporter: ENGINEER,
    fields: {
      description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: INTERNAL }] }] },
      [ids.product]: 'AR-6000',
      [ids.grade]: 'major',
      [ids.classification]: 'productDefect',
    },
  });
  jira.issue('ITR-1').comments.push({ id: '1', authorAccountId: ENGINEER, body: { type: 'doc', version: 1, content: [] }, created: '2024-01-01T00:00:00.000+0000', updated: '2024-01-01T00:00:00.000+0000' } as never);
});

afterEach(() => jira.assertNoViolations());

describe('sendHandoff / listHandoffs through issuePanelResolver', () => {
  it('creates a linked issue in the configured project with customer-safe fields only, once', async () => {
    await configure({ ipd: true, ltc: true });
    const sent = await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' });
    expect(sent).toMatchObject({ success: true, data: { target: 'rnd', key: expect.stringMatching(/^IPD-\d+$/), summary: '[ITR-1] Router reboots every night', status: 'Open' } });
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
    expect(jira.issue('ITR-1').properties.get(HANDOFF_PROPERTY)).toMatchObject({ rnd: { key, by: ENGINEER } });

    // Sales gets its own lead; both are listed with their status.
    const lead = await call('sendHandoff', { issueKey: 'ITR-1', target: 'sales' });
    expect(lead).toMatchObject({ success: true, data: { target: 'sales', key: expect.stringMatching(/^LTC-\d+$/) } });
    jira.issue(key).fields['status'] = { name: 'In Progress' } as never;
    const list = await call('listHandoffs', { issueKey: 'ITR-1' });
    expect(list).toMatchObject({ success: true, data: [{ key, target: 'rnd', status: 'In Progress' }, { target: 'sales', status: 'Open' }] });
  });

  it('relinks a recorded hand-off whose link was removed instead of creating another', async () => {
    await configure({ ipd: true });
    const first = (await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' })) as { data: { key: string } };
    jira.model.links = [];
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' })).toMatchObject({ success: true, data: { key: first.data.key } });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(1);
    expect(jira.model.links).toHaveLength(1);
  });

  it('fails with HANDOFF_NOT_CONFIGURED when the target has no project', async () => {
    await configure({ ipd: true });
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'sales' })).toMatchObject({ success: false, errors: [{ code: 'HANDOFF_NOT_CONFIGURED' }] });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(0);
  });

  it('answers ISSUE_NOT_FOUND to someone who cannot see the issue, and creates nothing', async () => {
    await configure({ ipd: true, ltc: true });
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' }, OUTSIDER)).toMatchObject({ success: false, errors: [{ code: 'ISSUE_NOT_FOUND' }] });
    expect(await call('listHandoffs', { issueKey: 'ITR-1' }, OUTSIDER)).toMatchObject({ success: false, errors: [{ code: 'ISSUE_NOT_FOUND' }] });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(0);
  });

  it('rejects a bad target', async () => {
    expect(await call('sendHandoff', { issueKey: 'ITR-1', target: 'marketing' })).toMatchObject({ success: false, errors: [{ code: 'INVALID_PAYLOAD', path: 'target' }] });
  });
});
