import { InvocationError, InvocationErrorCode } from '@forge/events';
import type { JobFailure, JobFailureCode } from '../../contract/jobs';
import { JiraError, JiraErrorCode } from '../jira/jira.errors';
import { ConfigStoreError, ConfigStoreErrorCode } from '../kvs/kvs.errors';
import { SqlError, SqlErrorCode } from '../../app/ports/storageErrors';
import { QueueError, QueueErrorCode } from './queue.errors';

/**
 * Seconds before the platform redelivers an event whose consumer met a passing failure (Jira 5xx
 * after the client's own retries, a dropped SQL connection or deadlock, a KVS outage, a refused
 * push). Range 1–900 (the platform's cap); default 30: long enough for a blip to pass, short enough
 * that a job's progress visibly moves again within a minute.
 */
export const TRANSIENT_RETRY_AFTER_SECONDS = 30;

/**
 * What a failure in a trigger or consumer means: `passing` (a retry will likely succeed: hand the
 * event back with this `InvocationError`) or `permanent` (no retry can fix it: stop, and say why).
 */
export type ConsumerFailure =
  | { kind: 'passing'; retry: InvocationError }
  | { kind: 'permanent'; code: JobFailureCode; errorCode: string };

// TooNew: written by a newer version while this one still runs (a deploy in progress); a retry meets the new one.
const PASSING_CONFIG: readonly string[] = [
  ConfigStoreErrorCode.Storage,
  ConfigStoreErrorCode.RevisionConflict,
  ConfigStoreErrorCode.TooNew,
];
const PASSING_SQL: readonly string[] = [
  SqlErrorCode.Unknown,
  SqlErrorCode.TimedOut,
  SqlErrorCode.Execution,
  SqlErrorCode.RateLimited,
];

function permanentCode(error: unknown): JobFailureCode {
  if (error instanceof JiraError) {
    if (error.code === JiraErrorCode.BadRequest) return 'JIRA_REFUSED';
    if (error.code === JiraErrorCode.Forbidden || error.code === JiraErrorCode.Unauthorized) return 'JIRA_FORBIDDEN';
    if (error.code === JiraErrorCode.NotFound) return 'JIRA_NOT_FOUND';
    return 'UNEXPECTED';
  }
  if (error instanceof ConfigStoreError) return 'CONFIG_INVALID';
  if (error instanceof SqlError) return 'SQL_REFUSED';
  // Domain validation (a grading table, calendar or budget the rules refuse): config, not data.
  if (error instanceof Error && error.name === 'DomainError') return 'CONFIG_INVALID';
  return 'UNEXPECTED';
}

function errorCodeOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}

/**
 * Passing: Jira 429 (with its `Retry-After`) and 5xx / no answer, a dropped or timed-out SQL
 * statement or the DDL rate, a KVS outage or a config from a newer version mid-deploy, a refused
 * push. Everything else is permanent: Jira
 * 400/401/403/404, invalid stored data, SQL the policy refuses, and defects (an unknown error is a
 * bug here: the adapters turn every platform failure into one of their typed errors).
 */
export function classifyConsumerFailure(error: unknown): ConsumerFailure {
  if (error instanceof JiraError && error.code === JiraErrorCode.RateLimited) {
    return {
      kind: 'passing',
      retry: new InvocationError({
        retryAfter: Math.min(900, Math.max(1, error.retryAfterSeconds ?? 60)),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      }),
    };
  }
  const passing =
    (error instanceof JiraError && error.code === JiraErrorCode.ServerError) ||
    (error instanceof SqlError && PASSING_SQL.includes(error.code)) ||
    (error instanceof ConfigStoreError && PASSING_CONFIG.includes(error.code)) ||
    (error instanceof QueueError && error.code === QueueErrorCode.PushFailed);
  if (passing) {
    return {
      kind: 'passing',
      retry: new InvocationError({
        retryAfter: TRANSIENT_RETRY_AFTER_SECONDS,
        retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      }),
    };
  }
  return { kind: 'permanent', code: permanentCode(error), errorCode: errorCodeOf(error) };
}

/**
 * What a trigger or consumer returns instead of throwing when `error` will likely pass: an
 * `InvocationError`, so the platform redelivers the event (a thrown error is not retried by product
 * events). `undefined` for errors a retry cannot fix.
 * Every caller must be safe to rerun: it redoes the event from its start.
 */
export function retryLater(error: unknown): InvocationError | undefined {
  const failure = classifyConsumerFailure(error);
  return failure.kind === 'passing' ? failure.retry : undefined;
}

/**
 * The end of a queue consumer that failed: a passing failure hands the event back (InvocationError);
 * a permanent one is recorded on its job by `markFailed` and the event is acknowledged, so the queue
 * does not retry for a day what can never succeed. If recording the failure itself meets a passing
 * failure, the event is handed back and the next delivery records it.
 */
export async function settleConsumerFailure(
  consumer: string,
  error: unknown,
  markFailed: (failure: JobFailure) => Promise<void>,
  now: () => Date = () => new Date(),
  context: Record<string, unknown> = {},
): Promise<InvocationError | undefined> {
  const failure = classifyConsumerFailure(error);
  const message = error instanceof Error ? error.message : String(error);
  if (failure.kind === 'passing') {
    console.warn(JSON.stringify({ event: consumer, ...context, retry: message }));
    return failure.retry;
  }
  console.error(
    JSON.stringify({ event: consumer, ...context, failed: failure.code, errorCode: failure.errorCode, error: message }),
  );
  try {
    await markFailed({ code: failure.code, errorCode: failure.errorCode, at: now().toISOString() });
  } catch (e) {
    const retry = retryLater(e);
    if (retry !== undefined) return retry;
    console.error(
      JSON.stringify({ event: consumer, ...context, markFailed: e instanceof Error ? e.message : String(e) }),
    );
  }
  return undefined;
}
