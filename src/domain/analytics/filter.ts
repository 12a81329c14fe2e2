/**
 * What the supervision page asks for: a period (created in [from, to), UTC instants) and optional
 * project, kind and grade filters. Pure: no clock; "this month" is computed by the caller from `now`.
 */
export type Granularity = 'day' | 'week' | 'month';

export interface AnalyticsFilter {
  /** Inclusive start, ISO instant. */
  from: string;
  /** Exclusive end, ISO instant. */
  to: string;
  projectKeys: readonly string[];
  kinds: readonly string[];
  grades: readonly string[];
  granularity: Granularity;
}

export type FilterError = { code: 'ANALYTICS_BAD_FILTER'; message: string; path: string };

/** Longest period one query may cover: 3 years (range 1–3650 days), so one chart stays one bounded scan. */
export const MAX_PERIOD_DAYS = 366 * 3;
/** At most this many values per list filter (IN lists stay short; JQL stays under Jira's URL limits). */
export const MAX_FILTER_VALUES = 50;

const ID = /^[A-Za-z0-9_.-]{1,64}$/;

function list(raw: unknown, path: string): readonly string[] | FilterError {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > MAX_FILTER_VALUES || !raw.every((v) => typeof v === 'string' && ID.test(v))) {
    return { code: 'ANALYTICS_BAD_FILTER', message: `${path} must be up to ${MAX_FILTER_VALUES} ids`, path };
  }
  return raw as string[];
}

/** Parses and validates an untrusted filter (a resolver payload). */
export function parseFilter(raw: unknown): AnalyticsFilter | FilterError {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const from = typeof r['from'] === 'string' ? Date.parse(r['from']) : NaN;
  const to = typeof r['to'] === 'string' ? Date.parse(r['to']) : NaN;
  if (Number.isNaN(from)) return { code: 'ANALYTICS_BAD_FILTER', message: 'from must be an ISO instant', path: 'from' };
  if (Number.isNaN(to) || to <= from)
    return { code: 'ANALYTICS_BAD_FILTER', message: 'to must be an ISO instant after from', path: 'to' };
  if (to - from > MAX_PERIOD_DAYS * 86_400_000)
    return { code: 'ANALYTICS_BAD_FILTER', message: `the period is at most ${MAX_PERIOD_DAYS} days`, path: 'to' };
  const granularity = r['granularity'] === undefined ? 'month' : r['granularity'];
  if (granularity !== 'day' && granularity !== 'week' && granularity !== 'month') {
    return { code: 'ANALYTICS_BAD_FILTER', message: 'granularity must be day, week or month', path: 'granularity' };
  }
  const projectKeys = list(r['projectKeys'], 'projectKeys');
  if ('code' in projectKeys) return projectKeys;
  const kinds = list(r['kinds'], 'kinds');
  if ('code' in kinds) return kinds;
  const grades = list(r['grades'], 'grades');
  if ('code' in grades) return grades;
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    projectKeys,
    kinds,
    grades,
    granularity,
  };
}

export function isFilterError(v: AnalyticsFilter | FilterError): v is FilterError {
  return 'code' in v;
}

/** Start of the UTC month containing `now`, and of the next one: "this month" for the gadget and report. */
export function monthOf(now: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The 7 days ending at `now` (the weekly report's window). */
export function weekEndingAt(now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - 7 * 86_400_000).toISOString(), to: now.toISOString() };
}
