import type { ResolverResult } from '../../src/contract/envelope';
import type { LineHistory } from '../../src/contract/escalation';
import type { ClosureView, IssueItrState } from '../../src/contract/issuePanel';
import type { RequirementAssessmentState } from '../../src/contract/requirement';

/** "Now" of the browser tests: relative times ("in 3 hours") are computed from it. */
export const NOW = '2026-11-24T06:00:00Z';

/** Anna Schmidt submitted the ITR issues of these fixtures; the viewer is someone else unless a fixture says so. */
export const ANNA = { accountId: 'acc-anna', displayName: 'Anna Schmidt' };

/** An open requirement: nothing on the way to Closed is pending yet (no root cause needed). */
export const openRequirement: ClosureView = {
  classification: 'requirement',
  rootCauseComplete: false,
  stage: 'open',
  visitPending: false,
  submitter: ANNA,
  closeRefusal: 'notSubmitter',
  viewerRecordsVisits: false,
};

/** An open problem whose root cause is not complete: it blocks Resolve, so it is the next step. */
export const openProblemWithoutRootCause: ClosureView = { ...openRequirement, classification: 'problem' };

/** Closed: nothing is left to do. */
export const closedRequirement: ClosureView = { ...openRequirement, stage: 'closed' };

/** A technical-service ticket at L2, well before its warning time. */
export const onTrackTechnicalServiceAtL2: IssueItrState = {
  issueKey: 'ITR-42',
  kind: 'technicalService',
  grade: 'major',
  gradeLabel: { en: 'Major', 'zh-CN': '严重' },
  gradingTableVersion: 3,
  line: 'L2',
  lineEnteredAt: '2026-11-24T01:30:00Z',
  dueAt: '2026-11-24T09:30:00Z',
  warnAt: '2026-11-24T08:00:00Z',
  pausedSince: null,
  remainingMinutes: 210,
  status: 'onTrack',
  gradingTableInForce: 3,
  lineFinal: null,
  response: null,
  owner: { accountId: 'acc-l2-agent', displayName: 'Wang Fang' },
  acceptance: 'accepted',
  canAnswer: false,
  pendingForward: null,
  ownerHistory: [],
  closure: openRequirement,
};

/** A complaint escalated to L3 whose due time passed two hours ago. */
export const overdueComplaintAtL3: IssueItrState = {
  issueKey: 'ITR-7',
  kind: 'complaint',
  grade: 'P1',
  gradeLabel: null,
  gradingTableVersion: 5,
  line: 'L3',
  lineEnteredAt: '2026-11-23T22:00:00Z',
  dueAt: '2026-11-24T04:00:00Z',
  warnAt: '2026-11-24T02:00:00Z',
  pausedSince: null,
  remainingMinutes: 0,
  status: 'overdue',
  gradingTableInForce: 5,
  lineFinal: null,
  response: null,
  owner: null,
  acceptance: null,
  canAnswer: false,
  pendingForward: null,
  ownerHistory: [],
  closure: openProblemWithoutRootCause,
};

/** An issue that has a kind but is not graded yet: no line, no clock. */
export const notStartedSpareParts: IssueItrState = {
  issueKey: 'ITR-9',
  kind: 'spareParts',
  grade: null,
  gradeLabel: null,
  gradingTableVersion: null,
  line: null,
  lineEnteredAt: null,
  dueAt: null,
  warnAt: null,
  pausedSince: null,
  remainingMinutes: null,
  status: 'notStarted',
  gradingTableInForce: 3,
  lineFinal: null,
  response: null,
  owner: null,
  acceptance: null,
  canAnswer: false,
  pendingForward: null,
  ownerHistory: [],
  closure: { ...openRequirement, classification: null },
};

/** ITR-9 before triage: its response (acceptance) clock runs from creation, past its warning time. */
export const untriagedResponseWarning: IssueItrState = {
  ...notStartedSpareParts,
  response: {
    dueAt: '2026-11-24T06:30:00Z',
    warnAt: '2026-11-24T05:50:00Z',
    status: 'warning',
    pausedSince: null,
    final: null,
  },
};

/** ITR-9 before triage, waiting for the customer since 05:00Z: the response clock is stopped (no due time). */
export const untriagedResponsePaused: IssueItrState = {
  ...notStartedSpareParts,
  response: { dueAt: null, warnAt: null, status: 'paused', pausedSince: '2026-11-24T05:00:00Z', final: null },
};

/**
 * ITR-42 past its warning time (05:00Z) with 49 working minutes left (due 06:49Z): the issue's "grey
 * (in 49 minutes)" case. The time left is the headline and the lozenge says "Due soon".
 */
export const dueSoonTechnicalServiceAtL2: IssueItrState = {
  ...onTrackTechnicalServiceAtL2,
  warnAt: '2026-11-24T05:00:00Z',
  dueAt: '2026-11-24T06:49:00Z',
  remainingMinutes: 49,
  status: 'warning',
};

/** ITR-42 resolved: its L2 clock met; what happens next depends on the visit and on who looks (the closure). */
export function resolvedItr42(closure: Partial<ClosureView>): IssueItrState {
  return {
    ...onTrackTechnicalServiceAtL2,
    dueAt: null,
    warnAt: null,
    remainingMinutes: 95,
    status: 'done',
    lineFinal: { outcome: 'met', spareMinutes: 95, stoppedAt: '2026-11-24T05:55:00Z' },
    closure: { ...openRequirement, classification: 'problem', rootCauseComplete: true, stage: 'resolved', ...closure },
  };
}

/** ITR-42 waiting for the customer since 05:00Z: the L2 clock stopped with 150 working minutes left. */
export const pausedTechnicalServiceAtL2: IssueItrState = {
  ...onTrackTechnicalServiceAtL2,
  dueAt: null,
  warnAt: null,
  pausedSince: '2026-11-24T05:00:00Z',
  remainingMinutes: 150,
  status: 'paused',
};

/** ITR-42 done (resolved, or in a Done-category status): the L2 clock stopped with 95 working minutes to spare. */
export const doneTechnicalServiceAtL2: IssueItrState = {
  ...onTrackTechnicalServiceAtL2,
  dueAt: null,
  warnAt: null,
  remainingMinutes: 95,
  status: 'done',
  lineFinal: { outcome: 'met', spareMinutes: 95, stoppedAt: '2026-11-24T05:55:00Z' },
  closure: closedRequirement,
  response: {
    dueAt: '2026-11-24T00:00:00Z',
    warnAt: '2026-11-23T23:45:00Z',
    status: 'met',
    pausedSince: null,
    final: { outcome: 'met', spareMinutes: 20, stoppedAt: '2026-11-23T23:40:00Z' },
  },
};

/** ITR-7 closed 2 h 5 min of working time after its L3 due time; stamped with table v3 while v4 is in force. */
export const breachedComplaintStampedV3: IssueItrState = {
  ...overdueComplaintAtL3,
  gradingTableVersion: 3,
  gradingTableInForce: 4,
  dueAt: null,
  warnAt: null,
  remainingMinutes: 0,
  status: 'done',
  lineFinal: { outcome: 'breached', overMinutes: 125, stoppedAt: '2026-11-24T06:05:00Z' },
  closure: { ...closedRequirement, classification: 'problem', rootCauseComplete: true },
  response: {
    dueAt: '2026-11-23T19:00:00Z',
    warnAt: '2026-11-23T18:45:00Z',
    status: 'breached',
    pausedSince: null,
    final: { outcome: 'breached', overMinutes: 30, stoppedAt: '2026-11-23T19:30:00Z' },
  },
};

/** ITR-42 with Wang Fang, awaiting her answer; the viewer is Wang Fang (she may accept or decline). */
export const awaitingAnswerOfViewer: IssueItrState = {
  ...onTrackTechnicalServiceAtL2,
  acceptance: 'awaiting',
  canAnswer: true,
  ownerHistory: [
    {
      id: '11',
      event: 'deemedAccepted',
      at: '2026-11-23T20:00:00Z',
      by: null,
      from: null,
      to: null,
      reason: null,
      reasonPending: false,
    },
    {
      id: '12',
      event: 'forwarded',
      at: '2026-11-23T21:00:00Z',
      by: { accountId: 'acc-li', displayName: 'Li Lei' },
      from: { accountId: 'acc-li', displayName: 'Li Lei' },
      to: { accountId: 'acc-l2-agent', displayName: 'Wang Fang' },
      reason: 'Needs the L2 network team',
      reasonPending: false,
    },
  ],
};

/** Reassigned in Jira by Li Lei to Wang Fang; the viewer (Li Lei) is asked why. */
export const reassignedInJiraReasonPending: IssueItrState = {
  ...onTrackTechnicalServiceAtL2,
  acceptance: 'awaiting',
  ownerHistory: [
    {
      id: '21',
      event: 'reassignedInJira',
      at: '2026-11-24T05:30:00Z',
      by: { accountId: 'acc-li', displayName: 'Li Lei' },
      from: { accountId: 'acc-li', displayName: 'Li Lei' },
      to: { accountId: 'acc-l2-agent', displayName: 'Wang Fang' },
      reason: null,
      reasonPending: true,
    },
    {
      id: '22',
      event: 'declined',
      at: '2026-11-24T05:40:00Z',
      by: { accountId: 'acc-zhao', displayName: null },
      from: { accountId: 'acc-zhao', displayName: null },
      to: null,
      reason: 'Not my product',
      reasonPending: false,
    },
  ],
  pendingForward: {
    id: '21',
    event: 'reassignedInJira',
    at: '2026-11-24T05:30:00Z',
    by: { accountId: 'acc-li', displayName: 'Li Lei' },
    from: { accountId: 'acc-li', displayName: 'Li Lei' },
    to: { accountId: 'acc-l2-agent', displayName: 'Wang Fang' },
    reason: null,
    reasonPending: true,
  },
};

/** ITR-42's stays: L1 timed out after its whole budget, now on L2 since 01:30Z. */
export const historyOfItr42TimedOutToL2: LineHistory = {
  issueKey: 'ITR-42',
  entries: [
    {
      line: 'L1',
      enteredAt: '2026-11-23T23:30:00Z',
      leftAt: '2026-11-24T01:30:00Z',
      holderAccountId: 'acc-l1-agent',
      holderName: 'Li Lei',
      enteredBy: 'acc-triage',
      enteredByName: 'Zhao Triage',
      workingMinutesUsed: 120,
      outcome: 'timed_out',
    },
    {
      line: 'L2',
      enteredAt: '2026-11-24T01:30:00Z',
      leftAt: null,
      holderAccountId: null,
      holderName: null,
      enteredBy: 'app',
      enteredByName: null,
      workingMinutesUsed: 0,
      outcome: null,
    },
  ],
};

/** ITR-7's stays: passed on by hand from L1 after 45 working minutes, timed out on L2, now on L3. */
export const historyOfItr7: LineHistory = {
  issueKey: 'ITR-7',
  entries: [
    {
      line: 'L1',
      enteredAt: '2026-11-23T18:00:00Z',
      leftAt: '2026-11-23T18:45:00Z',
      holderAccountId: 'acc-l1',
      holderName: 'Li Lei',
      enteredBy: 'acc-triage',
      enteredByName: 'Zhao Triage',
      workingMinutesUsed: 45,
      outcome: 'passed_on',
    },
    {
      line: 'L2',
      enteredAt: '2026-11-23T18:45:00Z',
      leftAt: '2026-11-23T22:00:00Z',
      holderAccountId: 'acc-l2',
      holderName: 'Wang Fang',
      enteredBy: 'acc-l1',
      enteredByName: 'Li Lei',
      workingMinutesUsed: 195,
      outcome: 'timed_out',
    },
    {
      line: 'L3',
      enteredAt: '2026-11-23T22:00:00Z',
      leftAt: null,
      holderAccountId: 'acc-l3',
      holderName: null,
      enteredBy: 'app',
      enteredByName: null,
      workingMinutesUsed: 0,
      outcome: null,
    },
  ],
};

export function ok<T>(data: T): ResolverResult<T> {
  return { success: true, data };
}

/** The answer of today's placeholder use case (src/app/issuePanel/getIssueItrState.ts). */
export const notReady: ResolverResult<never> = {
  success: false,
  errors: [{ code: 'NOT_READY', message: 'ITR state for ITR-42 is not available yet' }],
};

/** ITR-42 (a requirement in most fixtures) before anyone assessed its value. */
export const notAssessedItr42: RequirementAssessmentState = {
  issueKey: 'ITR-42',
  classification: 'requirement',
  current: null,
  history: [],
  pausesWhileAssessing: false,
};
