import '../composition';
import { getAppContext } from '@forge/api';
import { recordHeartbeat } from '../../adapters/kvs';
import { retryLater } from '../../adapters/queue';
import { platformDeps, sweep, type SweepReport } from '../../app/escalation';
import { sweepLastingFixes } from '../../app/lastingFix/lastingFixSweep';

/**
 * Scheduled trigger `escalation-sweep` (every five minutes, no user): finds the due issues and hands
 * them to the `escalation` queue. Errors are not retried by the platform; the next run covers them.
 */
export async function handler(): Promise<SweepReport | undefined> {
  const remaining = (): number => getAppContext().invocationRemainingTimeInMillis();
  let report: SweepReport;
  try {
    report = await sweep(platformDeps(remaining));
  } catch (e) {
    // A scheduled trigger is never retried, returned InvocationError or not (forge-docs:
    // manifest-reference/modules/scheduled-trigger): a passing failure waits for the next run, logged.
    if (retryLater(e) === undefined) throw e;
    console.warn(JSON.stringify({ event: 'escalation-sweep', skipped: e instanceof Error ? e.message : String(e) }));
    return undefined;
  }
  console.log(JSON.stringify({ event: 'escalation-sweep', ...report }));
  // Lasting fixes (issue 17): done ones recorded, due ones reminded once. Its own failure waits for the
  // next run and never stops the clocks' sweep or its heartbeat.
  try {
    console.log(JSON.stringify({ event: 'lasting-fix-sweep', ...(await sweepLastingFixes(new Date())) }));
  } catch (e) {
    console.warn(JSON.stringify({ event: 'lasting-fix-sweep', failed: e instanceof Error ? e.message : String(e) }));
  }
  // The admin site check reads it: a sweep that stopped running is visible there.
  await recordHeartbeat('escalation-sweep', new Date());
  return report;
}
