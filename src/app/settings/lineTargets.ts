/**
 * Each support line's target share of resolution (itr-process §4: each line solves at least 80 % of what
 * reaches it), set by a Jira administrator on the admin page's support-lines subpage and read by the
 * supervision page, which flags lines below it (src/domain/analytics/caseHabit.ts `lineResolution`).
 * Stored as KVS `config:supervision.lineTargets`; a line never set runs on the process's 80 %.
 */
import type { ConfigCodec, ConfigStore } from '../../adapters/kvs';
import type { LineTargetsState } from '../../contract/caseHabit';
import { checkTargetShare, DEFAULT_LINE_TARGET_SHARE } from '../../domain/analytics';
import { DomainError } from '../../domain';
import { SUPPORT_LINES } from '../../domain/supportLine';
import { auditSettingsSave, invalidDraft, recordAt, savingSettings, type SettingsIssue } from './settingsCheck';
import { platformSettingsDeps, type SupervisionSettingsDeps } from './supervisionSettings';

export const LINE_TARGETS_KEY = 'supervision.lineTargets';

export type LineTargetValues = Record<(typeof SUPPORT_LINES)[number], number>;

export const DEFAULT_LINE_TARGETS: LineTargetValues = {
  L1: DEFAULT_LINE_TARGET_SHARE,
  L2: DEFAULT_LINE_TARGET_SHARE,
  L3: DEFAULT_LINE_TARGET_SHARE,
};

/** The draft's targets, each a share 0–1; a problem per line that is not. */
export function checkLineTargets(input: unknown, issues: SettingsIssue[]): LineTargetValues {
  const raw = recordAt(input, '', issues);
  const out: LineTargetValues = { ...DEFAULT_LINE_TARGETS };
  for (const line of SUPPORT_LINES) {
    const share = checkTargetShare(raw[line]);
    if (share === null)
      issues.push({
        path: line,
        code: 'SETTINGS_TARGET_SHARE_INVALID',
        message: `${line} must be a share from 0 to 1`,
        params: { line },
      });
    else out[line] = share;
  }
  return out;
}

export const lineTargetsCodec: ConfigCodec<LineTargetValues> = {
  schemaVersion: 1,
  parse(raw) {
    const issues: SettingsIssue[] = [];
    const value = checkLineTargets(raw, issues);
    if (issues.length > 0) throw new DomainError('CONFIG_INVALID', 'Stored line targets must be shares 0–1 per line');
    return value;
  },
};

/** The targets in force and their revision (0 when never saved). */
export async function loadLineTargets(store: ConfigStore): Promise<LineTargetsState> {
  const saved = await store.get(LINE_TARGETS_KEY, lineTargetsCodec);
  return { targets: saved?.value ?? { ...DEFAULT_LINE_TARGETS }, revision: saved?.revision ?? 0 };
}

export class LineTargetsAdmin {
  constructor(private readonly deps: SupervisionSettingsDeps = platformSettingsDeps()) {}

  async getLineTargets(accountId: string | undefined): Promise<LineTargetsState> {
    await this.deps.requireAdmin(accountId);
    return loadLineTargets(this.deps.store);
  }

  async saveLineTargets(
    accountId: string | undefined,
    input: { settings: unknown; expectedRevision: number },
  ): Promise<LineTargetsState> {
    await this.deps.requireAdmin(accountId);
    const issues: SettingsIssue[] = [];
    const value = checkLineTargets(input.settings, issues);
    if (issues.length > 0) throw invalidDraft(issues);
    const saved = await savingSettings(() =>
      this.deps.store.set(LINE_TARGETS_KEY, value, lineTargetsCodec, {
        expectedRevision: input.expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      }),
    );
    await auditSettingsSave(accountId, 'lineTargets');
    return { targets: saved.value, revision: saved.revision };
  }
}
