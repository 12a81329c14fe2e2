/**
 * The `itr_handoff` table (src/adapters/sql/migrations.ts v024): what each hand-off target received
 * from an ITR issue. Only the app writes it, so the key it holds is always an issue the app created;
 * an issue property would let any editor of the ITR issue name any issue in the site.
 */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import type { HandoffRecordEntry, HandoffRepository, HandoffTarget } from '../../app/ports/handoffs';

function parseRow(r: Record<string, unknown>): HandoffRecordEntry {
  const target = r['target'];
  if (target !== 'rnd' && target !== 'sales') throw new TypeError(`unknown hand-off target ${String(target)}`);
  return {
    target,
    key: String(r['handed_key']),
    id: String(r['handed_id']),
    summary: String(r['summary']),
    by: String(r['by_account_id']),
    at: fromSqlDateTime(r['handed_at']),
    ...(r['assessment_id'] == null ? {} : { assessmentId: Number(r['assessment_id']) }),
  };
}

/** The hand-offs of one ITR issue, by target. */
async function readHandoffs(issueId: string): Promise<Partial<Record<HandoffTarget, HandoffRecordEntry>>> {
  await ensureSchema();
  const rows = await query(
    'SELECT target, handed_key, handed_id, summary, by_account_id, handed_at, assessment_id FROM itr_handoff WHERE issue_id = ?',
    [Number(issueId)],
    parseRow,
  );
  return Object.fromEntries(rows.map((r) => [r.target, r]));
}

/**
 * Records (or replaces, after the previous issue was deleted) what a target received. Written right
 * after the issue is created and before it is linked, so a failed link is repaired by the next send.
 */
async function recordHandoff(issueId: string, entry: HandoffRecordEntry): Promise<void> {
  await ensureSchema();
  await execute(
    `INSERT INTO itr_handoff (issue_id, target, handed_key, handed_id, summary, by_account_id, handed_at, assessment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE handed_key = VALUES(handed_key), handed_id = VALUES(handed_id), summary = VALUES(summary), by_account_id = VALUES(by_account_id), handed_at = VALUES(handed_at), assessment_id = VALUES(assessment_id)`,
    [
      Number(issueId),
      entry.target,
      entry.key,
      Number(entry.id),
      entry.summary,
      entry.by,
      entry.at,
      entry.assessmentId ?? null,
    ],
  );
}

export const sqlHandoffs: HandoffRepository = { readHandoffs, recordHandoff };
