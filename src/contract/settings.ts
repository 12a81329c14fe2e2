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

/**
 * Where a hand-off or lasting fix is created: the project by key and the issue type by id, picked by
 * name on the Supervision subpage (issue 17). `issueType` is the type's name when it was saved (settings
 * saved before the picker hold only the name).
 */
export interface HandoffTargetSetting {
  projectKey: string;
  issueType: string;
  issueTypeId?: string;
}

/** A saved target as Jira has it now, by name: null = no longer there (or the admin may not see it). */
export interface TargetNames {
  projectName: string | null;
  /** null also when the project is gone. */
  issueTypeName: string | null;
}

/** The Supervision subpage's state: the settings and each configured target's names as Jira has them now. */
export interface SupervisionSettingsState extends SettingsState<SupervisionSettings> {
  targets: Record<'ipd' | 'ltc' | 'lastingFix', TargetNames | null>;
}

/** A project the admin may pick as a target, shown by name. */
export interface TargetProject {
  key: string;
  name: string;
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
  /** Where lasting fixes (long-term measures, return-visit follow-ups) are created; null = not configured. */
  lastingFix: HandoffTargetSetting | null;
  /** The issue the weekly summary is commented on, notifying the groups above; null = the supervision page only. */
  weeklyReportIssue: string | null;
}

/**
 * Who takes an issue when it enters a line (Jira's assignee and the ITR owner field, always the same):
 * one person; a group whose members take turns (round robin in the group's order, skipping members
 * who cannot be assigned issues in the issue's project); or nobody, with a group told by email.
 */
export type LineAssignment =
  | { mode: 'person'; accountId: string }
  | { mode: 'group'; group: string }
  | { mode: 'unassigned'; notifyGroup: string | null };

export type LineAssignmentMode = LineAssignment['mode'];

export interface LineRoutingSetting {
  assignment: LineAssignment;
  /**
   * The Jira status (name, as the ITR workflow has it) the issue moves to when it enters the line;
   * null = the status stays. When the workflow offers no transition to it, the app says so in its comment.
   */
  statusName: string | null;
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

/** The support-lines tab's state: also the statuses the app's ITR workflow has (choices for `statusName`). */
export interface SupportLineSettingsState extends SettingsState<SupportLineSettings> {
  /** Status names of the ITR workflow, in its order; empty when setup has not created it yet. */
  statusOptions: string[];
}

export interface SettingsFunctions {
  getSupervisionSettings: { payload: Record<string, never>; result: SupervisionSettingsState };
  saveSupervisionSettings: {
    payload: { settings: SupervisionSettings; expectedRevision: number };
    result: SupervisionSettingsState;
  };
  /**
   * Projects the admin may see whose key or name contains `query`, by name, one page (Jira's project
   * search as the admin); `nextStartAt` asks for the next page, null on the last.
   */
  searchTargetProjects: {
    payload: { query: string; startAt?: number };
    result: { projects: TargetProject[]; nextStartAt: number | null };
  };
  /** The issue types a project offers (no subtasks), by name; SETTINGS_PROJECT_NOT_FOUND when the admin cannot see it. */
  getTargetIssueTypes: {
    payload: { projectKey: string };
    result: { project: TargetProject; issueTypes: Array<{ id: string; name: string }> };
  };
  getSupportLineSettings: { payload: Record<string, never>; result: SupportLineSettingsState };
  saveSupportLineSettings: {
    payload: { settings: SupportLineSettings; expectedRevision: number };
    result: SupportLineSettingsState;
  };
}
