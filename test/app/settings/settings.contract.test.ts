/**
 * The admin settings tabs (support lines, supervision) through the exported grading admin handler, on
 * the harness: Jira double checked against the OpenAPI spec (user/group/project look-ups as the
 * caller), KVS double for the stored documents.
 */
import { analyticsWeeklyReport, gradingAdminResolver, issuePanelResolver } from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { loadAnalyticsSettings } from '../../../src/app/analytics/settings';
import { loadEscalationSettings } from '../../../src/app/escalation';
import { createI18n, errorMessageKey, MESSAGES } from '../../../static/shared/i18n';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { jiraAsApp } from '../../../src/adapters/jira';
import { ITR_STATUSES, workflowCreateRequest } from '../../../src/app/setup/plan';

const { jira, kvs } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const SUPERVISOR = 'acc-supervisor';
const ENGINEER = 'acc-engineer';

type Envelope =
  | {
      success: true;
      data: { settings: Record<string, unknown>; revision: number; displayNames: Record<string, string> };
    }
  | {
      success: false;
      errors: Array<{ code: string; message: string; path?: string; params?: Record<string, string | number> }>;
    };

/** The id the Jira double gives the issue type Task. */
const TASK_ID = expect.stringMatching(/^\d+$/) as unknown as string;

const call = (functionKey: string, payload: unknown, accountId = ADMIN): Promise<Envelope> =>
  invokeResolver(gradingAdminResolver, functionKey, payload, { accountId }) as Promise<Envelope>;

const supervision = (over: Record<string, unknown> = {}) => ({
  personFigureGroups: ['itr-supervisors'],
  departments: [{ accountId: SUPERVISOR, department: 'Quality' }],
  ipd: { projectKey: 'IPD', issueType: 'Task' },
  ltc: null,
  lastingFix: null,
  weeklyReportIssue: null,
  ...over,
});

const routing = (over: Record<string, unknown> = {}) => ({
  lines: {
    L1: {
      assignment: { mode: 'group', group: 'itr-supervisors' },
      statusName: 'L1 Handling',
      notifyAccountIds: [],
      notifyGroups: ['itr-supervisors'],
    },
    L2: {
      assignment: { mode: 'person', accountId: ENGINEER },
      statusName: 'L2 Handling',
      notifyAccountIds: [SUPERVISOR],
      notifyGroups: [],
    },
    L3: {
      assignment: { mode: 'unassigned', notifyGroup: 'itr-supervisors' },
      statusName: null,
      notifyAccountIds: [],
      notifyGroups: [],
    },
  },
  managementAccountIds: [SUPERVISOR],
  managementGroups: [],
  locale: 'zh-CN',
  ...over,
});

/** The errors after SETTINGS_INVALID, as `path: code`. */
function fieldErrors(answer: Envelope): string[] {
  if (answer.success) throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
  expect(answer.errors[0]).toMatchObject({ code: 'SETTINGS_INVALID', params: { count: answer.errors.length - 1 } });
  return answer.errors.slice(1).map((e) => `${e.path}: ${e.code}`);
}

/** Every error of a refusal reads as its own message in both languages (none falls back to the generic one). */
function expectTranslated(answer: Envelope): void {
  if (answer.success) throw new Error('expected a refusal');
  for (const locale of ['en', 'zh_CN']) {
    const { t } = createI18n(locale, 'UTC');
    for (const e of answer.errors) {
      const key = errorMessageKey(e.code);
      expect([e.code, key]).toEqual([e.code, `errorCode.${e.code}`]);
      const text = t(key, e.params ?? {});
      expect(text).not.toMatch(/\{\w+\}/);
      for (const v of Object.values(e.params ?? {}))
        if (e.code !== 'SETTINGS_INVALID') expect(text).toContain(String(v));
    }
  }
  expect(MESSAGES['zh-CN'][errorMessageKey(answer.errors[1]?.code ?? '')]).not.toBe(
    MESSAGES.en[errorMessageKey(answer.errors[1]?.code ?? '')],
  );
}

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Chen Jie', groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedProject({ key: 'ITR', browsers: [ADMIN, ENGINEER] });
  jira.seedProject({ key: 'IPD', browsers: [ADMIN] });
  jira.seedProject({ key: 'LTC', browsers: [ADMIN] });
  jira.seedUser({ accountId: 'acc-app', displayName: 'Some automation', accountType: 'app' });
  // Setup's ITR workflow: its statuses are what a support line may move an issue to.
  const existing = new Map(jira.model.statuses.map((st) => [st.name.toLowerCase(), st.id]));
  await invokeFunction(
    () => jiraAsApp().createWorkflows(workflowCreateRequest(existing, { resolutionId: '10000' })),
    undefined,
  );
  jira.calls.length = 0; // the tests count the tabs' own requests
});

afterEach(() => jira.assertNoViolations());

describe('supervision settings', () => {
  it('an admin loads the defaults, saves, and reads back the saved settings with display names', async () => {
    const loaded = await call('getSupervisionSettings', {});
    expect(loaded).toEqual({
      success: true,
      data: {
        settings: {
          personFigureGroups: ['itr-supervisors'],
          departments: [],
          ipd: null,
          ltc: null,
          lastingFix: null,
          weeklyReportIssue: null,
        },
        revision: 0,
        displayNames: {},
        targets: { ipd: null, ltc: null, lastingFix: null },
      },
    });

    const saved = await call('saveSupervisionSettings', { settings: supervision(), expectedRevision: 0 });
    expect(saved).toEqual({
      success: true,
      data: {
        // The issue type typed by name is stored by id too (the picker's way, issue 17).
        settings: supervision({ ipd: { projectKey: 'IPD', issueType: 'Task', issueTypeId: TASK_ID } }),
        revision: 1,
        displayNames: { [SUPERVISOR]: 'Chen Jie' },
        targets: { ipd: { projectName: expect.any(String), issueTypeName: 'Task' }, ltc: null, lastingFix: null },
      },
    });
    expect(await loadAnalyticsSettings()).toEqual({
      value: {
        personFigureGroups: ['itr-supervisors'],
        departments: { [SUPERVISOR]: 'Quality' },
        ipd: { projectKey: 'IPD', issueType: 'Task', issueTypeId: TASK_ID },
        ltc: null,
        lastingFix: null,
        weeklyReportIssue: null,
      },
      revision: 1,
    });
    expect(await call('getSupervisionSettings', {})).toEqual(saved);
    // Directory look-ups were made as the admin, never as the app.
    expect(
      jira.calls
        .filter((c) => /user\/bulk|group\/bulk|\/project\//.test(c.path))
        .every((c) => c.actor === 'user' && c.accountId === ADMIN),
    ).toBe(true);
  });

  it('stores a group as Jira spells it, whatever case the admin typed', async () => {
    expect(
      await call('saveSupervisionSettings', {
        settings: supervision({ personFigureGroups: ['ITR-Supervisors'] }),
        expectedRevision: 0,
      }),
    ).toMatchObject({ success: true, data: { settings: { personFigureGroups: ['itr-supervisors'] } } });
    expect((await loadAnalyticsSettings()).value.personFigureGroups).toEqual(['itr-supervisors']);
    const lines = routing().lines;
    expect(
      await call('saveSupportLineSettings', {
        settings: routing({
          lines: { ...lines, L1: { ...lines.L1, notifyGroups: ['ITR-SUPERVISORS'] } },
          managementGroups: ['Itr-Supervisors'],
        }),
        expectedRevision: 0,
      }),
    ).toMatchObject({ success: true });
    expect(await loadEscalationSettings()).toMatchObject({
      lines: { L1: { notifyGroups: ['itr-supervisors'] } },
      managementGroups: ['itr-supervisors'],
    });
  });

  it('refuses a user who is not a Jira administrator, reading nothing and writing nothing', async () => {
    for (const [key, payload] of [
      ['getSupervisionSettings', {}],
      ['saveSupervisionSettings', { settings: supervision(), expectedRevision: 0 }],
    ] as const) {
      expect(await call(key, payload, SUPERVISOR)).toMatchObject({
        success: false,
        errors: [{ code: 'NOT_AUTHORIZED' }],
      });
    }
    expect(kvs.peek('config:analyticsSettings')).toBeUndefined();
    expect(jira.calls.map((c) => c.route)).toEqual(['GET /rest/api/3/mypermissions', 'GET /rest/api/3/mypermissions']);
  });

  it('refuses a save on a stale revision and keeps what the other admin saved', async () => {
    await call('saveSupervisionSettings', { settings: supervision(), expectedRevision: 0 });
    const stale = await call('saveSupervisionSettings', {
      settings: supervision({ ltc: { projectKey: 'LTC', issueType: 'Task' } }),
      expectedRevision: 0,
    });
    expect(stale).toMatchObject({ success: false, errors: [{ code: 'SETTINGS_REVISION_CONFLICT' }] });
    expect((await loadAnalyticsSettings()).value.ltc).toBeNull();
    expect((await loadAnalyticsSettings()).revision).toBe(1);
    const { t } = createI18n('zh_CN', 'UTC');
    expect(t(errorMessageKey('SETTINGS_REVISION_CONFLICT'))).toMatch(/草稿/);
  });

  it('shows each malformed field at its path, in English and Chinese, before asking Jira anything', async () => {
    const answer = await call('saveSupervisionSettings', {
      settings: supervision({
        personFigureGroups: ['itr-supervisors', ''],
        departments: [
          { accountId: SUPERVISOR, department: '  ' },
          { accountId: 'not an id!', department: 'R&D' },
          { accountId: SUPERVISOR, department: 'Sales' },
        ],
        ipd: { projectKey: 'ipd', issueType: 'Task' },
        ltc: { projectKey: 'LTC', issueType: '' },
        weeklyReportIssue: 'the report',
      }),
      expectedRevision: 0,
    });
    expect(fieldErrors(answer)).toEqual([
      'personFigureGroups.1: SETTINGS_GROUP_NAME_REQUIRED',
      'ipd.projectKey: SETTINGS_PROJECT_KEY_INVALID',
      'ltc.issueType: SETTINGS_ISSUE_TYPE_REQUIRED',
      'weeklyReportIssue: SETTINGS_ISSUE_KEY_INVALID',
      'departments.0.department: SETTINGS_DEPARTMENT_REQUIRED',
      'departments.1.accountId: SETTINGS_ACCOUNT_ID_INVALID',
      'departments.2.accountId: SETTINGS_DUPLICATE',
    ]);
    expectTranslated(answer);
    expect(jira.calls.map((c) => c.route)).toEqual(['GET /rest/api/3/mypermissions']);
    expect(kvs.peek('config:analyticsSettings')).toBeUndefined();
  });

  it('checks with Jira, as the admin, that groups, people, projects and issue types exist', async () => {
    jira.seedProject({ key: 'SEC', browsers: [ENGINEER] }); // exists, but the admin may not browse it
    const answer = await call('saveSupervisionSettings', {
      settings: supervision({
        personFigureGroups: ['itr-supervisors', 'no-such-group'],
        departments: [{ accountId: 'acc-gone', department: 'Quality' }],
        ipd: { projectKey: 'IPD', issueType: 'Epic' },
        ltc: { projectKey: 'SEC', issueType: 'Task' },
        lastingFix: { projectKey: 'IPD', issueType: 'Epic' }, // lasting fixes (issue 17): checked alike
        weeklyReportIssue: 'SEC-1',
      }),
      expectedRevision: 0,
    });
    expect(fieldErrors(answer)).toEqual([
      'departments.0.accountId: SETTINGS_USER_NOT_FOUND',
      'personFigureGroups.1: SETTINGS_GROUP_NOT_FOUND',
      'ipd.issueType: SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT',
      'ltc.projectKey: SETTINGS_PROJECT_NOT_FOUND',
      'lastingFix.issueType: SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT',
      'weeklyReportIssue: SETTINGS_ISSUE_NOT_FOUND',
    ]);
    expectTranslated(answer);
    const { t } = createI18n('zh_CN', 'UTC');
    const notInProject = answer.success
      ? undefined
      : answer.errors.find((e) => e.code === 'SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT');
    expect(t(errorMessageKey('SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT'), notInProject?.params ?? {})).toContain(
      'Task, Incident',
    );
    expect(kvs.peek('config:analyticsSettings')).toBeUndefined();
  });

  it('the weekly summary is commented on the issue the admin chose, and the supervisor groups are notified', async () => {
    defineItrFields(jira);
    jira.seedIssue({ key: 'IPD-7', summary: 'ITR weekly reports' });
    expect(
      await call('saveSupervisionSettings', {
        settings: supervision({ weeklyReportIssue: 'IPD-7' }),
        expectedRevision: 0,
      }),
    ).toMatchObject({ success: true, data: { settings: { weeklyReportIssue: 'IPD-7' } } });
    await runMigrations();
    await invokeFunction(analyticsWeeklyReport, undefined, {
      context: { moduleKey: 'analytics-weekly-report-trigger' },
    });
    const comments = jira.issue('IPD-7').comments.map((c) => JSON.stringify(c.body));
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('ITR weekly summary / ITR 周报');
    expect(jira.model.notifications).toEqual([
      expect.objectContaining({
        issueKey: 'IPD-7',
        body: expect.objectContaining({ to: { groups: [{ name: 'itr-supervisors' }] } }),
      }),
    ]);
    // Emptied: the page only, nothing posted.
    expect(
      await call('saveSupervisionSettings', { settings: supervision({ weeklyReportIssue: '' }), expectedRevision: 1 }),
    ).toMatchObject({ success: true, data: { settings: { weeklyReportIssue: null } } });
    await invokeFunction(analyticsWeeklyReport, undefined, {
      context: { moduleKey: 'analytics-weekly-report-trigger' },
    });
    expect(jira.issue('IPD-7').comments).toHaveLength(1);
  });

  it('the hand-off creates its issue in the target the admin saved', async () => {
    const ids = defineItrFields(jira);
    jira.seedIssue({
      key: 'ITR-1',
      summary: 'Router reboots',
      reporter: ENGINEER,
      fields: { [ids.product]: 'AR-6000' },
    });
    expect(
      await call('saveSupervisionSettings', {
        settings: supervision({ ipd: null, ltc: { projectKey: 'LTC', issueType: 'Incident' } }),
        expectedRevision: 0,
      }),
    ).toMatchObject({ success: true });
    const context = { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } };
    const sent = (await invokeResolver(
      issuePanelResolver,
      'sendHandoff',
      { issueKey: 'ITR-1', target: 'sales' },
      { accountId: ENGINEER, context },
    )) as { success: boolean; data: { key: string } };
    expect(sent).toMatchObject({ success: true, data: { key: expect.stringMatching(/^LTC-\d+$/) } });
    expect(jira.issue(sent.data.key).fields['issuetype']).toMatchObject({ name: 'Incident' });
    const rnd = await invokeResolver(
      issuePanelResolver,
      'sendHandoff',
      { issueKey: 'ITR-1', target: 'rnd' },
      { accountId: ENGINEER, context },
    );
    expect(rnd).toMatchObject({ success: false, errors: [{ code: 'HANDOFF_NOT_CONFIGURED' }] });
  });
});

describe('support line settings', () => {
  it('an admin saves the routing per line; escalation reads it', async () => {
    expect(await call('getSupportLineSettings', {})).toMatchObject({
      success: true,
      data: { revision: 0, settings: { locale: 'en' }, statusOptions: ITR_STATUSES.map((st) => st.name) },
    });
    const saved = await call('saveSupportLineSettings', { settings: routing(), expectedRevision: 0 });
    expect(saved).toEqual({
      success: true,
      data: {
        settings: routing(),
        revision: 1,
        displayNames: { [ENGINEER]: 'Wang Fang', [SUPERVISOR]: 'Chen Jie' },
        statusOptions: ITR_STATUSES.map((st) => st.name),
      },
    });
    expect(await loadEscalationSettings()).toEqual(routing());
    expect(await call('getSupportLineSettings', {})).toEqual(saved);
  });

  it('refuses a non-admin and a stale revision, writing nothing', async () => {
    expect(await call('saveSupportLineSettings', { settings: routing(), expectedRevision: 0 }, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(await call('getSupportLineSettings', {}, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(kvs.peek('config:escalation')).toBeUndefined();
    await call('saveSupportLineSettings', { settings: routing(), expectedRevision: 0 });
    expect(
      await call('saveSupportLineSettings', { settings: routing({ locale: 'en' }), expectedRevision: 0 }),
    ).toMatchObject({ success: false, errors: [{ code: 'SETTINGS_REVISION_CONFLICT' }] });
    expect((await loadEscalationSettings()).locale).toBe('zh-CN');
    expect(await call('saveSupportLineSettings', { settings: routing() })).toMatchObject({
      success: false,
      errors: [{ code: 'INVALID_PAYLOAD', path: 'expectedRevision' }],
    });
  });

  it('names every bad field, malformed or unknown to Jira, in both languages', async () => {
    const base = routing();
    const malformed = await call('saveSupportLineSettings', {
      settings: {
        ...base,
        lines: {
          ...base.lines,
          L1: {
            assignment: { mode: 'person', accountId: 'bad id' },
            statusName: 7,
            notifyAccountIds: [SUPERVISOR, SUPERVISOR],
            notifyGroups: 'itr-supervisors',
          },
          L2: { ...base.lines.L2, assignment: { mode: 'team' } },
          L3: { ...base.lines.L3, assignment: { mode: 'group', group: '' } },
        },
        locale: 'fr',
      },
      expectedRevision: 0,
    });
    expect(fieldErrors(malformed)).toEqual([
      'lines.L1.assignment.accountId: SETTINGS_ACCOUNT_ID_INVALID',
      'lines.L1.statusName: SETTINGS_STATUS_NAME_INVALID',
      'lines.L1.notifyAccountIds.1: SETTINGS_DUPLICATE',
      'lines.L1.notifyGroups: SETTINGS_LIST_INVALID',
      'lines.L2.assignment.mode: SETTINGS_ASSIGNMENT_MODE_INVALID',
      'lines.L3.assignment.group: SETTINGS_GROUP_NAME_REQUIRED',
      'locale: SETTINGS_LOCALE_INVALID',
    ]);
    expectTranslated(malformed);
    const unknown = await call('saveSupportLineSettings', {
      settings: {
        ...base,
        lines: {
          ...base.lines,
          L2: {
            ...base.lines.L2,
            assignment: { mode: 'person', accountId: 'acc-app' },
            statusName: 'Escalated somewhere',
          },
          L3: {
            assignment: { mode: 'person', accountId: 'acc-gone' },
            statusName: null,
            notifyAccountIds: [],
            notifyGroups: ['ghosts'],
          },
        },
      },
      expectedRevision: 0,
    });
    expect(fieldErrors(unknown)).toEqual([
      'lines.L3.assignment.accountId: SETTINGS_USER_NOT_FOUND',
      'lines.L3.notifyGroups.0: SETTINGS_GROUP_NOT_FOUND',
      'lines.L2.statusName: SETTINGS_STATUS_NOT_IN_WORKFLOW',
    ]);
    expectTranslated(unknown);
    // Everyone exists, but a line's assignee must be a person: an app's account cannot take issues.
    const appAccount = await call('saveSupportLineSettings', {
      settings: {
        ...base,
        lines: { ...base.lines, L2: { ...base.lines.L2, assignment: { mode: 'person', accountId: 'acc-app' } } },
      },
      expectedRevision: 0,
    });
    expect(fieldErrors(appAccount)).toEqual(['lines.L2.assignment.accountId: SETTINGS_ASSIGNEE_NOT_A_PERSON']);
    expectTranslated(appAccount);
    expect(kvs.peek('config:escalation')).toBeUndefined();
  });
});
