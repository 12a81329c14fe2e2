/**
 * A `LIMIT` written into SQL text must be an integer the app chose: a count from a payload may be
 * 2.5, NaN, a string or huge. Rounds down, falls back when it is not a finite number, and clamps to
 * 1..max, so the text is always digits (never a placeholder TiDB would have to type, never input).
 */
export function sqlLimit(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.min(Math.max(1, Math.floor(max)), Math.max(1, n));
}
