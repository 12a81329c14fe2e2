/**
 * The `lasting_fix` table (src/adapters/sql/migrations.ts v041): the linked issue that carries a
 * problem's long-term measure or a return visit's follow-up, its assignee and due date, when the app
 * saw it done and when its assignee was reminded (once).
 */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import { isLastingFixKind, type LastingFixKind } from '../../domain/lastingFix/lastingFix';
import type { LastingFixRecord, LastingFixRepository } from '../../app/ports/lastingFixes';

const COLUMNS =
  'issue_id, issue_key, kind, fix_key, fix_id, summary, assignee_account_id, due_date, by_account_id, created_at, done_at, reminded_at';

function parseRow(r: Record<string, unknown>): LastingFixRecord {
  const kind = r['kind'];
  if (!isLastingFixKind(kind)) throw new TypeError(`unknown lasting fix kind ${String(kind)}`);
  return {
    issueId: String(r['issue_id']),
    issueKey: String(r['issue_key']),
    kind,
    key: String(r['fix_key']),
    id: String(r['fix_id']),
    summary: String(r['summary']),
    assignee: String(r['assignee_account_id']),
    dueDate: String(r['due_date']),
    by: String(r['by_account_id']),
    at: fromSqlDateTime(r['created_at']),
    doneAt: r['done_at'] === null || r['done_at'] === undefined ? null : fromSqlDateTime(r['done_at']),
    remindedAt: r['reminded_at'] === null || r['reminded_at'] === undefined ? null : fromSqlDateTime(r['reminded_at']),
  };
}

async function readFixes(issueId: string): Promise<Partial<Record<LastingFixKind, LastingFixRecord>>> {
  await ensureSchema();
  const rows = await query(`SELECT ${COLUMNS} FROM lasting_fix WHERE issue_id = ?`, [Number(issueId)], parseRow);
  return Object.fromEntries(rows.map((r) => [r.kind, r]));
}

/** A replaced fix (its issue was deleted) starts afresh: not done, not reminded. */
async function recordFix(f: Omit<LastingFixRecord, 'doneAt' | 'remindedAt'>): Promise<void> {
  await ensureSchema();
  await execute(
    `INSERT INTO lasting_fix (issue_id, issue_key, kind, fix_key, fix_id, summary, assignee_account_id, due_date, by_account_id, created_at, done_at, reminded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
     ON DUPLICATE KEY UPDATE issue_key = VALUES(issue_key), fix_key = VALUES(fix_key), fix_id = VALUES(fix_id), summary = VALUES(summary),
       assignee_account_id = VALUES(assignee_account_id), due_date = VALUES(due_date), by_account_id = VALUES(by_account_id),
       created_at = VALUES(created_at), done_at = NULL, reminded_at = NULL`,
    [Number(f.issueId), f.issueKey, f.kind, f.key, Number(f.id), f.summary, f.assignee, f.dueDate, f.by, f.at],
  );
}

async function openFixes(limit: number): Promise<LastingFixRecord[]> {
  await ensureSchema();
  const n = Math.max(1, Math.min(1000, Math.floor(limit)));
  return query(
    `SELECT ${COLUMNS} FROM lasting_fix WHERE done_at IS NULL ORDER BY due_date, issue_id, kind LIMIT ${n}`,
    [],
    parseRow,
  );
}

async function markDone(issueId: string, kind: LastingFixKind, at: Date): Promise<void> {
  await ensureSchema();
  await execute('UPDATE lasting_fix SET done_at = ? WHERE issue_id = ? AND kind = ? AND done_at IS NULL', [
    at,
    Number(issueId),
    kind,
  ]);
}

async function claimReminder(issueId: string, kind: LastingFixKind, at: Date): Promise<boolean> {
  await ensureSchema();
  const r = await execute(
    'UPDATE lasting_fix SET reminded_at = ? WHERE issue_id = ? AND kind = ? AND reminded_at IS NULL',
    [at, Number(issueId), kind],
  );
  return r.affectedRows === 1;
}

async function releaseReminder(issueId: string, kind: LastingFixKind, at: Date): Promise<void> {
  await ensureSchema();
  await execute('UPDATE lasting_fix SET reminded_at = NULL WHERE issue_id = ? AND kind = ? AND reminded_at = ?', [
    Number(issueId),
    kind,
    at,
  ]);
}

export const sqlLastingFixes: LastingFixRepository = {
  readFixes,
  recordFix,
  openFixes,
  markDone,
  claimReminder,
  releaseReminder,
};
