/**
 * Triage (分类分级, acceptance): the neutral triage role classifies, grades and dispatches; the owner
 * accepts, forwards or escalates to a supervisor; an owner that does not answer within the grade's
 * response time, counted from the issue's creation, is deemed to accept (超时默认为同意受理) by the
 * scheduled sweep (src/app/escalation/processResponse.ts), never by a page load. Every change is
 * audited in Forge SQL.
 *
 * Reads of issues go as the caller (Jira's browse permission decides); writes of the app's read-only
 * fields go as the app, in one bulk request, after every check has passed.
 */
import { sizeOf, STORED_LIMITS, tooLong, type StoredValue } from '../../domain/storageLimits';
import {
  JiraError,
  JiraErrorCode,
  jiraAsApp,
  jiraAsUser,
  type AppFieldValueUpdate,
  type JiraClient,
} from '../../adapters/jira';
import type {
  AcceptanceState,
  ClassificationHistoryEntry,
  ReassignRequest,
  TriageDecision,
  TriageListItem,
  TriageListPage,
  TriageOptions,
  TriageResult,
} from '../../contract/triage';
import {
  DomainError,
  gradeIssue,
  GradingErrorCode,
  isItrKind,
  isSupportLine,
  recordClassification,
  type GradingTable,
  timeRuleOf,
} from '../../domain';
import { NotAuthorizedError } from '../auth/authorization';
import { enterLine, platformDeps as escalationDeps, type EnteredLine, type EnterLineInput } from '../escalation';
import { jiraDateTime, lineClock } from '../escalation/lineClock';
import { issuePauses, linePauses, pausesOf } from '../escalation/pauses';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import { encodableAnswers } from '../fields/gradingAnswers';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds, ItrFieldName } from '../fields/itrFields';
import { accountIdOf, CLOSED_FIELDS, isClosed, jqlField, OPEN_JQL, textOf } from '../fields/issueState';
import { ConfigStore } from '../../adapters/kvs';
import { loadClockSettings, type ClockSettings } from '../escalation/clockSettings';
import { instantOf, responseClockOf, setResponseFields } from '../escalation/responseClock';
import { FieldWrites } from '../escalation/fieldWrites';
import { itrScopeJql, loadItrScope, type ItrScope } from '../setup/itrProjects';
import { isAccountId } from '../../domain/jiraKeys';
import { TriageErrorCode } from './triageErrors';
import { ItrError, issueNotFound, type Problem } from '../itrError';
import { historyRows, ownerFromLine, planTriage, type CheckedDecision, type TriagePlan } from './triagePlan';
import { loadTriageRole, requireTriageRole, hasTriageRole, type TriageRoleConfig } from './triageRole';
import { writeItrFields } from '../fields/writeItrFields';
import { namesOf } from '../people/displayNames';
import { toServerErrorCode } from '../../contract/errorCodes';
import { repositories } from '../ports';
import { RULE_ACTOR, type HistoryRow } from '../ports/classificationHistory';
import type { Dispatch } from '../ports/dispatches';

export interface TriageDeps {
  /** Jira as the resolver's caller (`asUser()`). */
  asCaller(): JiraClient;
  asApp(): JiraClient;
  loadConfig(): Promise<ItrConfig>;
  loadRole(): Promise<TriageRoleConfig>;
  appendHistory(rows: readonly HistoryRow[]): Promise<void>;
  readHistory(issueId: string): Promise<ClassificationHistoryEntry[]>;
  /** The acceptance clocks (app-owned storage, src/app/ports/dispatches.ts); never an issue property a user may write. */
  readDispatches(issueIds: readonly string[]): Promise<Map<string, Dispatch>>;
  recordDispatch(issueId: string, dispatch: Dispatch): Promise<void>;
  /** The projects and issue types triage lists (src/app/setup/itrProjects.ts). */
  loadScope(): Promise<ItrScope>;
  /** Settings of the response clock's untriaged default grade (src/app/escalation/clockSettings.ts). */
  loadClockSettings(): Promise<ClockSettings>;
  /**
   * The issue enters a support line (escalation's use case: due/warn times on the line's calendar,
   * written with `alsoWrite` in one bulk request, and the line history started). `known` saves it
   * the field-id lookup and config read triage has already done.
   */
  enterLine(input: EnterLineInput, known: { ids: ItrFieldIds; config: ItrConfig }): Promise<EnteredLine>;
  now(): Date;
}

export const platformTriageDeps: TriageDeps = {
  asCaller: () => jiraAsUser(),
  asApp: () => jiraAsApp(),
  loadConfig: () => loadItrConfig(),
  loadRole: () => loadTriageRole(),
  appendHistory: (rows) => repositories().classificationHistory.appendHistory(rows),
  readHistory: (issueId) => repositories().classificationHistory.readHistory(issueId),
  readDispatches: (issueIds) => repositories().dispatches.readDispatches(issueIds),
  recordDispatch: (issueId, dispatch) => repositories().dispatches.recordDispatch(issueId, dispatch),
  loadScope: () => loadItrScope(),
  loadClockSettings: () => loadClockSettings(new ConfigStore()),
  enterLine: (input, known) =>
    enterLine(input, {
      ...escalationDeps(),
      fieldIds: () => Promise.resolve(known.ids),
      loadConfig: () => Promise.resolve(known.config),
    }),
  now: () => new Date(),
};

/**
 * The issue property where releases before issue 13 kept the dispatch. Never read (any editor of the
 * issue can write it); the acceptance clock is the app-owned `triage_dispatch` table.
 */
export const LEGACY_DISPATCH_PROPERTY = 'itr.dispatch';

export { RULE_ACTOR };
/**
 * Typed text follows its column (src/domain/storageLimits.ts): product, region and tier their fact
 * columns; a reassignment's reason and a justification what classification_history.reason holds after
 * the prefix stored with them. Over its limit a value is refused (VALUE_TOO_LONG), never cut.
 */
const REASON_LIMIT = STORED_LIMITS.triageReason;
const PAGE_SIZE = 50;

const ACCEPTANCE_STATES: readonly AcceptanceState[] = ['awaiting', 'accepted', 'deemedAccepted'];
const isAcceptance = (v: unknown): v is AcceptanceState =>
  typeof v === 'string' && (ACCEPTANCE_STATES as readonly string[]).includes(v);

function itrFieldList(ids: ItrFieldIds, names: ItrFieldName[]): string[] {
  return names.map((n) => ids[n]);
}

const TRIAGE_FIELDS: ItrFieldName[] = [
  'kind',
  'classification',
  'grade',
  'gradingTableVersion',
  'gradingAnswers',
  'line',
  'lineEnteredAt',
  'owner',
  'acceptance',
  'customerTier',
  'warranty',
  'product',
  'region',
];

/**
 * An issue is handed only to someone who can work on it: a well-formed account id that Jira knows and
 * that may browse the issue (asked as the app: only admins and apps may check another user's
 * permissions, `POST /rest/api/3/permissions/check`). Otherwise the issue would sit with an owner who
 * cannot open it until it is deemed accepted by timeout.
 */
async function requireOwnerCanBrowse(
  app: JiraClient,
  ownerAccountId: string,
  issueId: string,
  path: string,
): Promise<void> {
  if (!(await app.userHasIssuePermission(ownerAccountId, issueId, 'BROWSE_PROJECTS'))) {
    throw ItrError.of([
      {
        code: TriageErrorCode.OwnerCannotBrowse,
        path,
        message: `${ownerAccountId} may not browse this issue`,
        params: { accountId: ownerAccountId },
      },
    ]);
  }
}

/**
 * Makes the new owner Jira's assignee, as the app (the triage user may lack "Assign issues"), BEFORE any
 * app field is written: Jira's 400 (the person is not an "Assignable user" in the project) becomes
 * TRIAGE_OWNER_NOT_ASSIGNABLE and nothing is written, so the owner field and the assignee never
 * disagree. Nothing is sent when Jira's assignee already is that person.
 */
async function assignInJira(
  app: JiraClient,
  issueId: string,
  ownerAccountId: string,
  assignee: string | null,
  path: string,
): Promise<void> {
  if (assignee === ownerAccountId) return;
  try {
    await app.assignIssue(issueId, ownerAccountId);
  } catch (e) {
    if (e instanceof JiraError && e.code === JiraErrorCode.BadRequest) {
      throw ItrError.of([
        {
          code: TriageErrorCode.OwnerNotAssignable,
          path,
          message: `${ownerAccountId} cannot be assigned issues in this project`,
          params: { accountId: ownerAccountId },
        },
      ]);
    }
    throw e;
  }
}

function ownerFormatError(ownerAccountId: string, path: string): Problem | undefined {
  return isAccountId(ownerAccountId)
    ? undefined
    : { code: TriageErrorCode.OwnerInvalid, path, message: `${path} is not an Atlassian account id` };
}

// ----- options -------------------------------------------------------------------------------------

export function triageOptionsOf(table: GradingTable): TriageOptions {
  return {
    tableVersion: table.version,
    dimensions: table.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      guidance: d.guidance ?? null,
      options: d.options.map((o) => ({ id: o.id, label: o.label })),
    })),
    grades: table.grades.map((g) => ({ id: g.id, label: g.label })),
  };
}

export async function getTriageOptions(
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<TriageOptions> {
  await requireTriageRole(accountId, deps.asCaller(), await deps.loadRole());
  return triageOptionsOf((await deps.loadConfig()).gradingTable);
}

// ----- acceptance (timeout means consent) -----------------------------------------------------------

/**
 * By when the owner of an issue awaiting its answer must accept: the issue's response due time, as its
 * app field holds it (one source of truth with the panel and the sweep); null when the issue is not
 * awaiting an answer or its response clock is paused.
 */
export function acceptanceOf(fields: Record<string, unknown>, ids: ItrFieldIds): { acceptBy: Date } | null {
  if (fields[ids.acceptance] !== 'awaiting') return null;
  const due = instantOf(fields[ids.responseDueAt]);
  return due === null ? null : { acceptBy: due };
}

// ----- list ------------------------------------------------------------------------------------------

/** The display name Jira renders with a user field's value (no extra request); null when it gives none. */
function userNameOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const name = (value as Record<string, unknown>)['displayName'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/**
 * Unaccepted open ITR issues, oldest first: not yet triaged (no kind or no line), declined back to
 * triage (no acceptance), or dispatched and awaiting the owner's answer; only the ITR issue types in the projects the admin chose (hand-off
 * targets never). Reads only: timeout consent is the sweep's (a page load never changes state).
 */
export async function listTriage(
  accountId: string | undefined,
  pageToken: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<TriageListPage> {
  const caller = deps.asCaller();
  await requireTriageRole(accountId, caller, await deps.loadRole());
  const app = deps.asApp();
  const [ids, scope] = await Promise.all([lookUpFieldIds(app), deps.loadScope()]);
  const inScope = itrScopeJql(scope);
  if (inScope === null) return { items: [], nextPageToken: null, deemedAccepted: [] };
  const jql =
    `${OPEN_JQL} AND ${inScope} AND (${jqlField(ids.kind)} IS EMPTY OR ${jqlField(ids.line)} IS EMPTY OR ` +
    // Once triaged, the acceptance is empty only when nobody answers for the issue any more: declined
    // by its owner (src/app/triage/decline.ts) or unassigned in Jira. Back to triage, like untriaged work.
    `${jqlField(ids.acceptance)} IS EMPTY OR ${jqlField(ids.acceptance)} = "awaiting") ` +
    'ORDER BY created ASC';
  const search = caller.searchJql(jql, {
    fields: ['summary', 'created', ...itrFieldList(ids, TRIAGE_FIELDS), ids.responseDueAt],
    pageSize: PAGE_SIZE,
    ...(pageToken !== undefined ? { startToken: pageToken } : {}),
  });
  const first = await search.next();
  const page = first.done === true ? { issues: [], nextPageToken: undefined } : first.value;

  const items: TriageListItem[] = [];
  for (const issue of page.issues) {
    const f = issue.fields;
    const acceptance = acceptanceOf(f, ids);
    const kind = textOf(f[ids.kind]);
    const line = textOf(f[ids.line]);
    const classification = textOf(f[ids.classification]);
    const state = f[ids.acceptance];
    items.push({
      issueId: issue.id,
      issueKey: issue.key ?? issue.id,
      summary: textOf(f['summary']) ?? '',
      created: typeof f['created'] === 'string' ? new Date(f['created']).toISOString() : '',
      kind: kind !== null && isItrKind(kind) ? kind : null,
      classification: classification === 'problem' || classification === 'requirement' ? classification : null,
      grade: textOf(f[ids.grade]),
      line: line !== null && isSupportLine(line) ? line : null,
      ownerAccountId: accountIdOf(f[ids.owner]),
      ownerName: userNameOf(f[ids.owner]),
      acceptance: isAcceptance(state) ? state : null,
      acceptBy: acceptance?.acceptBy.toISOString() ?? null,
    });
  }
  return { items, nextPageToken: page.nextPageToken ?? null, deemedAccepted: [] };
}

// ----- triage decision ---------------------------------------------------------------------------------

function optionalText(
  value: string | undefined,
  path: string,
  errors: Problem[],
  kind: StoredValue = 'triageText',
): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  const limit = STORED_LIMITS[kind];
  if (t === '' || sizeOf(t, limit) > limit.max) {
    errors.push({
      code: TriageErrorCode.InvalidText,
      path,
      message: `${path} must be 1–${limit.max} characters`,
      params: { max: limit.max },
    });
    return undefined;
  }
  return t;
}

/**
 * The grade the table in force gives `answers`, as triage saves it and its preview shows it; each
 * problem (unanswered, unknown option, a table that leaves them without a grade) goes to `errors`.
 */
export function gradeAnswers(
  table: GradingTable,
  answers: Record<string, string>,
  errors: Problem[],
): { grade: string; tableVersion: number } | undefined {
  if (!encodableAnswers(answers)) {
    errors.push({
      code: GradingErrorCode.AnswerUnknownOption,
      path: 'answers',
      message: 'answers hold ids no table uses',
    });
    return undefined;
  }
  try {
    const g = gradeIssue(table, answers);
    if (g.ok) return { grade: g.grade, tableVersion: g.tableVersion };
    for (const i of g.issues)
      errors.push({
        code: toServerErrorCode(i.code),
        path: i.path,
        message: i.message,
        ...(i.params ? { params: i.params } : {}),
      });
  } catch (e) {
    // The table leaves this combination without a grade: a configuration bug the admin must fix.
    if (e instanceof DomainError) errors.push({ code: toServerErrorCode(e.code), path: 'answers', message: e.message });
    else throw e;
  }
  return undefined;
}

/** Checks a decision against the table in force; throws an ItrError listing every problem. */
export function checkDecision(
  decision: TriageDecision,
  table: GradingTable,
  actor: string,
  now: Date,
): CheckedDecision {
  const errors: Problem[] = [];
  if (!isItrKind(decision.kind))
    errors.push({
      code: TriageErrorCode.InvalidKind,
      path: 'kind',
      message: `"${String(decision.kind)}" is not an ITR kind`,
    });
  const line = decision.line ?? 'L1';
  if (!isSupportLine(line))
    errors.push({
      code: TriageErrorCode.InvalidLine,
      path: 'line',
      message: `"${String(line)}" is not a support line`,
    });
  if (decision.warranty !== undefined && decision.warranty !== 'in' && decision.warranty !== 'out') {
    errors.push({ code: TriageErrorCode.InvalidWarranty, path: 'warranty', message: 'warranty is "in" or "out"' });
  }
  const product = optionalText(decision.product, 'product', errors);
  const region = optionalText(decision.region, 'region', errors);
  const tier = optionalText(decision.customerTier, 'customerTier', errors, 'customerTier');
  const justification = decision.classification.justification?.trim();
  const justificationTooLong =
    justification === undefined
      ? undefined
      : tooLong(justification, 'classificationJustification', 'classification.justification');
  if (justificationTooLong !== undefined) errors.push(justificationTooLong);

  const classified = recordClassification({
    facts: decision.classification.facts,
    decidedBy: actor,
    decidedAt: now,
    ...(decision.classification.chosen !== undefined ? { chosen: decision.classification.chosen } : {}),
    ...(decision.classification.justification !== undefined
      ? { justification: decision.classification.justification }
      : {}),
  });
  if (!classified.ok) {
    for (const i of classified.issues)
      errors.push({
        code: toServerErrorCode(i.code),
        path: `classification.${i.path}`,
        message: i.message,
        ...(i.params ? { params: i.params } : {}),
      });
  }

  const graded = gradeAnswers(table, decision.answers, errors);
  if (errors.length > 0 || graded === undefined || !classified.ok) throw ItrError.of(errors);
  return {
    kind: decision.kind,
    line: line,
    graded,
    classification: classified.value,
    timeRule: timeRuleOf(table, classified.value.classification, graded.grade),
    product,
    region,
    tier,
  };
}

/**
 * The customer's response clock, recomputed on the grade's calendar FROM CREATION (not from this
 * dispatch), with its waiting-for-customer pauses: its fields, for the same bulk request.
 */
async function responseClockWrites(
  plan: TriagePlan,
  known: { config: ItrConfig; ids: ItrFieldIds; now: Date },
  deps: TriageDeps,
): Promise<AppFieldValueUpdate[]> {
  if (plan.response === null) return [];
  const [clockSettings, pauses] = await Promise.all([deps.loadClockSettings(), pausesOf([plan.issueId])]);
  const { previousAlert, ...from } = plan.response;
  const response = responseClockOf(known.config, clockSettings, from, issuePauses(pauses, plan.issueId));
  if (response === null) return [];
  const writes = new FieldWrites();
  setResponseFields(writes, plan.issueId, known.ids, response, previousAlert, known.now);
  return writes.updates();
}

/** Same line, another grade: the line's deadlines from when it entered it, its waiting-for-customer pauses stopping the clock. */
async function lineClockWrites(
  plan: TriagePlan,
  checked: CheckedDecision,
  known: { config: ItrConfig; ids: ItrFieldIds },
): Promise<AppFieldValueUpdate[]> {
  if (plan.lineClockFrom === null) return [];
  const { issueId } = plan;
  const pauses = linePauses(await pausesOf([issueId]), issueId, checked.line);
  const clock = lineClock(
    known.config,
    checked.graded.grade,
    checked.line,
    plan.lineClockFrom,
    pauses,
    checked.timeRule,
  );
  return [
    {
      fieldId: known.ids.lineDueAt,
      issueIds: [issueId],
      value: clock.dueAt === null ? null : jiraDateTime(clock.dueAt),
    },
    {
      fieldId: known.ids.lineWarnAt,
      issueIds: [issueId],
      value: clock.warnAt === null ? null : jiraDateTime(clock.warnAt),
    },
  ];
}

/**
 * Applies the triage role's decision: checks everything first (nothing is written when anything is
 * wrong), plans the change from the issue as read (./triagePlan.ts, no I/O), then carries it out:
 * Jira's assignee, the line's entry (or its deadlines within the line), every changed field in one
 * bulk app-field request, the dispatch, and one history row per changed field.
 */
export async function triageIssue(
  decision: TriageDecision,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<TriageResult> {
  const caller = deps.asCaller();
  await requireTriageRole(accountId, caller, await deps.loadRole());
  const actor = accountId as string; // requireTriageRole refused an anonymous caller
  const app = deps.asApp();
  const [ids, config] = await Promise.all([lookUpFieldIds(app), deps.loadConfig()]);
  const now = deps.now();
  const checked = checkDecision(decision, config.gradingTable, actor, now);
  const owner = decision.ownerAccountId?.trim() || null;
  const ownerError = owner === null ? undefined : ownerFormatError(owner, 'ownerAccountId');
  if (ownerError !== undefined) throw ItrError.of([ownerError]);
  const issue = await caller
    .getIssue(decision.issueKey, {
      fields: [
        ...itrFieldList(ids, TRIAGE_FIELDS),
        ids.timeRule,
        'created',
        'project',
        'assignee',
        ids.responseDueAt,
        ids.responseWarnAt,
        ids.responseAlert,
        ...CLOSED_FIELDS,
      ],
    })
    .catch(issueNotFound(decision.issueKey));
  const plan = planTriage({ decision, checked, owner, issue, ids, now });
  if (plan.newOwner !== null) await requireOwnerCanBrowse(app, plan.newOwner, issue.id, 'ownerAccountId');

  const updates = [...plan.updates, ...(await responseClockWrites(plan, { config, ids, now }, deps))];
  // Jira's assignee moves first, the chosen owner's assignability asked of Jira (nothing written if not).
  if (owner !== null) await assignInJira(app, issue.id, owner, accountIdOf(issue.fields['assignee']), 'ownerAccountId');
  let holder = owner ?? plan.currentOwner;
  let lineEnteredAt = plan.lineEnteredAt;
  const changes = [...plan.changes];
  if (plan.entersLine) {
    // Entering the line: escalation computes and writes the due and warning times on the line's own
    // calendar and opens the stay in the line history; the other fields ride in the same bulk request.
    const entersWith = new Set<string>([ids.line, ids.lineEnteredAt, ids.lineDueAt, ids.lineWarnAt, ids.warnedLine]);
    if (owner !== null) entersWith.add(ids.owner);
    const entered = await deps.enterLine(
      {
        issueId: issue.id,
        grade: checked.graded.grade,
        timeRule: checked.timeRule,
        line: checked.line,
        at: now,
        actor,
        ...(owner === null ? {} : { holderAccountId: owner }),
        alsoWrite: updates.filter((u) => !entersWith.has(u.fieldId)),
      },
      { ids, config },
    );
    lineEnteredAt = entered.enteredAt;
    holder = entered.holderAccountId;
    const assigned = ownerFromLine(plan, owner, holder);
    if (assigned !== null) changes.push(assigned);
  } else {
    // Same line, maybe another grade: the line's clock keeps running, its deadlines follow the grade.
    updates.push(...(await lineClockWrites(plan, checked, { config, ids })));
    if (updates.length > 0) await writeItrFields(app, updates, { ids });
  }
  await deps.recordDispatch(issue.id, { dispatchedAt: now, ownerAccountId: holder, by: actor });
  await deps.appendHistory(historyRows(plan, changes, actor, now));
  return { ...plan.result, lineEnteredAt };
}

// ----- owner's answers: forward, escalate, accept -----------------------------------------------------

async function readForOwnerAction(issueKey: string, accountId: string | undefined, deps: TriageDeps) {
  if (accountId === undefined) throw new NotAuthorizedError('ITR_OWNER');
  const caller = deps.asCaller();
  const app = deps.asApp();
  const [ids, config] = await Promise.all([lookUpFieldIds(app), deps.loadConfig()]);
  const issue = await caller
    .getIssue(issueKey, {
      fields: [ids.owner, ids.acceptance, ids.grade, ids.responseDueAt, 'assignee', ...CLOSED_FIELDS],
    })
    .catch(issueNotFound(issueKey));
  if (isClosed(issue.fields))
    throw ItrError.of([{ code: TriageErrorCode.IssueClosed, path: 'issueKey', message: `${issueKey} is closed` }]);
  const owner = accountIdOf(issue.fields[ids.owner]);
  // The owner answers for itself; the triage role may act for anyone.
  if (owner !== accountId && !(await hasTriageRole(caller, await deps.loadRole()))) {
    throw ItrError.of([
      {
        code: TriageErrorCode.NotOwner,
        path: 'issueKey',
        message: `Only the owner of ${issueKey} or the triage role may do this`,
      },
    ]);
  }
  return { ids, config, issue, owner, app, actor: accountId };
}

/**
 * The owner (or triage) forwards the issue to the owner it believes responsible, or escalates it to a
 * supervisor, with a reason. The acceptance clock restarts for the new owner; the line's clock does not
 * (escalation is by time alone, and passing an issue on must not buy time).
 */
export async function reassignIssue(
  request: ReassignRequest,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<{ issueKey: string; ownerAccountId: string; acceptBy: string }> {
  const errors: Problem[] = [];
  const reason = request.reason.trim();
  if (reason === '')
    errors.push({
      code: TriageErrorCode.ReasonRequired,
      path: 'reason',
      message: `A reason of 1–${REASON_LIMIT.max} characters is required`,
      params: { max: REASON_LIMIT.max },
    });
  const reasonTooLong = tooLong(reason, 'triageReason', 'reason');
  if (reasonTooLong !== undefined) errors.push(reasonTooLong);
  const to = request.toAccountId.trim();
  if (to === '')
    errors.push({
      code: TriageErrorCode.OwnerRequired,
      path: 'toAccountId',
      message: 'Whom to pass the issue to is required',
    });
  else {
    const formatError = ownerFormatError(to, 'toAccountId');
    if (formatError !== undefined) errors.push(formatError);
  }
  if (errors.length > 0) throw ItrError.of(errors);
  const { ids, issue, owner, app, actor } = await readForOwnerAction(request.issueKey, accountId, deps);
  await requireOwnerCanBrowse(app, to, issue.id, 'toAccountId');
  // Within the same line: Jira's assignee follows the owner, asked first (nothing written if refused).
  await assignInJira(app, issue.id, to, accountIdOf(issue.fields['assignee']), 'toAccountId');
  const now = deps.now();
  const dispatch: Dispatch = { dispatchedAt: now, ownerAccountId: to, by: actor };
  await writeItrFields(
    app,
    [
      { fieldId: ids.owner, issueIds: [issue.id], value: { accountId: to } },
      { fieldId: ids.acceptance, issueIds: [issue.id], value: 'awaiting' },
    ],
    {
      ids,
      // The owner change's history (a forward, in the projection) before the projection's sync.
      then: async () => {
        await deps.recordDispatch(issue.id, dispatch);
        await deps.appendHistory([
          {
            issueId: issue.id,
            issueKey: issue.key ?? request.issueKey,
            field: 'owner',
            oldValue: owner,
            newValue: to,
            reason: `${request.mode}: ${reason}`,
            actorAccountId: actor,
            at: now,
          },
        ]);
      },
    },
  );
  const acceptance = acceptanceOf({ ...issue.fields, [ids.acceptance]: 'awaiting' }, ids);
  return {
    issueKey: issue.key ?? request.issueKey,
    ownerAccountId: to,
    acceptBy: (acceptance?.acceptBy ?? now).toISOString(),
  };
}

/** The owner accepts explicitly (before its response time runs out; afterwards it is deemed to have). */
export async function acceptIssue(
  issueKey: string,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<{ issueKey: string; acceptance: AcceptanceState }> {
  const { ids, issue, app, actor } = await readForOwnerAction(issueKey, accountId, deps);
  const state = issue.fields[ids.acceptance];
  if (state === 'accepted' || state === 'deemedAccepted') return { issueKey: issue.key ?? issueKey, acceptance: state };
  await writeItrFields(app, [{ fieldId: ids.acceptance, issueIds: [issue.id], value: 'accepted' }], { ids });
  await deps.appendHistory([
    {
      issueId: issue.id,
      issueKey: issue.key ?? issueKey,
      field: 'acceptance',
      oldValue: textOf(state),
      newValue: 'accepted',
      reason: null,
      actorAccountId: actor,
      at: deps.now(),
    },
  ]);
  return { issueKey: issue.key ?? issueKey, acceptance: 'accepted' };
}

/** The audit trail of one issue, for anyone who may browse it (read as the caller first). */
export async function getClassificationHistory(
  issueKey: string,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<ClassificationHistoryEntry[]> {
  const issue = await deps
    .asCaller()
    .getIssue(issueKey, { fields: ['summary'] })
    .catch(issueNotFound(issueKey));
  return withHistoryNames(await deps.readHistory(issue.id), deps.asApp());
}

/**
 * Names the actors and the owners in a history (one bulk user request as the app). Jira not knowing an
 * account leaves its name null ("Unknown user" in the UI); the history still answers if Jira cannot.
 */
async function withHistoryNames(
  entries: ClassificationHistoryEntry[],
  app: JiraClient,
): Promise<ClassificationHistoryEntry[]> {
  const ownerValues = entries.flatMap((e) => (e.field === 'owner' ? [e.oldValue, e.newValue] : []));
  const ids = [
    ...new Set(
      [...entries.map((e) => e.actorAccountId), ...ownerValues].filter(
        (id): id is string => id !== null && id !== RULE_ACTOR,
      ),
    ),
  ];
  if (ids.length === 0) return entries;
  let names: Map<string, string | null>;
  try {
    names = await namesOf(app, ids);
  } catch (e) {
    console.warn(
      JSON.stringify({
        event: 'classification-history',
        note: 'names unavailable',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
    return entries;
  }
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return entries.map((e) => ({
    ...e,
    actorName: nameOf(e.actorAccountId),
    oldValueName: e.field === 'owner' ? nameOf(e.oldValue) : null,
    newValueName: e.field === 'owner' ? nameOf(e.newValue) : null,
  }));
}
