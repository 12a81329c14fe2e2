/**
 * The consumer's work on one `check` event (≤ 100 issue ids):
 *  1. re-read every issue in ONE search (`id in (…)`, with the app fields), right before deciding;
 *  2. decide each with the domain (`decideEscalation`: time alone) and plan the writes, stays and claims
 *     that follow (src/app/escalation/checkPlan.ts, pure; only the next lines' holders are asked of Jira);
 *  3. claim the non-idempotent side effects in SQL (one owner per warning/escalation/breach);
 *  4. record the line changes in `line_history` (one upsert; duplicates are no-ops);
 *  5. write all field changes in ONE bulk app-field request (values are deterministic: the next line
 *     starts when the previous one's time ran out, so a duplicate run writes the very same values);
 *  6. per owned side effect (what it says and to whom: src/app/escalation/checkNotice.ts): one comment (site language) mentioning the users to tell, which makes
 *     Jira notify them; a `/notify` only when groups are configured (ADF cannot mention a group);
 *     for an escalation, the Jira assignee (= the owner field written in 5) and the line's status move
 *     with it in at most two requests (src/app/escalation/jiraMove.ts); then mark it done.
 * Jira requests per event: 1 search + 1 bulk write + 1 per warned/breached issue and ≤ 2 per escalated
 * one (+1 more for each when groups are told), plus, per run, a group's members once per group and who
 * may be assigned once per project when a line's assignment needs them.
 * When time runs low it hands the unfinished issues back to the queue and gives up its claims.
 */
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { OPEN_ISSUE_JQL, SUPPORT_LINES, type LineHolder } from '../../domain';
import type { ItrFieldIds } from '../fields/itrFields';
import { decideChecks, planCheck, type CheckFacts, type CheckPlan, type IssueCheck } from './checkPlan';
import { noticeOf, type CheckNotice } from './checkNotice';
import type { EscalationDeps } from './deps';
import type { EscalationEvent } from './events';
import { escalationFieldList, escalationIssueOf, type EscalationIssue } from './lineClock';
import { applyMove, issueInJira, type IssueInJira } from './jiraMove';
import { LineHolders, projectKeyOf } from './lineHolders';
import { commentDocument, withMoveNote } from './messages';
import { pausesOf } from './pauses';
import type { EscalationSettings } from './settings';
import { writeItrFields } from '../fields/writeItrFields';
import { repositories } from '../ports';
import type { OwnedAction } from '../ports/escalationActions';

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

/** The facts a run decides on, plus what its notices need: read in one go, right before deciding. */
interface CheckRun extends CheckFacts {
  issues: ReadIssue[];
  settings: EscalationSettings;
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

async function readRun(deps: EscalationDeps, ids: ItrFieldIds, issueIds: readonly string[]): Promise<CheckRun> {
  const [config, settings] = await Promise.all([deps.loadConfig(), deps.loadSettings()]);
  const issues = await readIssues(deps, ids, issueIds, settings);
  // Waiting-for-customer pauses of these issues (one query): a paused line's clock is stopped.
  const pauses = await pausesOf(issues.map((i) => i.id));
  return { config, settings, issues, pauses, now: deps.now() };
}

/** Who takes each escalated issue on its next line, asked in the order the issues were read. */
async function holdersOfEscalations(
  checks: readonly IssueCheck[],
  holders: LineHolders,
): Promise<Map<string, LineHolder>> {
  const decided = new Map<string, LineHolder>();
  for (const c of checks) {
    if (c.kind === 'escalate') decided.set(c.issueId, await holders.holderFor(c.to, projectKeyOf(c.issueKey)));
  }
  return decided;
}

export async function processCheck(
  event: Extract<EscalationEvent, { kind: 'check' }>,
  deps: EscalationDeps,
): Promise<CheckReport> {
  if (deps.remainingTimeMs() < RESERVE_MS) {
    await deps.push([event]);
    return { ...emptyReport(), requeued: event.issueIds.length };
  }
  const ids = event.fieldIds;
  const run = await readRun(deps, ids, event.issueIds);
  const holders = new LineHolders(deps.jira, run.settings, deps.lineTurns);
  const checks = decideChecks(run);
  const decidedHolders = await holdersOfEscalations(checks, holders);
  const plan = planCheck(checks, decidedHolders, ids, run.config, run.now);
  await holders.save();
  const owned = await recordPlan(plan, run, deps, ids);
  const { sideEffects, left } = await tellOwned(owned, run, decidedHolders, deps);
  const requeued = await handBack(left, deps, ids);
  return { ...emptyReport(), ...plan.tally, read: run.issues.length, sideEffects, requeued };
}

/** Claims, history and the one bulk field write, in the order that survives dying between any two. */
async function recordPlan(
  plan: CheckPlan,
  run: CheckRun,
  deps: EscalationDeps,
  ids: ItrFieldIds,
): Promise<OwnedAction[]> {
  // Claim before writing: if this run dies after the write, the claim is what tells the next run that
  // a comment is still owed (the re-read issue then looks done).
  const owned = await repositories().escalationActions.claimActions(
    plan.actions,
    run.issues.map((i) => i.id),
    deps.newToken(),
    run.now,
  );
  // History before the field write: a redelivered event re-reads the issue, and once Jira holds the
  // next line the decision yields no stay any more (duplicate stays are no-ops, a lost one stays lost).
  await repositories().lineHistory.recordStays(plan.stays);
  if (plan.writes.size > 0) await writeItrFields(deps.jira, plan.writes.updates(), { ids });
  return owned;
}

/**
 * Performs the owned side effects while time lasts; the rest is `left` for the queue. On a failure the
 * claims not done are given back, so the retry (another token) may take them at once.
 */
async function tellOwned(
  owned: readonly OwnedAction[],
  run: CheckRun,
  decidedHolders: ReadonlyMap<string, LineHolder>,
  deps: EscalationDeps,
): Promise<{ sideEffects: number; left: OwnedAction[] }> {
  const byId = new Map(run.issues.map((i) => [i.id, i]));
  const facts = { ...run, decidedHolders };
  const done: number[] = [];
  const left: OwnedAction[] = [];
  let sideEffects = 0;
  try {
    for (const a of owned) {
      if (left.length > 0 || deps.remainingTimeMs() < RESERVE_MS) {
        left.push(a);
        continue;
      }
      const issue = byId.get(a.issueId);
      const notice = noticeOf(a, issue, facts);
      if (issue !== undefined && notice !== null && (await tell(issue, notice, run.settings, deps))) sideEffects += 1;
      done.push(a.id);
    }
  } catch (e) {
    await repositories().escalationActions.markDone(done, deps.now());
    await repositories().escalationActions.releaseClaims(owned.filter((a) => !done.includes(a.id)).map((a) => a.id));
    throw e;
  }
  await repositories().escalationActions.markDone(done, deps.now());
  return { sideEffects, left };
}

/** One notice: the comment (riding on the move for an escalation), then the groups' `/notify`. */
async function tell(
  issue: ReadIssue,
  notice: CheckNotice,
  settings: EscalationSettings,
  deps: EscalationDeps,
): Promise<boolean> {
  const { message, users, move } = notice;
  const comment = (): Promise<unknown> =>
    move === null
      ? deps.jira.addComment(issue.id, commentDocument(message, users))
      : applyMove(deps.jira, issue.id, move.plan, (statusNotMoved) =>
          commentDocument(
            withMoveNote(message, { statusNotMoved, unassignedGroup: move.unassignedGroup }, settings.locale),
            users,
          ),
        );
  if (!(await tellOrGiveUp(issue.key, comment))) return false;
  if (notice.groups.length > 0) {
    await deps.jira.notifyIssue(issue.id, {
      subject: message.subject,
      textBody: message.text,
      to: { groups: notice.groups },
    });
  }
  return true;
}

/** Gives the claims not reached back and queues their issues again; answers how many issues went back. */
async function handBack(left: readonly OwnedAction[], deps: EscalationDeps, ids: ItrFieldIds): Promise<number> {
  if (left.length === 0) return 0;
  await repositories().escalationActions.releaseClaims(left.map((a) => a.id));
  const issueIds = [...new Set(left.map((a) => a.issueId))];
  await deps.push([{ kind: 'check', issueIds, fieldIds: ids }]);
  return issueIds.length;
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
