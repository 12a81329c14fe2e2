/**
 * A count of rows a caller asked for, made safe: a count from a payload may be 2.5, NaN, a string or
 * huge. Rounds down, falls back when it is not a finite number, and clamps to 1..max, so the result is
 * always a small positive integer (SQL adapters write it into `LIMIT` as digits).
 */
export function pageLimit(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.min(Math.max(1, Math.floor(max)), Math.max(1, n));
}
