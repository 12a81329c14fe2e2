/**
 * The owner's side of `classification_history` (src/adapters/sql/migrations.ts v002): acceptance,
 * decline, timeout consent and forwards of one issue, with their row ids, and the one update the
 * history allows: completing the reason of a reassignment made in Jira, asked afterwards in the panel.
 */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';

/**
 * The history `field` of a reassignment made in Jira (the assignee changed by a person): its reason is
 * NULL until the person who reassigned, or the new owner, gives it in the panel.
 */
export const JIRA_REASSIGNMENT_FIELD = 'jiraAssignee';

export interface OwnerHistoryRow {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  actorAccountId: string;
  at: Date;
}

const nullableText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The issue's owner and acceptance rows, oldest first. */
export async function readOwnerHistory(issueId: string): Promise<OwnerHistoryRow[]> {
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
export async function completeReassignmentReason(issueId: string, entryId: string, reason: string): Promise<boolean> {
  await ensureSchema();
  const r = await execute(
    `UPDATE classification_history SET reason = ? WHERE id = ? AND issue_id = ? AND field = '${JIRA_REASSIGNMENT_FIELD}' AND reason IS NULL`,
    [reason, Number(entryId), Number(issueId)],
  );
  return r.affectedRows > 0;
}
