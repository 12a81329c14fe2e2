/** The audit log's storage (src/app/audit/auditLog.ts). SQL: src/adapters/sql/auditLogRepository.ts. */
import type { AuditActionCode, AuditEntry } from '../../contract/audit';

export interface AuditRow {
  at: Date;
  actorAccountId: string | null;
  action: AuditActionCode;
  /** Held to the column by the caller (fitForDisplay). */
  target: string;
  summary: string;
  params: Record<string, string | number>;
}

export interface AuditLogRepository {
  append: (row: AuditRow) => Promise<void>;
  /** Whether an entry of `action` on `target` exists (a step that must be recorded once). */
  has: (action: AuditActionCode, target: string) => Promise<boolean>;
  /** Up to `limit` entries with an id below `before`, newest first (actors not yet named). */
  pageBefore: (before: number, limit: number) => Promise<AuditEntry[]>;
}
