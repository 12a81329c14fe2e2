/**
 * The Jira double's state: sites, users, projects, fields, workflow, issues. Pure data plus the
 * rules that decide who may see or change what; no HTTP here (that is `jiraDouble.ts`).
 */
import { type JqlField, type JqlFieldType, JqlUnsupportedError } from './jql';

export const JIRA_BASE_URL = 'https://itr-harness.atlassian.net';

/** The account Jira shows for calls made `asApp()` (comments, changelog authors). */
export const APP_ACCOUNT_ID = '712020:00000000-0000-4000-8000-00000000a991';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** How a field's values are written, checked and searched. */
export type FieldValueType =
  | 'string'
  | 'adf' // rich text (Atlassian Document Format), e.g. description
  | 'number'
  | 'datetime'
  | 'date'
  | 'user'
  | 'group'
  | 'option'
  | 'labels'
  | 'object'
  | 'project'
  | 'issuetype'
  | 'status'
  | 'priority'
  | 'resolution'
  | 'comment'
  | 'issuelinks';

export interface FieldDef {
  id: string;
  name: string;
  custom: boolean;
  type: FieldValueType;
  /** Settable through edit/create issue. */
  editable: boolean;
  /** A Forge app field (read-only in the UI): written only through `/rest/api/3/app/field/value`. */
  appOwned: boolean;
  /** Extra names JQL accepts (lower case). */
  jqlAliases: string[];
  /** For a Forge app field: the `jira:customField` module key, shown in `schema.custom` as Jira does. */
  forgeModuleKey: string | undefined;
  /** For a Forge field of another app or environment (never this app's): whose ARI `schema.custom` shows. */
  forgeOwner: ForgeFieldOwner | undefined;
}

/** The app and environment in a Forge field's extension ARI. */
export interface ForgeFieldOwner {
  appId: string;
  environmentId: string;
}

export interface SeedField {
  /** `customfield_NNNNN`. */
  id: string;
  name: string;
  type: Exclude<
    FieldValueType,
    'project' | 'issuetype' | 'status' | 'priority' | 'resolution' | 'comment' | 'issuelinks'
  >;
  /** Defaults to true: the ITR fields are the app's own read-only fields. */
  appOwned?: boolean;
  /** The app's `jira:customField` module key, for fields the manifest declares. */
  forgeModuleKey?: string;
  /** Another app's (or environment's) Forge field: listed under its ARI, never writable by this app. */
  forgeOwner?: ForgeFieldOwner;
}

export interface JiraUser {
  accountId: string;
  displayName: string;
  accountType: 'atlassian' | 'app' | 'customer';
  emailAddress: string | undefined;
  locale: string;
  timeZone: string;
  active: boolean;
  groups: string[];
  /** Global permission keys; defaults from groups (jira-administrators → ADMINISTER). */
  globalPermissions: string[] | undefined;
  /** Project key → project permission keys; unset projects get DEFAULT_PROJECT_PERMISSIONS. */
  projectPermissions: Record<string, string[]>;
}

export interface SeedUser {
  accountId: string;
  displayName: string;
  accountType?: 'atlassian' | 'app' | 'customer';
  emailAddress?: string;
  locale?: string;
  timeZone?: string;
  active?: boolean;
  groups?: string[];
  globalPermissions?: string[];
  projectPermissions?: Record<string, string[]>;
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  /** Account ids that may browse; `undefined` = every seeded user. */
  browsers: string[] | undefined;
}

export interface SeedProject {
  key: string;
  id?: string;
  name?: string;
  browsers?: string[];
}

export interface JiraStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface JiraTransition {
  id: string;
  name: string;
  /** Status name reached. */
  to: string;
  /** Status names it is available from; `undefined` = global (from every other status). */
  from: string[] | undefined;
  /** Post functions (`system:update-field` on `resolution` sets or clears it); none = Resolution untouched. */
  actions?: WorkflowRule[];
  /** Field ids on the transition screen; absent = no screen (the request may then set no field). */
  screenFieldIds?: string[];
}

/** A rule as `/rest/api/3/workflows/create` takes and returns it (`WorkflowRuleConfiguration`). */
export interface WorkflowRule {
  ruleKey: string;
  parameters: Record<string, string>;
}

/**
 * The post function that sets a field (`/workflows/capabilities`: "Update field", `system:update-field`,
 * parameters `field`, `value`, `mode`). On `resolution` with `value` a resolution id it sets
 * Resolution; with an empty `value` it clears it (the spec gives no clearing example: the double's
 * reading, as Jira's editor offers "Clear resolution" as "update field to none").
 */
export const UPDATE_FIELD_RULE_KEY = 'system:update-field';
/** Shared transition screen rule (`/workflows/capabilities`: `system:transition-screen`, `screenId`). */
export const TRANSITION_SCREEN_RULE_KEY = 'system:transition-screen';

/**
 * Every rule key `/rest/api/3/workflows/capabilities` documents for transitions (system, Connect,
 * Forge); `/workflows/create` refuses any other. A test checks this list against the spec's text.
 */
export const DOCUMENTED_RULE_KEYS: ReadonlySet<string> = new Set([
  'system:block-in-progress-approval',
  'system:change-assignee',
  'system:check-field-value',
  'system:check-permission-validator',
  'system:copy-value-from-other-field',
  'system:jsd-approvals-block-until-approved',
  'system:jsd-approvals-block-until-rejected',
  'system:parent-or-child-blocking-condition',
  'system:parent-or-child-blocking-validator',
  'system:previous-status-condition',
  'system:previous-status-validator',
  'system:proforma-forms-attached',
  'system:proforma-forms-submitted',
  'system:remind-people-to-update-fields',
  'system:restrict-from-all-users',
  'system:restrict-issue-transition',
  'system:separation-of-duties',
  'system:transition-screen',
  'system:trigger-webhook',
  'system:update-field',
  'system:validate-field-value',
  'connect:expression-validator',
  'connect:expression-condition',
  'connect:remote-workflow-function',
  'forge:expression-validator',
  'forge:expression-condition',
  'forge:workflow-post-function',
]);

/** The post function that sets Resolution to `resolutionId`, or clears it for `''`. */
export function resolutionRule(resolutionId: string): WorkflowRule {
  return { ruleKey: UPDATE_FIELD_RULE_KEY, parameters: { field: 'resolution', value: resolutionId, mode: 'replace' } };
}

/** What a transition's post functions do to Resolution. */
export type ResolutionEffect = { kind: 'set'; resolutionId: string } | { kind: 'clear' } | undefined;

export function resolutionEffectOf(actions: readonly WorkflowRule[]): ResolutionEffect {
  let effect: ResolutionEffect;
  for (const a of actions) {
    if (a.ruleKey !== UPDATE_FIELD_RULE_KEY || a.parameters['field'] !== 'resolution') continue;
    const value = a.parameters['value'] ?? '';
    effect = value === '' ? { kind: 'clear' } : { kind: 'set', resolutionId: value };
  }
  return effect;
}

/** One transition of the workflow an issue runs on, with status names (what the transition routes use). */
export interface IssueWorkflowTransition {
  id: string;
  name: string;
  /** Status name reached. */
  to: string;
  /** Status names it is available from; `undefined` = global. */
  from: string[] | undefined;
  initial: boolean;
  actions: WorkflowRule[];
  screenFieldIds: string[] | undefined;
  /** The stored transition of a created workflow (validators, conditions), absent on the default workflow. */
  source: WorkflowState['transitions'][number] | undefined;
}

export interface IssueWorkflow {
  /** `jira` for the default workflow. */
  name: string;
  initialStatus: string;
  transitions: IssueWorkflowTransition[];
}

export interface ChangeItem {
  field: string;
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogEntry {
  id: string;
  authorAccountId: string;
  created: string;
  items: ChangeItem[];
}

export interface StoredComment {
  id: string;
  authorAccountId: string;
  body: unknown;
  created: string;
  updated: string;
  visibility: unknown;
}

export interface StoredLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface StoredIssue {
  id: string;
  key: string;
  projectKey: string;
  /** Raw field values; user fields hold `{accountId}` and are expanded when rendered. */
  fields: Record<string, unknown>;
  properties: Map<string, unknown>;
  changelog: ChangelogEntry[];
  comments: StoredComment[];
}

export interface SeedIssue {
  key: string;
  id?: string;
  summary?: string;
  issueType?: string;
  status?: string;
  created?: string | Date;
  updated?: string | Date;
  reporter?: string;
  assignee?: string | null;
  labels?: string[];
  priority?: string;
  /** Any other field by id, custom fields as `customfield_NNNNN` (values as Jira returns them). */
  fields?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  changelog?: Array<{
    created: string | Date;
    authorAccountId?: string;
    items: Array<Partial<ChangeItem> & { field: string }>;
  }>;
}

export interface SentNotification {
  issueKey: string;
  actorAccountId: string;
  body: unknown;
}

export const DEFAULT_PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
];

/** Permission keys the double knows, with their type (mypermissions rejects any other key). */
export const KNOWN_PERMISSIONS: Record<string, 'GLOBAL' | 'PROJECT'> = {
  ADMINISTER: 'GLOBAL',
  SYSTEM_ADMIN: 'GLOBAL',
  USER_PICKER: 'GLOBAL',
  CREATE_SHARED_OBJECTS: 'GLOBAL',
  BULK_CHANGE: 'GLOBAL',
  ADMINISTER_PROJECTS: 'PROJECT',
  BROWSE_PROJECTS: 'PROJECT',
  CREATE_ISSUES: 'PROJECT',
  EDIT_ISSUES: 'PROJECT',
  TRANSITION_ISSUES: 'PROJECT',
  ADD_COMMENTS: 'PROJECT',
  ASSIGN_ISSUES: 'PROJECT',
  ASSIGNABLE_USER: 'PROJECT',
  RESOLVE_ISSUES: 'PROJECT',
  CLOSE_ISSUES: 'PROJECT',
  DELETE_ISSUES: 'PROJECT',
  SCHEDULE_ISSUES: 'PROJECT',
  WORK_ON_ISSUES: 'PROJECT',
  LINK_ISSUES: 'PROJECT',
};

/** Jira Cloud's default resolutions (`GET /rest/api/3/resolution` on a new site). */
export const DEFAULT_RESOLUTIONS: ReadonlyArray<{ id: string; name: string }> = [
  { id: '10000', name: 'Done' },
  { id: '10001', name: "Won't Do" },
  { id: '10002', name: 'Duplicate' },
  { id: '10003', name: 'Cannot Reproduce' },
];
export const DONE_RESOLUTION = { id: '10000', name: 'Done' } as const;

const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

/** Jira's wire format for datetimes: `2024-01-31T09:30:00.000+0000` (UTC here). */
export function jiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses an ISO-8601 datetime as Jira accepts it (`Z`, `+00:00` or `+0000`); NaN when invalid. */
export function parseJiraDateTime(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return NaN;
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

function defaultFields(): FieldDef[] {
  const sys = (
    id: string,
    name: string,
    type: FieldValueType,
    editable: boolean,
    jqlAliases: string[] = [],
  ): FieldDef => ({
    id,
    name,
    custom: false,
    type,
    editable,
    appOwned: false,
    jqlAliases,
    forgeModuleKey: undefined,
    forgeOwner: undefined,
  });
  return [
    sys('summary', 'Summary', 'string', true),
    sys('description', 'Description', 'adf', true),
    sys('status', 'Status', 'status', false),
    // Derived from the status (rendered and searched from it, never stored): `statusCategory = Done`.
    sys('statusCategory', 'Status Category', 'status', false, ['statuscategory']),
    sys('statuscategorychangedate', 'Status Category Changed', 'datetime', false, ['statuscategorychangeddate']),
    sys('issuetype', 'Issue Type', 'issuetype', false, ['type']),
    sys('project', 'Project', 'project', false),
    sys('priority', 'Priority', 'priority', true),
    sys('resolution', 'Resolution', 'resolution', false),
    sys('assignee', 'Assignee', 'user', true),
    sys('reporter', 'Reporter', 'user', true),
    sys('labels', 'Labels', 'labels', true),
    sys('created', 'Created', 'datetime', false, ['createddate']),
    sys('updated', 'Updated', 'datetime', false, ['updateddate']),
    sys('resolutiondate', 'Resolved', 'datetime', false, ['resolved']),
    sys('duedate', 'Due date', 'date', true, ['due']),
    sys('comment', 'Comment', 'comment', false),
    sys('issuelinks', 'Linked Issues', 'issuelinks', false),
  ];
}

export class JiraModel {
  users = new Map<string, JiraUser>();
  /** Groups seeded without members (`seedGroup`); a group also exists while a seeded user is in it. */
  readonly emptyGroups = new Set<string>();
  projects = new Map<string, JiraProject>();
  fields = new Map<string, FieldDef>();
  issueTypes: Array<{ id: string; name: string }> = [];
  priorities: Array<{ id: string; name: string }> = [];
  resolutions: Array<{ id: string; name: string }> = DEFAULT_RESOLUTIONS.map((r) => ({ ...r }));
  statuses: JiraStatus[] = [];
  transitions: JiraTransition[] = [];
  issues = new Map<string, StoredIssue>();
  notifications: SentNotification[] = [];
  /** Schemes, workflows and screens (the setup routes); reset with the model. */
  site: SiteConfigState = defaultSiteConfig();
  /** Zone Jira uses for JQL dates when the app (not a user) searches. */
  serverTimeZone = 'UTC';
  private nextIssueId = 10000;
  private nextProjectId = 10000;
  private nextChangeId = 100000;
  private nextCommentId = 20000;
  private readonly issueCounters = new Map<string, number>();

  constructor(private readonly clock: () => number) {
    this.reset();
  }

  now(): number {
    return this.clock();
  }

  reset(): void {
    this.users.clear();
    this.emptyGroups.clear();
    this.projects.clear();
    this.fields.clear();
    this.issues.clear();
    this.links = [];
    this.nextLinkId = 30000;
    this.notifications = [];
    this.site = defaultSiteConfig();
    this.issueCounters.clear();
    this.nextIssueId = 10000;
    this.nextProjectId = 10000;
    this.nextChangeId = 100000;
    this.nextCommentId = 20000;
    this.serverTimeZone = 'UTC';
    for (const f of defaultFields()) this.fields.set(f.id, f);
    this.issueTypes = [
      { id: '10001', name: 'Task' },
      { id: '10002', name: 'Incident' },
      { id: '10003', name: 'Service Request' },
      { id: '10004', name: 'Problem' },
    ];
    this.resolutions = DEFAULT_RESOLUTIONS.map((r) => ({ ...r }));
    this.priorities = [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ];
    this.setWorkflow(
      [
        { id: '1', name: 'Open', category: 'new' },
        { id: '3', name: 'In Progress', category: 'indeterminate' },
        { id: '5', name: 'Resolved', category: 'done' },
        { id: '6', name: 'Closed', category: 'done' },
      ],
      undefined,
    );
    this.seedUser({
      accountId: APP_ACCOUNT_ID,
      displayName: 'ITR for Jira',
      accountType: 'app',
      globalPermissions: ['ADMINISTER'],
    });
  }

  // ----- seeding -----------------------------------------------------------------------------

  seedUser(u: SeedUser): JiraUser {
    const user: JiraUser = {
      accountId: u.accountId,
      displayName: u.displayName,
      accountType: u.accountType ?? 'atlassian',
      emailAddress: u.emailAddress,
      locale: u.locale ?? 'en_US',
      timeZone: u.timeZone ?? 'UTC',
      active: u.active ?? true,
      groups: u.groups ?? ['jira-software-users'],
      globalPermissions: u.globalPermissions,
      projectPermissions: u.projectPermissions ?? {},
    };
    this.users.set(user.accountId, user);
    return user;
  }

  /** A group that exists even with no seeded member (e.g. a team whose people all left). */
  seedGroup(name: string): void {
    this.emptyGroups.add(name);
  }

  /** Every group name on the site, as Jira spells it, sorted (Jira's group picker sorts). */
  groupNames(): string[] {
    return [...new Set([...this.emptyGroups, ...[...this.users.values()].flatMap((u) => u.groups)])].sort((a, b) =>
      a.localeCompare(b),
    );
  }

  /** The double's stable group id for a name (Jira gives every group a UUID; `GET /group/bulk` uses the same). */
  groupIdOf(name: string): string {
    return `group-${name}`;
  }

  seedProject(p: SeedProject): JiraProject {
    const id = p.id ?? String(this.nextProjectId++);
    const project: JiraProject = { id, key: p.key.toUpperCase(), name: p.name ?? p.key, browsers: p.browsers };
    this.projects.set(project.key, project);
    return project;
  }

  /** Registers a custom field. Its JQL names are `cf[NNNNN]` and its display name. */
  defineField(f: SeedField): FieldDef {
    if (!/^customfield_\d+$/.test(f.id))
      throw new Error(`custom field id must look like customfield_10001, got ${f.id}`);
    const def: FieldDef = {
      id: f.id,
      name: f.name,
      custom: true,
      type: f.type,
      editable: !(f.appOwned ?? true),
      appOwned: f.appOwned ?? true,
      jqlAliases: [],
      forgeModuleKey: f.forgeModuleKey,
      forgeOwner: f.forgeOwner,
    };
    if (f.forgeOwner !== undefined && f.appOwned === true)
      throw new Error(`${f.id}: a field with forgeOwner belongs to another app`);
    if (f.forgeOwner !== undefined) def.appOwned = false;
    this.fields.set(def.id, def);
    return def;
  }

  /**
   * Replaces the default workflow (Jira's `jira` workflow: what projects without a workflow scheme
   * run). Without explicit transitions each status gets a global transition named like the status,
   * with id `11`, `21`, `31`, … in status order; like the classic default workflow's Resolve/Close and
   * Reopen, those into a Done-category status set Resolution to Done and the others clear it. Explicit
   * transitions touch Resolution only through their own `actions` or screen.
   */
  setWorkflow(statuses: JiraStatus[], transitions: JiraTransition[] | undefined): void {
    this.statuses = statuses.map((s) => ({ ...s }));
    this.transitions =
      transitions?.map((t) => ({ ...t })) ??
      statuses.map((s, i) => ({
        id: String((i + 1) * 10 + 1),
        name: s.name,
        to: s.name,
        from: undefined,
        actions: [resolutionRule(s.category === 'done' ? DONE_RESOLUTION.id : '')],
      }));
  }

  /**
   * The workflow `issue` runs on: its project's workflow scheme maps its issue type (or the scheme's
   * default) to a workflow created through `/workflows/create`; anything else is the default workflow.
   */
  workflowOf(issue: StoredIssue): IssueWorkflow {
    const project = this.findProject(issue.projectKey);
    const schemeId = project === undefined ? undefined : this.site.workflowSchemeOfProject.get(project.id);
    const scheme = this.site.workflowSchemes.find((s) => s.id === schemeId);
    const typeId = (issue.fields['issuetype'] as { id?: unknown } | undefined)?.id;
    const name = scheme === undefined ? 'jira' : (scheme.issueTypeMappings[String(typeId)] ?? scheme.defaultWorkflow);
    const wf = this.site.workflows.find((w) => w.name === name);
    if (wf === undefined) {
      return {
        name: 'jira',
        initialStatus: this.statuses[0]?.name ?? 'Open',
        transitions: this.transitions.map((t) => ({
          id: t.id,
          name: t.name,
          to: t.to,
          from: t.from,
          initial: false,
          actions: t.actions ?? [],
          screenFieldIds: t.screenFieldIds,
          source: undefined,
        })),
      };
    }
    const statusName = (id: string): string => this.statuses.find((s) => s.id === id)?.name ?? id;
    const screenFields = (rule: WorkflowRule | undefined): string[] | undefined => {
      if (rule === undefined) return undefined;
      const screen = this.site.screens.find((s) => String(s.id) === rule.parameters['screenId']);
      return screen === undefined ? [] : screen.tabs.flatMap((t) => t.fieldIds);
    };
    const transitions = wf.transitions.map((t) => ({
      id: t.id,
      name: t.name,
      to: statusName(t.toStatusId),
      from: t.type === 'GLOBAL' ? undefined : t.fromStatusIds.map(statusName),
      initial: t.type === 'INITIAL',
      actions: t.actions,
      screenFieldIds: screenFields(t.transitionScreen),
      source: t,
    }));
    const initial = transitions.find((t) => t.initial);
    return { name: wf.name, initialStatus: initial?.to ?? statusName(wf.statusIds[0] ?? ''), transitions };
  }

  /** Transitions offered from the issue's current status by its workflow (never the initial one). */
  availableTransitions(issue: StoredIssue): IssueWorkflowTransition[] {
    const current = (issue.fields['status'] as { name?: unknown } | undefined)?.name;
    return this.workflowOf(issue).transitions.filter(
      (t) => !t.initial && (t.from === undefined ? t.to !== current : t.from.some((f) => f === current)),
    );
  }

  statusCategoryOf(issue: StoredIssue): StatusCategoryKey | undefined {
    const name = (issue.fields['status'] as { name?: unknown } | undefined)?.name;
    return typeof name === 'string'
      ? this.statuses.find((s) => s.name.toLowerCase() === name.toLowerCase())?.category
      : undefined;
  }

  /** Jira's `statusCategory` field value (also what JQL's `statusCategory` compares). */
  statusCategoryDetails(category: StatusCategoryKey): Record<string, unknown> {
    const cat = STATUS_CATEGORIES[category];
    return {
      self: `${JIRA_BASE_URL}/rest/api/3/statuscategory/${cat.id}`,
      id: cat.id,
      key: category,
      colorName: cat.colorName,
      name: cat.name,
    };
  }

  issueType(name: string): { id: string; name: string } {
    let t = this.issueTypes.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name);
    if (!t) {
      t = { id: String(10001 + this.issueTypes.length), name };
      this.issueTypes.push(t);
    }
    return t;
  }

  status(name: string): JiraStatus {
    let s = this.statuses.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name);
    if (!s) {
      s = { id: String(10100 + this.statuses.length), name, category: 'indeterminate' };
      this.statuses.push(s);
      this.transitions.push({ id: String(1000 + this.transitions.length * 10 + 1), name, to: name, from: undefined });
    }
    return s;
  }

  seedIssue(seed: SeedIssue): StoredIssue {
    const m = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(seed.key);
    if (!m || m[1] === undefined || m[2] === undefined)
      throw new Error(`issue key must look like ITR-1, got ${seed.key}`);
    const projectKey = m[1];
    const project = this.projects.get(projectKey) ?? this.seedProject({ key: projectKey });
    const number = Number(m[2]);
    this.issueCounters.set(projectKey, Math.max(this.issueCounters.get(projectKey) ?? 0, number));
    const id = seed.id ?? String(this.nextIssueId++);
    const toJira = (d: string | Date | undefined, fallback: number): string =>
      d === undefined ? jiraDateTime(fallback) : jiraDateTime(d instanceof Date ? d.getTime() : parseDateOrThrow(d));
    const created = toJira(seed.created, this.now());
    const status = this.status(seed.status ?? this.statuses[0]?.name ?? 'Open');
    const fields: Record<string, unknown> = {
      summary: seed.summary ?? `Issue ${seed.key}`,
      issuetype: { ...this.issueType(seed.issueType ?? 'Task') },
      project: { id: project.id, key: project.key, name: project.name },
      status: { id: status.id, name: status.name },
      priority: {
        ...(this.priorities.find((p) => p.name === (seed.priority ?? 'Medium')) ?? { id: '3', name: 'Medium' }),
      },
      created,
      updated: toJira(seed.updated, Date.parse(created.replace('+0000', 'Z'))),
      labels: seed.labels ?? [],
      reporter: seed.reporter === undefined ? null : { accountId: seed.reporter },
      assignee: seed.assignee === undefined || seed.assignee === null ? null : { accountId: seed.assignee },
      resolution: status.category === 'done' ? { id: '10000', name: 'Done' } : null,
      resolutiondate: status.category === 'done' ? created : null,
      statuscategorychangedate: created,
      ...(seed.fields ?? {}),
    };
    const issue: StoredIssue = {
      id,
      key: seed.key,
      projectKey,
      fields,
      properties: new Map(Object.entries(seed.properties ?? {})),
      changelog: (seed.changelog ?? []).map((c) => ({
        id: String(this.nextChangeId++),
        authorAccountId: c.authorAccountId ?? APP_ACCOUNT_ID,
        created: jiraDateTime(c.created instanceof Date ? c.created.getTime() : parseDateOrThrow(c.created)),
        items: c.items.map((it) => ({
          field: it.field,
          fieldId: it.fieldId ?? it.field,
          fieldtype: it.fieldtype ?? (it.field.startsWith('customfield_') ? 'custom' : 'jira'),
          from: it.from ?? null,
          fromString: it.fromString ?? null,
          to: it.to ?? null,
          // eslint-disable-next-line @typescript-eslint/unbound-method -- Jira's changelog field, not Object's
          toString: typeof it.toString === 'string' ? it.toString : null,
        })),
      })),
      comments: [],
    };
    this.issues.set(id, issue);
    return issue;
  }

  nextKey(projectKey: string): string {
    const n = (this.issueCounters.get(projectKey) ?? 0) + 1;
    this.issueCounters.set(projectKey, n);
    return `${projectKey}-${n}`;
  }

  newIssueId(): string {
    return String(this.nextIssueId++);
  }

  newChangeId(): string {
    return String(this.nextChangeId++);
  }

  newCommentId(): string {
    return String(this.nextCommentId++);
  }

  // ----- lookups -----------------------------------------------------------------------------

  findIssue(idOrKey: string): StoredIssue | undefined {
    const byId = this.issues.get(idOrKey);
    if (byId) return byId;
    const upper = idOrKey.toUpperCase();
    for (const issue of this.issues.values()) if (issue.key === upper) return issue;
    return undefined;
  }

  findProject(idOrKey: string): JiraProject | undefined {
    const byKey = this.projects.get(idOrKey.toUpperCase());
    if (byKey) return byKey;
    for (const p of this.projects.values()) if (p.id === idOrKey) return p;
    return undefined;
  }

  /** JQL name → field: system names and aliases, `cf[NNNNN]`, or a custom field's display name. */
  jqlField(name: string): JqlField | undefined {
    const lower = name.toLowerCase();
    if (lower === 'key' || lower === 'issuekey' || lower === 'id') return { id: 'key', type: 'key' };
    const cf = /^cf\[(\d+)\]$/.exec(lower);
    let def: FieldDef | undefined;
    if (cf) def = this.fields.get(`customfield_${cf[1] ?? ''}`);
    else {
      def = this.fields.get(lower);
      if (!def || def.custom) {
        def =
          [...this.fields.values()].find(
            (f) => f.jqlAliases.includes(lower) || (f.custom && f.name.toLowerCase() === lower),
          ) ?? def;
      }
    }
    if (!def) return undefined;
    const type = jqlTypeOf(def.type);
    if (!type) throw new JqlUnsupportedError(`searching ${def.id} (${def.type}) is not supported by the Jira double`);
    // forge-docs: manifest-reference/modules/jira-custom-field: a Forge `string` field offers exact comparison only.
    if (type === 'string' && def.custom && (def.appOwned || def.forgeModuleKey !== undefined))
      return { id: def.id, type, exactOnly: true };
    return { id: def.id, type };
  }

  // ----- permissions ------------------------------------------------------------------------

  globalPermissionsOf(user: JiraUser): string[] {
    if (user.accountId === APP_ACCOUNT_ID)
      return Object.keys(KNOWN_PERMISSIONS).filter((k) => KNOWN_PERMISSIONS[k] === 'GLOBAL');
    if (user.globalPermissions) return user.globalPermissions;
    const base = ['USER_PICKER', 'CREATE_SHARED_OBJECTS'];
    return user.groups.includes('jira-administrators') || user.groups.includes('site-admins')
      ? ['ADMINISTER', ...base]
      : base;
  }

  canBrowse(user: JiraUser, project: JiraProject): boolean {
    if (user.accountId === APP_ACCOUNT_ID) return this.projectPermissionsOf(user, project).includes('BROWSE_PROJECTS');
    if (!user.active) return false;
    return project.browsers === undefined || project.browsers.includes(user.accountId);
  }

  projectPermissionsOf(user: JiraUser, project: JiraProject): string[] {
    // The app's user holds every project permission unless a permission scheme grants it fewer in this
    // project (restrictApp): Jira checks an app's asApp() calls against the schemes like any user's.
    if (user.accountId === APP_ACCOUNT_ID)
      return (
        user.projectPermissions[project.key] ??
        Object.keys(KNOWN_PERMISSIONS).filter((k) => KNOWN_PERMISSIONS[k] === 'PROJECT')
      );
    if (!this.canBrowse(user, project)) return [];
    return user.projectPermissions[project.key] ?? DEFAULT_PROJECT_PERMISSIONS;
  }

  hasProjectPermission(user: JiraUser, project: JiraProject, permission: string): boolean {
    return this.projectPermissionsOf(user, project).includes(permission);
  }

  // ----- rendering ---------------------------------------------------------------------------

  userDetails(accountId: string): Record<string, unknown> {
    const u = this.users.get(accountId);
    const avatar = `${JIRA_BASE_URL}/avatar/${encodeURIComponent(accountId)}.png`;
    return {
      self: `${JIRA_BASE_URL}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
      accountId,
      accountType: u?.accountType ?? 'unknown',
      displayName: u?.displayName ?? 'Former user',
      active: u?.active ?? false,
      timeZone: u?.timeZone ?? 'UTC',
      avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
      ...(u?.emailAddress !== undefined ? { emailAddress: u.emailAddress } : {}),
    };
  }

  statusDetails(name: string): Record<string, unknown> {
    const s = this.status(name);
    const cat = STATUS_CATEGORIES[s.category];
    return {
      self: `${JIRA_BASE_URL}/rest/api/3/status/${s.id}`,
      description: '',
      iconUrl: `${JIRA_BASE_URL}/images/icons/statuses/generic.png`,
      name: s.name,
      id: s.id,
      statusCategory: {
        self: `${JIRA_BASE_URL}/rest/api/3/statuscategory/${cat.id}`,
        id: cat.id,
        key: s.category,
        colorName: cat.colorName,
        name: cat.name,
      },
    };
  }

  /** A field value as Jira returns it (users and statuses expanded, `self` links added). */
  renderField(issue: StoredIssue, id: string): unknown {
    const raw = issue.fields[id];
    const def = this.fields.get(id);
    if (id === 'issuelinks') return this.renderLinks(issue);
    if (id === 'statusCategory') {
      const category = this.statusCategoryOf(issue);
      return category === undefined ? null : this.statusCategoryDetails(category);
    }
    if (id === 'comment') {
      return {
        comments: issue.comments.map((c) => this.renderComment(issue, c)),
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0,
      };
    }
    if (raw === undefined || raw === null) return null;
    switch (def?.type) {
      case 'user': {
        const accountId =
          typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['accountId'] : undefined;
        return typeof accountId === 'string' ? this.userDetails(accountId) : null;
      }
      case 'status': {
        const name = (raw as Record<string, unknown>)['name'];
        return typeof name === 'string' ? this.statusDetails(name) : raw;
      }
      case 'project': {
        const p = raw as Record<string, unknown>;
        return {
          self: `${JIRA_BASE_URL}/rest/api/3/project/${String(p['id'])}`,
          ...p,
          projectTypeKey: 'service_desk',
          simplified: false,
        };
      }
      case 'issuetype': {
        const t = raw as Record<string, unknown>;
        return {
          self: `${JIRA_BASE_URL}/rest/api/3/issuetype/${String(t['id'])}`,
          ...t,
          subtask: false,
          hierarchyLevel: 0,
        };
      }
      default:
        return structuredClone(raw);
    }
  }

  // ----- issue links (hand-off: src/app/handoff) ----------------------------------------------

  /** Issue links between stored issues (`POST /rest/api/3/issueLink`), rendered in `issuelinks`. */
  links: StoredLink[] = [];
  private nextLinkId = 30000;
  readonly linkTypes: ReadonlyArray<{ id: string; name: string; inward: string; outward: string }> = [
    { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
    { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
    { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  ];

  addLink(typeId: string, inwardIssueId: string, outwardIssueId: string): StoredLink {
    const link = { id: String(this.nextLinkId++), typeId, inwardIssueId, outwardIssueId };
    this.links.push(link);
    return link;
  }

  /** As Jira: from each issue's side, the other issue under `inwardIssue` or `outwardIssue` with key fields. */
  renderLinks(issue: StoredIssue): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const l of this.links) {
      if (l.inwardIssueId !== issue.id && l.outwardIssueId !== issue.id) continue;
      const t = this.linkTypes.find((x) => x.id === l.typeId);
      const otherId = l.inwardIssueId === issue.id ? l.outwardIssueId : l.inwardIssueId;
      const other = this.issues.get(otherId);
      if (!t || !other) continue;
      const status = other.fields['status'] as { name?: unknown } | undefined;
      const linked = {
        id: other.id,
        key: other.key,
        self: `${JIRA_BASE_URL}/rest/api/3/issue/${other.id}`,
        fields: {
          summary: other.fields['summary'],
          ...(typeof status?.name === 'string' ? { status: this.statusDetails(status.name) } : {}),
          issuetype: this.renderField(other, 'issuetype'),
        },
      };
      out.push({
        id: l.id,
        self: `${JIRA_BASE_URL}/rest/api/3/issueLink/${l.id}`,
        type: {
          id: t.id,
          name: t.name,
          inward: t.inward,
          outward: t.outward,
          self: `${JIRA_BASE_URL}/rest/api/3/issueLinkType/${t.id}`,
        },
        ...(l.inwardIssueId === issue.id ? { outwardIssue: linked } : { inwardIssue: linked }),
      });
    }
    return out;
  }

  renderComment(issue: StoredIssue, c: StoredComment): Record<string, unknown> {
    return {
      self: `${JIRA_BASE_URL}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
      id: c.id,
      author: this.userDetails(c.authorAccountId),
      body: structuredClone(c.body),
      updateAuthor: this.userDetails(c.authorAccountId),
      created: c.created,
      updated: c.updated,
      jsdPublic: true,
      ...(c.visibility !== undefined ? { visibility: structuredClone(c.visibility) } : {}),
    };
  }

  /** Human-readable form of a field value for changelog `fromString` / `toString`. */
  displayString(id: string, value: unknown): string | null {
    if (value === undefined || value === null) return null;
    if (Array.isArray(value)) return value.map((v) => this.displayString(id, v) ?? '').join(' ');
    if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o['accountId'] === 'string') return this.users.get(o['accountId'])?.displayName ?? o['accountId'];
      for (const k of ['name', 'value', 'key']) if (typeof o[k] === 'string') return o[k];
      return JSON.stringify(value);
    }
    return String(value);
  }
}

function jqlTypeOf(t: FieldValueType): JqlFieldType | undefined {
  switch (t) {
    case 'string':
    case 'number':
    case 'datetime':
    case 'date':
    case 'user':
    case 'option':
    case 'labels':
    case 'project':
      return t;
    case 'issuetype':
    case 'status':
    case 'priority':
    case 'resolution':
    case 'group':
      return 'named';
    default:
      return undefined;
  }
}

function parseDateOrThrow(text: string): number {
  const ms = parseJiraDateTime(text);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 datetime: ${text}`);
  return ms;
}

// ----- site configuration (issue type schemes, workflows, schemes, screens) — used by the setup routes --

export interface IssueTypeSchemeState {
  id: string;
  name: string;
  isDefault: boolean;
  /** Issue type ids in order; the default scheme holds every global issue type (kept in step on create). */
  issueTypeIds: string[];
}

export interface WorkflowState {
  id: string;
  name: string;
  /** Status ids, in the order given. */
  statusIds: string[];
  transitions: Array<{
    id: string;
    name: string;
    type: string;
    toStatusId: string;
    fromStatusIds: string[];
    /** Post functions, validators and conditions as given (`WorkflowRuleConfiguration`, `ConditionGroupConfiguration`). */
    actions: WorkflowRule[];
    validators: WorkflowRule[];
    conditions: unknown;
    transitionScreen: WorkflowRule | undefined;
  }>;
}

export interface WorkflowSchemeState {
  id: number;
  name: string;
  description: string;
  defaultWorkflow: string;
  issueTypeMappings: Record<string, string>;
}

export interface ScreenState {
  id: number;
  name: string;
  tabs: Array<{ id: number; name: string; fieldIds: string[] }>;
}

export interface SiteConfigState {
  issueTypeSchemes: IssueTypeSchemeState[];
  /** Project id → issue type scheme id; absent = the default scheme (company-managed projects). */
  issueTypeSchemeOfProject: Map<string, string>;
  workflows: WorkflowState[];
  workflowSchemes: WorkflowSchemeState[];
  /** Project id → workflow scheme id; absent = Jira's Default Workflow Scheme (no id). */
  workflowSchemeOfProject: Map<string, number>;
  screens: ScreenState[];
  screenSchemes: Array<{
    id: number;
    name: string;
    screens: { default: number; create?: number; edit?: number; view?: number };
  }>;
  issueTypeScreenSchemes: Array<{
    id: string;
    name: string;
    mappings: Array<{ issueTypeId: string; screenSchemeId: string }>;
  }>;
  /** Project id → issue type screen scheme id; absent = `1`, the default. */
  issueTypeScreenSchemeOfProject: Map<string, string>;
  /** Team-managed (`next-gen`) project ids. */
  teamManaged: Set<string>;
  nextId: number;
}

/** A fresh site: default schemes and one Default Screen with the system fields. */
export function defaultSiteConfig(): SiteConfigState {
  return {
    issueTypeSchemes: [{ id: '10000', name: 'Default Issue Type Scheme', isDefault: true, issueTypeIds: [] }],
    issueTypeSchemeOfProject: new Map(),
    workflows: [],
    workflowSchemes: [],
    workflowSchemeOfProject: new Map(),
    screens: [
      {
        id: 1,
        name: 'Default Screen',
        tabs: [
          {
            id: 10000,
            name: 'Field Tab',
            fieldIds: ['summary', 'issuetype', 'description', 'priority', 'assignee', 'reporter', 'labels', 'duedate'],
          },
        ],
      },
    ],
    screenSchemes: [{ id: 1, name: 'Default Screen Scheme', screens: { default: 1 } }],
    issueTypeScreenSchemes: [
      {
        id: '1',
        name: 'Default Issue Type Screen Scheme',
        mappings: [{ issueTypeId: 'default', screenSchemeId: '1' }],
      },
    ],
    issueTypeScreenSchemeOfProject: new Map(),
    teamManaged: new Set(),
    nextId: 20000,
  };
}
