/** The `escalation_audit` table (migrations.ts): the trail of src/app/ports/escalationAudit.ts. */
import type { EscalationAuditRepository } from '../../app/ports/escalationAudit';
import { ensureSchema } from './migrations';
import { execute } from './sqlClient';

export const sqlEscalationAudit: EscalationAuditRepository = {
  async append({ kind, jobId, actor, at, detail }) {
    await ensureSchema();
    await execute('INSERT INTO escalation_audit (kind, job_id, actor_account_id, at, detail) VALUES (?, ?, ?, ?, ?)', [
      kind,
      jobId,
      actor,
      at,
      JSON.stringify(detail).slice(0, 2000),
    ]);
  },
};
