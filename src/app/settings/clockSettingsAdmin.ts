/**
 * The clocks' settings on the grading admin page (Jira administrators only, asked of Jira as the
 * caller): which statuses of the ITR workflow mean "waiting for the customer" (the one pause
 * mechanism, src/app/escalation/pauses.ts) and the grade an untriaged issue's response clock runs on
 * (for the site, and per project). Stored as KVS `config:escalation.clocks`.
 *
 * A save is checked field by field against the ITR workflow's statuses (a Done-category status never
 * pauses: the clocks have stopped there anyway) and the grading table in force; every problem is
 * answered with its path and a stable code (en and zh-CN in static/shared/i18n).
 */
import type { ClockSettingsState } from '../../contract/clockSettings';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import {
  CLOCK_SETTINGS_KEY,
  clockSettingsCodec,
  loadClockSettingsState,
  type ClockSettings,
} from '../escalation/clockSettings';
import { ITR_STATUSES } from '../setup/plan';
import { loadItrScope } from '../setup/itrProjects';
import {
  invalidDraft,
  LIST_MAX,
  recordAt,
  savingSettings,
  auditSettingsSave,
  type SettingsIssue,
} from './settingsCheck';
import { platformSettingsDeps, type SupervisionSettingsDeps } from './supervisionSettings';
import { isProjectKey } from '../../domain/jiraKeys';

export const ClockSettingsErrorCode = {
  /** Not a status of the ITR workflow, or a Done-category one. */
  PauseStatusUnknown: 'SETTINGS_PAUSE_STATUS_UNKNOWN',
  PauseStatusDuplicate: 'SETTINGS_PAUSE_STATUS_DUPLICATE',
  GradeUnknown: 'SETTINGS_GRADE_UNKNOWN',
  ProjectKeyInvalid: 'SETTINGS_PROJECT_KEY_INVALID',
} as const;

/** The statuses an admin may choose to pause the clocks: the ITR workflow's, outside the Done category. */
export const PAUSABLE_STATUS_NAMES: readonly string[] = ITR_STATUSES.filter((s) => s.category !== 'DONE').map(
  (s) => s.name,
);

export interface ClockSettingsDeps extends SupervisionSettingsDeps {
  loadConfig(): Promise<ItrConfig>;
}

export const platformClockSettingsDeps = (): ClockSettingsDeps => ({
  ...platformSettingsDeps(),
  loadConfig: () => loadItrConfig(),
});

/** Field checks of a draft; the value to store when clean. */
export function checkClockDraft(input: unknown, gradeIds: ReadonlySet<string>, issues: SettingsIssue[]): ClockSettings {
  const raw = recordAt(input, '', issues);
  const pauseStatuses: string[] = [];
  const list = raw['pauseStatuses'];
  if (!Array.isArray(list))
    issues.push({ path: 'pauseStatuses', code: 'SETTINGS_LIST_INVALID', message: 'pauseStatuses must be a list' });
  else if (list.length > LIST_MAX)
    issues.push({
      path: 'pauseStatuses',
      code: 'SETTINGS_LIST_TOO_LONG',
      message: `pauseStatuses has more than ${LIST_MAX} entries`,
      params: { max: LIST_MAX },
    });
  else {
    list.forEach((v, i) => {
      const path = `pauseStatuses.${i}`;
      // Jira matches status names case-insensitively; the stored name is the workflow's spelling.
      const known =
        typeof v === 'string'
          ? PAUSABLE_STATUS_NAMES.find((n) => n.toLowerCase() === v.trim().toLowerCase())
          : undefined;
      if (known === undefined) {
        issues.push({
          path,
          code: ClockSettingsErrorCode.PauseStatusUnknown,
          message: `${path} is not a status of the ITR workflow outside Done`,
          params: { value: typeof v === 'string' ? v.slice(0, 64) : '', allowed: PAUSABLE_STATUS_NAMES.join(', ') },
        });
      } else if (pauseStatuses.includes(known)) {
        issues.push({
          path,
          code: ClockSettingsErrorCode.PauseStatusDuplicate,
          message: `${path} is listed twice`,
          params: { value: known },
        });
      } else pauseStatuses.push(known);
    });
  }
  const grade = (v: unknown, path: string): string | null => {
    if (typeof v === 'string' && gradeIds.has(v)) return v;
    issues.push({
      path,
      code: ClockSettingsErrorCode.GradeUnknown,
      message: `${path} is not a grade of the grading table`,
      params: { value: typeof v === 'string' ? v.slice(0, 64) : '' },
    });
    return null;
  };
  const untriaged = raw['untriagedGrade'];
  const untriagedGrade =
    untriaged === null || untriaged === undefined || untriaged === '' ? null : grade(untriaged, 'untriagedGrade');
  const projectGrades: Record<string, string> = {};
  const projects = raw['projectGrades'] === undefined ? {} : recordAt(raw['projectGrades'], 'projectGrades', issues);
  for (const [key, v] of Object.entries(projects)) {
    const path = `projectGrades.${key}`;
    const shown = key.slice(0, 64);
    if (!isProjectKey(key)) {
      issues.push({
        path,
        code: ClockSettingsErrorCode.ProjectKeyInvalid,
        message: `${shown} is not a Jira project key`,
        params: { value: shown },
      });
      continue;
    }
    const g = grade(v, path);
    if (g !== null) projectGrades[key] = g;
  }
  return { pauseStatuses, untriagedGrade, projectGrades };
}

/** The statuses as the ITR workflow spells them, once each; names outside it dropped. */
function inWorkflowSpelling(names: readonly string[]): string[] {
  const spelled = names.map((n) => PAUSABLE_STATUS_NAMES.find((p) => p.toLowerCase() === n.trim().toLowerCase()));
  return [...new Set(spelled.filter((n): n is string => n !== undefined))];
}

export class ClockSettingsAdmin {
  constructor(private readonly deps: ClockSettingsDeps = platformClockSettingsDeps()) {}

  private async state(value: ClockSettings, revision: number): Promise<ClockSettingsState> {
    const [config, scope] = await Promise.all([this.deps.loadConfig(), loadItrScope(undefined, this.deps.store)]);
    // The projects setup chose, and any other a saved default still names (until the admin clears it).
    const projectOptions = [...new Set([...scope.projectKeys, ...Object.keys(value.projectGrades)])].sort();
    // Never saved: the built-in defaults also match other workflows' spellings; the admin edits (and
    // saves) them as the ITR workflow spells them, so saving the page unchanged is never refused.
    const settings = revision === 0 ? { ...value, pauseStatuses: inWorkflowSpelling(value.pauseStatuses) } : value;
    return {
      settings,
      revision,
      displayNames: {},
      statusOptions: [...PAUSABLE_STATUS_NAMES],
      grades: config.gradingTable.grades.map((g) => ({ id: g.id, label: g.label })),
      projectOptions,
    };
  }

  async getClockSettings(accountId: string | undefined): Promise<ClockSettingsState> {
    await this.deps.requireAdmin(accountId);
    const { value, revision } = await loadClockSettingsState(this.deps.store);
    return this.state(value, revision);
  }

  async saveClockSettings(
    accountId: string | undefined,
    input: { settings: unknown; expectedRevision: number },
  ): Promise<ClockSettingsState> {
    await this.deps.requireAdmin(accountId);
    const table = (await this.deps.loadConfig()).gradingTable;
    const issues: SettingsIssue[] = [];
    const value = checkClockDraft(input.settings, new Set(Object.keys(table.sla)), issues);
    if (issues.length > 0) throw invalidDraft(issues);
    const saved = await savingSettings(() =>
      this.deps.store.set(CLOCK_SETTINGS_KEY, value, clockSettingsCodec, {
        expectedRevision: input.expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      }),
    );
    await auditSettingsSave(accountId, 'clocks');
    return this.state(saved.value, saved.revision);
  }
}
