import type { IssueItrState } from '../../../../src/contract/issuePanel';

/**
 * The one next step the panel puts first for this viewer, in the order the process runs (itr-process
 * §3–§6): answer the dispatch, give a pending reassignment's reason, complete the root cause a problem
 * needs to be resolved, record the return visit, close. Steps the viewer cannot take themselves say who
 * can (`waitVisit`, `waitSubmitter`); null when nothing is pending.
 */
export type NextStep =
  | { kind: 'answer' }
  | { kind: 'forwardReason' }
  | { kind: 'rootCause' }
  | { kind: 'recordVisit' }
  | { kind: 'waitVisit'; viewerCloses: boolean }
  | { kind: 'close' }
  | { kind: 'waitSubmitter' }
  | { kind: 'closed' };

export function nextStepOf(state: IssueItrState): NextStep | null {
  const c = state.closure;
  if (state.canAnswer) return { kind: 'answer' };
  if (state.pendingForward !== null) return { kind: 'forwardReason' };
  if (c.stage === 'open') return c.classification === 'problem' && !c.rootCauseComplete ? { kind: 'rootCause' } : null;
  if (c.stage === 'closed') return { kind: 'closed' };
  if (c.visitPending)
    return c.viewerRecordsVisits
      ? { kind: 'recordVisit' }
      : { kind: 'waitVisit', viewerCloses: c.closeRefusal !== 'notSubmitter' };
  return c.closeRefusal === null ? { kind: 'close' } : { kind: 'waitSubmitter' };
}
