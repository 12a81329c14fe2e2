/**
 * Supervision (analytics), the dashboard gadget and hand-off to R&D / sales: payloads and results of
 * the `supervision-resolver`, `supervision-gadget-resolver` and hand-off functions.
 */
import type { LocalizedText } from '../domain';
import type { Pattern } from '../domain/analytics/metrics';
import type { JobFailure, JobStatus } from './jobs';
import type { CaseHabitChart, LineOutcomeChart } from './caseHabit';

export type { Pattern };

export type AnalyticsFilterDto = {
  from: string;
  to: string;
  projectKeys?: string[];
  kinds?: string[];
  grades?: string[];
  granularity?: 'day' | 'week' | 'month';
};

/**
 * Labels of the grading-table codes a chart holds (grade ids, customer-tier option ids), as the table in
 * force names them: the admin edits that table, so the page cannot translate them from its catalogue.
 */
export type CodeLabels = Record<string, LocalizedText>;

/** A number with the JQL of the issues behind it. */
export interface Drill {
  value: number;
  jql: string;
}

export interface VolumeSeries {
  periods: string[];
  /** One series per kind (null kind = "none"), counts per period. */
  byKind: Array<{ kind: string | null; counts: Drill[] }>;
  byGrade: Array<{ grade: string | null; counts: Drill[] }>;
  /** The grades of `byGrade` the grading table in force names. */
  gradeLabels: CodeLabels;
}

export interface SlaPoint {
  period: string;
  resolved: Drill;
  met: Drill;
  attainment: number | null;
  breachedOpen: Drill;
}

export interface OlaLine {
  line: string;
  ended: number;
  timedOut: number;
  attainment: number | null;
  jql: string;
}

export interface CycleDto {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
  histogram: Array<{ fromHours: number; toHours: number | null; count: number }>;
}

export interface BreakdownDto {
  dimension: 'product' | 'region' | 'customerTier' | 'month';
  rows: Array<{ value: string | null; count: Drill; resolved: number; breached: number; severe: number }>;
  /** Customer tiers by the grading table's option names; empty for products, regions (free text) and months. */
  labels: CodeLabels;
}

export interface PeopleDto {
  group: 'person' | 'department';
  rows: Array<{
    key: string | null;
    /** A person's display name, or the department; null for a person Jira no longer knows (the UI says "Unknown user"). */
    label: string | null;
    solved: Drill;
    gradeMix: Record<string, number>;
    medianCycleHours: number | null;
    satisfactionAvg: number | null;
    timeouts: number;
    escalationsReceived: number;
    escalationsCaused: number;
    forwarded: number;
  }>;
  /** The grades of the rows' `gradeMix` the grading table in force names. */
  gradeLabels: CodeLabels;
}

export interface TotalsDto {
  created: Drill;
  resolved: Drill;
  open: Drill;
  breached: Drill;
  slaAttainment: number | null;
}

/**
 * The charts of the supervision page, each asked for by its own `getSupervisionChart` call so the page
 * draws each one as soon as its answer arrives (the names are the page's and the benchmark's).
 * `volume` feeds two charts (by kind and by grade) from one query; `people` the per-person and the
 * per-department tables from one set of reads.
 */
export type SupervisionChartName =
  | 'totals'
  | 'volume'
  | 'sla'
  | 'ola'
  | 'cycle'
  | 'breakdown-product'
  | 'breakdown-region'
  | 'breakdown-customerTier'
  | 'breakdown-month'
  | 'patterns'
  | 'people'
  | 'caseHabit'
  | 'lineOutcomes';

export interface SupervisionChartData {
  totals: TotalsDto;
  volume: VolumeSeries;
  sla: SlaPoint[];
  ola: OlaLine[];
  cycle: CycleDto;
  'breakdown-product': BreakdownDto;
  'breakdown-region': BreakdownDto;
  'breakdown-customerTier': BreakdownDto;
  'breakdown-month': BreakdownDto;
  patterns: Array<Pattern & { jql: string | null }>;
  /** null when the caller's role may not see per-person figures. */
  people: { person: PeopleDto; department: PeopleDto } | null;
  /** null when the caller's role may not see per-person figures (as `people`). */
  caseHabit: CaseHabitChart | null;
  lineOutcomes: LineOutcomeChart;
}

/** One chart's answer: `data` as the chart named in the request needs it, and the server's query time. */
export type SupervisionChart = {
  [K in SupervisionChartName]: { chart: K; data: SupervisionChartData[K]; queryMs: number };
}[SupervisionChartName];

export type SupervisionChartRequest = {
  chart: SupervisionChartName;
  filter: AnalyticsFilterDto;
  /**
   * An id the page draws once per load: the server reuses the caller's permission answers from Jira
   * for the calls of one load. Only a cache key (beside the caller's own accountId), never a grant.
   */
  loadId?: string;
};

/** An issue the projection could not write, with the reason (a stable code and the detail). */
export interface SkippedIssue {
  issueKey: string;
  code: string;
  detail: string;
}

/** How many skipped issues a job keeps for the page (the count goes on). */
export const BACKFILL_SKIPS_SHOWN = 20;

export interface BackfillProgress {
  jobId: string;
  status: JobStatus;
  /** Why the job stopped, when `status` is `failed`. */
  failure?: JobFailure;
  processed: number;
  projected: number;
  /** Issues read but not projected (a value its column cannot hold, a row the database refused); absent on older jobs. */
  skipped?: number;
  /** The first few skipped issues and why (at most `BACKFILL_SKIPS_SHOWN`). */
  skippedIssues?: SkippedIssue[];
  pages: number;
  jiraRequests: number;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
}

export interface WeeklyReportDto {
  generatedAt: string;
  from: string;
  to: string;
  created: number;
  resolved: number;
  open: number;
  breached: number;
  slaAttainment: number | null;
  medianCycleHours: number | null;
  patterns: Pattern[];
  /** True when the stored summary counted projects this viewer may not browse, so it was recomputed for theirs. */
  scopedToViewer: boolean;
}

export interface GadgetNumbers {
  open: Drill;
  breached: Drill;
  dueToday: Drill;
  slaAttainmentThisMonth: number | null;
}

export interface HandoffItem {
  key: string;
  target: 'rnd' | 'sales';
  summary: string;
  status: string | null;
}

export interface SupervisionFunctions {
  getSupervisionChart: { payload: SupervisionChartRequest; result: SupervisionChart };
  getWeeklyReport: { payload: { loadId?: string }; result: WeeklyReportDto | null };
  startAnalyticsBackfill: { payload: Record<string, never>; result: BackfillProgress };
  getAnalyticsBackfill: { payload: Record<string, never>; result: BackfillProgress | null };
  getGadgetNumbers: { payload: Record<string, never>; result: GadgetNumbers };
  sendHandoff: { payload: { issueKey: string; target: 'rnd' | 'sales' }; result: HandoffItem };
  listHandoffs: { payload: { issueKey: string }; result: HandoffItem[] };
}
