/**
 * The supervision page (`itr-supervision`): filters, totals, every chart with a table alternative and
 * CSV export, patterns, per-person/department tables (when the server allows), the weekly report, and
 * drill-down to the JQL of the issues behind any number. Each chart is its own call
 * (`getSupervisionChart`), drawn as soon as its answer arrives, with its own loading state and error.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type {
  AnalyticsFilterDto,
  BreakdownDto,
  Drill,
  PeopleDto,
  SupervisionChartData,
  SupervisionChartName,
  WeeklyReportDto,
} from '../../../src/contract/analytics';
import { ApiError, call } from '../../shared/api';
import { openInJira } from '../../shared/bridge';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Chart, DataTable } from './Chart';
import { download, toCsv } from './csv';
import { Rebuild } from './Rebuild';

const pageStyle = xcss({ padding: 'space.300' });
const buttonStyle = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  paddingInline: 'space.150',
  paddingBlock: 'space.050',
  borderRadius: 'radius.small',
});
const linkStyle = xcss({ color: 'color.link', backgroundColor: 'color.background.neutral.subtle', padding: 'space.0' });
const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});
const dialogStyle = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderColor: 'color.border.bold',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});

function defaultFilter(nowMs: number): AnalyticsFilterDto {
  const now = new Date(nowMs);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    granularity: 'month',
    projectKeys: [],
    kinds: [],
    grades: [],
  };
}

/** Every chart the page asks for, each in its own call (a chart the contract adds and this list lacks is a type error). */
const SUPERVISION_CHARTS = [
  'totals',
  'volume',
  'sla',
  'ola',
  'cycle',
  'breakdown-product',
  'breakdown-region',
  'breakdown-customerTier',
  'breakdown-month',
  'patterns',
  'people',
] as const satisfies readonly SupervisionChartName[];
type UnaskedChart = Exclude<SupervisionChartName, (typeof SUPERVISION_CHARTS)[number]>;
const everyChartAsked: [UnaskedChart] extends [never] ? true : UnaskedChart = true;
void everyChartAsked;

type ChartState<K extends SupervisionChartName> =
  | { status: 'loading' }
  | { status: 'ready'; data: SupervisionChartData[K] }
  | { status: 'error'; error: ApiError };
type ChartStates = { [K in SupervisionChartName]: ChartState<K> };

const allLoading = (): ChartStates =>
  Object.fromEntries(SUPERVISION_CHARTS.map((c) => [c, { status: 'loading' }])) as ChartStates;
/** A fresh id per page load: the server asks Jira for the caller's permissions once per load (a cache key only). */
const newLoadId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

async function fetchChart<K extends SupervisionChartName>(
  chart: K,
  filter: AnalyticsFilterDto,
  loadId: string,
): Promise<SupervisionChartData[K]> {
  const answer = await call('getSupervisionChart', { chart, filter, loadId });
  if (answer.chart !== chart)
    throw new ApiError('UI_MALFORMED_RESPONSE', `asked for ${chart}, got ${answer.chart}`, {
      functionKey: 'getSupervisionChart',
    });
  return answer.data as SupervisionChartData[K];
}

const splitIds = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);

export function SupervisionPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AnalyticsFilterDto>(() => defaultFilter(Date.now()));
  const [draft, setDraft] = useState({
    from: filter.from.slice(0, 10),
    to: filter.to.slice(0, 10),
    projects: '',
    kinds: '',
    grades: '',
    granularity: filter.granularity ?? 'month',
  });
  const [charts, setCharts] = useState<ChartStates>(allLoading);
  const [weekly, setWeekly] = useState<WeeklyReportDto | null>(null);
  const [weeklyError, setWeeklyError] = useState<ApiError | null>(null);
  const [drill, setDrill] = useState<{ jql: string; label: string } | null>(null);
  // Answers of an earlier load (the filter changed meanwhile) are dropped.
  const current = useRef('');

  const loadChart = useCallback(
    <K extends SupervisionChartName>(chart: K, f: AnalyticsFilterDto, loadId: string): void => {
      const settle = (state: ChartState<K>): void => {
        if (current.current === loadId) setCharts((all) => ({ ...all, [chart]: state }));
      };
      settle({ status: 'loading' });
      fetchChart(chart, f, loadId).then(
        (data) => settle({ status: 'ready', data }),
        (e: unknown) => settle({ status: 'error', error: toApiError(e) }),
      );
    },
    [],
  );

  const loadWeekly = useCallback((loadId: string): void => {
    setWeeklyError(null);
    call('getWeeklyReport', { loadId }).then(
      (w) => current.current === loadId && setWeekly(w),
      (e: unknown) => current.current === loadId && setWeeklyError(toApiError(e)),
    );
  }, []);

  useEffect(() => {
    const loadId = newLoadId();
    current.current = loadId;
    setCharts(allLoading());
    for (const chart of SUPERVISION_CHARTS) loadChart(chart, filter, loadId);
    loadWeekly(loadId);
  }, [filter, loadChart, loadWeekly]);

  const retry = (chart: SupervisionChartName) => () => loadChart(chart, filter, current.current);
  const onDrill = (jql: string, label: string): void => setDrill({ jql, label });
  const apply = (): void =>
    setFilter({
      from: new Date(`${draft.from}T00:00:00Z`).toISOString(),
      to: new Date(`${draft.to}T00:00:00Z`).toISOString(),
      granularity: draft.granularity,
      projectKeys: splitIds(draft.projects),
      kinds: splitIds(draft.kinds),
      grades: splitIds(draft.grades),
    });

  const num = (d: Drill, testId: string, label: string) => (
    <Pressable
      xcss={linkStyle}
      testId={testId}
      onClick={() => onDrill(d.jql, label)}
      aria-label={`${label}: ${d.value}`}
    >
      {String(d.value)}
    </Pressable>
  );
  const input = (key: 'from' | 'to' | 'projects' | 'kinds' | 'grades', label: MessageKey, type = 'text') => (
    <label>
      <Stack space="space.050">
        <Text size="small">{t(label)}</Text>
        <input
          type={type}
          data-testid={`filter-${key}`}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      </Stack>
    </label>
  );

  return (
    <Box xcss={pageStyle}>
      <Stack space="space.300">
        <Text as="strong" size="large">
          {t('sup.title')}
        </Text>
        <Inline space="space.200" alignBlock="end" shouldWrap>
          {input('from', 'sup.filter.from', 'date')}
          {input('to', 'sup.filter.to', 'date')}
          {input('projects', 'sup.filter.projects')}
          {input('kinds', 'sup.filter.kinds')}
          {input('grades', 'sup.filter.grades')}
          <label>
            <Stack space="space.050">
              <Text size="small">{t('sup.filter.granularity')}</Text>
              <select
                data-testid="filter-granularity"
                value={draft.granularity}
                onChange={(e) => setDraft({ ...draft, granularity: e.target.value as 'day' | 'week' | 'month' })}
              >
                <option value="day">{t('sup.granularity.day')}</option>
                <option value="week">{t('sup.granularity.week')}</option>
                <option value="month">{t('sup.granularity.month')}</option>
              </select>
            </Stack>
          </label>
          <Pressable xcss={buttonStyle} testId="filter-apply" onClick={apply}>
            {t('sup.filter.apply')}
          </Pressable>
        </Inline>

        <Rebuild />

        <Box xcss={cardStyle} testId="weekly-report">
          {weeklyError !== null ? (
            <ErrorState error={weeklyError} onRetry={() => loadWeekly(current.current)} />
          ) : weekly === null ? (
            <Text>{t('sup.weekly.none')}</Text>
          ) : (
            <Stack space="space.050">
              <Text as="strong">
                {t('sup.weekly.title', { from: weekly.from.slice(0, 10), to: weekly.to.slice(0, 10) })}
              </Text>
              <Text>
                {t('sup.weekly.summary', {
                  created: weekly.created,
                  resolved: weekly.resolved,
                  breached: weekly.breached,
                  sla: pct(weekly.slaAttainment),
                  median: weekly.medianCycleHours ?? '–',
                })}
              </Text>
              {weekly.scopedToViewer ? (
                <Text size="small" testId="weekly-scoped">
                  {t('sup.weekly.scoped')}
                </Text>
              ) : null}
            </Stack>
          )}
        </Box>

        {drill ? (
          <Box xcss={dialogStyle} testId="drill-dialog" role="dialog" aria-label={t('sup.drill.title')}>
            <Stack space="space.100">
              <Text as="strong">
                {t('sup.drill.title')}: {drill.label}
              </Text>
              <textarea readOnly data-testid="drill-jql" value={drill.jql} rows={3} style={{ width: '100%' }} />
              <Inline space="space.100">
                <Pressable
                  xcss={buttonStyle}
                  testId="drill-open"
                  onClick={
                    () =>
                      void openInJira(`/issues/?jql=${encodeURIComponent(drill.jql)}`).catch(
                        () => undefined,
                      ) /* the JQL stays shown to copy */
                  }
                >
                  {t('sup.drill.open')}
                </Pressable>
                <Pressable xcss={buttonStyle} testId="drill-close" onClick={() => setDrill(null)}>
                  {t('sup.drill.close')}
                </Pressable>
              </Inline>
            </Stack>
          </Box>
        ) : null}

        <Charts charts={charts} retry={retry} onDrill={onDrill} num={num} />
      </Stack>
    </Box>
  );
}

type Num = (d: Drill, testId: string, label: string) => JSX.Element;

/** One chart's place on the page: its title and a loading line, its error with a retry, or the chart. */
function Slot<K extends SupervisionChartName>(props: {
  name: K;
  title: string;
  state: ChartState<K>;
  retry: () => void;
  children: (data: SupervisionChartData[K]) => ReactNode;
}) {
  const { t } = useI18n();
  const { state } = props;
  return (
    <div data-chart={props.name} data-chart-state={state.status}>
      {state.status === 'ready' ? (
        props.children(state.data)
      ) : (
        <Box xcss={cardStyle} testId={`chart-${props.name}-${state.status}`} aria-busy={state.status === 'loading'}>
          <Stack space="space.100">
            <Text as="strong">{props.title}</Text>
            {state.status === 'loading' ? (
              <Text>{t('sup.chart.loading')}</Text>
            ) : (
              <ErrorState error={state.error} onRetry={props.retry} />
            )}
          </Stack>
        </Box>
      )}
    </div>
  );
}

function Charts(props: {
  charts: ChartStates;
  retry: (chart: SupervisionChartName) => () => void;
  onDrill: (jql: string, label: string) => void;
  num: Num;
}) {
  const { t } = useI18n();
  const { charts: c, retry, onDrill, num } = props;
  const none = t('sup.none');
  const name = (v: string | null): string => v ?? none;
  const cycleLabel = (h: { fromHours: number; toHours: number | null }): string =>
    h.toHours === null ? `≥${h.fromHours}` : `${h.fromHours}–${h.toHours}`;
  const breakdown = (b: BreakdownDto) => (
    <Chart
      id={`breakdown-${b.dimension}`}
      title={t(`sup.chart.breakdown.${b.dimension}` as MessageKey)}
      categories={b.rows.map((x) => name(x.value))}
      series={[
        { label: t('sup.col.count'), values: b.rows.map((x) => x.count) },
        { label: t('sup.col.severe'), values: b.rows.map((x) => x.severe) },
      ]}
      onDrill={onDrill}
    />
  );
  return (
    <Stack space="space.300">
      <Slot name="totals" title={t('sup.chart.totals')} state={c.totals} retry={retry('totals')}>
        {(totals) => (
          <Stack space="space.100">
            <Inline space="space.400" shouldWrap testId="totals">
              <Stack>
                <Text size="small">{t('sup.totals.created')}</Text>
                {num(totals.created, 'total-created', t('sup.totals.created'))}
              </Stack>
              <Stack>
                <Text size="small">{t('sup.totals.resolved')}</Text>
                {num(totals.resolved, 'total-resolved', t('sup.totals.resolved'))}
              </Stack>
              <Stack>
                <Text size="small">{t('sup.totals.open')}</Text>
                {num(totals.open, 'total-open', t('sup.totals.open'))}
              </Stack>
              <Stack>
                <Text size="small">{t('sup.totals.breached')}</Text>
                {num(totals.breached, 'total-breached', t('sup.totals.breached'))}
              </Stack>
              <Stack>
                <Text size="small">{t('sup.totals.sla')}</Text>
                <Text testId="total-sla">{pct(totals.slaAttainment)}</Text>
              </Stack>
            </Inline>
            {totals.created.value === 0 ? <Text testId="empty">{t('sup.empty')}</Text> : null}
          </Stack>
        )}
      </Slot>
      <Slot name="volume" title={t('sup.chart.volumeKind')} state={c.volume} retry={retry('volume')}>
        {(v) => (
          <Stack space="space.300">
            <Chart
              id="volume-kind"
              title={t('sup.chart.volumeKind')}
              categories={v.periods}
              series={v.byKind.map((s) => ({ label: name(s.kind), values: s.counts }))}
              onDrill={onDrill}
            />
            <Chart
              id="volume-grade"
              title={t('sup.chart.volumeGrade')}
              categories={v.periods}
              series={v.byGrade.map((s) => ({ label: name(s.grade), values: s.counts }))}
              onDrill={onDrill}
            />
          </Stack>
        )}
      </Slot>
      <Slot name="sla" title={t('sup.chart.sla')} state={c.sla} retry={retry('sla')}>
        {(sla) => (
          <Chart
            id="sla"
            title={t('sup.chart.sla')}
            percent
            categories={sla.map((s) => s.period)}
            series={[{ label: t('sup.col.attainment'), values: sla.map((s) => s.attainment ?? 0) }]}
            onDrill={onDrill}
          />
        )}
      </Slot>
      <Slot name="ola" title={t('sup.chart.ola')} state={c.ola} retry={retry('ola')}>
        {(ola) => (
          <Chart
            id="ola"
            title={t('sup.chart.ola')}
            percent
            categories={ola.map((o) => o.line)}
            series={[{ label: t('sup.col.attainment'), values: ola.map((o) => o.attainment ?? 0) }]}
            onDrill={onDrill}
          />
        )}
      </Slot>
      <Slot name="cycle" title={t('sup.chart.cycle', { median: '–', p90: '–' })} state={c.cycle} retry={retry('cycle')}>
        {(cycle) => (
          <Chart
            id="cycle"
            title={t('sup.chart.cycle', { median: cycle.medianHours ?? '–', p90: cycle.p90Hours ?? '–' })}
            categories={cycle.histogram.map(cycleLabel)}
            series={[{ label: t('sup.col.count'), values: cycle.histogram.map((h) => h.count) }]}
            onDrill={onDrill}
          />
        )}
      </Slot>
      <Slot
        name="breakdown-product"
        title={t('sup.chart.breakdown.product')}
        state={c['breakdown-product']}
        retry={retry('breakdown-product')}
      >
        {breakdown}
      </Slot>
      <Slot
        name="breakdown-region"
        title={t('sup.chart.breakdown.region')}
        state={c['breakdown-region']}
        retry={retry('breakdown-region')}
      >
        {breakdown}
      </Slot>
      <Slot
        name="breakdown-customerTier"
        title={t('sup.chart.breakdown.customerTier')}
        state={c['breakdown-customerTier']}
        retry={retry('breakdown-customerTier')}
      >
        {breakdown}
      </Slot>
      <Slot
        name="breakdown-month"
        title={t('sup.chart.breakdown.month')}
        state={c['breakdown-month']}
        retry={retry('breakdown-month')}
      >
        {breakdown}
      </Slot>

      <Slot name="patterns" title={t('sup.chart.patterns')} state={c.patterns} retry={retry('patterns')}>
        {(patterns) => (
          <Box testId="patterns">
            <Stack space="space.100">
              <Text as="strong">{t('sup.chart.patterns')}</Text>
              {patterns.length === 0 ? <Text>{t('sup.pattern.none')}</Text> : null}
              {patterns.map((p, i) => {
                const text =
                  p.type === 'severeProduct'
                    ? t('sup.pattern.severeProduct', { product: p.product, severe: p.severe, mean: p.meanPerProduct })
                    : p.type === 'crossProduct'
                      ? t('sup.pattern.crossProduct', { caseId: p.caseId, products: p.products, issues: p.issues })
                      : p.type === 'scatteredRegion'
                        ? t('sup.pattern.scatteredRegion', {
                            region: p.region,
                            issues: p.issues,
                            products: p.products,
                            share: pct(p.topShare),
                          })
                        : t('sup.pattern.swingingDepartment', {
                            department: p.department,
                            min: p.min,
                            max: p.max,
                            cv: p.cv,
                          });
                const jql = p.jql;
                return jql === null ? (
                  <Text key={i} testId={`pattern-${p.type}`}>
                    {text}
                  </Text>
                ) : (
                  <Pressable key={i} xcss={linkStyle} testId={`pattern-${p.type}`} onClick={() => onDrill(jql, text)}>
                    {text}
                  </Pressable>
                );
              })}
            </Stack>
          </Box>
        )}
      </Slot>

      <Slot name="people" title={t('sup.chart.people')} state={c.people} retry={retry('people')}>
        {(people) =>
          people === null ? (
            <Text testId="people-hidden">{t('sup.people.hidden')}</Text>
          ) : (
            <Stack space="space.300">
              <People id="people" title={t('sup.chart.people')} dto={people.person} num={num} />
              <People id="departments" title={t('sup.chart.departments')} dto={people.department} num={num} />
            </Stack>
          )
        }
      </Slot>
    </Stack>
  );
}

function People(props: { id: string; title: string; dto: PeopleDto; num: Num }) {
  const { t } = useI18n();
  const header = [
    t('sup.col.who'),
    t('sup.col.solved'),
    t('sup.col.gradeMix'),
    t('sup.col.medianCycle'),
    t('sup.col.satisfaction'),
    t('sup.col.timeouts'),
    t('sup.col.escReceived'),
    t('sup.col.escCaused'),
    t('sup.col.forwarded'),
  ];
  const labelOf = (r: PeopleDto['rows'][number]): string => r.label ?? t('people.unknownUser');
  const rows = props.dto.rows.map((r) => [
    labelOf(r),
    r.solved.value,
    Object.entries(r.gradeMix)
      .map(([g, n]) => `${g}:${n}`)
      .join(' '),
    r.medianCycleHours,
    r.satisfactionAvg,
    r.timeouts,
    r.escalationsReceived,
    r.escalationsCaused,
    r.forwarded,
  ]);
  return (
    <Box xcss={cardStyle} testId={`chart-${props.id}`}>
      <Stack space="space.100">
        <Inline spread="space-between">
          <Text as="strong">{props.title}</Text>
          <Pressable
            xcss={linkStyle}
            testId={`chart-${props.id}-csv`}
            onClick={() => download(`${props.id}.csv`, toCsv(header, rows))}
          >
            {t('sup.table.csv')}
          </Pressable>
        </Inline>
        <DataTable
          id={props.id}
          header={header}
          rows={rows}
          cells={(i, j) => {
            const row = props.dto.rows[i];
            return j === 1 && row !== undefined && row.solved.jql !== ''
              ? props.num(row.solved, `${props.id}-solved-${i}`, `${labelOf(row)} · ${t('sup.col.solved')}`)
              : undefined;
          }}
        />
      </Stack>
    </Box>
  );
}
