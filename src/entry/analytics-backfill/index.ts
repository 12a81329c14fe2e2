import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { parseStepEvent, runBackfillStep } from '../../app/analytics/backfill';

/**
 * Queue consumer of `analytics-backfill` (manifest function `analytics-backfill`): one step of
 * the projection's rebuild. Jira rate limits become a platform retry after `Retry-After`; the cursor is
 * saved per page, so a retry resumes where the step stopped.
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
    await runBackfillStep(step);
  } catch (error) {
    if (error instanceof JiraError && error.code === JiraErrorCode.RateLimited) {
      return new InvocationError({ retryAfter: Math.min(900, Math.max(1, error.retryAfterSeconds ?? 60)), retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
    }
    throw error;
  }
}
