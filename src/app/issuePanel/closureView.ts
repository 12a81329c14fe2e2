/**
 * The panel's view of the way to Closed (pure): root cause, return visit, who may close. The rule is
 * the domain's `mayClose` (the same the close condition and validator mirror in Jira expressions), so
 * the panel names the reason Jira would refuse with, before anyone tries.
 */
import type { ClosureView } from '../../contract/issuePanel';
import type { PersonName } from '../../contract/people';
import { mayClose } from '../../domain/closure';
import { isIssueDone } from '../../domain/issueDone';
import type { ItrFieldIds } from '../fields/itrFields';
import { accountIdOf, statusCategoryOf } from '../fields/issueState';
import { ITR_STATUSES } from '../setup/plan';
import { personOf } from './ownerHistory';

/** The ITR workflow's Closed status (src/app/setup/plan.ts): after it, nothing is left to do. */
const CLOSED_STATUS_NAME = ITR_STATUSES.find((s) => s.ref === 'closed')?.name ?? 'Closed';

const statusNameOf = (status: unknown): string | null =>
  typeof status === 'object' && status !== null && typeof (status as Record<string, unknown>)['name'] === 'string'
    ? ((status as Record<string, unknown>)['name'] as string)
    : null;

export interface ClosureViewInput {
  fields: Record<string, unknown>;
  ids: ItrFieldIds;
  viewer: string | undefined;
  /** Fallback closers an admin named (src/app/closure/fallbackClosers.ts). */
  fallbackAccountIds: readonly string[];
  names: ReadonlyMap<string, PersonName>;
  viewerRecordsVisits: boolean;
}

/** The account id of the recorded submitter (`itr-submitter`), or null. */
export function submitterIdOf(fields: Record<string, unknown>, ids: ItrFieldIds): string | null {
  return accountIdOf(fields[ids.submitter]);
}

/** Whether the issue waits for a required return visit (`itr-visit-open`, mirrored by the app). */
export function visitPendingOf(fields: Record<string, unknown>, ids: ItrFieldIds): boolean {
  return fields[ids.visitOpen] === 'yes';
}

export function closureViewOf(input: ClosureViewInput): ClosureView {
  const { fields, ids, viewer } = input;
  const c = fields[ids.classification];
  const done = isIssueDone({
    resolved: fields['resolution'] != null,
    statusCategory: statusCategoryOf(fields['status']),
  });
  const submitterId = submitterIdOf(fields, ids);
  const visitPending = visitPendingOf(fields, ids);
  const decision =
    viewer === undefined
      ? ({ allowed: false, code: 'CLOSE_NOT_SUBMITTER' } as const)
      : mayClose({
          submitterAccountId: submitterId ?? undefined,
          actingAccountId: viewer,
          fallbackAccountIds: input.fallbackAccountIds,
          requiredVisitOpen: visitPending,
        });
  return {
    classification: c === 'problem' || c === 'requirement' ? c : null,
    rootCauseComplete: fields[ids.rootCauseComplete] === 'yes',
    stage: !done ? 'open' : statusNameOf(fields['status']) === CLOSED_STATUS_NAME ? 'closed' : 'resolved',
    visitPending,
    submitter: personOf(submitterId, input.names),
    closeRefusal: decision.allowed ? null : decision.code === 'CLOSE_VISIT_OPEN' ? 'visitPending' : 'notSubmitter',
    viewerRecordsVisits: input.viewerRecordsVisits,
  };
}
