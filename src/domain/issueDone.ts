/**
 * When an ITR issue is done, in Jira's terms, stated once. Jira has two independent markers: the
 * Resolution field (set only where the workflow's transition says so: a post function or a screen)
 * and the status category (`new`, `indeterminate`, `done`), which every status carries. A site whose
 * workflow never sets Resolution still moves finished issues into a Done-category status, so an issue
 * is done when either says so; it is open only when neither does. The clocks, the escalation sweep,
 * the panel, the gadget and the analytics all ask here.
 */

/** Jira's status category keys (`status.statusCategory.key`). */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface IssueDoneMarkers {
  /** Whether the issue's Resolution field holds a value. */
  resolved: boolean;
  /** The status category key of the issue's status; undefined when Jira did not say. */
  statusCategory: string | undefined;
}

export function isIssueDone(markers: IssueDoneMarkers): boolean {
  return markers.resolved || markers.statusCategory === 'done';
}

/**
 * JQL for "open" (the negation of `isIssueDone`): no Resolution and a status outside the Done
 * category. Jira's `!=` never matches an empty field, and every issue has a status category.
 */
export const OPEN_ISSUE_JQL = '(resolution IS EMPTY AND statusCategory != Done)';

/** JQL for "done" (`isIssueDone`). */
export const DONE_ISSUE_JQL = '(resolution IS NOT EMPTY OR statusCategory = Done)';

/**
 * When the issue became done: Jira's resolution date, else (Resolution never set) when its status last
 * changed category, if that category is Done. Both are instants as given; null when the issue is open.
 */
export function doneAt<T>(
  markers: IssueDoneMarkers & { resolutionDate: T | null; statusCategoryChangedAt: T | null },
): T | null {
  if (markers.resolutionDate !== null) return markers.resolutionDate;
  return markers.statusCategory === 'done' ? markers.statusCategoryChangedAt : null;
}
