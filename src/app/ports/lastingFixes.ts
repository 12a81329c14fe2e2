/**
 * Lasting fixes (issue 17): the linked Jira issue that carries a problem's long-term measure or a
 * return visit's follow-up. Only the app writes it, so the key it holds is always an issue the app
 * created for that problem. SQL: src/adapters/sql/lastingFixRepository.ts.
 */
import type { LastingFixKind } from '../../domain/lastingFix/lastingFix';

export interface LastingFixRecord {
  /** The problem (the ITR issue) the fix belongs to. */
  issueId: string;
  issueKey: string;
  kind: LastingFixKind;
  /** The linked issue that carries the fix. */
  key: string;
  id: string;
  summary: string;
  assignee: string;
  /** `YYYY-MM-DD`, as Jira's `duedate`. */
  dueDate: string;
  by: string;
  at: Date;
  /** When the app saw the fix's issue done; null while it is open as far as the app knows. */
  doneAt: Date | null;
  /** When the assignee was reminded (at most once); null = not yet. */
  remindedAt: Date | null;
}

export interface LastingFixRepository {
  /** The fixes of one problem, by kind. */
  readFixes: (issueId: string) => Promise<Partial<Record<LastingFixKind, LastingFixRecord>>>;
  /** Records (or replaces, after the previous issue was deleted) the fix of a kind. */
  recordFix: (record: Omit<LastingFixRecord, 'doneAt' | 'remindedAt'>) => Promise<void>;
  /** The fixes not yet seen done, oldest due first, at most `limit`. */
  openFixes: (limit: number) => Promise<LastingFixRecord[]>;
  /** Records that the fix's issue is done (first sighting kept). */
  markDone: (issueId: string, kind: LastingFixKind, at: Date) => Promise<void>;
  /**
   * Claims the fix's one reminder: true for exactly one caller (the row had none), so two sweeps
   * running at once cannot both send it. A failed send gives the claim back (`releaseReminder`).
   */
  claimReminder: (issueId: string, kind: LastingFixKind, at: Date) => Promise<boolean>;
  releaseReminder: (issueId: string, kind: LastingFixKind, at: Date) => Promise<void>;
}
