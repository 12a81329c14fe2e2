/**
 * The owner declines a dispatched issue (拒绝受理): it goes back to triage with the owner's reason. The
 * ITR owner field, the acceptance and Jira's assignee are cleared together (the owner field and the
 * assignee never disagree), and the audit history gets one row. Only an answer still awaited can be
 * declined: once accepted, or deemed accepted by timeout (超时默认为同意受理), the issue is the owner's.
 */
import { tooLong, STORED_LIMITS } from '../../domain/storageLimits';
import { NotAuthorizedError } from '../auth/authorization';
import { lookUpFieldIds } from '../fields/fieldIds';
import { accountIdOf, CLOSED_FIELDS, isClosed } from '../fields/issueState';
import { writeItrFields } from '../fields/writeItrFields';
import { DECLINE_REASON_PREFIX } from '../issuePanel/ownerHistory';
import { platformTriageDeps, type TriageDeps } from './triage';
import { TriageErrorCode } from './triageErrors';
import { ItrError, issueNotFound, type Problem } from '../itrError';

/** Stable codes of a decline the rules refuse (the UI translates them). Never rename, only add. */
export const DeclineErrorCode = {
  /** The owner already accepted, or was deemed to by timeout: declining is no longer an answer. */
  AlreadyAccepted: 'DECLINE_ALREADY_ACCEPTED',
} as const;

export interface DeclineRequest {
  issueKey: string;
  reason: string;
}

/** The owner's reason, as `classification_history.reason` holds it after the `decline: ` prefix. */
function reasonErrors(reason: string): Problem[] {
  const limit = STORED_LIMITS.triageReason;
  if (reason === '')
    return [
      {
        code: TriageErrorCode.ReasonRequired,
        path: 'reason',
        message: `A reason of 1–${limit.max} characters is required`,
        params: { max: limit.max },
      },
    ];
  const long = tooLong(reason, 'triageReason', 'reason');
  return long === undefined ? [] : [long];
}

export async function declineIssue(
  request: DeclineRequest,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<{ issueKey: string }> {
  const reason = request.reason.trim();
  const errors = reasonErrors(reason);
  if (errors.length > 0) throw ItrError.of(errors);
  if (accountId === undefined) throw new NotAuthorizedError('ITR_OWNER');
  const app = deps.asApp();
  const ids = await lookUpFieldIds(app);
  // Read as the caller: Jira's browse permission decides whether the issue exists for them.
  const issue = await deps
    .asCaller()
    .getIssue(request.issueKey, { fields: [ids.owner, ids.acceptance, ...CLOSED_FIELDS] })
    .catch(issueNotFound(request.issueKey));
  const key = issue.key ?? request.issueKey;
  if (isClosed(issue.fields))
    throw ItrError.of([{ code: TriageErrorCode.IssueClosed, path: 'issueKey', message: `${key} is closed` }]);
  const owner = accountIdOf(issue.fields[ids.owner]);
  if (owner !== accountId) {
    throw ItrError.of([
      { code: TriageErrorCode.NotOwner, path: 'issueKey', message: `Only the owner of ${key} may decline it` },
    ]);
  }
  const acceptance = issue.fields[ids.acceptance];
  if (acceptance === 'accepted' || acceptance === 'deemedAccepted') {
    throw ItrError.of([
      {
        code: DeclineErrorCode.AlreadyAccepted,
        path: 'issueKey',
        message: `${key} was already accepted (${String(acceptance)})`,
      },
    ]);
  }
  const now = deps.now();
  await writeItrFields(
    app,
    [
      { fieldId: ids.owner, issueIds: [issue.id], value: null },
      { fieldId: ids.acceptance, issueIds: [issue.id], value: null },
    ],
    {
      ids,
      then: async () => {
        // Jira's assignee follows the owner field, as the app (the owner may lack "Assign issues").
        await app.assignIssue(issue.id, null);
        await deps.appendHistory([
          {
            issueId: issue.id,
            issueKey: key,
            field: 'owner',
            oldValue: owner,
            newValue: null,
            reason: `${DECLINE_REASON_PREFIX}${reason}`,
            actorAccountId: accountId,
            at: now,
          },
        ]);
      },
    },
  );
  return { issueKey: key };
}
