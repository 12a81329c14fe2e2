import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { DomainError, SUPPORT_LINES, type LineAssignment, type SupportLine } from '../../domain';
import { isRecord } from '../../domain/input';

/** Who takes an issue on a line and who hears of it (set by the admin; KVS key `config:escalation`). */
export interface LineRouting {
  /**
   * Who takes the issue when it enters the line: Jira's assignee and the ITR owner field, set together
   * (src/domain/assignment).
   */
  assignment: LineAssignment;
  /** The Jira status the issue moves to on entering the line; null = the status stays. */
  statusName: string | null;
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

const emptyRouting = (): LineRouting => ({
  assignment: { mode: 'unassigned', notifyGroup: null },
  statusName: null,
  notifyAccountIds: [],
  notifyGroups: [],
});

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = {
  lines: { L1: emptyRouting(), L2: emptyRouting(), L3: emptyRouting() },
  managementAccountIds: [],
  managementGroups: [],
  locale: 'en',
};

function strings(v: unknown, path: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== '')) {
    throw new DomainError('CONFIG_INVALID', `Stored escalation settings: ${path} must be a list of non-empty strings`);
  }
  return v as string[];
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function assignmentOf(v: unknown, path: string): LineAssignment {
  const invalid = (): DomainError =>
    new DomainError('CONFIG_INVALID', `Stored escalation settings: ${path} must be a person, a group or unassigned`);
  if (!isRecord(v)) throw invalid();
  switch (v['mode']) {
    case 'person':
      if (!nonEmpty(v['accountId'])) throw invalid();
      return { mode: 'person', accountId: v['accountId'] };
    case 'group':
      if (!nonEmpty(v['group'])) throw invalid();
      return { mode: 'group', group: v['group'] };
    case 'unassigned': {
      const g = v['notifyGroup'];
      if (g !== null && g !== undefined && !nonEmpty(g)) throw invalid();
      return { mode: 'unassigned', notifyGroup: nonEmpty(g) ? g : null };
    }
    default:
      throw invalid();
  }
}

/**
 * Schema 1 → 2: a line's single `assigneeAccountId` becomes its assignment (an account: that person;
 * none: unassigned, no group told) and every line gets `statusName: null` (the status stays).
 */
function upgradeFrom1(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const linesRaw = isRecord(old['lines']) ? old['lines'] : {};
  const lines: Record<string, unknown> = {};
  for (const line of SUPPORT_LINES) {
    const r = isRecord(linesRaw[line]) ? linesRaw[line] : {};
    const { assigneeAccountId, ...rest } = r;
    lines[line] = {
      ...rest,
      assignment: nonEmpty(assigneeAccountId)
        ? { mode: 'person', accountId: assigneeAccountId }
        : { mode: 'unassigned', notifyGroup: null },
      statusName: null,
    };
  }
  return { ...old, lines };
}

export const escalationSettingsCodec: ConfigCodec<EscalationSettings> = {
  schemaVersion: 2,
  upgrades: { 1: upgradeFrom1 },
  parse(raw) {
    if (!isRecord(raw)) throw new DomainError('CONFIG_INVALID', 'Stored escalation settings are not an object');
    const linesRaw = isRecord(raw['lines']) ? raw['lines'] : {};
    const lines = {} as Record<SupportLine, LineRouting>;
    for (const line of SUPPORT_LINES) {
      const r = isRecord(linesRaw[line]) ? linesRaw[line] : {};
      const status = r['statusName'];
      if (status !== null && status !== undefined && !nonEmpty(status)) {
        throw new DomainError(
          'CONFIG_INVALID',
          `Stored escalation settings: lines.${line}.statusName must be a status name or null`,
        );
      }
      lines[line] = {
        assignment:
          r['assignment'] === undefined
            ? emptyRouting().assignment
            : assignmentOf(r['assignment'], `lines.${line}.assignment`),
        statusName: nonEmpty(status) ? status : null,
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
