/**
 * The resolver envelope is built here and only here (scripts/checks/dependencyRules.ts keeps src/app from
 * building it): a resolver function returns the use case's value, or lets its error be thrown, and
 * `answer` turns the one into `{success: true, data}` and the other into `{success: false, errors}`:
 * - an `ItrError` (src/app/itrError.ts) answers its problems as they are: code, message, path, params;
 * - any other error with a stable `code` (Jira, KVS, SQL, the domain) answers that code when the UI
 *   knows it, else INTERNAL_ERROR, with its message;
 * - anything else answers INTERNAL_ERROR, so the UI never sees a raw platform error.
 */
import type Resolver from '@forge/resolver';
import { ItrError } from '../app/itrError';
import type { ResolverError, ResolverResult } from '../contract/envelope';
import { toServerErrorCode } from '../contract/errorCodes';
import { DomainError } from '../domain';

/** The invocation context as the platform gives it: who calls (`accountId`), from where (`extension`, `moduleKey`). */
export type Context = Record<string, unknown>;
/** A resolver function of this app: payload and context in, the use case's value out (or a coded error thrown). */
export type EntryFunction = (payload: unknown, context: Context) => unknown;
/** The same function answering the envelope, as the platform calls it. */
export type AnsweringFunction = (payload: unknown, context: Context) => Promise<ResolverResult<unknown>>;
/** Entry functions for a contract's functions (src/contract), each returning that function's `result`: checked when compiled. */
export type Implementing<F> = {
  [K in keyof F]: (payload: unknown, context: Context) => ResultOf<F[K]> | Promise<ResultOf<F[K]>>;
};
type ResultOf<D> = D extends { result: infer R } ? R : never;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The errors of the envelope that answers `error`. */
export function errorsOf(error: unknown): ResolverError[] {
  if (error instanceof ItrError) return error.problems.map((p) => ({ ...p }));
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return [{ code: toServerErrorCode(code), message: messageOf(error) }];
}

/**
 * The refusal answering `error`. A refusal the app decided (ItrError, a domain rule) is an answer, not
 * news; a platform failure is worth a warning, and a failure without a code the UI knows (a bug) an
 * error line: those are what an operator reads the logs for.
 */
export function refusal(error: unknown, functionKey: string): { success: false; errors: ResolverError[] } {
  const errors = errorsOf(error);
  if (!(error instanceof ItrError || error instanceof DomainError)) {
    const line = `resolver ${functionKey}: ${messageOf(error)}`;
    if (errors[0]?.code === 'INTERNAL_ERROR') console.error(line);
    else console.warn(line);
  }
  return { success: false, errors };
}

/** Runs a resolver function's work and answers the envelope: its value, or the refusal of what it threw. */
export async function answer<T>(run: () => T | Promise<T>, functionKey: string): Promise<ResolverResult<Awaited<T>>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    return refusal(error, functionKey);
  }
}

/** Every function of a map answering the envelope (for maps tested or routed on their own). */
export function answering(functions: Readonly<Record<string, EntryFunction>>): Record<string, AnsweringFunction> {
  return Object.fromEntries(
    Object.entries(functions).map(([key, fn]) => [
      key,
      (payload: unknown, context: Context) => answer(() => fn(payload, context), key),
    ]),
  );
}

/** Defines every function of a map on `resolver`, each answering the envelope. */
export function defineAll(resolver: Resolver, functions: Readonly<Record<string, EntryFunction>>): Resolver {
  for (const [key, fn] of Object.entries(functions))
    resolver.define(key, ({ payload, context }) => answer(() => fn(payload, context), key));
  return resolver;
}
