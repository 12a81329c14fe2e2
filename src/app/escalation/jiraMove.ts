/**
 * Moves the issue in Jira when it enters a line: the assignee (the same person as the ITR owner field)
 * and, when the line maps to a status the workflow offers from here, the status, with the app's comment
 * riding in the same request when there is one:
 *  - status mapped and offered, assignee on the transition's screen: ONE `POST …/transitions` with
 *    `fields.assignee` and `update.comment` (platform-v3 `IssueUpdateDetails`);
 *  - status mapped and offered, no assignee on the screen (Jira refuses fields off the screen):
 *    `PUT …/assignee` + the transition carrying the comment;
 *  - no status, or none offered: `PUT …/assignee` + the comment (which then says the status stayed).
 * At most two requests; none is sent for what is already so (same assignee, already in the status).
 */
import type { AdfDocument, JiraClient, JiraIssue, JiraTransition } from '../../adapters/jira';
import { JiraError, JiraErrorCode } from '../../adapters/jira';

/** The issue as the run read it. */
export interface IssueInJira {
  /** undefined = not read (the assignee is then set as is). */
  assigneeAccountId: string | null | undefined;
  statusName: string | null;
  /** Offered transitions from the current status (`expand=transitions`); undefined = not read. */
  transitions: readonly JiraTransition[] | undefined;
}

/** Jira's assignee and status of an issue read with `assignee`, `status` (and `expand=transitions`). */
export function issueInJira(issue: JiraIssue): IssueInJira {
  const a = issue.fields['assignee'];
  const st = issue.fields['status'];
  const accountId = typeof a === 'object' && a !== null ? (a as Record<string, unknown>)['accountId'] : undefined;
  const name = typeof st === 'object' && st !== null ? (st as Record<string, unknown>)['name'] : undefined;
  return {
    assigneeAccountId: typeof accountId === 'string' ? accountId : null,
    statusName: typeof name === 'string' ? name : null,
    transitions: issue.transitions,
  };
}

/** An issue not read: its assignee is set as is, no status is looked for. */
export const UNREAD_ISSUE: IssueInJira = { assigneeAccountId: undefined, statusName: null, transitions: undefined };

export interface MovePlan {
  /** The new assignee; undefined = leave it. */
  holder: string | null | undefined;
  transition: { id: string; withAssignee: boolean; statusName: string } | null;
  putAssignee: boolean;
  /** The line's status the workflow does not offer from the current one (the comment says so); null = none missed. */
  statusNotMoved: string | null;
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export function planMove(
  now: IssueInJira,
  target: { holder: string | null | undefined; statusName: string | null },
): MovePlan {
  const assigneeChanges =
    target.holder !== undefined && (now.assigneeAccountId === undefined || target.holder !== now.assigneeAccountId);
  const wantsStatus = target.statusName !== null && !same(now.statusName, target.statusName);
  const t = wantsStatus ? now.transitions?.find((x) => same(x.toStatusName, target.statusName)) : undefined;
  // Only fields on the transition's screen may be sent with it: listed ones decide; else a screen may hold it.
  const onScreen =
    t !== undefined && (t.screenFieldIds !== undefined ? t.screenFieldIds.includes('assignee') : t.hasScreen === true);
  const withAssignee = assigneeChanges && onScreen;
  return {
    holder: target.holder,
    transition:
      t === undefined || target.statusName === null ? null : { id: t.id, withAssignee, statusName: target.statusName },
    putAssignee: assigneeChanges && !withAssignee,
    statusNotMoved: wantsStatus && t === undefined ? target.statusName : null,
  };
}

/** Jira's answers that will not change on a retry (a refused field, rule or permission). */
export function isRefusal(e: unknown): e is JiraError {
  return (
    e instanceof JiraError &&
    (e.code === JiraErrorCode.BadRequest || e.code === JiraErrorCode.Forbidden || e.code === JiraErrorCode.NotFound)
  );
}

export interface MoveOutcome {
  requests: number;
  /** The status the issue could not be moved to (not offered, or the transition was refused). */
  statusNotMoved: string | null;
  commented: boolean;
}

const assigneeValue = (holder: string | null): { accountId: string } | null =>
  holder === null ? null : { accountId: holder };

/**
 * Performs a plan. `commentFor(statusNotMoved)` builds the comment (undefined = none). A transition Jira
 * refuses after all (a validator, a screen without the assignee) falls back to the assignee and a
 * comment saying the status stayed: one request more, only then.
 */
export async function applyMove(
  jira: Pick<JiraClient, 'assignIssue' | 'transitionIssue' | 'addComment'>,
  issueId: string,
  plan: MovePlan,
  commentFor?: (statusNotMoved: string | null) => AdfDocument,
): Promise<MoveOutcome> {
  let requests = 0;
  const holder = plan.holder ?? null;
  if (plan.putAssignee) requests += await assign(jira, issueId, holder);
  if (plan.transition !== null) {
    const body = commentFor?.(null);
    try {
      requests += 1;
      await jira.transitionIssue(issueId, plan.transition.id, {
        ...(plan.transition.withAssignee ? { fields: { assignee: assigneeValue(holder) } } : {}),
        ...(body === undefined ? {} : { update: { comment: [{ add: { body } }] } }),
      });
      return { requests, statusNotMoved: null, commented: body !== undefined };
    } catch (e) {
      if (!isRefusal(e)) throw e;
      console.warn(
        JSON.stringify({
          event: 'line-status',
          issueId,
          note: 'transition refused; assignee and comment sent apart',
          errorCode: e.code,
          error: e.message,
        }),
      );
      if (plan.transition.withAssignee) requests += await assign(jira, issueId, holder);
      return comment(jira, issueId, requests, plan.transition.statusName, commentFor);
    }
  }
  return comment(jira, issueId, requests, plan.statusNotMoved, commentFor);
}

/**
 * Sets the assignee; a refusal (the person may no longer be assigned in the project, the app may not
 * assign) is logged and left: the line change and the comment still count more than the assignee.
 */
async function assign(jira: Pick<JiraClient, 'assignIssue'>, issueId: string, holder: string | null): Promise<number> {
  try {
    await jira.assignIssue(issueId, holder);
  } catch (e) {
    if (!isRefusal(e)) throw e;
    console.warn(
      JSON.stringify({
        event: 'line-assignee',
        issueId,
        note: 'assignee refused by Jira; not retried',
        errorCode: e.code,
        error: e.message,
      }),
    );
  }
  return 1;
}

async function comment(
  jira: Pick<JiraClient, 'addComment'>,
  issueId: string,
  requests: number,
  statusNotMoved: string | null,
  commentFor?: (s: string | null) => AdfDocument,
): Promise<MoveOutcome> {
  const body = commentFor?.(statusNotMoved);
  if (body === undefined) return { requests, statusNotMoved, commented: false };
  await jira.addComment(issueId, body);
  return { requests: requests + 1, statusNotMoved, commented: true };
}
