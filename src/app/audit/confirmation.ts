/**
 * Explicit confirmation of a destructive action, checked on the server: the payload must carry
 * `confirm: true` (the literal, not a truthy value), which the UI sends only after the user said yes.
 * A direct call without it is refused with CONFIRMATION_REQUIRED and changes nothing.
 */
import { ItrError } from '../itrError';

export const CONFIRMATION_REQUIRED = 'CONFIRMATION_REQUIRED';

/** Throws CONFIRMATION_REQUIRED unless `payload` carries `confirm: true`; `what` says what would happen. */
export function requireConfirmation(payload: unknown, what: string): void {
  const confirmed =
    typeof payload === 'object' && payload !== null && (payload as Record<string, unknown>)['confirm'] === true;
  if (!confirmed) throw new ItrError(CONFIRMATION_REQUIRED, `${what}: send confirm: true to go ahead`);
}
