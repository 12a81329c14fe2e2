/**
 * The customer and installed-product CSV an admin imports (src/app/customers): parsing (RFC 4180:
 * quoted fields, doubled quotes, CRLF or LF, an optional UTF-8 BOM) and the check of every row. The
 * file is all or nothing: any problem refuses it whole, so the result lists every problem found
 * (the first CSV_MAX_REPORTED of them, and how many there are).
 *
 * Columns (header row required, in any order, names as below, case and spaces ignored):
 *   customer_id, name, tier, region, product, serial, warranty_end (YYYY-MM-DD), compliant
 *   (yes/no, true/false, 1/0, 是/否), contact_name, contact_email (the last two may be empty).
 * One row per installed product; a customer's own columns (name, tier, region, contact) repeat on
 * each of its rows and must agree. (customer_id, serial) is the key a re-import upserts by.
 */
import { parseIsoDate } from '../calendar/civilDate';

export const CUSTOMER_CSV_COLUMNS = [
  'customer_id',
  'name',
  'tier',
  'region',
  'product',
  'serial',
  'warranty_end',
  'compliant',
  'contact_name',
  'contact_email',
] as const;
export type CustomerCsvColumn = (typeof CUSTOMER_CSV_COLUMNS)[number];

/** Most data rows of one file. Range 1–200,000; default 100,000 (twice the 50,000 a site is expected to hold). */
export const CSV_MAX_ROWS = 100_000;
/** Problems listed in a refusal (all are counted). Range 1–1,000; default 200: enough to fix a pattern, small in a payload. */
export const CSV_MAX_REPORTED = 200;

/** Longest value of each column (characters). */
export const CSV_MAX_LENGTH: Record<CustomerCsvColumn, number> = {
  customer_id: 64,
  name: 200,
  tier: 32,
  region: 64,
  product: 200,
  serial: 128,
  warranty_end: 10,
  compliant: 16,
  contact_name: 200,
  contact_email: 254,
};

const OPTIONAL: ReadonlySet<CustomerCsvColumn> = new Set(['contact_name', 'contact_email']);

export const CsvErrorCode = {
  Quote: 'CSV_QUOTE_UNTERMINATED',
  Header: 'CSV_HEADER_INVALID',
  Empty: 'CSV_EMPTY',
  TooManyRows: 'CSV_TOO_MANY_ROWS',
  ColumnCount: 'CSV_COLUMN_COUNT',
  Required: 'CSV_REQUIRED',
  TooLong: 'CSV_TOO_LONG',
  Id: 'CSV_ID_INVALID',
  Date: 'CSV_DATE_INVALID',
  Flag: 'CSV_FLAG_INVALID',
  Email: 'CSV_EMAIL_INVALID',
  Duplicate: 'CSV_DUPLICATE',
  Inconsistent: 'CSV_CUSTOMER_INCONSISTENT',
} as const;
export type CsvErrorCode = (typeof CsvErrorCode)[keyof typeof CsvErrorCode];

/** One problem: `row` is the record's number counting the header as 1 (what a spreadsheet shows). */
export interface CsvRowError {
  row: number;
  column: CustomerCsvColumn | null;
  code: CsvErrorCode;
  params?: Record<string, string | number>;
}

export interface CustomerRow {
  customerId: string;
  name: string;
  tier: string;
  region: string;
  product: string;
  serial: string;
  warrantyEnd: string;
  compliant: boolean;
  contactName: string | null;
  contactEmail: string | null;
}

export type CsvCheck =
  | { ok: true; rows: CustomerRow[]; customers: number }
  | { ok: false; errors: CsvRowError[]; errorCount: number; rowCount: number };

/** RFC 4180 records; `null` with the record where a quoted field never ends. */
export function parseCsvRecords(text: string): { records: string[][] } | { unterminatedAt: number } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const n = s.length;
  while (i < n) {
    if (quoted) {
      const q = s.indexOf('"', i);
      if (q < 0) return { unterminatedAt: records.length + 1 };
      field += s.slice(i, q);
      if (s[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const c = s[i] as string;
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) return { unterminatedAt: records.length + 1 };
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return { records };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const FLAG: Record<string, boolean> = {
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
  y: true,
  n: false,
  是: true,
  否: false,
};

/** `true`/`false` of a compliance cell, or undefined. */
export function parseFlag(cell: string): boolean | undefined {
  return FLAG[cell.trim().toLowerCase()];
}

const headerName = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Checks a whole file; every problem is counted, the first CSV_MAX_REPORTED listed. */
export function checkCustomerCsv(text: string, maxRows: number = CSV_MAX_ROWS): CsvCheck {
  const errors: CsvRowError[] = [];
  let errorCount = 0;
  const fail = (e: CsvRowError): void => {
    errorCount++;
    if (errors.length < CSV_MAX_REPORTED) errors.push(e);
  };
  const parsed = parseCsvRecords(text);
  if ('unterminatedAt' in parsed) {
    fail({ row: parsed.unterminatedAt, column: null, code: CsvErrorCode.Quote });
    return { ok: false, errors, errorCount, rowCount: 0 };
  }
  // Blank lines (a trailing newline, an empty line between rows) are not rows.
  const records = parsed.records
    .map((r, i) => ({ r, row: i + 1 }))
    .filter(({ r }) => !(r.length === 1 && (r[0] as string).trim() === ''));
  const header = records[0];
  if (header === undefined) {
    fail({ row: 1, column: null, code: CsvErrorCode.Empty });
    return { ok: false, errors, errorCount, rowCount: 0 };
  }
  const names = header.r.map(headerName);
  const index = new Map<CustomerCsvColumn, number>();
  for (const [i, nm] of names.entries()) {
    if (!(CUSTOMER_CSV_COLUMNS as readonly string[]).includes(nm) || index.has(nm as CustomerCsvColumn))
      fail({ row: header.row, column: null, code: CsvErrorCode.Header, params: { column: nm.slice(0, 40) } });
    else index.set(nm as CustomerCsvColumn, i);
  }
  for (const col of CUSTOMER_CSV_COLUMNS)
    if (!index.has(col) && !OPTIONAL.has(col))
      fail({ row: header.row, column: col, code: CsvErrorCode.Header, params: { column: col } });
  const data = records.slice(1);
  if (errorCount > 0) return { ok: false, errors, errorCount, rowCount: data.length };
  if (data.length === 0) {
    fail({ row: 2, column: null, code: CsvErrorCode.Empty });
    return { ok: false, errors, errorCount, rowCount: 0 };
  }
  if (data.length > maxRows) {
    fail({
      row: (data[maxRows] as { row: number }).row,
      column: null,
      code: CsvErrorCode.TooManyRows,
      params: { max: maxRows },
    });
    return { ok: false, errors, errorCount, rowCount: data.length };
  }
  const rows: CustomerRow[] = [];
  const firstOfKey = new Map<string, number>();
  const customers = new Map<string, { row: number; sig: string }>();
  for (const { r, row } of data) {
    if (r.length !== names.length) {
      fail({ row, column: null, code: CsvErrorCode.ColumnCount, params: { expected: names.length, found: r.length } });
      continue;
    }
    const cell = (c: CustomerCsvColumn): string => {
      const i = index.get(c);
      return i === undefined ? '' : (r[i] as string).trim();
    };
    let bad = false;
    const v = {} as Record<CustomerCsvColumn, string>;
    for (const col of CUSTOMER_CSV_COLUMNS) {
      const x = cell(col);
      v[col] = x;
      if (x === '') {
        if (!OPTIONAL.has(col)) {
          fail({ row, column: col, code: CsvErrorCode.Required });
          bad = true;
        }
        continue;
      }
      if (x.length > CSV_MAX_LENGTH[col]) {
        fail({ row, column: col, code: CsvErrorCode.TooLong, params: { max: CSV_MAX_LENGTH[col] } });
        bad = true;
        continue;
      }
      let ok = true;
      if (col === 'customer_id' || col === 'serial') ok = ID.test(x);
      else if (col === 'warranty_end') ok = parseIsoDate(x) !== undefined;
      else if (col === 'compliant') ok = parseFlag(x) !== undefined;
      else if (col === 'contact_email') ok = EMAIL.test(x);
      if (!ok) {
        const code =
          col === 'warranty_end'
            ? CsvErrorCode.Date
            : col === 'compliant'
              ? CsvErrorCode.Flag
              : col === 'contact_email'
                ? CsvErrorCode.Email
                : CsvErrorCode.Id;
        fail({ row, column: col, code });
        bad = true;
      }
    }
    if (bad) continue;
    const key = `${v.customer_id}\u0000${v.serial}`;
    const first = firstOfKey.get(key);
    if (first !== undefined) {
      fail({ row, column: 'serial', code: CsvErrorCode.Duplicate, params: { firstRow: first } });
      continue;
    }
    firstOfKey.set(key, row);
    const sig = [v.name, v.tier, v.region, v.contact_name, v.contact_email].join('\u0000');
    const seen = customers.get(v.customer_id);
    if (seen !== undefined && seen.sig !== sig) {
      fail({ row, column: 'customer_id', code: CsvErrorCode.Inconsistent, params: { firstRow: seen.row } });
      continue;
    }
    if (seen === undefined) customers.set(v.customer_id, { row, sig });
    rows.push({
      customerId: v.customer_id,
      name: v.name,
      tier: v.tier,
      region: v.region,
      product: v.product,
      serial: v.serial,
      warrantyEnd: v.warranty_end,
      compliant: parseFlag(v.compliant) as boolean,
      contactName: v.contact_name === '' ? null : v.contact_name,
      contactEmail: v.contact_email === '' ? null : v.contact_email,
    });
  }
  if (errorCount > 0) return { ok: false, errors, errorCount, rowCount: data.length };
  return { ok: true, rows, customers: customers.size };
}
