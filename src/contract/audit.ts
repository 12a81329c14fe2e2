/**
 * The audit log of destructive actions (setup page, resolver `setup-resolver`): one list, newest first,
 * for Jira administrators only (`NOT_AUTHORIZED` otherwise). Each area keeps its own history too
 * (grading versions, case versions, escalation audit); this is the one place an admin checks.
 */

/** Stable action codes; the UI names each in the user's language (`audit.action.<code>`). */
export type AuditActionCode =
  | 'backup.restore.start'
  | 'backup.restore.complete'
  | 'grading.publish'
  | 'grading.restoreVersion'
  | 'regrade.start'
  | 'escalation.recalculate'
  | 'case.save'
  | 'case.retire'
  | 'closure.fallbackClosers'
  | 'settings.save'
  | 'setup.run'
  | 'customer.import'
  | 'customer.erase';

export interface AuditEntry {
  id: number;
  at: string;
  actorAccountId: string | null;
  /** The actor's Jira display name; null when Jira does not know the id (or the app acted). */
  actorName: string | null;
  action: AuditActionCode;
  /** What was acted on: a config name, a case id, a restore id… */
  target: string;
  /** One line in English, for logs and support; the UI renders `params` in the user's language. */
  summary: string;
  params: Record<string, string | number>;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

export interface AuditFunctions {
  listAuditLog: { payload: { before?: number; limit?: number }; result: AuditPage };
}
