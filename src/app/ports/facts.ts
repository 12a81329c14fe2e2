/**
 * The analytics projection: one fact per ITR issue and copies of its line stays, rebuildable from Jira
 * and the histories; chart reads aggregate in storage so a page never pulls raw rows.
 * SQL: src/adapters/sql/factRepository.ts.
 */
import type { AnalyticsFilter, IssueFact } from '../../domain/analytics';

/** Per-issue counts the histories hold (line_history, classification_history, return_visit). */
export interface HistoryCounts {
  escalations: number;
  timeouts: number;
  forwards: number;
  satisfaction: number | null;
}

export type BreakdownDimension = 'product' | 'region' | 'customerTier' | 'month';

export interface BreakdownRow {
  value: string | null;
  count: number;
  resolved: number;
  breached: number;
  severe: number;
}

export interface ProductRegionRow {
  product: string | null;
  region: string | null;
  count: number;
  severe: number;
}

export type PeopleGroup = 'person' | 'department';

export interface PeopleRow {
  key: string | null;
  solved: number;
  gradeMix: Record<string, number>;
  cycleBuckets: number[];
  satisfactionAvg: number | null;
  satisfactionCount: number;
  timeouts: number;
  escalationsReceived: number;
  escalationsCaused: number;
  forwarded: number;
}

export interface FactRepository {
  upsertFacts: (facts: readonly IssueFact[], syncedAt: Date) => Promise<void>;
  deleteFact: (issueId: string) => Promise<void>;
  /** Three GROUP BY reads for a batch of issues (≤ 100 ids per batch in practice). */
  historyCounts: (issueIds: readonly string[]) => Promise<Map<string, HistoryCounts>>;
  volumeRows(
    f: AnalyticsFilter,
  ): Promise<Array<{ period: string; kind: string | null; grade: string | null; count: number }>>;
  slaRows(f: AnalyticsFilter): Promise<Array<{ period: string; resolved: number; met: number; breachedOpen: number }>>;
  /** The page's totals in one pass: created, resolved, resolved within the SLA, and breached while open. */
  totalsRow(f: AnalyticsFilter): Promise<{ created: number; resolved: number; met: number; breachedOpen: number }>;
  /** The projects whose issues a filter counts (the weekly summary records them, to know who may see it as is). */
  countedProjectKeys: (f: AnalyticsFilter) => Promise<string[]>;
  /** Per-line OLA: stays that ended on the line, and those that ended by running out of time. */
  olaRows(f: AnalyticsFilter): Promise<Array<{ line: string; ended: number; timedOut: number }>>;
  cycleRows(f: AnalyticsFilter): Promise<Array<{ bucket: number; count: number }>>;
  breakdownRows: (
    f: AnalyticsFilter,
    dim: BreakdownDimension,
    severeGrades: readonly string[],
  ) => Promise<BreakdownRow[]>;
  caseSpreadRows(f: AnalyticsFilter): Promise<Array<{ caseId: number; products: number; issues: number }>>;
  /** Counts and severe counts per (product, region): one scan feeds two patterns (severe product, scattered region). */
  productRegionRows: (f: AnalyticsFilter, severeGrades: readonly string[]) => Promise<ProductRegionRow[]>;
  departmentMonthlyRows(f: AnalyticsFilter): Promise<Array<{ department: string; month: string; count: number }>>;
  /**
   * Per person (owner) and per department, both from one set of reads (the page shows the two tables
   * together): solved, grade mix and cycle buckets
   * grouped by owner and by department, merged here with escalations received = stays the sweep opened on
   * them (entered_by 'app'), caused = their stays that ended timed_out, forwarded = owner changes away from
   * them (classification_history, old_value = them). Stays and forwards map to a department by `departmentOf`.
   */
  peopleRows: (
    f: AnalyticsFilter,
    departmentOf: (accountId: string) => string | null,
  ) => Promise<Record<PeopleGroup, PeopleRow[]>>;
  /**
   * The gadget's SLA attainment: issues of `projectKeys` (never empty: the caller passes the viewer's
   * browsable projects and skips the query when there are none) resolved in `period`, and those within the SLA.
   */
  slaResolvedIn(
    period: { from: string; to: string },
    projectKeys: readonly string[],
  ): Promise<{ resolved: number; met: number }>;
}
