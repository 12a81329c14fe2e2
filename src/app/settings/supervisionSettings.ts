/**
 * The "Supervision" tab: who sees per-person figures, each person's department, and the hand-off
 * targets (IPD for "send to R&D", LTC for "send to sales"). Stored as the analytics settings
 * (KVS `config:analyticsSettings`, read by the supervision page and src/app/handoff).
 *
 * Jira administrators only, asked of Jira as the caller. A save is checked field by field: the
 * document's own rules (analyticsSettingsIssues), then, as the admin, that every person and group
 * exists and that each target project exists and offers the issue type. Nothing is written unless
 * all of it passes and the revision is still the one the page loaded.
 */
import { jiraAsUser, JiraError, JiraErrorCode, type JiraClient } from '../../adapters/jira';
import { ConfigStore } from '../../adapters/kvs';
import type { HandoffTargetSetting, SettingsState, SupervisionSettings } from '../../contract/settings';
import {
  ANALYTICS_SETTINGS_KEY,
  analyticsSettingsCodec,
  analyticsSettingsIssues,
  loadAnalyticsSettings,
  type AnalyticsSettings,
  type SettingsIssue,
} from '../analytics/settings';
import { requireJiraAdmin } from '../auth/authorization';
import {
  directoryIssues,
  displayNamesOf,
  groupsAt,
  invalidDraft,
  personAt,
  recordAt,
  auditSettingsSave,
  savingSettings,
  type PersonRef,
} from './settingsCheck';

/** People with a department. Range 1–5000; default 2000 (about 60 KiB stored, a quarter of a KVS value). */
export const DEPARTMENTS_MAX = 2000;
/** Characters in a department name. Default 100. */
export const DEPARTMENT_NAME_MAX = 100;

export interface SupervisionSettingsDeps {
  store: ConfigStore;
  /** Throws NotAuthorizedError unless `accountId` is a Jira administrator. */
  requireAdmin(accountId: string | undefined): Promise<void>;
  /** Jira as the calling admin (directory look-ups see what the admin may see). */
  /** Jira as the resolver's caller (`asUser()`). */
  jiraAs(): JiraClient;
}

export const platformSettingsDeps = (): SupervisionSettingsDeps => ({
  store: new ConfigStore(),
  requireAdmin: (id) => requireJiraAdmin(id),
  jiraAs: () => jiraAsUser(),
});

function toView(value: AnalyticsSettings): SupervisionSettings {
  return {
    personFigureGroups: [...value.personFigureGroups],
    departments: Object.entries(value.departments).map(([accountId, department]) => ({ accountId, department })),
    ipd: value.ipd === null ? null : { ...value.ipd },
    ltc: value.ltc === null ? null : { ...value.ltc },
    lastingFix: value.lastingFix === null ? null : { ...value.lastingFix },
    weeklyReportIssue: value.weeklyReportIssue,
  };
}

/** Departments: one row per person, each with a department name. */
function departmentRows(
  raw: unknown,
  issues: SettingsIssue[],
): { people: PersonRef[]; departments: Record<string, string> } {
  const people: PersonRef[] = [];
  const departments: Record<string, string> = {};
  if (!Array.isArray(raw)) {
    issues.push({
      path: 'departments',
      code: 'SETTINGS_LIST_INVALID',
      message: 'departments must be a list of {accountId, department}',
    });
    return { people, departments };
  }
  if (raw.length > DEPARTMENTS_MAX)
    issues.push({
      path: 'departments',
      code: 'SETTINGS_LIST_TOO_LONG',
      message: `more than ${DEPARTMENTS_MAX} people`,
      params: { max: DEPARTMENTS_MAX },
    });
  raw.slice(0, DEPARTMENTS_MAX).forEach((entry, i) => {
    const row = recordAt(entry, `departments.${i}`, issues);
    const person = personAt(row['accountId'], `departments.${i}.accountId`, issues);
    const name = typeof row['department'] === 'string' ? row['department'].trim() : '';
    if (name === '' || name.length > DEPARTMENT_NAME_MAX) {
      issues.push({
        path: `departments.${i}.department`,
        code: 'SETTINGS_DEPARTMENT_REQUIRED',
        message: `a department of 1–${DEPARTMENT_NAME_MAX} characters is required`,
        params: { max: DEPARTMENT_NAME_MAX },
      });
    }
    if (person === undefined) return;
    if (departments[person.accountId] !== undefined || people.some((p) => p.accountId === person.accountId)) {
      issues.push({
        path: person.path,
        code: 'SETTINGS_DUPLICATE',
        message: `${person.accountId} is listed twice`,
        params: { value: person.accountId },
      });
      return;
    }
    people.push(person);
    if (name !== '') departments[person.accountId] = name;
  });
  return { people, departments };
}

/** A target as stored (trimmed), or null; only called once its shape passed. */
function targetOf(raw: unknown): HandoffTargetSetting | null {
  if (raw === null || raw === undefined) return null;
  const t = raw as HandoffTargetSetting;
  return { projectKey: t.projectKey, issueType: t.issueType.trim() };
}

/** As the admin: the project exists (and they may browse it) and offers the issue type. */
async function targetIssues(
  jira: JiraClient,
  target: HandoffTargetSetting | null,
  path: 'ipd' | 'ltc' | 'lastingFix',
): Promise<SettingsIssue[]> {
  if (target === null) return [];
  const types = await jira.projectIssueTypes(target.projectKey);
  if (types === undefined) {
    return [
      {
        path: `${path}.projectKey`,
        code: 'SETTINGS_PROJECT_NOT_FOUND',
        message: `no project ${target.projectKey} that you may browse`,
        params: { projectKey: target.projectKey },
      },
    ];
  }
  if (types.includes(target.issueType)) return [];
  return [
    {
      path: `${path}.issueType`,
      code: 'SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT',
      message: `project ${target.projectKey} has no issue type "${target.issueType}" (it has: ${types.join(', ')})`,
      params: { projectKey: target.projectKey, issueType: target.issueType, available: types.join(', ') },
    },
  ];
}

/** As the admin: the weekly summary's issue exists and they may see it. */
async function reportIssueIssues(jira: JiraClient, key: string | null): Promise<SettingsIssue[]> {
  if (key === null) return [];
  try {
    await jira.getIssue(key, { fields: ['summary'] });
    return [];
  } catch (e) {
    if (e instanceof JiraError && (e.code === JiraErrorCode.NotFound || e.code === JiraErrorCode.Forbidden)) {
      return [
        {
          path: 'weeklyReportIssue',
          code: 'SETTINGS_ISSUE_NOT_FOUND',
          message: `no issue ${key} that you may see`,
          params: { issueKey: key },
        },
      ];
    }
    throw e;
  }
}

export class SupervisionSettingsAdmin {
  constructor(private readonly deps: SupervisionSettingsDeps = platformSettingsDeps()) {}

  private async state(_accountId: string | undefined): Promise<SettingsState<SupervisionSettings>> {
    const { value, revision } = await loadAnalyticsSettings(this.deps.store);
    const displayNames = await displayNamesOf(this.deps.jiraAs(), Object.keys(value.departments));
    return { settings: toView(value), revision, displayNames };
  }

  async getSupervisionSettings(accountId: string | undefined): Promise<SettingsState<SupervisionSettings>> {
    await this.deps.requireAdmin(accountId);
    return this.state(accountId);
  }

  async saveSupervisionSettings(
    accountId: string | undefined,
    input: { settings: unknown; expectedRevision: number },
  ): Promise<SettingsState<SupervisionSettings>> {
    await this.deps.requireAdmin(accountId);
    const issues: SettingsIssue[] = [];
    const raw = recordAt(input.settings, '', issues);
    const report = raw['weeklyReportIssue'] === '' ? null : (raw['weeklyReportIssue'] ?? null);
    const shape = analyticsSettingsIssues({
      personFigureGroups: raw['personFigureGroups'],
      ipd: raw['ipd'],
      ltc: raw['ltc'],
      lastingFix: raw['lastingFix'],
      weeklyReportIssue: report,
    });
    issues.push(...shape);
    const groups = shape.some((i) => i.path.startsWith('personFigureGroups'))
      ? []
      : groupsAt(raw['personFigureGroups'], 'personFigureGroups', issues);
    const { people, departments } = departmentRows(raw['departments'], issues);
    if (issues.length > 0) throw invalidDraft(issues);

    const jira = this.deps.jiraAs();
    const ipd = targetOf(raw['ipd']);
    const ltc = targetOf(raw['ltc']);
    const lastingFix = targetOf(raw['lastingFix']);
    const weeklyReportIssue = report as string | null; // its shape passed above
    const [directory, ipdIssues, ltcIssues, fixIssues, reportIssues] = await Promise.all([
      directoryIssues(jira, people, groups),
      targetIssues(jira, ipd, 'ipd'),
      targetIssues(jira, ltc, 'ltc'),
      targetIssues(jira, lastingFix, 'lastingFix'),
      reportIssueIssues(jira, weeklyReportIssue),
    ]);
    issues.push(...directory.issues, ...ipdIssues, ...ltcIssues, ...fixIssues, ...reportIssues);
    if (issues.length > 0) throw invalidDraft(issues);

    const value: AnalyticsSettings = {
      personFigureGroups: groups.map((g) => directory.groupName(g.group)),
      departments,
      ipd,
      ltc,
      lastingFix,
      weeklyReportIssue,
    };
    const saved = await savingSettings(() =>
      this.deps.store.set(ANALYTICS_SETTINGS_KEY, value, analyticsSettingsCodec, {
        expectedRevision: input.expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      }),
    );
    await auditSettingsSave(accountId, 'supervision');
    return { settings: toView(saved.value), revision: saved.revision, displayNames: directory.displayNames };
  }
}
