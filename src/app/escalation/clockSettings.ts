/**
 * The clocks' admin settings (KVS `config:escalation.clocks`, set on the grading admin page):
 *  - `pauseStatuses`: the Jira statuses that mean "waiting for the customer". The one pause
 *    mechanism (src/app/escalation/pauses.ts): entering one stops every running clock of the issue
 *    (its line's and its response clock), leaving it restarts them.
 *  - `untriagedGrade` / `projectGrades`: the grade whose response time and calendar an issue runs on
 *    before triage grades it (per project, else for the site; unset: the table's most severe grade).
 *
 * Sites that saved only the older `escalation.pauseStatuses` list keep it until the admin saves here.
 */
import type { ConfigCodec, ConfigStore } from '../../adapters/kvs';
import { DomainError } from '../../domain';

export const CLOCK_SETTINGS_KEY = 'escalation.clocks';

/** The older key (a bare list of status names); read when the clock settings were never saved. */
export const PAUSE_STATUSES_KEY = 'escalation.pauseStatuses';

export const DEFAULT_PAUSE_STATUS_NAMES: readonly string[] = [
  'Waiting for customer',
  'Waiting for Customer',
  '等待客户',
];

export interface ClockSettings {
  /** Status names, as the ITR workflow spells them. */
  pauseStatuses: string[];
  /** Grade id for untriaged issues of projects without their own; null = the table's most severe. */
  untriagedGrade: string | null;
  /** Project key → grade id for that project's untriaged issues. */
  projectGrades: Record<string, string>;
}

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  pauseStatuses: [...DEFAULT_PAUSE_STATUS_NAMES],
  untriagedGrade: null,
  projectGrades: {},
};

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';

export const pauseStatusesCodec: ConfigCodec<string[]> = {
  schemaVersion: 1,
  parse(raw) {
    if (!Array.isArray(raw) || !raw.every(isNonEmptyString)) {
      throw new DomainError('CONFIG_INVALID', 'Stored pause statuses must be a list of non-empty status names');
    }
    return raw;
  },
};

/** Shape only; what an admin may save (statuses of the ITR workflow, grades of the table) is checked at the save. */
export const clockSettingsCodec: ConfigCodec<ClockSettings> = {
  schemaVersion: 1,
  parse(raw) {
    const r =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const grades = r?.['projectGrades'];
    const untriaged = r?.['untriagedGrade'];
    if (
      r === undefined ||
      !(untriaged === null || isNonEmptyString(untriaged)) ||
      typeof grades !== 'object' ||
      grades === null ||
      Array.isArray(grades) ||
      !Object.values(grades).every(isNonEmptyString)
    ) {
      throw new DomainError(
        'CONFIG_INVALID',
        'Stored clock settings must be {pauseStatuses, untriagedGrade, projectGrades}',
      );
    }
    return {
      pauseStatuses: pauseStatusesCodec.parse(r['pauseStatuses']),
      untriagedGrade: untriaged,
      projectGrades: { ...(grades as Record<string, string>) },
    };
  },
};

/** The clock settings and their revision (0 = never saved), falling back to the older pause list. */
export async function loadClockSettingsState(store: ConfigStore): Promise<{ value: ClockSettings; revision: number }> {
  const saved = await store.get(CLOCK_SETTINGS_KEY, clockSettingsCodec);
  if (saved !== undefined) return { value: saved.value, revision: saved.revision };
  const legacy = await store.get(PAUSE_STATUSES_KEY, pauseStatusesCodec);
  return {
    value: { ...DEFAULT_CLOCK_SETTINGS, pauseStatuses: legacy?.value ?? [...DEFAULT_PAUSE_STATUS_NAMES] },
    revision: 0,
  };
}

export async function loadClockSettings(store: ConfigStore): Promise<ClockSettings> {
  return (await loadClockSettingsState(store)).value;
}
