/**
 * The consumer's work on one `check` event (≤ 100 issue ids):
 *  1. re-read every issue in ONE search (`id in (…)`, with the app fields), right before deciding;
 *  2. decide each with the domain (`decideEscalation`: time alone);
 *  3. claim the non-idempotent side effects in SQL (one owner per warning/escalation/breach);
 *  4. record the line changes in `line_history` (one upsert; duplicates are no-ops);
 *  5. write all field changes in ONE bulk app-field request (values are deterministic: the next line
 *     starts when the previous one's time ran out, so a duplicate run writes the very same values);
 *  6. per owned side effect: one comment (site language) mentioning the users to tell, which makes
 *     Jira notify them; a `/notify` only when groups are configured (ADF cannot mention a group);
 *     for an escalation, the Jira assignee (= the owner field written in 5) and the line's status move
 *     with it in at most two requests (src/app/escalation/jiraMove.ts); then mark it done.
 * Jira requests per event: 1 search + 1 bulk write + 1 per warned/breached issue and ≤ 2 per escalated
 * one (+1 more for each when groups are told), plus, per run, a group's members once per group and who
 * may be assigned once per project when a line's assignment needs them.
 * When time runs low it hands the unfinished issues back to the queue and gives up its claims.
 */
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import {
  DomainError,
  decideEscalation,
  OPEN_ISSUE_JQL,
  SUPPORT_LINES,
  type LineHolder,
  type SupportLine,
} from '../../domain';
import type { ItrFieldIds } from '../fields/itrFields';
import type { EscalationDeps } from './deps';
import type { EscalationEvent } from './events';
import { FieldWrites } from './fieldWrites';
import {
  escalationFieldList,
  escalationIssueOf,
  jiraDateTime,
  lineClock,
  minutesUsed,
  toSecond,
  type EscalationIssue,
} from './lineClock';
import { applyMove, issueInJira, planMove, type IssueInJira } from './jiraMove';
import { LineHolders, projectKeyOf } from './lineHolders';
import { actionMessage, commentDocument, withMoveNote } from './messages';
import { linePauses, pausesOf } from './pauses';
import type { EscalationSettings } from './settings';
import { writeItrFields } from '../fields/writeItrFields';
import type { ItrConfig } from '../config/itrConfig';
import { responseClockOf } from './responseClock';
import { repositories } from '../ports';
import type { StayRow } from '../ports/lineHistory';
import type { EscalationAction, OwnedAction } from '../ports/escalationActions';

/**
 * Time (ms) the consumer keeps in hand: below it, no new issue's comment is started and the rest goes
 * back to the queue. Covers one comment (+ a group /notify) at slow Jira plus the final SQL writes.
 * Range 5,000–60,000; default 10,000.
 */
export const RESERVE_MS = 10_000;

export interface CheckReport {
  read: number;
  warned: number;
  escalated: number;
  breached: number;
  /** Stored due/warn times that disagreed with the configuration and were rewritten. */
  healed: number;
  /** Side effects done in this run (comments, each mentioning its recipients). */
  sideEffects: number;
  /** Issues handed back to the queue for lack of time. */
  requeued: number;
  skipped: number;
}

const emptyReport = (): CheckReport => ({
  read: 0,
  warned: 0,
  escalated: 0,
  breached: 0,
  healed: 0,
  sideEffects: 0,
  requeued: 0,
  skipped: 0,
});

interface ReadIssue extends EscalationIssue {
  jira: IssueInJira;
}

/**
 * The re-read also brings Jira's assignee and status, and, when a line maps to a status, the
 * transitions offered from the current one (`expand=transitions`, documented for `/search/jql`): so
 * moving an escalated issue costs no request to learn how.
 */
async function readIssues(
  deps: EscalationDeps,
  ids: ItrFieldIds,
  issueIds: readonly string[],
  settings: EscalationSettings,
): Promise<ReadIssue[]> {
  const out: ReadIssue[] = [];
  const jql = `id in (${issueIds.join(', ')}) AND ${OPEN_ISSUE_JQL}`;
  const expand = SUPPORT_LINES.some((l) => settings.lines[l].statusName !== null) ? { expand: ['transitions'] } : {};
  for await (const page of deps.jira.searchJql(jql, {
    fields: [...escalationFieldList(ids), 'assignee', 'status'],
    pageSize: 100,
    ...expand,
  })) {
    for (const issue of page.issues) out.push({ ...escalationIssueOf(issue, ids), jira: issueInJira(issue) });
  }
  return out;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

function recipients(
  settings: EscalationSettings,
  a: OwnedAction,
  holder: LineHolder | undefined,
): { users: string[]; groups: string[] } {
  if (a.action === 'breach') return { users: settings.managementAccountIds, groups: settings.managementGroups };
  const line: SupportLine = a.action === 'escalate' && a.toLine !== null ? a.toLine : a.line;
  const r = settings.lines[line];
  const users = [...new Set([...(holder?.holder == null ? [] : [holder.holder]), ...r.notifyAccountIds])];
  const groups = [...new Set([...r.notifyGroups, ...(holder?.notifyGroup == null ? [] : [holder.notifyGroup])])];
  return { users, groups };
}

export async function processCheck(
  event: Extract<EscalationEvent, { kind: 'check' }>,
  deps: EscalationDeps,
): Promise<CheckReport> {
  const report = emptyReport();
  if (deps.remainingTimeMs() < RESERVE_MS) {
    await deps.push([event]);
    report.requeued = event.issueIds.length;
    return report;
  }
  const ids = event.fieldIds;
  const [config, settings] = await Promise.all([deps.loadConfig(), deps.loadSettings()]);
  const issues = await readIssues(deps, ids, event.issueIds, settings);
  const holders = new LineHolders(deps.jira, settings, deps.lineTurns);
  const decidedHolders = new Map<string, LineHolder>();
  report.read = issues.length;
  // Waiting-for-customer pauses of these issues (one query): a paused line's clock is stopped.
  const pauses = await pausesOf(issues.map((i) => i.id));
  const now = deps.now();

  const writes = new FieldWrites();
  const stays: StayRow[] = [];
  const actions: EscalationAction[] = [];
  for (const issue of issues) {
    if (issue.grade === null || issue.line === null || issue.enteredAt === null || issue.breachedAt !== null) {
      report.skipped += 1;
      continue;
    }
    const { grade, line, enteredAt } = issue;
    const paused = linePauses(pauses, issue.id, line);
    let decision;
    try {
      decision = decideEscalation({
        table: config.gradingTable,
        grade,
        line,
        enteredAt,
        pauses: paused,
        now,
        warnedForLine: issue.warnedLine ?? undefined,
        calendarFor: (_l, calendarId) => config.calendars.get(calendarId),
      });
    } catch (e) {
      if (e instanceof DomainError) {
        report.skipped += 1; // a grade or calendar the configuration no longer has: left for the admin
        continue;
      }
      throw e;
    }
    switch (decision.action) {
      case 'none': {
        // The stored times disagree with the configuration (changed without a recalculation): fix them,
        // or the sweep would find this issue again every five minutes.
        const due = decision.dueAt === null ? null : toSecond(decision.dueAt);
        const warn = decision.warnAt === null ? null : toSecond(decision.warnAt);
        if (!sameInstant(due, issue.dueAt) || !sameInstant(warn, issue.warnAt)) {
          writes.set(issue.id, ids.lineDueAt, due === null ? null : jiraDateTime(due));
          writes.set(issue.id, ids.lineWarnAt, warn === null ? null : jiraDateTime(warn));
          report.healed += 1;
        }
        break;
      }
      case 'warn':
        writes.set(issue.id, ids.warnedLine, line);
        actions.push({ issueId: issue.id, action: 'warn', line, lineEnteredAt: enteredAt, toLine: null });
        report.warned += 1;
        break;
      case 'escalate': {
        // The next line's clock starts when this line's time ran out, not when the sweep noticed: a late
        // run neither gives the next line extra time nor writes different values than an earlier one.
        const next = decision.to;
        const nextEntered = toSecond(decision.dueAt);
        const clock = lineClock(config, grade, next, nextEntered);
        // Who takes it on the next line; the owner field and Jira's assignee (set with the comment) agree.
        const holder = await holders.holderFor(next, projectKeyOf(issue.key));
        decidedHolders.set(issue.id, holder);
        const assignee = holder.holder;
        writes.set(issue.id, ids.line, next);
        writes.set(issue.id, ids.lineEnteredAt, jiraDateTime(nextEntered));
        writes.set(issue.id, ids.lineDueAt, clock.dueAt === null ? null : jiraDateTime(clock.dueAt));
        writes.set(issue.id, ids.lineWarnAt, clock.warnAt === null ? null : jiraDateTime(clock.warnAt));
        writes.set(issue.id, ids.warnedLine, null);
        writes.set(issue.id, ids.owner, assignee === null ? null : { accountId: assignee });
        // The holder's window opens when the issue reaches them (a late run must not leave it already over).
        if (assignee !== null) setAnswerAwaited(writes, issue.id, ids, config, grade, toSecond(now));
        stays.push(
          {
            issueId: issue.id,
            line,
            enteredAt,
            leftAt: nextEntered,
            holderAccountId: issue.ownerAccountId,
            enteredBy: null,
            workingMinutesUsed: minutesUsed(config, grade, line, enteredAt, nextEntered, paused),
            outcome: 'timed_out',
          },
          {
            issueId: issue.id,
            line: next,
            enteredAt: nextEntered,
            leftAt: null,
            holderAccountId: assignee,
            enteredBy: 'app',
            workingMinutesUsed: 0,
            outcome: null,
          },
        );
        actions.push({ issueId: issue.id, action: 'escalate', line, lineEnteredAt: enteredAt, toLine: next });
        report.escalated += 1;
        break;
      }
      case 'breach':
        writes.set(issue.id, ids.breachedAt, jiraDateTime(decision.dueAt));
        actions.push({ issueId: issue.id, action: 'breach', line: 'L3', lineEnteredAt: enteredAt, toLine: null });
        report.breached += 1;
        break;
    }
  }

  await holders.save();
  // Claim before writing: if this run dies after the write, the claim is what tells the next run that
  // a comment is still owed (the re-read issue then looks done).
  const owned = await repositories().escalationActions.claimActions(
    actions,
    issues.map((i) => i.id),
    deps.newToken(),
    now,
  );
  // History before the field write: a redelivered event re-reads the issue, and once Jira holds the
  // next line the decision yields no stay any more (duplicate stays are no-ops, a lost one stays lost).
  await repositories().lineHistory.recordStays(stays);
  if (writes.size > 0) await writeItrFields(deps.jira, writes.updates(), { ids });

  const byId = new Map(issues.map((i) => [i.id, i]));
  const done: number[] = [];
  const left: OwnedAction[] = [];
  try {
    for (const a of owned) {
      if (left.length > 0 || deps.remainingTimeMs() < RESERVE_MS) {
        left.push(a);
        continue;
      }
      const issue = byId.get(a.issueId);
      if (issue !== undefined && issue.grade !== null) {
        const dueAt = lineClock(
          config,
          issue.grade,
          a.line,
          a.lineEnteredAt,
          linePauses(pauses, issue.id, a.line),
        ).dueAt;
        const message = actionMessage(
          issue.key,
          { action: a.action, line: a.line, toLine: a.toLine, dueAt },
          settings.locale,
        );
        const holder = a.action === 'escalate' ? holderOfEscalation(decidedHolders, issue, a) : undefined;
        const to = recipients(settings, a, holder);
        const tell = (): Promise<unknown> => {
          if (holder === undefined || a.toLine === null)
            return deps.jira.addComment(issue.id, commentDocument(message, to.users));
          // The escalation moves the assignee (and the status, when the line maps one) with its comment.
          const plan = planMove(issue.jira, { holder: holder.holder, statusName: settings.lines[a.toLine].statusName });
          const unassignedGroup = holder.holder === null ? holder.notifyGroup : null;
          return applyMove(deps.jira, issue.id, plan, (statusNotMoved) =>
            commentDocument(withMoveNote(message, { statusNotMoved, unassignedGroup }, settings.locale), to.users),
          );
        };
        if (await tellOrGiveUp(issue.key, tell)) {
          if (to.groups.length > 0) {
            await deps.jira.notifyIssue(issue.id, {
              subject: message.subject,
              textBody: message.text,
              to: { groups: to.groups },
            });
          }
          report.sideEffects += 1;
        }
      }
      done.push(a.id);
    }
  } catch (e) {
    // Give back what this run will not do, so the retry (another token) may take it at once.
    await repositories().escalationActions.markDone(done, deps.now());
    await repositories().escalationActions.releaseClaims(owned.filter((a) => !done.includes(a.id)).map((a) => a.id));
    throw e;
  }
  await repositories().escalationActions.markDone(done, deps.now());
  if (left.length > 0) {
    await repositories().escalationActions.releaseClaims(left.map((a) => a.id));
    const issueIds = [...new Set(left.map((a) => a.issueId))];
    await deps.push([{ kind: 'check', issueIds, fieldIds: ids }]);
    report.requeued = issueIds.length;
  }
  return report;
}

/**
 * Who holds an escalated issue: decided in this run, or (a claim taken over from a run that died after
 * writing the fields) the owner field that run wrote, when the issue is still on that line.
 */
function holderOfEscalation(
  decided: ReadonlyMap<string, LineHolder>,
  issue: ReadIssue,
  a: OwnedAction,
): LineHolder | undefined {
  const now = decided.get(issue.id);
  if (now !== undefined) return now;
  if (issue.line !== a.toLine) return undefined;
  return { holder: issue.ownerAccountId, notifyGroup: null };
}

/**
 * Comments on one issue; `false` when Jira refuses for good (the project's permission scheme does not
 * let the app comment, or the issue is gone): retrying would fail the same way and hold back every other
 * issue of the batch, so the action is given up and logged. The line change itself is already written.
 */
async function tellOrGiveUp(issueKey: string, comment: () => Promise<unknown>): Promise<boolean> {
  try {
    await comment();
    return true;
  } catch (e) {
    const refused =
      e instanceof JiraError &&
      (e.code === JiraErrorCode.BadRequest || e.code === JiraErrorCode.Forbidden || e.code === JiraErrorCode.NotFound);
    if (!refused) throw e;
    console.warn(
      JSON.stringify({
        event: 'escalation-comment',
        issue: issueKey,
        note: 'refused by Jira; not retried',
        errorCode: e.code,
        error: e.message,
      }),
    );
    return false;
  }
}

/**
 * The new line's holder answers the escalation like any dispatch (timeout means consent, 超时默认为同意
 * 受理): awaited within the grade's response time from the escalation, on the grade's calendar, by the
 * same response fields, sweep and panel as the first owner's answer. Written with the escalation's
 * other fields, so it costs no request.
 */
function setAnswerAwaited(
  writes: FieldWrites,
  issueId: string,
  ids: ItrFieldIds,
  config: ItrConfig,
  grade: string,
  dispatchedAt: Date,
): void {
  const window = responseClockOf(
    config,
    { untriagedGrade: null, projectGrades: {} },
    { grade, projectKey: null, createdAt: dispatchedAt },
    [],
  );
  writes.set(issueId, ids.acceptance, 'awaiting');
  writes.set(issueId, ids.responseDueAt, window?.dueAt == null ? null : jiraDateTime(window.dueAt));
  writes.set(issueId, ids.responseWarnAt, window?.warnAt == null ? null : jiraDateTime(window.warnAt));
  writes.set(issueId, ids.responseAlert, null);
}
