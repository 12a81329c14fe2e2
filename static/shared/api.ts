/**
 * One typed place for every resolver call from Custom UI.
 *
 *   const state = await call('getIssueItrState', { issueKey: 'ITR-1' });
 *
 * Function keys, payloads and results come from the backend's contract (`src/contract/`, types
 * only). Every resolver answers a `ResolverResult<T>` envelope; `call` returns `data` or throws an
 * `ApiError` carrying the first error's stable `code` and `params`, which the UI translates.
 */
import type { ResolverResult } from '../../src/contract/envelope';
import type { ResolverFunctions } from '../../src/contract';
import { invokeResolver } from './bridge';
import { ApiError, toApiError } from './errors';

export { ApiError } from './errors';
export type { ResolverFunctions };

export type ResolverName = keyof ResolverFunctions;
export type PayloadOf<K extends ResolverName> = ResolverFunctions[K]['payload'];
export type ResultOf<K extends ResolverName> = ResolverFunctions[K]['result'];

export async function call<K extends ResolverName>(name: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  let answer: unknown;
  try {
    answer = await invokeResolver(name, payload);
  } catch (error) {
    const apiError = toApiError(error, 'UI_INVOKE_FAILED');
    if (apiError.code === 'UI_INVOKE_FAILED') apiError.params['functionKey'] = name;
    throw apiError;
  }
  return unwrap<ResultOf<K>>(name, answer);
}

/** Reads a resolver envelope: `data` on success, an `ApiError` for a failure or a malformed answer. */
export function unwrap<T>(functionKey: string, answer: unknown): T {
  if (!isEnvelope(answer)) {
    throw new ApiError('UI_MALFORMED_RESPONSE', `${functionKey} answered no ResolverResult envelope`, {
      functionKey,
    });
  }
  if (answer.success) return answer.data as T;
  const [first] = answer.errors;
  if (first === undefined) {
    throw new ApiError('UI_MALFORMED_RESPONSE', `${functionKey} failed without an error`, { functionKey });
  }
  throw new ApiError(first.code, first.message, first.params ?? {}, answer.errors);
}

function isEnvelope(value: unknown): value is ResolverResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v['success'] === true) return 'data' in v;
  if (v['success'] === false) {
    const errors = v['errors'];
    return Array.isArray(errors) && errors.every(isResolverError);
  }
  return false;
}

function isResolverError(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e['code'] === 'string' && typeof e['message'] === 'string';
}
