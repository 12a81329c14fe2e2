/**
 * Supervision settings in KVS (`config:analyticsSettings`): who may see per-person figures, the
 * department of each person, and the hand-off targets (IPD for R&D, LTC for sales).
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';

export interface AnalyticsSettings {
  /** Jira groups whose members see per-person and per-department figures (Jira admins always do). */
  personFigureGroups: string[];
  /** accountId → department name (the page groups owners by it). */
  departments: Record<string, string>;
  /** Project key for "send to R&D" (IPD) and its issue type name; null = not configured. */
  ipd: { projectKey: string; issueType: string } | null;
  /** Project key for "send to sales" (LTC) and its issue type name; null = not configured. */
  ltc: { projectKey: string; issueType: string } | null;
}

/** Default: Jira admins plus the group `itr-supervisors`; no departments, no hand-off targets. */
export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = { personFigureGroups: ['itr-supervisors'], departments: {}, ipd: null, ltc: null };

export const ANALYTICS_SETTINGS_KEY = 'analyticsSettings';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function target(v: unknown): { projectKey: string; issueType: string } | null {
  if (v === null || v === undefined) return null;
  if (!isRecord(v) || typeof v['projectKey'] !== 'string' || !/^[A-Z][A-Z0-9_]{0,31}$/.test(v['projectKey']) || typeof v['issueType'] !== 'string' || v['issueType'] === '') {
    throw new Error('a hand-off target needs projectKey (A-Z…) and issueType');
  }
  return { projectKey: v['projectKey'], issueType: v['issueType'] };
}

export function parseAnalyticsSettings(raw: unknown): AnalyticsSettings {
  if (!isRecord(raw)) throw new Error('settings must be an object');
  const groups = raw['personFigureGroups'];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string' && g !== '')) throw new Error('personFigureGroups must be group names');
  const deps = isRecord(raw['departments']) ? raw['departments'] : {};
  const departments: Record<string, string> = {};
  for (const [k, v] of Object.entries(deps)) if (typeof v === 'string' && v !== '') departments[k] = v;
  return { personFigureGroups: groups as string[], departments, ipd: target(raw['ipd']), ltc: target(raw['ltc']) };
}

export const analyticsSettingsCodec: ConfigCodec<AnalyticsSettings> = { schemaVersion: 1, parse: parseAnalyticsSettings };

export async function loadAnalyticsSettings(store: ConfigStore = new ConfigStore()): Promise<{ value: AnalyticsSettings; revision: number }> {
  const saved = await store.get(ANALYTICS_SETTINGS_KEY, analyticsSettingsCodec);
  return saved === undefined ? { value: DEFAULT_ANALYTICS_SETTINGS, revision: 0 } : { value: saved.value, revision: saved.revision };
}
