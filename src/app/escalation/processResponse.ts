/**
 * The consumer's work on one `response` event (≤ 100 issue ids whose response warning or due time
 * passed, found by the sweep):
 *  1. re-read every issue in ONE search (`id in (…)` and open: a done issue's clocks have stopped);
 *  2. decide each with the domain (`decideResponse`): warn, tell triage the issue is overdue, or apply
 *     "timeout means consent" to an issue awaiting its owner (超时默认为同意受理);
 *  3. claim the side effects in SQL (`response_alert`: one owner per issue, alert and time);
 *  4. write acceptance and the alert marker in ONE bulk app-field request (deterministic values, so a
 *     duplicate run writes the very same);
 *  5. per owned alert: the history row (its time is the deadline, not this run's), one comment
 *     mentioning the owner, a `/notify` to the triage groups; then mark it done.
 * When time runs low it hands the unfinished alerts back to the queue and gives up their claims.
 */
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { decideResponse, OPEN_ISSUE_JQL, type ResponseAcceptance } from '../../domain';
import type { ItrFieldIds } from '../fields/itrFields';
import { accountIdOf, textOf } from '../fields/issueState';
import { writeItrFields } from '../fields/writeItrFields';
import { loadTriageRole } from '../triage/triageRole';
import type { EscalationDeps } from './deps';
import type { EscalationEvent } from './events';
import { FieldWrites } from './fieldWrites';
import { commentDocument } from './messages';
import { RESERVE_MS } from './processCheck';
import { instantOf, responseAlertOf } from './responseClock';
import { responseMessage } from './responseMessages';
import { repositories } from '../ports';
import type { OwnedResponseAlert, ResponseAlertClaim } from '../ports/responseAlerts';
import { RULE_ACTOR, type HistoryRow } from '../ports/classificationHistory';

export interface ResponseReport {
  read: number;
  warned: number;
  overdue: number;
  deemedAccepted: number;
  /** Comments made in this run. */
  sideEffects: number;
  requeued: number;
}

interface ResponseIssue {
  id: string;
  key: string;
  acceptance: ResponseAcceptance;
  ownerAccountId: string | null;
  dueAt: Date | null;
  warnAt: Date | null;
}

const acceptanceOf = (v: unknown): ResponseAcceptance =>
  v === 'awaiting' || v === 'accepted' || v === 'deemedAccepted' ? v : null;

async function readIssues(deps: EscalationDeps, ids: ItrFieldIds, issueIds: readonly string[]) {
  const out: Array<ResponseIssue & { alert: ReturnType<typeof responseAlertOf> }> = [];
  const jql = `id in (${issueIds.join(', ')}) AND ${OPEN_ISSUE_JQL}`;
  const fields = [ids.acceptance, ids.owner, ids.responseDueAt, ids.responseWarnAt, ids.responseAlert];
  for await (const page of deps.jira.searchJql(jql, { fields, pageSize: 100 })) {
    for (const issue of page.issues) {
      const f = issue.fields;
      out.push({
        id: issue.id,
        key: issue.key ?? issue.id,
        acceptance: acceptanceOf(textOf(f[ids.acceptance])),
        ownerAccountId: accountIdOf(f[ids.owner]),
        dueAt: instantOf(f[ids.responseDueAt]),
        warnAt: instantOf(f[ids.responseWarnAt]),
        alert: responseAlertOf(f[ids.responseAlert]),
      });
    }
  }
  return out;
}

function historyRowOf(a: OwnedResponseAlert, issue: ResponseIssue): HistoryRow {
  const base = { issueId: issue.id, issueKey: issue.key, at: a.at };
  switch (a.alert) {
    case 'deemed':
      return {
        ...base,
        field: 'acceptance',
        oldValue: 'awaiting',
        newValue: 'deemedAccepted',
        reason: 'ACCEPTANCE_TIMEOUT',
        actorAccountId: issue.ownerAccountId ?? RULE_ACTOR,
      };
    case 'overdue':
      return {
        ...base,
        field: 'response',
        oldValue: null,
        newValue: 'overdue',
        reason: 'RESPONSE_OVERDUE',
        actorAccountId: RULE_ACTOR,
      };
    case 'warn':
      return {
        ...base,
        field: 'response',
        oldValue: null,
        newValue: 'warned',
        reason: 'RESPONSE_WARNING',
        actorAccountId: RULE_ACTOR,
      };
  }
}

export async function processResponse(
  event: Extract<EscalationEvent, { kind: 'response' }>,
  deps: EscalationDeps,
): Promise<ResponseReport> {
  const report: ResponseReport = { read: 0, warned: 0, overdue: 0, deemedAccepted: 0, sideEffects: 0, requeued: 0 };
  if (deps.remainingTimeMs() < RESERVE_MS) {
    await deps.push([event]);
    report.requeued = event.issueIds.length;
    return report;
  }
  // An event queued by a release without the response fields carries ids without them: look them up.
  const ids = event.fieldIds.responseDueAt === undefined ? await deps.fieldIds() : event.fieldIds;
  const issues = await readIssues(deps, ids, event.issueIds);
  report.read = issues.length;
  const awaiting = issues.filter((i) => i.acceptance === 'awaiting').map((i) => i.id);
  const dispatches = await repositories().dispatches.readDispatches(awaiting);
  const now = deps.now();

  const writes = new FieldWrites();
  const alerts: ResponseAlertClaim[] = [];
  for (const issue of issues) {
    const decision = decideResponse(
      {
        acceptance: issue.acceptance,
        dueAt: issue.dueAt,
        warnAt: issue.warnAt,
        alert: issue.alert,
        dispatchedAt: dispatches.get(issue.id)?.dispatchedAt ?? null,
        done: false,
      },
      now,
    );
    switch (decision.action) {
      case 'none':
        break;
      case 'warn':
        writes.set(issue.id, ids.responseAlert, 'warn');
        alerts.push({ issueId: issue.id, alert: 'warn', at: issue.warnAt ?? now });
        report.warned += 1;
        break;
      case 'overdue':
        writes.set(issue.id, ids.responseAlert, 'due');
        alerts.push({ issueId: issue.id, alert: 'overdue', at: decision.at });
        report.overdue += 1;
        break;
      case 'deemAccepted':
        writes.set(issue.id, ids.acceptance, 'deemedAccepted');
        writes.set(issue.id, ids.responseAlert, 'due');
        alerts.push({ issueId: issue.id, alert: 'deemed', at: decision.at });
        report.deemedAccepted += 1;
        break;
    }
  }

  // Claim before writing: if this run dies after the write, the claim is what tells the next run that
  // a comment and a history row are still owed (the re-read issue then looks settled).
  const owned = await repositories().responseAlerts.claimResponseAlerts(
    alerts,
    issues.map((i) => i.id),
    deps.newToken(),
    now,
  );
  if (writes.size > 0) await writeItrFields(deps.jira, writes.updates(), { ids });

  const [settings, role] = await Promise.all([deps.loadSettings(), loadTriageRole(deps.store)]);
  const byId = new Map(issues.map((i) => [i.id, i]));
  const doing = owned.filter((a) => byId.has(a.issueId));
  await repositories().classificationHistory.appendHistory(
    doing.map((a) => historyRowOf(a, byId.get(a.issueId) as ResponseIssue)),
  );
  const done: number[] = owned.filter((a) => !byId.has(a.issueId)).map((a) => a.id); // done or gone: nothing left to tell
  const left: OwnedResponseAlert[] = [];
  try {
    for (const a of doing) {
      if (left.length > 0 || deps.remainingTimeMs() < RESERVE_MS) {
        left.push(a);
        continue;
      }
      const issue = byId.get(a.issueId) as ResponseIssue;
      const message = responseMessage(issue.key, a.alert, a.alert === 'warn' ? issue.dueAt : a.at, settings.locale);
      const mention = a.alert !== 'overdue' && issue.ownerAccountId !== null ? [issue.ownerAccountId] : [];
      if (await commentOrGiveUp(issue.key, () => deps.jira.addComment(issue.id, commentDocument(message, mention)))) {
        if (role.groups.length > 0)
          await deps.jira.notifyIssue(issue.id, {
            subject: message.subject,
            textBody: message.text,
            to: { groups: role.groups },
          });
        report.sideEffects += 1;
      }
      done.push(a.id);
    }
  } catch (e) {
    await repositories().responseAlerts.markResponseAlertsDone(done, deps.now());
    await repositories().responseAlerts.releaseResponseAlerts(
      owned.filter((a) => !done.includes(a.id)).map((a) => a.id),
    );
    throw e;
  }
  await repositories().responseAlerts.markResponseAlertsDone(done, deps.now());
  if (left.length > 0) {
    await repositories().responseAlerts.releaseResponseAlerts(left.map((a) => a.id));
    const issueIds = [...new Set(left.map((a) => a.issueId))];
    await deps.push([{ kind: 'response', issueIds, fieldIds: ids }]);
    report.requeued = issueIds.length;
  }
  return report;
}

/** Comments on one issue; `false` when Jira refuses for good (no comment permission, issue gone): logged, not retried. */
async function commentOrGiveUp(issueKey: string, comment: () => Promise<unknown>): Promise<boolean> {
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
        event: 'response-comment',
        issue: issueKey,
        note: 'refused by Jira; not retried',
        errorCode: e.code,
        error: e.message,
      }),
    );
    return false;
  }
}
