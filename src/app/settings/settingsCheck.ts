/**
 * What the admin settings tabs share: field checks of people and groups, the look-ups that ask Jira
 * (as the admin) whether they exist, and the refusal of an invalid save. The shape rules of each
 * stored document stay with its codec (src/app/analytics/settings.ts, src/app/escalation/settings.ts);
 * these checks add what only matters when an admin types the values.
 */
import type { JiraClient } from '../../adapters/jira';
import { GROUP_NAME_MAX, type SettingsIssue } from '../analytics/settings';
import { ItrError, onRevisionConflict } from '../itrError';
import { recordAudit } from '../audit/auditLog';
import { isRecord } from '../../domain/input';
import { isAccountId } from '../../domain/jiraKeys';

export type { SettingsIssue } from '../analytics/settings';

/** People or groups in one list (a notification list, the figure groups). Range 1–100; default 50: more is a group's job. */
export const LIST_MAX = 50;
/** Account ids per `user/bulk` request, so the query string stays well under URL limits. Default 50. */
const USER_LOOKUP_CHUNK = 50;

export const SettingsErrorCode = {
  /** First error of a refused draft; the following errors carry each problem's path. */
  Invalid: 'SETTINGS_INVALID',
  RevisionConflict: 'SETTINGS_REVISION_CONFLICT',
} as const;

/** Where a person is named in a draft, to look up in Jira. */
export interface PersonRef {
  path: string;
  accountId: string;
}
/** Where a group is named in a draft. */
export interface GroupRef {
  path: string;
  group: string;
}

/** A value that must be a list of at most LIST_MAX entries; an issue at `path` otherwise. */
function listOf(value: unknown, path: string, issues: SettingsIssue[]): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'SETTINGS_LIST_INVALID', message: `${path} must be a list` });
    return [];
  }
  if (value.length > LIST_MAX)
    issues.push({
      path,
      code: 'SETTINGS_LIST_TOO_LONG',
      message: `${path} has more than ${LIST_MAX} entries`,
      params: { max: LIST_MAX },
    });
  return value.slice(0, LIST_MAX);
}

/** Checks one account id field; returns the reference to look up when it is well-formed. */
export function personAt(value: unknown, path: string, issues: SettingsIssue[]): PersonRef | undefined {
  if (isAccountId(value)) return { path, accountId: value };
  issues.push({
    path,
    code: 'SETTINGS_ACCOUNT_ID_INVALID',
    message: `${path} is not an Atlassian account id`,
    params: { value: typeof value === 'string' ? value.slice(0, 64) : '' },
  });
  return undefined;
}

/** Checks a list of account ids (paths `<path>.<i>`); duplicates are a problem too. */
export function peopleAt(value: unknown, path: string, issues: SettingsIssue[]): PersonRef[] {
  const refs: PersonRef[] = [];
  listOf(value, path, issues).forEach((v, i) => {
    const ref = personAt(v, `${path}.${i}`, issues);
    if (ref === undefined) return;
    if (refs.some((r) => r.accountId === ref.accountId))
      issues.push({
        path: ref.path,
        code: 'SETTINGS_DUPLICATE',
        message: `${ref.accountId} is listed twice`,
        params: { value: ref.accountId },
      });
    else refs.push(ref);
  });
  return refs;
}

/** Checks one group name field; returns the reference to look up when it is one. */
export function groupAt(value: unknown, path: string, issues: SettingsIssue[]): GroupRef | undefined {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= GROUP_NAME_MAX) return { path, group: value };
  issues.push({
    path,
    code: 'SETTINGS_GROUP_NAME_REQUIRED',
    message: `${path} must be a group name`,
    params: { max: GROUP_NAME_MAX },
  });
  return undefined;
}

/** Checks a list of group names (paths `<path>.<i>`). */
export function groupsAt(value: unknown, path: string, issues: SettingsIssue[]): GroupRef[] {
  const refs: GroupRef[] = [];
  listOf(value, path, issues).forEach((v, i) => {
    const at = `${path}.${i}`;
    if (typeof v !== 'string' || v.trim() === '' || v.length > GROUP_NAME_MAX) {
      issues.push({
        path: at,
        code: 'SETTINGS_GROUP_NAME_REQUIRED',
        message: `${at} must be a group name`,
        params: { max: GROUP_NAME_MAX },
      });
    } else if (refs.some((r) => r.group.toLowerCase() === v.toLowerCase())) {
      issues.push({ path: at, code: 'SETTINGS_DUPLICATE', message: `${v} is listed twice`, params: { value: v } });
    } else refs.push({ path: at, group: v });
  });
  return refs;
}

export function recordAt(value: unknown, path: string, issues: SettingsIssue[]): Record<string, unknown> {
  if (isRecord(value)) return value;
  issues.push({
    path,
    code: 'SETTINGS_NOT_AN_OBJECT',
    message: `${path === '' ? 'settings' : path} must be an object`,
  });
  return {};
}

/**
 * Asks Jira, as the admin, whether the people and groups exist: an issue for each that does not.
 * Answers the display names of the people found (for the page to show beside their ids), and each
 * group's name as Jira spells it (stored that way).
 */
export async function directoryIssues(
  jira: JiraClient,
  people: readonly PersonRef[],
  groups: readonly GroupRef[],
): Promise<{
  issues: SettingsIssue[];
  displayNames: Record<string, string>;
  groupName(typed: string): string;
  isPerson(accountId: string): boolean;
}> {
  const ids = [...new Set(people.map((p) => p.accountId))];
  const names = [...new Set(groups.map((g) => g.group))];
  const persons = new Set<string>();
  const displayNames = await displayNamesOf(jira, ids, (u) => {
    if (u.accountType === 'atlassian' && u.active) persons.add(u.accountId);
  });
  // Jira matches group names without regard to case; membership checks compare Jira's own spelling.
  const found = new Map((await jira.existingGroups(names)).map((n) => [n.toLowerCase(), n]));
  const issues: SettingsIssue[] = [
    ...people
      .filter((p) => displayNames[p.accountId] === undefined)
      .map((p) => ({ path: p.path, code: 'SETTINGS_USER_NOT_FOUND', message: `no Jira user ${p.accountId}` })),
    ...groups
      .filter((g) => !found.has(g.group.toLowerCase()))
      .map((g) => ({
        path: g.path,
        code: 'SETTINGS_GROUP_NOT_FOUND',
        message: `no Jira group ${g.group}`,
        params: { group: g.group },
      })),
  ];
  return {
    issues,
    displayNames,
    groupName: (typed) => found.get(typed.toLowerCase()) ?? typed,
    isPerson: (accountId) => persons.has(accountId),
  };
}

/** accountId → display name of the ids Jira knows, in chunks of USER_LOOKUP_CHUNK. */
export async function displayNamesOf(
  jira: JiraClient,
  accountIds: readonly string[],
  seen?: (user: Awaited<ReturnType<JiraClient['existingUsers']>>[number]) => void,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (let i = 0; i < accountIds.length; i += USER_LOOKUP_CHUNK) {
    for (const u of await jira.existingUsers(accountIds.slice(i, i + USER_LOOKUP_CHUNK))) {
      out[u.accountId] = u.displayName;
      seen?.(u);
    }
  }
  return out;
}

/** The refusal of an invalid draft, to throw: SETTINGS_INVALID first, then every problem with its path. */
export function invalidDraft(issues: readonly SettingsIssue[]): ItrError {
  return ItrError.invalid(SettingsErrorCode.Invalid, `The settings have ${issues.length} problem(s)`, issues);
}

/** Saves settings; someone else's save since the page loaded is SETTINGS_REVISION_CONFLICT (the page offers a reload). */
export function savingSettings<T>(save: () => Promise<T>): Promise<T> {
  return onRevisionConflict(SettingsErrorCode.RevisionConflict, save);
}

/** A successful save of a settings tab goes to the audit log (the one place an admin checks). */
export async function auditSettingsSave(
  accountId: string | undefined,
  area: 'supervision' | 'supportLines' | 'clocks' | 'lineTargets',
): Promise<void> {
  const what = {
    supervision: 'Supervision',
    supportLines: 'Support-line',
    clocks: 'Clock',
    lineTargets: 'Line target',
  }[area];
  await recordAudit({
    actorAccountId: accountId,
    action: 'settings.save',
    target: area,
    summary: `${what} settings saved`,
    params: { area },
  });
}
