/** The `classification_history` table (migrations.ts v002): see src/app/ports/classificationHistory.ts. */
import type { ClassificationHistoryEntry } from '../../contract/triage';
import {
  JIRA_REASSIGNMENT_FIELD,
  type ClassificationHistoryRepository,
  type HistoryRow,
  type OwnerHistoryRow,
} from '../../app/ports/classificationHistory';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import { fitForDisplay } from '../../domain/storageLimits';

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
async function appendHistory(rows: readonly HistoryRow[]): Promise<void> {
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
async function readHistory(issueId: string): Promise<ClassificationHistoryEntry[]> {
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

/** The issue's owner and acceptance rows, oldest first. */
async function readOwnerHistory(issueId: string): Promise<OwnerHistoryRow[]> {
  await ensureSchema();
  return query(
    `SELECT id, field, old_value, new_value, reason, actor_account_id, at FROM classification_history
     WHERE issue_id = ? AND field IN ('owner', 'acceptance', '${JIRA_REASSIGNMENT_FIELD}') ORDER BY at, id`,
    [Number(issueId)],
    (r) => ({
      id: String(r['id']),
      field: String(r['field']),
      oldValue: nullableText(r['old_value']),
      newValue: nullableText(r['new_value']),
      reason: nullableText(r['reason']),
      actorAccountId: String(r['actor_account_id']),
      at: fromSqlDateTime(r['at']),
    }),
  );
}

/**
 * Completes a pending reassignment's reason, once: only a row of this issue whose reason is still
 * NULL changes, so a second save (or another person's) cannot overwrite the first. True if it changed.
 */
async function completeReassignmentReason(issueId: string, entryId: string, reason: string): Promise<boolean> {
  await ensureSchema();
  const r = await execute(
    `UPDATE classification_history SET reason = ? WHERE id = ? AND issue_id = ? AND field = '${JIRA_REASSIGNMENT_FIELD}' AND reason IS NULL`,
    [reason, Number(entryId), Number(issueId)],
  );
  return r.affectedRows > 0;
}

export const sqlClassificationHistory: ClassificationHistoryRepository = {
  appendHistory,
  readHistory,
  readOwnerHistory,
  completeReassignmentReason,
};
