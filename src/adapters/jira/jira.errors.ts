/**
 * Every non-2xx answer from Jira, and every failure to get one, becomes a `JiraError` with a stable
 * `code` (callers and UIs branch on the code, never on the message), the HTTP status, and the
 * request it answered. Never rename a code, only add.
 */
export const JiraErrorCode = {
  /** 400, 409, 413, 422: the request was wrong (bad JQL, invalid field value, …). */
  BadRequest: 'JIRA_BAD_REQUEST',
  /** 401: no user session for an asUser() call, or the app lost its authorisation. */
  Unauthorized: 'JIRA_UNAUTHORIZED',
  /** 403: authenticated but not allowed (missing permission or scope). */
  Forbidden: 'JIRA_FORBIDDEN',
  /** 404: the issue (or property, …) does not exist or is not visible to the actor. */
  NotFound: 'JIRA_NOT_FOUND',
  /** 429 after the retry budget ran out, or a Retry-After longer than the caller can wait. */
  RateLimited: 'JIRA_RATE_LIMITED',
  /** 5xx after retries, or no answer at all (status 0). */
  ServerError: 'JIRA_SERVER_ERROR',
  /** A 2xx answer whose body is not what the documented schema promises, or any other status. */
  Unexpected: 'JIRA_UNEXPECTED',
} as const;

export type JiraErrorCode = (typeof JiraErrorCode)[keyof typeof JiraErrorCode];

export interface JiraErrorDetails {
  code: JiraErrorCode;
  status: number;
  method: string;
  path: string;
  /** Jira's `errorMessages`. */
  errorMessages?: string[];
  /** Jira's per-field `errors`. */
  fieldErrors?: Record<string, string>;
  /** For JIRA_RATE_LIMITED: seconds Jira asked to wait, so a queue consumer can hand the work back. */
  retryAfterSeconds?: number;
  /** Attempts made (1 = no retry). */
  attempts: number;
  cause?: unknown;
}

export class JiraError extends Error {
  readonly code: JiraErrorCode;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly errorMessages: string[];
  readonly fieldErrors: Record<string, string>;
  readonly retryAfterSeconds: number | undefined;
  readonly attempts: number;

  constructor(d: JiraErrorDetails) {
    const detail = [
      ...(d.errorMessages ?? []),
      ...Object.entries(d.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v}`),
    ].join('; ');
    super(
      `${d.code}: ${d.method} ${d.path} answered ${d.status}${detail ? ` (${detail})` : ''}`,
      d.cause === undefined ? undefined : { cause: d.cause },
    );
    this.name = 'JiraError';
    this.code = d.code;
    this.status = d.status;
    this.method = d.method;
    this.path = d.path;
    this.errorMessages = d.errorMessages ?? [];
    this.fieldErrors = d.fieldErrors ?? {};
    this.retryAfterSeconds = d.retryAfterSeconds;
    this.attempts = d.attempts;
  }
}

/** The stable code for an HTTP status. */
export function codeForStatus(status: number): JiraErrorCode {
  if (status === 400 || status === 409 || status === 413 || status === 422) return JiraErrorCode.BadRequest;
  if (status === 401) return JiraErrorCode.Unauthorized;
  if (status === 403) return JiraErrorCode.Forbidden;
  if (status === 404) return JiraErrorCode.NotFound;
  if (status === 429) return JiraErrorCode.RateLimited;
  if (status >= 500 || status === 0) return JiraErrorCode.ServerError;
  return JiraErrorCode.Unexpected;
}
