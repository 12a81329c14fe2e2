/**
 * Background jobs (regrade, analytics rebuild, due-time recalculation) run on Forge queues. A job
 * whose work can never succeed (Jira refuses the request, the configuration is invalid, an event
 * cannot be read) is marked `failed` with one of these reasons instead of being retried for a day;
 * the page that shows the job's progress says why, in the user's language (`job.failure.<code>`).
 */
export const JOB_FAILURE_CODES = [
  /** Jira answered 400/409/413/422: the request is wrong and will stay wrong. */
  'JIRA_REFUSED',
  /** Jira answered 401/403: the app lacks a permission or scope on this site. */
  'JIRA_FORBIDDEN',
  /** Jira answered 404: an issue, field or project the job needs is gone or hidden from the app. */
  'JIRA_NOT_FOUND',
  /** The stored configuration (grading table, calendars, settings) is invalid or from a newer version. */
  'CONFIG_INVALID',
  /** Forge SQL refused a statement (query policy, size, row shape): only a new app version fixes it. */
  'SQL_REFUSED',
  /** The queue event itself cannot be read (a malformed or foreign payload). */
  'EVENT_INVALID',
  /** Anything else no retry can fix (a defect in the app); the logs hold the details. */
  'UNEXPECTED',
] as const;

export type JobFailureCode = (typeof JOB_FAILURE_CODES)[number];

/** `failed`: stopped for good, see `failure`; a new run of the job starts again from scratch. */
export type JobStatus = 'running' | 'done' | 'failed';

export interface JobFailure {
  code: JobFailureCode;
  /** The underlying error's own stable code (e.g. JIRA_FORBIDDEN, SQL_POLICY_VIOLATION), for support. */
  errorCode: string;
  /** When the failure was recorded, ISO instant. */
  at: string;
}
