/**
 * The `triage_dispatch` table (src/adapters/sql/migrations.ts v025): when an issue was last dispatched
 * to its owner, the start of the acceptance clock. Only the app writes it. It used to be the issue
 * property `itr.dispatch`, which any editor may write: a far-future time broke the triage queue for
 * everyone (an unparseable acceptance deadline) and a past one forced "deemed accepted" (issue 13).
 */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import type { Dispatch, DispatchRepository } from '../../app/ports/dispatches';

const parseRow = (r: Record<string, unknown>): [string, Dispatch] => [
  String(r['issue_id']),
  {
    dispatchedAt: fromSqlDateTime(r['dispatched_at']),
    ownerAccountId: typeof r['owner_account_id'] === 'string' ? r['owner_account_id'] : null,
    by: String(r['by_account_id']),
  },
];

/** The dispatches of these issues (a triage page holds at most 50), by issue id. */
async function readDispatches(issueIds: readonly string[]): Promise<Map<string, Dispatch>> {
  if (issueIds.length === 0) return new Map();
  await ensureSchema();
  const rows = await query(
    `SELECT issue_id, dispatched_at, owner_account_id, by_account_id FROM triage_dispatch WHERE issue_id IN (${issueIds.map(() => '?').join(', ')})`,
    issueIds.map(Number),
    parseRow,
  );
  return new Map(rows);
}

/** Starts (or restarts) an issue's acceptance clock. */
async function recordDispatch(issueId: string, d: Dispatch): Promise<void> {
  await ensureSchema();
  await execute(
    `INSERT INTO triage_dispatch (issue_id, dispatched_at, owner_account_id, by_account_id) VALUES (?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE dispatched_at = VALUES(dispatched_at), owner_account_id = VALUES(owner_account_id), by_account_id = VALUES(by_account_id)`,
    [Number(issueId), d.dispatchedAt, d.ownerAccountId, d.by],
  );
}

/**
 * Issues awaiting an answer with no dispatch row (dispatched before this table existed): their clock
 * starts now, once (INSERT IGNORE keeps a row a concurrent call wrote). The old property is not
 * trusted, so an owner gets at most one fresh response time after the upgrade, never less than due.
 */
async function startMissingClocks(issueIds: readonly string[], at: Date, by: string): Promise<void> {
  if (issueIds.length === 0) return;
  await ensureSchema();
  await execute(
    `INSERT IGNORE INTO triage_dispatch (issue_id, dispatched_at, owner_account_id, by_account_id) VALUES ${issueIds.map(() => '(?, ?, NULL, ?)').join(', ')}`,
    issueIds.flatMap((id) => [Number(id), at, by]),
  );
}

export const sqlDispatches: DispatchRepository = { readDispatches, recordDispatch, startMissingClocks };
