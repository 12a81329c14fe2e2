import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraError, JiraErrorCode } from '../jira/jira.errors';
import { ConfigStoreError, ConfigStoreErrorCode } from '../kvs/kvs.errors';
import { SqlError, SqlErrorCode } from '../sql/sql.errors';
import { QueueError, QueueErrorCode } from './queue.errors';

/**
 * Seconds before the platform redelivers an event whose consumer met a passing failure (Jira 5xx
 * after the client's own retries, a dropped SQL connection or deadlock, a KVS outage, a refused
 * push). Range 1–900 (the platform's cap); default 30: long enough for a blip to pass, short enough
 * that a job's progress visibly moves again within a minute.
 */
export const TRANSIENT_RETRY_AFTER_SECONDS = 30;

/**
 * What a queue consumer returns instead of throwing when `error` will likely pass: an
 * `InvocationError`, so the platform redelivers the event (a thrown error is not retried, and the
 * job it belongs to would never finish). `undefined` for errors a retry cannot fix (bad request,
 * forbidden, invalid data, a bug): the consumer rethrows those.
 * Every consumer using this must be safe to rerun: it redoes the event from its start.
 */
export function retryLater(error: unknown): InvocationError | undefined {
  if (error instanceof JiraError && error.code === JiraErrorCode.RateLimited) {
    return new InvocationError({
      retryAfter: Math.min(900, Math.max(1, error.retryAfterSeconds ?? 60)),
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
    });
  }
  const transient =
    (error instanceof JiraError && error.code === JiraErrorCode.ServerError) ||
    (error instanceof SqlError && (error.code === SqlErrorCode.Unknown || error.code === SqlErrorCode.TimedOut || error.code === SqlErrorCode.Execution || error.code === SqlErrorCode.RateLimited)) ||
    (error instanceof ConfigStoreError && error.code === ConfigStoreErrorCode.Storage) ||
    (error instanceof QueueError && error.code === QueueErrorCode.PushFailed);
  if (!transient) return undefined;
  return new InvocationError({ retryAfter: TRANSIENT_RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}
