import '../composition';
import type { InvocationError } from '@forge/events';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { retryLater } from '../../adapters/queue';
import { commentEventIds, onIssueCommented } from '../../app/decisions/commentAnswer';

/**
 * Forge `trigger` on `avi:jira:commented:issue` (manifest function `issue-commented`): the submitter's
 * plain Jira comment answers an open clarification question and restarts the clocks
 * (src/app/decisions/commentAnswer.ts). Only the issue and comment ids of the payload are used; the
 * comment and the submitter are read again from Jira as the app.
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const ids = commentEventIds(event);
  if (ids === undefined) {
    console.warn('issue-commented: event without an issue or comment id; ignored');
    return;
  }
  try {
    await onIssueCommented(ids);
  } catch (e) {
    // The issue was deleted (or moved out of reach) between the event and this run: nothing to do.
    if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) {
      console.warn(`issue-commented: issue gone before the trigger ran (${e.message}); ignored`);
      return;
    }
    // A passing failure (Jira 429/5xx, SQL, KVS) is returned as an InvocationError, which Forge retries
    // up to 4 times (forge-docs: events-reference/product_events); answering twice records nothing twice.
    const retry = retryLater(e);
    if (retry !== undefined) {
      console.warn(JSON.stringify({ trigger: 'issue-commented', retry: e instanceof Error ? e.message : String(e) }));
      return retry;
    }
    throw e;
  }
}
