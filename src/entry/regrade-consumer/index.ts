import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { parseBatchEvent, regradeBatch } from '../../app/regrade/regrade';

/**
 * Queue consumer of `regrade` (manifest function `regrade-consumer`): regrades one batch of open
 * issues. Jira rate limits become a platform retry after Jira's `Retry-After` (the batch is recorded
 * only after its write, so a retry redoes it; unchanged grades are not rewritten).
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const body = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['body'] : undefined;
  const batch = parseBatchEvent(body);
  if (batch === null) {
    console.warn('regrade-consumer: event without jobId/batch/issueIds; ignored');
    return;
  }
  try {
    await regradeBatch(batch);
  } catch (error) {
    if (error instanceof JiraError && error.code === JiraErrorCode.RateLimited) {
      return new InvocationError({
        retryAfter: Math.min(900, Math.max(1, error.retryAfterSeconds ?? 60)),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      });
    }
    throw error;
  }
}
