/**
 * Backup and restore of the site's configuration and case library (grading admin page, resolver
 * `grading-admin-resolver`). Both are for Jira administrators only (`NOT_AUTHORIZED` otherwise).
 *
 * `restoreBackup` validates the whole document before writing anything; any problem refuses it with
 * `BACKUP_INVALID` first, then one error per problem with its `path` (`config.gradingTable.value.sla…`,
 * `cases[3].content`). Without `confirm: true` it answers `CONFIRMATION_REQUIRED` and writes nothing.
 * On success the grading table is published as a NEW version (history is never rewritten: only
 * history entries the site lacks are added), calendars and other configuration are overwritten,
 * cases are upserted by id (their versions and links added where missing), and an audit entry is kept.
 */
import type { CaseContent } from './cases';

/** A KVS configuration entry as stored (`config:<name>`). */
export interface BackupConfigEntry {
  schemaVersion: number;
  revision: number;
  updatedAt: string;
  updatedBy?: string;
  value: unknown;
}

export interface BackupCaseVersion {
  revision: number;
  /** The case's editable fields at that revision. */
  snapshot: CaseContent;
  authorAccountId: string | null;
  at: string;
}

export interface BackupCaseLink {
  issueKey: string;
  relation: 'source' | 'used_on';
  at: string;
}

export interface BackupCase {
  id: number;
  externalId: string | null;
  content: CaseContent;
  authorAccountId: string | null;
  revision: number;
  helpfulCount: number;
  notRelevantCount: number;
  usageCount: number;
  createdAt: string;
  updatedAt: string;
  links: BackupCaseLink[];
  versions: BackupCaseVersion[];
}

export interface BackupDocument {
  format: 'itr-backup';
  schemaVersion: 1;
  exportedAt: string;
  exportedBy: string | null;
  /** Every KVS key under `config:`, by name without the prefix (grading table history included). */
  config: Record<string, BackupConfigEntry>;
  cases: BackupCase[];
}

export interface BackupRestoreCounts {
  configEntries: number;
  historyEntriesAdded: number;
  cases: number;
  caseVersionsAdded: number;
  caseLinksAdded: number;
}

export interface BackupRestoreResult {
  /** The grading table version published by the restore (null when the backup had no table). */
  publishedVersion: number | null;
  counts: BackupRestoreCounts;
  auditKey: string;
}

export interface BackupFunctions {
  exportBackup: { payload: Record<string, never>; result: BackupDocument };
  restoreBackup: { payload: { document: BackupDocument; confirm: true }; result: BackupRestoreResult };
}
