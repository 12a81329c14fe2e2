/**
 * The supervision page (`itr-supervision`): filters, totals, every chart with a table alternative and
 * CSV export, patterns, per-person/department tables (when the server allows), the weekly report, and
 * drill-down to the JQL of the issues behind any number.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AnalyticsFilterDto, Drill, PeopleDto, SupervisionReport, WeeklyReportDto } from '../../../src/contract/analytics';
import { ApiError, call } from '../../shared/api';
import { openInJira } from '../../shared/bridge';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Chart, DataTable } from './Chart';
import { download, toCsv } from './csv';

const pageStyle = xcss({ padding: 'space.300' });
const buttonStyle = xcss({ backgroundColor: 'color.background.neutral', color: 'color.text', paddingInline: 'space.150', paddingBlock: 'space.050', borderRadius: 'radius.small' });
const linkStyle = xcss({ color: 'color.link', backgroundColor: 'color.background.neutral.subtle', padding: 'space.0' });
const cardStyle = xcss({ borderColor: 'color.border', borderStyle: 'solid', borderWidth: 'border.width', borderRadius: 'radius.small', padding: 'space.200' });
const dialogStyle = xcss({ backgroundColor: 'color.background.neutral.subtle', borderColor: 'color.border.bold', borderStyle: 'solid', borderWidth: 'border.width', borderRadius: 'radius.small', padding: 'space.200' });

function defaultFilter(nowMs: number): AnalyticsFilterDto {
  const now = new Date(nowMs);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString(), granularity: 'month', projectKeys: [], kinds: [], grades: [] };
}

const splitIds = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '');
const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);

export function SupervisionPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AnalyticsFilterDto>(() => defaultFilter(Date.now()));
  const [draft, setDraft] = useState({ from: filter.from.slice(0, 10), to: filter.to.slice(0, 10), projects: '', kinds: '', grades: '', granularity: filter.granularity ?? 'month' });
  const [report, setReport] = useState<SupervisionReport | null>(null);
  const [weekly, setWeekly] = useState<WeeklyReportDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [drill, setDrill] = useState<{ jql: string; label: string } | null>(null);

  const load = useCallback(async (f: AnalyticsFilterDto) => {
    setError(null);
    try {
      const [r, w] = await Promise.all([call('getSupervisionReport', f), call('getWeeklyReport', {})]);
      setReport(r);
      setWeekly(w);
    } catch (e) {
      setError(toApiError(e));
    }
  }, []);
  useEffect(() => void load(filter), [filter, load]);

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

  if (error) return <ErrorState error={error} onRetry={() => void load(filter)} />;

  const num = (d: Drill, testId: string, label: string) => (
    <Pressable xcss={linkStyle} testId={testId} onClick={() => onDrill(d.jql, label)} aria-label={`${label}: ${d.value}`}>
      {String(d.value)}
    </Pressable>
  );
  const input = (key: 'from' | 'to' | 'projects' | 'kinds' | 'grades', label: MessageKey, type = 'text') => (
    <label>
      <Stack space="space.050">
        <Text size="small">{t(label)}</Text>
        <input type={type} data-testid={`filter-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      </Stack>
    </label>
  );

  return (
    <Box xcss={pageStyle}>
      <Stack space="space.300">
        <Text as="strong" size="large">{t('sup.title')}</Text>
        <Inline space="space.200" alignBlock="end" shouldWrap>
          {input('from', 'sup.filter.from', 'date')}
          {input('to', 'sup.filter.to', 'date')}
          {input('projects', 'sup.filter.projects')}
          {input('kinds', 'sup.filter.kinds')}
          {input('grades', 'sup.filter.grades')}
          <label>
            <Stack space="space.050">
              <Text size="small">{t('sup.filter.granularity')}</Text>
              <select data-testid="filter-granularity" value={draft.granularity} onChange={(e) => setDraft({ ...draft, granularity: e.target.value as 'day' | 'week' | 'month' })}>
                <option value="day">{t('sup.granularity.day')}</option>
                <option value="week">{t('sup.granularity.week')}</option>
                <option value="month">{t('sup.granularity.month')}</option>
              </select>
            </Stack>
          </label>
          <Pressable xcss={buttonStyle} testId="filter-apply" onClick={apply}>{t('sup.filter.apply')}</Pressable>
        </Inline>

        <Box xcss={cardStyle} testId="weekly-report">
          {weekly === null ? (
            <Text>{t('sup.weekly.none')}</Text>
          ) : (
            <Stack space="space.050">
              <Text as="strong">{t('sup.weekly.title', { from: weekly.from.slice(0, 10), to: weekly.to.slice(0, 10) })}</Text>
              <Text>{t('sup.weekly.summary', { created: weekly.created, resolved: weekly.resolved, breached: weekly.breached, sla: pct(weekly.slaAttainment), median: weekly.medianCycleHours ?? '–' })}</Text>
            </Stack>
          )}
        </Box>

        {drill ? (
          <Box xcss={dialogStyle} testId="drill-dialog" role="dialog" aria-label={t('sup.drill.title')}>
            <Stack space="space.100">
              <Text as="strong">{t('sup.drill.title')}: {drill.label}</Text>
              <textarea readOnly data-testid="drill-jql" value={drill.jql} rows={3} style={{ width: '100%' }} />
              <Inline space="space.100">
                <Pressable xcss={buttonStyle} testId="drill-open" onClick={() => void openInJira(`/issues/?jql=${encodeURIComponent(drill.jql)}`).catch(() => undefined) /* the JQL stays shown to copy */}>{t('sup.drill.open')}</Pressable>
                <Pressable xcss={buttonStyle} testId="drill-close" onClick={() => setDrill(null)}>{t('sup.drill.close')}</Pressable>
              </Inline>
            </Stack>
          </Box>
        ) : null}

        {report === null ? null : <Report report={report} onDrill={onDrill} num={num} />}
      </Stack>
    </Box>
  );
}

function Report(props: { report: SupervisionReport; onDrill(jql: string, label: string): void; num(d: Drill, testId: string, label: string): JSX.Element }) {
  const { t } = useI18n();
  const { report: r, onDrill, num } = props;
  const none = t('sup.none');
  const name = (v: string | null): string => v ?? none;
  const cycleLabel = (h: { fromHours: number; toHours: number | null }): string => (h.toHours === null ? `≥${h.fromHours}` : `${h.fromHours}–${h.toHours}`);
  return (
    <Stack space="space.300">
      <Inline space="space.400" shouldWrap testId="totals">
        <Stack><Text size="small">{t('sup.totals.created')}</Text>{num(r.totals.created, 'total-created', t('sup.totals.created'))}</Stack>
        <Stack><Text size="small">{t('sup.totals.resolved')}</Text>{num(r.totals.resolved, 'total-resolved', t('sup.totals.resolved'))}</Stack>
        <Stack><Text size="small">{t('sup.totals.open')}</Text>{num(r.totals.open, 'total-open', t('sup.totals.open'))}</Stack>
        <Stack><Text size="small">{t('sup.totals.breached')}</Text>{num(r.totals.breached, 'total-breached', t('sup.totals.breached'))}</Stack>
        <Stack><Text size="small">{t('sup.totals.sla')}</Text><Text testId="total-sla">{pct(r.totals.slaAttainment)}</Text></Stack>
      </Inline>
      {r.totals.created.value === 0 ? <Text testId="empty">{t('sup.empty')}</Text> : null}

      <Chart id="volume-kind" title={t('sup.chart.volumeKind')} categories={r.volume.periods} series={r.volume.byKind.map((s) => ({ label: name(s.kind), values: s.counts }))} onDrill={onDrill} />
      <Chart id="volume-grade" title={t('sup.chart.volumeGrade')} categories={r.volume.periods} series={r.volume.byGrade.map((s) => ({ label: name(s.grade), values: s.counts }))} onDrill={onDrill} />
      <Chart id="sla" title={t('sup.chart.sla')} percent categories={r.sla.map((s) => s.period)} series={[{ label: t('sup.col.attainment'), values: r.sla.map((s) => s.attainment ?? 0) }]} onDrill={onDrill} />
      <Chart id="ola" title={t('sup.chart.ola')} percent categories={r.ola.map((o) => o.line)} series={[{ label: t('sup.col.attainment'), values: r.ola.map((o) => o.attainment ?? 0) }]} onDrill={onDrill} />
      <Chart
        id="cycle"
        title={t('sup.chart.cycle', { median: r.cycle.medianHours ?? '–', p90: r.cycle.p90Hours ?? '–' })}
        categories={r.cycle.histogram.map(cycleLabel)}
        series={[{ label: t('sup.col.count'), values: r.cycle.histogram.map((h) => h.count) }]}
        onDrill={onDrill}
      />
      {r.breakdowns.map((b) => (
        <Chart
          key={b.dimension}
          id={`breakdown-${b.dimension}`}
          title={t(`sup.chart.breakdown.${b.dimension}` as MessageKey)}
          categories={b.rows.map((x) => name(x.value))}
          series={[{ label: t('sup.col.count'), values: b.rows.map((x) => x.count) }, { label: t('sup.col.severe'), values: b.rows.map((x) => x.severe) }]}
          onDrill={onDrill}
        />
      ))}

      <Box testId="patterns">
        <Stack space="space.100">
          <Text as="strong">{t('sup.chart.patterns')}</Text>
          {r.patterns.length === 0 ? <Text>{t('sup.pattern.none')}</Text> : null}
          {r.patterns.map((p, i) => {
            const text =
              p.type === 'severeProduct'
                ? t('sup.pattern.severeProduct', { product: p.product, severe: p.severe, mean: p.meanPerProduct })
                : p.type === 'crossProduct'
                  ? t('sup.pattern.crossProduct', { caseId: p.caseId, products: p.products, issues: p.issues })
                  : p.type === 'scatteredRegion'
                    ? t('sup.pattern.scatteredRegion', { region: p.region, issues: p.issues, products: p.products, share: pct(p.topShare) })
                    : t('sup.pattern.swingingDepartment', { department: p.department, min: p.min, max: p.max, cv: p.cv });
            const jql = p.jql;
            return jql === null ? (
              <Text key={i} testId={`pattern-${p.type}`}>{text}</Text>
            ) : (
              <Pressable key={i} xcss={linkStyle} testId={`pattern-${p.type}`} onClick={() => onDrill(jql, text)}>{text}</Pressable>
            );
          })}
        </Stack>
      </Box>

      {r.people === null ? <Text testId="people-hidden">{t('sup.people.hidden')}</Text> : <People id="people" title={t('sup.chart.people')} dto={r.people} num={num} />}
      {r.departments === null ? null : <People id="departments" title={t('sup.chart.departments')} dto={r.departments} num={num} />}
    </Stack>
  );
}

function People(props: { id: string; title: string; dto: PeopleDto; num(d: Drill, testId: string, label: string): JSX.Element }) {
  const { t } = useI18n();
  const header = [t('sup.col.who'), t('sup.col.solved'), t('sup.col.gradeMix'), t('sup.col.medianCycle'), t('sup.col.satisfaction'), t('sup.col.timeouts'), t('sup.col.escReceived'), t('sup.col.escCaused'), t('sup.col.forwarded')];
  const rows = props.dto.rows.map((r) => [
    r.label,
    r.solved.value,
    Object.entries(r.gradeMix).map(([g, n]) => `${g}:${n}`).join(' '),
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
          <Pressable xcss={linkStyle} testId={`chart-${props.id}-csv`} onClick={() => download(`${props.id}.csv`, toCsv(header, rows))}>{t('sup.table.csv')}</Pressable>
        </Inline>
        <DataTable
          id={props.id}
          header={header}
          rows={rows}
          cells={(i, j) => {
            const row = props.dto.rows[i];
            return j === 1 && row !== undefined && row.solved.jql !== '' ? props.num(row.solved, `${props.id}-solved-${i}`, `${row.label} · ${t('sup.col.solved')}`) : undefined;
          }}
        />
      </Stack>
    </Box>
  );
}
