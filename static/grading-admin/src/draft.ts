/** Draft editing helpers: immutable updates by path, and the text forms of calendar windows. */
export type Key = string | number;

/** A copy of `root` with `value` at `path` (`undefined` removes an object key). */
export function setIn<T>(root: T, path: readonly Key[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const current = root as unknown;
  if (Array.isArray(current)) {
    const copy: unknown[] = [...(current as unknown[])];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = typeof current === 'object' && current !== null ? { ...(current as Record<string, unknown>) } : {};
  const next = setIn(obj[head], rest, value);
  if (next === undefined) delete obj[head];
  else obj[head] = next;
  return obj as T;
}

export function getIn(root: unknown, path: readonly Key[]): unknown {
  let v = root;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<Key, unknown>)[k] : undefined;
  return v;
}

/** `[["09:00","12:00"],["13:30","18:00"]]` ↔ "09:00-12:00, 13:30-18:00"; unparseable parts stay as written. */
export function formatWindows(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((w) => (Array.isArray(w) ? `${String(w[0] ?? '')}-${String(w[1] ?? '')}` : String(w))).join(', ');
}

export function parseWindows(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–~]\s*/);
      return [start.trim(), end.trim()];
    });
}

/** Dates separated by commas, spaces or new lines. */
export function parseList(text: string): string[] {
  return text.split(/[\s,，]+/).filter((s) => s !== '');
}

/** `{ "2026-10-10": [["09:00","18:00"]], "2026-10-01": [] }` ↔ lines "2026-10-10: 09:00-18:00", "2026-10-01: off". */
export function formatOverrides(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value as Record<string, unknown>)
    .map(
      ([date, windows]) =>
        `${date}: ${Array.isArray(windows) && windows.length === 0 ? 'off' : formatWindows(windows)}`,
    )
    .join('\n');
}

export function parseOverrides(text: string): Record<string, Array<[string, string]>> {
  const out: Record<string, Array<[string, string]>> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const date = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim();
    const rest = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
    out[date] = /^(off|休|休息)$/i.test(rest) || rest === '' ? [] : parseWindows(rest);
  }
  return out;
}

/** Sets the value at `path` of the draft (undefined removes it): how every field of the editor writes. */
export type Edit = (path: readonly Key[], value: unknown) => void;
