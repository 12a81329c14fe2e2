/**
 * Jira's typed objects for expressions, built from the Jira double's REST shapes (Jira's "Jira
 * expressions types" page: Issue, User, Project, IssueStatus, Resolution, Transition, Workflow).
 * Only the properties listed here exist; reading any other is an evaluation error, as in Jira.
 *
 * Custom fields are read by id (`issue.customfield_10107` or `issue[id]`); every field the site
 * defines is a property (null when unset). A user-type field is a User; other fields keep their REST
 * JSON. Not verified against a live site (README first-deploy list): that a Forge `user` app field
 * reads as a User with `accountId`, a `string` app field as a String.
 */
import { JiraBean, type JexValue } from './evaluator';

export interface BeanUser {
  accountId: string;
  displayName?: string;
  timeZone?: string;
  locale?: string;
  active?: boolean;
}

export function userBean(u: BeanUser): JiraBean {
  return new JiraBean('User', {
    accountId: u.accountId,
    displayName: u.displayName ?? null,
    timeZone: u.timeZone ?? null,
    locale: u.locale ?? null,
    active: u.active ?? true,
  });
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function userOrNull(v: unknown, lookUp: (accountId: string) => BeanUser | undefined): JiraBean | null {
  const accountId = str(rec(v)?.['accountId']);
  return accountId === null ? null : userBean(lookUp(accountId) ?? { accountId });
}

function asJex(v: unknown): JexValue {
  if (v === undefined) return null;
  return structuredClone(v) as JexValue;
}

export interface IssueBeanInput {
  /** The issue as the REST API answers it (`id`, `key`, `fields`). */
  issue: { id?: string; key: string; fields: Record<string, unknown> };
  /** Every custom field the site defines, with its type (`user`, `string`, …). */
  customFields: ReadonlyArray<{ id: string; type: string }>;
  lookUpUser: (accountId: string) => BeanUser | undefined;
}

export function projectBean(p: { id: string; key: string; name?: string }): JiraBean {
  return new JiraBean('Project', { id: Number(p.id), key: p.key, name: p.name ?? p.key });
}

export function issueBean({ issue, customFields, lookUpUser }: IssueBeanInput): JiraBean {
  const f = issue.fields;
  const status = rec(f['status']);
  const resolution = rec(f['resolution']);
  const project = rec(f['project']);
  const issueType = rec(f['issuetype']);
  const priority = rec(f['priority']);
  const props: Record<string, JexValue> = {
    id: issue.id === undefined ? null : Number(issue.id),
    key: issue.key,
    summary: str(f['summary']),
    description: asJex(f['description']),
    status:
      status === undefined
        ? null
        : new JiraBean('IssueStatus', {
            id: Number(status['id'] ?? 0),
            name: str(status['name']),
            category: asJex(status['statusCategory']),
          }),
    resolution:
      resolution === undefined
        ? null
        : new JiraBean('Resolution', { id: str(resolution['id']), name: str(resolution['name']) }),
    reporter: userOrNull(f['reporter'], lookUpUser),
    assignee: userOrNull(f['assignee'], lookUpUser),
    creator: userOrNull(f['creator'], lookUpUser),
    project:
      project === undefined
        ? null
        : projectBean({
            id: String(project['id'] ?? ''),
            key: String(project['key'] ?? ''),
            name: String(project['name'] ?? project['key'] ?? ''),
          }),
    issueType:
      issueType === undefined
        ? null
        : new JiraBean('IssueType', { id: str(issueType['id']), name: str(issueType['name']) }),
    priority:
      priority === undefined
        ? null
        : new JiraBean('IssuePriority', { id: str(priority['id']), name: str(priority['name']) }),
    labels: Array.isArray(f['labels']) ? (f['labels'] as unknown[]).map(asJex) : [],
  };
  for (const cf of customFields) props[cf.id] = cf.type === 'user' ? userOrNull(f[cf.id], lookUpUser) : asJex(f[cf.id]);
  return new JiraBean('Issue', props);
}

export interface TransitionInfo {
  id: string;
  name: string;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
}

export function transitionBean(t: TransitionInfo): JiraBean {
  const status = (s: { id: string; name: string }): JiraBean =>
    new JiraBean('IssueStatus', { id: Number(s.id), name: s.name });
  return new JiraBean('Transition', {
    id: Number(t.id),
    name: t.name,
    from: t.from === null ? null : status(t.from),
    to: status(t.to),
    hasScreen: false,
  });
}

export function workflowBean(w: { id: string; name: string }): JiraBean {
  return new JiraBean('Workflow', { id: w.id, name: w.name });
}
