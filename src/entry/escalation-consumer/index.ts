import { getAppContext } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { parseEscalationEvent, platformDeps, processCheck, processRecalculation } from '../../app/escalation';

/**
 * Consumer of the `escalation` queue (manifest `escalation-consumer`): one event is ≤ 100 issues to
 * check, or one step of a recalculation. A 429 the Jira client could not wait out within this
 * invocation becomes an `InvocationError` with Jira's `Retry-After`, so the platform redelivers later.
 */
export async function handler(event: { body?: unknown }): Promise<unknown> {
  const parsed = parseEscalationEvent(event.body);
  if (parsed === undefined) {
    console.warn(JSON.stringify({ event: 'escalation-consumer', dropped: 'not an escalation event' }));
    return undefined;
  }
  const remaining = (): number => getAppContext().invocationRemainingTimeInMillis();
  const deps = platformDeps(remaining);
  try {
    const report = parsed.kind === 'check' ? await processCheck(parsed, deps) : await processRecalculation(parsed, deps);
    console.log(JSON.stringify({ event: 'escalation-consumer', kind: parsed.kind, ...report }));
    return report;
  } catch (e) {
    if (e instanceof JiraError && e.code === JiraErrorCode.RateLimited) {
      return new InvocationError({
        retryAfter: Math.min(900, Math.max(1, e.retryAfterSeconds ?? 60)),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      });
    }
    throw e;
  }
}
