/**
 * Offers `parts` to the browser as a downloaded file (a Blob URL on a temporary link), the one way the
 * apps save files: CSV exports, the glossary, the backup. The URL is released after a minute, long
 * enough for a slow save dialog.
 */
export function saveFile(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
