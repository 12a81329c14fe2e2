import '../composition';
import type { InvocationError } from '@forge/events';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { retryLater } from '../../adapters/queue';
import { gradeOnChange } from '../../app/intake/gradeOnChange';
import { syncIssueFact } from '../../app/analytics/projection';
import { mayHaveResolved, onIssueResolved } from '../../app/returnVisits/onResolved';
import { assigneeChangeOf, onJiraReassignment } from '../../app/triage/jiraReassignment';
import { platformDeps as escalationDeps } from '../../app/escalation/deps';
import { onStatusChange, statusChangedAt, statusChangeOf } from '../../app/escalation/pauses';
import { endStayOnResolution } from '../../app/escalation/endStayOnResolution';

/**
 * Forge `trigger` on `avi:jira:updated:issue` (manifest function `issue-updated`): regrades the issue
 * when its grading answers changed. The app's own writes of grade and version fire this event too;
 * they do not touch the answers and, graded again, compare equal, so nothing loops.
 */
const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

/** Field ids the event's changelog names; undefined when the event carries no changelog. */
export function changedFieldIds(event: unknown): string[] | undefined {
  const items = field(field(event, 'changelog'), 'items');
  if (!Array.isArray(items)) return undefined;
  return items.flatMap((i) => {
    const id = field(i, 'fieldId');
    return typeof id === 'string' ? [id] : [];
  });
}

/** System fields the analytics projection keeps; edits of others (summary, description, …) cost nothing. */
const PROJECTED_SYSTEM_FIELDS = new Set(['status', 'resolution', 'assignee', 'issuetype', 'project']);

export async function handler(event: unknown): Promise<InvocationError | void> {
  try {
    await handle(event);
  } catch (e) {
    // The issue was deleted (or moved out of reach) between the event and this run: nothing to do.
    if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) {
      console.warn(`issue-updated: issue gone before the trigger ran (${e.message}); ignored`);
      return;
    }
    // A passing failure (Jira 429/5xx, SQL connection drop, KVS outage) is returned as an
    // InvocationError: Forge retries a returned one up to 4 times, a thrown error never
    // (forge-docs: events-reference/product_events). Every step here is safe to redo.
    const retry = retryLater(e);
    if (retry !== undefined) {
      console.warn(JSON.stringify({ trigger: 'issue-updated', retry: e instanceof Error ? e.message : String(e) }));
      return retry;
    }
    throw e;
  }
}

async function handle(event: unknown): Promise<void> {
  const id = field(field(event, 'issue'), 'id');
  if (typeof id !== 'string') {
    console.warn('issue-updated: event without an issue id; ignored');
    return;
  }
  // Return visits (src/app/returnVisits): decided when a status or resolution change made the issue
  // done (Done category or a Resolution, read from Jira), whatever the status is called.
  const key = field(field(event, 'issue'), 'key');
  if (mayHaveResolved(event) && typeof key === 'string') await onIssueResolved({ id, key }, new Date());
  // The line stay ends at the resolution (src/app/escalation/endStayOnResolution.ts).
  if (mayHaveResolved(event)) await endStayOnResolution(id, new Date());
  // A person reassigned the issue in Jira: the ITR owner follows, recorded as a forward whose reason
  // the panel asks for (src/app/triage/jiraReassignment.ts).
  const reassigned = assigneeChangeOf(event);
  if (reassigned !== undefined) await onJiraReassignment(id, reassigned, new Date());
  // Waiting-for-customer pauses (src/app/escalation/pauses.ts): a status change into or out of a
  // waiting status stops or restarts the line's clock.
  const statusChange = statusChangeOf(event);
  if (statusChange !== undefined)
    await onStatusChange(id, statusChange, statusChangedAt(event, new Date()), escalationDeps());
  const changed = changedFieldIds(event);
  // Analytics projection (src/app/analytics): only fields it holds matter (never throws; the backfill repairs a miss).
  if (changed === undefined || changed.some((f) => PROJECTED_SYSTEM_FIELDS.has(f) || f.startsWith('customfield_')))
    await syncIssueFact(id);
  // Only app fields can hold answers: a change of other system fields alone costs no REST call.
  if (changed !== undefined && !changed.some((f) => f.startsWith('customfield_'))) return;
  const graded = await gradeOnChange(id, changed === undefined ? {} : { changedFieldIds: changed });
  if (graded.outcome === 'invalidAnswers')
    console.warn(`issue-updated: issue ${id} has answers the grading table refuses; not graded`);
}
