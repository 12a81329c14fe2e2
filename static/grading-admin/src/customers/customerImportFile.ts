/**
 * The Customers subpage's import, as the setup page's backup restore: the CSV read as text, split
 * into chunks under the resolver payload cap (the backup's splitter: never inside a surrogate pair),
 * uploaded with its size and SHA-256, then previewed. The server checks every row before any write.
 */
import type { CustomerImportPreview } from '../../../../src/contract/customers';
import { call } from '../../../shared/api';
import { splitIntoChunks } from '../../../setup/src/backupChunks';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Uploads `text` in chunks (`onProgress(done, total)` after each) and answers the server's preview. */
export async function uploadCustomerCsv(
  text: string,
  onProgress: (done: number, total: number) => void,
): Promise<CustomerImportPreview> {
  const chunks = splitIntoChunks(text);
  const started = await call('startCustomerImport', {
    chunkCount: chunks.length,
    byteCount: new TextEncoder().encode(text).length,
    sha256: await sha256Hex(text),
  });
  onProgress(0, chunks.length);
  for (const [index, chunk] of chunks.entries()) {
    await call('uploadCustomerImportChunk', { importId: started.importId, index, text: chunk });
    onProgress(index + 1, chunks.length);
  }
  return call('previewCustomerImport', { importId: started.importId });
}
