/**
 * Jira's own key rules, one place for the whole app. A project key "must start with an uppercase letter
 * followed by one or more uppercase alphanumeric characters. The maximum length is 10 characters"
 * (platform-v3.json, `CreateProjectDetails.key`); an issue key is its project's key, `-`, and the issue's
 * number from 1.
 */
const PROJECT_KEY = /^[A-Z][A-Z0-9]{1,9}$/;
// Issue numbers are positive longs in Jira; 18 digits keep the check finite without refusing a real one.
const ISSUE_KEY = /^([A-Z][A-Z0-9]{1,9})-[1-9][0-9]{0,17}$/;

/**
 * An Atlassian account id as the app accepts one from a payload: letters, digits, `:`, `_`, `-`, 1–128
 * characters (today's ids are `557058:<uuid>` or 24 hex digits; the rule leaves room, never room for JQL).
 */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

export function isProjectKey(value: unknown): value is string {
  return typeof value === 'string' && PROJECT_KEY.test(value);
}

export function isIssueKey(value: unknown): value is string {
  return typeof value === 'string' && ISSUE_KEY.test(value);
}

/** The project key of an issue key (`SUP-12` → `SUP`); null when it is not an issue key. */
export function projectKeyOfIssueKey(issueKey: string): string | null {
  return ISSUE_KEY.exec(issueKey)?.[1] ?? null;
}

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}
