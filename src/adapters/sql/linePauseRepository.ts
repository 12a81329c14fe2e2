/** The `line_pause` table (migrations.ts): the pauses of src/app/ports/linePauses.ts. */
import { isSupportLine } from '../../domain';
import type { LinePause, LinePauseRepository } from '../../app/ports/linePauses';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';

function parsePause(r: Record<string, unknown>): LinePause & { issueId: string } {
  const line = r['line'];
  return {
    issueId: String(r['issue_id']),
    line: isSupportLine(line) ? line : null,
    from: fromSqlDateTime(r['from_at']),
    to: r['to_at'] === null || r['to_at'] === undefined ? null : fromSqlDateTime(r['to_at']),
  };
}

export const sqlLinePauses: LinePauseRepository = {
  async pausesOf(issueIds) {
    const out = new Map<string, LinePause[]>();
    if (issueIds.length === 0) return out;
    await ensureSchema();
    const rows = await query(
      `SELECT issue_id, line, from_at, to_at FROM line_pause WHERE issue_id IN (${issueIds.map(() => '?').join(', ')}) ORDER BY from_at ASC`,
      issueIds.map(Number),
      parsePause,
    );
    for (const { issueId, ...p } of rows) out.set(issueId, [...(out.get(issueId) ?? []), p]);
    return out;
  },
  async openPause(issueId, line, from) {
    await ensureSchema();
    await execute('INSERT IGNORE INTO line_pause (issue_id, line, from_at, to_at) VALUES (?, ?, ?, NULL)', [
      Number(issueId),
      line,
      from,
    ]);
  },
  async closeOpenPause(issueId, to) {
    await ensureSchema();
    await execute('UPDATE line_pause SET to_at = GREATEST(from_at, ?) WHERE issue_id = ? AND to_at IS NULL', [
      to,
      Number(issueId),
    ]);
  },
};
