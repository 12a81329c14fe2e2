/**
 * The weekly summary: a scheduled trigger computes it over every project and keeps the latest in KVS,
 * with the projects it counted; the supervision page shows it at the top. When the admin chose an issue
 * for it (settings `weeklyReportIssue`), it is also commented there and the supervisors are notified
 * (weeklyReportPost.ts: Jira notifications are about an issue, so the report gets one).
 *
 * Who sees what: the stored summary is shown as is only to a viewer who may browse every project it
 * counted; anyone else gets the same week recomputed over the projects they may browse (zeros when
 * none). The counted project keys never leave the server.
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { weekEndingAt } from '../../domain/analytics';
import type { WeeklyReportDto } from '../../contract/analytics';
import type { CallerScope } from './callerScope';
import { buildWeeklySummary } from './report';
import { loadAnalyticsSettings } from './settings';
import { postWeeklyReport } from './weeklyReportPost';
import { isRecord } from '../../domain/input';
import { repositories } from '../ports';

/** The stored summary: the page's DTO plus the projects it counted (null in summaries stored before they were recorded). */
export interface StoredWeeklyReport {
  report: WeeklyReportDto;
  countedProjectKeys: string[] | null;
}

function parseReport(raw: unknown): WeeklyReportDto {
  if (
    !isRecord(raw) ||
    typeof raw['generatedAt'] !== 'string' ||
    typeof raw['from'] !== 'string' ||
    typeof raw['to'] !== 'string' ||
    !Array.isArray(raw['patterns'])
  ) {
    throw new Error('not a weekly report');
  }
  return { ...(raw as unknown as WeeklyReportDto), scopedToViewer: false };
}

const reportCodec: ConfigCodec<StoredWeeklyReport> = {
  schemaVersion: 2,
  parse(raw) {
    if (!isRecord(raw)) throw new Error('not a stored weekly report');
    const counted = raw['countedProjectKeys'];
    if (counted !== null && !(Array.isArray(counted) && counted.every((k) => typeof k === 'string')))
      throw new Error('countedProjectKeys must be project keys or null');
    return { report: parseReport(raw['report']), countedProjectKeys: counted };
  },
  // v1 stored the DTO alone: which projects it counted is unknown, so everyone gets it recomputed.
  upgrades: { 1: (old) => ({ report: old, countedProjectKeys: null }) },
};

export const WEEKLY_REPORT_KEY = 'weeklyReport';
const store = (): ConfigStore => new ConfigStore({ prefix: 'analytics-report:' });

const weekFilter = (from: string, to: string, projectKeys: readonly string[]) => ({
  from,
  to,
  projectKeys,
  kinds: [],
  grades: [],
  granularity: 'day' as const,
});

export async function generateWeeklyReport(now: Date, reports: ConfigStore = store()): Promise<WeeklyReportDto> {
  const { from, to } = weekEndingAt(now);
  const [report, counted] = await Promise.all([
    buildWeeklySummary(weekFilter(from, to, []), now),
    repositories().facts.countedProjectKeys(weekFilter(from, to, [])),
  ]);
  await reports.set(WEEKLY_REPORT_KEY, { report, countedProjectKeys: counted }, reportCodec, { updatedBy: 'app' });
  await postWeeklyReport(report, (await loadAnalyticsSettings()).value);
  return report;
}

/** The latest summary as `viewer` may see it (see the file comment); null before the first one. */
export async function latestWeeklyReport(
  viewer: CallerScope,
  now: Date,
  reports: ConfigStore = store(),
): Promise<WeeklyReportDto | null> {
  const stored = (await reports.get(WEEKLY_REPORT_KEY, reportCodec))?.value;
  if (stored === undefined) return null;
  const browsable = await viewer.browsableProjectKeys();
  const visible = new Set(browsable);
  if (stored.countedProjectKeys !== null && stored.countedProjectKeys.every((k) => visible.has(k.toUpperCase())))
    return stored.report;
  const { from, to } = stored.report;
  if (browsable.length === 0) {
    return {
      generatedAt: now.toISOString(),
      from,
      to,
      created: 0,
      resolved: 0,
      open: 0,
      breached: 0,
      slaAttainment: null,
      medianCycleHours: null,
      patterns: [],
      scopedToViewer: true,
    };
  }
  return buildWeeklySummary(weekFilter(from, to, browsable), now, true);
}
