/**
 * The weekly summary: a scheduled trigger computes it and keeps the latest in KVS, shown at the top of
 * the supervision page. Why KVS and not a Jira notification: `POST /rest/api/3/issue/{id}/notify` is
 * issue-scoped (it mails about one issue), and a report is not about one issue.
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { weekEndingAt } from '../../domain/analytics';
import type { WeeklyReportDto } from '../../contract/analytics';
import { buildWeeklySummary } from './report';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const reportCodec: ConfigCodec<WeeklyReportDto> = {
  schemaVersion: 1,
  parse(raw) {
    if (!isRecord(raw) || typeof raw['generatedAt'] !== 'string' || !Array.isArray(raw['patterns'])) throw new Error('not a weekly report');
    return raw as unknown as WeeklyReportDto;
  },
};

export const WEEKLY_REPORT_KEY = 'weeklyReport';
const store = (): ConfigStore => new ConfigStore({ prefix: 'analytics-report:' });

export async function generateWeeklyReport(now: Date, reports: ConfigStore = store()): Promise<WeeklyReportDto> {
  const { from, to } = weekEndingAt(now);
  const report = await buildWeeklySummary({ from, to, projectKeys: [], kinds: [], grades: [], granularity: 'day' }, now);
  await reports.set(WEEKLY_REPORT_KEY, report, reportCodec, { updatedBy: 'app' });
  return report;
}

export async function latestWeeklyReport(reports: ConfigStore = store()): Promise<WeeklyReportDto | null> {
  return (await reports.get(WEEKLY_REPORT_KEY, reportCodec))?.value ?? null;
}
