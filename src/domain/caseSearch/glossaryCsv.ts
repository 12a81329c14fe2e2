/**
 * The admin's product glossary as a CSV file (import and export on the admin page): a header row
 * `en,zh`, then one English word or phrase and its Chinese equivalent a row (RFC 4180 quoting, UTF-8,
 * an optional byte-order mark). A file is taken whole or refused whole with every row's problem.
 */
import { parseCsvRecords } from '../customer/customerCsv';
import { checkGlossary, GLOSSARY_MAX_ENTRIES, type GlossaryEntry, type GlossaryProblemCode } from './bilingual';

/** Largest file accepted, in UTF-16 code units of its text. 1,000 rows of two 40-character words fit with room. */
export const GLOSSARY_CSV_MAX_CHARS = 200_000;

export type GlossaryCsvProblemCode = GlossaryProblemCode | 'CSV_HEADER' | 'CSV_COLUMNS' | 'CSV_QUOTE';
/** A problem of the file; `row` is the row of the file, the header being row 1. */
export interface GlossaryCsvProblem {
  row: number;
  code: GlossaryCsvProblemCode;
}
export type GlossaryCsvCheck =
  | { ok: true; entries: GlossaryEntry[] }
  | { ok: false; tooLarge: boolean; tooMany: boolean; problems: GlossaryCsvProblem[] };

/**
 * Reads a glossary file. Blank rows are skipped; each other row needs exactly two fields.
 * @example parseGlossaryCsv('en,zh\nFalcon POS,猎鹰收银\n') // { ok: true, entries: [{ en: 'Falcon POS', zh: '猎鹰收银' }] }
 */
export function parseGlossaryCsv(text: string): GlossaryCsvCheck {
  if (text.length > GLOSSARY_CSV_MAX_CHARS) return { ok: false, tooLarge: true, tooMany: false, problems: [] };
  const parsed = parseCsvRecords(text);
  if ('unterminatedAt' in parsed)
    return {
      ok: false,
      tooLarge: false,
      tooMany: false,
      problems: [{ row: parsed.unterminatedAt, code: 'CSV_QUOTE' }],
    };
  const [header, ...records] = parsed.records;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  if (names.length !== 2 || names[0] !== 'en' || names[1] !== 'zh')
    return { ok: false, tooLarge: false, tooMany: false, problems: [{ row: 1, code: 'CSV_HEADER' }] };
  const rows: Array<{ en: string; zh: string }> = [];
  const fileRow: number[] = [];
  const problems: GlossaryCsvProblem[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    if (r.every((f) => f.trim() === '')) return;
    if (r.length !== 2) problems.push({ row, code: 'CSV_COLUMNS' });
    else {
      rows.push({ en: uncell(r[0] as string), zh: uncell(r[1] as string) });
      fileRow.push(row);
    }
  });
  if (rows.length > GLOSSARY_MAX_ENTRIES) return { ok: false, tooLarge: false, tooMany: true, problems: [] };
  const checked = checkGlossary(rows);
  if (checked.ok && problems.length === 0) return { ok: true, entries: checked.entries };
  const all = [
    ...problems,
    ...(checked.ok ? [] : checked.problems.map((p) => ({ row: fileRow[p.row - 1] ?? p.row, code: p.code }))),
  ];
  return { ok: false, tooLarge: false, tooMany: false, problems: all.sort((a, b) => a.row - b.row).slice(0, 50) };
}

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection") is written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Undoes `cell`'s apostrophe, so an exported file imports back unchanged. */
function uncell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** The glossary as a file `parseGlossaryCsv` reads back unchanged (header `en,zh`, CRLF rows). */
export function writeGlossaryCsv(entries: readonly GlossaryEntry[]): string {
  return ['en,zh', ...entries.map((e) => `${cell(e.en)},${cell(e.zh)}`)].join('\r\n') + '\r\n';
}
