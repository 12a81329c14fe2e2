import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { DomainError, SUPPORT_LINES, type SupportLine } from '../../domain';

/** Who takes an issue on a line and who hears of it (set by the admin; KVS key `config:escalation`). */
export interface LineRouting {
  /** Written to the ITR owner field when the issue enters the line; null = the line's queue. */
  assigneeAccountId: string | null;
  /**
   * Told when the issue enters the line or its warning goes out: users are mentioned in the comment
   * (Jira notifies them), groups get an email through `/issue/{id}/notify`.
   */
  notifyAccountIds: string[];
  notifyGroups: string[];
}

export interface EscalationSettings {
  lines: Record<SupportLine, LineRouting>;
  /** Told when L3's time runs out (breach), the same way. */
  managementAccountIds: string[];
  managementGroups: string[];
  /**
   * The site's language for comments and notifications (Jira has no app-readable site-language REST
   * call in the scopes this app holds): `en` or `zh-CN`. Default `en`.
   */
  locale: 'en' | 'zh-CN';
}

export const ESCALATION_SETTINGS_KEY = 'escalation';

const emptyRouting = (): LineRouting => ({ assigneeAccountId: null, notifyAccountIds: [], notifyGroups: [] });

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = {
  lines: { L1: emptyRouting(), L2: emptyRouting(), L3: emptyRouting() },
  managementAccountIds: [],
  managementGroups: [],
  locale: 'en',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, path: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== '')) {
    throw new DomainError('CONFIG_INVALID', `Stored escalation settings: ${path} must be a list of non-empty strings`);
  }
  return v as string[];
}

export const escalationSettingsCodec: ConfigCodec<EscalationSettings> = {
  schemaVersion: 1,
  parse(raw) {
    if (!isRecord(raw)) throw new DomainError('CONFIG_INVALID', 'Stored escalation settings are not an object');
    const linesRaw = isRecord(raw['lines']) ? raw['lines'] : {};
    const lines = {} as Record<SupportLine, LineRouting>;
    for (const line of SUPPORT_LINES) {
      const r = isRecord(linesRaw[line]) ? linesRaw[line] : {};
      const assignee = r['assigneeAccountId'];
      lines[line] = {
        assigneeAccountId: typeof assignee === 'string' && assignee !== '' ? assignee : null,
        notifyAccountIds: strings(r['notifyAccountIds'], `lines.${line}.notifyAccountIds`),
        notifyGroups: strings(r['notifyGroups'], `lines.${line}.notifyGroups`),
      };
    }
    return {
      lines,
      managementAccountIds: strings(raw['managementAccountIds'], 'managementAccountIds'),
      managementGroups: strings(raw['managementGroups'], 'managementGroups'),
      locale: raw['locale'] === 'zh-CN' ? 'zh-CN' : 'en',
    };
  },
};

/** One KVS read; the defaults (nobody assigned or notified, English) when never saved. */
export async function loadEscalationSettings(store: ConfigStore = new ConfigStore()): Promise<EscalationSettings> {
  return (await store.get(ESCALATION_SETTINGS_KEY, escalationSettingsCodec))?.value ?? DEFAULT_ESCALATION_SETTINGS;
}
