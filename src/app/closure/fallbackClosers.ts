import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { recordAudit } from '../audit/auditLog';

/**
 * Fallback closers an admin names (e.g. the submitter left the company), with the history of who
 * set them, when and why (KVS `config:closure.fallback`). The current list is published to Jira in
 * the `itr-close` app property (closeProperty.ts).
 */
export interface FallbackChange {
  accountIds: string[];
  by: string;
  at: string;
  reason: string;
}

export interface FallbackConfig {
  accountIds: string[];
  /** Newest first; at most `FALLBACK_HISTORY_MAX` entries (older ones are dropped). */
  history: FallbackChange[];
}

/** History kept in the config document: 200 × ~200 bytes stays far below KVS's 240 KiB. */
export const FALLBACK_HISTORY_MAX = 200;
export const FALLBACK_KEY = 'closure.fallback';
export const FALLBACK_REASON_MAX = 500;

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '');

export const fallbackCodec: ConfigCodec<FallbackConfig> = {
  schemaVersion: 1,
  parse(raw) {
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    if (!strings(r['accountIds'])) throw new Error('accountIds must be a list of account ids');
    if (!Array.isArray(r['history'])) throw new Error('history must be a list');
    const history = r['history'].map((h: unknown) => {
      const e = typeof h === 'object' && h !== null ? (h as Record<string, unknown>) : {};
      if (!strings(e['accountIds']) && !(Array.isArray(e['accountIds']) && e['accountIds'].length === 0))
        throw new Error('history.accountIds');
      if (typeof e['by'] !== 'string' || typeof e['at'] !== 'string' || typeof e['reason'] !== 'string')
        throw new Error('history entry');
      return { accountIds: [...(e['accountIds'] as string[])], by: e['by'], at: e['at'], reason: e['reason'] };
    });
    return { accountIds: [...r['accountIds']], history };
  },
};

export async function loadFallback(store = new ConfigStore()): Promise<{ config: FallbackConfig; revision: number }> {
  const stored = await store.get(FALLBACK_KEY, fallbackCodec);
  return stored === undefined
    ? { config: { accountIds: [], history: [] }, revision: 0 }
    : { config: stored.value, revision: stored.revision };
}

export async function saveFallback(
  change: { accountIds: string[]; reason: string; by: string; at: Date; expectedRevision: number },
  store = new ConfigStore(),
): Promise<{ config: FallbackConfig; revision: number }> {
  const { config } = await loadFallback(store);
  const entry: FallbackChange = {
    accountIds: change.accountIds,
    by: change.by,
    at: change.at.toISOString(),
    reason: change.reason,
  };
  const next: FallbackConfig = {
    accountIds: change.accountIds,
    history: [entry, ...config.history].slice(0, FALLBACK_HISTORY_MAX),
  };
  const saved = await store.set(FALLBACK_KEY, next, fallbackCodec, {
    expectedRevision: change.expectedRevision,
    updatedBy: change.by,
  });
  await recordAudit(
    {
      actorAccountId: change.by,
      action: 'closure.fallbackClosers',
      target: FALLBACK_KEY,
      summary: `Fallback closers set to ${change.accountIds.length} account(s): ${change.reason}`,
      params: { count: change.accountIds.length, reason: change.reason },
    },
    change.at,
  );
  return { config: saved.value, revision: saved.revision };
}
