import type { GradeId, ItrKindId, SupportLineId } from './ids';
import type { PersonName } from './people';
import type { AcceptanceState } from './triage';

/**
 * A clock's final state once it stopped (the issue became done): met with working time to spare, or
 * breached and by how much, in whole working minutes on the clock's calendar (JSM's SLA panel).
 */
export type ClockFinal =
  | { outcome: 'met'; spareMinutes: number; stoppedAt: string }
  | { outcome: 'breached'; overMinutes: number; stoppedAt: string };

/**
 * The response (acceptance) clock: from the issue's creation to the owner's acceptance. Its due and
 * warning times are the issue's app fields (the app writes them); `final` once accepted (or deemed to:
 * timeout consent at the deadline is met, not breached) or done.
 */
export interface ResponseClock {
  dueAt: string | null; // ISO instant
  warnAt: string | null; // ISO instant
  status: 'onTrack' | 'warning' | 'overdue' | 'paused' | 'met' | 'breached';
  /** Set while waiting for the customer stops the clock (then dueAt/warnAt are null). */
  pausedSince: string | null; // ISO instant
  final: ClockFinal | null;
}

/** One row of the panel's owner history: acceptance, decline, timeout consent and forwards. */
export interface OwnerHistoryEntry {
  /** The history row's id (a forward whose reason is pending is completed by it). */
  id: string;
  event: 'accepted' | 'deemedAccepted' | 'declined' | 'forwarded' | 'reassignedInJira';
  at: string; // ISO instant
  /** Who did it; null for the app's own rule (timeout means consent). */
  by: PersonName | null;
  from: PersonName | null;
  to: PersonName | null;
  /** The reason given; null while a Jira reassignment's reason is pending, or when none is asked. */
  reason: string | null;
  reasonPending: boolean;
}

/**
 * Where the issue stands on its way to Closed (itr-process §5–§6), so the panel can name the one next
 * step: a problem needs its root cause before Resolve; once resolved, a required return visit must be
 * recorded; then only the submitter (or a fallback closer an admin named) closes.
 */
export interface ClosureView {
  /** `problem` needs a complete root cause to be resolved; null before triage classifies it. */
  classification: 'problem' | 'requirement' | null;
  rootCauseComplete: boolean;
  /** `resolved`: done, Close not run yet; `closed`: in the ITR workflow's Closed status. */
  stage: 'open' | 'resolved' | 'closed';
  /** A required return visit is still to be recorded (`itr-visit-open` = yes). */
  visitPending: boolean;
  /** The recorded submitter (never the Reporter), by name; null when none is recorded. */
  submitter: PersonName | null;
  /**
   * Why the viewer may not close (src/domain/closure `mayClose`: who first, then the visit), or null
   * when the rule lets them once the issue is resolved.
   */
  closeRefusal: 'notSubmitter' | 'visitPending' | null;
  /** The viewer supervises return visits, so may record this one; asked of Jira only while one is pending. */
  viewerRecordsVisits: boolean;
}

/** What the ITR issue panel shows: computed on the server from the issue's fields and the config. */
export interface IssueItrState {
  issueKey: string;
  kind: ItrKindId | null;
  grade: GradeId | null;
  /**
   * The grade's name in both UI languages, from the grading table in force (the UI picks by locale);
   * null when ungraded or the table no longer defines the grade (the UI then shows the raw id).
   */
  gradeLabel: { en: string; 'zh-CN': string } | null;
  /** The grading table version the issue was stamped with (its app field); it keeps it until a recompute. */
  gradingTableVersion: number | null;
  /** The version in force now; differs from `gradingTableVersion` until a recompute moves the issue. */
  gradingTableInForce: number;
  /**
   * Which time rule the issue's clocks follow (src/domain/sla/timeRule.ts): `requirement` when it is a
   * requirement and the table gives its grade requirement times, else `problem`; null when ungraded.
   * Optional so older fixtures stay valid.
   */
  timeRule?: 'problem' | 'requirement' | null;
  line: SupportLineId | null;
  lineEnteredAt: string | null; // ISO instant
  /** The line's due and warning times exactly as the issue's app fields hold them (one source of truth). */
  dueAt: string | null; // ISO instant
  warnAt: string | null; // ISO instant
  /** Set while waiting for the customer stops the line's clock (then dueAt/warnAt are null). */
  pausedSince: string | null; // ISO instant
  /**
   * Working minutes of the line's budget left; with `pausedSince` what the clock will resume with;
   * with `done` what was left when the issue became done (the clock's final state).
   */
  remainingMinutes: number | null;
  /** `done`: resolved or in a Done-category status; the clocks have stopped (no due or warning time). */
  status: 'onTrack' | 'warning' | 'overdue' | 'notStarted' | 'paused' | 'done';
  /** The line clock's final state when the issue is done (status `done`), else null. */
  lineFinal: ClockFinal | null;
  /** Null when the site has no response-clock fields or the issue has no response due time. */
  response: ResponseClock | null;
  /** The ITR owner (always Jira's assignee), by display name. */
  owner: PersonName | null;
  acceptance: AcceptanceState | null;
  /** The viewer is the owner of an open issue awaiting its answer: the panel offers Accept and Decline. */
  canAnswer: boolean;
  /** A reassignment in Jira whose reason the viewer (who reassigned, or the new owner) is asked for. */
  pendingForward: OwnerHistoryEntry | null;
  ownerHistory: OwnerHistoryEntry[];
  closure: ClosureView;
}

/** Decline: the issue goes back to triage with the owner's reason. */
export type DeclinePayload = {
  issueKey: string;
  reason: string;
};

export type ForwardReasonPayload = {
  issueKey: string;
  /** `OwnerHistoryEntry.id` of the pending reassignment. */
  entryId: string;
  reason: string;
};

export interface IssuePanelFunctions {
  getIssueItrState: { payload: { issueKey: string }; result: IssueItrState };
  /** The owner accepts from the panel (triage's `acceptIssue`); answers the panel's new state. */
  acceptFromPanel: { payload: { issueKey: string }; result: IssueItrState };
  declineFromPanel: { payload: DeclinePayload; result: IssueItrState };
  saveForwardReason: { payload: ForwardReasonPayload; result: IssueItrState };
  /** The submitter closes from the panel (Jira's Close transition, as the viewer); answers the new state. */
  closeFromPanel: { payload: { issueKey: string }; result: IssueItrState };
}
