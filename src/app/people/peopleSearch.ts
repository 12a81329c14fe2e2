/**
 * The people pickers' search: Jira is asked as the caller (`asUser()`), so a person sees exactly the
 * users and groups Jira shows them (someone without Browse users and groups finds nobody), and only
 * people are offered: active Atlassian accounts, never an app's or a customer's account.
 */
import { JiraError, JiraErrorCode, jiraAsUser } from '../../adapters/jira';
import type { JiraClient, JiraDirectoryUser } from '../../adapters/jira';
import type {
  GroupOption,
  PeopleKind,
  PeopleSearchPayload,
  PeopleSearchResult,
  PersonOption,
} from '../../contract/people';
import { isRecord } from '../../domain/input';
import { isProjectKey } from '../../domain/jiraKeys';
import { ItrError } from '../itrError';

/** Longest query, in characters (code points). Matches the picker's own limit (static/shared/PeoplePicker.tsx). */
export const PEOPLE_QUERY_MAX = 100;
/** Options per kind in one answer. Range 1–50 (Jira's default page); default 20: a picker lists ~10 at once. */
export const PEOPLE_RESULT_MAX = 20;
/**
 * Candidates the assignable search looks at: Jira filters a window of this many matches down to the
 * assignable ones, so a window of only PEOPLE_RESULT_MAX would often come back short. Range
 * PEOPLE_RESULT_MAX–1000; default 50 (Jira's default `maxResults`).
 */
export const ASSIGNABLE_WINDOW = 50;

const KINDS: readonly PeopleKind[] = ['user', 'group'];
/** A project key (letter first, letters, digits, `_`) or a numeric project id. */
const PROJECT_ID = /^[1-9][0-9]{0,17}$/;

/** Stable codes of a refused search (the UI translates them: static/shared/i18n). Never rename, only add. */
export const PeopleSearchErrorCode = {
  /** The query is not text of 1–PEOPLE_QUERY_MAX characters (after trimming). */
  QueryInvalid: 'PEOPLE_QUERY_INVALID',
  /** `kinds` is not a non-empty list of `user` / `group`. */
  KindsInvalid: 'PEOPLE_KINDS_INVALID',
  /** `assignableInProject` is not a project key or id, or is asked without users. */
  ProjectInvalid: 'PEOPLE_PROJECT_INVALID',
  /** Jira knows no such project, or the caller may not see it. */
  ProjectNotFound: 'PEOPLE_PROJECT_NOT_FOUND',
} as const;
export type PeopleSearchErrorCode = (typeof PeopleSearchErrorCode)[keyof typeof PeopleSearchErrorCode];

/** Checks what the picker sent; the query comes back trimmed and the kinds without repeats. */
export function parsePeopleSearch(payload: unknown): PeopleSearchPayload {
  const p = isRecord(payload) ? payload : {};
  const rawQuery = p['query'];
  const query = typeof rawQuery === 'string' ? rawQuery.trim() : '';
  const length = [...query].length;
  if (length < 1 || length > PEOPLE_QUERY_MAX) {
    throw new ItrError(PeopleSearchErrorCode.QueryInvalid, `query must be 1–${PEOPLE_QUERY_MAX} characters`, {
      path: 'query',
      params: { max: PEOPLE_QUERY_MAX },
    });
  }
  const rawKinds = p['kinds'];
  if (
    !Array.isArray(rawKinds) ||
    rawKinds.length === 0 ||
    !rawKinds.every((k): k is PeopleKind => KINDS.includes(k as PeopleKind))
  ) {
    throw new ItrError(PeopleSearchErrorCode.KindsInvalid, 'kinds must list "user" and/or "group"', { path: 'kinds' });
  }
  const kinds = KINDS.filter((k) => rawKinds.includes(k));
  const project = p['assignableInProject'];
  if (project === undefined) return { query, kinds };
  if (typeof project !== 'string' || !(isProjectKey(project) || PROJECT_ID.test(project)) || !kinds.includes('user')) {
    throw new ItrError(
      PeopleSearchErrorCode.ProjectInvalid,
      'assignableInProject must be a project key or id, with kind "user"',
      { path: 'assignableInProject' },
    );
  }
  return { query, kinds, assignableInProject: project };
}

/** A person a picker may offer: an active Atlassian account (not an app, not a service-desk customer). */
function isPerson(u: JiraDirectoryUser): boolean {
  return u.active && u.accountType === 'atlassian';
}

const personOption = (u: JiraDirectoryUser): PersonOption => ({
  accountId: u.accountId,
  displayName: u.displayName,
  avatarUrl: u.avatarUrl,
});

async function users(jira: JiraClient, search: PeopleSearchPayload): Promise<PersonOption[]> {
  if (!search.kinds.includes('user')) return [];
  const project = search.assignableInProject;
  try {
    const found =
      project === undefined
        ? await jira.searchUsers(search.query, PEOPLE_RESULT_MAX)
        : await jira.findAssignableUsers({ query: search.query, projectKey: project, max: ASSIGNABLE_WINDOW });
    return found.filter(isPerson).slice(0, PEOPLE_RESULT_MAX).map(personOption);
  } catch (e) {
    if (project !== undefined && e instanceof JiraError && e.code === JiraErrorCode.NotFound) {
      throw new ItrError(
        PeopleSearchErrorCode.ProjectNotFound,
        `project ${project} does not exist or you may not see it`,
        { path: 'assignableInProject', params: { project }, cause: e },
      );
    }
    throw e;
  }
}

async function groups(jira: JiraClient, search: PeopleSearchPayload): Promise<GroupOption[]> {
  if (!search.kinds.includes('group')) return [];
  return (await jira.searchGroups(search.query, PEOPLE_RESULT_MAX)).map((g) => ({ groupId: g.groupId, name: g.name }));
}

/**
 * Users and/or groups matching what the caller typed, as Jira shows them to the caller: users by
 * display-name or email prefix (or only those assignable in `assignableInProject`), groups by name.
 * At most PEOPLE_RESULT_MAX of each; one Jira request per kind asked, both at once.
 */
export async function searchPeople(
  payload: PeopleSearchPayload,
  jira: JiraClient = jiraAsUser(),
): Promise<PeopleSearchResult> {
  const [u, g] = await Promise.all([users(jira, payload), groups(jira, payload)]);
  return { users: u, groups: g };
}
