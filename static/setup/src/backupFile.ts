/**
 * The browser side of a backup file: download by pages into one document, upload in chunks with the
 * file's SHA-256 (checked by the server before anything is written), commit until done.
 * `onProgress` is told how far each phase got; the calls are the typed ones of static/shared/api.ts.
 */
import type { BackupDocument, BackupRestorePreview, BackupRestoreStatus } from '../../../src/contract/backup';
import { saveFile } from '../../shared/saveFile';
import { call } from '../../shared/api';
import { splitIntoChunks } from './backupChunks';

export async function downloadBackup(
  onProgress: (done: number, total: number) => void,
): Promise<{ doc: BackupDocument; configKeys: number }> {
  let page = await call('exportBackupPage', {});
  const header = page.header;
  if (header === undefined) throw new Error('the first export page has no header');
  const doc: BackupDocument = {
    format: header.format,
    schemaVersion: header.schemaVersion,
    exportedAt: header.exportedAt,
    exportedBy: header.exportedBy,
    config: {},
    cases: [],
  };
  for (;;) {
    Object.assign(doc.config, page.config);
    doc.cases.push(...page.cases);
    onProgress(doc.cases.length, Math.max(header.cases, doc.cases.length));
    if (page.next === null) return { doc, configKeys: Object.keys(doc.config).length };
    page = await call('exportBackupPage', { cursor: page.next });
  }
}

/** Offers `doc` to the browser as a file download. */
export function saveAsFile(doc: BackupDocument): void {
  saveFile(`itr-backup-${doc.exportedAt.replace(/[:.]/g, '-')}.json`, [JSON.stringify(doc)], 'application/json');
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stages `text` on the server chunk by chunk and answers the preview of what it would change. */
export async function uploadBackup(
  text: string,
  onProgress: (done: number, total: number) => void,
): Promise<BackupRestorePreview> {
  const chunks = splitIntoChunks(text);
  const started = await call('startBackupRestore', {
    chunkCount: chunks.length,
    byteCount: new TextEncoder().encode(text).length,
    sha256: await sha256Hex(text),
  });
  for (const [index, chunk] of chunks.entries()) {
    onProgress(index, chunks.length);
    await call('uploadBackupChunk', { restoreId: started.restoreId, index, text: chunk });
  }
  onProgress(chunks.length, chunks.length);
  return call('previewBackupRestore', { restoreId: started.restoreId });
}

/** Wait before asking again when an answer made no progress (another call holds the restore). */
const BUSY_WAIT_MS = 2000;

/** Commits (or resumes) a restore until it is done, reporting each answer. */
export async function commitBackup(
  restoreId: string,
  onProgress: (status: BackupRestoreStatus) => void,
): Promise<BackupRestoreStatus> {
  let status = await call('commitBackupRestore', { restoreId, confirm: true });
  onProgress(status);
  while (status.state === 'applying') {
    const before = status.stepsDone;
    status = await call('commitBackupRestore', { restoreId, confirm: true });
    onProgress(status);
    if (status.state === 'applying' && status.stepsDone === before)
      await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
  }
  return status;
}
