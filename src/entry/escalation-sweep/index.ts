import { getAppContext } from '@forge/api';
import { recordHeartbeat } from '../../adapters/kvs';
import { platformDeps, sweep, type SweepReport } from '../../app/escalation';

/**
 * Scheduled trigger `escalation-sweep` (every five minutes, no user): finds the due issues and hands
 * them to the `escalation` queue. Errors are not retried by the platform; the next run covers them.
 */
export async function handler(): Promise<SweepReport> {
  const remaining = (): number => getAppContext().invocationRemainingTimeInMillis();
  const report = await sweep(platformDeps(remaining));
  console.log(JSON.stringify({ event: 'escalation-sweep', ...report }));
  // The admin site check reads it: a sweep that stopped running is visible there.
  await recordHeartbeat('escalation-sweep', new Date());
  return report;
}
