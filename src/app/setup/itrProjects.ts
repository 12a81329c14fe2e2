/**
 * Where ITR work lives: the projects the admin chose on the setup page (the saved setup run's
 * `projectKeys`, KVS `setup:run`), without the hand-off targets (the IPD / LTC projects of the
 * supervision settings: R&D's and sales' issues are never ITR work, even if an admin picked one), and
 * the ITR issue types setup creates. Triage lists only these issues.
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { loadAnalyticsSettings } from '../analytics/settings';
import { ITR_ISSUE_TYPE_NAMES } from './plan';

/** The saved run, read for its projects only (setup.ts owns the rest of it). */
const chosenProjectsCodec: ConfigCodec<string[]> = {
  schemaVersion: 1,
  parse(raw) {
    const keys = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['projectKeys'] : undefined;
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string' && k !== ''))
      throw new Error('not a setup run');
    return keys as string[];
  },
};

export interface ItrScope {
  /** Project keys, sorted; empty until the admin ran setup. */
  projectKeys: string[];
  /** The ITR issue types' names. */
  issueTypeNames: string[];
}

export async function loadItrScope(
  setupStore: ConfigStore = new ConfigStore({ prefix: 'setup:' }),
  configStore: ConfigStore = new ConfigStore(),
): Promise<ItrScope> {
  const [chosen, analytics] = await Promise.all([
    setupStore.get('run', chosenProjectsCodec),
    loadAnalyticsSettings(configStore),
  ]);
  const handoff = new Set(
    [analytics.value.ipd?.projectKey, analytics.value.ltc?.projectKey].filter((k): k is string => k !== undefined),
  );
  const projectKeys = [...new Set(chosen?.value ?? [])].filter((k) => !handoff.has(k)).sort();
  return { projectKeys, issueTypeNames: Object.values(ITR_ISSUE_TYPE_NAMES) };
}

const quoted = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** JQL restricting a search to the scope; null when it holds no project (nothing to search). */
export function itrScopeJql(scope: ItrScope): string | null {
  if (scope.projectKeys.length === 0 || scope.issueTypeNames.length === 0) return null;
  return `project IN (${scope.projectKeys.map(quoted).join(', ')}) AND issuetype IN (${scope.issueTypeNames.map(quoted).join(', ')})`;
}
