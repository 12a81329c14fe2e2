import '../composition';
import { retryLater } from '../../adapters/queue';
import { recordHeartbeat } from '../../adapters/kvs';
import { generateWeeklyReport } from '../../app/analytics/weeklyReport';

/** Scheduled trigger (interval week; manifest function `analytics-weekly-report`): the weekly summary into KVS. */
export async function handler(): Promise<void> {
  let report: Awaited<ReturnType<typeof generateWeeklyReport>>;
  try {
    report = await generateWeeklyReport(new Date());
  } catch (e) {
    // Never retried by the platform (forge-docs: manifest-reference/modules/scheduled-trigger): a
    // passing failure is logged and the summary waits for the next run.
    if (retryLater(e) === undefined) throw e;
    console.warn(
      JSON.stringify({ event: 'analytics-weekly-report', skipped: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  console.info(
    `analytics-weekly-report: ${report.created} created, ${report.resolved} resolved, ${report.patterns.length} pattern(s)`,
  );
  // The admin site check reads it (a weekly report that stopped running is visible there).
  await recordHeartbeat('analytics-weekly-report', new Date());
}
