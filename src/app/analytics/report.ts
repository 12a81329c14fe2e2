/**
 * The supervision page's charts: each one from its own GROUP BY queries on the projection, asked for by
 * its own call (so the page draws each chart as soon as its answer arrives), each number with the JQL of
 * its issues (src/domain/analytics/jql.ts). Every aggregate counts only projects the caller may browse;
 * per-person and per-department tables only for callers the settings allow (Jira admins always). Both
 * are asked of Jira as the calling user (see callerScope.ts), never taken from the payload.
 */
import { namesOf } from '../people/displayNames';
import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import { ConfigStore } from '../../adapters/kvs';
import {
  attainment,
  cycleStats,
  detectPatterns,
  drillDownJql,
  quantileFromBuckets,
  SEVERE_GRADES,
  type AnalyticsFilter,
  type DrillDimension,
  type DrillFieldIds,
  type Pattern,
} from '../../domain/analytics';
import { shortLabel, type GradingTable } from '../../domain';
import type {
  BreakdownDto,
  CodeLabels,
  Drill,
  PeopleDto,
  SupervisionChart,
  SupervisionChartData,
  SupervisionChartName,
  WeeklyReportDto,
} from '../../contract/analytics';
import { loadItrConfig } from '../config/itrConfig';
import { lookUpFieldIds } from '../fields/fieldIds';
import { loadAnalyticsSettings, type AnalyticsSettings } from './settings';
import { CallerScopes, type CallerScope } from './callerScope';
import { repositories } from '../ports';
import type { BreakdownDimension } from '../ports/facts';
import { regionSpread, severeByProduct } from './productRegion';
import { caseHabitChart, lineOutcomesChart } from './habitCharts';

export interface ReportDeps {
  /** Jira as the resolver's caller (`asUser()`). */
  asCaller(): JiraClient;
  fieldIds(): Promise<DrillFieldIds>;
  settings(): Promise<AnalyticsSettings>;
  /** The grading table in force: it names the grades and customer tiers the charts show. */
  gradingTable(): Promise<GradingTable>;
  nowMs(): number;
  /** Display names of people by account id (unknown ids are left out). */
  displayNames(accountIds: string[]): Promise<ReadonlyMap<string, string | null>>;
  /** Permission answers per page load (shared by the calls of one load). */
  scopes: CallerScopes;
  /** Each line's target share of resolution (KVS, src/app/settings/lineTargets.ts); read from KVS when absent. */
  lineTargets?(): Promise<Readonly<Record<string, number>>>;
}

/** One cache per warm function instance: the calls of one page load often land on the same instance. */
const platformScopes = new CallerScopes();

export const platformReportDeps = (): ReportDeps => ({
  asCaller: () => jiraAsUser(),
  fieldIds: () => lookUpFieldIds(jiraAsApp()),
  settings: async () => (await loadAnalyticsSettings(new ConfigStore())).value,
  gradingTable: async () => (await loadItrConfig()).gradingTable,
  nowMs: () => Date.now(),
  displayNames: (accountIds) => namesOf(jiraAsApp(), accountIds),
  scopes: platformScopes,
});

/** Adds a day/week/month to a period label's start (UTC) for the period's drill-down. */
export function periodRange(label: string, g: AnalyticsFilter['granularity']): { from: string; to: string } {
  const start = new Date(g === 'month' ? `${label}-01T00:00:00Z` : `${label}T00:00:00Z`);
  const end = new Date(start);
  if (g === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCDate(end.getUTCDate() + (g === 'week' ? 7 : 1));
  return { from: start.toISOString(), to: end.toISOString() };
}

function patternJql(p: Pattern, filter: AnalyticsFilter, ids: DrillFieldIds): string | null {
  switch (p.type) {
    case 'severeProduct':
      return drillDownJql({ ...filter, grades: SEVERE_GRADES }, ids, [{ dimension: 'product', value: p.product }]);
    case 'scatteredRegion':
      return drillDownJql(filter, ids, [{ dimension: 'region', value: p.region }]);
    case 'crossProduct':
    case 'swingingDepartment':
      return null; // case links and departments are the app's, not Jira fields: no JQL to show
  }
}

/**
 * The project keys the aggregates may count: those the caller may browse, narrowed to the filter's
 * projects when it names some. Empty means nothing may be counted (never "every project", which an
 * empty `projectKeys` means in the SQL filter).
 */
export function countableProjectKeys(browsable: readonly string[], filter: AnalyticsFilter): string[] {
  if (filter.projectKeys.length === 0) return [...browsable];
  const wanted = new Set(filter.projectKeys.map((k) => k.toUpperCase()));
  return browsable.filter((k) => wanted.has(k));
}

/** The patterns the process names, from four reads; shared by the page and the weekly summary. */
async function patternsOf(filter: AnalyticsFilter): Promise<Pattern[]> {
  const [productRegion, caseSpread, departmentMonthly] = await Promise.all([
    repositories().facts.productRegionRows(filter, SEVERE_GRADES),
    repositories().facts.caseSpreadRows(filter),
    repositories().facts.departmentMonthlyRows(filter),
  ]);
  return detectPatterns({
    severeByProduct: severeByProduct(productRegion),
    caseSpread,
    regionSpread: regionSpread(productRegion),
    departmentMonthly,
  });
}

export interface ChartInput {
  filter: AnalyticsFilter;
  /** The filter narrowed to the projects the caller may browse; only read when `none` is false. */
  scoped: AnalyticsFilter;
  none: boolean;
  ids: DrillFieldIds;
  scope: CallerScope;
  deps: ReportDeps;
}

/**
 * The labels of `codes` (grades, or the customer-tier options) in the grading table in force, read once
 * per page load; a code the table no longer has gets none (the page shows it as stored).
 */
async function labelsOf(
  input: ChartInput,
  of: 'grade' | 'customerTier',
  codes: Iterable<string | null>,
): Promise<CodeLabels> {
  const table = await input.scope.shared('gradingTable', () => input.deps.gradingTable());
  const known =
    of === 'grade'
      ? table.grades.map((g) => [g.id, g.label] as const)
      : (table.dimensions.find((d) => d.id === 'customerTier')?.options ?? []).map(
          // An option reads "Strategic: one of the top 20 accounts…": a chart names it by its head.
          (o) => [o.id, shortLabel(o.label)] as const,
        );
  const wanted = new Set(codes);
  return Object.fromEntries(known.filter(([id]) => wanted.has(id)));
}

const drillOf =
  (input: ChartInput) =>
  (value: number, dims: DrillDimension[] = []): Drill => ({ value, jql: drillDownJql(input.filter, input.ids, dims) });

function breakdownChart(dimension: BreakdownDimension) {
  return async (input: ChartInput): Promise<BreakdownDto> => {
    const drill = drillOf(input);
    const rows = input.none ? [] : await repositories().facts.breakdownRows(input.scoped, dimension, SEVERE_GRADES);
    return {
      dimension,
      labels:
        dimension === 'customerTier' && rows.length > 0
          ? await labelsOf(
              input,
              'customerTier',
              rows.map((r) => r.value),
            )
          : {},
      rows: rows.map((r) => ({
        value: r.value,
        count: drill(
          r.count,
          dimension === 'month' && r.value !== null
            ? [{ dimension: 'period', ...periodRange(r.value, 'month') }]
            : dimension === 'month'
              ? []
              : [{ dimension, value: r.value }],
        ),
        resolved: r.resolved,
        breached: r.breached,
        severe: r.severe,
      })),
    };
  };
}

async function peopleChart(input: ChartInput): Promise<SupervisionChartData['people']> {
  const settings = await input.deps.settings();
  if (!(await input.scope.maySeePeople(settings))) return null;
  const drill = drillOf(input);
  const rows = input.none
    ? { person: [], department: [] }
    : await repositories().facts.peopleRows(input.scoped, (a) => settings.departments[a] ?? null);
  // People by name, as Jira shows them; an account Jira no longer knows has no name (never its id).
  const owners = rows.person.flatMap((r) => (r.key === null ? [] : [r.key]));
  const names = owners.length === 0 ? new Map<string, string | null>() : await input.deps.displayNames(owners);
  const toDto = (group: 'person' | 'department'): Omit<PeopleDto, 'gradeLabels'> => ({
    group,
    rows: rows[group].map((r) => ({
      key: r.key,
      label: r.key === null ? '-' : group === 'person' ? names.get(r.key) || null : r.key,
      solved:
        group === 'person'
          ? drill(r.solved, [
              { dimension: 'owner', value: r.key },
              { dimension: 'state', value: 'resolved' },
            ])
          : { value: r.solved, jql: '' },
      gradeMix: r.gradeMix,
      medianCycleHours: quantileFromBuckets(r.cycleBuckets, 0.5),
      satisfactionAvg: r.satisfactionAvg,
      timeouts: r.timeouts,
      escalationsReceived: r.escalationsReceived,
      escalationsCaused: r.escalationsCaused,
      forwarded: r.forwarded,
    })),
  });
  const gradeLabels =
    rows.person.length === 0 && rows.department.length === 0
      ? {}
      : await labelsOf(
          input,
          'grade',
          [...rows.person, ...rows.department].flatMap((r) => Object.keys(r.gradeMix)),
        );
  return { person: { ...toDto('person'), gradeLabels }, department: { ...toDto('department'), gradeLabels } };
}

type ChartBuilders = { [K in SupervisionChartName]: (input: ChartInput) => Promise<SupervisionChartData[K]> };

const CHARTS: ChartBuilders = {
  totals: async (input) => {
    const drill = drillOf(input);
    const t = input.none
      ? { created: 0, resolved: 0, met: 0, breachedOpen: 0 }
      : await repositories().facts.totalsRow(input.scoped);
    return {
      created: drill(t.created),
      resolved: drill(t.resolved, [{ dimension: 'state', value: 'resolved' }]),
      open: drill(t.created - t.resolved, [{ dimension: 'state', value: 'open' }]),
      breached: drill(t.breachedOpen, [
        { dimension: 'state', value: 'open' },
        { dimension: 'state', value: 'breached' },
      ]),
      slaAttainment: attainment(t.met, t.resolved),
    };
  },
  volume: async (input) => {
    const drill = drillOf(input);
    const volume = input.none ? [] : await repositories().facts.volumeRows(input.scoped);
    const periods = [...new Set(volume.map((v) => v.period))].sort();
    const series = <K extends 'kind' | 'grade'>(key: K): Array<{ value: string | null; counts: Drill[] }> =>
      [...new Set(volume.map((v) => v[key]))].map((value) => ({
        value,
        counts: periods.map((p) =>
          drill(
            volume.filter((v) => v.period === p && v[key] === value).reduce((a, v) => a + v.count, 0),
            [
              { dimension: 'period', ...periodRange(p, input.filter.granularity) },
              { dimension: key, value },
            ],
          ),
        ),
      }));
    const byGrade = series('grade').map((s) => ({ grade: s.value, counts: s.counts }));
    return {
      periods,
      byKind: series('kind').map((s) => ({ kind: s.value, counts: s.counts })),
      byGrade,
      gradeLabels:
        byGrade.length === 0
          ? {}
          : await labelsOf(
              input,
              'grade',
              byGrade.map((s) => s.grade),
            ),
    };
  },
  sla: async (input) => {
    const drill = drillOf(input);
    const sla = input.none ? [] : await repositories().facts.slaRows(input.scoped);
    return sla.map((s) => {
      const period = [{ dimension: 'period' as const, ...periodRange(s.period, input.filter.granularity) }];
      return {
        period: s.period,
        resolved: drill(s.resolved, [...period, { dimension: 'state', value: 'resolved' }]),
        met: drill(s.met, [...period, { dimension: 'state', value: 'slaMet' }]),
        attainment: attainment(s.met, s.resolved),
        breachedOpen: drill(s.breachedOpen, [
          ...period,
          { dimension: 'state', value: 'open' },
          { dimension: 'state', value: 'breached' },
        ]),
      };
    });
  },
  ola: async (input) => {
    const ola = input.none ? [] : await repositories().facts.olaRows(input.scoped);
    const jql = drillDownJql(input.filter, input.ids);
    return ola.map((o) => ({
      line: o.line,
      ended: o.ended,
      timedOut: o.timedOut,
      attainment: attainment(o.ended - o.timedOut, o.ended),
      jql,
    }));
  },
  cycle: async (input) => {
    const cs = cycleStats(input.none ? [] : await repositories().facts.cycleRows(input.scoped));
    return {
      count: cs.count,
      medianHours: cs.medianHours,
      p90Hours: cs.p90Hours,
      histogram: cs.histogram.map(({ fromHours, toHours, count }) => ({ fromHours, toHours, count })),
    };
  },
  'breakdown-product': breakdownChart('product'),
  'breakdown-region': breakdownChart('region'),
  'breakdown-customerTier': breakdownChart('customerTier'),
  'breakdown-month': breakdownChart('month'),
  patterns: async (input) =>
    (input.none ? [] : await patternsOf(input.scoped)).map((p) => ({
      ...p,
      jql: patternJql(p, input.filter, input.ids),
    })),
  people: peopleChart,
  // The case-library habit and the lines' targets, first contact and satisfaction (issue 17).
  caseHabit: caseHabitChart,
  lineOutcomes: lineOutcomesChart,
};

/** Every chart's name, in the page's order (the resolver checks a request's `chart` against it). */
export const SUPERVISION_CHARTS = Object.keys(CHARTS) as SupervisionChartName[];

/** One chart of the page for `accountId`; `loadId` groups the calls of one page load (permission cache only). */
export async function buildChart<K extends SupervisionChartName>(
  accountId: string | undefined,
  chart: K,
  filter: AnalyticsFilter,
  loadId: string | undefined,
  deps: ReportDeps = platformReportDeps(),
): Promise<SupervisionChart> {
  const started = deps.nowMs();
  const scope = deps.scopes.of(accountId, loadId, () => deps.asCaller(), deps.nowMs());
  const [ids, browsable] = await Promise.all([
    scope.shared('fieldIds', () => deps.fieldIds()),
    scope.browsableProjectKeys(),
  ]);
  const projectKeys = countableProjectKeys(browsable, filter);
  const input: ChartInput = {
    filter,
    scoped: { ...filter, projectKeys },
    none: projectKeys.length === 0,
    ids,
    scope,
    deps,
  };
  const data = await (CHARTS[chart] as (input: ChartInput) => Promise<SupervisionChartData[K]>)(input);
  return { chart, data, queryMs: deps.nowMs() - started } as SupervisionChart;
}

/** The weekly summary of `filter` (no per-person figures: it is shown to everyone who opens the page). */
export async function buildWeeklySummary(
  filter: AnalyticsFilter,
  generatedAt: Date,
  scopedToViewer = false,
): Promise<WeeklyReportDto> {
  const [totals, cycle, patterns] = await Promise.all([
    repositories().facts.totalsRow(filter),
    repositories().facts.cycleRows(filter),
    patternsOf(filter),
  ]);
  return {
    generatedAt: generatedAt.toISOString(),
    from: filter.from,
    to: filter.to,
    created: totals.created,
    resolved: totals.resolved,
    open: totals.created - totals.resolved,
    breached: totals.breachedOpen,
    slaAttainment: attainment(totals.met, totals.resolved),
    medianCycleHours: cycleStats(cycle).medianHours,
    patterns,
    scopedToViewer,
  };
}
