/**
 * The supervision page's report: every chart from GROUP BY queries on the projection, each number with
 * the JQL of its issues (src/domain/analytics/jql.ts). Per-person and per-department tables only for
 * callers the settings allow (Jira admins always), checked here on the server as the calling user.
 */
import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import { ConfigStore } from '../../adapters/kvs';
import {
  attainment, cycleStats, detectPatterns, drillDownJql, quantileFromBuckets, SEVERE_GRADES, type AnalyticsFilter, type DrillDimension, type DrillFieldIds, type Pattern,
} from '../../domain/analytics';
import type { BreakdownDto, Drill, PeopleDto, SupervisionReport, WeeklyReportDto } from '../../contract/analytics';
import { lookUpFieldIds } from '../fields/fieldIds';
import {
  breakdownRows, caseSpreadRows, cycleRows, departmentMonthlyRows, olaRows, peopleRows, regionSpreadRows, slaRows, volumeRows, type BreakdownDimension,
} from './factStore';
import { loadAnalyticsSettings, type AnalyticsSettings } from './settings';

export interface ReportDeps {
  asCaller(accountId: string | undefined): JiraClient;
  fieldIds(): Promise<DrillFieldIds>;
  settings(): Promise<AnalyticsSettings>;
  nowMs(): number;
}

export const platformReportDeps = (): ReportDeps => ({
  asCaller: (accountId) => jiraAsUser(accountId),
  fieldIds: () => lookUpFieldIds(jiraAsApp()),
  settings: async () => (await loadAnalyticsSettings(new ConfigStore())).value,
  nowMs: () => Date.now(),
});

/** Jira admins and members of the configured groups see per-person figures; asked of Jira as the caller. */
export async function maySeePeople(accountId: string | undefined, jira: JiraClient, settings: AnalyticsSettings): Promise<boolean> {
  if (accountId === undefined) return false;
  const perms = await jira.myPermissions(['ADMINISTER']);
  if (perms['ADMINISTER'] === true) return true;
  if (settings.personFigureGroups.length === 0) return false;
  const me = await jira.getMyself({ groups: true });
  return (me.groups ?? []).some((g) => settings.personFigureGroups.includes(g));
}

/** Adds a day/week/month to a period label's start (UTC) for the period's drill-down. */
export function periodRange(label: string, g: AnalyticsFilter['granularity']): { from: string; to: string } {
  const start = new Date(g === 'month' ? `${label}-01T00:00:00Z` : `${label}T00:00:00Z`);
  const end = new Date(start);
  if (g === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCDate(end.getUTCDate() + (g === 'week' ? 7 : 1));
  return { from: start.toISOString(), to: end.toISOString() };
}

const BREAKDOWNS: readonly BreakdownDimension[] = ['product', 'region', 'customerTier', 'month'];

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
 * The project keys the aggregates may count: those the caller may browse (asked of Jira as the caller,
 * `GET /rest/api/3/project/search`), narrowed to the filter's projects when it names some. Empty means
 * nothing may be counted (never "every project", which an empty `projectKeys` means in the SQL filter).
 */
export async function browsableProjectKeys(accountId: string | undefined, jira: JiraClient, filter: AnalyticsFilter): Promise<string[]> {
  if (accountId === undefined) return [];
  const visible = (await jira.searchProjects()).map((p) => p.key.toUpperCase());
  if (filter.projectKeys.length === 0) return visible;
  const wanted = new Set(filter.projectKeys.map((k) => k.toUpperCase()));
  return visible.filter((k) => wanted.has(k));
}

export async function buildReport(accountId: string | undefined, filter: AnalyticsFilter, deps: ReportDeps = platformReportDeps()): Promise<SupervisionReport> {
  const started = deps.nowMs();
  const caller = deps.asCaller(accountId);
  const [ids, settings, projectKeys] = await Promise.all([deps.fieldIds(), deps.settings(), browsableProjectKeys(accountId, caller, filter)]);
  const people = await maySeePeople(accountId, caller, settings);
  const drill = (value: number, dims: DrillDimension[] = []): Drill => ({ value, jql: drillDownJql(filter, ids, dims) });
  // Every aggregate below counts only issues of projects the caller may browse (Jira permissions).
  const scoped: AnalyticsFilter = { ...filter, projectKeys };
  const none = projectKeys.length === 0;

  const [volume, sla, ola, cycle, breakdowns, caseSpread, regionSpread, deptMonthly] = none
    ? [[], [], [], [], BREAKDOWNS.map(() => []), [], [], []]
    : await Promise.all([
        volumeRows(scoped),
        slaRows(scoped),
        olaRows(scoped),
        cycleRows(scoped),
        Promise.all(BREAKDOWNS.map((d) => breakdownRows(scoped, d, SEVERE_GRADES))),
        caseSpreadRows(scoped),
        regionSpreadRows(scoped),
        departmentMonthlyRows(scoped),
      ]);

  const periods = [...new Set(volume.map((v) => v.period))].sort();
  const series = <K extends 'kind' | 'grade'>(key: K): Array<{ value: string | null; counts: Drill[] }> => {
    const values = [...new Set(volume.map((v) => v[key]))];
    return values.map((value) => ({
      value,
      counts: periods.map((p) => drill(volume.filter((v) => v.period === p && v[key] === value).reduce((a, v) => a + v.count, 0), [{ dimension: 'period', ...periodRange(p, filter.granularity) }, { dimension: key, value }])),
    }));
  };

  const created = volume.reduce((a, v) => a + v.count, 0);
  const resolved = sla.reduce((a, s) => a + s.resolved, 0);
  const met = sla.reduce((a, s) => a + s.met, 0);
  const breachedOpen = sla.reduce((a, s) => a + s.breachedOpen, 0);
  const breakdownBySev = breakdowns[0] ?? [];
  const patterns = detectPatterns({
    severeByProduct: breakdownBySev.flatMap((r) => (r.value === null ? [] : [{ product: r.value, severe: r.severe }])),
    caseSpread,
    regionSpread,
    departmentMonthly: deptMonthly,
  }).map((p) => ({ ...p, jql: patternJql(p, filter, ids) }));

  let peopleDto: PeopleDto | null = null;
  let deptDto: PeopleDto | null = null;
  if (people) {
    const departmentOf = (a: string): string | null => settings.departments[a] ?? null;
    const [pRows, dRows] = none ? [[], []] : await Promise.all([peopleRows(scoped, 'person', departmentOf), peopleRows(scoped, 'department', departmentOf)]);
    const toDto = (group: 'person' | 'department', rows: typeof pRows): PeopleDto => ({
      group,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.key ?? '-',
        solved: group === 'person' ? drill(r.solved, [{ dimension: 'owner', value: r.key }, { dimension: 'state', value: 'resolved' }]) : { value: r.solved, jql: '' },
        gradeMix: r.gradeMix,
        medianCycleHours: quantileFromBuckets(r.cycleBuckets, 0.5),
        satisfactionAvg: r.satisfactionAvg,
        timeouts: r.timeouts,
        escalationsReceived: r.escalationsReceived,
        escalationsCaused: r.escalationsCaused,
        forwarded: r.forwarded,
      })),
    });
    peopleDto = toDto('person', pRows);
    deptDto = toDto('department', dRows);
  }

  const cs = cycleStats(cycle);
  return {
    filter: { from: filter.from, to: filter.to, projectKeys: [...filter.projectKeys], kinds: [...filter.kinds], grades: [...filter.grades], granularity: filter.granularity },
    totals: {
      created: drill(created),
      resolved: drill(resolved, [{ dimension: 'state', value: 'resolved' }]),
      open: drill(created - resolved, [{ dimension: 'state', value: 'open' }]),
      breached: drill(breachedOpen, [{ dimension: 'state', value: 'open' }, { dimension: 'state', value: 'breached' }]),
      slaAttainment: attainment(met, resolved),
    },
    volume: {
      periods,
      byKind: series('kind').map((s) => ({ kind: s.value, counts: s.counts })),
      byGrade: series('grade').map((s) => ({ grade: s.value, counts: s.counts })),
    },
    sla: sla.map((s) => {
      const period = [{ dimension: 'period' as const, ...periodRange(s.period, filter.granularity) }];
      return {
        period: s.period,
        resolved: drill(s.resolved, [...period, { dimension: 'state', value: 'resolved' }]),
        met: drill(s.met, [...period, { dimension: 'state', value: 'slaMet' }]),
        attainment: attainment(s.met, s.resolved),
        breachedOpen: drill(s.breachedOpen, [...period, { dimension: 'state', value: 'open' }, { dimension: 'state', value: 'breached' }]),
      };
    }),
    ola: ola.map((o) => ({ line: o.line, ended: o.ended, timedOut: o.timedOut, attainment: attainment(o.ended - o.timedOut, o.ended), jql: drillDownJql(filter, ids) })),
    cycle: { count: cs.count, medianHours: cs.medianHours, p90Hours: cs.p90Hours, histogram: cs.histogram.map(({ fromHours, toHours, count }) => ({ fromHours, toHours, count })) },
    breakdowns: BREAKDOWNS.map((dimension, i): BreakdownDto => ({
      dimension,
      rows: (breakdowns[i] ?? []).map((r) => ({
        value: r.value,
        count: drill(r.count, dimension === 'month' && r.value !== null ? [{ dimension: 'period', ...periodRange(r.value, 'month') }] : dimension === 'month' ? [] : [{ dimension, value: r.value }]),
        resolved: r.resolved,
        breached: r.breached,
        severe: r.severe,
      })),
    })),
    patterns,
    people: peopleDto,
    departments: deptDto,
    queryMs: deps.nowMs() - started,
  };
}

/** The weekly summary (no per-person figures: it is shown to everyone who opens the page). */
export async function buildWeeklySummary(filter: AnalyticsFilter, generatedAt: Date): Promise<WeeklyReportDto> {
  const [sla, cycle, volume, bySev, caseSpread, regionSpread, deptMonthly] = await Promise.all([
    slaRows(filter), cycleRows(filter), volumeRows(filter), breakdownRows(filter, 'product', SEVERE_GRADES), caseSpreadRows(filter), regionSpreadRows(filter), departmentMonthlyRows(filter),
  ]);
  const created = volume.reduce((a, v) => a + v.count, 0);
  const resolved = sla.reduce((a, s) => a + s.resolved, 0);
  return {
    generatedAt: generatedAt.toISOString(),
    from: filter.from,
    to: filter.to,
    created,
    resolved,
    open: created - resolved,
    breached: sla.reduce((a, s) => a + s.breachedOpen, 0),
    slaAttainment: attainment(sla.reduce((a, s) => a + s.met, 0), resolved),
    medianCycleHours: cycleStats(cycle).medianHours,
    patterns: detectPatterns({
      severeByProduct: bySev.flatMap((r) => (r.value === null ? [] : [{ product: r.value, severe: r.severe }])),
      caseSpread,
      regionSpread,
      departmentMonthly: deptMonthly,
    }),
  };
}
