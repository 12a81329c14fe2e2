import type { ResolverError } from '../../src/contract/envelope';
import type { ServerErrorCode } from '../../src/contract/errorCodes';

/**
 * Codes the UI itself produces when no resolver answer could be read. Resolver codes come
 * from the backend (`ResolverError.code`); both kinds are translated by `errorMessageKey`.
 */
export const CLIENT_ERROR_CODES = [
  /** `@forge/bridge` found no `window.__bridge`: the page was opened outside Jira. */
  'UI_BRIDGE_UNAVAILABLE',
  /** The bridge call itself failed (network, resolver crashed, rate limit of 500 calls/25 s). */
  'UI_INVOKE_FAILED',
  /** The resolver answered something that is not a `ResolverResult` envelope. */
  'UI_MALFORMED_RESPONSE',
  /** The Forge context has no issue key (the panel was rendered outside an issue). */
  'UI_NO_ISSUE_CONTEXT',
  /** The triage form was saved with no classification chosen (the page asks before sending anything). */
  'UI_TRIAGE_CLASSIFICATION_NOT_CHOSEN',
  /** A triage answer filled from the picked product was changed with no reason (the page asks before sending). */
  'UI_TRIAGE_OVERRIDE_REASON_MISSING',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
/** Every code a page may show: a resolver's, or one the page produced itself. */
export type UiErrorCode = ServerErrorCode | ClientErrorCode;
/** An error as a page keeps it to show (a resolver's error, or the page's own). */
export type ShownError = Omit<ResolverError, 'code'> & { code: UiErrorCode };

export type ErrorParams = Record<string, string | number>;

/** Every failure the UI shows: a stable `code` to translate, `params` to fill the message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: UiErrorCode,
    message: string,
    readonly params: ErrorParams = {},
    /** All errors of a failed envelope (the first one gives `code`/`params`). */
    readonly errors: readonly ResolverError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Turns anything thrown into an ApiError so the error display has one shape to show. */
export function toApiError(error: unknown, fallbackCode: ClientErrorCode = 'UI_INVOKE_FAILED'): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(fallbackCode, message, {}, [], { cause: error });
}
