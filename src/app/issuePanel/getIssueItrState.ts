import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import type { ClockFinal, IssueItrState, OwnerHistoryEntry } from '../../contract/issuePanel';
import type { PersonName } from '../../contract/people';
import type { AcceptanceState } from '../../contract/triage';
import { accountIdsIn, ownerHistoryOf, pendingForwardFor, personOf } from './ownerHistory';
import { pausesOf, type LinePause } from '../escalation/pauses';
import { loadClockSettings, type ClockSettings } from '../escalation/clockSettings';
import { ConfigStore } from '../../adapters/kvs';
import { namesOf } from '../people/displayNames';
import { responseClockOf } from './responseClockView';
import { closureViewOf, submitterIdOf, visitPendingOf } from './closureView';
import { loadFallback } from '../closure/fallbackClosers';
import { isSupervisor, loadSettings } from '../returnVisits/settings';
import {
  consumedWorkingMinutes,
  DomainError,
  finalClockState,
  isItrKind,
  isSupportLine,
  lineBudget,
  timeRuleOf,
  isTimeRule,
  lineClockStatus,
  type FinalClockState,
  type GradingTable,
  type Pause,
} from '../../domain';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import { accountIdOf, statusCategoryOf } from '../fields/issueState';
import { doneAt, isIssueDone } from '../../domain/issueDone';
import { issueNotFound } from '../itrError';
import { repositories } from '../ports';
import type { OwnerHistoryRow } from '../ports/classificationHistory';

/** The system fields that tell whether (and since when) the issue is done. */
export const DONE_FIELDS = ['status', 'resolution', 'resolutiondate', 'statuscategorychangedate'];
/** The system fields the response clock's calendar and budget come from (its grade's, or the project's default). */
const RESPONSE_FIELDS = ['created', 'project'];

export interface IssuePanelDeps {
  /** Reads the issue as the viewer, so Jira's browse permission decides what the panel may show. */
  jiraForViewer(): JiraClient;
  /** Reads the app's field list as the app (any user may open the panel). */
  jiraAsApp(): JiraClient;
  loadConfig(): Promise<ItrConfig>;
  /** Every waiting-for-customer pause of the issue, by line (SQL `line_pause`; line null: before triage). */
  pauses(issueId: string): Promise<LinePause[]>;
  /** The untriaged default grades (the response clock's calendar before triage). */
  clockSettings(): Promise<ClockSettings>;
  /** Acceptance, decline, timeout consent and forwards (SQL `classification_history`). */
  ownerHistory(issueId: string): Promise<OwnerHistoryRow[]>;
  /** Display names of the accounts; null for one Jira no longer knows (the UI says "Unknown user"). */
  names(accountIds: readonly string[]): Promise<PersonName[]>;
  /** The fallback closers an admin named (they may close like the submitter). */
  fallbackClosers(): Promise<readonly string[]>;
  /** Whether the viewer supervises return visits (asked of Jira as the viewer). */
  viewerSupervises(): Promise<boolean>;
  now(): Date;
}

export const platformIssuePanelDeps: IssuePanelDeps = {
  jiraForViewer: () => jiraAsUser(),
  jiraAsApp: () => jiraAsApp(),
  loadConfig: () => loadItrConfig(),
  pauses: async (issueId) => (await pausesOf([issueId])).get(issueId) ?? [],
  clockSettings: () => loadClockSettings(new ConfigStore()),
  ownerHistory: (issueId) => repositories().classificationHistory.readOwnerHistory(issueId),
  names: async (accountIds) =>
    [...(await namesOf(jiraAsApp(), accountIds))].map(([accountId, displayName]) => ({ accountId, displayName })),
  fallbackClosers: async () => (await loadFallback()).config.accountIds,
  viewerSupervises: async () => isSupervisor(jiraAsUser(), (await loadSettings()).settings),
  now: () => new Date(),
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The grade is only usable if the table in force still defines it (an admin may have removed it). */
function knownGrade(table: GradingTable, grade: string | null): string | null {
  return grade !== null && table.grades.some((g) => g.id === grade) ? grade : null;
}

function finalOf(f: FinalClockState): ClockFinal {
  return f.outcome === 'met'
    ? { outcome: 'met', spareMinutes: f.spareMinutes, stoppedAt: f.stoppedAt.toISOString() }
    : { outcome: 'breached', overMinutes: f.overMinutes, stoppedAt: f.stoppedAt.toISOString() };
}

const ACCEPTANCE_STATES: readonly AcceptanceState[] = ['awaiting', 'accepted', 'deemedAccepted'];
const acceptanceOf = (v: unknown): AcceptanceState | null =>
  (ACCEPTANCE_STATES as readonly unknown[]).includes(v) ? (v as AcceptanceState) : null;

/** What the panel shows of people and answers; the line clock is `itrStateOf`'s part. */
export interface OwnerView {
  owner: PersonName | null;
  canAnswer: boolean;
  pendingForward: OwnerHistoryEntry | null;
  ownerHistory: OwnerHistoryEntry[];
}

const NO_OWNER_VIEW: OwnerView = { owner: null, canAnswer: false, pendingForward: null, ownerHistory: [] };

/** The panel's state without the way to Closed (`closureViewOf` adds it). */
export type PanelClockState = Omit<IssueItrState, 'closure'>;

/**
 * Pure: the panel's view of one issue from its ITR field values, the config, the line's pauses and the
 * time. The due and warning times are the issue's fields as the app wrote them (one source of truth,
 * the same the sweep escalates by): the panel never computes other ones. When the issue is done the
 * clock has stopped, and its final state is shown: met with time to spare, or breached by how much.
 */
export function itrStateOf(
  issueKey: string,
  fields: Record<string, unknown>,
  ids: ItrFieldIds,
  config: ItrConfig,
  now: Date,
  pauses: readonly Pause[] = [],
  people: OwnerView = NO_OWNER_VIEW,
): PanelClockState {
  const kind = text(fields[ids.kind]);
  const line = text(fields[ids.line]);
  const version = fields[ids.gradingTableVersion];
  const grade = text(fields[ids.grade]);
  const enteredAt = instant(fields[ids.lineEnteredAt]);
  const dueAt = instant(fields[ids.lineDueAt]);
  const warnAt = instant(fields[ids.lineWarnAt]);
  const definition = grade === null ? undefined : config.gradingTable.grades.find((g) => g.id === grade);
  // Done by Resolution or by status category: the clock stopped when the issue became done.
  const markers = { resolved: fields['resolution'] != null, statusCategory: statusCategoryOf(fields['status']) };
  const done = isIssueDone(markers);
  const stamped = fields[ids.timeRule];
  const state: PanelClockState = {
    issueKey,
    kind: kind !== null && isItrKind(kind) ? kind : null,
    grade,
    gradeLabel: definition === undefined ? null : { en: definition.label.en, 'zh-CN': definition.label['zh-CN'] },
    gradingTableVersion: typeof version === 'number' ? version : null,
    gradingTableInForce: config.gradingTable.version,
    // The rule the app stamped with the clocks it wrote (itr-time-rule); worked out only for an issue
    // graded before the stamp existed.
    timeRule:
      grade === null || knownGrade(config.gradingTable, grade) === null
        ? null
        : isTimeRule(stamped)
          ? stamped
          : timeRuleOf(config.gradingTable, text(fields[ids.classification]), grade),
    line: line !== null && isSupportLine(line) ? line : null,
    lineEnteredAt: enteredAt?.toISOString() ?? null,
    dueAt: done ? null : (dueAt?.toISOString() ?? null),
    warnAt: done ? null : (warnAt?.toISOString() ?? null),
    pausedSince: null,
    remainingMinutes: null,
    status: done ? 'done' : 'notStarted',
    lineFinal: null,
    response: null, // the response clock needs the history and every pause: getIssueItrState adds it (responseClockView.ts)
    acceptance: acceptanceOf(fields[ids.acceptance]),
    ...people,
    // Only an open issue awaits an answer.
    canAnswer: people.canAnswer && !done,
  };
  const usableGrade = knownGrade(config.gradingTable, grade);
  if (state.line === null || enteredAt === null || usableGrade === null) return state;
  const budget = lineBudget(config.gradingTable, usableGrade, state.line, state.timeRule ?? 'problem');
  const calendar = config.calendars.get(budget.calendarId);
  if (calendar === undefined)
    throw new DomainError('CONFIG_UNKNOWN_CALENDAR', `Calendar ${budget.calendarId} is not configured`);
  if (done) {
    const at =
      doneAt({
        ...markers,
        resolutionDate: instant(fields['resolutiondate']),
        statusCategoryChangedAt: instant(fields['statuscategorychangedate']),
      }) ?? now;
    const stoppedAt = at.getTime() < now.getTime() ? at : now;
    // The stored due time when there is one; none is stored while a pause held the clock at the end.
    const clock = dueAt !== null ? { dueAt } : { startedAt: enteredAt, budgetMinutes: budget.minutes };
    const final = finalClockState({ calendar, clock, stoppedAt, pauses });
    return { ...state, remainingMinutes: final.outcome === 'met' ? final.spareMinutes : 0, lineFinal: finalOf(final) };
  }
  const open = pauses.find((p) => p.to === null);
  if (open !== undefined && open.from.getTime() <= now.getTime()) {
    // Stopped: what the clock will resume with, from the budget (no due time is stored while paused).
    const remainingMinutes = Math.max(
      0,
      Math.round(budget.minutes - consumedWorkingMinutes({ calendar, enteredAt, pauses, now })),
    );
    return { ...state, pausedSince: open.from.toISOString(), remainingMinutes, status: 'paused' };
  }
  if (dueAt === null) return state; // the app has not stamped this line's clock (yet)
  const remainingMinutes = Math.max(
    0,
    Math.round(consumedWorkingMinutes({ calendar, enteredAt: now, pauses, now: dueAt })),
  );
  return { ...state, remainingMinutes, status: lineClockStatus({ dueAt, warnAt }, now) };
}

/**
 * When the current acceptance was recorded: the latest `accepted` or `deemedAccepted` row (a decline
 * restarts the wait for an answer; the next acceptance is what stops the clock again).
 */
export function acceptedAtOf(rows: readonly OwnerHistoryRow[]): Date | null {
  let at: Date | null = null;
  for (const r of rows)
    if (r.field === 'acceptance' && (r.newValue === 'accepted' || r.newValue === 'deemedAccepted')) at = r.at;
  return at;
}

/**
 * Who the issue is with and what the viewer may do, from the owner field and the audit rows; the names
 * looked up (one call, the submitter's included) for the closure view.
 */
async function ownerViewOf(
  fields: Record<string, unknown>,
  ids: ItrFieldIds,
  viewer: string | undefined,
  rows: readonly OwnerHistoryRow[],
  deps: IssuePanelDeps,
): Promise<{ view: OwnerView; names: ReadonlyMap<string, PersonName> }> {
  const ownerId = accountIdOf(fields[ids.owner]);
  const submitterId = submitterIdOf(fields, ids);
  const people = [ownerId, submitterId].filter((id): id is string => id !== null);
  const wanted = [...new Set([...accountIdsIn(rows), ...people])];
  const names = new Map((wanted.length === 0 ? [] : await deps.names(wanted)).map((p) => [p.accountId, p]));
  const ownerHistory = ownerHistoryOf(rows, names);
  const view = {
    owner: personOf(ownerId, names),
    canAnswer: viewer !== undefined && ownerId === viewer && fields[ids.acceptance] === 'awaiting',
    pendingForward: pendingForwardFor(ownerHistory, viewer),
    ownerHistory,
  };
  return { view, names };
}

/**
 * The ITR issue panel's state: kind, grade (and the table version it was stamped with), support line,
 * the line's due and warning times as the issue's fields hold them, the clocks' final state once done,
 * the owner by name, what the viewer may answer, the owner history, and the way to Closed (closureView.ts).
 */
export async function getIssueItrState(
  issueKey: string,
  accountId: string | undefined,
  deps: IssuePanelDeps = platformIssuePanelDeps,
): Promise<IssueItrState> {
  const [ids, config] = await Promise.all([lookUpFieldIds(deps.jiraAsApp()), deps.loadConfig()]);
  const issue = await deps
    .jiraForViewer()
    .getIssue(issueKey, { fields: [...Object.values(ids), ...DONE_FIELDS, ...RESPONSE_FIELDS] })
    .catch(issueNotFound(issueKey));
  const line = text(issue.fields[ids.line]);
  const [pauses, rows, settings] = await Promise.all([
    deps.pauses(issue.id),
    deps.ownerHistory(issue.id),
    deps.clockSettings(),
  ]);
  const visitPending = visitPendingOf(issue.fields, ids);
  const [people, fallbackAccountIds, viewerRecordsVisits] = await Promise.all([
    ownerViewOf(issue.fields, ids, accountId, rows, deps),
    deps.fallbackClosers(),
    // Two Jira calls (groups, admin permission): only while a visit waits to be recorded.
    visitPending && accountId !== undefined ? deps.viewerSupervises() : Promise.resolve(false),
  ]);
  const now = deps.now();
  const onLine = pauses.filter((p) => line !== null && p.line === line).map(({ from, to }) => ({ from, to }));
  const state = itrStateOf(issueKey, issue.fields, ids, config, now, onLine, people.view);
  const closure = closureViewOf({
    fields: issue.fields,
    ids,
    viewer: accountId,
    fallbackAccountIds,
    names: people.names,
    viewerRecordsVisits,
  });
  // The response clock runs from creation across triage and every line: each wait stops it.
  const allPauses = pauses.map(({ from, to }) => ({ from, to }));
  const response = responseClockOf({
    fields: issue.fields,
    ids,
    config,
    settings,
    now,
    pauses: allPauses,
    acceptedAt: acceptedAtOf(rows),
  });
  return { ...state, response, closure };
}
