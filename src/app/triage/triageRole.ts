import type { JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { NotAuthorizedError } from '../auth/authorization';

/**
 * Who holds the neutral triage role (技术第三方): members of the configured Jira groups, and Jira
 * administrators. Kept in KVS (`config:triageRole`); a site that never set it uses the group
 * `itr-triage`. A group, not a project role, because triage spans every ITR project.
 */
export interface TriageRoleConfig {
  groups: string[];
}

export const TRIAGE_ROLE_KEY = 'triageRole';
export const DEFAULT_TRIAGE_ROLE: TriageRoleConfig = { groups: ['itr-triage'] };

export const triageRoleCodec: ConfigCodec<TriageRoleConfig> = {
  schemaVersion: 1,
  parse(raw) {
    const groups = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['groups'] : undefined;
    if (!Array.isArray(groups) || !groups.every((g): g is string => typeof g === 'string' && g !== ''))
      throw new Error('groups must be a list of group names');
    return { groups: [...groups] };
  },
};

export async function loadTriageRole(store: ConfigStore = new ConfigStore()): Promise<TriageRoleConfig> {
  return (await store.get(TRIAGE_ROLE_KEY, triageRoleCodec))?.value ?? DEFAULT_TRIAGE_ROLE;
}

/**
 * Whether the calling user holds the triage role, asked of Jira as that user (`GET /myself?expand=groups`,
 * then `mypermissions` for ADMINISTER): the identity comes from the invocation context, never the payload.
 */
export async function hasTriageRole(asCaller: JiraClient, role: TriageRoleConfig): Promise<boolean> {
  const me = await asCaller.getMyself({ groups: true });
  if (me.groups.some((g) => role.groups.includes(g))) return true;
  const granted = await asCaller.myPermissions(['ADMINISTER']);
  return granted['ADMINISTER'] === true;
}

export async function requireTriageRole(
  accountId: string | undefined,
  asCaller: JiraClient,
  role: TriageRoleConfig,
): Promise<void> {
  if (accountId === undefined || !(await hasTriageRole(asCaller, role))) throw new NotAuthorizedError('ITR_TRIAGE');
}
