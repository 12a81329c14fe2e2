/**
 * The journal of chunked restores: one restore (state, cursor = the next plan step, counts so far) and
 * the uploaded file in chunks. KVS and SQL share no transaction, so a restore is a sequence of
 * idempotent steps: the cursor may lag behind the last write, never run ahead of it.
 * SQL: src/adapters/sql/restoreJournalRepository.ts.
 */
import type { BackupRestoreCounts, BackupRestoreStatus } from '../../contract/backup';

export const NO_COUNTS: BackupRestoreCounts = {
  configEntries: 0,
  historyEntriesAdded: 0,
  cases: 0,
  caseVersionsAdded: 0,
  caseLinksAdded: 0,
};

export interface RestoreJournal {
  /** A new restore in `staging`; earlier ones still staging or applying are abandoned (one at a time). */
  create: (accountId: string, chunkCount: number, byteCount: number, sha256: string) => Promise<string>;
  get: (id: string) => Promise<BackupRestoreStatus | undefined>;
  /** The most recent restore, whatever its state. */
  latest: () => Promise<BackupRestoreStatus | undefined>;
  /** The SHA-256 of the whole file, as the uploader declared it (hex). */
  declaredSha256: (id: string) => Promise<string | undefined>;
  chunksReceived: (id: string) => Promise<number>;
  /** Stores chunk `seq` (a resent chunk replaces the earlier copy: uploads are retried safely). */
  putChunk: (id: string, seq: number, body: string) => Promise<void>;
  /** The staged chunks in order, or which are missing. */
  chunks(id: string, count: number): Promise<{ text: string; missing: number[] }>;
  dropChunks: (id: string) => Promise<void>;
  /** staging → applying, with the plan's size and the backup's date (only from staging: a rerun keeps the cursor). */
  startApplying: (id: string, stepCount: number, exportedAt: string) => Promise<void>;
  /** Moves the cursor forward (never back) and saves the counts so far. */
  advance: (id: string, cursor: number, counts: BackupRestoreCounts, publishedVersion: number | null) => Promise<void>;
  finish: (id: string) => Promise<void>;
  /** Takes the restore for one commit call until `until`, unless another call holds it. */
  claim: (id: string, until: Date) => Promise<boolean>;
  release: (id: string) => Promise<void>;
  /** Notes why a commit stopped; best effort. */
  noteError: (id: string, code: string) => Promise<void>;
}
