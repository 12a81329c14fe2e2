/**
 * Decision settings (KVS `config:decisions`), the admin's (administration page, Decisions): when an
 * issue needs an iron-triangle decision (grades, cross-department), which Jira groups may sign for each
 * role, the quality group told of every decision, and the groups whose members approve costs.
 */
import { jiraAsUser, type JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { DECISION_ROLES, type DecisionRole, type DecisionRule } from '../../domain/decisions';
import { GROUP_NAME_MAX } from '../analytics/settings';
import { requireJiraAdmin } from '../auth/authorization';
import { recordAudit } from '../audit/auditLog';
import { loadItrConfig } from '../config/itrConfig';
import type { DecisionSettingsState } from '../../contract/decisions';
import {
  directoryIssues,
  groupAt,
  groupsAt,
  invalidDraft,
  recordAt,
  savingSettings,
  type GroupRef,
  type SettingsIssue,
} from '../settings/settingsCheck';

export interface DecisionSettings extends DecisionRule {
  grades: string[];
  /** Who may sign for each role: members of any of the role's groups. */
  roleGroups: Record<DecisionRole, string[]>;
  /** Told (Jira comment and notification) when a decision holds; null: nobody is told. */
  qualityGroup: string | null;
  /** Whose members approve or refuse an action that costs money. */
  costApproverGroups: string[];
}

export const DECISION_SETTINGS_KEY = 'decisions';

/** Default: the most severe grade and any cross-department issue; one group per role, named after it. */
export const DEFAULT_DECISION_SETTINGS: DecisionSettings = {
  grades: ['critical'],
  crossDepartment: true,
  roleGroups: {
    sales: ['itr-sales'],
    technical: ['itr-technical'],
    delivery: ['itr-delivery'],
    finance: ['itr-finance'],
    procurement: ['itr-procurement'],
  },
  qualityGroup: 'itr-quality',
  costApproverGroups: ['itr-cost-approvers'],
};

/**
 * Every problem of a settings document, by field (the admin page shows each under its field), with
 * the group names it names for a look-up in Jira. Shape only: whether the groups exist is asked of Jira.
 */
export function decisionSettingsIssues(raw: unknown): { issues: SettingsIssue[]; groups: GroupRef[] } {
  const issues: SettingsIssue[] = [];
  const r = recordAt(raw, '', issues);
  const grades = r['grades'];
  if (!Array.isArray(grades) || !grades.every((g) => typeof g === 'string' && g !== ''))
    issues.push({ path: 'grades', code: 'SETTINGS_LIST_INVALID', message: 'grades must be a list of grade ids' });
  if (typeof r['crossDepartment'] !== 'boolean')
    issues.push({
      path: 'crossDepartment',
      code: 'SETTINGS_NOT_AN_OBJECT',
      message: 'crossDepartment must be true or false',
    });
  const groups: GroupRef[] = [];
  const roles = recordAt(r['roleGroups'], 'roleGroups', issues);
  const nonEmpty = (list: GroupRef[], value: unknown, path: string): GroupRef[] => {
    if (Array.isArray(value) && value.length === 0)
      issues.push({
        path,
        code: 'SETTINGS_GROUP_NAME_REQUIRED',
        message: `${path} needs at least one group`,
        params: { max: GROUP_NAME_MAX },
      });
    return list;
  };
  for (const role of DECISION_ROLES) {
    const path = `roleGroups.${role}`;
    if (roles[role] === undefined)
      issues.push({
        path,
        code: 'SETTINGS_GROUP_NAME_REQUIRED',
        message: `${path} needs at least one group`,
        params: { max: GROUP_NAME_MAX },
      });
    groups.push(...nonEmpty(groupsAt(roles[role], path, issues), roles[role], path));
  }
  if (r['qualityGroup'] !== null) {
    const q = groupAt(r['qualityGroup'], 'qualityGroup', issues);
    if (q !== undefined) groups.push(q);
  }
  if (r['costApproverGroups'] === undefined)
    issues.push({
      path: 'costApproverGroups',
      code: 'SETTINGS_GROUP_NAME_REQUIRED',
      message: 'costApproverGroups needs at least one group',
      params: { max: GROUP_NAME_MAX },
    });
  groups.push(
    ...nonEmpty(
      groupsAt(r['costApproverGroups'], 'costApproverGroups', issues),
      r['costApproverGroups'],
      'costApproverGroups',
    ),
  );
  return { issues, groups };
}

export const decisionSettingsCodec: ConfigCodec<DecisionSettings> = {
  schemaVersion: 1,
  parse(raw) {
    const { issues } = decisionSettingsIssues(raw);
    if (issues.length > 0) throw new Error(`invalid decision settings: ${issues.map((i) => i.path).join(', ')}`);
    const r = raw as Record<string, unknown>;
    const roles = r['roleGroups'] as Record<DecisionRole, string[]>;
    return {
      grades: [...(r['grades'] as string[])],
      crossDepartment: r['crossDepartment'] as boolean,
      roleGroups: Object.fromEntries(DECISION_ROLES.map((role) => [role, [...roles[role]]])) as Record<
        DecisionRole,
        string[]
      >,
      qualityGroup: r['qualityGroup'] as string | null,
      costApproverGroups: [...(r['costApproverGroups'] as string[])],
    };
  },
};

export async function loadDecisionSettings(
  store = new ConfigStore(),
): Promise<{ settings: DecisionSettings; revision: number }> {
  const stored = await store.get(DECISION_SETTINGS_KEY, decisionSettingsCodec);
  return stored === undefined
    ? { settings: DEFAULT_DECISION_SETTINGS, revision: 0 }
    : { settings: stored.value, revision: stored.revision };
}

/**
 * Saves the settings as a Jira admin (checked here, as the caller): every bad field, malformed or a
 * group Jira does not know, is named at once and nothing is saved; a stale revision is refused with
 * SETTINGS_REVISION_CONFLICT. Groups are stored as Jira spells them.
 */
export async function saveDecisionSettings(
  raw: unknown,
  expectedRevision: number,
  accountId: string | undefined,
  asCaller: JiraClient = jiraAsUser(),
  store = new ConfigStore(),
): Promise<DecisionSettingsState> {
  await requireJiraAdmin(accountId, asCaller);
  const shape = decisionSettingsIssues(raw);
  if (shape.issues.length > 0) throw invalidDraft(shape.issues);
  const directory = await directoryIssues(asCaller, [], shape.groups);
  if (directory.issues.length > 0) throw invalidDraft(directory.issues);
  const parsed = decisionSettingsCodec.parse(raw);
  const spelled: DecisionSettings = {
    ...parsed,
    roleGroups: Object.fromEntries(
      DECISION_ROLES.map((role) => [role, parsed.roleGroups[role].map((g) => directory.groupName(g))]),
    ) as Record<DecisionRole, string[]>,
    qualityGroup: parsed.qualityGroup === null ? null : directory.groupName(parsed.qualityGroup),
    costApproverGroups: parsed.costApproverGroups.map((g) => directory.groupName(g)),
  };
  const saved = await savingSettings(() =>
    store.set(DECISION_SETTINGS_KEY, spelled, decisionSettingsCodec, {
      expectedRevision,
      ...(accountId === undefined ? {} : { updatedBy: accountId }),
    }),
  );
  await recordAudit({
    actorAccountId: accountId,
    action: 'settings.save',
    target: 'decisions',
    summary: 'Decision settings saved',
    params: { area: 'decisions' },
  });
  return stateOf({ settings: saved.value, revision: saved.revision }, store);
}

/** The settings for the admin page (Jira admins only), with the grades the admin may pick. */
export async function getDecisionSettings(
  accountId: string | undefined,
  asCaller: JiraClient = jiraAsUser(),
  store = new ConfigStore(),
): Promise<DecisionSettingsState> {
  await requireJiraAdmin(accountId, asCaller);
  return stateOf(await loadDecisionSettings(store), store);
}

async function stateOf(
  loaded: { settings: DecisionSettings; revision: number },
  store: ConfigStore,
): Promise<DecisionSettingsState> {
  const { gradingTable } = await loadItrConfig(store);
  return {
    settings: loaded.settings,
    revision: loaded.revision,
    displayNames: {},
    gradeOptions: gradingTable.grades.map((g) => ({ id: g.id, label: { en: g.label.en, 'zh-CN': g.label['zh-CN'] } })),
  };
}

/** The caller's Jira groups, as Jira reports them to the caller (`GET /myself?expand=groups`). */
export async function groupsOfCaller(asCaller: JiraClient): Promise<string[]> {
  return (await asCaller.getMyself({ groups: true })).groups;
}

/** The roles the caller may sign for: those with a group the caller is in. */
export function rolesOf(groups: readonly string[], settings: DecisionSettings): DecisionRole[] {
  return DECISION_ROLES.filter((role) => settings.roleGroups[role].some((g) => groups.includes(g)));
}

export function isCostApprover(groups: readonly string[], settings: DecisionSettings): boolean {
  return settings.costApproverGroups.some((g) => groups.includes(g));
}
