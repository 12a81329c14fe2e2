import { execute, fromSqlDateTime, query, ensureSchema } from '../../adapters/sql';
import type { ClassificationHistoryEntry } from '../../contract/triage';
import { fitForDisplay } from '../../domain/storageLimits';

/** Actor recorded for changes the app makes by rule (timeout consent, a response alert), not by a person. */
export const RULE_ACTOR = 'itr-app';

/** One audited change of a triage field. Values are stored as text (≤ 255), reasons ≤ 2000. */
export interface HistoryRow {
  issueId: string;
  issueKey: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  actorAccountId: string;
  at: Date;
}

/**
 * Typed values and reasons were held to these columns at the edge (triage.ts refuses them with
 * VALUE_TOO_LONG), so nothing a user wrote is shortened here. What the app itself copies (an old value
 * read back from the issue's field, which a site may have written outside the app) is stored whole
 * when it fits; otherwise shortened visibly, ending with '…', rather than failing the triage after its
 * fields were written.
 */
const fitted = (v: string | null, kind: 'historyValue' | 'historyReason'): string | null =>
  v === null ? null : fitForDisplay(v, kind);

/** Appends rows in one INSERT (Forge SQL: one statement per call). */
export async function appendHistory(rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await ensureSchema();
  const placeholders = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  await execute(
    `INSERT INTO classification_history (issue_id, issue_key, field, old_value, new_value, reason, actor_account_id, at) VALUES ${placeholders}`,
    rows.flatMap((r) => [
      Number(r.issueId),
      r.issueKey,
      r.field,
      fitted(r.oldValue, 'historyValue'),
      fitted(r.newValue, 'historyValue'),
      fitted(r.reason, 'historyReason'),
      r.actorAccountId,
      r.at,
    ]),
  );
}

const nullableText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Every recorded change of one issue, oldest first. */
export async function readHistory(issueId: string): Promise<ClassificationHistoryEntry[]> {
  await ensureSchema();
  return query(
    'SELECT field, old_value, new_value, reason, actor_account_id, at FROM classification_history WHERE issue_id = ? ORDER BY at, id',
    [Number(issueId)],
    (r) => ({
      field: String(r['field']),
      oldValue: nullableText(r['old_value']),
      newValue: nullableText(r['new_value']),
      reason: nullableText(r['reason']),
      actorAccountId: String(r['actor_account_id']),
      // Named by the use case (getClassificationHistory), which asks Jira once for the whole history.
      actorName: null,
      oldValueName: null,
      newValueName: null,
      at: fromSqlDateTime(r['at']).toISOString(),
    }),
  );
}
