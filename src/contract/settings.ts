/**
 * Admin settings tabs of the grading admin page (`itr-grading-admin`): support-line routing
 * (escalation) and supervision (who sees per-person figures, departments, hand-off targets).
 * Every function is for Jira administrators only (checked by the server as the caller).
 *
 * A save sends the revision the page loaded; someone else's newer save is refused with
 * `SETTINGS_REVISION_CONFLICT` and nothing is written. An invalid draft is refused with
 * `SETTINGS_INVALID` (params.count) first, then one error per problem with its field `path`
 * (`ipd.projectKey`, `departments.2.accountId`, `lines.L2.notifyGroups.0`) and a stable code.
 */
import type { SupportLineId } from './ids';

export interface HandoffTargetSetting {
  projectKey: string;
  issueType: string;
}

/** One person's department (the supervision page groups owners by it). */
export interface DepartmentEntry {
  accountId: string;
  department: string;
}

export interface SupervisionSettings {
  /** Jira groups whose members see per-person figures (Jira administrators always do). */
  personFigureGroups: string[];
  departments: DepartmentEntry[];
  /** "Send to R&D" (IPD); null = not configured. */
  ipd: HandoffTargetSetting | null;
  /** "Send to sales" (LTC); null = not configured. */
  ltc: HandoffTargetSetting | null;
  /** The issue the weekly summary is commented on, notifying the groups above; null = the supervision page only. */
  weeklyReportIssue: string | null;
}

export interface LineRoutingSetting {
  /** Takes the issue when it enters the line; null = the line's queue. */
  assigneeAccountId: string | null;
  notifyAccountIds: string[];
  notifyGroups: string[];
}

export interface SupportLineSettings {
  lines: Record<SupportLineId, LineRoutingSetting>;
  /** Told when L3's time runs out. */
  managementAccountIds: string[];
  managementGroups: string[];
  /** Language of the app's comments and notifications on issues. */
  locale: 'en' | 'zh-CN';
}

/** What a tab loads and what a save answers: the settings, their revision, and names of the people in them. */
export interface SettingsState<T> {
  settings: T;
  /** 0 = never saved (defaults shown). */
  revision: number;
  /** accountId → display name, for the people Jira knows (unknown ids are absent). */
  displayNames: Record<string, string>;
}

export interface SettingsFunctions {
  getSupervisionSettings: { payload: Record<string, never>; result: SettingsState<SupervisionSettings> };
  saveSupervisionSettings: { payload: { settings: SupervisionSettings; expectedRevision: number }; result: SettingsState<SupervisionSettings> };
  getSupportLineSettings: { payload: Record<string, never>; result: SettingsState<SupportLineSettings> };
  saveSupportLineSettings: { payload: { settings: SupportLineSettings; expectedRevision: number }; result: SettingsState<SupportLineSettings> };
}
