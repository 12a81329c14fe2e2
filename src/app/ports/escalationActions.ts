/**
 * Claims on escalation side effects Jira cannot make idempotent (a comment, a notification), unique by
 * (issue, action, line, line entered at). A consumer inserts the actions it decided on with its own
 * claim token; only rows carrying its token are its to perform. A claim not done after LEASE_MS
 * belongs to a consumer that died half-way: the next one takes it over, so nothing decided is lost and
 * nothing is done twice while its owner lives. SQL: src/adapters/sql/escalationActionRepository.ts.
 */
import type { SupportLine } from '../../domain';

/**
 * How long a claim protects its owner. Longer than a consumer can run (timeoutSeconds 300 in the
 * manifest), so a live owner is never robbed. Range ≥ 300 000 ms; default 15 min.
 */
export const LEASE_MS = 15 * 60_000;

export type ActionKind = 'warn' | 'escalate' | 'breach';

export interface EscalationAction {
  issueId: string;
  action: ActionKind;
  /** The line the action is about (warned, left, or breached). */
  line: SupportLine;
  lineEnteredAt: Date;
  /** For `escalate`: the line the issue moved to. */
  toLine: SupportLine | null;
}

export interface OwnedAction extends EscalationAction {
  id: number;
}

export interface EscalationActionRepository {
  /**
   * Inserts `actions` (existing ones are left alone), takes over stale claims on `issueIds`, and
   * answers the undone actions this token owns: three statements whatever the batch size.
   */
  claimActions: (
    actions: readonly EscalationAction[],
    issueIds: readonly string[],
    token: string,
    now: Date,
  ) => Promise<OwnedAction[]>;
  markDone: (ids: readonly number[], now: Date) => Promise<void>;
  /** Gives claims back at once (their owner is handing its work to the queue, not dying). */
  releaseClaims: (ids: readonly number[]) => Promise<void>;
  /** Issues with a claim whose owner died (not done after the lease): the sweep hands them out again. */
  staleClaimIssueIds: (now: Date, limit: number) => Promise<string[]>;
}
