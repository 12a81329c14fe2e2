/**
 * Claims on the response clock's side effects Jira cannot make idempotent (a comment, a history row),
 * unique by (issue, alert, time); the same claim protocol as escalation actions (./escalationActions).
 * SQL: src/adapters/sql/responseAlertRepository.ts.
 */

/** Longer than a consumer can run (timeoutSeconds 300). Range ≥ 300,000 ms; default 15 min. */
export const RESPONSE_LEASE_MS = 15 * 60_000;

export type ResponseAlertKind = 'warn' | 'overdue' | 'deemed';

export interface ResponseAlertClaim {
  issueId: string;
  alert: ResponseAlertKind;
  /** The time the alert is about: the warning time, the deadline, or when the owner was deemed to accept. */
  at: Date;
}

export interface OwnedResponseAlert extends ResponseAlertClaim {
  id: number;
}

export interface ResponseAlertRepository {
  /** Inserts `alerts`, takes over stale claims on `issueIds`, answers the undone alerts this token owns. */
  claimResponseAlerts: (
    alerts: readonly ResponseAlertClaim[],
    issueIds: readonly string[],
    token: string,
    now: Date,
  ) => Promise<OwnedResponseAlert[]>;
  markResponseAlertsDone: (ids: readonly number[], now: Date) => Promise<void>;
  /** Gives claims back at once (their owner hands its work to the queue, it is not dying). */
  releaseResponseAlerts: (ids: readonly number[]) => Promise<void>;
  /** Issues with an alert whose owner died (not done after the lease): the sweep hands them out again. */
  staleResponseAlertIssueIds: (now: Date, limit: number) => Promise<string[]>;
}
