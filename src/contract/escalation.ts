/**
 * Escalation by time (`src/app/escalation`): the line-history timeline shown in the issue panel and the
 * admin's recalculation of open issues' due times.
 *
 * Codes: ISSUE_NOT_FOUND (the viewer may not browse the issue), NOT_AUTHORIZED (recalculation needs Jira
 * admin), RECALCULATION_NOT_FOUND, INVALID_PAYLOAD.
 */
import type { SupportLineId } from './ids';
import type { JobFailure, JobStatus } from './jobs';

/** Why an issue left a line; null while it is still there. */
export type LineOutcomeId = 'timed_out' | 'passed_on' | 'resolved';

/** One stay of the issue on a support line. */
export interface LineHistoryEntry {
  line: SupportLineId;
  enteredAt: string; // ISO instant
  leftAt: string | null; // ISO instant; null = the current line
  /** Who held the issue on this line (the line's configured assignee), if anyone. */
  holderAccountId: string | null;
  /** The holder's display name; null when there is none or Jira no longer knows the account. */
  holderName: string | null;
  /** Who (or what: `app` for the escalation sweep) moved the issue onto the line. */
  enteredBy: string | null;
  /** The display name of `enteredBy` when a person did it; null for the app or an account Jira no longer knows. */
  enteredByName: string | null;
  /** Working minutes used on the line's own calendar. */
  workingMinutesUsed: number;
  outcome: LineOutcomeId | null;
}

export interface LineHistory {
  issueKey: string;
  /** Oldest first. */
  entries: LineHistoryEntry[];
}

export interface RecalculationProgress {
  jobId: string;
  status: JobStatus;
  /** Why the job stopped, when `status` is `failed`. */
  failure?: JobFailure;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
  /** Open issues looked at so far. */
  processed: number;
  /** Of those, issues whose due or warning time moved. */
  changed: number;
  /** Issues whose grade or line the configuration no longer knows (left as they are). */
  skipped: number;
}

export interface EscalationFunctions {
  getLineHistory: { payload: { issueKey: string }; result: LineHistory };
}

export interface EscalationAdminFunctions {
  /** Admin only: recompute open issues' due and warning times with the configuration in force. */
  /** `confirm: true` required (CONFIRMATION_REQUIRED otherwise): it rewrites open issues' due times. */
  startEscalationRecalculation: { payload: { confirm: true }; result: RecalculationProgress };
  getEscalationRecalculation: { payload: { jobId?: string }; result: RecalculationProgress | null };
}
