/**
 * Splitting a backup file into upload chunks: each at most `max` UTF-16 units (the server's
 * UPLOAD_CHUNK_MAX_CHARS), never between the two halves of a surrogate pair (a lone half is not
 * valid text and would be stored as a replacement character). Joined in order they are the file.
 */
export const UPLOAD_CHUNK_CHARS = 64 * 1024;

export function splitIntoChunks(text: string, max: number = UPLOAD_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + max);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
