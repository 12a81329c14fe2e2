/**
 * The `line_history` table (migrations.ts): one row per stay of an issue on a line,
 * unique by (issue, line, entered_at), so recording the same line change twice is a no-op.
 */
import { isSupportLine } from '../../domain';
import type { LineHistoryRepository, StayRow, StoredStay } from '../../app/ports/lineHistory';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';

/**
 * Upserts stays in ONE statement. A new row is inserted as given; an existing row (same issue, line,
 * entered_at) is only ever closed, never reopened or closed twice: the first close wins, so a
 * duplicate delivery cannot rewrite the history. Assignments run left to right (MySQL semantics), so
 * `left_at` is set last, after the columns that test it.
 */
async function recordStays(rows: readonly StayRow[]): Promise<void> {
  if (rows.length === 0) return;
  await ensureSchema();
  const placeholders = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  await execute(
    `INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, entered_by, working_minutes_used, outcome) VALUES ${placeholders}
     ON DUPLICATE KEY UPDATE
       outcome = IF(left_at IS NULL, VALUES(outcome), outcome),
       working_minutes_used = IF(left_at IS NULL AND VALUES(left_at) IS NOT NULL, VALUES(working_minutes_used), working_minutes_used),
       holder_account_id = COALESCE(holder_account_id, VALUES(holder_account_id)),
       left_at = COALESCE(left_at, VALUES(left_at))`,
    rows.flatMap((r) => [
      Number(r.issueId),
      r.line,
      r.enteredAt,
      r.leftAt,
      r.holderAccountId,
      r.enteredBy,
      r.workingMinutesUsed,
      r.outcome,
    ]),
  );
}

function parseStay(r: Record<string, unknown>): StoredStay {
  const line = r['line'];
  if (!isSupportLine(line)) throw new TypeError(`unknown line ${String(line)}`);
  const outcome = r['outcome'];
  return {
    line,
    enteredAt: fromSqlDateTime(r['entered_at']),
    leftAt: r['left_at'] === null || r['left_at'] === undefined ? null : fromSqlDateTime(r['left_at']),
    holderAccountId: typeof r['holder_account_id'] === 'string' ? r['holder_account_id'] : null,
    enteredBy: typeof r['entered_by'] === 'string' ? r['entered_by'] : null,
    workingMinutesUsed: Number(r['working_minutes_used']),
    outcome: outcome === 'timed_out' || outcome === 'passed_on' || outcome === 'resolved' ? outcome : null,
  };
}

const COLUMNS = 'line, entered_at, left_at, holder_account_id, entered_by, working_minutes_used, outcome';

/** Every stay of one issue, oldest first. */
async function staysOf(issueId: string): Promise<StoredStay[]> {
  await ensureSchema();
  return query(
    `SELECT ${COLUMNS} FROM line_history WHERE issue_id = ? ORDER BY entered_at ASC, line ASC`,
    [Number(issueId)],
    parseStay,
  );
}

/** The stays of one issue still open (normally one). */
async function openStaysOf(issueId: string): Promise<StoredStay[]> {
  await ensureSchema();
  return query(
    `SELECT ${COLUMNS} FROM line_history WHERE issue_id = ? AND left_at IS NULL`,
    [Number(issueId)],
    parseStay,
  );
}

export const sqlLineHistory: LineHistoryRepository = { recordStays, staysOf, openStaysOf };
