/**
 * One CSV (RFC 4180) cell of an export: quoted when it holds a quote, comma or line break; text a
 * spreadsheet would run as a formula (OWASP "CSV injection": a leading = + - @, tab or CR) is written
 * with a leading apostrophe. Numbers are left as they are (a negative number stays a number).
 */
export function csvCell(v: string | number | null): string {
  const s = v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
