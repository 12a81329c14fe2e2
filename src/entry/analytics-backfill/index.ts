import '../composition';
import { getAppContext } from '@forge/api';
import type { InvocationError } from '@forge/events';
import { settleConsumerFailure } from '../../adapters/queue';
import {
  parseStepEvent,
  platformBackfillDeps,
  recordBackfillFailure,
  runBackfillStep,
} from '../../app/analytics/backfill';
import { isJobId } from '../payload';

/**
 * Queue consumer of `analytics-backfill` (manifest function `analytics-backfill`): one step of
 * the projection's rebuild. A Jira rate limit or outage, a dropped SQL connection or a KVS failure
 * becomes a platform retry (the cursor is saved per page, so a retry resumes where the step
 * stopped). A failure no retry can fix (Jira 400/403/404, SQL the query policy refuses, invalid
 * settings, an unreadable event) marks the job failed with its reason, shown on the supervision
 * page, and acknowledges the event instead of being redelivered for a day.
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const body = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['body'] : undefined;
  const step = parseStepEvent(body);
  const deps = platformBackfillDeps(() => getAppContext().invocationRemainingTimeInMillis());
  if (step === null) {
    console.warn('analytics-backfill: event without jobId/step');
    const jobId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['jobId'] : undefined;
    // Job ids are UUIDs (startBackfill); anything else cannot name a job and is not a valid KVS key.
    if (!isJobId(jobId)) return;
    return settleConsumerFailure(
      'analytics-backfill',
      new Error('unreadable backfill event'),
      (f) => recordBackfillFailure(jobId, { ...f, code: 'EVENT_INVALID', errorCode: 'EVENT_INVALID' }, deps),
      () => deps.now(),
      { jobId },
    );
  }
  if (!isJobId(step.jobId)) {
    console.warn('analytics-backfill: event whose jobId names no job; ignored');
    return;
  }
  try {
    await runBackfillStep(step, deps);
  } catch (error) {
    return settleConsumerFailure(
      'analytics-backfill',
      error,
      (f) => recordBackfillFailure(step.jobId, f, deps),
      () => deps.now(),
      { jobId: step.jobId, step: step.step },
    );
  }
}
