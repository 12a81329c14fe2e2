/**
 * Supervision settings in KVS (`config:analyticsSettings`): who may see per-person figures, the
 * department of each person, the hand-off targets (IPD for R&D, LTC for sales) and where the weekly
 * summary is posted besides the supervision page.
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { isRecord } from '../../domain/input';
import { isIssueKey, isProjectKey } from '../../domain/jiraKeys';

/**
 * Where a hand-off or lasting fix is created: a project key and an issue type, by id when the admin picked
 * it (issue 17), with its name as saved (older settings hold only the name; Jira is then asked by name).
 */
export interface HandoffTarget {
  projectKey: string;
  issueType: string;
  issueTypeId?: string;
}

/** The issue type of a create request for `target`: by id when saved with one (a renamed type still matches). */
export const issueTypeRef = (target: HandoffTarget): { id: string } | { name: string } =>
  target.issueTypeId !== undefined ? { id: target.issueTypeId } : { name: target.issueType };

export interface AnalyticsSettings {
  /** Jira groups whose members see per-person and per-department figures (Jira admins always do). */
  personFigureGroups: string[];
  /** accountId → department name (the page groups owners by it). */
  departments: Record<string, string>;
  /** Project key for "send to R&D" (IPD) and its issue type name; null = not configured. */
  ipd: HandoffTarget | null;
  /** Project key for "send to sales" (LTC) and its issue type name; null = not configured. */
  ltc: HandoffTarget | null;
  /**
   * Where a problem's long-term measure and a return visit's follow-up are created as linked issues
   * (issue 17, src/app/lastingFix), by the engineer as themselves; null = not configured.
   */
  lastingFix: HandoffTarget | null;
  /**
   * An issue the weekly summary is also posted on (a comment) with a Jira notification to the
   * person-figure groups; null = the supervision page only.
   */
  weeklyReportIssue: string | null;
}

/** Default: Jira admins plus the group `itr-supervisors`; no departments, no hand-off targets, the page only. */
export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  personFigureGroups: ['itr-supervisors'],
  departments: {},
  ipd: null,
  ltc: null,
  lastingFix: null,
  weeklyReportIssue: null,
};

export const ANALYTICS_SETTINGS_KEY = 'analyticsSettings';

/** One problem in a settings document, at a field path (`ipd.projectKey`, `personFigureGroups.2`), with a stable code. */
export interface SettingsIssue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Jira group names are at most 255 characters. */
export const GROUP_NAME_MAX = 255;

/** Problems of one hand-off target (`ipd` or `ltc`); null or absent is "not configured", no problem. */
export function handoffTargetIssues(v: unknown, path: string): SettingsIssue[] {
  if (v === null || v === undefined) return [];
  if (!isRecord(v))
    return [
      { path, code: 'SETTINGS_TARGET_INVALID', message: 'a hand-off target needs projectKey (A-Z…) and issueType' },
    ];
  const issues: SettingsIssue[] = [];
  const key = v['projectKey'];
  if (!isProjectKey(key)) {
    issues.push({
      path: `${path}.projectKey`,
      code: 'SETTINGS_PROJECT_KEY_INVALID',
      message: 'a hand-off target needs projectKey (A-Z…) and issueType',
    });
  }
  const id = v['issueTypeId'];
  if (
    typeof v['issueType'] !== 'string' ||
    v['issueType'].trim() === '' ||
    (id !== undefined && (typeof id !== 'string' || !/^\d{1,18}$/.test(id)))
  ) {
    issues.push({
      path: `${path}.issueType`,
      code: 'SETTINGS_ISSUE_TYPE_REQUIRED',
      message: 'a hand-off target needs projectKey (A-Z…) and issueType',
    });
  }
  return issues;
}

/**
 * Every problem of a supervision settings document, field by field (the admin page shows each under
 * its field); `parseAnalyticsSettings` refuses a document with any of them.
 */
export function analyticsSettingsIssues(raw: unknown): SettingsIssue[] {
  if (!isRecord(raw)) return [{ path: '', code: 'SETTINGS_NOT_AN_OBJECT', message: 'settings must be an object' }];
  const issues: SettingsIssue[] = [];
  const groups = raw['personFigureGroups'];
  if (!Array.isArray(groups))
    issues.push({
      path: 'personFigureGroups',
      code: 'SETTINGS_LIST_INVALID',
      message: 'personFigureGroups must be group names',
    });
  else {
    groups.forEach((g, i) => {
      if (typeof g !== 'string' || g === '')
        issues.push({
          path: `personFigureGroups.${i}`,
          code: 'SETTINGS_GROUP_NAME_REQUIRED',
          message: 'personFigureGroups must be group names',
          params: { max: GROUP_NAME_MAX },
        });
    });
  }
  issues.push(
    ...handoffTargetIssues(raw['ipd'], 'ipd'),
    ...handoffTargetIssues(raw['ltc'], 'ltc'),
    ...handoffTargetIssues(raw['lastingFix'], 'lastingFix'),
  );
  const report = raw['weeklyReportIssue'];
  if (report !== null && report !== undefined && !isIssueKey(report)) {
    issues.push({
      path: 'weeklyReportIssue',
      code: 'SETTINGS_ISSUE_KEY_INVALID',
      message: 'weeklyReportIssue must be an issue key such as SUP-1, or empty',
    });
  }
  return issues;
}

const target = (v: unknown): HandoffTarget | null =>
  isRecord(v) && typeof v['projectKey'] === 'string' && typeof v['issueType'] === 'string'
    ? {
        projectKey: v['projectKey'],
        issueType: v['issueType'],
        ...(typeof v['issueTypeId'] === 'string' ? { issueTypeId: v['issueTypeId'] } : {}),
      }
    : null;

export function parseAnalyticsSettings(raw: unknown): AnalyticsSettings {
  const [first] = analyticsSettingsIssues(raw);
  if (first !== undefined) throw new Error(first.message);
  const r = raw as Record<string, unknown>;
  // Departments stay lenient (blank entries are dropped): a person without one is simply ungrouped.
  const deps = isRecord(r['departments']) ? r['departments'] : {};
  const departments: Record<string, string> = {};
  for (const [k, v] of Object.entries(deps)) if (typeof v === 'string' && v !== '') departments[k] = v;
  const report = r['weeklyReportIssue'];
  return {
    personFigureGroups: [...(r['personFigureGroups'] as string[])],
    departments,
    ipd: target(r['ipd']),
    ltc: target(r['ltc']),
    lastingFix: target(r['lastingFix']), // absent in settings saved before it existed
    weeklyReportIssue: typeof report === 'string' ? report : null, // absent in settings saved before it existed
  };
}

export const analyticsSettingsCodec: ConfigCodec<AnalyticsSettings> = {
  schemaVersion: 1,
  parse: parseAnalyticsSettings,
};

export async function loadAnalyticsSettings(
  store: ConfigStore = new ConfigStore(),
): Promise<{ value: AnalyticsSettings; revision: number }> {
  const saved = await store.get(ANALYTICS_SETTINGS_KEY, analyticsSettingsCodec);
  return saved === undefined
    ? { value: DEFAULT_ANALYTICS_SETTINGS, revision: 0 }
    : { value: saved.value, revision: saved.revision };
}
