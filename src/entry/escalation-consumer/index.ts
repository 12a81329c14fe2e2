import '../composition';
import { getAppContext } from '@forge/api';
import type { InvocationError } from '@forge/events';
import { settleConsumerFailure } from '../../adapters/queue';
import {
  parseEscalationEvent,
  platformDeps,
  processCheck,
  processRecalculation,
  processResponse,
  recordRecalculationFailure,
} from '../../app/escalation';

/**
 * Consumer of the `escalation` queue (manifest `escalation-consumer`): one event is ≤ 100 issues to
 * check, or one step of a recalculation. A passing failure (a 429 the Jira client could not wait out
 * within this invocation, with Jira's `Retry-After`; Jira 5xx; a KVS or SQL outage) becomes an
 * `InvocationError`, so the platform redelivers later. A failure no retry can fix marks the
 * recalculation failed with its reason (a check has no job: it is logged, and the next sweep, every
 * five minutes, looks at the same issues again) and acknowledges the event.
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
    const report =
      parsed.kind === 'check'
        ? await processCheck(parsed, deps)
        : parsed.kind === 'response'
          ? await processResponse(parsed, deps)
          : await processRecalculation(parsed, deps);
    console.log(JSON.stringify({ event: 'escalation-consumer', kind: parsed.kind, ...report }));
    return report;
  } catch (e) {
    const settled: InvocationError | undefined =
      parsed.kind === 'recalculate'
        ? await settleConsumerFailure(
            'escalation-consumer',
            e,
            (f) => recordRecalculationFailure(parsed.jobId, f, deps),
            () => deps.now(),
            { kind: parsed.kind, jobId: parsed.jobId },
          )
        : await settleConsumerFailure(
            'escalation-consumer',
            e,
            () => Promise.resolve(),
            () => deps.now(),
            {
              kind: parsed.kind,
              issues: parsed.issueIds.length,
            },
          );
    return settled;
  }
}
