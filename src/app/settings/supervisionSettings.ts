/**
 * The "Supervision" tab: who sees per-person figures, each person's department, and the hand-off
 * targets (IPD for "send to R&D", LTC for "send to sales"). Stored as the analytics settings
 * (KVS `config:analyticsSettings`, read by the supervision page and src/app/handoff).
 *
 * Jira administrators only, asked of Jira as the caller. A save is checked field by field: the
 * document's own rules (analyticsSettingsIssues), then, as the admin, that every person and group
 * exists and that each target project exists and offers the issue type (picked by name, stored by id,
 * issue 17). Nothing is written unless
 * all of it passes and the revision is still the one the page loaded.
 */
import { jiraAsUser, JiraError, JiraErrorCode, type JiraClient } from '../../adapters/jira';
import { ConfigStore } from '../../adapters/kvs';
import type {
  HandoffTargetSetting,
  SupervisionSettings,
  SupervisionSettingsState,
  TargetNames,
  TargetProject,
} from '../../contract/settings';
import { isProjectKey } from '../../domain/jiraKeys';
import { ItrError } from '../itrError';
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

/** A target as sent (trimmed), or null; only called once its shape passed. */
function targetOf(raw: unknown): HandoffTargetSetting | null {
  if (raw === null || raw === undefined) return null;
  const t = raw as HandoffTargetSetting;
  return {
    projectKey: t.projectKey,
    issueType: t.issueType.trim(),
    ...(t.issueTypeId !== undefined ? { issueTypeId: t.issueTypeId } : {}),
  };
}

/** Issue types one can create a standalone issue of (a subtask needs a parent): the pickers' choices. */
type Project = NonNullable<Awaited<ReturnType<JiraClient['projectWithIssueTypes']>>>;
const creatableTypes = (p: Project) => p.issueTypes.filter((t) => !t.subtask);

/**
 * As the admin: the project exists (and they may browse it) and offers the issue type, picked by id (or,
 * from older settings, named). Answers the target to store: the type's id and its current name.
 */
async function checkedTarget(
  jira: JiraClient,
  target: HandoffTargetSetting | null,
  path: 'ipd' | 'ltc' | 'lastingFix',
): Promise<{ issues: SettingsIssue[]; target: HandoffTargetSetting | null }> {
  if (target === null) return { issues: [], target: null };
  const project = await jira.projectWithIssueTypes(target.projectKey);
  if (project === undefined) {
    return {
      issues: [
        {
          path: `${path}.projectKey`,
          code: 'SETTINGS_PROJECT_NOT_FOUND',
          message: `no project ${target.projectKey} that you may browse`,
          params: { projectKey: target.projectKey },
        },
      ],
      target: null,
    };
  }
  const types = creatableTypes(project);
  const type =
    target.issueTypeId !== undefined
      ? types.find((t) => t.id === target.issueTypeId)
      : types.find((t) => t.name === target.issueType);
  if (type !== undefined)
    return { issues: [], target: { projectKey: project.key, issueType: type.name, issueTypeId: type.id } };
  return {
    issues: [
      {
        path: `${path}.issueType`,
        code: 'SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT',
        message: `project ${target.projectKey} has no issue type "${target.issueType}" (it has: ${types.map((t) => t.name).join(', ')})`,
        params: {
          projectKey: target.projectKey,
          issueType: target.issueType,
          available: types.map((t) => t.name).join(', '),
        },
      },
    ],
    target: null,
  };
}

/** A saved target as Jira has it now, by name (as the admin): a gone project or type is null. */
async function namesOfTarget(jira: JiraClient, target: HandoffTargetSetting | null): Promise<TargetNames | null> {
  if (target === null) return null;
  const project = await jira.projectWithIssueTypes(target.projectKey);
  if (project === undefined) return { projectName: null, issueTypeName: null };
  const types = creatableTypes(project);
  const type =
    target.issueTypeId !== undefined
      ? types.find((t) => t.id === target.issueTypeId)
      : types.find((t) => t.name === target.issueType);
  return { projectName: project.name, issueTypeName: type?.name ?? null };
}

/** Projects one page of the target pickers lists (Jira's default page; its most is 100). */
export const TARGET_PROJECTS_PAGE = 50;

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

  private async state(_accountId: string | undefined): Promise<SupervisionSettingsState> {
    const { value, revision } = await loadAnalyticsSettings(this.deps.store);
    const jira = this.deps.jiraAs();
    const [displayNames, targets] = await Promise.all([
      displayNamesOf(jira, Object.keys(value.departments)),
      this.targetNames(value),
    ]);
    return { settings: toView(value), revision, displayNames, targets };
  }

  /** Each configured target's project and issue type by name as Jira has them now, asked as the admin. */
  private async targetNames(value: AnalyticsSettings): Promise<SupervisionSettingsState['targets']> {
    const jira = this.deps.jiraAs();
    const [ipd, ltc, lastingFix] = await Promise.all([
      namesOfTarget(jira, value.ipd),
      namesOfTarget(jira, value.ltc),
      namesOfTarget(jira, value.lastingFix),
    ]);
    return { ipd, ltc, lastingFix };
  }

  async getSupervisionSettings(accountId: string | undefined): Promise<SupervisionSettingsState> {
    await this.deps.requireAdmin(accountId);
    return this.state(accountId);
  }

  /** The target pickers: one page of the projects the admin may see whose key or name contains `query`, by name. */
  async searchTargetProjects(
    accountId: string | undefined,
    input: { query: string; startAt: number },
  ): Promise<{ projects: TargetProject[]; nextStartAt: number | null }> {
    await this.deps.requireAdmin(accountId);
    const page = await this.deps.jiraAs().searchProjectsPage({
      query: input.query.trim(),
      startAt: input.startAt,
      maxResults: TARGET_PROJECTS_PAGE,
    });
    return { projects: page.projects.map((p) => ({ key: p.key, name: p.name })), nextStartAt: page.nextStartAt };
  }

  /** The issue types a project offers the admin (no subtasks), by name; SETTINGS_PROJECT_NOT_FOUND when they cannot see it. */
  async getTargetIssueTypes(
    accountId: string | undefined,
    projectKey: string,
  ): Promise<{ project: TargetProject; issueTypes: Array<{ id: string; name: string }> }> {
    await this.deps.requireAdmin(accountId);
    const project = isProjectKey(projectKey) ? await this.deps.jiraAs().projectWithIssueTypes(projectKey) : undefined;
    if (project === undefined)
      throw new ItrError('SETTINGS_PROJECT_NOT_FOUND', `no project ${projectKey} that you may browse`, {
        params: { projectKey },
      });
    return {
      project: { key: project.key, name: project.name },
      issueTypes: creatableTypes(project).map((t) => ({ id: t.id, name: t.name })),
    };
  }

  async saveSupervisionSettings(
    accountId: string | undefined,
    input: { settings: unknown; expectedRevision: number },
  ): Promise<SupervisionSettingsState> {
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
    const weeklyReportIssue = report as string | null; // its shape passed above
    const [directory, ipd, ltc, lastingFix, reportIssues] = await Promise.all([
      directoryIssues(jira, people, groups),
      checkedTarget(jira, targetOf(raw['ipd']), 'ipd'),
      checkedTarget(jira, targetOf(raw['ltc']), 'ltc'),
      checkedTarget(jira, targetOf(raw['lastingFix']), 'lastingFix'),
      reportIssueIssues(jira, weeklyReportIssue),
    ]);
    issues.push(...directory.issues, ...ipd.issues, ...ltc.issues, ...lastingFix.issues, ...reportIssues);
    if (issues.length > 0) throw invalidDraft(issues);

    const value: AnalyticsSettings = {
      personFigureGroups: groups.map((g) => directory.groupName(g.group)),
      departments,
      ipd: ipd.target,
      ltc: ltc.target,
      lastingFix: lastingFix.target,
      weeklyReportIssue,
    };
    const saved = await savingSettings(() =>
      this.deps.store.set(ANALYTICS_SETTINGS_KEY, value, analyticsSettingsCodec, {
        expectedRevision: input.expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      }),
    );
    await auditSettingsSave(accountId, 'supervision');
    return {
      settings: toView(saved.value),
      revision: saved.revision,
      displayNames: directory.displayNames,
      targets: await this.targetNames(saved.value),
    };
  }
}
