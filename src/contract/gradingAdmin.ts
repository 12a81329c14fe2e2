/**
 * The grading-table admin page (`itr-grading-admin`, resolver `grading-admin-resolver`).
 * Reads (view, preview, validate, history, export) are open to anyone who can open the page; every
 * change needs Jira's ADMINISTER permission, checked on the server (`NOT_AUTHORIZED` otherwise).
 *
 * Validation failures answer `{success:false}` with a first error `GRADING_DRAFT_INVALID` followed by
 * one error per problem, each with a `path`: table paths as the domain reports them
 * (`dimensions[0].options[1].score`, `sla.major.ola.lines`), calendar paths prefixed with
 * `calendars.<id>.` (`calendars.cn-office.week.mon[1]`). The UI shows each on the input at that path.
 */
import type { BusinessCalendar, ExplanationStep, GradingAnswers, GradingTable, ValidationIssue } from '../domain';
import type { GradeId, SupportLineId } from './ids';

export type { BusinessCalendar, ExplanationStep, GradingTable, ValidationIssue };

/** Calendar id → calendar. */
export type CalendarSet = Record<string, BusinessCalendar>;

export interface GradingVersionSummary {
  version: number;
  /** ISO instant; null for the shipped defaults (never saved on this site). */
  savedAt: string | null;
  /** Atlassian account id of the admin; null for the shipped defaults. */
  savedBy: string | null;
  /** That admin's Jira display name; null for the shipped defaults or an account Jira no longer knows. */
  savedByName: string | null;
  comment: string;
  /** Set when this version was published by restoring an older one. */
  restoredFrom: number | null;
  /** The version in force. */
  current: boolean;
}

export interface GradingAdminState {
  /** The published table (the one issues are graded with now). */
  table: GradingTable;
  /** Every calendar the table may use: the shipped ones plus the site's own (which may replace them). */
  calendars: CalendarSet;
  /** Ids of the shipped calendars (a site calendar with the same id replaces it). */
  builtInCalendarIds: string[];
  /** The site's own calendars, as saved (what `saveCalendars` edits). */
  siteCalendars: CalendarSet;
  /** Optimistic-concurrency tokens: send them back with a change (0 = never saved). */
  tableRevision: number;
  calendarsRevision: number;
  /** Newest first. */
  versions: GradingVersionSummary[];
  /** Whether the caller is a Jira administrator (may change the table). */
  canEdit: boolean;
}

export interface PreviewLine {
  line: SupportLineId;
  /** Working minutes of the line's budget (OLA). */
  minutes: number;
  calendarId: string;
  warningFraction: number;
  /** When the line's clock starts: the preview's start for L1, the previous line's due time after. */
  startAt: string;
  warnAt: string | null;
  dueAt: string | null;
}

export interface GradePreview {
  grade: GradeId;
  score: number;
  tableVersion: number;
  explanation: ExplanationStep[];
  calendarId: string;
  responseDueAt: string;
  resolutionDueAt: string;
  /** L1 → L2 → L3, each starting when the previous line's time runs out (escalation by time alone). */
  lines: PreviewLine[];
}

/** A draft from the page: anything (it is validated on the server). */
export type GradingDraft = {
  table: unknown;
  /** The site's own calendars; omitted = the saved ones. */
  calendars?: unknown;
};

export interface GradingExport {
  format: 'itr-grading-config';
  formatVersion: 1;
  exportedAt: string;
  table: GradingTable;
  /** The site's own calendars (the shipped ones are part of the app). */
  calendars: CalendarSet;
}

export interface GradingAdminFunctions {
  getGradingAdmin: { payload: Record<string, never>; result: GradingAdminState };
  /** Grades `answers` with the draft (or, without one, the published table) from `startAt` (ISO). */
  previewGrade: { payload: { answers: GradingAnswers; startAt: string; draft?: GradingDraft }; result: GradePreview };
  /** Checks a draft without saving: every problem with its path (empty = valid). */
  validateGradingDraft: { payload: GradingDraft; result: { issues: ValidationIssue[] } };
  /** Publishes the table as a new version (admin only). The table's own `version` is ignored. */
  saveGradingTable: {
    payload: { table: unknown; expectedRevision: number; comment?: string };
    result: GradingAdminState;
  };
  listGradingVersions: { payload: Record<string, never>; result: { versions: GradingVersionSummary[] } };
  /** Publishes a NEW version equal to `version` (admin only); history is never rewritten. */
  restoreGradingVersion: {
    payload: { version: number; expectedRevision: number; comment?: string };
    result: GradingAdminState;
  };
  exportGradingConfig: { payload: Record<string, never>; result: GradingExport };
  /** `json` is a GradingExport (or `{table, calendars?}`); validated, then saved as a new version (admin only). */
  importGradingConfig: {
    payload: { json: string; expectedRevision: number; expectedCalendarsRevision: number; comment?: string };
    result: GradingAdminState;
  };
  /** Replaces the site's own calendars (admin only); refused if the table in force uses one removed. */
  saveCalendars: { payload: { calendars: unknown; expectedRevision: number }; result: GradingAdminState };
}
