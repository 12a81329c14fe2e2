/** The `return_visit` table (migrations.ts v012): one row per issue needing a visit. */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query, queryOne } from './sqlClient';
import { sqlLimit } from './sqlLimit';
import type { ReturnVisitRepository, VisitOpening, VisitRecord } from '../../app/ports/returnVisits';
import type { ReturnVisit } from '../../contract/closure';

function parseRow(r: Record<string, unknown>): ReturnVisit {
  const optional = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const bool = (v: unknown): boolean | null =>
    v === null || v === undefined ? null : v === true || v === 1 || v === '1';
  const satisfaction = r['satisfaction'] === null || r['satisfaction'] === undefined ? null : Number(r['satisfaction']);
  return {
    issueId: String(r['issue_id']),
    issueKey: String(r['issue_key']),
    reason: String(r['reason']) as ReturnVisit['reason'],
    kind: optional(r['kind']),
    grade: optional(r['grade']),
    resolvedAt: fromSqlDateTime(r['resolved_at']).toISOString(),
    status: r['status'] === 'done' ? 'done' : 'open',
    satisfaction: satisfaction as ReturnVisit['satisfaction'],
    resolvedInCustomersView: bool(r['resolved_in_customer_view']),
    customerWords: optional(r['customer_words']),
    viewsDiffer: bool(r['views_differ']),
    visitedBy: optional(r['visited_by']),
    visitedAt:
      r['visited_at'] === null || r['visited_at'] === undefined ? null : fromSqlDateTime(r['visited_at']).toISOString(),
  };
}

/** Opens a visit; a second delivery (or a re-resolve) of the same issue keeps the first row. */
async function openVisit(v: VisitOpening): Promise<boolean> {
  await ensureSchema();
  const r = await execute(
    `INSERT IGNORE INTO return_visit (issue_id, issue_key, reason, kind, grade, resolved_at, internal_view, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
    [Number(v.issueId), v.issueKey, v.reason, v.kind, v.grade, v.resolvedAt, v.internalView],
  );
  return r.affectedRows > 0;
}

/**
 * A later resolution after the visit was recorded: the recorded round moves to `return_visit_past`,
 * then the row opens again as the next round. Safe to redo after a crash between the two statements
 * (the copy is INSERT IGNORE, and both match only a done row about an earlier resolution). True if a
 * new round opened.
 */
async function openNextRound(v: VisitOpening): Promise<boolean> {
  await ensureSchema();
  await execute(
    `INSERT IGNORE INTO return_visit_past (issue_id, round, issue_key, reason, kind, grade, resolved_at, internal_view, satisfaction, resolved_in_customer_view, customer_words, views_differ, visited_by, visited_at)
     SELECT issue_id, round, issue_key, reason, kind, grade, resolved_at, internal_view, satisfaction, resolved_in_customer_view, customer_words, views_differ, visited_by, visited_at
     FROM return_visit WHERE issue_id = ? AND status = 'done' AND resolved_at < ?`,
    [Number(v.issueId), v.resolvedAt],
  );
  const r = await execute(
    `UPDATE return_visit SET round = round + 1, status = 'open', issue_key = ?, reason = ?, kind = ?, grade = ?, resolved_at = ?, internal_view = ?,
       satisfaction = NULL, resolved_in_customer_view = NULL, customer_words = NULL, views_differ = NULL, visited_by = NULL, visited_at = NULL
     WHERE issue_id = ? AND status = 'done' AND resolved_at < ?`,
    [v.issueKey, v.reason, v.kind, v.grade, v.resolvedAt, v.internalView, Number(v.issueId), v.resolvedAt],
  );
  return r.affectedRows > 0;
}

/** Newest first; ties (same instant) by issue id, so pages never overlap or skip. */
const NEWEST_FIRST = {
  open: 'ORDER BY resolved_at DESC, issue_id DESC',
  done: 'ORDER BY visited_at DESC, issue_id DESC',
} as const;

async function listVisits(
  status: 'open' | 'done',
  page: { limit: number; offset: number },
): Promise<{ visits: ReturnVisit[]; total: number }> {
  await ensureSchema();
  // Both numbers are written as digits the app clamped (sqlLimit), never placeholders TiDB would type.
  const offset = Math.max(0, Math.floor(Number.isFinite(page.offset) ? page.offset : 0));
  const [visits, total] = await Promise.all([
    query(
      `SELECT * FROM return_visit WHERE status = ? ${NEWEST_FIRST[status]} LIMIT ${sqlLimit(page.limit, 20, 500)} OFFSET ${offset}`,
      [status],
      parseRow,
    ),
    queryOne('SELECT COUNT(*) AS n FROM return_visit WHERE status = ?', [status], (r) => Number(r['n'])),
  ]);
  return { visits, total: total ?? 0 };
}

async function getVisit(issueId: string): Promise<ReturnVisit | undefined> {
  await ensureSchema();
  return queryOne('SELECT * FROM return_visit WHERE issue_id = ?', [Number(issueId)], parseRow);
}

/** Records the visit once: only an open row changes (a double submit cannot overwrite the first). */
async function recordVisit(v: VisitRecord): Promise<boolean> {
  await ensureSchema();
  const r = await execute(
    `UPDATE return_visit SET status = 'done', satisfaction = ?, resolved_in_customer_view = ?, customer_words = ?, views_differ = ?, visited_by = ?, visited_at = ? WHERE issue_id = ? AND status = 'open'`,
    [v.satisfaction, v.resolvedInCustomersView, v.customerWords, v.viewsDiffer, v.by, v.at, Number(v.issueId)],
  );
  return r.affectedRows > 0;
}

export const sqlReturnVisits: ReturnVisitRepository = { openVisit, openNextRound, listVisits, getVisit, recordVisit };
