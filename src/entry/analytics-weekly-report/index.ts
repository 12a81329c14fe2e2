import { recordHeartbeat } from '../../adapters/kvs';
import { generateWeeklyReport } from '../../app/analytics/weeklyReport';

/** Scheduled trigger (interval week; manifest function `analytics-weekly-report`): the weekly summary into KVS. */
export async function handler(): Promise<void> {
  const report = await generateWeeklyReport(new Date());
  console.info(`analytics-weekly-report: ${report.created} created, ${report.resolved} resolved, ${report.patterns.length} pattern(s)`);
  // The admin site check reads it (a weekly report that stopped running is visible there).
  await recordHeartbeat('analytics-weekly-report', new Date());
}
