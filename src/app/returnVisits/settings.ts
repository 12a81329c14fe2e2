import type { JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { DEFAULT_RETURN_VISIT_POLICY, validSampleRate, type ReturnVisitPolicy } from '../../domain/closure';
import { ItrError } from '../itrError';

/**
 * Return-visit settings (KVS `config:returnVisits`), set by a Jira admin: the sampling rate, the
 * grades always visited and the groups of the supervising role (default `itr-supervisors`).
 */
export interface ReturnVisitSettings extends ReturnVisitPolicy {
  supervisorGroups: string[];
}

export const RETURN_VISIT_SETTINGS_KEY = 'returnVisits';
export const DEFAULT_RETURN_VISIT_SETTINGS: ReturnVisitSettings = {
  ...DEFAULT_RETURN_VISIT_POLICY,
  alwaysGrades: [...DEFAULT_RETURN_VISIT_POLICY.alwaysGrades],
  supervisorGroups: ['itr-supervisors'],
};

const names = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

export const settingsCodec: ConfigCodec<ReturnVisitSettings> = {
  schemaVersion: 1,
  parse(raw) {
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    if (!validSampleRate(r['sampleRatePercent'])) throw new Error('sampleRatePercent must be a number from 0 to 100');
    if (!names(r['alwaysGrades'])) throw new Error('alwaysGrades must be a list of grade ids');
    if (!names(r['supervisorGroups']) || r['supervisorGroups'].length === 0)
      throw new Error('supervisorGroups must name at least one group');
    return {
      sampleRatePercent: r['sampleRatePercent'],
      alwaysGrades: [...r['alwaysGrades']],
      supervisorGroups: [...r['supervisorGroups']],
    };
  },
};

export async function loadSettings(
  store = new ConfigStore(),
): Promise<{ settings: ReturnVisitSettings; revision: number }> {
  const stored = await store.get(RETURN_VISIT_SETTINGS_KEY, settingsCodec);
  return stored === undefined
    ? { settings: DEFAULT_RETURN_VISIT_SETTINGS, revision: 0 }
    : { settings: stored.value, revision: stored.revision };
}

/** Supervisors: members of a configured group, and Jira admins; asked of Jira as the caller. */
export async function isSupervisor(asCaller: JiraClient, settings: ReturnVisitSettings): Promise<boolean> {
  const me = await asCaller.getMyself({ groups: true });
  if (me.groups.some((g) => settings.supervisorGroups.includes(g))) return true;
  return (await asCaller.myPermissions(['ADMINISTER']))['ADMINISTER'] === true;
}

export async function requireSupervisor(
  accountId: string | undefined,
  asCaller: JiraClient,
  settings: ReturnVisitSettings,
): Promise<void> {
  if (accountId === undefined || !(await isSupervisor(asCaller, settings)))
    // Its own code (not NOT_AUTHORIZED), so the page can say who may record visits.
    throw new ItrError('VISIT_NOT_SUPERVISOR', 'This needs the supervising role', {
      params: { required: 'ITR_SUPERVISOR' },
    });
}
