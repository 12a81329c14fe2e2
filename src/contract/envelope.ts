/**
 * Every resolver answers one envelope, so the UI handles errors in one place.
 * Error `code`s are stable; the UI translates them (English message is for logs).
 */
import { toServerErrorCode, type ServerErrorCode } from './errorCodes';

export interface ResolverError {
  code: ServerErrorCode;
  message: string;
  path?: string;
  params?: Record<string, string | number>;
}

export type ResolverResult<T> = { success: true; data: T } | { success: false; errors: ResolverError[] };

/** One validation problem (code, path, message) as an error of a refusal's envelope. */
export function issueAsError(issue: {
  code: string;
  message: string;
  path: string;
  params?: Record<string, string | number> | undefined;
}): ResolverError {
  return {
    code: toServerErrorCode(issue.code),
    message: issue.message,
    path: issue.path,
    ...(issue.params === undefined ? {} : { params: issue.params }),
  };
}
