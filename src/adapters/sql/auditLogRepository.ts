/** The `audit_log` table (migrations.ts): the storage of src/app/ports/auditLog.ts. */
import type { AuditActionCode, AuditEntry } from '../../contract/audit';
import type { AuditLogRepository } from '../../app/ports/auditLog';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import { sqlLimit } from './sqlLimit';

function paramsOf(raw: unknown): Record<string, string | number> {
  try {
    const v: unknown = JSON.parse(typeof raw === 'string' ? raw : '{}');
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}

export const sqlAuditLog: AuditLogRepository = {
  async append(row) {
    await ensureSchema();
    await execute(
      'INSERT INTO audit_log (at, actor_account_id, action, target, summary, params) VALUES (?, ?, ?, ?, ?, ?)',
      [row.at, row.actorAccountId, row.action, row.target, row.summary, JSON.stringify(row.params)],
    );
  },
  async has(action, target) {
    const rows = await query('SELECT id FROM audit_log WHERE action = ? AND target = ?', [action, target], (r) =>
      Number(r['id']),
    );
    return rows.length > 0;
  },
  async pageBefore(before, limit) {
    await ensureSchema();
    return query(
      `SELECT id, at, actor_account_id, action, target, summary, params FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ${sqlLimit(limit, 1, 1000)}`,
      [before],
      (r): AuditEntry => ({
        id: Number(r['id']),
        at: fromSqlDateTime(r['at']).toISOString(),
        actorAccountId: typeof r['actor_account_id'] === 'string' ? r['actor_account_id'] : null,
        actorName: null,
        action: String(r['action']) as AuditActionCode,
        target: String(r['target']),
        summary: String(r['summary']),
        params: paramsOf(r['params']),
      }),
    );
  },
};
