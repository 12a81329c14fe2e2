/**
 * The app's one door to Jira's REST API (through `@forge/api`'s `requestJira`).
 *
 * - Acts as the app (`asApp()`) or as a user (`asUser()`), chosen per client: never ambiguous.
 * - 429: waits `Retry-After` seconds (injectable `sleep`) and retries, within a per-call budget; a
 *   wait longer than the caller can afford (policy maximum, or the invocation's remaining time) is
 *   not waited: the call fails at once with JIRA_RATE_LIMITED and `retryAfterSeconds`, so a queue
 *   consumer can return `InvocationError({retryAfter})` instead of timing out.
 * - 5xx (and no answer at all): retried with exponential backoff a few times.
 * - Every other non-2xx: a `JiraError` with a stable code, status, method and path.
 * Responses are checked at the boundary: a 2xx body without the documented fields is an error too.
 */
import api, { route } from '@forge/api';
import type { Route } from '@forge/api';
import { codeForStatus, JiraError, JiraErrorCode } from './jira.errors';
import type {
  AdfDocument,
  AppFieldValueUpdate,
  JiraDirectoryUser,
  JiraFieldListing,
  JiraGroupSummary,
  JiraIssue,
  JiraSearchPage,
  JiraComment,
  JiraTransition,
  JiraUser,
  TransitionChanges,
} from './jira.types';
import { isRecord } from '../../domain/input';

/**
 * The app, or the user the invocation runs for (`asUser()` with no argument). Never another account:
 * `asUser` with an account id is impersonation, which the manifest does not allow
 * (forge-docs: manifest-reference/permissions). Work done for a person without them (a consumer, a
 * trigger) acts as the app and checks that person's rights with `userPermissions`.
 */
export type JiraActor = { kind: 'app' } | { kind: 'user' };

export interface RetryPolicy {
  /** Attempts per call, the first included. Range 1–10; default 4. */
  maxAttempts: number;
  /** Longest single `Retry-After` (s) the client waits; longer → fail with JIRA_RATE_LIMITED. Default 30. */
  maxRetryAfterSeconds: number;
  /** Total time (s) one call may spend waiting across retries. Default 60. */
  maxTotalWaitSeconds: number;
  /** Wait (s) after a 429 that carries no `Retry-After`. Default 5. */
  defaultRetryAfterSeconds: number;
  /** First backoff (ms) after a 5xx; doubles per retry. Default 500. */
  serverErrorBaseDelayMs: number;
  /** Time (ms) kept in reserve after a wait, for the work that follows. Default 2000. */
  reserveMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxRetryAfterSeconds: 30,
  maxTotalWaitSeconds: 60,
  defaultRetryAfterSeconds: 5,
  serverErrorBaseDelayMs: 500,
  reserveMs: 2000,
};

export interface JiraClientOptions {
  actor?: JiraActor;
  /** Waits `ms`; tests inject a recorder. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /**
   * Milliseconds left in this invocation (e.g. `getAppContext().invocationRemainingTimeInMillis`);
   * a retry wait that would not leave `reserveMs` is not taken.
   */
  remainingTimeMs?: () => number;
}

export interface SearchOptions {
  /** Fields to return; none = ids only. */
  fields?: string[];
  /** Issues per request, 1–5000 (Jira may return fewer when fields are asked for). Default 100. */
  pageSize?: number;
  properties?: string[];
  expand?: string[];
  /** Resume a search from a page's `nextPageToken` (a UI paging one page per call). */
  startToken?: string;
  /**
   * Issue ids whose just-written values the search must see (Jira's `reconcileIssues`: search results
   * may lag a write otherwise); at most `MAX_RECONCILE_ISSUES`.
   */
  reconcileIssues?: readonly number[];
}

/** Jira's cap on `reconcileIssues` per search (platform-v3 `SearchAndReconcileRequestBean`). */
export const MAX_RECONCILE_ISSUES = 50;

interface RawResponse {
  status: number;
  body: unknown;
  attempts: number;
}

type Requester = (
  path: Route,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Seconds from a `Retry-After` header (delta-seconds or HTTP-date); undefined when absent or bad. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function parseIssue(raw: unknown, method: string, path: string): JiraIssue {
  if (!isRecord(raw) || typeof raw['id'] !== 'string') {
    throw new JiraError({
      code: JiraErrorCode.Unexpected,
      status: 200,
      method,
      path,
      errorMessages: ['issue without an id'],
      attempts: 1,
    });
  }
  return {
    id: raw['id'],
    key: typeof raw['key'] === 'string' ? raw['key'] : undefined,
    fields: isRecord(raw['fields']) ? raw['fields'] : {},
    properties: isRecord(raw['properties']) ? raw['properties'] : {},
    ...(Array.isArray(raw['transitions']) ? { transitions: parseTransitions(raw['transitions']) } : {}),
  };
}

/** `IssueTransition`s as `GET …/transitions` and `expand=transitions` list them. */
function parseTransitions(list: unknown[]): JiraTransition[] {
  return list.filter(isRecord).flatMap((t) =>
    typeof t['id'] === 'string' && typeof t['name'] === 'string'
      ? [
          {
            id: t['id'],
            name: t['name'],
            toStatusName: isRecord(t['to']) && typeof t['to']['name'] === 'string' ? t['to']['name'] : undefined,
            hasScreen: typeof t['hasScreen'] === 'boolean' ? t['hasScreen'] : undefined,
            screenFieldIds: isRecord(t['fields']) ? Object.keys(t['fields']) : undefined,
          },
        ]
      : [],
  );
}

/** Jira's page cap for `GET /rest/api/3/group/member` ("number should be between 1 and 50"). */
const GROUP_MEMBER_PAGE = 50;

function checkMax(max: number, cap: number): void {
  if (!Number.isInteger(max) || max < 1 || max > cap) throw new RangeError(`max must be 1–${cap}, got ${max}`);
}

/** One user of a directory answer; entries without an account id are skipped. */
function directoryUser(u: Record<string, unknown>): JiraDirectoryUser[] {
  if (typeof u['accountId'] !== 'string') return [];
  const avatars = isRecord(u['avatarUrls']) ? u['avatarUrls'] : {};
  return [
    {
      accountId: u['accountId'],
      displayName: typeof u['displayName'] === 'string' ? u['displayName'] : '',
      avatarUrl: typeof avatars['24x24'] === 'string' ? avatars['24x24'] : null,
      active: u['active'] !== false,
      accountType: typeof u['accountType'] === 'string' ? u['accountType'] : 'atlassian',
    },
  ];
}

/** A user-list answer (a bare array, as `/user/search` and `/user/assignable/search` give). */
function directoryUsers(res: RawResponse, method: string, path: string): JiraDirectoryUser[] {
  if (!Array.isArray(res.body)) {
    throw new JiraError({
      code: JiraErrorCode.Unexpected,
      status: res.status,
      method,
      path,
      errorMessages: ['user list is not an array'],
      attempts: res.attempts,
    });
  }
  return res.body.filter(isRecord).flatMap(directoryUser);
}

/** A `WorkflowScheme` answer; no `id` = the Default Workflow Scheme (used by src/app/setup). */
function parseWorkflowScheme(s: Record<string, unknown>): {
  id?: number;
  name: string;
  defaultWorkflow: string;
  issueTypeMappings: Record<string, string>;
} {
  const mappings = isRecord(s['issueTypeMappings']) ? s['issueTypeMappings'] : {};
  return {
    ...(typeof s['id'] === 'number' ? { id: s['id'] } : {}),
    name: typeof s['name'] === 'string' ? s['name'] : '',
    defaultWorkflow: typeof s['defaultWorkflow'] === 'string' ? s['defaultWorkflow'] : 'jira',
    issueTypeMappings: Object.fromEntries(
      Object.entries(mappings).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
}

export class JiraClient {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly actor: JiraActor;
  private readonly remainingTimeMs: (() => number) | undefined;

  constructor(options: JiraClientOptions = {}) {
    this.actor = options.actor ?? { kind: 'app' };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)));
    this.remainingTimeMs = options.remainingTimeMs;
  }

  private requester(): Requester {
    const a = this.actor;
    return a.kind === 'app' ? api.asApp().requestJira : api.asUser().requestJira;
  }

  // ----- core ------------------------------------------------------------------------------------

  private async send(method: string, path: Route, body?: unknown): Promise<RawResponse> {
    const request = this.requester();
    const init = {
      method,
      headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    };
    const shownPath = path.value;
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      let status: number;
      let text: string;
      let retryAfterHeader: string | null = null;
      try {
        const res = await request(path, init);
        status = res.status;
        retryAfterHeader = res.headers.get('retry-after');
        text = await res.text();
      } catch (cause) {
        // No HTTP answer (proxy or network failure): retried like a 5xx.
        status = 0;
        text = '';
        if (attempt >= this.policy.maxAttempts) {
          throw new JiraError({
            code: JiraErrorCode.ServerError,
            status,
            method,
            path: shownPath,
            attempts: attempt,
            cause,
          });
        }
      }
      const parsed = this.parseBody(text);
      if (status >= 200 && status < 300) return { status, body: parsed, attempts: attempt };

      const errorBody = isRecord(parsed) ? parsed : {};
      const fail = (extra: { retryAfterSeconds?: number } = {}): JiraError =>
        new JiraError({
          code: codeForStatus(status),
          status,
          method,
          path: shownPath,
          errorMessages: strings(errorBody['errorMessages']),
          fieldErrors: isRecord(errorBody['errors'])
            ? Object.fromEntries(
                Object.entries(errorBody['errors']).filter((e): e is [string, string] => typeof e[1] === 'string'),
              )
            : {},
          attempts: attempt,
          ...extra,
        });

      let waitMs: number;
      if (status === 429) {
        const seconds = parseRetryAfter(retryAfterHeader, Date.now()) ?? this.policy.defaultRetryAfterSeconds;
        waitMs = seconds * 1000;
        if (
          attempt >= this.policy.maxAttempts ||
          seconds > this.policy.maxRetryAfterSeconds ||
          !this.canWait(waitMs, waitedMs)
        ) {
          throw fail({ retryAfterSeconds: seconds });
        }
      } else if (status >= 500 || status === 0) {
        waitMs = this.policy.serverErrorBaseDelayMs * 2 ** (attempt - 1);
        if (attempt >= this.policy.maxAttempts || !this.canWait(waitMs, waitedMs)) throw fail();
      } else {
        throw fail();
      }
      await this.sleep(waitMs);
      waitedMs += waitMs;
    }
  }

  private canWait(waitMs: number, alreadyWaitedMs: number): boolean {
    if (alreadyWaitedMs + waitMs > this.policy.maxTotalWaitSeconds * 1000) return false;
    return this.remainingTimeMs === undefined || this.remainingTimeMs() - waitMs >= this.policy.reserveMs;
  }

  private parseBody(text: string): unknown {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  // ----- search ----------------------------------------------------------------------------------

  /**
   * Runs a JQL search page by page (`POST /rest/api/3/search/jql`, token paging). Each yielded page
   * is one request; stop iterating to stop fetching.
   */
  async *searchJql(jql: string, options: SearchOptions = {}): AsyncGenerator<JiraSearchPage, void, undefined> {
    const pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 5000)
      throw new RangeError(`pageSize must be 1–5000, got ${pageSize}`);
    let token: string | undefined = options.startToken;
    do {
      const body: Record<string, unknown> = { jql, maxResults: pageSize };
      if (options.fields && options.fields.length > 0) body['fields'] = options.fields;
      if (options.properties && options.properties.length > 0) body['properties'] = options.properties;
      if (options.expand && options.expand.length > 0) body['expand'] = options.expand.join(',');
      if (token !== undefined) body['nextPageToken'] = token;
      if (options.reconcileIssues && options.reconcileIssues.length > 0) {
        if (options.reconcileIssues.length > MAX_RECONCILE_ISSUES)
          throw new RangeError(
            `reconcileIssues takes at most ${MAX_RECONCILE_ISSUES} ids, got ${options.reconcileIssues.length}`,
          );
        body['reconcileIssues'] = [...options.reconcileIssues];
      }
      const path = route`/rest/api/3/search/jql`;
      const res = await this.send('POST', path, body);
      const page = isRecord(res.body) ? res.body : {};
      if (!Array.isArray(page['issues'])) {
        throw new JiraError({
          code: JiraErrorCode.Unexpected,
          status: res.status,
          method: 'POST',
          path: path.value,
          errorMessages: ['search answer without issues'],
          attempts: res.attempts,
        });
      }
      token =
        typeof page['nextPageToken'] === 'string' && page['nextPageToken'] !== '' ? page['nextPageToken'] : undefined;
      yield { issues: page['issues'].map((i) => parseIssue(i, 'POST', path.value)), nextPageToken: token };
    } while (token !== undefined);
  }

  // ----- fields ----------------------------------------------------------------------------------

  /** Every field the acting user can see (`GET /rest/api/3/field`), as Jira lists them. */
  async listFields(): Promise<JiraFieldListing[]> {
    const path = route`/rest/api/3/field`;
    const res = await this.send('GET', path);
    if (!Array.isArray(res.body)) {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'GET',
        path: path.value,
        errorMessages: ['field list is not an array'],
        attempts: res.attempts,
      });
    }
    return res.body.filter(isRecord).map((f) => ({
      id: typeof f['id'] === 'string' ? f['id'] : '',
      name: typeof f['name'] === 'string' ? f['name'] : '',
      schemaCustom:
        isRecord(f['schema']) && typeof f['schema']['custom'] === 'string' ? f['schema']['custom'] : undefined,
    }));
  }

  // ----- issues ----------------------------------------------------------------------------------

  async getIssue(
    idOrKey: string,
    options: { fields?: string[]; properties?: string[]; expand?: string[] } = {},
  ): Promise<JiraIssue> {
    const query = new URLSearchParams();
    if (options.fields) query.set('fields', options.fields.join(','));
    if (options.properties) query.set('properties', options.properties.join(','));
    if (options.expand) query.set('expand', options.expand.join(','));
    const path =
      query.toString() === '' ? route`/rest/api/3/issue/${idOrKey}` : route`/rest/api/3/issue/${idOrKey}?${query}`;
    const res = await this.send('GET', path);
    return parseIssue(res.body, 'GET', path.value);
  }

  /** Edits fields (`PUT /rest/api/3/issue/{id}`); `notifyUsers: false` suppresses Jira's emails. */
  async updateIssueFields(
    idOrKey: string,
    fields: Record<string, unknown>,
    options: { notifyUsers?: boolean } = {},
  ): Promise<void> {
    const path =
      options.notifyUsers === false
        ? route`/rest/api/3/issue/${idOrKey}?notifyUsers=false`
        : route`/rest/api/3/issue/${idOrKey}`;
    await this.send('PUT', path, { fields });
  }

  /**
   * Writes the app's own (read-only) custom fields on many issues at once. Jira's spec documents
   * this as `POST /rest/api/3/app/field/value`; only the owning app may call it (asApp).
   */
  async setAppFieldValues(
    updates: AppFieldValueUpdate[],
    options: { generateChangelog?: boolean } = {},
  ): Promise<void> {
    if (updates.length === 0) return;
    const body = {
      updates: updates.map((u) => ({ customField: u.fieldId, issueIds: u.issueIds.map(Number), value: u.value })),
    };
    const path =
      options.generateChangelog === false
        ? route`/rest/api/3/app/field/value?generateChangelog=false`
        : route`/rest/api/3/app/field/value`;
    await this.send('POST', path, body);
  }

  async addComment(
    idOrKey: string,
    body: AdfDocument,
    options: { visibility?: { type: 'group' | 'role'; value: string } } = {},
  ): Promise<{ id: string }> {
    const path = route`/rest/api/3/issue/${idOrKey}/comment`;
    const res = await this.send('POST', path, {
      body,
      ...(options.visibility ? { visibility: options.visibility } : {}),
    });
    const c = isRecord(res.body) ? res.body : {};
    if (typeof c['id'] !== 'string') {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'POST',
        path: path.value,
        errorMessages: ['comment without an id'],
        attempts: res.attempts,
      });
    }
    return { id: c['id'] };
  }

  /**
   * One comment as Jira holds it (`GET /rest/api/3/issue/{issueIdOrKey}/comment/{id}`, platform-v3
   * getComment): its author's account, body (ADF) and creation time. A 404 for an unknown comment or
   * one the caller may not see.
   */
  async getComment(issueIdOrKey: string, commentId: string): Promise<JiraComment> {
    const path = route`/rest/api/3/issue/${issueIdOrKey}/comment/${commentId}`;
    const res = await this.send('GET', path);
    const c = isRecord(res.body) ? res.body : {};
    const author = isRecord(c['author']) ? c['author'] : {};
    const created = typeof c['created'] === 'string' ? new Date(c['created']) : undefined;
    if (typeof c['id'] !== 'string' || created === undefined || Number.isNaN(created.getTime())) {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'GET',
        path: path.value,
        errorMessages: ['comment without an id or a creation time'],
        attempts: res.attempts,
      });
    }
    return {
      id: c['id'],
      authorAccountId: typeof author['accountId'] === 'string' ? author['accountId'] : null,
      body: c['body'] ?? null,
      created,
    };
  }

  async getTransitions(idOrKey: string): Promise<JiraTransition[]> {
    const path = route`/rest/api/3/issue/${idOrKey}/transitions`;
    const res = await this.send('GET', path);
    return parseTransitions(
      isRecord(res.body) && Array.isArray(res.body['transitions']) ? res.body['transitions'] : [],
    );
  }

  /**
   * Performs a transition (`POST /rest/api/3/issue/{id}/transitions`). `fields` and `update` ride in the
   * same request, so a status, an assignee and a comment move together (one request, one changelog).
   */
  async transitionIssue(idOrKey: string, transitionId: string, changes: TransitionChanges = {}): Promise<void> {
    await this.send('POST', route`/rest/api/3/issue/${idOrKey}/transitions`, {
      transition: { id: transitionId },
      ...(changes.fields ? { fields: changes.fields } : {}),
      ...(changes.update ? { update: changes.update } : {}),
    });
  }

  /**
   * Sets or clears the assignee (`PUT /rest/api/3/issue/{id}/assignee`; `null` unassigns). Jira needs
   * Assign Issues of the actor and Assignable User of the target, else 400/403 (a JiraError).
   */
  async assignIssue(idOrKey: string, accountId: string | null): Promise<void> {
    await this.send('PUT', route`/rest/api/3/issue/${idOrKey}/assignee`, { accountId });
  }

  /**
   * Emails a notification about an issue to chosen people (`POST /rest/api/3/issue/{id}/notify`; Jira
   * answers 204 and sends it asynchronously). Used by escalation (src/app/escalation).
   */
  async notifyIssue(
    idOrKey: string,
    notification: {
      subject: string;
      textBody: string;
      to: { users?: string[]; groups?: string[]; assignee?: boolean; watchers?: boolean };
    },
  ): Promise<void> {
    const to: Record<string, unknown> = {};
    if (notification.to.users && notification.to.users.length > 0)
      to['users'] = notification.to.users.map((accountId) => ({ accountId }));
    if (notification.to.groups && notification.to.groups.length > 0)
      to['groups'] = notification.to.groups.map((name) => ({ name }));
    if (notification.to.assignee !== undefined) to['assignee'] = notification.to.assignee;
    if (notification.to.watchers !== undefined) to['watchers'] = notification.to.watchers;
    await this.send('POST', route`/rest/api/3/issue/${idOrKey}/notify`, {
      subject: notification.subject,
      textBody: notification.textBody,
      to,
    });
  }

  // ----- issue properties ------------------------------------------------------------------------

  /** The property's value, or undefined when Jira answers 404 (no such property, or issue not visible). */
  async getIssueProperty(idOrKey: string, propertyKey: string): Promise<unknown> {
    try {
      const res = await this.send('GET', route`/rest/api/3/issue/${idOrKey}/properties/${propertyKey}`);
      return isRecord(res.body) ? res.body['value'] : undefined;
    } catch (e) {
      if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return undefined;
      throw e;
    }
  }

  /** Sets a property (JSON value, at most 32 KB in Jira). */
  async setIssueProperty(idOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    await this.send('PUT', route`/rest/api/3/issue/${idOrKey}/properties/${propertyKey}`, value);
  }

  // ----- users -----------------------------------------------------------------------------------

  /** The acting user (the app's own account for an app client). */
  /**
   * Whether the acting user holds each permission (`GET /rest/api/3/mypermissions`), globally or, with
   * `issueKey`/`projectKey`, there. Authorization checks call this `asUser`, never trusting a payload.
   */
  async myPermissions(
    permissions: string[],
    scope: { issueKey?: string; projectKey?: string } = {},
  ): Promise<Record<string, boolean>> {
    const query = new URLSearchParams({ permissions: permissions.join(',') });
    if (scope.issueKey !== undefined) query.set('issueKey', scope.issueKey);
    if (scope.projectKey !== undefined) query.set('projectKey', scope.projectKey);
    const path = route`/rest/api/3/mypermissions?${query}`;
    const res = await this.send('GET', path);
    const all = isRecord(res.body) && isRecord(res.body['permissions']) ? res.body['permissions'] : {};
    return Object.fromEntries(permissions.map((p) => [p, isRecord(all[p]) && all[p]['havePermission'] === true]));
  }

  /**
   * Whether another person holds each permission (`POST /rest/api/3/permissions/check` with their
   * `accountId`), globally or, with `issueId`, on that issue. For work done for a person who is not
   * the invocation's user (consumers, triggers): call it on an app client, never impersonate them.
   */
  async userPermissions(
    accountId: string,
    permissions: string[],
    scope: { issueId?: string } = {},
  ): Promise<Record<string, boolean>> {
    const issueId = scope.issueId === undefined ? undefined : Number(scope.issueId);
    const body =
      issueId === undefined
        ? { accountId, globalPermissions: permissions }
        : { accountId, projectPermissions: [{ permissions, issues: [issueId] }] };
    const res = await this.send('POST', route`/rest/api/3/permissions/check`, body);
    const b = isRecord(res.body) ? res.body : {};
    if (issueId === undefined) {
      const held = Array.isArray(b['globalPermissions']) ? b['globalPermissions'] : [];
      return Object.fromEntries(permissions.map((p) => [p, held.includes(p)]));
    }
    const granted = (Array.isArray(b['projectPermissions']) ? b['projectPermissions'] : []).filter(isRecord);
    return Object.fromEntries(
      permissions.map((p) => [
        p,
        granted.some((g) => g['permission'] === p && Array.isArray(g['issues']) && g['issues'].includes(issueId)),
      ]),
    );
  }

  async getMyself(options: { groups?: boolean } = {}): Promise<JiraUser> {
    const path = options.groups ? route`/rest/api/3/myself?expand=groups` : route`/rest/api/3/myself`;
    const res = await this.send('GET', path);
    const u = isRecord(res.body) ? res.body : {};
    if (typeof u['accountId'] !== 'string') {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'GET',
        path: path.value,
        errorMessages: ['user without accountId'],
        attempts: res.attempts,
      });
    }
    const groups = isRecord(u['groups']) && Array.isArray(u['groups']['items']) ? u['groups']['items'] : [];
    return {
      accountId: u['accountId'],
      displayName: typeof u['displayName'] === 'string' ? u['displayName'] : '',
      locale: typeof u['locale'] === 'string' ? u['locale'] : undefined,
      timeZone: typeof u['timeZone'] === 'string' ? u['timeZone'] : undefined,
      groups: groups.filter(isRecord).flatMap((g) => (typeof g['name'] === 'string' ? [g['name']] : [])),
    };
  }
  // ----- site check (src/app/siteCheck) — reads only ----------------------------------------------

  /**
   * Evaluates a Jira expression (`POST /rest/api/3/expression/evaluate`; the older `eval` is being
   * removed). `user` in it is always the caller; other people go in as custom `user` variables.
   * Answers the expression's value; an expression Jira cannot evaluate is a JiraError (400).
   */
  async evaluateExpression(
    expression: string,
    context: {
      issueKey?: string;
      custom?: Array<{ key: string; type: 'user'; accountId: string } | { key: string; type: 'json'; value: unknown }>;
    } = {},
  ): Promise<unknown> {
    const body = {
      expression,
      context: {
        ...(context.issueKey !== undefined ? { issue: { key: context.issueKey } } : {}),
        ...(context.custom !== undefined ? { custom: context.custom } : {}),
      },
    };
    const res = await this.send('POST', route`/rest/api/3/expression/evaluate`, body);
    return isRecord(res.body) ? res.body['value'] : undefined;
  }

  /** Workflows by name with their transitions and rules (`POST /rest/api/3/workflows`), as Jira answers them. */
  async readWorkflowDetails(names: string[]): Promise<WorkflowDetails[]> {
    const res = await this.send('POST', route`/rest/api/3/workflows`, { workflowNames: names });
    const b = isRecord(res.body) ? res.body : {};
    const statusNames = new Map<string, string>();
    for (const st of (Array.isArray(b['statuses']) ? b['statuses'] : []).filter(isRecord)) {
      if (typeof st['statusReference'] === 'string' && typeof st['name'] === 'string')
        statusNames.set(st['statusReference'], st['name']);
    }
    const rule = (r: unknown): WorkflowRuleDetails | undefined =>
      isRecord(r) && typeof r['ruleKey'] === 'string'
        ? {
            ruleKey: r['ruleKey'],
            parameters: isRecord(r['parameters'])
              ? Object.fromEntries(Object.entries(r['parameters']).map(([k, v]) => [k, String(v)]))
              : {},
          }
        : undefined;
    const rules = (v: unknown): WorkflowRuleDetails[] =>
      Array.isArray(v) ? v.map(rule).filter((x): x is WorkflowRuleDetails => x !== undefined) : [];
    const conditionsOf = (g: unknown): WorkflowRuleDetails[] =>
      isRecord(g)
        ? [
            ...rules(g['conditions']),
            ...(Array.isArray(g['conditionGroups']) ? g['conditionGroups'].flatMap(conditionsOf) : []),
          ]
        : [];
    return (Array.isArray(b['workflows']) ? b['workflows'] : []).filter(isRecord).flatMap((w) =>
      typeof w['id'] === 'string' && typeof w['name'] === 'string'
        ? [
            {
              id: w['id'],
              name: w['name'],
              transitions: (Array.isArray(w['transitions']) ? w['transitions'] : []).filter(isRecord).map((t) => {
                const to = typeof t['toStatusReference'] === 'string' ? t['toStatusReference'] : '';
                const screen = rule(t['transitionScreen']);
                return {
                  id: String(t['id'] ?? ''),
                  name: typeof t['name'] === 'string' ? t['name'] : '',
                  toStatus: statusNames.get(to) ?? to,
                  actions: rules(t['actions']),
                  validators: rules(t['validators']),
                  conditions: conditionsOf(t['conditions']),
                  ...(screen !== undefined ? { transitionScreen: screen } : {}),
                };
              }),
            },
          ]
        : [],
    );
  }

  /**
   * Which of `projectIds` the acting principal holds each permission in (`POST /rest/api/3/permissions/check`
   * without an `accountId`: the caller; on an app client, the app's own user).
   */
  async projectPermissionsOfCaller(permissions: string[], projectIds: string[]): Promise<Record<string, string[]>> {
    const res = await this.send('POST', route`/rest/api/3/permissions/check`, {
      projectPermissions: [{ permissions, projects: projectIds.map(Number) }],
    });
    const granted = (
      isRecord(res.body) && Array.isArray(res.body['projectPermissions']) ? res.body['projectPermissions'] : []
    ).filter(isRecord);
    return Object.fromEntries(
      permissions.map((p) => [
        p,
        granted
          .filter((g) => g['permission'] === p)
          .flatMap((g) => (Array.isArray(g['projects']) ? g['projects'].map(String) : [])),
      ]),
    );
  }

  // ----- closure (Forge app properties) — owned by src/app/closure ---------------------------------

  /**
   * Sets a Forge app property (`PUT /rest/forge/1/app/properties/{key}`): readable by Jira expressions
   * as `app.properties[key]`, writable only by the app itself, so call it on an app client.
   */
  async setForgeAppProperty(propertyKey: string, value: unknown): Promise<void> {
    await this.send('PUT', route`/rest/forge/1/app/properties/${propertyKey}`, value);
  }

  // ----- end of closure section ---------------------------------------------------------------------

  // ----- hand-off (create and link issues) — owned by src/app/handoff -----------------------------

  /** Creates an issue (`POST /rest/api/3/issue`); `fields` must hold project, issuetype and summary. */
  async createIssue(fields: Record<string, unknown>): Promise<{ id: string; key: string }> {
    const path = route`/rest/api/3/issue`;
    const res = await this.send('POST', path, { fields });
    const b = isRecord(res.body) ? res.body : {};
    if (typeof b['id'] !== 'string' || typeof b['key'] !== 'string') {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'POST',
        path: path.value,
        errorMessages: ['created issue without id or key'],
        attempts: res.attempts,
      });
    }
    return { id: b['id'], key: b['key'] };
  }

  /**
   * Links two issues (`POST /rest/api/3/issueLink`) with a link type by name (e.g. `Relates`): Jira
   * shows `outward` ("relates to") on the inward issue's side.
   */
  async linkIssues(typeName: string, inwardKey: string, outwardKey: string): Promise<void> {
    await this.send('POST', route`/rest/api/3/issueLink`, {
      type: { name: typeName },
      inwardIssue: { key: inwardKey },
      outwardIssue: { key: outwardKey },
    });
  }

  /** The issue's links as the acting user sees them (`GET /rest/api/3/issue/{key}?fields=issuelinks`). */
  async getIssueLinks(idOrKey: string): Promise<JiraIssueLink[]> {
    const issue = await this.getIssue(idOrKey, { fields: ['issuelinks'] });
    return parseIssueLinks(issue.fields['issuelinks']);
  }

  // ----- end of hand-off section --------------------------------------------------------------------

  // ----- setup (issue types, schemes, workflows, screens) — owned by src/app/setup ---------------

  /** Every `values` of a paged (`startAt`/`isLast`) Jira list; `build` makes the path for a start. */
  private async allPages(build: (startAt: number) => Route): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for (let startAt = 0, guard = 0; guard < 1000; guard++) {
      const path = build(startAt);
      const res = await this.send('GET', path);
      const page = isRecord(res.body) ? res.body : {};
      if (!Array.isArray(page['values'])) {
        throw new JiraError({
          code: JiraErrorCode.Unexpected,
          status: res.status,
          method: 'GET',
          path: path.value,
          errorMessages: ['page without values'],
          attempts: res.attempts,
        });
      }
      const values = page['values'].filter(isRecord);
      out.push(...values);
      if (page['isLast'] !== false || values.length === 0) break;
      startAt += values.length;
    }
    return out;
  }

  /** All issue types the acting user can see (`GET /rest/api/3/issuetype`). */
  async listIssueTypes(): Promise<Array<{ id: string; name: string; projectScoped: boolean }>> {
    const path = route`/rest/api/3/issuetype`;
    const res = await this.send('GET', path);
    const list = Array.isArray(res.body) ? res.body.filter(isRecord) : [];
    return list.flatMap((t) =>
      typeof t['id'] === 'string' && typeof t['name'] === 'string'
        ? [{ id: t['id'], name: t['name'], projectScoped: isRecord(t['scope']) && t['scope']['type'] === 'PROJECT' }]
        : [],
    );
  }

  /** Creates a global standard issue type (`POST /rest/api/3/issuetype`; Jira adds it to the default scheme). */
  async createIssueType(name: string, description = ''): Promise<{ id: string; name: string }> {
    const path = route`/rest/api/3/issuetype`;
    const res = await this.send('POST', path, { name, description, type: 'standard', hierarchyLevel: 0 });
    const t = isRecord(res.body) ? res.body : {};
    if (typeof t['id'] !== 'string') {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'POST',
        path: path.value,
        errorMessages: ['issue type without an id'],
        attempts: res.attempts,
      });
    }
    return { id: t['id'], name: typeof t['name'] === 'string' ? t['name'] : name };
  }

  /** Projects (`GET /rest/api/3/project/search`), all pages; `keys` limits the search. */
  async searchProjects(
    keys: string[] = [],
  ): Promise<Array<{ id: string; key: string; name: string; style: 'classic' | 'next-gen' }>> {
    const values = await this.allPages((startAt) => {
      const q = new URLSearchParams({ startAt: String(startAt), maxResults: '50' });
      for (const k of keys) q.append('keys', k);
      return route`/rest/api/3/project/search?${q}`;
    });
    return values.flatMap((p) =>
      typeof p['id'] === 'string' && typeof p['key'] === 'string'
        ? [
            {
              id: p['id'],
              key: p['key'],
              name: typeof p['name'] === 'string' ? p['name'] : p['key'],
              style:
                p['style'] === 'next-gen' || p['simplified'] === true ? ('next-gen' as const) : ('classic' as const),
            },
          ]
        : [],
    );
  }

  /**
   * One page of the projects the acting user may see whose key or name contains `query` (Jira's literal,
   * case-insensitive match), by name (`GET /rest/api/3/project/search`, offset paged: `startAt`,
   * `maxResults` ≤ 100, `isLast`). Jira documents a 404 when nothing matches: an empty page here.
   */
  async searchProjectsPage(options: {
    query: string;
    startAt: number;
    maxResults: number;
  }): Promise<{ projects: Array<{ id: string; key: string; name: string }>; nextStartAt: number | null }> {
    checkMax(options.maxResults, 100);
    const q = new URLSearchParams({
      startAt: String(options.startAt),
      maxResults: String(options.maxResults),
      orderBy: 'name',
    });
    if (options.query !== '') q.set('query', options.query);
    const path = route`/rest/api/3/project/search?${q}`;
    let body: Record<string, unknown>;
    try {
      const res = await this.send('GET', path);
      body = isRecord(res.body) ? res.body : {};
    } catch (e) {
      if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return { projects: [], nextStartAt: null };
      throw e;
    }
    const values = Array.isArray(body['values']) ? body['values'].filter(isRecord) : [];
    const projects = values.flatMap((p) =>
      typeof p['id'] === 'string' && typeof p['key'] === 'string'
        ? [{ id: p['id'], key: p['key'], name: typeof p['name'] === 'string' ? p['name'] : p['key'] }]
        : [],
    );
    const last = body['isLast'] !== false || values.length === 0;
    return { projects, nextStartAt: last ? null : options.startAt + values.length };
  }

  /**
   * A project as the acting user sees it (`GET /rest/api/3/project/{key}`): its name and the issue types it
   * offers (id, name, whether a subtask); undefined when there is none they may browse.
   */
  async projectWithIssueTypes(
    projectKey: string,
  ): Promise<
    { key: string; name: string; issueTypes: Array<{ id: string; name: string; subtask: boolean }> } | undefined
  > {
    try {
      const res = await this.send('GET', route`/rest/api/3/project/${projectKey}`);
      const body = isRecord(res.body) ? res.body : {};
      const types = Array.isArray(body['issueTypes']) ? body['issueTypes'].filter(isRecord) : [];
      return {
        key: typeof body['key'] === 'string' ? body['key'] : projectKey,
        name: typeof body['name'] === 'string' ? body['name'] : projectKey,
        issueTypes: types.flatMap((t) =>
          typeof t['id'] === 'string' && typeof t['name'] === 'string'
            ? [{ id: t['id'], name: t['name'], subtask: t['subtask'] === true }]
            : [],
        ),
      };
    } catch (e) {
      if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return undefined;
      throw e;
    }
  }

  /** The issue type scheme of a company-managed project, or undefined (team-managed projects have none). */
  async issueTypeSchemeOfProject(
    projectId: string,
  ): Promise<{ id: string; name: string; isDefault: boolean } | undefined> {
    const values = await this.allPages(
      (startAt) =>
        route`/rest/api/3/issuetypescheme/project?${new URLSearchParams({ projectId, startAt: String(startAt) })}`,
    );
    const s = values.map((v) => v['issueTypeScheme']).find(isRecord);
    return s && typeof s['id'] === 'string'
      ? { id: s['id'], name: typeof s['name'] === 'string' ? s['name'] : '', isDefault: s['isDefault'] === true }
      : undefined;
  }

  /** Issue type ids in a scheme (`GET /rest/api/3/issuetypescheme/mapping`). */
  async issueTypeIdsOfScheme(schemeId: string): Promise<string[]> {
    const values = await this.allPages(
      (startAt) =>
        route`/rest/api/3/issuetypescheme/mapping?${new URLSearchParams({ issueTypeSchemeId: schemeId, startAt: String(startAt) })}`,
    );
    return values.flatMap((v) => (typeof v['issueTypeId'] === 'string' ? [v['issueTypeId']] : []));
  }

  /** Appends issue types to a scheme; Jira fails the whole call if one is already there. */
  async addIssueTypesToScheme(schemeId: string, issueTypeIds: string[]): Promise<void> {
    await this.send('PUT', route`/rest/api/3/issuetypescheme/${schemeId}/issuetype`, { issueTypeIds });
  }

  /** Workflows by name (`POST /rest/api/3/workflows`). */
  async readWorkflowsByName(names: string[]): Promise<Array<{ id: string; name: string }>> {
    const res = await this.send('POST', route`/rest/api/3/workflows`, { workflowNames: names });
    const list =
      isRecord(res.body) && Array.isArray(res.body['workflows']) ? res.body['workflows'].filter(isRecord) : [];
    return list.flatMap((w) =>
      typeof w['id'] === 'string' && typeof w['name'] === 'string' ? [{ id: w['id'], name: w['name'] }] : [],
    );
  }

  /** Statuses whose name contains `searchString` (`GET /rest/api/3/statuses/search`). */
  async searchStatuses(searchString: string): Promise<Array<{ id: string; name: string }>> {
    const values = await this.allPages(
      (startAt) =>
        route`/rest/api/3/statuses/search?${new URLSearchParams({ searchString, startAt: String(startAt), maxResults: '200' })}`,
    );
    return values.flatMap((s) =>
      typeof s['id'] === 'string' && typeof s['name'] === 'string' ? [{ id: s['id'], name: s['name'] }] : [],
    );
  }

  /** The site's resolutions (`GET /rest/api/3/resolution/search`), with which one is the default. */
  async searchResolutions(): Promise<Array<{ id: string; name: string; isDefault: boolean }>> {
    const values = await this.allPages(
      (startAt) =>
        route`/rest/api/3/resolution/search?${new URLSearchParams({ startAt: String(startAt), maxResults: '50' })}`,
    );
    return values.flatMap((r) =>
      typeof r['id'] === 'string' && typeof r['name'] === 'string'
        ? [{ id: r['id'], name: r['name'], isDefault: r['default'] === true }]
        : [],
    );
  }

  /**
   * Workflows by name as Jira documents them (`POST /rest/api/3/workflows`): each with its `id`,
   * `version`, `statuses` and `transitions` (rules included), and the statuses they use. What
   * `/workflows/update` needs to send the whole workflow back.
   */
  async readWorkflowDocuments(
    names: string[],
  ): Promise<{ workflows: Array<Record<string, unknown>>; statuses: Array<Record<string, unknown>> }> {
    const res = await this.send('POST', route`/rest/api/3/workflows`, { workflowNames: names });
    const pick = (k: string): Array<Record<string, unknown>> =>
      isRecord(res.body) && Array.isArray(res.body[k]) ? res.body[k].filter(isRecord) : [];
    return { workflows: pick('workflows'), statuses: pick('statuses') };
  }

  /** `POST /rest/api/3/workflows/update` with a `WorkflowUpdateRequest`. */
  async updateWorkflows(request: Record<string, unknown>): Promise<void> {
    await this.send('POST', route`/rest/api/3/workflows/update`, request);
  }

  /** `POST /rest/api/3/workflows/create` with a `WorkflowCreateRequest`; the created workflows. */
  async createWorkflows(request: Record<string, unknown>): Promise<Array<{ id: string; name: string }>> {
    const path = route`/rest/api/3/workflows/create`;
    const res = await this.send('POST', path, request);
    const list =
      isRecord(res.body) && Array.isArray(res.body['workflows']) ? res.body['workflows'].filter(isRecord) : [];
    if (list.length === 0) {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'POST',
        path: path.value,
        errorMessages: ['no workflow in the answer'],
        attempts: res.attempts,
      });
    }
    return list.flatMap((w) =>
      typeof w['id'] === 'string' && typeof w['name'] === 'string' ? [{ id: w['id'], name: w['name'] }] : [],
    );
  }

  /** A company-managed project's workflow scheme; no `id` = Jira's Default Workflow Scheme. */
  async workflowSchemeOfProject(
    projectId: string,
  ): Promise<
    { id?: number; name: string; defaultWorkflow: string; issueTypeMappings: Record<string, string> } | undefined
  > {
    const res = await this.send('GET', route`/rest/api/3/workflowscheme/project?${new URLSearchParams({ projectId })}`);
    const values = isRecord(res.body) && Array.isArray(res.body['values']) ? res.body['values'].filter(isRecord) : [];
    const s = values.map((v) => v['workflowScheme']).find(isRecord);
    return s ? parseWorkflowScheme(s) : undefined;
  }

  async listWorkflowSchemes(): Promise<
    Array<{ id?: number; name: string; defaultWorkflow: string; issueTypeMappings: Record<string, string> }>
  > {
    const values = await this.allPages(
      (startAt) =>
        route`/rest/api/3/workflowscheme?${new URLSearchParams({ startAt: String(startAt), maxResults: '50' })}`,
    );
    return values.map(parseWorkflowScheme);
  }

  async createWorkflowScheme(scheme: {
    name: string;
    description: string;
    defaultWorkflow: string;
    issueTypeMappings: Record<string, string>;
  }): Promise<{ id: number }> {
    const path = route`/rest/api/3/workflowscheme`;
    const res = await this.send('POST', path, scheme);
    const s = isRecord(res.body) ? res.body : {};
    if (typeof s['id'] !== 'number') {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'POST',
        path: path.value,
        errorMessages: ['workflow scheme without an id'],
        attempts: res.attempts,
      });
    }
    return { id: s['id'] };
  }

  /** Assigns a workflow scheme to a company-managed project; Jira allows it only while the project has no issues. */
  async assignWorkflowScheme(projectId: string, workflowSchemeId: number): Promise<void> {
    await this.send('PUT', route`/rest/api/3/workflowscheme/project`, {
      projectId,
      workflowSchemeId: String(workflowSchemeId),
    });
  }

  /** The screens a company-managed project's issues use (issue type screen scheme → screen schemes → screens). */
  async screenIdsOfProject(projectId: string): Promise<number[]> {
    const itss = await this.allPages(
      (startAt) =>
        route`/rest/api/3/issuetypescreenscheme/project?${new URLSearchParams({ projectId, startAt: String(startAt) })}`,
    );
    const itssId = itss.map((v) => v['issueTypeScreenScheme']).find(isRecord)?.['id'];
    if (typeof itssId !== 'string') return [];
    const mappings = await this.allPages(
      (startAt) =>
        route`/rest/api/3/issuetypescreenscheme/mapping?${new URLSearchParams({ issueTypeScreenSchemeId: itssId, startAt: String(startAt) })}`,
    );
    const schemeIds = [
      ...new Set(mappings.flatMap((m) => (typeof m['screenSchemeId'] === 'string' ? [m['screenSchemeId']] : []))),
    ];
    if (schemeIds.length === 0) return [];
    const schemes = await this.allPages((startAt) => {
      const q = new URLSearchParams({ startAt: String(startAt) });
      for (const id of schemeIds) q.append('id', id);
      return route`/rest/api/3/screenscheme?${q}`;
    });
    const ids = new Set<number>();
    for (const s of schemes) {
      const screens = isRecord(s['screens']) ? s['screens'] : {};
      for (const k of ['default', 'create', 'edit', 'view']) if (typeof screens[k] === 'number') ids.add(screens[k]);
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** A screen's name by id (`GET /rest/api/3/screens?id=`), undefined when absent. */
  async screenName(screenId: number): Promise<string | undefined> {
    const values = await this.allPages(
      (startAt) =>
        route`/rest/api/3/screens?${new URLSearchParams({ id: String(screenId), startAt: String(startAt) })}`,
    );
    const s = values.find((v) => v['id'] === screenId);
    return s && typeof s['name'] === 'string' ? s['name'] : undefined;
  }

  async screenTabs(screenId: number): Promise<Array<{ id: number; name: string }>> {
    const res = await this.send('GET', route`/rest/api/3/screens/${String(screenId)}/tabs`);
    const list = Array.isArray(res.body) ? res.body.filter(isRecord) : [];
    return list.flatMap((t) =>
      typeof t['id'] === 'number' ? [{ id: t['id'], name: typeof t['name'] === 'string' ? t['name'] : '' }] : [],
    );
  }

  async screenTabFields(screenId: number, tabId: number): Promise<string[]> {
    const res = await this.send('GET', route`/rest/api/3/screens/${String(screenId)}/tabs/${String(tabId)}/fields`);
    const list = Array.isArray(res.body) ? res.body.filter(isRecord) : [];
    return list.flatMap((f) => (typeof f['id'] === 'string' ? [f['id']] : []));
  }

  async addScreenTabField(screenId: number, tabId: number, fieldId: string): Promise<void> {
    await this.send('POST', route`/rest/api/3/screens/${String(screenId)}/tabs/${String(tabId)}/fields`, { fieldId });
  }

  // ----- end of setup section ---------------------------------------------------------------------

  // ----- directory look-ups for the admin settings — owned by src/app/settings -------------------

  /** Which of `accountIds` Jira knows (`GET /rest/api/3/user/bulk`, all pages); unknown ids are left out. */
  async existingUsers(
    accountIds: string[],
  ): Promise<Array<{ accountId: string; displayName: string; accountType: string; active: boolean }>> {
    if (accountIds.length === 0) return [];
    const values = await this.allPages((startAt) => {
      const q = new URLSearchParams({ startAt: String(startAt), maxResults: '100' });
      for (const id of accountIds) q.append('accountId', id);
      return route`/rest/api/3/user/bulk?${q}`;
    });
    // accountType `atlassian` is a person (`app`, `customer` are not staff); inactive accounts cannot hold work.
    return values.flatMap((u) =>
      typeof u['accountId'] === 'string'
        ? [
            {
              accountId: u['accountId'],
              displayName: typeof u['displayName'] === 'string' ? u['displayName'] : '',
              accountType: typeof u['accountType'] === 'string' ? u['accountType'] : 'atlassian',
              active: u['active'] !== false,
            },
          ]
        : [],
    );
  }

  /** Which of `names` are Jira groups (`GET /rest/api/3/group/bulk`, all pages); needs Browse users and groups. */
  async existingGroups(names: string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const values = await this.allPages((startAt) => {
      const q = new URLSearchParams({ startAt: String(startAt), maxResults: '50' });
      for (const n of names) q.append('groupName', n);
      return route`/rest/api/3/group/bulk?${q}`;
    });
    return values.flatMap((g) => (typeof g['name'] === 'string' ? [g['name']] : []));
  }

  /** A project's issue type names as the acting user sees it (`GET /rest/api/3/project/{key}`); undefined when not found. */
  async projectIssueTypes(projectKey: string): Promise<string[] | undefined> {
    try {
      const res = await this.send('GET', route`/rest/api/3/project/${projectKey}`);
      const types =
        isRecord(res.body) && Array.isArray(res.body['issueTypes']) ? res.body['issueTypes'].filter(isRecord) : [];
      return types.flatMap((t) => (typeof t['name'] === 'string' ? [t['name']] : []));
    } catch (e) {
      if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return undefined;
      throw e;
    }
  }

  // ----- people pickers — owned by src/app/people ---------------------------------------------------

  /**
   * Active users whose display name or email starts with `query` (`GET /rest/api/3/user/search`).
   * Jira answers an empty list to a caller without Browse users and groups, so as the caller this is
   * exactly what that person may see. `max` 1–1000 (Jira's default 50).
   */
  async searchUsers(query: string, max = 50): Promise<JiraDirectoryUser[]> {
    checkMax(max, 1000);
    const q = new URLSearchParams({ query, maxResults: String(max) });
    const path = route`/rest/api/3/user/search?${q}`;
    return directoryUsers(await this.send('GET', path), 'GET', path.value);
  }

  /**
   * Users who may be assigned issues in a project or one issue (`GET /rest/api/3/user/assignable/search`;
   * Jira needs one of `projectKey` / `issueKey`). Jira filters a page of `max` candidates, so fewer may come back.
   */
  async findAssignableUsers(options: {
    query?: string;
    projectKey?: string;
    issueKey?: string;
    max?: number;
  }): Promise<JiraDirectoryUser[]> {
    const max = options.max ?? 50;
    checkMax(max, 1000);
    if (options.projectKey === undefined && options.issueKey === undefined)
      throw new RangeError('findAssignableUsers needs projectKey or issueKey');
    // Jira refuses the call without `query` or `accountId` (400); an empty query asks for everyone.
    const q = new URLSearchParams({ query: options.query ?? '', maxResults: String(max) });
    if (options.issueKey !== undefined) q.set('issueKey', options.issueKey);
    else if (options.projectKey !== undefined) q.set('project', options.projectKey);
    const path = route`/rest/api/3/user/assignable/search?${q}`;
    return directoryUsers(await this.send('GET', path), 'GET', path.value);
  }

  /** Groups whose names contain `query`, any case (`GET /rest/api/3/groups/picker`); sorted by Jira. */
  async searchGroups(query: string, max = 20): Promise<JiraGroupSummary[]> {
    checkMax(max, 1000);
    const q = new URLSearchParams({ query, maxResults: String(max), caseInsensitive: 'true' });
    const path = route`/rest/api/3/groups/picker?${q}`;
    const res = await this.send('GET', path);
    if (!isRecord(res.body) || !Array.isArray(res.body['groups'])) {
      throw new JiraError({
        code: JiraErrorCode.Unexpected,
        status: res.status,
        method: 'GET',
        path: path.value,
        errorMessages: ['group search without groups'],
        attempts: res.attempts,
      });
    }
    return res.body['groups']
      .filter(isRecord)
      .flatMap((g) =>
        typeof g['name'] === 'string'
          ? [{ groupId: typeof g['groupId'] === 'string' ? g['groupId'] : null, name: g['name'] }]
          : [],
      );
  }

  /**
   * The active members of a group, every page (`GET /rest/api/3/group/member`, 50 a page, Jira's
   * cap). Needs Browse users and groups (or Administer Jira) of the actor; an unknown group is JIRA_NOT_FOUND.
   */
  async groupMembers(groupName: string): Promise<JiraDirectoryUser[]> {
    const values = await this.allPages((startAt) => {
      const q = new URLSearchParams({
        groupname: groupName,
        includeInactiveUsers: 'false',
        startAt: String(startAt),
        maxResults: String(GROUP_MEMBER_PAGE),
      });
      return route`/rest/api/3/group/member?${q}`;
    });
    return values.flatMap(directoryUser).filter((u) => u.active);
  }

  // ----- end of people pickers --------------------------------------------------------------------

  // ----- end of directory look-ups ---------------------------------------------------------------

  // ----- trust checks — owned by src/app/triage (who an issue may be handed to) -------------------

  /**
   * Whether `accountId` holds `permission` (e.g. BROWSE_PROJECTS) on the issue, by
   * `POST /rest/api/3/permissions/check`. Another user's permissions may be asked only by an admin or
   * an app, so call it on an app client; Jira ignores unknown issue ids (answers "no") and refuses an
   * unknown account with 400 (answered here as "no").
   */
  async userHasIssuePermission(accountId: string, issueId: string, permission: string): Promise<boolean> {
    let res: { body: unknown };
    try {
      res = await this.send('POST', route`/rest/api/3/permissions/check`, {
        accountId,
        projectPermissions: [{ permissions: [permission], issues: [Number(issueId)] }],
      });
    } catch (e) {
      if (e instanceof JiraError && e.status === 400) return false;
      throw e;
    }
    const grants =
      isRecord(res.body) && Array.isArray(res.body['projectPermissions'])
        ? res.body['projectPermissions'].filter(isRecord)
        : [];
    return grants.some(
      (g) =>
        g['permission'] === permission &&
        Array.isArray(g['issues']) &&
        g['issues'].map(String).includes(String(issueId)),
    );
  }

  // ----- end of trust checks ------------------------------------------------------------------------
}

/** A client acting as the app. */
/** A workflow rule as `POST /rest/api/3/workflows` answers it (parameters are strings). */
export interface WorkflowRuleDetails {
  ruleKey: string;
  parameters: Record<string, string>;
}

/** A workflow's transitions with their rules (conditions flattened from their groups). */
export interface WorkflowDetails {
  id: string;
  name: string;
  transitions: Array<{
    id: string;
    name: string;
    /** Name of the status it reaches. */
    toStatus: string;
    actions: WorkflowRuleDetails[];
    validators: WorkflowRuleDetails[];
    conditions: WorkflowRuleDetails[];
    transitionScreen?: WorkflowRuleDetails;
  }>;
}

export function jiraAsApp(options: Omit<JiraClientOptions, 'actor'> = {}): JiraClient {
  return new JiraClient({ ...options, actor: { kind: 'app' } });
}

/** A client acting as the invocation's user (the resolver's caller); there is no user in triggers and consumers. */
export function jiraAsUser(options: Omit<JiraClientOptions, 'actor'> = {}): JiraClient {
  return new JiraClient({ ...options, actor: { kind: 'user' } });
}

/** One link from an issue's `issuelinks`: the other issue, its status and the link type, as Jira renders them. */
export interface JiraIssueLink {
  id: string;
  typeName: string;
  /** Which side the other issue is on, seen from this issue. */
  direction: 'inward' | 'outward';
  key: string;
  summary: string;
  status: string | null;
}

/** Reads `fields.issuelinks`; links without an issue key are skipped. */
export function parseIssueLinks(raw: unknown): JiraIssueLink[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).flatMap((l) => {
    const outward = isRecord(l['outwardIssue']) ? l['outwardIssue'] : undefined;
    const other = outward ?? (isRecord(l['inwardIssue']) ? l['inwardIssue'] : undefined);
    if (!other || typeof other['key'] !== 'string') return [];
    const f = isRecord(other['fields']) ? other['fields'] : {};
    const status = isRecord(f['status']) && typeof f['status']['name'] === 'string' ? f['status']['name'] : null;
    return [
      {
        id: typeof l['id'] === 'string' ? l['id'] : '',
        typeName: isRecord(l['type']) && typeof l['type']['name'] === 'string' ? l['type']['name'] : '',
        direction: outward ? ('outward' as const) : ('inward' as const),
        key: other['key'],
        summary: typeof f['summary'] === 'string' ? f['summary'] : '',
        status,
      },
    ];
  });
}
