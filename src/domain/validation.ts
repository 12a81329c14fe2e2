/**
 * A problem found in user-supplied data. `code` is stable (UIs translate by it),
 * `path` names the offending field (e.g. "week.mon[1]"), `message` is English for logs,
 * `params` fill the translated message.
 */
export interface ValidationIssue {
  code: string;
  path: string;
  message: string;
  params?: Record<string, string | number>;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Thrown by domain functions given data that should have been validated first. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
