import '../composition';
import type { InvocationError } from '@forge/events';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { retryLater } from '../../adapters/queue';
import { gradeOnChange } from '../../app/intake/gradeOnChange';
import { syncIssueFact } from '../../app/analytics/projection';
import { recordSubmitter } from '../../app/intake/recordSubmitter';
import { ensureClosePropertyPublished } from '../../app/closure/closeProperty';
import { platformDeps as escalationDeps } from '../../app/escalation/deps';
import { startResponseClock } from '../../app/escalation/responseClock';

/**
 * Forge `trigger` on `avi:jira:created:issue` (manifest function `issue-created`).
 * Parses the product event, records the submitter, grades the issue if it was created with answers and
 * starts its response clock; anything else is ignored with a log line.
 */
const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

export async function handler(event: unknown): Promise<InvocationError | void> {
  try {
    await handle(event);
  } catch (e) {
    // The issue was deleted (or moved out of reach) between the event and this run: nothing to do.
    if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) {
      console.warn(`issue-created: issue gone before the trigger ran (${e.message}); ignored`);
      return;
    }
    // A passing failure (Jira 429/5xx, SQL connection drop, KVS outage) is returned as an
    // InvocationError: Forge retries a returned one up to 4 times, a thrown error never
    // (forge-docs: events-reference/product_events). Every step here is safe to redo.
    const retry = retryLater(e);
    if (retry !== undefined) {
      console.warn(JSON.stringify({ trigger: 'issue-created', retry: e instanceof Error ? e.message : String(e) }));
      return retry;
    }
    throw e;
  }
}

async function handle(event: unknown): Promise<void> {
  const issue = field(event, 'issue');
  const id = field(issue, 'id');
  const key = field(issue, 'key');
  const creator = field(event, 'atlassianId');
  if (typeof id !== 'string' || typeof key !== 'string' || typeof creator !== 'string') {
    console.warn('issue-created: event without issue id/key or creator; ignored');
    return;
  }
  await recordSubmitter({ id, key }, creator);
  // The close rules' expressions need the `itr-close` app property: publish it once if missing.
  // Best effort: a failure here must not lose the submitter or the grade (the admin page publishes too).
  await ensureClosePropertyPublished().catch((e: unknown) =>
    console.warn(`issue-created: itr-close property not published: ${e instanceof Error ? e.message : String(e)}`),
  );
  const graded = await gradeOnChange(id);
  if (graded.outcome === 'invalidAnswers')
    console.warn(`issue-created: ${key} has answers the grading table refuses; not graded`);
  // The customer's response clock starts at creation (ITR issue types only), after grading so an
  // issue created with answers runs on its own grade (src/app/escalation/responseClock.ts).
  await startResponseClock(id, escalationDeps());
  // Analytics projection (src/app/analytics): never throws; the backfill repairs a miss.
  await syncIssueFact(id);
}
