/**
 * Waiting-for-customer pauses, the app's ONE pause mechanism: while an issue waits for the customer
 * every running clock of it stops, its line's (OLA) and its response clock (the customer's, until the
 * owner accepts). Which statuses mean waiting is the admin's choice (clock settings,
 * src/app/escalation/clockSettings.ts); later work (clarification with the submitter) calls
 * `pauseClocks` / `resumeClocks` directly.
 *
 *  - Pause: the start is recorded in `line_pause` (issue, line or `untriaged`, from, to NULL) and the
 *    due and warning fields of the running clocks are cleared, so the sweep (which searches by them)
 *    never finds a paused issue.
 *  - Resume: the pause is closed and the due and warning times are recomputed from when each clock
 *    started (the line's entry, the issue's creation), minus the paused working time, and written back
 *    in one bulk request.
 *
 * Several reasons share the one pause (a waiting status, an open clarification question, a pending
 * value assessment): the clocks restart only when the last of them ends (`resumeUnlessHeld`).
 *
 * Idempotent: a duplicate pause finds one already open and records nothing new (it clears the fields
 * again); a duplicate resume finds nothing open and writes the very same recomputed values.
 */
import {
  DomainError,
  pausesWhileAssessing,
  resumesWhenReleased,
  type Pause,
  type PauseHold,
  type PauseHoldFacts,
  type SupportLine,
} from '../../domain';
import { repositories } from '../ports';
import { UNTRIAGED_PAUSE_LINE, type LinePause } from '../ports/linePauses';
import { CLOSED_FIELDS, isClosed, textOf } from '../fields/issueState';
import { loadClockSettings } from './clockSettings';
import type { EscalationDeps } from './deps';
import { FieldWrites } from './fieldWrites';
import { escalationFieldList, escalationIssueOf, issueTimeRule, jiraDateTime, lineClock, toSecond } from './lineClock';
import { writeItrFields } from '../fields/writeItrFields';
import { instantOf, nameOf, responseAlertOf, responseClockOf, setResponseFields } from './responseClock';

export { PAUSE_STATUSES_KEY, DEFAULT_PAUSE_STATUS_NAMES, pauseStatusesCodec } from './clockSettings';

export { UNTRIAGED_PAUSE_LINE, type LinePause };

export async function loadPauseStatusNames(deps: Pick<EscalationDeps, 'store'>): Promise<readonly string[]> {
  return (await loadClockSettings(deps.store)).pauseStatuses;
}

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

/** The status change an `avi:jira:updated:issue` event's changelog shows, if any. */
export function statusChangeOf(event: unknown): { from: string | null; to: string | null } | undefined {
  const items = field(field(event, 'changelog'), 'items');
  if (!Array.isArray(items)) return undefined;
  const status: unknown = items.find((i) => field(i, 'fieldId') === 'status' || field(i, 'field') === 'status');
  if (status === undefined) return undefined;
  const name = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { from: name(field(status, 'fromString')), to: name(field(status, 'toString')) };
}

/**
 * When the status change happened: the event's `issue.fields.updated` (Forge delivers the issue as it
 * was at the change), else `now`. Triggers can run minutes late; the clock must stop at the change,
 * not at the run. A value in the future or unreadable falls back to `now`.
 */
export function statusChangedAt(event: unknown, now: Date): Date {
  const updated = field(field(field(event, 'issue'), 'fields'), 'updated');
  const at = typeof updated === 'string' ? new Date(updated) : undefined;
  return at === undefined || Number.isNaN(at.getTime()) || at.getTime() > now.getTime() ? now : at;
}

/** Every pause of the given issues (one query), by issue id. */
export function pausesOf(issueIds: readonly string[]): Promise<Map<string, LinePause[]>> {
  return repositories().linePauses.pausesOf(issueIds);
}

/** The pauses of one line of an issue (from `pausesOf`). */
export function linePauses(all: Map<string, LinePause[]> | undefined, issueId: string, line: SupportLine): Pause[] {
  return (all?.get(issueId) ?? []).filter((p) => p.line === line).map(({ from, to }) => ({ from, to }));
}

/**
 * Every pause of an issue, whatever line it was on: the response clock runs from creation across
 * triage and lines, so each waiting time stops it (overlaps are merged by the domain).
 */
export function issuePauses(all: Map<string, LinePause[]> | undefined, issueId: string): Pause[] {
  return (all?.get(issueId) ?? []).map(({ from, to }) => ({ from, to }));
}

export type PauseOutcome = 'paused' | 'resumed' | 'ignored';

/**
 * Applies a status change to the issue's clocks: into a waiting status pauses them, out of one resumes
 * them. `at` is when the status changed (the clocks stop or restart there).
 */
export async function onStatusChange(
  issueId: string,
  change: { from: string | null; to: string | null },
  at: Date,
  deps: EscalationDeps,
): Promise<PauseOutcome> {
  const names = await loadPauseStatusNames(deps);
  const waiting = (s: string | null): boolean => s !== null && names.includes(s);
  const entering = waiting(change.to) && !waiting(change.from);
  const leaving = waiting(change.from) && !waiting(change.to);
  if (entering) return pauseClocks(issueId, at, deps);
  // Leaving the waiting status ends one reason of the pause; an open question to the submitter or a
  // pending value assessment still holds the clocks, and its own end restarts them.
  if (leaving) return resumeUnlessHeld(issueId, 'waitingForCustomer', change.to, at, deps);
  return 'ignored';
}

// ----- the shared pause -----------------------------------------------------------------------------

/**
 * What holds the issue's one pause now (src/domain/escalation/pauseHolds.ts): its status (given by the
 * caller, which has just read it or been told it by the event; null when unknown), the open
 * clarification question and the latest value assessment (Forge SQL), the waiting statuses and the
 * grading table (KVS).
 */
export async function pauseHoldFacts(
  issueId: string,
  status: string | null,
  deps: Pick<EscalationDeps, 'store' | 'loadConfig'>,
): Promise<PauseHoldFacts> {
  const [waitingStatuses, questions, assessments, config] = await Promise.all([
    loadPauseStatusNames(deps),
    repositories().decisions.clarificationsOf(issueId),
    repositories().requirementAssessments.assessmentsOf(issueId),
    deps.loadConfig(),
  ]);
  return {
    status,
    waitingStatuses,
    openQuestion: questions.some((q) => q.answeredAt === null),
    latestAssessment: assessments[0]?.decision ?? null,
    pauseWhileAssessing: pausesWhileAssessing(config.gradingTable),
  };
}

/**
 * `released` ended at `at` (the waiting status was left, the submitter answered, the assessment was
 * decided): restarts the clocks unless something else still holds them. 'ignored' then: the pause
 * stays open and the last reason to end restarts them, minus the whole time they were held.
 */
export async function resumeUnlessHeld(
  issueId: string,
  released: PauseHold,
  status: string | null,
  at: Date,
  deps: EscalationDeps,
): Promise<PauseOutcome> {
  if (!resumesWhenReleased(released, await pauseHoldFacts(issueId, status, deps))) return 'ignored';
  return resumeClocks(issueId, at, deps);
}

/** What the pause mechanism reads of an issue (one `GET issue`). */
async function readClocks(issueId: string, deps: EscalationDeps) {
  const ids = await deps.fieldIds();
  const fields = [
    ...escalationFieldList(ids),
    ids.acceptance,
    ids.responseDueAt,
    ids.responseWarnAt,
    ids.responseAlert,
    'created',
    'project',
    ...CLOSED_FIELDS,
  ];
  const raw = await deps.jira.getIssue(issueId, { fields });
  const issue = escalationIssueOf(raw, ids);
  const lineRunning =
    issue.line !== null && issue.enteredAt !== null && issue.grade !== null && issue.breachedAt === null;
  const acceptance = raw.fields[ids.acceptance];
  const responseRuns = acceptance !== 'accepted' && acceptance !== 'deemedAccepted';
  return { ids, raw, issue, lineRunning, responseRuns, done: isClosed(raw.fields) };
}

/**
 * Stops every running clock of the issue at `at` (the line's and the response clock): records the
 * pause once and clears their due and warning fields. 'ignored' when the issue is done or no clock runs.
 */
export async function pauseClocks(issueId: string, at: Date, deps: EscalationDeps): Promise<PauseOutcome> {
  const { ids, issue, lineRunning, responseRuns, done } = await readClocks(issueId, deps);
  if (done || (!lineRunning && !responseRuns)) return 'ignored';
  const open = (await pausesOf([issueId])).get(issueId)?.some((p) => p.to === null) ?? false;
  if (!open) {
    const line = lineRunning && issue.line !== null ? issue.line : UNTRIAGED_PAUSE_LINE;
    await repositories().linePauses.openPause(issueId, line, toSecond(at));
  }
  const writes = new FieldWrites();
  if (lineRunning) {
    writes.set(issueId, ids.lineDueAt, null);
    writes.set(issueId, ids.lineWarnAt, null);
  }
  if (responseRuns) {
    writes.set(issueId, ids.responseDueAt, null);
    writes.set(issueId, ids.responseWarnAt, null);
  }
  await writeItrFields(deps.jira, writes.updates(), { ids });
  return 'paused';
}

/**
 * Restarts the issue's clocks at `at`: closes whatever pause is open (never before it started) and
 * writes the due and warning times recomputed with all its pauses, in one bulk request.
 */
export async function resumeClocks(issueId: string, at: Date, deps: EscalationDeps): Promise<PauseOutcome> {
  const { ids, raw, issue, lineRunning, responseRuns, done } = await readClocks(issueId, deps);
  // A pause never outlives its status, whatever the issue's state now.
  await repositories().linePauses.closeOpenPause(issueId, toSecond(at));
  if (done || (!lineRunning && !responseRuns)) return 'ignored';
  const all = await pausesOf([issueId]);
  const config = await deps.loadConfig();
  const writes = new FieldWrites();
  try {
    if (lineRunning && issue.line !== null && issue.grade !== null && issue.enteredAt !== null) {
      const clock = lineClock(
        config,
        issue.grade,
        issue.line,
        issue.enteredAt,
        linePauses(all, issueId, issue.line),
        issueTimeRule(config, issue, issue.grade),
      );
      writes.set(issueId, ids.lineDueAt, clock.dueAt === null ? null : jiraDateTime(clock.dueAt));
      writes.set(issueId, ids.lineWarnAt, clock.warnAt === null ? null : jiraDateTime(clock.warnAt));
    }
    const createdAt = instantOf(raw.fields['created']);
    if (responseRuns && createdAt !== null) {
      const settings = await loadClockSettings(deps.store);
      const clock = responseClockOf(
        config,
        settings,
        {
          grade: textOf(raw.fields[ids.grade]),
          classification: textOf(raw.fields[ids.classification]),
          projectKey: nameOf(raw.fields['project'], 'key'),
          createdAt,
        },
        issuePauses(all, issueId),
      );
      if (clock !== null)
        setResponseFields(writes, issueId, ids, clock, responseAlertOf(raw.fields[ids.responseAlert]), deps.now());
    }
  } catch (e) {
    if (e instanceof DomainError) return 'ignored'; // a grade or calendar no longer configured: left for the admin
    throw e;
  }
  await writeItrFields(deps.jira, writes.updates(), { ids });
  return 'resumed';
}
