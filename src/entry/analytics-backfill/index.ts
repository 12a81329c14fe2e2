import { getAppContext } from '@forge/api';
import type { InvocationError } from '@forge/events';
import { retryLater } from '../../adapters/queue';
import { parseStepEvent, platformBackfillDeps, runBackfillStep } from '../../app/analytics/backfill';

/**
 * Queue consumer of `analytics-backfill` (manifest function `analytics-backfill`): one step of
 * the projection's rebuild. A Jira rate limit or outage, a dropped SQL connection or a KVS failure
 * becomes a platform retry (a thrown error is not redelivered, and the job would stay `running`);
 * the cursor is saved per page, so a retry resumes where the step stopped.
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const body = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['body'] : undefined;
  const step = parseStepEvent(body);
  // Job ids are UUIDs (startBackfill); anything else cannot name a job and is not a valid KVS key.
  if (step === null || !/^[A-Za-z0-9-]{1,64}$/.test(step.jobId)) {
    console.warn('analytics-backfill: event without jobId/step; ignored');
    return;
  }
  try {
    await runBackfillStep(step, platformBackfillDeps(() => getAppContext().invocationRemainingTimeInMillis()));
  } catch (error) {
    const retry = retryLater(error);
    if (retry === undefined) throw error;
    console.warn(JSON.stringify({ event: 'analytics-backfill', jobId: step.jobId, step: step.step, retry: error instanceof Error ? error.message : String(error) }));
    return retry;
  }
}
