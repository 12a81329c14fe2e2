/**
 * Backup and restore of the site's configuration and case library: one-call `exportBackup`/`restoreBackup`
 * (resolver `grading-admin-resolver`, documents under the 256 KiB payload cap) and the chunked functions
 * of the setup page (resolver `setup-resolver`) for any size. All are for Jira administrators only
 * (`NOT_AUTHORIZED` otherwise).
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

/**
 * One page of a chunked export (`exportBackupPage`): the first page (no cursor) carries the header and
 * the first configuration entries; pass `next` back until it is null; the UI joins the pages into one
 * `BackupDocument` file. Each page stays under EXPORT_PAGE_MAX_BYTES (src/app/backup/backupExport.ts).
 */
export interface BackupExportPage {
  header?: {
    format: 'itr-backup';
    schemaVersion: 1;
    exportedAt: string;
    exportedBy: string | null;
    configKeys: number;
    cases: number;
  };
  config: Record<string, BackupConfigEntry>;
  cases: BackupCase[];
  next: string | null;
}

/**
 * A chunked restore's journal record. `staging`: chunks are being uploaded; `applying`: validated and
 * being written, `stepsDone` of `stepCount` (a restore cut off stays `applying`: commit again to resume);
 * `done`; `abandoned`: a newer restore was started before this one was committed.
 */
export type BackupRestoreState = 'staging' | 'applying' | 'done' | 'abandoned';

export interface BackupRestoreStatus {
  restoreId: string;
  state: BackupRestoreState;
  accountId: string;
  chunkCount: number;
  chunksReceived: number;
  byteCount: number;
  stepsDone: number;
  stepCount: number;
  exportedAt: string | null;
  publishedVersion: number | null;
  counts: BackupRestoreCounts;
  /** Code of the error that stopped the last commit, if any (the restore stays `applying`). */
  errorCode: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a staged backup would change here (`previewBackupRestore`), counted against the site now. */
export interface BackupRestorePreview {
  restoreId: string;
  exportedAt: string;
  exportedBy: string | null;
  /** Who made the backup, by display name; null when not recorded or Jira does not know the account. */
  exportedByName: string | null;
  configKeys: number;
  configAdded: number;
  configChanged: number;
  cases: number;
  casesAdded: number;
  casesChanged: number;
}

export interface BackupFunctions {
  exportBackup: { payload: Record<string, never>; result: BackupDocument };
  restoreBackup: { payload: { document: BackupDocument; confirm: true }; result: BackupRestoreResult };
  exportBackupPage: { payload: { cursor?: string }; result: BackupExportPage };
  startBackupRestore: {
    payload: { chunkCount: number; byteCount: number; sha256: string };
    result: BackupRestoreStatus;
  };
  uploadBackupChunk: {
    payload: { restoreId: string; index: number; text: string };
    result: { restoreId: string; chunksReceived: number; chunkCount: number };
  };
  previewBackupRestore: { payload: { restoreId: string }; result: BackupRestorePreview };
  /** Validates the whole staged file, then applies it for one time slice; call again (resume) while `applying`. */
  commitBackupRestore: { payload: { restoreId: string; confirm: true }; result: BackupRestoreStatus };
  getBackupRestoreStatus: { payload: Record<string, never>; result: BackupRestoreStatus | null };
}
