import { csvCell } from '../../shared/csvCell';
import { saveFile } from '../../shared/saveFile';

/** CSV (RFC 4180) of a table, with a BOM so spreadsheet apps read Chinese text as UTF-8. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Downloads CSV text as a file. */
export function download(fileName: string, text: string): void {
  saveFile(fileName, [text], 'text/csv;charset=utf-8');
}
