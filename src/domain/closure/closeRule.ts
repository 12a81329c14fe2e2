/**
 * Who may close an ITR issue (itr-process.md §6: 只有提单人才能决定问题单是否可以关闭), and when an issue
 * may be resolved (§5: a problem needs its root cause and both measures).
 *
 * These pure rules are the reference the Jira expressions in `expressions.ts` mirror: Jira evaluates
 * the expressions on every transition (no function invocation); the app, the sandbox and the tests
 * evaluate these functions. `test/domain/closure/expressions.test.ts` checks both on one table.
 */

export type CloseRefusal =
  /** The acting user is neither the recorded submitter nor a fallback closer named by an admin. */
  | 'CLOSE_NOT_SUBMITTER'
  /** A required return visit (回访) is still open. */
  | 'CLOSE_VISIT_OPEN';

export type CloseDecision = { allowed: true } | { allowed: false; code: CloseRefusal };

export interface MayCloseInput {
  /** The app-recorded submitter (`itr-submitter`), never the Reporter; undefined when not recorded. */
  submitterAccountId: string | undefined;
  actingAccountId: string;
  /** Fallback closers an admin named (e.g. the submitter left the company). */
  fallbackAccountIds: readonly string[];
  /** A return visit the issue needs has not been recorded yet. */
  requiredVisitOpen: boolean;
}

/**
 * The submitter (or a named fallback) may close, and only once no required visit is open.
 * Identity is checked first: someone else is told they may not close, not that a visit is pending.
 *
 * @example mayClose({ submitterAccountId: 'a', actingAccountId: 'a', fallbackAccountIds: [], requiredVisitOpen: false }) // { allowed: true }
 */
export function mayClose(input: MayCloseInput): CloseDecision {
  const isSubmitter = input.submitterAccountId !== undefined && input.submitterAccountId === input.actingAccountId;
  if (!isSubmitter && !input.fallbackAccountIds.includes(input.actingAccountId))
    return { allowed: false, code: 'CLOSE_NOT_SUBMITTER' };
  if (input.requiredVisitOpen) return { allowed: false, code: 'CLOSE_VISIT_OPEN' };
  return { allowed: true };
}

export type ResolveDecision = { allowed: true } | { allowed: false; code: 'RESOLVE_ROOT_CAUSE_INCOMPLETE' };

/**
 * Resolving a problem needs a complete root cause (src/domain/closure/rootCause.ts); requirements
 * and unclassified issues do not (classification is set at triage).
 */
export function mayResolve(input: { classification: string | undefined; rootCauseComplete: boolean }): ResolveDecision {
  if (input.classification === 'problem' && !input.rootCauseComplete)
    return { allowed: false, code: 'RESOLVE_ROOT_CAUSE_INCOMPLETE' };
  return { allowed: true };
}
