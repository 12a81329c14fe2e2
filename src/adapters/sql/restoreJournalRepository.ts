/** The `backup_restore` and `backup_restore_chunk` tables (migrations.ts): src/app/ports/restoreJournal.ts. */
import { randomUUID } from 'node:crypto';
import type { BackupRestoreCounts, BackupRestoreState, BackupRestoreStatus } from '../../contract/backup';
import { NO_COUNTS, type RestoreJournal } from '../../app/ports/restoreJournal';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query, queryOne } from './sqlClient';

function countsOf(raw: unknown): BackupRestoreCounts {
  try {
    const v = JSON.parse(typeof raw === 'string' ? raw : 'null') as Partial<BackupRestoreCounts> | null;
    return { ...NO_COUNTS, ...(v ?? {}) };
  } catch {
    return { ...NO_COUNTS };
  }
}

const COLUMNS =
  'id, state, account_id, chunk_count, byte_count, cursor_step, step_count, exported_at, published_version, counts, error_code, created_at, updated_at';

function parse(r: Record<string, unknown>, chunksReceived: number): BackupRestoreStatus {
  return {
    restoreId: String(r['id']),
    state: String(r['state']) as BackupRestoreState,
    accountId: String(r['account_id']),
    chunkCount: Number(r['chunk_count']),
    chunksReceived,
    byteCount: Number(r['byte_count']),
    stepsDone: Number(r['cursor_step']),
    stepCount: Number(r['step_count']),
    exportedAt: typeof r['exported_at'] === 'string' ? r['exported_at'] : null,
    publishedVersion:
      r['published_version'] === null || r['published_version'] === undefined ? null : Number(r['published_version']),
    counts: countsOf(r['counts']),
    errorCode: typeof r['error_code'] === 'string' ? r['error_code'] : null,
    createdAt: fromSqlDateTime(r['created_at']).toISOString(),
    updatedAt: fromSqlDateTime(r['updated_at']).toISOString(),
  };
}

export class SqlRestoreJournal implements RestoreJournal {
  constructor(private readonly now: () => Date) {}

  /**
   * A new restore in `staging`. Earlier restores still staging are abandoned and their chunks dropped
   * (one upload at a time); one left `applying` is abandoned too: the new one converges the site to
   * its own backup, every step being a full overwrite of what it touches.
   */
  async create(accountId: string, chunkCount: number, byteCount: number, sha256: string): Promise<string> {
    await ensureSchema();
    const id = `restore-${randomUUID()}`;
    const now = this.now();
    const stale = await query("SELECT id FROM backup_restore WHERE state IN ('staging', 'applying')", [], (r) =>
      String(r['id']),
    );
    for (const old of stale) {
      await execute("UPDATE backup_restore SET state = 'abandoned', updated_at = ? WHERE id = ?", [now, old]);
      await execute('DELETE FROM backup_restore_chunk WHERE restore_id = ?', [old]);
    }
    await execute(
      `INSERT INTO backup_restore (id, state, account_id, chunk_count, byte_count, sha256, cursor_step, step_count, exported_at, published_version, counts, error_code, created_at, updated_at)
       VALUES (?, 'staging', ?, ?, ?, ?, 0, 0, NULL, NULL, ?, NULL, ?, ?)`,
      [id, accountId, chunkCount, byteCount, sha256, JSON.stringify(NO_COUNTS), now, now],
    );
    return id;
  }

  async get(id: string): Promise<BackupRestoreStatus | undefined> {
    await ensureSchema();
    const received = await this.chunksReceived(id);
    return queryOne(`SELECT ${COLUMNS} FROM backup_restore WHERE id = ?`, [id], (r) => parse(r, received));
  }

  /** The most recent restore, whatever its state. */
  async latest(): Promise<BackupRestoreStatus | undefined> {
    await ensureSchema();
    const id = await queryOne('SELECT id FROM backup_restore ORDER BY created_at DESC, id DESC LIMIT 1', [], (r) =>
      String(r['id']),
    );
    return id === undefined ? undefined : this.get(id);
  }

  /** The SHA-256 of the whole file, as the uploader declared it (hex). */
  async declaredSha256(id: string): Promise<string | undefined> {
    return queryOne('SELECT sha256 FROM backup_restore WHERE id = ?', [id], (r) => String(r['sha256']));
  }

  async chunksReceived(id: string): Promise<number> {
    return (
      (await queryOne('SELECT COUNT(*) AS n FROM backup_restore_chunk WHERE restore_id = ?', [id], (r) =>
        Number(r['n']),
      )) ?? 0
    );
  }

  /** Stores chunk `seq` (a resent chunk replaces the earlier copy: uploads are retried safely). */
  async putChunk(id: string, seq: number, body: string): Promise<void> {
    await execute(
      'INSERT INTO backup_restore_chunk (restore_id, seq, body) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE body = VALUES(body)',
      [id, seq, body],
    );
  }

  /** The staged chunks in order, one query each (a whole file could pass Forge SQL's 4 MiB answer cap). */
  async chunks(id: string, count: number): Promise<{ text: string; missing: number[] }> {
    const present = new Set(
      await query('SELECT seq FROM backup_restore_chunk WHERE restore_id = ?', [id], (r) => Number(r['seq'])),
    );
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !present.has(i));
    if (missing.length > 0) return { text: '', missing };
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      parts.push(
        (await queryOne('SELECT body FROM backup_restore_chunk WHERE restore_id = ? AND seq = ?', [id, i], (r) =>
          String(r['body']),
        )) ?? '',
      );
    }
    return { text: parts.join(''), missing: [] };
  }

  async dropChunks(id: string): Promise<void> {
    await execute('DELETE FROM backup_restore_chunk WHERE restore_id = ?', [id]);
  }

  /** staging → applying, with the plan's size and the backup's date (only from staging: a rerun keeps the cursor). */
  async startApplying(id: string, stepCount: number, exportedAt: string): Promise<void> {
    await execute(
      "UPDATE backup_restore SET state = 'applying', step_count = ?, exported_at = ?, error_code = NULL, updated_at = ? WHERE id = ? AND state = 'staging'",
      [stepCount, exportedAt, this.now(), id],
    );
  }

  /** Moves the cursor forward (never back) and saves the counts so far. */
  async advance(
    id: string,
    cursor: number,
    counts: BackupRestoreCounts,
    publishedVersion: number | null,
  ): Promise<void> {
    await execute(
      'UPDATE backup_restore SET cursor_step = GREATEST(cursor_step, ?), counts = ?, published_version = COALESCE(?, published_version), error_code = NULL, updated_at = ? WHERE id = ?',
      [cursor, JSON.stringify(counts), publishedVersion, this.now(), id],
    );
  }

  async finish(id: string): Promise<void> {
    await execute("UPDATE backup_restore SET state = 'done', cursor_step = step_count, updated_at = ? WHERE id = ?", [
      this.now(),
      id,
    ]);
  }

  /**
   * Takes the restore for one commit call until `until`, unless another call holds it: two tabs
   * resuming at once must not both count the same steps or both publish a table version. A call that
   * dies leaves the lease to run out.
   */
  async claim(id: string, until: Date): Promise<boolean> {
    const now = this.now();
    const res = await execute(
      'UPDATE backup_restore SET lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)',
      [until, id, now],
    );
    return res.affectedRows === 1;
  }

  async release(id: string): Promise<void> {
    await execute('UPDATE backup_restore SET lease_until = NULL WHERE id = ?', [id]).catch(() => undefined);
  }

  /** Notes why a commit stopped; best effort (the platform that failed the step may fail this too). */
  async noteError(id: string, code: string): Promise<void> {
    await execute('UPDATE backup_restore SET error_code = ?, updated_at = ? WHERE id = ?', [
      code.slice(0, 64),
      this.now(),
      id,
    ]).catch(() => undefined);
  }
}
