/**
 * What a resolution does to an issue's return visit (回访), once the rules say the issue needs one
 * (`needsReturnVisit`). A resolution is one episode of being done, known by the instant it began: an
 * issue resolved, reopened and resolved again has two; a redelivered event, or a move between two Done
 * statuses (Resolved → Closed), is the same episode.
 */
export interface CurrentVisit {
  status: 'open' | 'done';
  /** When the resolution this visit is about began. */
  resolvedAt: Date;
}

/**
 * `open`: no visit yet, open the first. `keep`: the visit still waits to be made (a re-resolve before
 * it is the same visit), or this resolution already has its visit. `newRound`: the recorded visit was
 * about an earlier resolution; this one needs its own (the first fix did not hold).
 */
export type VisitOnResolution = 'open' | 'keep' | 'newRound';

export function visitOnResolution(current: CurrentVisit | null, resolvedSince: Date): VisitOnResolution {
  if (current === null) return 'open';
  if (current.status === 'open') return 'keep';
  return resolvedSince.getTime() > current.resolvedAt.getTime() ? 'newRound' : 'keep';
}
