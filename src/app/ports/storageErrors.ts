/**
 * Stable codes for storage (Forge SQL) failures the use cases may tell apart: part of the storage ports'
 * contract, thrown by src/adapters/sql. Never rename, only add.
 */
export const SqlErrorCode = {
  /** The statement ran and the database refused it (syntax, unknown column, duplicate key, …). */
  Execution: 'SQL_EXECUTION_ERROR',
  /** Forge refused the statement before running it. */
  InvalidQuery: 'SQL_INVALID_QUERY',
  /** A read over 5 s, or any other request over 10 s (Forge SQL's time limits). */
  TimedOut: 'SQL_TIMED_OUT',
  /** A row did not have the shape the caller's parser expects. */
  BadRow: 'SQL_BAD_ROW',
  /** Refused by Forge SQL's query policy (a restricted statement, hint or function): fix the query. */
  PolicyViolation: 'SQL_POLICY_VIOLATION',
  /** Too many DDL requests in the installation's minute (25): passing, try again after a minute. */
  RateLimited: 'SQL_RATE_LIMITED',
  /** The request is over Forge SQL's 1 MiB: the caller must send less (never passing). */
  RequestTooLarge: 'SQL_REQUEST_TOO_LARGE',
  /** Anything else (platform unavailable, app not provisioned, …). */
  Unknown: 'SQL_UNKNOWN_ERROR',
} as const;

export type SqlErrorCode = (typeof SqlErrorCode)[keyof typeof SqlErrorCode];

export class SqlError extends Error {
  constructor(
    readonly code: SqlErrorCode,
    message: string,
    /** The statement text (never the parameters: they may hold personal data). */
    readonly statement: string,
    cause?: unknown,
  ) {
    super(`${code}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'SqlError';
  }
}
