import '../composition';
import { getAppContext } from '@forge/api';
import type { InvocationError } from '@forge/events';
import { settleConsumerFailure } from '../../adapters/queue';
import { parseBatchEvent, platformRegradeDeps, recordRegradeFailure, regradeBatch } from '../../app/regrade/regrade';
import { isJobId } from '../payload';

/**
 * Queue consumer of `regrade` (manifest function `regrade-consumer`): regrades one batch of open
 * issues. A Jira rate limit, a Jira outage or a KVS failure becomes a platform retry (the batch is
 * recorded only after its write, so a retry redoes it, and grades already in force are not
 * rewritten). A failure no retry can fix (Jira 400/403/404, an invalid grading table, an unreadable
 * event) marks the job failed with its reason and acknowledges the event: the queue would otherwise
 * redeliver it for a day.
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const body = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['body'] : undefined;
  const batch = parseBatchEvent(body);
  const deps = platformRegradeDeps(() => getAppContext().invocationRemainingTimeInMillis());
  if (batch === null) {
    const jobId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['jobId'] : undefined;
    console.warn('regrade-consumer: event without jobId/batch/issueIds');
    // An event naming one of our jobs but unreadable otherwise fails that job; anything else is ignored.
    if (!isJobId(jobId)) return;
    return settleConsumerFailure(
      'regrade-consumer',
      new Error('unreadable regrade event'),
      (f) => recordRegradeFailure(jobId, null, { ...f, code: 'EVENT_INVALID', errorCode: 'EVENT_INVALID' }, deps),
      () => deps.now(),
      { jobId },
    );
  }
  try {
    await regradeBatch(batch, deps);
  } catch (error) {
    return settleConsumerFailure(
      'regrade-consumer',
      error,
      (f) => recordRegradeFailure(batch.jobId, batch.batch, f, deps),
      () => deps.now(),
      { jobId: batch.jobId, batch: batch.batch },
    );
  }
}
