/**
 * Supervision metrics (pure). The SQL side aggregates (GROUP BY) into the small row shapes below; these
 * functions turn them into what the charts show. `naive*` references over raw facts exist for tests.
 */

/** One issue as the analytics projection holds it (src/app/ports/facts.ts, table itr_issue_fact). */
export interface IssueFact {
  issueId: string;
  issueKey: string;
  projectKey: string;
  kind: string | null;
  grade: string | null;
  classification: string | null;
  product: string | null;
  region: string | null;
  customerTier: string | null;
  ownerAccountId: string | null;
  department: string | null;
  currentLine: string | null;
  createdAt: string;
  resolvedAt: string | null;
  breachedAt: string | null;
  /** Stays the sweep opened by time (escalations by time). */
  escalations: number;
  /** Stays that ended `timed_out`. */
  timeouts: number;
  /** Owner changes by a person (forwarding). */
  forwards: number;
  /** Return-visit satisfaction 1–5, null when not visited. */
  satisfaction: number | null;
}

/**
 * Cycle-time buckets, upper bounds in hours (created → resolved, wall-clock). 20 buckets, finer at the
 * short end where most issues resolve; the last is open-ended. Median and p90 interpolate linearly
 * inside a bucket, so their error is at most the bucket's width (e.g. ±6 h around one day).
 */
export const CYCLE_BUCKET_UPPER_HOURS: readonly number[] = [
  1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160,
];

/** Bucket index (0–19) of a cycle time in minutes (the SQL CASE in src/adapters/sql/factRepository.ts mirrors this). */
export function cycleBucketOf(minutes: number): number {
  const hours = minutes / 60;
  const i = CYCLE_BUCKET_UPPER_HOURS.findIndex((upper) => hours < upper);
  return i < 0 ? CYCLE_BUCKET_UPPER_HOURS.length : i;
}

/** The q-quantile (0–1) of a bucketed distribution in hours; null when empty. */
export function quantileFromBuckets(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    if (c > 0 && seen + c >= rank) {
      const lower = i === 0 ? 0 : (CYCLE_BUCKET_UPPER_HOURS[i - 1] as number);
      const upper = CYCLE_BUCKET_UPPER_HOURS[i];
      if (upper === undefined) return lower; // open-ended last bucket: its lower bound
      return Math.round((lower + ((rank - seen) / c) * (upper - lower)) * 10) / 10;
    }
    seen += c;
  }
  return CYCLE_BUCKET_UPPER_HOURS[CYCLE_BUCKET_UPPER_HOURS.length - 1] as number;
}

export interface CycleStats {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Every bucket, empty ones included, so the chart's x axis is stable. */
  histogram: Array<{ bucket: number; fromHours: number; toHours: number | null; count: number }>;
}

/** Cycle statistics from `{bucket, count}` rows (one GROUP BY). */
export function cycleStats(rows: ReadonlyArray<{ bucket: number; count: number }>): CycleStats {
  const counts = new Array<number>(CYCLE_BUCKET_UPPER_HOURS.length + 1).fill(0);
  for (const r of rows)
    if (r.bucket >= 0 && r.bucket < counts.length) counts[r.bucket] = (counts[r.bucket] ?? 0) + r.count;
  return {
    count: counts.reduce((a, b) => a + b, 0),
    medianHours: quantileFromBuckets(counts, 0.5),
    p90Hours: quantileFromBuckets(counts, 0.9),
    histogram: counts.map((count, bucket) => ({
      bucket,
      fromHours: bucket === 0 ? 0 : (CYCLE_BUCKET_UPPER_HOURS[bucket - 1] as number),
      toHours: CYCLE_BUCKET_UPPER_HOURS[bucket] ?? null,
      count,
    })),
  };
}

/** met / total as a fraction rounded to 0.1 %; null when nothing was due. */
export function attainment(met: number, total: number): number | null {
  return total <= 0 ? null : Math.round((met / total) * 1000) / 1000;
}

/** Grades that count as severe for the "one product, many severe issues" pattern (default table ids). */
export const SEVERE_GRADES: readonly string[] = ['critical', 'major'];

/**
 * Pattern thresholds (the process, section 7: patterns are the value). Each names what it means.
 */
export const PATTERN_THRESHOLDS = {
  /** Severe product: at least this many severe issues in the period (range 2–1000; default 5)… */
  severeProductMinCount: 5,
  /** …and at least this multiple of the mean severe count per product (range 1–10; default 2). */
  severeProductMeanFactor: 2,
  /** One problem across products: one case linked to issues of at least this many products (2–50; default 3). */
  crossProductMinProducts: 3,
  /** Scattered region: at least this many issues in the region (range 2–10000; default 10)… */
  scatteredRegionMinIssues: 10,
  /** …spread over at least this many products (range 2–100; default 4)… */
  scatteredRegionMinProducts: 4,
  /** …with no product holding more than this share of them (range 0–1; default 0.4). */
  scatteredRegionMaxTopShare: 0.4,
  /** Swinging department: at least this many months with data (range 2–36; default 3)… */
  swingMinMonths: 3,
  /** …and a coefficient of variation of monthly counts at least this (range 0–5; default 0.5)… */
  swingMinCv: 0.5,
  /** …over at least this many issues in all (range 1–10000; default 10), so tiny teams do not flag. */
  swingMinIssues: 10,
} as const;

export type PatternThresholds = { -readonly [K in keyof typeof PATTERN_THRESHOLDS]: number };

export interface PatternInput {
  severeByProduct: ReadonlyArray<{ product: string; severe: number }>;
  caseSpread: ReadonlyArray<{ caseId: number; products: number; issues: number }>;
  regionSpread: ReadonlyArray<{ region: string; issues: number; products: number; topProductIssues: number }>;
  departmentMonthly: ReadonlyArray<{ department: string; month: string; count: number }>;
}

export type Pattern =
  | { type: 'severeProduct'; product: string; severe: number; meanPerProduct: number }
  | { type: 'crossProduct'; caseId: number; products: number; issues: number }
  | { type: 'scatteredRegion'; region: string; issues: number; products: number; topShare: number }
  | { type: 'swingingDepartment'; department: string; months: number; cv: number; min: number; max: number };

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The patterns the process names, strongest first within each type. */
export function detectPatterns(input: PatternInput, t: PatternThresholds = PATTERN_THRESHOLDS): Pattern[] {
  const out: Pattern[] = [];
  const severeProducts = input.severeByProduct.filter((p) => p.severe > 0);
  const mean =
    severeProducts.length === 0 ? 0 : severeProducts.reduce((a, p) => a + p.severe, 0) / severeProducts.length;
  for (const p of [...severeProducts].sort((a, b) => b.severe - a.severe)) {
    if (p.severe >= t.severeProductMinCount && p.severe >= t.severeProductMeanFactor * mean) {
      out.push({ type: 'severeProduct', product: p.product, severe: p.severe, meanPerProduct: round(mean) });
    }
  }
  for (const c of [...input.caseSpread].sort((a, b) => b.products - a.products || a.caseId - b.caseId)) {
    if (c.products >= t.crossProductMinProducts)
      out.push({ type: 'crossProduct', caseId: c.caseId, products: c.products, issues: c.issues });
  }
  for (const r of [...input.regionSpread].sort((a, b) => b.issues - a.issues)) {
    const topShare = r.issues === 0 ? 1 : r.topProductIssues / r.issues;
    if (
      r.issues >= t.scatteredRegionMinIssues &&
      r.products >= t.scatteredRegionMinProducts &&
      topShare <= t.scatteredRegionMaxTopShare
    ) {
      out.push({
        type: 'scatteredRegion',
        region: r.region,
        issues: r.issues,
        products: r.products,
        topShare: round(topShare),
      });
    }
  }
  const byDept = new Map<string, number[]>();
  for (const d of input.departmentMonthly) byDept.set(d.department, [...(byDept.get(d.department) ?? []), d.count]);
  const swings: Pattern[] = [];
  for (const [department, counts] of byDept) {
    const total = counts.reduce((a, b) => a + b, 0);
    if (counts.length < t.swingMinMonths || total < t.swingMinIssues) continue;
    const m = total / counts.length;
    const sd = Math.sqrt(counts.reduce((a, c) => a + (c - m) ** 2, 0) / counts.length);
    const cv = m === 0 ? 0 : sd / m;
    if (cv >= t.swingMinCv)
      swings.push({
        type: 'swingingDepartment',
        department,
        months: counts.length,
        cv: round(cv),
        min: Math.min(...counts),
        max: Math.max(...counts),
      });
  }
  swings.sort((a, b) => (b.type === 'swingingDepartment' && a.type === 'swingingDepartment' ? b.cv - a.cv : 0));
  return [...out, ...swings];
}

/** Percentile of plain numbers (nearest-rank); the naive reference for tests. */
export function naiveQuantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Whether the issue met its SLA: resolved without a breach, or breached only after resolving. */
export function slaMet(f: Pick<IssueFact, 'resolvedAt' | 'breachedAt'>): boolean | null {
  if (f.resolvedAt === null) return f.breachedAt === null ? null : false;
  return f.breachedAt === null || Date.parse(f.breachedAt) > Date.parse(f.resolvedAt);
}

/** Weekly summary figures (src/app/analytics/weeklyReport.ts stores one per week). */
export interface WeeklySummary {
  from: string;
  to: string;
  created: number;
  resolved: number;
  open: number;
  breached: number;
  slaAttainment: number | null;
  medianCycleHours: number | null;
  patterns: Pattern[];
}
