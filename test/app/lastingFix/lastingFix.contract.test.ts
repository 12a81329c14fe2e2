/**
 * Lasting fixes (issue 17) through the exported issue panel handler, on the harness (Jira double
 * checked against Jira's OpenAPI spec, KVS for the admin's target, MariaDB for the record): the
 * long-term measure becomes a linked issue created AS THE CALLER, with assignee and due date; Jira's
 * refusals and the app's own come back as stable codes, translated in en and zh-CN.
 */
import { issuePanelResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import {
  ANALYTICS_SETTINGS_KEY,
  analyticsSettingsCodec,
  DEFAULT_ANALYTICS_SETTINGS,
} from '../../../src/app/analytics/settings';
import { repositories } from '../../../src/app/ports';
import { runMigrations } from '../../../src/adapters/sql';
import { harness, invokeResolver } from '../../../platform-doubles';
import { MESSAGES, errorMessageKey, interpolate } from '../../../static/shared/i18n';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const QUALITY = 'acc-quality';
const VIEWER = 'acc-viewer';
const OUTSIDER = 'acc-outsider';

const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function call(functionKey: string, payload: Record<string, unknown>, accountId = ENGINEER): Promise<unknown> {
  return invokeResolver(issuePanelResolver, functionKey, payload, {
    accountId,
    context: { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } },
  });
}

const request = (change: Record<string, unknown> = {}) => ({
  issueKey: 'ITR-1',
  kind: 'longTerm',
  summary: 'Add a watchdog regression test to the firmware build',
  assignee: QUALITY,
  dueDate: day(14),
  ...change,
});

async function configure(target: { projectKey: string; issueType: string } | null): Promise<void> {
  await new ConfigStore().set(
    ANALYTICS_SETTINGS_KEY,
    { ...DEFAULT_ANALYTICS_SETTINGS, lastingFix: target },
    analyticsSettingsCodec,
  );
}

/** The first error's code, and its message in both languages with its params filled in. */
function refusal(answer: unknown): { code: string; en: string; zh: string } {
  const a = answer as { success: boolean; errors?: Array<{ code: string; params?: Record<string, string | number> }> };
  expect(a.success).toBe(false);
  const first = a.errors?.[0];
  if (first === undefined) throw new Error('no error');
  const key = errorMessageKey(first.code);
  expect(key).not.toBe('errorCode.unknown');
  return {
    code: first.code,
    en: interpolate(MESSAGES.en[key], first.params ?? {}),
    zh: interpolate(MESSAGES['zh-CN'][key], first.params ?? {}),
  };
}

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM lasting_fix');
  await sql.raw('DELETE FROM return_visit');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: QUALITY, displayName: 'Chen Jing' });
  jira.seedUser({ accountId: VIEWER, displayName: 'Zhao Lei', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER, VIEWER] });
  // Quality improvement project: the engineer and the quality engineer work there; the viewer does not.
  jira.seedProject({ key: 'QI', browsers: [ENGINEER, QUALITY] });
  jira.seedIssue({ key: 'ITR-1', summary: 'Router reboots every night', reporter: ENGINEER });
  await configure({ projectKey: 'QI', issueType: 'Task' });
});

afterEach(() => jira.assertNoViolations());

describe('createLastingFix / getLastingFixes through issuePanelResolver', () => {
  it('creates the linked issue as the caller, with assignee and due date, once; its state follows Jira', async () => {
    const created = await call('createLastingFix', request());
    expect(created).toMatchObject({
      success: true,
      data: {
        configured: true,
        projectKey: 'QI',
        canEdit: true,
        fixes: [
          {
            kind: 'longTerm',
            key: expect.stringMatching(/^QI-\d+$/),
            summary: '[ITR-1] Add a watchdog regression test to the firmware build',
            assignee: { accountId: QUALITY, displayName: 'Chen Jing' },
            dueDate: day(14),
            state: 'open',
          },
        ],
      },
    });
    const key = (created as { data: { fixes: Array<{ key: string }> } }).data.fixes[0]?.key ?? '';
    const issue = jira.issue(key);
    // Made by the engineer (Jira checked their rights), not by the app.
    expect(issue.fields['reporter']).toEqual({ accountId: ENGINEER });
    expect(issue.fields['assignee']).toEqual({ accountId: QUALITY });
    expect(issue.fields['duedate']).toBe(day(14));
    expect(jira.model.links).toHaveLength(1);

    // A double click makes nothing new.
    expect(await call('createLastingFix', request())).toMatchObject({ success: true, data: { fixes: [{ key }] } });
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(1);

    // Done in Jira → done on the panel; a viewer who cannot see the fix still sees its state, not its status.
    const done = jira.model.statuses.find((s) => s.category === 'done');
    if (done === undefined) throw new Error('the double has no done status');
    issue.fields['status'] = { id: done.id, name: done.name };
    expect(await call('getLastingFixes', { issueKey: 'ITR-1' })).toMatchObject({
      success: true,
      data: { fixes: [{ key, status: done.name, state: 'done' }] },
    });
    expect(await call('getLastingFixes', { issueKey: 'ITR-1' }, VIEWER)).toMatchObject({
      success: true,
      data: { canEdit: false, fixes: [{ key, status: null, state: 'open' }] },
    });
  });

  it('shows an open fix past its due day as overdue', async () => {
    await call('createLastingFix', request({ dueDate: day(1) }));
    // The due date moves back in the app's record (as if the days had passed).
    await sql.raw(`UPDATE lasting_fix SET due_date = '${day(-3)}'`);
    expect(await call('getLastingFixes', { issueKey: 'ITR-1' })).toMatchObject({
      success: true,
      data: { fixes: [{ state: 'overdue', dueDate: day(-3) }] },
    });
  });

  it.each([
    [
      'a past due date (Jira would take it)',
      request({ dueDate: day(-2) }),
      'LASTING_FIX_DUE_DATE_PAST',
      /already passed/,
      /已过/,
    ],
    ['no assignee', request({ assignee: '' }), 'LASTING_FIX_ASSIGNEE_REQUIRED', /Choose who/, /请选择/],
    ['a blank measure', request({ summary: ' ' }), 'LASTING_FIX_SUMMARY_REQUIRED', /Describe/, /请描述/],
  ])('refuses %s before calling Jira, in en and zh-CN', async (_label, payload, code, en, zh) => {
    const r = refusal(await call('createLastingFix', payload));
    expect(r.code).toBe(code);
    expect(r.en).toMatch(en);
    expect(r.zh).toMatch(zh);
    expect(jira.requestCount('POST /rest/api/3/issue')).toBe(0);
  });

  it('refuses when the caller may not create in the project (Jira 403), naming the project', async () => {
    jira.seedUser({
      accountId: ENGINEER,
      displayName: 'Wang Fang',
      projectPermissions: { QI: ['BROWSE_PROJECTS', 'ASSIGN_ISSUES'] },
    });
    const r = refusal(await call('createLastingFix', request()));
    expect(r).toEqual({
      code: 'LASTING_FIX_CREATE_FORBIDDEN',
      en: 'You may not create issues in QI. Ask a Jira administrator for access.',
      zh: '你无权在 QI 中创建事务。请向 Jira 管理员申请权限。',
    });
    expect(await sql.raw('SELECT COUNT(*) AS n FROM lasting_fix')).toEqual([{ n: 0 }]);
  });

  it("refuses an issue type the project's scheme does not offer (Jira 400)", async () => {
    const site = jira.model.site;
    site.issueTypeSchemes.push({ id: '10600', name: 'QI scheme', isDefault: false, issueTypeIds: ['10001'] });
    site.issueTypeSchemeOfProject.set(jira.model.findProject('QI')?.id ?? '', '10600');
    await configure({ projectKey: 'QI', issueType: 'Problem' });
    const r = refusal(await call('createLastingFix', request()));
    expect(r.code).toBe('LASTING_FIX_ISSUE_TYPE_INVALID');
    expect(r.en).toContain('“Problem”');
    expect(r.zh).toContain('“Problem”');
  });

  it('refuses an assignee who may not be assigned in the project (Jira 400)', async () => {
    const r = refusal(await call('createLastingFix', request({ assignee: OUTSIDER })));
    expect(r.code).toBe('LASTING_FIX_ASSIGNEE_INVALID');
    expect(r.zh).toBe('此人不能被分配 QI 中的事务。');
  });

  it('refuses a viewer who may not edit the problem, and an unconfigured site', async () => {
    expect(refusal(await call('createLastingFix', request(), VIEWER)).code).toBe('LASTING_FIX_NOT_EDITOR');
    await configure(null);
    const r = refusal(await call('createLastingFix', request()));
    expect(r.code).toBe('LASTING_FIX_NOT_CONFIGURED');
    expect(r.en).toMatch(/supervision settings/);
    expect(r.zh).toMatch(/监督设置/);
    expect(await call('getLastingFixes', { issueKey: 'ITR-1' })).toMatchObject({
      success: true,
      data: { configured: false, fixes: [] },
    });
  });

  it('opens a follow-up only after a return visit whose customer view differs', async () => {
    const followUp = request({ kind: 'followUp', summary: 'Explain the reboot schedule to the customer' });
    expect(refusal(await call('createLastingFix', followUp)).code).toBe('LASTING_FIX_NO_DIFFERENCE');

    const issueId = jira.issue('ITR-1').id;
    const visits = repositories().returnVisits;
    await visits.openVisit({
      issueId,
      issueKey: 'ITR-1',
      reason: 'complaint',
      kind: null,
      grade: null,
      resolvedAt: new Date(),
      internalView: 'Done',
    });
    await visits.recordVisit({
      issueId,
      satisfaction: 2,
      resolvedInCustomersView: false,
      customerWords: 'It still reboots',
      viewsDiffer: true,
      by: ENGINEER,
      at: new Date(),
    });
    const panel = await call('getLastingFixes', { issueKey: 'ITR-1' });
    expect(panel).toMatchObject({ success: true, data: { followUpOffered: true } });
    expect(await call('createLastingFix', followUp)).toMatchObject({
      success: true,
      data: { fixes: [{ kind: 'followUp', summary: '[ITR-1] Explain the reboot schedule to the customer' }] },
    });
  });

  it('refuses a malformed request as INVALID_PAYLOAD', async () => {
    expect(refusal(await call('createLastingFix', request({ kind: 'shortTerm' }))).code).toBe('INVALID_PAYLOAD');
    expect(refusal(await call('createLastingFix', request({ assignee: 'not an id!' }))).code).toBe('INVALID_PAYLOAD');
  });
});
