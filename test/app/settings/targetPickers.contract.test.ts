/**
 * The Supervision subpage's target pickers (issue 17) through the exported grading admin handler: the
 * projects the admin may see, by name, one page at a time (Jira's project search as the admin); the issue
 * types a project offers, by name; a picked type stored by id, so a renamed type still matches and shows
 * its new name; a saved target whose project or type is gone shown as such. Admins only.
 */
import { gradingAdminResolver, issuePanelResolver } from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { loadAnalyticsSettings } from '../../../src/app/analytics/settings';
import type { SupervisionSettingsState, TargetProject } from '../../../src/contract/settings';
import { createI18n, errorMessageKey, MESSAGES } from '../../../static/shared/i18n';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

type Envelope<T> =
  | { success: true; data: T }
  | {
      success: false;
      errors: Array<{ code: string; message: string; path?: string; params?: Record<string, string | number> }>;
    };
const call = <T>(fn: string, payload: unknown, accountId = ADMIN) =>
  invokeResolver(gradingAdminResolver, fn, payload, { accountId }) as Promise<Envelope<T>>;
const data = <T>(a: Envelope<T>): T => {
  if (!a.success) throw new Error(JSON.stringify(a.errors));
  return a.data;
};
const codes = (a: Envelope<unknown>) => (a.success ? [] : a.errors.map((e) => e.code));
type Page = { projects: TargetProject[]; nextStartAt: number | null };
type Types = { project: TargetProject; issueTypes: Array<{ id: string; name: string }> };

const settings = (over: Record<string, unknown>) => ({
  personFigureGroups: [],
  departments: [],
  ipd: null,
  ltc: null,
  lastingFix: null,
  weeklyReportIssue: null,
  ...over,
});

beforeAll(async () => {
  await runMigrations();
});
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedProject({ key: 'ITR', name: 'IT requests', browsers: [ADMIN, AGENT] });
  jira.seedProject({ key: 'RND', name: 'Research and development', browsers: [ADMIN] });
  jira.seedProject({ key: 'SAL', name: 'Sales desk', browsers: [ADMIN] });
});

describe('projects by name', () => {
  it('lists the projects the admin may see whose key or name contains the text, by name', async () => {
    expect(data(await call<Page>('searchTargetProjects', { query: 'research' }))).toEqual({
      projects: [{ key: 'RND', name: 'Research and development' }],
      nextStartAt: null,
    });
    expect(data(await call<Page>('searchTargetProjects', { query: 'sal' })).projects).toEqual([
      { key: 'SAL', name: 'Sales desk' },
    ]);
    expect(data(await call<Page>('searchTargetProjects', {})).projects.map((p) => p.name)).toEqual([
      'IT requests',
      'Research and development',
      'Sales desk',
    ]);
    // Asked of Jira as the admin, as documented (offset paged, by name).
    const asked = jira.calls.filter((c) => c.path.startsWith('/rest/api/3/project/search'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => c.actor === 'user' && c.accountId === ADMIN)).toBe(true);
  });

  it('pages: fifty at a time, the next page from where the last ended, none after the last', async () => {
    for (let n = 10; n < 70; n++) jira.seedProject({ key: `QA${n}`, name: `Quality ${n}`, browsers: [ADMIN] });
    const first = data(await call<Page>('searchTargetProjects', { query: 'quality' }));
    expect(first.projects).toHaveLength(50);
    expect(first.nextStartAt).toBe(50);
    const second = data(await call<Page>('searchTargetProjects', { query: 'quality', startAt: first.nextStartAt }));
    expect(second.projects).toHaveLength(10);
    expect(second.nextStartAt).toBeNull();
    expect(new Set([...first.projects, ...second.projects].map((p) => p.key)).size).toBe(60);
  });

  it('is for Jira administrators only', async () => {
    expect(codes(await call('searchTargetProjects', { query: 'it' }, AGENT))).toEqual(['NOT_AUTHORIZED']);
    expect(codes(await call('getTargetIssueTypes', { projectKey: 'ITR' }, AGENT))).toEqual(['NOT_AUTHORIZED']);
  });
});

describe('issue types of a project', () => {
  it('lists the types the project offers by name; a project the admin cannot see is named in both languages', async () => {
    const types = data(await call<Types>('getTargetIssueTypes', { projectKey: 'RND' }));
    expect(types.project).toEqual({ key: 'RND', name: 'Research and development' });
    expect(types.issueTypes.map((t) => t.name)).toEqual(expect.arrayContaining(['Task']));
    for (const t of types.issueTypes) expect(t.id).toMatch(/^\d+$/);

    const missing = await call('getTargetIssueTypes', { projectKey: 'GONE' });
    expect(codes(missing)).toEqual(['SETTINGS_PROJECT_NOT_FOUND']);
    if (missing.success) throw new Error('expected a refusal');
    for (const locale of ['en', 'zh_CN']) {
      const text = createI18n(locale, 'UTC').t(
        errorMessageKey('SETTINGS_PROJECT_NOT_FOUND'),
        missing.errors[0]?.params,
      );
      expect(text).toContain('GONE');
    }
    expect(MESSAGES['zh-CN']['errorCode.SETTINGS_PROJECT_NOT_FOUND']).not.toBe(
      MESSAGES.en['errorCode.SETTINGS_PROJECT_NOT_FOUND'],
    );
  });
});

describe('a picked target', () => {
  const taskId = () => {
    const t = jira.model.issueTypes.find((x) => x.name === 'Task');
    if (t === undefined) throw new Error('no Task');
    return t.id;
  };

  it('is stored by id with its name; a renamed type still matches, shows its new name, and the hand-off uses it', async () => {
    const saved = data(
      await call<SupervisionSettingsState>('saveSupervisionSettings', {
        settings: settings({ ipd: { projectKey: 'RND', issueType: 'Task', issueTypeId: taskId() } }),
        expectedRevision: 0,
      }),
    );
    expect(saved.targets.ipd).toEqual({ projectName: 'Research and development', issueTypeName: 'Task' });
    expect((await loadAnalyticsSettings()).value.ipd).toEqual({
      projectKey: 'RND',
      issueType: 'Task',
      issueTypeId: taskId(),
    });

    const task = jira.model.issueTypes.find((x) => x.id === taskId());
    if (task === undefined) throw new Error('no Task');
    task.name = 'Work item';
    const loaded = data(await call<SupervisionSettingsState>('getSupervisionSettings', {}));
    expect(loaded.targets.ipd).toEqual({ projectName: 'Research and development', issueTypeName: 'Work item' });

    const ids = defineItrFields(jira);
    jira.seedIssue({ key: 'ITR-1', summary: 'Router reboots', reporter: AGENT, fields: { [ids.product]: 'AR-6000' } });
    const sent = (await invokeResolver(
      issuePanelResolver,
      'sendHandoff',
      { issueKey: 'ITR-1', target: 'rnd' },
      { accountId: AGENT, context: { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } } },
    )) as Envelope<{ key: string }>;
    expect(jira.issue(data(sent).key).fields['issuetype']).toMatchObject({ name: 'Work item' });
  });

  it('refuses a type id the project does not offer, at its path', async () => {
    const answer = await call('saveSupervisionSettings', {
      settings: settings({ ltc: { projectKey: 'SAL', issueType: 'Task', issueTypeId: '99999' } }),
      expectedRevision: 0,
    });
    expect(answer.success ? [] : answer.errors.slice(1).map((e) => `${e.path}: ${e.code}`)).toEqual([
      'ltc.issueType: SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT',
    ]);
  });

  it('whose project is gone, or whose type the project no longer offers, is shown as such', async () => {
    data(
      await call('saveSupervisionSettings', {
        settings: settings({
          ipd: { projectKey: 'RND', issueType: 'Task', issueTypeId: taskId() },
          lastingFix: { projectKey: 'SAL', issueType: 'Task', issueTypeId: taskId() },
        }),
        expectedRevision: 0,
      }),
    );
    for (const [k, p] of jira.model.projects) if (p.key === 'RND') jira.model.projects.delete(k);
    const sal = [...jira.model.projects.values()].find((p) => p.key === 'SAL');
    if (sal === undefined) throw new Error('no SAL');
    const other = jira.model.issueTypes.find((t) => t.id !== taskId());
    if (other === undefined) throw new Error('one issue type only');
    jira.model.site.issueTypeSchemes.push({ id: '10500', name: 'Sales', isDefault: false, issueTypeIds: [other.id] });
    jira.model.site.issueTypeSchemeOfProject.set(sal.id, '10500');

    const loaded = data(await call<SupervisionSettingsState>('getSupervisionSettings', {}));
    expect(loaded.targets).toEqual({
      ipd: { projectName: null, issueTypeName: null },
      ltc: null,
      lastingFix: { projectName: 'Sales desk', issueTypeName: null },
    });
  });
});
