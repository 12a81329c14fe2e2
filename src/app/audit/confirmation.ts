/**
 * Explicit confirmation of a destructive action, checked on the server: the payload must carry
 * `confirm: true` (the literal, not a truthy value), which the UI sends only after the user said yes.
 * A direct call without it answers CONFIRMATION_REQUIRED and changes nothing.
 */
import type { ResolverResult } from '../../contract/envelope';

export const CONFIRMATION_REQUIRED = 'CONFIRMATION_REQUIRED';

/** The refusal to answer when `payload` lacks `confirm: true`; undefined when confirmed. */
export function confirmationMissing(payload: unknown, what: string): ResolverResult<never> | undefined {
  const confirmed =
    typeof payload === 'object' && payload !== null && (payload as Record<string, unknown>)['confirm'] === true;
  return confirmed
    ? undefined
    : { success: false, errors: [{ code: CONFIRMATION_REQUIRED, message: `${what}: send confirm: true to go ahead` }] };
}
