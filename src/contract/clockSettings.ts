/**
 * The clocks' settings (grading admin page, Jira administrators only): which statuses of the ITR
 * workflow mean "waiting for the customer" (every running clock of an issue pauses there), and which
 * grade's response time an issue runs on before triage grades it (site-wide, and per project).
 * Errors: `SETTINGS_PAUSE_STATUS_UNKNOWN`, `SETTINGS_PAUSE_STATUS_DUPLICATE`, `SETTINGS_GRADE_UNKNOWN`,
 * `SETTINGS_PROJECT_KEY_INVALID`, plus the shared `SETTINGS_INVALID` / `SETTINGS_REVISION_CONFLICT`.
 */
import type { GradeId } from './ids';
import type { SettingsState } from './settings';

export interface ClockSettings {
  /** Status names as the ITR workflow spells them (one of `statusOptions`). */
  pauseStatuses: string[];
  /** Null: the grading table's most severe grade. */
  untriagedGrade: GradeId | null;
  /** Project key → grade for that project's untriaged issues. */
  projectGrades: Record<string, GradeId>;
}

/** `displayNames` is always empty: these settings name no people. */
export interface ClockSettingsState extends SettingsState<ClockSettings> {
  /** The statuses an admin may choose: the ITR workflow's, outside the Done category. */
  statusOptions: string[];
  grades: Array<{ id: GradeId; label: { en: string; 'zh-CN': string } }>;
  /** Project keys an untriaged default may be set for: the ITR projects setup chose, and any already set. */
  projectOptions: string[];
}

export interface ClockSettingsFunctions {
  getClockSettings: { payload: Record<string, never>; result: ClockSettingsState };
  saveClockSettings: { payload: { settings: ClockSettings; expectedRevision: number }; result: ClockSettingsState };
}
