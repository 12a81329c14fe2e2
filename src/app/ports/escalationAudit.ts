/** The escalation admin's job trail (recalculations). SQL: src/adapters/sql/escalationAuditRepository.ts. */
export interface EscalationAuditEntry {
  kind: string;
  jobId: string;
  actor: string;
  at: Date;
  detail: Record<string, unknown>;
}

export interface EscalationAuditRepository {
  /** Appends one entry; the detail is kept to its first 2000 characters of JSON. */
  append: (entry: EscalationAuditEntry) => Promise<void>;
}
