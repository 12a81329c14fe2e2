import type Resolver from '@forge/resolver';
import { ItrError } from '../app/itrError';
import { refusal } from './envelope';

/**
 * What every resolver entry does before its functions see a payload, and after they answer:
 * - a call without a signed-in user (no principal) answers `NOT_AUTHORIZED`;
 * - a payload over PAYLOAD_MAX_BYTES (JSON) answers `PAYLOAD_TOO_LARGE`, one nested deeper than
 *   PAYLOAD_MAX_DEPTH answers `INVALID_PAYLOAD`, before any read or write;
 * - anything a function throws becomes the envelope `{success:false, errors:[{code}]}` (src/entry/envelope.ts:
 *   the error's own stable `code` when it has one, else `INTERNAL_ERROR`), so the UI never sees a raw
 *   platform error even from a function that does not answer through `answer`.
 * An unknown function key still throws, as `@forge/resolver` does.
 */

/** Largest accepted payload, bytes of JSON. Range 16 KiB–5 MiB (Forge's own cap); default 256 KiB: the biggest legitimate payload (a grading config import) is ~20 KiB. */
export const PAYLOAD_MAX_BYTES = 256 * 1024;
/** Deepest accepted nesting of objects/arrays. Default 32: the deepest legitimate payload (a grading table) is 6 levels. */
export const PAYLOAD_MAX_DEPTH = 32;

type Definitions = ReturnType<Resolver['getDefinitions']>;
type Invocation = Parameters<Definitions>[0];

/** Depth of a JSON value, iteratively (a recursive walk would overflow the stack on hostile input). */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > max) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return false;
}

/** Checks a payload's size and depth; undefined when acceptable, else the refusal to answer. */
export function payloadProblem(payload: unknown): ItrError | undefined {
  if (depthExceeds(payload, PAYLOAD_MAX_DEPTH))
    return new ItrError('INVALID_PAYLOAD', `payload is nested deeper than ${PAYLOAD_MAX_DEPTH} levels`);
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(payload ?? null), 'utf8');
  } catch {
    return new ItrError('INVALID_PAYLOAD', 'payload is not JSON');
  }
  return bytes > PAYLOAD_MAX_BYTES
    ? new ItrError('PAYLOAD_TOO_LARGE', `payload is ${bytes} bytes; at most ${PAYLOAD_MAX_BYTES}`)
    : undefined;
}

/** `resolver.getDefinitions()` with the checks above around every function. */
export function guardedDefinitions(resolver: Resolver): Definitions {
  const definitions = resolver.getDefinitions();
  const known = (key: unknown): boolean =>
    typeof key === 'string' && key in (resolver as unknown as { functions: Record<string, unknown> }).functions;
  const checked = async (invocation: Invocation, backend?: Parameters<Definitions>[1]): Promise<unknown> => {
    const key = invocation?.call?.functionKey;
    if (!known(key)) return definitions(invocation, backend);
    // Every function acts for a signed-in user (Jira is asked as that user); no principal, no call.
    if (
      typeof backend?.['principal'] !== 'object' ||
      typeof (backend['principal'] as { accountId?: unknown } | null)?.accountId !== 'string'
    ) {
      return refusal(new ItrError('NOT_AUTHORIZED', 'a signed-in Jira user is required'), String(key));
    }
    const problem = payloadProblem(invocation.call.payload);
    if (problem !== undefined) return refusal(problem, String(key));
    try {
      return await definitions(invocation, backend);
    } catch (e) {
      return refusal(e, String(key));
    }
  };
  // Keep whatever the definitions function carries (tests read the function keys from it).
  for (const k of Reflect.ownKeys(definitions)) {
    if (!(k in checked) || typeof k === 'symbol')
      Object.defineProperty(checked, k, Object.getOwnPropertyDescriptor(definitions, k) as PropertyDescriptor);
  }
  return checked as Definitions;
}
