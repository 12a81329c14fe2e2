/**
 * The audited changes of triage fields, owners and acceptance of an issue.
 * SQL: src/adapters/sql/classificationHistoryRepository.ts and ownerHistoryRepository.ts.
 */
import type { ClassificationHistoryEntry } from '../../contract/triage';

/** Actor recorded for changes the app makes by rule (timeout consent, a response alert), not by a person. */
export const RULE_ACTOR = 'itr-app';

/**
 * The history `field` of a reassignment made in Jira (the assignee changed by a person): its reason is
 * NULL until the person who reassigned, or the new owner, gives it in the panel.
 */
export const JIRA_REASSIGNMENT_FIELD = 'jiraAssignee';

/** One audited change of a triage field. Values are stored as text (≤ 255), reasons ≤ 2000. */
export interface HistoryRow {
  issueId: string;
  issueKey: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  actorAccountId: string;
  at: Date;
}

export interface OwnerHistoryRow {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  actorAccountId: string;
  at: Date;
}

export interface ClassificationHistoryRepository {
  /** Appends rows in one statement. */
  appendHistory: (rows: readonly HistoryRow[]) => Promise<void>;
  /** Every recorded change of one issue, oldest first (people not yet named). */
  readHistory: (issueId: string) => Promise<ClassificationHistoryEntry[]>;
  /** The issue's owner, acceptance and reassignment rows, oldest first. */
  readOwnerHistory: (issueId: string) => Promise<OwnerHistoryRow[]>;
  /**
   * Completes a pending reassignment's reason, once: only a row of this issue whose reason is still
   * empty changes, so a second save (or another person's) cannot overwrite the first. True if it changed.
   */
  completeReassignmentReason: (issueId: string, entryId: string, reason: string) => Promise<boolean>;
}
