/**
 * An in-memory Jira Cloud, held to Jira's published OpenAPI spec.
 *
 * Every request is matched against the spec first: a route the spec does not have, a query parameter
 * of the wrong type or a body that breaks the operation's schema is recorded as a violation (and
 * answered as Jira would: 404 / 400), and `assertNoViolations()` — run after every test by
 * `setupAfterEnv.ts` — fails the test. The double's own answers are validated against the documented
 * response schema too, so tests never pass against a shape Jira does not send.
 *
 * State lives in `JiraModel` (seed it through `jira.model` or the helpers below); the JQL subset is in
 * `jql.ts`; spec matching and validation in `openapiIndex.ts`.
 */
import { evaluateExpressionRequest } from './jiraExpression/evaluateEndpoint';
import type { FailedExpressionEvent } from './jiraExpression/workflowRules';
import { createHash } from 'node:crypto';
import { type Actor, HARNESS_APP_ID, HARNESS_ENVIRONMENT_ID, type RoutedRequest } from './forgeRuntime';
import { isRecord, jsonResponse, sleepMs } from './http';
import {
  evaluate,
  type JqlContext,
  JqlRefusedError,
  JqlSyntaxError,
  JqlUnsupportedError,
  parseJql,
  sortIssues,
  validateQuery,
} from './jql';
import {
  APP_ACCOUNT_ID,
  type ChangeItem,
  type FieldDef,
  type IssueTypeSchemeState,
  JIRA_BASE_URL,
  jiraDateTime,
  JiraModel,
  type JiraProject,
  type JiraStatus,
  type JiraUser,
  KNOWN_PERMISSIONS,
  DOCUMENTED_RULE_KEYS,
  parseJiraDateTime,
  resolutionEffectOf,
  type SeedField,
  type SeedIssue,
  type SeedProject,
  type SeedUser,
  type ScreenState,
  type StoredComment,
  type StoredIssue,
  type WorkflowSchemeState,
  type WorkflowRule,
  type WorkflowState,
} from './jiraModel';
import type { OpenApiIndex, Operation } from './openapiIndex';

export type ViolationKind =
  | 'unknown-route'
  | 'method-not-allowed'
  | 'invalid-query'
  | 'invalid-request-body'
  | 'not-implemented'
  | 'invalid-response'
  | 'unsupported-jql'
  | 'unknown-user';

export interface JiraViolation {
  kind: ViolationKind;
  method: string;
  path: string;
  message: string;
}

export interface JiraCall {
  method: string;
  path: string;
  /** `METHOD /template` when the spec matched, else `METHOD /path`. */
  route: string;
  operationId: string | undefined;
  actor: 'app' | 'user';
  accountId: string | undefined;
  status: number;
  injected: boolean;
  body: unknown;
}

export interface FaultSpec {
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  body?: unknown;
  /** Only requests to this route (`METHOD /template`) or operationId; default every request. */
  route?: string;
}

interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An issue event Jira fires (the product events a trigger may receive), and who caused it. */
export interface JiraIssueEvent {
  eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:commented:issue';
  issueId: string;
  issueKey: string;
  /** Account of the caller whose request changed the issue (the app's account for `asApp()`). */
  causedBy: string;
  /** The app's own call caused it: delivered to the app's triggers with `selfGenerated: true`. */
  byApp: boolean;
  items: ChangeItem[];
  /** The comment an `avi:jira:commented:issue` is about. */
  commentId?: string;
}

interface Ctx {
  req: RoutedRequest;
  op: Operation;
  params: Record<string, string>;
  body: unknown;
  user: JiraUser;
  isApp: boolean;
}

type Handler = (ctx: Ctx) => Result;

/** Page cap for searches that ask for more than ids/keys (Jira returns fewer than `maxResults` then). */
export const SEARCH_PAGE_CAP_WITH_FIELDS = 100;
/** Page cap for id/key-only searches, as documented for `POST /rest/api/3/search/jql`. */
export const SEARCH_PAGE_CAP_IDS_ONLY = 5000;
/** Jira's limit on an entity property value (bytes of JSON). */
export const ISSUE_PROPERTY_MAX_BYTES = 32_768;

const GENERIC_STATUSES = new Set([401, 429, 500, 502, 503, 504]);

function errorBody(messages: string[], errors: Record<string, string> = {}): Record<string, unknown> {
  return { errorMessages: messages, errors };
}

function notFoundIssue(): Result {
  return { status: 404, body: errorBody(['Issue does not exist or you do not have permission to see it.']) };
}

/**
 * The body as the spec's schema can check it. assignIssue's schema is `User` (accountId: string), yet
 * its description documents `accountId: null` to unassign: that one documented null is not held against it.
 */
function bodyForSchema(operationId: string, body: unknown): unknown {
  if (operationId === 'assignIssue' && isRecord(body) && body['accountId'] === null)
    return Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'accountId'));
  return body;
}

/** Jira's cap on `GET /group/member` pages ("number should be between 1 and 50", platform-v3 getUsersFromGroup). */
export const GROUP_MEMBER_PAGE_CAP = 50;
/** Groups the picker returns without `maxResults`: Jira's `jira.ajax.autocomplete.limit`, 20 on a new site (the double's choice). */
export const GROUP_PICKER_DEFAULT_LIMIT = 20;
/** findUsers / findAssignableUsers look at users "up to the thousandth user" (platform-v3). */
export const USER_SEARCH_WINDOW = 1000;

/**
 * Whether a user matches a user-search `query`: the prefix of the display name, of a word in it, or of
 * the email address, any case (platform-v3 findUsers: "query=john matches … John Smith … johnson@…").
 * An empty query matches everyone (the double's choice).
 */
function matchesUserQuery(u: JiraUser, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const name = u.displayName.toLowerCase();
  return (
    name.startsWith(q) ||
    name.split(/\s+/).some((w) => w.startsWith(q)) ||
    (u.emailAddress ?? '').toLowerCase().startsWith(q)
  );
}

function splitList(values: unknown): string[] {
  const raw: unknown[] = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return raw
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export interface JiraDoubleOptions {
  specPath?: string;
  clock?: () => number;
}

/** `orderBy` values `GET /project/search` documents (platform-v3), without their `+`/`-` sign. */
const PROJECT_ORDER_BY = [
  'category',
  'key',
  'name',
  'owner',
  'issueCount',
  'lastIssueUpdatedDate',
  'archivedDate',
  'deletedDate',
];

export class JiraDouble {
  readonly model: JiraModel;
  readonly violations: JiraViolation[] = [];
  readonly calls: JiraCall[] = [];
  /**
   * The issue events Jira fires, in order, with who caused each (an app account = the app's own call,
   * so `selfGenerated` for its triggers): what `productEvents.emitFromJira` delivers.
   */
  readonly issueEvents: JiraIssueEvent[] = [];
  /** Delay added to every request (real timers; do not combine with fake timers). */
  latencyMs = 0;
  private faults: Array<{ remaining: number; spec: FaultSpec }> = [];
  private fixedNow: number | undefined;
  private readonly handlers: Record<string, Handler>;
  private specIndex: OpenApiIndex | undefined;
  private readonly specPath: string | undefined;

  constructor(options: JiraDoubleOptions = {}) {
    this.specPath = options.specPath;
    const clock = options.clock ?? ((): number => this.fixedNow ?? Date.now());
    this.model = new JiraModel(clock);
    this.handlers = {
      searchAndReconsileIssuesUsingJqlPost: (c) => this.search(c),
      getIssue: (c) => this.getIssue(c),
      editIssue: (c) => this.editIssue(c),
      createIssue: (c) => this.createIssue(c),
      linkIssues: (c) => this.linkIssues(c),
      getIssuePropertyKeys: (c) => this.getPropertyKeys(c),
      getIssueProperty: (c) => this.getProperty(c),
      setIssueProperty: (c) => this.setProperty(c),
      deleteIssueProperty: (c) => this.deleteProperty(c),
      getComments: (c) => this.getComments(c),
      getComment: (c) => this.getComment(c),
      addComment: (c) => this.addComment(c),
      getTransitions: (c) => this.getTransitions(c),
      doTransition: (c) => this.doTransition(c),
      updateMultipleCustomFieldValues: (c) => this.updateAppFieldValues(c),
      updateCustomFieldValue: (c) => this.updateAppFieldValue(c),
      getCurrentUser: (c) => this.myself(c),
      getMyPermissions: (c) => this.myPermissions(c),
      getBulkPermissions: (c) => this.bulkPermissions(c),
      getServerInfo: () => this.serverInfo(),
      getFields: () => this.fieldList(),
      notify: (c) => this.notify(c),
      // setup routes (site configuration)
      getIssueAllTypes: () => this.listIssueTypes(),
      createIssueType: (c) => this.createIssueType(c),
      searchProjects: (c) => this.searchProjects(c),
      getIssueTypeSchemeForProjects: (c) => this.issueTypeSchemesForProjects(c),
      getIssueTypeSchemesMapping: (c) => this.issueTypeSchemeMappings(c),
      addIssueTypesToIssueTypeScheme: (c) => this.addIssueTypesToScheme(c),
      search: (c) => this.searchStatuses(c),
      searchResolutions: (c) => this.searchResolutions(c),
      readWorkflows: (c) => this.readWorkflows(c),
      createWorkflows: (c) => this.createWorkflows(c),
      updateWorkflows: (c) => this.updateWorkflows(c),
      getWorkflowSchemeProjectAssociations: (c) => this.workflowSchemeAssociations(c),
      getAllWorkflowSchemes: (c) => this.listWorkflowSchemes(c),
      createWorkflowScheme: (c) => this.createWorkflowScheme(c),
      assignSchemeToProject: (c) => this.assignWorkflowScheme(c),
      getIssueTypeScreenSchemeProjectAssociations: (c) => this.issueTypeScreenSchemeAssociations(c),
      getIssueTypeScreenSchemeMappings: (c) => this.issueTypeScreenSchemeMappings(c),
      getScreenSchemes: (c) => this.screenSchemes(c),
      getScreens: (c) => this.screensList(c),
      getAllScreenTabs: (c) => this.screenTabs(c),
      getAllScreenTabFields: (c) => this.screenTabFieldList(c),
      addScreenTabField: (c) => this.addScreenTabField(c),
      // Forge app properties (src/app/closure publishes `itr-close` for the workflow rules' expressions)
      // Jira expressions (the platform double in ./jiraExpression; `user` is the caller)
      evaluateJSISJiraExpression: (c) => evaluateExpressionRequest(this.model, c.user, c.body),
      putForgeAppProperty: (c) => this.putAppProperty(c),
      deleteForgeAppProperty: (c) => this.deleteAppProperty(c),
      // directory look-ups (src/app/settings validates the admin's settings against Jira)
      bulkGetUsers: (c) => this.bulkUsers(c),
      bulkGetGroups: (c) => this.bulkGroups(c),
      getProject: (c) => this.getProject(c),
      // people pickers and assignment (src/app/people, src/app/escalation)
      findUsers: (c) => this.findUsers(c),
      findAssignableUsers: (c) => this.findAssignableUsers(c),
      findGroups: (c) => this.findGroups(c),
      getUsersFromGroup: (c) => this.groupMembers(c),
      assignIssue: (c) => this.assignIssue(c),
    };
  }

  /**
   * The OpenAPI index, loaded on the first Jira request (parsing the 2 MB spec and ajv cost about
   * 100 ms, which test files that never call Jira should not pay).
   */
  get spec(): OpenApiIndex {
    if (!this.specIndex) {
      const mod = require('./openapiIndex') as typeof import('./openapiIndex');
      this.specIndex = mod.OpenApiIndex.load(this.specPath);
    }
    return this.specIndex;
  }

  // ----- test-facing API -------------------------------------------------------------------------

  reset(): void {
    this.model.reset();
    this.violations.length = 0;
    this.calls.length = 0;
    this.issueEvents.length = 0;
    this.faults = [];
    this.latencyMs = 0;
    this.fixedNow = undefined;
    this.appProperties.clear();
    this.failedExpressions.length = 0;
  }

  /** Pins the double's clock (issue timestamps, `now()` in JQL). */
  setNow(at: Date | number | undefined): void {
    this.fixedNow = at === undefined ? undefined : typeof at === 'number' ? at : at.getTime();
  }

  seedUser(u: SeedUser): JiraUser {
    return this.model.seedUser(u);
  }

  seedProject(p: SeedProject): JiraProject {
    return this.model.seedProject(p);
  }

  defineField(f: SeedField): FieldDef {
    return this.model.defineField(f);
  }

  seedIssue(i: SeedIssue): StoredIssue {
    return this.model.seedIssue(i);
  }

  /** The stored issue (raw fields) for assertions; throws when absent. */
  issue(idOrKey: string): StoredIssue {
    const issue = this.model.findIssue(idOrKey);
    if (!issue) throw new Error(`[jira double] no issue ${idOrKey}`);
    return issue;
  }

  /** The next `count` requests (optionally only to `spec.route`) are answered with `spec`. */
  failNext(count: number, spec: FaultSpec): void {
    this.faults.push({ remaining: count, spec });
  }

  /** Requests so far, optionally only to one route (`METHOD /template`) or operationId. */
  requestCount(route?: string): number {
    return route === undefined
      ? this.calls.length
      : this.calls.filter((c) => c.route === route || c.operationId === route).length;
  }

  countsByRoute(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[c.route] = (out[c.route] ?? 0) + 1;
    return out;
  }

  /** Returns and clears the violations (for tests that provoke one on purpose). */
  takeViolations(): JiraViolation[] {
    return this.violations.splice(0, this.violations.length);
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.takeViolations().map((v) => `  - [${v.kind}] ${v.method} ${v.path}: ${v.message}`);
    throw new Error(`Jira double recorded ${lines.length} contract violation(s):\n${lines.join('\n')}`);
  }

  // ----- request pipeline ------------------------------------------------------------------------

  async handle(req: RoutedRequest): Promise<Response> {
    if (this.latencyMs > 0) await sleepMs(this.latencyMs);
    const fullPath = req.pathname + (req.query.toString() ? `?${req.query.toString()}` : '');
    const matched = this.spec.match(req.method, req.pathname);
    const record = (
      route: string,
      operationId: string | undefined,
      status: number,
      injected: boolean,
      body: unknown,
    ): void => {
      this.calls.push({
        method: req.method,
        path: fullPath,
        route,
        operationId,
        actor: req.actor.kind,
        accountId: req.actor.kind === 'user' ? req.actor.accountId : undefined,
        status,
        injected,
        body,
      });
    };
    let parsedBody: unknown;
    let bodyIsJson = true;
    try {
      parsedBody =
        req.bodyText === undefined || req.bodyText === '' ? undefined : (JSON.parse(req.bodyText) as unknown);
    } catch {
      bodyIsJson = false;
      parsedBody = req.bodyText;
    }

    if (matched.kind === 'no-path') {
      this.violate('unknown-route', req.method, fullPath, 'no such path in the Jira platform REST API spec');
      record(`${req.method} ${req.pathname}`, undefined, 404, false, parsedBody);
      return jsonResponse(
        404,
        errorBody([`[jira double] ${req.method} ${req.pathname} is not a Jira Cloud platform REST route`]),
      );
    }
    if (matched.kind === 'no-method') {
      this.violate(
        'method-not-allowed',
        req.method,
        fullPath,
        `spec allows ${matched.allowed.join(', ')} on ${matched.template}`,
      );
      record(`${req.method} ${matched.template}`, undefined, 405, false, parsedBody);
      return jsonResponse(405, errorBody([`[jira double] ${req.method} not allowed on ${matched.template}`]));
    }
    const { operation: op, pathParams } = matched.match;
    const route = `${op.method} ${op.template}`;

    const queryErrors = this.spec.validateQuery(op, req.query);
    const hasBody = parsedBody !== undefined;
    const bodyErrors = bodyIsJson
      ? this.spec.validateRequestBody(
          op,
          req.headers.get('content-type'),
          bodyForSchema(op.operationId, parsedBody),
          hasBody,
        )
      : ['request body is not valid JSON'];
    if (queryErrors.length > 0 || bodyErrors.length > 0) {
      if (queryErrors.length > 0) this.violate('invalid-query', req.method, fullPath, queryErrors.join('; '));
      if (bodyErrors.length > 0)
        this.violate('invalid-request-body', req.method, fullPath, `${op.operationId}: ${bodyErrors.join('; ')}`);
      record(route, op.operationId, 400, false, parsedBody);
      return jsonResponse(400, errorBody([...queryErrors, ...bodyErrors]));
    }

    const fault = this.takeFault(route, op.operationId);
    if (fault) {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      record(route, op.operationId, fault.status, true, parsedBody);
      return jsonResponse(fault.status, fault.body ?? errorBody([`[jira double] injected ${fault.status}`]), headers);
    }

    const handler = this.handlers[op.operationId];
    if (!handler) {
      this.violate(
        'not-implemented',
        req.method,
        fullPath,
        `${op.operationId} exists in the spec but the double does not implement it yet`,
      );
      record(route, op.operationId, 501, false, parsedBody);
      return jsonResponse(501, errorBody([`[jira double] ${op.operationId} is not implemented`]));
    }

    const user = this.actingUser(req.actor);
    let result: Result;
    if (!user) {
      const who = req.actor.kind === 'user' ? req.actor.accountId : undefined;
      if (who !== undefined)
        this.violate('unknown-user', req.method, fullPath, `asUser(${who}) but no such user was seeded`);
      result = {
        status: 401,
        body: errorBody(['You are not authenticated. Authentication required to perform this operation.']),
      };
    } else {
      result = handler({ req, op, params: pathParams, body: parsedBody, user, isApp: req.actor.kind === 'app' });
    }

    if (!GENERIC_STATUSES.has(result.status) || op.responses.has(String(result.status))) {
      const responseErrors = this.spec.validateResponse(op, result.status, result.body, result.body !== undefined);
      if (responseErrors.length > 0) {
        this.violate(
          'invalid-response',
          req.method,
          fullPath,
          `double answered outside the spec: ${responseErrors.join('; ')}`,
        );
      }
    }
    record(route, op.operationId, result.status, false, parsedBody);
    return result.body === undefined
      ? new Response(null, { status: result.status, headers: result.headers ?? {} })
      : jsonResponse(result.status, result.body, result.headers);
  }

  private violate(kind: ViolationKind, method: string, path: string, message: string): void {
    this.violations.push({ kind, method, path, message });
  }

  private takeFault(route: string, operationId: string): FaultSpec | undefined {
    const i = this.faults.findIndex(
      (f) => f.remaining > 0 && (f.spec.route === undefined || f.spec.route === route || f.spec.route === operationId),
    );
    const f = i >= 0 ? this.faults[i] : undefined;
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining === 0) this.faults.splice(i, 1);
    return f.spec;
  }

  private actingUser(actor: Actor): JiraUser | undefined {
    if (actor.kind === 'app') return this.model.users.get(APP_ACCOUNT_ID);
    return actor.accountId === undefined ? undefined : this.model.users.get(actor.accountId);
  }

  private visibleIssue(ctx: Ctx, idOrKey: string | undefined): StoredIssue | undefined {
    const issue = idOrKey === undefined ? undefined : this.model.findIssue(idOrKey);
    if (!issue) return undefined;
    const project = this.model.findProject(issue.projectKey);
    return project && this.model.canBrowse(ctx.user, project) ? issue : undefined;
  }

  private projectOf(issue: StoredIssue): JiraProject {
    const p = this.model.findProject(issue.projectKey);
    if (!p) throw new Error(`[jira double] issue ${issue.key} has no project`);
    return p;
  }

  private lacks(ctx: Ctx, issue: StoredIssue, permission: string): Result | undefined {
    if (this.model.hasProjectPermission(ctx.user, this.projectOf(issue), permission)) return undefined;
    return { status: 403, body: errorBody([`You do not have the ${permission} permission for issue ${issue.key}.`]) };
  }

  // ----- issue rendering -------------------------------------------------------------------------

  /** Field ids to render for a `fields` selection (`*all`, `*navigable`, ids, `-id` exclusions). */
  private selectFields(issue: StoredIssue, selection: string[]): string[] {
    const all = [...new Set([...this.model.fields.keys(), ...Object.keys(issue.fields)])];
    const included = new Set<string>();
    const excluded = new Set<string>();
    for (const s of selection) {
      if (s === '*all' || s === '*navigable') all.forEach((f) => included.add(f));
      else if (s.startsWith('-')) excluded.add(s.slice(1));
      else if (s !== 'id' && s !== 'key') included.add(s);
    }
    return [...included].filter((f) => !excluded.has(f) && this.model.fields.has(f));
  }

  private renderIssue(
    issue: StoredIssue,
    opts: { fields: string[]; properties: string[]; expand: string[]; viewer?: JiraUser },
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${JIRA_BASE_URL}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
    };
    const fields: Record<string, unknown> = {};
    const selected = this.selectFields(issue, opts.fields);
    for (const f of selected) fields[f] = this.model.renderField(issue, f);
    out['fields'] = fields;
    if (opts.properties.length > 0) {
      const props: Record<string, unknown> = {};
      for (const [k, v] of issue.properties)
        if (opts.properties.includes('*all') || opts.properties.includes(k)) props[k] = structuredClone(v);
      out['properties'] = props;
    }
    if (opts.expand.includes('names')) {
      out['names'] = Object.fromEntries(selected.map((f) => [f, this.model.fields.get(f)?.name ?? f]));
    }
    if (opts.expand.includes('transitions') && opts.viewer !== undefined)
      out['transitions'] = this.offeredTransitions(opts.viewer, issue);
    if (opts.expand.includes('changelog')) {
      const histories = [...issue.changelog].reverse().map((h) => ({
        id: h.id,
        author: this.model.userDetails(h.authorAccountId),
        created: h.created,
        items: h.items.map((i) => ({ ...i })),
      }));
      out['changelog'] = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
    }
    return out;
  }

  // ----- search ----------------------------------------------------------------------------------

  private search(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    const jql = typeof body['jql'] === 'string' ? body['jql'] : '';
    let query;
    try {
      query = parseJql(jql);
    } catch (e) {
      return this.jqlError(ctx, e);
    }
    if (!query.where) {
      return {
        status: 400,
        body: errorBody(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']),
      };
    }
    const jqlCtx: JqlContext = {
      now: new Date(this.model.now()),
      timeZone: ctx.isApp ? this.model.serverTimeZone : ctx.user.timeZone,
      currentAccountId: ctx.isApp ? undefined : ctx.user.accountId,
      resolveField: (name) => this.model.jqlField(name),
    };
    let hits: StoredIssue[];
    try {
      validateQuery(query, jqlCtx);
      const where = query.where;
      const visible = [...this.model.issues.values()].filter((i) => {
        const p = this.model.findProject(i.projectKey);
        return p !== undefined && this.model.canBrowse(ctx.user, p);
      });
      // `statusCategory` is derived from the status, so JQL sees it beside the stored fields.
      const views = visible.map((i) => ({
        issue: i,
        id: i.id,
        key: i.key,
        fields: { ...i.fields, statusCategory: this.model.renderField(i, 'statusCategory') },
      }));
      hits = sortIssues(
        views.filter((v) => evaluate(where, v, jqlCtx)),
        query.orderBy,
        jqlCtx,
      ).map((v) => v.issue);
    } catch (e) {
      return this.jqlError(ctx, e);
    }
    const fields = splitList(body['fields']);
    const properties = splitList(body['properties']);
    const expand = splitList(body['expand']);
    const idsOnly = fields.every((f) => f === 'id' || f === 'key') && properties.length === 0 && expand.length === 0;
    const cap = idsOnly ? SEARCH_PAGE_CAP_IDS_ONLY : SEARCH_PAGE_CAP_WITH_FIELDS;
    const requested = typeof body['maxResults'] === 'number' ? body['maxResults'] : 50;
    const pageSize = Math.max(1, Math.min(requested, cap));
    const jqlHash = createHash('sha1').update(jql).digest('hex').slice(0, 12);
    let offset = 0;
    if (typeof body['nextPageToken'] === 'string') {
      const decoded = decodeToken(body['nextPageToken']);
      if (!decoded || decoded.q !== jqlHash)
        return { status: 400, body: errorBody(['The provided next page token is invalid or expired.']) };
      offset = decoded.o;
    }
    const page = hits.slice(offset, offset + pageSize);
    const next = offset + page.length;
    const isLast = next >= hits.length;
    const issues = page.map((i) =>
      fields.length === 0 || (fields.length === 1 && fields[0] === 'id')
        ? { id: i.id }
        : this.renderIssue(i, { fields, properties, expand, viewer: ctx.user }),
    );
    return {
      status: 200,
      body: { issues, isLast, ...(isLast ? {} : { nextPageToken: encodeToken({ o: next, q: jqlHash }) }) },
    };
  }

  private jqlError(ctx: Ctx, e: unknown): Result {
    if (e instanceof JqlUnsupportedError) {
      this.violate('unsupported-jql', ctx.req.method, ctx.req.pathname, e.message);
      return { status: 400, body: errorBody([`[jira double] ${e.message}`]) };
    }
    if (e instanceof JqlRefusedError) return { status: 400, body: errorBody([e.message]) };
    if (e instanceof JqlSyntaxError) return { status: 400, body: errorBody([`Error in the JQL Query: ${e.message}`]) };
    throw e;
  }

  // ----- issues ----------------------------------------------------------------------------------

  private getIssue(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const q = ctx.req.query;
    const fields = q.getAll('fields').length > 0 ? splitList(q.getAll('fields')) : ['*all'];
    return {
      status: 200,
      body: this.renderIssue(issue, {
        fields,
        properties: splitList(q.getAll('properties')),
        expand: splitList(q.get('expand') ?? ''),
        viewer: ctx.user,
      }),
    };
  }

  /** Checks and converts a value for a field; an error message when Jira would reject it. */
  private coerce(
    def: FieldDef,
    value: unknown,
    forAppField: boolean,
  ): { ok: true; value: unknown } | { ok: false; message: string } {
    if (value === null) return { ok: true, value: null };
    const bad = (what: string): { ok: false; message: string } => ({
      ok: false,
      message: `Field '${def.id}' expects ${what}.`,
    });
    switch (def.type) {
      case 'string':
        if (typeof value !== 'string') return bad('a string');
        if (def.id === 'summary' && (value.trim() === '' || value.length > 255))
          return bad('a non-empty summary of at most 255 characters');
        return { ok: true, value };
      case 'adf':
        return isRecord(value) && value['type'] === 'doc' && value['version'] === 1 && Array.isArray(value['content'])
          ? { ok: true, value }
          : bad('an Atlassian Document Format document ({type:"doc", version:1, content:[…]})');
      case 'number':
        return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : bad('a number');
      case 'datetime': {
        const ms = typeof value === 'string' ? parseJiraDateTime(value) : NaN;
        if (Number.isNaN(ms)) return bad('an ISO-8601 datetime string, e.g. 2024-01-31T09:30:00.000+0000');
        // App field values: "the milliseconds part is ignored" (Jira REST docs).
        return { ok: true, value: jiraDateTime(forAppField ? Math.floor(ms / 1000) * 1000 : ms) };
      }
      case 'date':
        return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? { ok: true, value }
          : bad('a date yyyy-MM-dd');
      case 'user': {
        const accountId = isRecord(value) ? value['accountId'] : undefined;
        if (typeof accountId !== 'string') return bad('{accountId}');
        if (!this.model.users.has(accountId)) return { ok: false, message: `User '${accountId}' does not exist.` };
        return { ok: true, value: { accountId } };
      }
      case 'group':
        return isRecord(value) && (typeof value['name'] === 'string' || typeof value['groupId'] === 'string')
          ? { ok: true, value }
          : bad('{name} or {groupId}');
      case 'option':
        return isRecord(value) && (typeof value['value'] === 'string' || typeof value['id'] === 'string')
          ? { ok: true, value }
          : bad('{value} or {id}');
      case 'labels':
        return Array.isArray(value) && value.every((l) => typeof l === 'string' && !/\s/.test(l))
          ? { ok: true, value }
          : bad('an array of labels without spaces');
      case 'object':
        return typeof value === 'object' ? { ok: true, value: structuredClone(value) } : bad('a JSON object');
      case 'priority': {
        const p = isRecord(value)
          ? this.model.priorities.find((x) => x.id === value['id'] || x.name === value['name'])
          : undefined;
        return p ? { ok: true, value: { ...p } } : bad('an existing priority {name} or {id}');
      }
      default:
        return bad('nothing: it cannot be set');
    }
  }

  private changeItem(def: FieldDef, from: unknown, to: unknown): ChangeItem {
    const id = (v: unknown): string | null => {
      if (v === undefined || v === null) return null;
      if (isRecord(v))
        return typeof v['accountId'] === 'string' ? v['accountId'] : typeof v['id'] === 'string' ? v['id'] : null;
      return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
    };
    return {
      field: def.custom ? def.name : def.id,
      fieldId: def.id,
      fieldtype: def.custom ? 'custom' : 'jira',
      from: id(from),
      fromString: this.model.displayString(def.id, from),
      to: id(to),
      toString: this.model.displayString(def.id, to),
    };
  }

  /**
   * Applies `fields` (and `update` `set` operations) to an issue. All-or-nothing: any bad field → 400
   * with Jira's per-field error and nothing changed.
   */
  private applyFields(
    issue: StoredIssue,
    fields: Record<string, unknown>,
    author: JiraUser,
    opts: { creating: boolean; appField: boolean; collect?: ChangeItem[] },
  ): Result | undefined {
    const errors: Record<string, string> = {};
    const changes: Array<{ def: FieldDef; value: unknown }> = [];
    for (const [id, value] of Object.entries(fields)) {
      const def = this.model.fields.get(id);
      const settable =
        def !== undefined &&
        (opts.appField ? def.appOwned : def.editable || (opts.creating && (id === 'project' || id === 'issuetype')));
      if (!def || !settable) {
        errors[id] = def?.appOwned
          ? `Field '${id}' cannot be set. It is a read-only app field: use PUT/POST /rest/api/3/app/field/value.`
          : `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
        continue;
      }
      if (opts.creating && (id === 'project' || id === 'issuetype')) continue; // handled by createIssue
      const c = this.coerce(def, value, opts.appField);
      if (!c.ok) errors[id] = c.message;
      else if (id === 'assignee' && !opts.appField) {
        const refused = this.assigneeFieldRefusal(issue, author, c.value);
        if (refused !== undefined) errors[id] = refused;
        else changes.push({ def, value: c.value });
      } else changes.push({ def, value: c.value });
    }
    if (Object.keys(errors).length > 0) return { status: 400, body: errorBody([], errors) };
    const items: ChangeItem[] = [];
    for (const { def, value } of changes) {
      const before = issue.fields[def.id];
      if (JSON.stringify(before ?? null) === JSON.stringify(value)) continue;
      items.push(this.changeItem(def, before, value));
      issue.fields[def.id] = value;
    }
    // A transition logs its fields with the status change: one request, one changelog entry and event.
    if (opts.collect) opts.collect.push(...items);
    else this.touch(issue, author, items, !opts.creating);
    return undefined;
  }

  /**
   * The assignee through edit, create or a transition's fields: the field is offered only to a caller
   * with Assign Issues (Jira's screen rule), and only a user holding Assignable User in the issue's
   * project may take it (platform-v3 assignIssue; Jira's own message). `null` unassigns.
   */
  private assigneeFieldRefusal(issue: StoredIssue, author: JiraUser, value: unknown): string | undefined {
    if (!this.model.hasProjectPermission(author, this.projectOf(issue), 'ASSIGN_ISSUES'))
      return "Field 'assignee' cannot be set. It is not on the appropriate screen, or unknown.";
    const accountId = isRecord(value) && typeof value['accountId'] === 'string' ? value['accountId'] : null;
    return this.assigneeRefusal(issue, accountId);
  }

  /** Why `accountId` cannot be the issue's assignee (Jira's 400 text); undefined when it can, or when unassigning. */
  private assigneeRefusal(issue: StoredIssue, accountId: string | null): string | undefined {
    if (accountId === null) return undefined;
    const u = this.model.users.get(accountId);
    // platform-v3 assignIssue 400: "the user is not found"
    if (!u) return `User '${accountId}' does not exist.`;
    // platform-v3 findAssignableUsers / assignIssue: only holders of Assignable User (inactive users hold nothing)
    if (!this.model.hasProjectPermission(u, this.projectOf(issue), 'ASSIGNABLE_USER'))
      return `User '${u.displayName}' cannot be assigned issues.`;
    return undefined;
  }

  private touch(issue: StoredIssue, author: JiraUser, items: ChangeItem[], logChange: boolean): void {
    if (items.length === 0) return;
    const now = jiraDateTime(this.model.now());
    issue.fields['updated'] = now;
    if (logChange)
      issue.changelog.push({ id: this.model.newChangeId(), authorAccountId: author.accountId, created: now, items });
    // Jira fires avi:jira:updated:issue for every change, logged in the changelog or not (app fields).
    this.issueEvents.push({
      eventType: 'avi:jira:updated:issue',
      issueId: issue.id,
      issueKey: issue.key,
      causedBy: author.accountId,
      byApp: author.accountId === APP_ACCOUNT_ID,
      items: structuredClone(items),
    });
  }

  private updateOpsToFields(
    issue: StoredIssue,
    update: unknown,
  ): { fields: Record<string, unknown> } | { error: Result } {
    const fields: Record<string, unknown> = {};
    if (!isRecord(update)) return { fields };
    for (const [id, ops] of Object.entries(update)) {
      if (!Array.isArray(ops)) continue;
      let current: unknown = structuredClone(issue.fields[id] ?? null);
      for (const op of ops) {
        if (!isRecord(op)) continue;
        if ('set' in op) current = op['set'];
        else if ('add' in op && id === 'labels')
          current = [...(Array.isArray(current) ? (current as unknown[]) : []), op['add']];
        else if ('remove' in op && id === 'labels')
          current = (Array.isArray(current) ? current : []).filter((l) => l !== op['remove']);
        else
          return {
            error: {
              status: 400,
              body: errorBody([
                `[jira double] update operation ${Object.keys(op).join(',')} on ${id} is not supported`,
              ]),
            },
          };
      }
      fields[id] = current;
    }
    return { fields };
  }

  private editIssue(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const denied = this.lacks(ctx, issue, 'EDIT_ISSUES');
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const fromUpdate = this.updateOpsToFields(issue, body['update']);
    if ('error' in fromUpdate) return fromUpdate.error;
    const fields = { ...(isRecord(body['fields']) ? body['fields'] : {}), ...fromUpdate.fields };
    const failed = this.applyFields(issue, fields, ctx.user, { creating: false, appField: false });
    if (failed) return failed;
    this.storeProperties(issue, body['properties']);
    if (ctx.req.query.get('returnIssue') === 'true') {
      return { status: 200, body: this.renderIssue(issue, { fields: ['*all'], properties: [], expand: [] }) };
    }
    return { status: 204 };
  }

  private storeProperties(issue: StoredIssue, props: unknown): void {
    if (!Array.isArray(props)) return;
    for (const p of props)
      if (isRecord(p) && typeof p['key'] === 'string') issue.properties.set(p['key'], structuredClone(p['value']));
  }

  private createIssue(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    const fields = isRecord(body['fields']) ? body['fields'] : {};
    const projectRef = isRecord(fields['project']) ? fields['project'] : {};
    const projectId =
      typeof projectRef['key'] === 'string'
        ? projectRef['key']
        : typeof projectRef['id'] === 'string'
          ? projectRef['id']
          : undefined;
    const project = projectId === undefined ? undefined : this.model.findProject(projectId);
    const errors: Record<string, string> = {};
    if (!project || !this.model.canBrowse(ctx.user, project)) errors['project'] = 'Specify a valid project ID or key';
    const typeRef = isRecord(fields['issuetype']) ? fields['issuetype'] : {};
    const typeName =
      typeof typeRef['name'] === 'string'
        ? typeRef['name']
        : typeof typeRef['id'] === 'string'
          ? typeRef['id']
          : undefined;
    const issueType =
      typeName === undefined ? undefined : this.model.issueTypes.find((t) => t.id === typeName || t.name === typeName);
    if (!issueType) errors['issuetype'] = 'Specify an issue type';
    // An issue type the project's issue type scheme does not offer is refused like an unknown one
    // (platform-v3 createIssue 400 "Specify a valid issue type"; the scheme as `GET /project/{key}` lists it).
    else if (project && !this.projectIssueTypeIds(project.id).includes(issueType.id))
      errors['issuetype'] = 'Specify a valid issue type';
    if (typeof fields['summary'] !== 'string' || fields['summary'].trim() === '')
      errors['summary'] = 'You must specify a summary of the issue.';
    if (Object.keys(errors).length > 0 || !project || !issueType) return { status: 400, body: errorBody([], errors) };
    if (!this.model.hasProjectPermission(ctx.user, project, 'CREATE_ISSUES')) {
      return { status: 403, body: errorBody(['You do not have permission to create issues in this project.']) };
    }
    const key = this.model.nextKey(project.key);
    const issue = this.model.seedIssue({
      key,
      id: this.model.newIssueId(),
      issueType: issueType.name,
      summary: String(fields['summary']),
      reporter: ctx.user.accountId,
    });
    // A new issue starts where its workflow's initial transition leads.
    const initial = this.model.status(this.model.workflowOf(issue).initialStatus);
    issue.fields['status'] = { id: initial.id, name: initial.name };
    const failed = this.applyFields(issue, fields, ctx.user, { creating: true, appField: false });
    if (failed) {
      this.model.issues.delete(issue.id);
      return failed;
    }
    this.storeProperties(issue, body['properties']);
    this.issueEvents.push({
      eventType: 'avi:jira:created:issue',
      issueId: issue.id,
      issueKey: issue.key,
      causedBy: ctx.user.accountId,
      byApp: ctx.isApp,
      items: [],
    });
    return {
      status: 201,
      body: { id: issue.id, key: issue.key, self: `${JIRA_BASE_URL}/rest/api/3/issue/${issue.id}` },
    };
  }

  // ----- issue links (hand-off) -------------------------------------------------------------------

  /**
   * `POST /rest/api/3/issueLink`: both issues must be visible and the type known (by id or name); the
   * acting user needs LINK_ISSUES on the inward issue's project (the app holds every project permission).
   */
  private linkIssues(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    const ref = (v: unknown): string | undefined =>
      isRecord(v)
        ? typeof v['key'] === 'string'
          ? v['key']
          : typeof v['id'] === 'string'
            ? v['id']
            : undefined
        : undefined;
    const inward = this.visibleIssue(ctx, ref(body['inwardIssue']));
    const outward = this.visibleIssue(ctx, ref(body['outwardIssue']));
    if (!inward || !outward) return notFoundIssue();
    const t = isRecord(body['type']) ? body['type'] : {};
    const type = this.model.linkTypes.find((x) => x.id === t['id'] || x.name === t['name']);
    if (!type) return { status: 404, body: errorBody(['No issue link type with this name or ID.']) };
    if (!this.model.hasProjectPermission(ctx.user, this.projectOf(inward), 'LINK_ISSUES')) {
      return { status: 403, body: errorBody([`You do not have the LINK_ISSUES permission for issue ${inward.key}.`]) };
    }
    this.model.addLink(type.id, inward.id, outward.id);
    return { status: 201, body: {} };
  }

  // ----- Forge app properties (read by Jira expressions as `app.properties[key]`) ------------------

  /** Forge app properties by key; only the app may write them (Jira answers 403 to a user). */
  readonly appProperties = new Map<string, unknown>();
  /** `avi:jira:failed:expression` events Jira would send the app (workflow rules that failed to evaluate). */
  readonly failedExpressions: FailedExpressionEvent[] = [];

  private putAppProperty(ctx: Ctx): Result {
    if (!ctx.isApp) return { status: 403, body: errorBody(['Only the app can set its Forge app properties.']) };
    const key = ctx.params['propertyKey'] ?? '';
    const existed = this.appProperties.has(key);
    this.appProperties.set(key, structuredClone(ctx.body));
    return { status: existed ? 200 : 201, body: { message: 'Property saved', statusCode: existed ? 200 : 201 } };
  }

  private deleteAppProperty(ctx: Ctx): Result {
    if (!ctx.isApp) return { status: 403, body: errorBody(['Only the app can delete its Forge app properties.']) };
    if (!this.appProperties.delete(ctx.params['propertyKey'] ?? ''))
      return { status: 404, body: errorBody(['No such property.']) };
    return { status: 204 };
  }

  // ----- properties ------------------------------------------------------------------------------

  private getPropertyKeys(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const keys = [...issue.properties.keys()].map((key) => ({
      key,
      self: `${JIRA_BASE_URL}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
    }));
    return { status: 200, body: { keys } };
  }

  private getProperty(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    const key = ctx.params['propertyKey'] ?? '';
    if (!issue) return notFoundIssue();
    if (!issue.properties.has(key))
      return { status: 404, body: errorBody([`The property with key '${key}' does not exist.`]) };
    return { status: 200, body: { key, value: structuredClone(issue.properties.get(key)) } };
  }

  private setProperty(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    const key = ctx.params['propertyKey'] ?? '';
    if (!issue) return notFoundIssue();
    // Jira's spec (setIssueProperty): anyone with Browse projects and Edit issues may write any property,
    // the app's own keys included; so nothing a user can edit is app-owned state.
    const denied = this.lacks(ctx, issue, 'EDIT_ISSUES');
    if (denied) return denied;
    if (key.length > 255)
      return { status: 400, body: errorBody(['The property key cannot be longer than 255 characters.']) };
    const size = Buffer.byteLength(ctx.req.bodyText ?? '');
    if (size > ISSUE_PROPERTY_MAX_BYTES) {
      return {
        status: 400,
        body: errorBody([`The property value is ${size} bytes; the maximum is ${ISSUE_PROPERTY_MAX_BYTES}.`]),
      };
    }
    const existed = issue.properties.has(key);
    issue.properties.set(key, structuredClone(ctx.body));
    return { status: existed ? 200 : 201, body: {} };
  }

  private deleteProperty(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    const key = ctx.params['propertyKey'] ?? '';
    if (!issue || !issue.properties.has(key))
      return { status: 404, body: errorBody([`The property with key '${key}' does not exist.`]) };
    // Jira's spec (deleteIssueProperty): Browse projects and Edit issues; without them it answers 404.
    if (!this.model.hasProjectPermission(ctx.user, this.projectOf(issue), 'EDIT_ISSUES'))
      return { status: 404, body: errorBody([`The property with key '${key}' does not exist.`]) };
    issue.properties.delete(key);
    return { status: 204 };
  }

  // ----- comments --------------------------------------------------------------------------------

  private getComments(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const startAt = Number(ctx.req.query.get('startAt') ?? '0');
    const maxResults = Number(ctx.req.query.get('maxResults') ?? '5000');
    const comments = issue.comments.slice(startAt, startAt + maxResults).map((c) => this.model.renderComment(issue, c));
    return { status: 200, body: { startAt, maxResults, total: issue.comments.length, comments } };
  }

  /**
   * One comment (platform-v3 getComment, developer.atlassian.com/cloud/jira/platform/rest/v3/
   * api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-id-get): needs Browse projects
   * and, for a restricted comment, the group or role it is restricted to. Everything else is the spec's
   * 404 ("the issue or comment is not found or the user does not have permission to view the issue or
   * comment"). The double holds no project roles: a role-restricted comment is shown to project
   * administrators only (its choice).
   */
  private getComment(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const comment = issue.comments.find((c) => c.id === ctx.params['id']);
    if (comment === undefined || !this.maySeeComment(ctx.user, issue, comment))
      return { status: 404, body: errorBody([`Can not find a comment for the id: ${ctx.params['id'] ?? ''}.`]) };
    return { status: 200, body: this.model.renderComment(issue, comment) };
  }

  private maySeeComment(user: JiraUser, issue: StoredIssue, comment: StoredComment): boolean {
    const v = comment.visibility;
    if (!isRecord(v)) return true;
    if (v['type'] === 'group') return typeof v['value'] === 'string' ? user.groups.includes(v['value']) : false;
    return this.model.hasProjectPermission(user, this.projectOf(issue), 'ADMINISTER_PROJECTS');
  }

  private addComment(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    // Jira's spec (addComment) needs Add comments and documents no 403: a refusal is its 400 (the wording is the double's).
    if (!this.model.hasProjectPermission(ctx.user, this.projectOf(issue), 'ADD_COMMENTS')) {
      return { status: 400, body: errorBody([`You do not have the permission to comment on issue ${issue.key}.`]) };
    }
    const body = isRecord(ctx.body) ? ctx.body : {};
    const doc = body['body'];
    if (!(isRecord(doc) && doc['type'] === 'doc' && doc['version'] === 1 && Array.isArray(doc['content']))) {
      return {
        status: 400,
        body: errorBody([], { comment: 'Comment body must be an Atlassian Document Format document.' }),
      };
    }
    const comment = this.storeComment(issue, ctx.user, doc, body['visibility']);
    return { status: 201, body: this.model.renderComment(issue, comment) };
  }

  private storeComment(issue: StoredIssue, author: JiraUser, doc: unknown, visibility: unknown): StoredComment {
    const now = jiraDateTime(this.model.now());
    const comment = {
      id: this.model.newCommentId(),
      authorAccountId: author.accountId,
      body: structuredClone(doc),
      created: now,
      updated: now,
      visibility,
    };
    issue.comments.push(comment);
    issue.fields['updated'] = now;
    // Jira fires avi:jira:commented:issue for every comment added, alone or with a transition
    // (forge-docs: events-reference/jira, comment events and "Comment on issue").
    this.issueEvents.push({
      eventType: 'avi:jira:commented:issue',
      issueId: issue.id,
      issueKey: issue.key,
      causedBy: author.accountId,
      byApp: author.accountId === APP_ACCOUNT_ID,
      items: [],
      commentId: comment.id,
    });
    return comment;
  }

  /**
   * A transition's `update.comment`: only `add` of an ADF body (platform-v3 doTransition's own example
   * request), which Jira takes with or without a transition screen; any other comment operation is refused.
   */
  private transitionComments(
    ops: unknown,
  ): { adds: Array<{ body: unknown; visibility: unknown }> } | { error: Result } {
    if (ops === undefined) return { adds: [] };
    const adds: Array<{ body: unknown; visibility: unknown }> = [];
    for (const op of Array.isArray(ops) ? ops : [ops]) {
      const add = isRecord(op) && Object.keys(op).length === 1 && isRecord(op['add']) ? op['add'] : undefined;
      if (!add)
        return {
          error: {
            status: 400,
            body: errorBody([
              `[jira double] update operation ${isRecord(op) ? Object.keys(op).join(',') : typeof op} on comment is not supported (only add)`,
            ]),
          },
        };
      const doc = add['body'];
      if (!(isRecord(doc) && doc['type'] === 'doc' && doc['version'] === 1 && Array.isArray(doc['content']))) {
        return {
          error: {
            status: 400,
            body: errorBody([], { comment: 'Comment body must be an Atlassian Document Format document.' }),
          },
        };
      }
      adds.push({ body: doc, visibility: add['visibility'] });
    }
    return { adds };
  }

  // ----- transitions -----------------------------------------------------------------------------

  private getTransitions(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    // "if the user does not have the Transition issues project permission the response will not list any transitions"
    const wanted = ctx.req.query.get('transitionId');
    const transitions = this.offeredTransitions(ctx.user, issue).filter((t) => wanted === null || t['id'] === wanted);
    return { status: 200, body: { expand: 'transitions', transitions } };
  }

  /**
   * The transitions `user` may perform on the issue now (`IssueTransition`), as `GET …/transitions` and
   * an issue's `expand=transitions` (issue and search: platform-v3 `expand` of both) list them.
   */
  private offeredTransitions(user: JiraUser, issue: StoredIssue): Array<Record<string, unknown>> {
    // "if the user does not have the Transition issues project permission the response will not list any transitions"
    const project = this.model.findProject(issue.projectKey);
    const mayTransition = project !== undefined && this.model.hasProjectPermission(user, project, 'TRANSITION_ISSUES');
    return (mayTransition ? this.model.availableTransitions(issue) : []).map((t) => ({
      id: t.id,
      name: t.name,
      to: this.model.statusDetails(t.to),
      hasScreen: t.screenFieldIds !== undefined,
      isGlobal: t.from === undefined,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
  }

  /**
   * `POST /issue/{id}/transitions`, run by the issue's own workflow (`JiraModel.workflowOf`): only a
   * transition that workflow offers from the current status; fields only from its screen; Resolution
   * set or cleared only by its post functions (`system:update-field`) or its screen. Moving into a
   * Done-category status sets nothing by itself, as on a company-managed site.
   */
  private doTransition(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const denied = this.lacks(ctx, issue, 'TRANSITION_ISSUES');
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const tRef = isRecord(body['transition']) ? body['transition'] : {};
    // spec, doTransition 400: "no transition is specified" / a transition the workflow does not offer here
    if (tRef['id'] === undefined) return { status: 400, body: errorBody(['A transition must be specified.']) };
    const t = this.model.availableTransitions(issue).find((x) => x.id === String(tRef['id']));
    if (!t)
      return { status: 400, body: errorBody([`Transition id '${String(tRef['id'])}' is not valid for this issue.`]) };
    const { comment: commentOps, ...fieldUpdates } = isRecord(body['update']) ? body['update'] : {};
    const comments = this.transitionComments(commentOps);
    if ('error' in comments) return comments.error;
    // A comment needs Add Comments like POST /comment (refused there with 400, the spec documents no 403).
    if (comments.adds.length > 0 && !this.model.hasProjectPermission(ctx.user, this.projectOf(issue), 'ADD_COMMENTS')) {
      return { status: 400, body: errorBody([`You do not have the permission to comment on issue ${issue.key}.`]) };
    }
    const fromUpdate = this.updateOpsToFields(issue, fieldUpdates);
    if ('error' in fromUpdate) return fromUpdate.error;
    const fieldsIn = isRecord(body['fields']) ? body['fields'] : {};
    // spec, doTransition 400: "a field is specified in both fields and update"
    const twice = Object.keys(fieldsIn).filter((f) => f in fromUpdate.fields);
    if (twice.length > 0)
      return {
        status: 400,
        body: errorBody(
          [],
          Object.fromEntries(twice.map((f) => [f, `Field '${f}' is specified in both fields and update.`])),
        ),
      };
    const requested = { ...fieldsIn, ...fromUpdate.fields };
    // spec, doTransition 400: "a field that isn't included on the transition screen is defined in fields or update"
    const offScreen = Object.keys(requested).filter((f) => !(t.screenFieldIds ?? []).includes(f));
    if (offScreen.length > 0) {
      return {
        status: 400,
        body: errorBody(
          [],
          Object.fromEntries(
            offScreen.map((f) => [f, `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`]),
          ),
        ),
      };
    }
    const { resolution: resolutionIn, ...others } = requested;
    let screenResolution: { id: string; name: string } | undefined;
    if (resolutionIn !== undefined) {
      screenResolution = this.model.resolutions.find(
        (r) => isRecord(resolutionIn) && (r.id === resolutionIn['id'] || r.name === resolutionIn['name']),
      );
      if (!screenResolution)
        return {
          status: 400,
          body: errorBody([], { resolution: 'Specify a valid resolution (an existing {id} or {name}).' }),
        };
    }
    const items: ChangeItem[] = [];
    const failed = this.applyFields(issue, others, ctx.user, { creating: false, appField: false, collect: items });
    if (failed) return failed;
    const now = jiraDateTime(this.model.now());
    const categoryBefore = this.model.statusCategoryOf(issue);
    const to = this.model.status(t.to);
    const before = issue.fields['status'];
    const after = { id: to.id, name: to.name };
    issue.fields['status'] = after;
    const statusDef = this.model.fields.get('status');
    if (statusDef) items.push(this.changeItem(statusDef, before, after));
    if (to.category !== categoryBefore) issue.fields['statuscategorychangedate'] = now;
    // Post functions run after the screen's values (Jira's order): the workflow's rule has the last word.
    const effect = resolutionEffectOf(t.actions);
    let resolution: { id: string; name: string } | null | undefined = screenResolution;
    if (effect?.kind === 'clear') resolution = null;
    if (effect?.kind === 'set') resolution = this.model.resolutions.find((r) => r.id === effect.resolutionId);
    if (resolution !== undefined) {
      const was = issue.fields['resolution'] ?? null;
      const resolutionDef = this.model.fields.get('resolution');
      if (JSON.stringify(was) !== JSON.stringify(resolution) && resolutionDef)
        items.push(this.changeItem(resolutionDef, was, resolution));
      issue.fields['resolution'] = resolution === null ? null : { ...resolution };
      // `resolutiondate` follows Resolution: set when it becomes set, emptied when it is cleared.
      if (resolution === null) issue.fields['resolutiondate'] = null;
      else if (was === null) issue.fields['resolutiondate'] = now;
    }
    this.touch(issue, ctx.user, items, true);
    for (const c of comments.adds) this.storeComment(issue, ctx.user, c.body, c.visibility);
    return { status: 204 };
  }

  // ----- app fields ------------------------------------------------------------------------------

  private applyAppFieldUpdates(
    ctx: Ctx,
    updates: Array<{ fieldId: string; issueIds: unknown[]; value: unknown }>,
  ): Result {
    if (!ctx.isApp)
      return { status: 403, body: errorBody(['Only the app that owns the custom field can update its values.']) };
    const plan: Array<{ issue: StoredIssue; def: FieldDef; value: unknown }> = [];
    const seen = new Set<string>();
    for (const u of updates) {
      const def = this.model.fields.get(u.fieldId);
      if (!def || !def.custom)
        return { status: 404, body: errorBody([`The custom field ${u.fieldId} was not found.`]) };
      if (!def.appOwned)
        return { status: 403, body: errorBody([`The custom field ${u.fieldId} is not owned by this app.`]) };
      const c = this.coerce(def, u.value, true);
      if (!c.ok) return { status: 400, body: errorBody([c.message]) };
      for (const rawId of u.issueIds) {
        const issue = this.model.findIssue(String(rawId));
        if (!issue) return { status: 404, body: errorBody([`Issue ${String(rawId)} was not found.`]) };
        const pair = `${def.id}/${issue.id}`;
        if (seen.has(pair))
          return { status: 400, body: errorBody([`Duplicate update of ${def.id} on issue ${issue.id}.`]) };
        seen.add(pair);
        plan.push({ issue, def, value: c.value });
      }
    }
    const changelog = ctx.req.query.get('generateChangelog') !== 'false';
    for (const { issue, def, value } of plan) {
      const before = issue.fields[def.id];
      if (JSON.stringify(before ?? null) === JSON.stringify(value)) continue;
      issue.fields[def.id] = value;
      this.touch(issue, ctx.user, [this.changeItem(def, before, value)], changelog);
    }
    return { status: 204 };
  }

  private updateAppFieldValues(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    const updates = Array.isArray(body['updates']) ? body['updates'] : [];
    return this.applyAppFieldUpdates(
      ctx,
      updates.filter(isRecord).map((u) => ({
        fieldId: String(u['customField']),
        issueIds: Array.isArray(u['issueIds']) ? u['issueIds'] : [],
        value: u['value'],
      })),
    );
  }

  private updateAppFieldValue(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    const updates = Array.isArray(body['updates']) ? body['updates'] : [];
    const fieldId = ctx.params['fieldIdOrKey'] ?? '';
    return this.applyAppFieldUpdates(
      ctx,
      updates
        .filter(isRecord)
        .map((u) => ({ fieldId, issueIds: Array.isArray(u['issueIds']) ? u['issueIds'] : [], value: u['value'] })),
    );
  }

  // ----- fields -----------------------------------------------------------------------------------

  /**
   * Custom fields as `GET /rest/api/3/field` lists them. A Forge app field's `schema.custom` is its
   * extension ARI ending in `/static/<module key>`: that is how the app finds its own field ids.
   */
  private fieldList(): Result {
    const body = [...this.model.fields.values()].map((f) => {
      const base = {
        id: f.id,
        key: f.id,
        name: f.name,
        custom: f.custom,
        navigable: true,
        orderable: true,
        searchable: true,
      };
      if (!f.custom) return { ...base, clauseNames: [f.id], schema: { type: f.type, system: f.id } };
      const customId = Number(f.id.slice('customfield_'.length));
      const custom =
        f.forgeModuleKey === undefined
          ? `com.atlassian.jira.plugin.system.customfieldtypes:${f.type}`
          : `ari:cloud:ecosystem::extension/${f.forgeOwner?.appId ?? HARNESS_APP_ID}/${f.forgeOwner?.environmentId ?? HARNESS_ENVIRONMENT_ID}/static/${f.forgeModuleKey}`;
      return { ...base, clauseNames: [`cf[${customId}]`, f.name], schema: { type: f.type, custom, customId } };
    });
    return { status: 200, body };
  }

  // ----- users and permissions -------------------------------------------------------------------

  private myself(ctx: Ctx): Result {
    const u = ctx.user;
    const expand = splitList(ctx.req.query.get('expand') ?? '');
    const body: Record<string, unknown> = {
      ...this.model.userDetails(u.accountId),
      locale: u.locale,
      expand: 'groups,applicationRoles',
    };
    delete body['key'];
    if (expand.includes('groups'))
      body['groups'] = { size: u.groups.length, items: u.groups.map((name) => ({ name })) };
    if (expand.includes('applicationRoles')) body['applicationRoles'] = { size: 0, items: [] };
    return { status: 200, body };
  }

  private permissionEntry(key: string, have: boolean): Record<string, unknown> {
    return {
      id: key,
      key,
      name: key,
      type: KNOWN_PERMISSIONS[key] ?? 'PROJECT',
      description: key,
      havePermission: have,
    };
  }

  private myPermissions(ctx: Ctx): Result {
    const q = ctx.req.query;
    const wanted = splitList(q.get('permissions') ?? '');
    if (wanted.length === 0) return { status: 400, body: errorBody(['The permissions query parameter is required.']) };
    const unknown = wanted.filter((p) => KNOWN_PERMISSIONS[p] === undefined);
    if (unknown.length > 0)
      return { status: 400, body: errorBody([`Unrecognized permission(s): ${unknown.join(', ')}`]) };
    let project: JiraProject | undefined;
    const issueRef = q.get('issueKey') ?? q.get('issueId');
    const projectRef = q.get('projectKey') ?? q.get('projectId');
    if (issueRef !== null) {
      const issue = this.visibleIssue(ctx, issueRef);
      if (!issue) return { status: 404, body: errorBody([`Issue ${issueRef} not found.`]) };
      project = this.projectOf(issue);
    } else if (projectRef !== null) {
      project = this.model.findProject(projectRef);
      if (!project) return { status: 404, body: errorBody([`Project ${projectRef} not found.`]) };
    }
    const global = this.model.globalPermissionsOf(ctx.user);
    const permissions: Record<string, unknown> = {};
    for (const p of wanted) {
      const have =
        KNOWN_PERMISSIONS[p] === 'GLOBAL'
          ? global.includes(p)
          : project
            ? this.model.hasProjectPermission(ctx.user, project, p)
            : [...this.model.projects.values()].some((pr) => this.model.hasProjectPermission(ctx.user, pr, p));
      permissions[p] = this.permissionEntry(p, have);
    }
    return { status: 200, body: { permissions } };
  }

  private bulkPermissions(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    let subject = ctx.user;
    if (typeof body['accountId'] === 'string') {
      if (!ctx.isApp && !this.model.globalPermissionsOf(ctx.user).includes('ADMINISTER')) {
        return { status: 403, body: errorBody(['Only administrators and apps can check another user’s permissions.']) };
      }
      const other = this.model.users.get(body['accountId']);
      if (!other) return { status: 400, body: errorBody([`User ${body['accountId']} does not exist.`]) };
      subject = other;
    }
    const globalWanted = splitList(body['globalPermissions']);
    const globalHave = this.model.globalPermissionsOf(subject);
    const projectPermissions: Array<Record<string, unknown>> = [];
    for (const entry of Array.isArray(body['projectPermissions']) ? body['projectPermissions'] : []) {
      if (!isRecord(entry)) continue;
      const projectIds = (Array.isArray(entry['projects']) ? entry['projects'] : []).map(String);
      const issueIds = (Array.isArray(entry['issues']) ? entry['issues'] : []).map(String);
      for (const permission of splitList(entry['permissions'])) {
        const projects = projectIds.filter((id) => {
          const p = this.model.findProject(id);
          return p !== undefined && this.model.hasProjectPermission(subject, p, permission);
        });
        const issues = issueIds.filter((id) => {
          const i = this.model.findIssue(id);
          return i !== undefined && this.model.hasProjectPermission(subject, this.projectOf(i), permission);
        });
        projectPermissions.push({ permission, projects: projects.map(Number), issues: issues.map(Number) });
      }
    }
    return {
      status: 200,
      body: { globalPermissions: globalWanted.filter((p) => globalHave.includes(p)), projectPermissions },
    };
  }

  private serverInfo(): Result {
    return {
      status: 200,
      body: {
        baseUrl: JIRA_BASE_URL,
        displayUrl: JIRA_BASE_URL,
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100000,
        buildDate: '2025-09-01T00:00:00.000+0000',
        serverTime: jiraDateTime(this.model.now()),
        scmInfo: 'harness',
        serverTitle: 'ITR harness Jira',
        serverTimeZone: this.model.serverTimeZone,
      },
    };
  }

  private notify(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    this.model.notifications.push({
      issueKey: issue.key,
      actorAccountId: ctx.user.accountId,
      body: structuredClone(ctx.body),
    });
    return { status: 204 };
  }
  // ----- site configuration (setup routes: issue types, schemes, workflows, screens) -------------

  private notAdmin(ctx: Ctx): Result | undefined {
    if (this.model.globalPermissionsOf(ctx.user).includes('ADMINISTER')) return undefined;
    return { status: 403, body: errorBody(['You do not have the Administer Jira global permission.']) };
  }

  /** A `PageBean` of `values`, paged by `startAt`/`maxResults` as Jira does. */
  /** One page of `values`; `cap`: the most `maxResults` an operation documents (a larger one is read as it). */
  private page(ctx: Ctx, values: unknown[], defaultMax = 50, cap = Number.POSITIVE_INFINITY): Result {
    const startAt = Number(ctx.req.query.get('startAt') ?? '0');
    const maxResults = Math.min(Number(ctx.req.query.get('maxResults') ?? String(defaultMax)), cap);
    const slice = values.slice(startAt, startAt + maxResults);
    return {
      status: 200,
      body: {
        startAt,
        maxResults,
        total: values.length,
        isLast: startAt + slice.length >= values.length,
        values: slice,
      },
    };
  }

  private issueTypeDetails(t: { id: string; name: string; description?: string }): Record<string, unknown> {
    return {
      self: `${JIRA_BASE_URL}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      name: t.name,
      description: t.description ?? '',
      iconUrl: `${JIRA_BASE_URL}/images/icons/issuetypes/task.svg`,
      subtask: false,
      hierarchyLevel: 0,
      avatarId: 10318,
    };
  }

  private listIssueTypes(): Result {
    return { status: 200, body: this.model.issueTypes.map((t) => this.issueTypeDetails(t)) };
  }

  private createIssueType(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const name = typeof body['name'] === 'string' ? body['name'].trim() : '';
    if (name === '' || name.length > 60)
      return { status: 400, body: errorBody([], { name: 'The issue type name must be 1–60 characters.' }) };
    if (this.model.issueTypes.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      return { status: 409, body: errorBody(['An issue type with this name already exists.']) };
    }
    const t = {
      id: String(10001 + this.model.issueTypes.length),
      name,
      description: typeof body['description'] === 'string' ? body['description'] : '',
    };
    this.model.issueTypes.push(t);
    return { status: 201, body: this.issueTypeDetails(t) };
  }

  private renderProject(p: JiraProject): Record<string, unknown> {
    const nextGen = this.model.site.teamManaged.has(p.id);
    return {
      self: `${JIRA_BASE_URL}/rest/api/3/project/${p.id}`,
      id: p.id,
      key: p.key,
      name: p.name,
      projectTypeKey: 'service_desk',
      simplified: nextGen,
      style: nextGen ? 'next-gen' : 'classic',
      isPrivate: false,
    };
  }

  /** `GET /user/bulk`: the known users among `accountId`s; unknown ids are left out, as Jira does. */
  private bulkUsers(ctx: Ctx): Result {
    const ids = ctx.req.query.getAll('accountId');
    if (ids.length === 0) return { status: 400, body: errorBody(['At least one accountId is required.']) };
    return this.page(
      ctx,
      ids.filter((id) => this.model.users.has(id)).map((id) => this.model.userDetails(id)),
      10,
    );
  }

  /**
   * `GET /group/bulk`: the named groups that exist (a group exists here when a seeded user is in it, or `seedGroup`);
   * needs Browse users and groups, which only administrators hold in this double.
   */
  private bulkGroups(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    // Group names match without regard to case; the answer spells them as Jira stores them.
    const known = new Map(this.model.groupNames().map((g) => [g.toLowerCase(), g]));
    const names = [...new Set(ctx.req.query.getAll('groupName').flatMap((n) => known.get(n.toLowerCase()) ?? []))];
    return this.page(
      ctx,
      names.map((name) => ({ name, groupId: this.model.groupIdOf(name) })),
    );
  }

  /**
   * `GET /project/{key}`: 404 unless the caller may browse it; `issueTypes` from its issue type scheme
   * (the default scheme, and any team-managed project, offer every issue type).
   */
  private getProject(ctx: Ctx): Result {
    const p = this.model.findProject(ctx.params['projectIdOrKey'] ?? '');
    if (!p || !this.model.canBrowse(ctx.user, p))
      return { status: 404, body: errorBody(['No project could be found with this key.']) };
    const ids = this.projectIssueTypeIds(p.id);
    const issueTypes = this.model.issueTypes.filter((t) => ids.includes(t.id)).map((t) => this.issueTypeDetails(t));
    return { status: 200, body: { ...this.renderProject(p), issueTypes } };
  }

  // ----- people pickers and assignment ----------------------------------------------------------

  /** Every seeded user in a stable order (display name), as the directory look-ups walk them. */
  private directory(): JiraUser[] {
    return [...this.model.users.values()].sort(
      (a, b) => a.displayName.localeCompare(b.displayName) || a.accountId.localeCompare(b.accountId),
    );
  }

  private userPage(ctx: Ctx, users: JiraUser[]): JiraUser[] {
    const startAt = Number(ctx.req.query.get('startAt') ?? '0');
    const maxResults = Number(ctx.req.query.get('maxResults') ?? '50');
    return users.slice(0, USER_SEARCH_WINDOW).slice(startAt, startAt + maxResults);
  }

  /**
   * `GET /user/search` (findUsers): active users matching `query` (or exactly `accountId`). platform-v3:
   * "calls by users without the required permission [Browse users and groups] return empty search results".
   */
  private findUsers(ctx: Ctx): Result {
    const q = ctx.req.query;
    const query = q.get('query');
    const accountId = q.get('accountId');
    // platform-v3 findUsers 400: "accountId, query or property is missing" / "query and accountId are provided"
    if (query === null && accountId === null && q.get('property') === null)
      return { status: 400, body: errorBody(['One of query, accountId or property must be given.']) };
    if (query !== null && accountId !== null)
      return { status: 400, body: errorBody(['query and accountId cannot be used together.']) };
    if (q.get('property') !== null) {
      this.violate(
        'not-implemented',
        ctx.req.method,
        ctx.req.pathname,
        'findUsers by property is not implemented by the double',
      );
      return { status: 501, body: errorBody(['[jira double] findUsers by property is not implemented']) };
    }
    if (!this.model.globalPermissionsOf(ctx.user).includes('USER_PICKER')) return { status: 200, body: [] };
    const matches = this.directory().filter(
      (u) => u.active && (accountId !== null ? u.accountId === accountId : matchesUserQuery(u, query ?? '')),
    );
    return { status: 200, body: this.userPage(ctx, matches).map((u) => this.model.userDetails(u.accountId)) };
  }

  /**
   * `GET /user/assignable/search` (findAssignableUsers): of the users in the requested range, those who
   * hold Assignable User in the project (or the issue's project) — so fewer than `maxResults` may come back,
   * as platform-v3 says. The caller needs Browse users and groups or Assign Issues there; the spec
   * documents no 403, so a caller with neither gets an empty list (the double's choice).
   */
  private findAssignableUsers(ctx: Ctx): Result {
    const q = ctx.req.query;
    const query = q.get('query');
    const accountId = q.get('accountId');
    const issueRef = q.get('issueKey') ?? q.get('issueId');
    const projectRef = q.get('project');
    // platform-v3 findAssignableUsers 400: none of issueKey, issueId, project / query or accountId missing / both given
    if (issueRef === null && projectRef === null)
      return { status: 400, body: errorBody(['One of issueKey, issueId or project must be given.']) };
    if (query === null && accountId === null)
      return { status: 400, body: errorBody(['One of query or accountId must be given.']) };
    if (query !== null && accountId !== null)
      return { status: 400, body: errorBody(['query and accountId cannot be used together.']) };
    let project: JiraProject | undefined;
    if (issueRef !== null) {
      const issue = this.visibleIssue(ctx, issueRef);
      // platform-v3 findAssignableUsers 404: "the project, issue, or transition is not found"
      if (!issue) return notFoundIssue();
      project = this.projectOf(issue);
    } else {
      project = this.model.findProject(projectRef ?? '');
      if (!project || !this.model.canBrowse(ctx.user, project))
        return { status: 404, body: errorBody([`No project could be found with key '${projectRef ?? ''}'.`]) };
    }
    const inProject = project;
    if (
      !this.model.globalPermissionsOf(ctx.user).includes('USER_PICKER') &&
      !this.model.hasProjectPermission(ctx.user, inProject, 'ASSIGN_ISSUES')
    )
      return { status: 200, body: [] };
    const range = this.userPage(
      ctx,
      this.directory().filter(
        (u) => u.active && (accountId !== null ? u.accountId === accountId : matchesUserQuery(u, query ?? '')),
      ),
    );
    const assignable = range.filter((u) => this.model.hasProjectPermission(u, inProject, 'ASSIGNABLE_USER'));
    return { status: 200, body: assignable.map((u) => this.model.userDetails(u.accountId)) };
  }

  /**
   * `GET /groups/picker` (findGroups): groups whose names contain `query`, sorted. platform-v3: without
   * Browse projects the list is empty; without Browse users and groups only an exact name is found.
   */
  private findGroups(ctx: Ctx): Result {
    const q = ctx.req.query;
    const query = q.get('query') ?? '';
    const norm = (v: string): string => (q.get('caseInsensitive') === 'true' ? v.toLowerCase() : v);
    const excluded = new Set(q.getAll('exclude').flatMap((v) => v.split('&')));
    const excludedIds = new Set(q.getAll('excludeId').flatMap((v) => v.split('&')));
    const browsesSomewhere = [...this.model.projects.values()].some((p) =>
      this.model.hasProjectPermission(ctx.user, p, 'BROWSE_PROJECTS'),
    );
    const browsesDirectory = this.model.globalPermissionsOf(ctx.user).includes('USER_PICKER');
    const found = browsesSomewhere
      ? this.model
          .groupNames()
          .filter(
            (n) =>
              !excluded.has(n) &&
              !excludedIds.has(this.model.groupIdOf(n)) &&
              (browsesDirectory ? norm(n).includes(norm(query)) : norm(n) === norm(query)),
          )
      : [];
    const shown = found.slice(0, Number(q.get('maxResults') ?? String(GROUP_PICKER_DEFAULT_LIMIT)));
    const html = (name: string): string => {
      const at = query === '' ? -1 : norm(name).indexOf(norm(query));
      return at < 0
        ? name
        : `${name.slice(0, at)}<b>${name.slice(at, at + query.length)}</b>${name.slice(at + query.length)}`;
    };
    return {
      status: 200,
      body: {
        header: `Showing ${shown.length} of ${found.length} matching groups`,
        total: found.length,
        groups: shown.map((name) => ({ name, html: html(name), groupId: this.model.groupIdOf(name) })),
      },
    };
  }

  /**
   * `GET /group/member` (getUsersFromGroup): a group's users, active only unless `includeInactiveUsers`,
   * pages of at most 50. platform-v3: Browse users and groups or Administer Jira, else 403; unknown group 404.
   */
  private groupMembers(ctx: Ctx): Result {
    const q = ctx.req.query;
    const name = q.get('groupname');
    const id = q.get('groupId');
    // platform-v3 getUsersFromGroup 400: "the group name is not specified"; groupname and groupId exclude each other
    if (name === null && id === null)
      return { status: 400, body: errorBody(['You must specify a group name or a group id.']) };
    if (name !== null && id !== null)
      return { status: 400, body: errorBody(['groupname and groupId cannot be used together.']) };
    const global = this.model.globalPermissionsOf(ctx.user);
    if (!global.includes('USER_PICKER') && !global.includes('ADMINISTER')) {
      return {
        status: 403,
        body: errorBody([
          'You need the Browse users and groups or the Administer Jira global permission to see group members.',
        ]),
      };
    }
    const group = this.model
      .groupNames()
      .find((g) => (name !== null ? g.toLowerCase() === name.toLowerCase() : this.model.groupIdOf(g) === id));
    if (group === undefined) return { status: 404, body: errorBody(['The specified group does not exist.']) };
    const includeInactive = q.get('includeInactiveUsers') === 'true';
    const members = this.directory().filter((u) => u.groups.includes(group) && (includeInactive || u.active));
    const startAt = Number(q.get('startAt') ?? '0');
    // More than 50 asked is answered with 50 (Jira caps the page; the answer's maxResults says so).
    const maxResults = Math.max(
      1,
      Math.min(GROUP_MEMBER_PAGE_CAP, Number(q.get('maxResults') ?? String(GROUP_MEMBER_PAGE_CAP))),
    );
    const values = members.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= members.length;
    const at = (start: number): string =>
      `${JIRA_BASE_URL}/rest/api/3/group/member?groupId=${encodeURIComponent(this.model.groupIdOf(group))}&includeInactiveUsers=${String(includeInactive)}&startAt=${start}&maxResults=${maxResults}`;
    return {
      status: 200,
      body: {
        self: at(startAt),
        ...(isLast ? {} : { nextPage: at(startAt + values.length) }),
        startAt,
        maxResults,
        total: members.length,
        isLast,
        values: values.map((u) => this.model.userDetails(u.accountId)),
      },
    };
  }

  /**
   * `PUT /issue/{id}/assignee` (assignIssue): Browse projects and Assign Issues of the caller (403), a
   * target holding Assignable User (400), `accountId: null` unassigns and `"-1"` gives the project's
   * default assignee — unassigned here, as the double's projects have no lead. Logged and evented like an edit.
   */
  private assignIssue(ctx: Ctx): Result {
    const issue = this.visibleIssue(ctx, ctx.params['issueIdOrKey']);
    if (!issue) return notFoundIssue();
    const denied = this.lacks(ctx, issue, 'ASSIGN_ISSUES');
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    // platform-v3 assignIssue 400: "name, key, or accountId is missing"
    if (!('accountId' in body))
      return { status: 400, body: errorBody(['accountId is missing: give an account id, or null to unassign.']) };
    const raw = body['accountId'];
    const target = raw === null || raw === '-1' ? null : String(raw);
    const refused = this.assigneeRefusal(issue, target);
    if (refused !== undefined) return { status: 400, body: errorBody([], { assignee: refused }) };
    const def = this.model.fields.get('assignee');
    const before = issue.fields['assignee'] ?? null;
    const after = target === null ? null : { accountId: target };
    if (def && JSON.stringify(before) !== JSON.stringify(after)) {
      issue.fields['assignee'] = after;
      this.touch(issue, ctx.user, [this.changeItem(def, before, after)], true);
    }
    return { status: 204 };
  }

  /**
   * `GET /project/search` (platform-v3 "Get projects paginated", operationId searchProjects): the projects
   * the caller may browse, offset paged; `keys` limits them, `query` is a literal, case-insensitive match on
   * the key or the name; `orderBy` is one of the documented values (key by default, `-` descending), any
   * other is a 400 ("Returned if the request is not valid"); `maxResults` above 100 is read as 100, as
   * documented. Jira documents a 404 when nothing matches; Jira Cloud answers an empty page, as here.
   */
  private searchProjects(ctx: Ctx): Result {
    const keys = splitList(ctx.req.query.getAll('keys')).map((k) => k.toUpperCase());
    const query = (ctx.req.query.get('query') ?? '').toLowerCase();
    const orderBy = ctx.req.query.get('orderBy') ?? 'key';
    const sortKey = orderBy.replace(/^[+-]/, '');
    if (!PROJECT_ORDER_BY.includes(sortKey))
      return { status: 400, body: errorBody([`The value '${orderBy}' is not valid for orderBy.`]) };
    const visible = [...this.model.projects.values()].filter(
      (p) =>
        this.model.canBrowse(ctx.user, p) &&
        (keys.length === 0 || keys.includes(p.key)) &&
        (query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query)),
    );
    const by = (p: JiraProject) => (sortKey === 'name' ? p.name.toLowerCase() : p.key);
    visible.sort((a, b) => by(a).localeCompare(by(b)) * (orderBy.startsWith('-') ? -1 : 1));
    return this.page(
      ctx,
      visible.map((p) => this.renderProject(p)),
      50,
      100,
    );
  }

  private classicProjectIds(ctx: Ctx): string[] {
    const id = ctx.req.query.get('projectId') ?? '';
    const p = this.model.findProject(id);
    return p && !this.model.site.teamManaged.has(p.id) ? [p.id] : [];
  }

  /** The issue type ids a project offers: its scheme's (the default scheme and team-managed projects offer all). */
  private projectIssueTypeIds(projectId: string): string[] {
    const scheme = this.model.site.teamManaged.has(projectId) ? undefined : this.issueTypeSchemeOf(projectId);
    return scheme === undefined || scheme.isDefault ? this.model.issueTypes.map((t) => t.id) : scheme.issueTypeIds;
  }

  private issueTypeSchemeOf(projectId: string): IssueTypeSchemeState {
    const site = this.model.site;
    const id = site.issueTypeSchemeOfProject.get(projectId) ?? '10000';
    const s = site.issueTypeSchemes.find((x) => x.id === id);
    if (!s) throw new Error(`[jira double] no issue type scheme ${id}`);
    return s;
  }

  private issueTypeSchemesForProjects(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const values = this.classicProjectIds(ctx).map((pid) => {
      const s = this.issueTypeSchemeOf(pid);
      return { issueTypeScheme: { id: s.id, name: s.name, isDefault: s.isDefault }, projectIds: [pid] };
    });
    return this.page(ctx, values);
  }

  private issueTypeSchemeMappings(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const wanted = ctx.req.query.getAll('issueTypeSchemeId');
    const values = this.model.site.issueTypeSchemes
      .filter((s) => wanted.length === 0 || wanted.includes(s.id))
      .flatMap((s) =>
        (s.isDefault ? this.model.issueTypes.map((t) => t.id) : s.issueTypeIds).map((issueTypeId) => ({
          issueTypeSchemeId: s.id,
          issueTypeId,
        })),
      );
    return this.page(ctx, values);
  }

  private addIssueTypesToScheme(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const s = this.model.site.issueTypeSchemes.find((x) => x.id === ctx.params['issueTypeSchemeId']);
    if (!s) return { status: 404, body: errorBody(['The issue type scheme was not found.']) };
    const body = isRecord(ctx.body) ? ctx.body : {};
    const ids = Array.isArray(body['issueTypeIds']) ? body['issueTypeIds'].map(String) : [];
    if (s.isDefault)
      return { status: 400, body: errorBody(['The default issue type scheme already contains every issue type.']) };
    if (ids.some((id) => !this.model.issueTypes.some((t) => t.id === id)))
      return { status: 404, body: errorBody(['An issue type was not found.']) };
    // "If any of the issue types exist in the issue type scheme, the operation fails and no issue types are added."
    if (ids.some((id) => s.issueTypeIds.includes(id)))
      return { status: 400, body: errorBody(['An issue type is already in the issue type scheme.']) };
    s.issueTypeIds.push(...ids);
    return { status: 204 };
  }

  private statusCategoryOf(s: { category: string }): 'TODO' | 'IN_PROGRESS' | 'DONE' {
    return s.category === 'new' ? 'TODO' : s.category === 'done' ? 'DONE' : 'IN_PROGRESS';
  }

  private searchStatuses(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const q = (ctx.req.query.get('searchString') ?? '').toLowerCase();
    const values = this.model.statuses
      .filter((s) => s.name.toLowerCase().includes(q))
      .map((s) => ({ id: s.id, name: s.name, statusCategory: this.statusCategoryOf(s), scope: { type: 'GLOBAL' } }));
    return this.page(ctx, values, 200);
  }

  /** `GET /resolution/search`: the site's resolutions (the first is the default, as on a new site). */
  private searchResolutions(ctx: Ctx): Result {
    const values = this.model.resolutions.map((r, i) => ({
      self: `${JIRA_BASE_URL}/rest/api/3/resolution/${r.id}`,
      id: r.id,
      name: r.name,
      description: '',
      default: i === 0,
    }));
    return this.page(ctx, values);
  }

  private renderWorkflow(w: WorkflowState): Record<string, unknown> {
    return {
      id: w.id,
      name: w.name,
      isEditable: true,
      scope: { type: 'GLOBAL' },
      statuses: w.statusIds.map((id) => ({ statusReference: id, properties: {}, deprecated: false })),
      transitions: w.transitions.map((t) => ({
        id: t.id,
        name: t.name,
        type: t.type,
        toStatusReference: t.toStatusId,
        links: t.fromStatusIds.map((f) => ({ fromStatusReference: f })),
        properties: {},
        actions: t.actions.map((r) => ({ ...r, parameters: { ...r.parameters } })),
        validators: t.validators.map((r) => ({ ...r, parameters: { ...r.parameters } })),
        ...(t.conditions !== undefined ? { conditions: structuredClone(t.conditions) } : {}),
        ...(t.transitionScreen !== undefined
          ? { transitionScreen: { ...t.transitionScreen, parameters: { ...t.transitionScreen.parameters } } }
          : {}),
        triggers: [],
      })),
      version: { id: `${w.id}-v1`, versionNumber: 1 },
    };
  }

  private readWorkflows(ctx: Ctx): Result {
    const body = isRecord(ctx.body) ? ctx.body : {};
    const names = Array.isArray(body['workflowNames']) ? body['workflowNames'].map(String) : [];
    const ids = Array.isArray(body['workflowIds']) ? body['workflowIds'].map(String) : [];
    const hits = this.model.site.workflows.filter((w) => names.includes(w.name) || ids.includes(w.id));
    const statusIds = new Set(hits.flatMap((w) => w.statusIds));
    const statuses = this.model.statuses
      .filter((s) => statusIds.has(s.id))
      .map((s) => ({
        id: s.id,
        name: s.name,
        statusCategory: this.statusCategoryOf(s),
        statusReference: s.id,
        scope: { type: 'GLOBAL' },
      }));
    return { status: 200, body: { workflows: hits.map((w) => this.renderWorkflow(w)), statuses } };
  }

  /** `POST /workflows/create`: new statuses (no `id`) are created; statusReferences resolve to ids. */
  private createWorkflows(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const statusIn = (Array.isArray(body['statuses']) ? body['statuses'] : []).filter(isRecord);
    const refToId = new Map<string, string>();
    const created: JiraStatus[] = [];
    for (const s of statusIn) {
      const ref = String(s['statusReference']);
      const name = String(s['name']);
      if (typeof s['id'] === 'string') {
        if (!this.model.statuses.some((x) => x.id === s['id']))
          return { status: 400, body: errorBody([`Status ${s['id']} does not exist.`]) };
        refToId.set(ref, s['id']);
        continue;
      }
      if (this.model.statuses.some((x) => x.name.toLowerCase() === name.toLowerCase())) {
        return { status: 400, body: errorBody([`A status named '${name}' already exists; reference it by id.`]) };
      }
      const category: JiraStatus['category'] =
        s['statusCategory'] === 'TODO' ? 'new' : s['statusCategory'] === 'DONE' ? 'done' : 'indeterminate';
      const st: JiraStatus = { id: String(this.model.site.nextId++), name, category };
      created.push(st);
      refToId.set(ref, st.id);
    }
    const wfIn = (Array.isArray(body['workflows']) ? body['workflows'] : []).filter(isRecord);
    const made: WorkflowState[] = [];
    for (const w of wfIn) {
      const name = String(w['name']);
      if (this.model.site.workflows.some((x) => x.name === name))
        return { status: 400, body: errorBody([`A workflow named '${name}' already exists.`]) };
      const resolve = (ref: unknown): string | undefined => (typeof ref === 'string' ? refToId.get(ref) : undefined);
      const statusIds = (Array.isArray(w['statuses']) ? w['statuses'] : [])
        .filter(isRecord)
        .map((s) => resolve(s['statusReference']));
      if (statusIds.some((id) => id === undefined))
        return { status: 400, body: errorBody([`Workflow '${name}' uses an unknown statusReference.`]) };
      const transitions: WorkflowState['transitions'] = [];
      for (const t of (Array.isArray(w['transitions']) ? w['transitions'] : []).filter(isRecord)) {
        const to = resolve(t['toStatusReference']);
        const from = (Array.isArray(t['links']) ? t['links'] : [])
          .filter(isRecord)
          .map((l) => resolve(l['fromStatusReference']));
        if (to === undefined || from.some((f) => f === undefined))
          return {
            status: 400,
            body: errorBody([`Transition '${String(t['name'])}' uses an unknown statusReference.`]),
          };
        const rules = this.workflowRules(t);
        if ('error' in rules)
          return { status: 400, body: errorBody([`Transition '${String(t['name'])}': ${rules.error}`]) };
        transitions.push({
          id: String(t['id'] ?? transitions.length + 1),
          name: String(t['name']),
          type: String(t['type'] ?? 'DIRECTED'),
          toStatusId: to,
          fromStatusIds: from as string[],
          ...rules,
        });
      }
      if (!transitions.some((t) => t.type === 'INITIAL'))
        return { status: 400, body: errorBody([`Workflow '${name}' has no initial transition.`]) };
      made.push({ id: `wf-${this.model.site.nextId++}`, name, statusIds: statusIds as string[], transitions });
    }
    this.model.statuses.push(...created);
    this.model.site.workflows.push(...made);
    const statuses = [...refToId.entries()].map(([ref, id]) => {
      const s = this.model.statuses.find((x) => x.id === id) as JiraStatus;
      return {
        id,
        name: s.name,
        statusCategory: this.statusCategoryOf(s),
        statusReference: ref,
        scope: { type: 'GLOBAL' },
      };
    });
    return { status: 200, body: { workflows: made.map((w) => this.renderWorkflow(w)), statuses } };
  }

  /**
   * `POST /workflows/update`: replaces a workflow's statuses and transitions (rules included) with the
   * body's, which names the workflow by `id` and the `version` it was read at (`WorkflowUpdate`
   * requires both). Status references are the body's `statuses` or existing status ids. Rules are
   * checked as for create. The double keeps no version history: any version of this workflow is accepted.
   */
  private updateWorkflows(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const refToId = new Map<string, string>();
    for (const s of (Array.isArray(body['statuses']) ? body['statuses'] : []).filter(isRecord)) {
      const id = typeof s['id'] === 'string' ? s['id'] : undefined;
      if (id === undefined || !this.model.statuses.some((x) => x.id === id))
        return {
          status: 400,
          body: errorBody([`The double updates workflows with existing statuses only (${String(s['name'])}).`]),
        };
      refToId.set(String(s['statusReference']), id);
    }
    const resolve = (ref: unknown): string | undefined =>
      typeof ref !== 'string'
        ? undefined
        : (refToId.get(ref) ?? (this.model.statuses.some((x) => x.id === ref) ? ref : undefined));
    const updated: WorkflowState[] = [];
    for (const w of (Array.isArray(body['workflows']) ? body['workflows'] : []).filter(isRecord)) {
      const current = this.model.site.workflows.find((x) => x.id === w['id']);
      if (current === undefined)
        return { status: 404, body: errorBody([`Workflow ${String(w['id'])} does not exist.`]) };
      const version = isRecord(w['version']) ? w['version'] : {};
      if (typeof version['id'] !== 'string' || !version['id'].startsWith(current.id))
        return { status: 409, body: errorBody([`Workflow ${current.name}: the version does not match.`]) };
      const statusIds = (Array.isArray(w['statuses']) ? w['statuses'] : [])
        .filter(isRecord)
        .map((s) => resolve(s['statusReference']));
      if (statusIds.some((id) => id === undefined))
        return { status: 400, body: errorBody([`Workflow '${current.name}' uses an unknown statusReference.`]) };
      const transitions: WorkflowState['transitions'] = [];
      for (const t of (Array.isArray(w['transitions']) ? w['transitions'] : []).filter(isRecord)) {
        const to = resolve(t['toStatusReference']);
        const from = (Array.isArray(t['links']) ? t['links'] : [])
          .filter(isRecord)
          .map((l) => resolve(l['fromStatusReference']));
        if (to === undefined || from.some((f) => f === undefined))
          return {
            status: 400,
            body: errorBody([`Transition '${String(t['name'])}' uses an unknown statusReference.`]),
          };
        const rules = this.workflowRules(t);
        if ('error' in rules)
          return { status: 400, body: errorBody([`Transition '${String(t['name'])}': ${rules.error}`]) };
        transitions.push({
          id: String(t['id'] ?? transitions.length + 1),
          name: String(t['name']),
          type: String(t['type'] ?? 'DIRECTED'),
          toStatusId: to,
          fromStatusIds: from as string[],
          ...rules,
        });
      }
      if (!transitions.some((t) => t.type === 'INITIAL'))
        return { status: 400, body: errorBody([`Workflow '${current.name}' has no initial transition.`]) };
      updated.push({ ...current, statusIds: statusIds as string[], transitions });
    }
    for (const u of updated)
      this.model.site.workflows.splice(
        this.model.site.workflows.findIndex((x) => x.id === u.id),
        1,
        u,
      );
    return { status: 200, body: { workflows: updated.map((w) => this.renderWorkflow(w)), statuses: [] } };
  }

  /**
   * A transition's rules from a `/workflows/create` body: every rule key must be one the spec
   * documents (`/workflows/capabilities`), a screen must exist, and `system:update-field` on
   * `resolution` must name an existing resolution (or `''` to clear it).
   */
  private workflowRules(
    t: Record<string, unknown>,
  ):
    | Pick<WorkflowState['transitions'][number], 'actions' | 'validators' | 'conditions' | 'transitionScreen'>
    | { error: string } {
    const rule = (r: unknown): WorkflowRule | string => {
      if (!isRecord(r) || typeof r['ruleKey'] !== 'string') return 'a rule without a ruleKey';
      // forge-docs: rest/api-group-workflows (/workflows/capabilities lists the rule keys a transition takes)
      if (!DOCUMENTED_RULE_KEYS.has(r['ruleKey'])) return `the rule key '${r['ruleKey']}' is not a known workflow rule`;
      const params = isRecord(r['parameters']) ? r['parameters'] : {};
      return {
        ruleKey: r['ruleKey'],
        parameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
      };
    };
    const rules = (v: unknown): WorkflowRule[] | string => {
      const out: WorkflowRule[] = [];
      for (const r of Array.isArray(v) ? v : []) {
        const parsed = rule(r);
        if (typeof parsed === 'string') return parsed;
        out.push(parsed);
      }
      return out;
    };
    const actions = rules(t['actions']);
    if (typeof actions === 'string') return { error: actions };
    const validators = rules(t['validators']);
    if (typeof validators === 'string') return { error: validators };
    const conditionRules = (g: unknown): string | undefined => {
      if (!isRecord(g)) return undefined;
      const own = rules(g['conditions']);
      if (typeof own === 'string') return own;
      for (const sub of Array.isArray(g['conditionGroups']) ? g['conditionGroups'] : []) {
        const bad = conditionRules(sub);
        if (bad !== undefined) return bad;
      }
      return undefined;
    };
    const badCondition = conditionRules(t['conditions']);
    if (badCondition !== undefined) return { error: badCondition };
    for (const a of actions) {
      const field = a.parameters['field'];
      const value = a.parameters['value'] ?? '';
      if (
        a.ruleKey === 'system:update-field' &&
        field === 'resolution' &&
        value !== '' &&
        !this.model.resolutions.some((r) => r.id === value)
      ) {
        return { error: `the resolution ${value} does not exist` };
      }
    }
    let transitionScreen: WorkflowRule | undefined;
    if (t['transitionScreen'] !== undefined && t['transitionScreen'] !== null) {
      const screen = rule(t['transitionScreen']);
      if (typeof screen === 'string') return { error: screen };
      if (
        screen.ruleKey !== 'system:transition-screen' ||
        !this.model.site.screens.some((x) => String(x.id) === screen.parameters['screenId'])
      ) {
        return { error: 'the transition screen does not exist' };
      }
      transitionScreen = screen;
    }
    return {
      actions,
      validators,
      conditions: isRecord(t['conditions']) ? structuredClone(t['conditions']) : undefined,
      transitionScreen,
    };
  }

  private renderWorkflowScheme(s: WorkflowSchemeState | undefined): Record<string, unknown> {
    if (!s)
      return {
        name: 'Default Workflow Scheme',
        description: 'Default Workflow Scheme',
        defaultWorkflow: 'jira',
        issueTypeMappings: {},
        draft: false,
      };
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      defaultWorkflow: s.defaultWorkflow,
      issueTypeMappings: { ...s.issueTypeMappings },
      draft: false,
      self: `${JIRA_BASE_URL}/rest/api/3/workflowscheme/${s.id}`,
    };
  }

  private workflowSchemeAssociations(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const values = this.classicProjectIds(ctx).map((pid) => {
      const id = this.model.site.workflowSchemeOfProject.get(pid);
      return {
        projectIds: [pid],
        workflowScheme: this.renderWorkflowScheme(this.model.site.workflowSchemes.find((s) => s.id === id)),
      };
    });
    return { status: 200, body: { values } };
  }

  private listWorkflowSchemes(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    return this.page(
      ctx,
      this.model.site.workflowSchemes.map((s) => this.renderWorkflowScheme(s)),
    );
  }

  private createWorkflowScheme(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const name = typeof body['name'] === 'string' ? body['name'] : '';
    if (name === '' || this.model.site.workflowSchemes.some((s) => s.name === name)) {
      return {
        status: 400,
        body: errorBody([
          name === '' ? 'The workflow scheme name is required.' : `A workflow scheme named '${name}' already exists.`,
        ]),
      };
    }
    const mappings = isRecord(body['issueTypeMappings']) ? (body['issueTypeMappings'] as Record<string, string>) : {};
    const known = (wf: string): boolean => wf === 'jira' || this.model.site.workflows.some((w) => w.name === wf);
    const defaultWorkflow = typeof body['defaultWorkflow'] === 'string' ? body['defaultWorkflow'] : 'jira';
    if (!known(defaultWorkflow) || Object.values(mappings).some((wf) => !known(wf)))
      return { status: 400, body: errorBody(['A workflow in the scheme does not exist.']) };
    const s: WorkflowSchemeState = {
      id: this.model.site.nextId++,
      name,
      description: typeof body['description'] === 'string' ? body['description'] : '',
      defaultWorkflow,
      issueTypeMappings: { ...mappings },
    };
    this.model.site.workflowSchemes.push(s);
    return { status: 201, body: this.renderWorkflowScheme(s) };
  }

  /** "Performed only when there are no issues in the project"; classic projects only. */
  private assignWorkflowScheme(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const body = isRecord(ctx.body) ? ctx.body : {};
    const p = this.model.findProject(String(body['projectId'] ?? ''));
    if (!p) return { status: 404, body: errorBody(['The project was not found.']) };
    if (this.model.site.teamManaged.has(p.id))
      return { status: 400, body: errorBody(['Workflow schemes can only be assigned to classic projects.']) };
    if ([...this.model.issues.values()].some((i) => i.projectKey === p.key)) {
      return {
        status: 400,
        body: errorBody(['The workflow scheme cannot be assigned because the project has issues.']),
      };
    }
    const id = body['workflowSchemeId'];
    if (id === undefined) this.model.site.workflowSchemeOfProject.delete(p.id);
    else {
      const s = this.model.site.workflowSchemes.find((x) => String(x.id) === String(id));
      if (!s) return { status: 404, body: errorBody(['The workflow scheme was not found.']) };
      this.model.site.workflowSchemeOfProject.set(p.id, s.id);
    }
    return { status: 204 };
  }

  private issueTypeScreenSchemeAssociations(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const values = this.classicProjectIds(ctx).map((pid) => {
      const id = this.model.site.issueTypeScreenSchemeOfProject.get(pid) ?? '1';
      const s = this.model.site.issueTypeScreenSchemes.find((x) => x.id === id);
      return { issueTypeScreenScheme: { id, name: s?.name ?? id }, projectIds: [pid] };
    });
    return this.page(ctx, values);
  }

  private issueTypeScreenSchemeMappings(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const wanted = ctx.req.query.getAll('issueTypeScreenSchemeId');
    const values = this.model.site.issueTypeScreenSchemes
      .filter((s) => wanted.length === 0 || wanted.includes(s.id))
      .flatMap((s) =>
        s.mappings.map((m) => ({
          issueTypeScreenSchemeId: s.id,
          issueTypeId: m.issueTypeId,
          screenSchemeId: m.screenSchemeId,
        })),
      );
    return this.page(ctx, values, 100);
  }

  private screenSchemes(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const wanted = ctx.req.query.getAll('id').map(Number);
    const values = this.model.site.screenSchemes
      .filter((s) => wanted.length === 0 || wanted.includes(s.id))
      .map((s) => ({ id: s.id, name: s.name, screens: { ...s.screens } }));
    return this.page(ctx, values, 25);
  }

  private screensList(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const wanted = ctx.req.query.getAll('id').map(Number);
    const values = this.model.site.screens
      .filter((s) => wanted.length === 0 || wanted.includes(s.id))
      .map((s) => ({ id: s.id, name: s.name, description: '' }));
    return this.page(ctx, values, 100);
  }

  private screen(ctx: Ctx): ScreenState | undefined {
    return this.model.site.screens.find((s) => String(s.id) === ctx.params['screenId']);
  }

  private screenTabs(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const s = this.screen(ctx);
    if (!s) return { status: 404, body: errorBody(['The screen was not found.']) };
    return { status: 200, body: s.tabs.map((t) => ({ id: t.id, name: t.name })) };
  }

  private screenTabFieldList(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const tab = this.screen(ctx)?.tabs.find((t) => String(t.id) === ctx.params['tabId']);
    if (!tab) return { status: 404, body: errorBody(['The screen tab was not found.']) };
    return { status: 200, body: tab.fieldIds.map((id) => ({ id, name: this.model.fields.get(id)?.name ?? id })) };
  }

  private addScreenTabField(ctx: Ctx): Result {
    const denied = this.notAdmin(ctx);
    if (denied) return denied;
    const s = this.screen(ctx);
    const tab = s?.tabs.find((t) => String(t.id) === ctx.params['tabId']);
    if (!s || !tab) return { status: 404, body: errorBody(['The screen tab was not found.']) };
    const fieldId = isRecord(ctx.body) && typeof ctx.body['fieldId'] === 'string' ? ctx.body['fieldId'] : '';
    const def = this.model.fields.get(fieldId);
    if (!def) return { status: 404, body: errorBody([`The field ${fieldId} was not found.`]) };
    if (s.tabs.some((t) => t.fieldIds.includes(fieldId)))
      return { status: 400, body: errorBody([`The field ${fieldId} is already on the screen.`]) };
    tab.fieldIds.push(fieldId);
    return { status: 200, body: { id: fieldId, name: def.name } };
  }

  // ----- end of site configuration --------------------------------------------------------------
}

function encodeToken(t: { o: number; q: string }): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(token: string): { o: number; q: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isRecord(parsed) && typeof parsed['o'] === 'number' && typeof parsed['q'] === 'string')
      return { o: parsed['o'], q: parsed['q'] };
  } catch {
    return undefined;
  }
  return undefined;
}
