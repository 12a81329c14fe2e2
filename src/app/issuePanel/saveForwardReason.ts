/**
 * The reason of a reassignment made in Jira, given in the panel afterwards by the person who reassigned
 * or by the new owner; saving it completes the history row (once: a second answer is refused).
 */
import { jiraAsUser, type JiraClient } from '../../adapters/jira';
import { STORED_LIMITS, tooLong } from '../../domain/storageLimits';
import { NotAuthorizedError } from '../auth/authorization';
import { TriageErrorCode } from '../triage/triageErrors';
import { ItrError, issueNotFound } from '../itrError';
import { repositories } from '../ports';
import { JIRA_REASSIGNMENT_FIELD, type OwnerHistoryRow } from '../ports/classificationHistory';

/** Stable codes (the UI translates them). Never rename, only add. */
export const ForwardReasonErrorCode = {
  /** No pending reassignment with this id on this issue (already answered, or never there). */
  NotPending: 'FORWARD_REASON_NOT_PENDING',
  /** Only the person who reassigned or the new owner gives the reason. */
  NotYours: 'FORWARD_REASON_NOT_YOURS',
} as const;

export interface ForwardReasonDeps {
  asCaller(): JiraClient;
  ownerHistory(issueId: string): Promise<OwnerHistoryRow[]>;
  complete(issueId: string, entryId: string, reason: string): Promise<boolean>;
}

const platformDeps: ForwardReasonDeps = {
  asCaller: () => jiraAsUser(),
  ownerHistory: (issueId) => repositories().classificationHistory.readOwnerHistory(issueId),
  complete: (issueId, entryId, reason) =>
    repositories().classificationHistory.completeReassignmentReason(issueId, entryId, reason),
};

export async function saveForwardReason(
  request: { issueKey: string; entryId: string; reason: string },
  accountId: string | undefined,
  deps: ForwardReasonDeps = platformDeps,
): Promise<void> {
  const reason = request.reason.trim();
  const limit = STORED_LIMITS.triageReason;
  if (reason === '')
    throw ItrError.of([
      {
        code: TriageErrorCode.ReasonRequired,
        path: 'reason',
        message: `A reason of 1–${limit.max} characters is required`,
        params: { max: limit.max },
      },
    ]);
  const long = tooLong(reason, 'triageReason', 'reason');
  if (long !== undefined) throw ItrError.of([long]);
  if (accountId === undefined) throw new NotAuthorizedError('ITR_OWNER');
  // As the caller: someone who may not browse the issue learns nothing about it.
  const issue = await deps
    .asCaller()
    .getIssue(request.issueKey, { fields: ['summary'] })
    .catch(issueNotFound(request.issueKey));
  const row = (await deps.ownerHistory(issue.id)).find(
    (r) => r.id === request.entryId && r.field === JIRA_REASSIGNMENT_FIELD,
  );
  const notPending = ItrError.of([
    { code: ForwardReasonErrorCode.NotPending, path: 'entryId', message: 'No reassignment waits for a reason here' },
  ]);
  if (row === undefined || row.reason !== null) throw notPending;
  if (row.actorAccountId !== accountId && row.newValue !== accountId) {
    throw ItrError.of([
      {
        code: ForwardReasonErrorCode.NotYours,
        path: 'entryId',
        message: 'Only the person who reassigned or the new owner gives the reason',
      },
    ]);
  }
  if (!(await deps.complete(issue.id, row.id, reason))) throw notPending; // answered meanwhile by the other person
}
