import type { ResolverResult } from '../../src/contract/envelope';
import type { IssueItrState } from '../../src/contract/issuePanel';

/** "Now" of the browser tests: relative times ("in 3 hours") are computed from it. */
export const NOW = '2026-11-24T06:00:00Z';

/** A technical-service ticket at L2, well before its warning time. */
export const onTrackTechnicalServiceAtL2: IssueItrState = {
  issueKey: 'ITR-42',
  kind: 'technicalService',
  grade: 'P2',
  gradingTableVersion: 3,
  line: 'L2',
  lineEnteredAt: '2026-11-24T01:30:00Z',
  dueAt: '2026-11-24T09:30:00Z',
  warnAt: '2026-11-24T08:00:00Z',
  status: 'onTrack',
};

/** A complaint escalated to L3 whose due time passed two hours ago. */
export const overdueComplaintAtL3: IssueItrState = {
  issueKey: 'ITR-7',
  kind: 'complaint',
  grade: 'P1',
  gradingTableVersion: 5,
  line: 'L3',
  lineEnteredAt: '2026-11-23T22:00:00Z',
  dueAt: '2026-11-24T04:00:00Z',
  warnAt: '2026-11-24T02:00:00Z',
  status: 'overdue',
};

/** An issue that has a kind but is not graded yet: no line, no clock. */
export const notStartedSpareParts: IssueItrState = {
  issueKey: 'ITR-9',
  kind: 'spareParts',
  grade: null,
  gradingTableVersion: null,
  line: null,
  lineEnteredAt: null,
  dueAt: null,
  warnAt: null,
  status: 'notStarted',
};

export function ok<T>(data: T): ResolverResult<T> {
  return { success: true, data };
}

/** The answer of today's placeholder use case (src/app/issuePanel/getIssueItrState.ts). */
export const notReady: ResolverResult<never> = {
  success: false,
  errors: [{ code: 'NOT_READY', message: 'ITR state for ITR-42 is not available yet' }],
};
