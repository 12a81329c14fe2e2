/**
 * Every resolver answers one envelope, so the UI handles errors in one place. Only src/entry builds it
 * (src/entry/envelope.ts); use cases return values or throw an ItrError (src/app/itrError.ts).
 * Error `code`s are stable; the UI translates them (English message is for logs).
 */
import type { ServerErrorCode } from './errorCodes';

export interface ResolverError {
  code: ServerErrorCode;
  message: string;
  path?: string;
  params?: Record<string, string | number>;
}

export type ResolverResult<T> = { success: true; data: T } | { success: false; errors: ResolverError[] };
