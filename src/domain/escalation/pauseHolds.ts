/**
 * The app has ONE pause of an issue's clocks (src/app/escalation/pauses.ts), and several reasons can
 * hold it at once: the issue sits in a waiting-for-customer status, a clarification question to the
 * submitter is open, a requirement's value assessment is pending (when the grading table pauses
 * while assessing). The pause starts with the first reason and the clocks restart only when the last
 * one ends: a waiting status left while the submitter still owes an answer keeps the clocks stopped.
 *
 * Pure: the caller reads the reasons' state (status, open question, latest assessment) and asks.
 */

/** Something that holds the clocks. */
export type PauseHold = 'waitingForCustomer' | 'clarification' | 'valueAssessment';

export const PAUSE_HOLDS: readonly PauseHold[] = ['waitingForCustomer', 'clarification', 'valueAssessment'];

/** What the app knows of each reason, read after the change being applied. */
export interface PauseHoldFacts {
  /** The status now (its name), null when unknown. */
  status: string | null;
  /** The status names the admin says mean waiting for the customer. */
  waitingStatuses: readonly string[];
  /** A clarification question to the submitter is open (asked, not answered). */
  openQuestion: boolean;
  /** The latest recorded assessment decision ('pending' while it is being assessed), null when none. */
  latestAssessment: string | null;
  /** The grading table's `requirementTimes.pauseWhileAssessing`. */
  pauseWhileAssessing: boolean;
}

/** The reasons holding the clocks, in PAUSE_HOLDS order. */
export function pauseHolds(facts: PauseHoldFacts): PauseHold[] {
  const on: Record<PauseHold, boolean> = {
    waitingForCustomer: facts.status !== null && facts.waitingStatuses.includes(facts.status),
    clarification: facts.openQuestion,
    valueAssessment: facts.pauseWhileAssessing && facts.latestAssessment === 'pending',
  };
  return PAUSE_HOLDS.filter((h) => on[h]);
}

/**
 * Whether the clocks restart when `released` ends: only when nothing else holds them. `released`
 * itself is not counted, even if the facts still show it (a status read before the change arrived,
 * an answer recorded in the same run).
 */
export function resumesWhenReleased(released: PauseHold, facts: PauseHoldFacts): boolean {
  return pauseHolds(facts).every((h) => h === released);
}
