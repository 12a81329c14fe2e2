/**
 * Posting the weekly summary where the admin chose (settings `weeklyReportIssue`): a comment on that
 * issue, so the issue keeps every week's summary, and a Jira notification about it to the groups that
 * may see per-person figures (the supervisors). Bilingual, because one message goes to everyone.
 * The summary counts every project: the admin picks an issue only supervisors may browse.
 */
import { jiraAsApp, type AdfDocument, type JiraClient } from '../../adapters/jira';
import type { WeeklyReportDto } from '../../contract/analytics';
import type { AnalyticsSettings } from './settings';

const day = (iso: string): string => iso.slice(0, 10);
const percent = (v: number | null): string => (v === null ? '–' : `${Math.round(v * 1000) / 10} %`);
const hours = (v: number | null): string => (v === null ? '–' : `${Math.round(v * 10) / 10} h`);

/** The summary's lines, English and Chinese side by side. */
export function weeklyReportLines(r: WeeklyReportDto): string[] {
  return [
    `ITR weekly summary / ITR 周报: ${day(r.from)} – ${day(r.to)}`,
    `Created 新建 ${r.created} · Resolved 已解决 ${r.resolved} · Open 未解决 ${r.open} · Breached 超时 ${r.breached}`,
    `SLA attainment SLA 达成率 ${percent(r.slaAttainment)} · Median cycle time 周期中位数 ${hours(r.medianCycleHours)}`,
    `Patterns found 发现的模式: ${r.patterns.length} (details on the ITR supervision page / 详见 ITR 监督页面)`,
  ];
}

export function weeklyReportComment(r: WeeklyReportDto): AdfDocument {
  return {
    type: 'doc',
    version: 1,
    content: weeklyReportLines(r).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export type PostOutcome = 'notConfigured' | 'posted' | 'failed';

/**
 * Comments and notifies as the app. Never throws: the summary is already stored for the page, and a
 * missing or moved issue must not fail the weekly trigger (it is logged for the admin).
 */
export async function postWeeklyReport(
  report: WeeklyReportDto,
  settings: Pick<AnalyticsSettings, 'weeklyReportIssue' | 'personFigureGroups'>,
  jira: JiraClient = jiraAsApp(),
): Promise<PostOutcome> {
  const key = settings.weeklyReportIssue;
  if (key === null) return 'notConfigured';
  try {
    await jira.addComment(key, weeklyReportComment(report));
    if (settings.personFigureGroups.length > 0) {
      const [subject, ...body] = weeklyReportLines(report);
      await jira.notifyIssue(key, {
        subject: subject ?? 'ITR weekly summary',
        textBody: body.join('\n'),
        to: { groups: settings.personFigureGroups },
      });
    }
    return 'posted';
  } catch (e) {
    console.warn(
      JSON.stringify({
        event: 'weekly-report',
        issue: key,
        note: 'not posted',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
    return 'failed';
  }
}
