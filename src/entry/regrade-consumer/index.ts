import { getAppContext } from '@forge/api';
import type { InvocationError } from '@forge/events';
import { retryLater } from '../../adapters/queue';
import { parseBatchEvent, platformRegradeDeps, regradeBatch } from '../../app/regrade/regrade';

/**
 * Queue consumer of `regrade` (manifest function `regrade-consumer`): regrades one batch of open
 * issues. A Jira rate limit, a Jira outage or a KVS failure becomes a platform retry (a thrown error
 * is not redelivered, and the job would never reach 100 %): the batch is recorded only after its
 * write, so a retry redoes it, and grades already in force are not rewritten.
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const body = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['body'] : undefined;
  const batch = parseBatchEvent(body);
  if (batch === null) {
    console.warn('regrade-consumer: event without jobId/batch/issueIds; ignored');
    return;
  }
  try {
    await regradeBatch(batch, platformRegradeDeps(() => getAppContext().invocationRemainingTimeInMillis()));
  } catch (error) {
    const retry = retryLater(error);
    if (retry === undefined) throw error;
    console.warn(JSON.stringify({ event: 'regrade-consumer', jobId: batch.jobId, batch: batch.batch, retry: error instanceof Error ? error.message : String(error) }));
    return retry;
  }
}
