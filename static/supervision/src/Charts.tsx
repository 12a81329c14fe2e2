import { Stack, Text } from '@atlaskit/primitives';
import type { SupervisionChartName } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { BreakdownChart } from './BreakdownChart';
import { Chart } from './Chart';
import { ChartSlot } from './ChartSlot';
import { chartLabels, type Granularity } from './labels';
import { PatternsCard } from './PatternsCard';
import { PeopleTable } from './PeopleTable';
import { TotalsCard } from './TotalsCard';
import { CaseHabitTables, LineOutcomeCharts } from './HabitCharts';
import type { ChartStates } from './useSupervisionCharts';
import { VolumeCharts } from './VolumeCharts';

type Breakdown = 'breakdown-product' | 'breakdown-region' | 'breakdown-customerTier' | 'breakdown-month';
const BREAKDOWNS: readonly Breakdown[] = [
  'breakdown-product',
  'breakdown-region',
  'breakdown-customerTier',
  'breakdown-month',
];

/** Each chart's title by its name (a slot's, and the page's error message names what failed by it). */
export const CHART_TITLES: Readonly<Record<SupervisionChartName, MessageKey>> = {
  totals: 'sup.chart.totals',
  volume: 'sup.chart.volume',
  sla: 'sup.chart.sla',
  ola: 'sup.chart.ola',
  cycle: 'sup.chart.cycleTime',
  'breakdown-product': 'sup.chart.breakdown.product',
  'breakdown-region': 'sup.chart.breakdown.region',
  'breakdown-customerTier': 'sup.chart.breakdown.customerTier',
  'breakdown-month': 'sup.chart.breakdown.month',
  patterns: 'sup.chart.patterns',
  people: 'sup.chart.people',
  caseHabit: 'sup.chart.caseHabit',
  lineOutcomes: 'sup.chart.lineOutcomes',
};

/** Every chart in its slot, in the page's order. */
export function Charts(props: { charts: ChartStates; granularity: Granularity; everythingFailed: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const { charts: c, granularity, everythingFailed } = props;
  const slot = { everythingFailed };
  return (
    <Stack space="space.300">
      <ChartSlot name="totals" title={t(CHART_TITLES.totals)} state={c.totals} {...slot}>
        {(totals) => <TotalsCard totals={totals} />}
      </ChartSlot>
      <ChartSlot name="volume" title={t(CHART_TITLES.volume)} state={c.volume} {...slot}>
        {(volume) => <VolumeCharts volume={volume} granularity={granularity} />}
      </ChartSlot>
      <ChartSlot name="sla" title={t(CHART_TITLES.sla)} state={c.sla} {...slot}>
        {(sla) => {
          const periods = sla.map((s) => labels.periodLong(s.period, granularity));
          return (
            <Chart
              id="sla"
              title={t('sup.chart.sla')}
              categoryHeader={t('sup.col.period')}
              percent
              ordered
              categories={periods}
              axisLabels={sla.map((s) => labels.periodShort(s.period, granularity))}
              // A period with nothing resolved has no attainment: no bar, not a 0 % one. A bar drills down to the
              // issues resolved in its period, which its attainment is a share of.
              series={[
                {
                  label: t('sup.col.attainment'),
                  values: sla.map((s) => (s.attainment === null ? null : { value: s.attainment, jql: s.resolved.jql })),
                },
              ]}
              table={{
                header: [
                  t('sup.col.period'),
                  t('sup.col.resolved'),
                  t('sup.col.met'),
                  t('sup.col.percentOf', { label: t('sup.col.attainment') }),
                  t('sup.totals.breached'),
                ],
                rows: sla.map((s, i) => [
                  periods[i] ?? '',
                  s.resolved.value,
                  s.met.value,
                  s.attainment === null ? null : Math.round(s.attainment * 1000) / 10,
                  s.breachedOpen.value,
                ]),
              }}
            />
          );
        }}
      </ChartSlot>
      <ChartSlot name="ola" title={t(CHART_TITLES.ola)} state={c.ola} {...slot}>
        {(ola) => (
          <Chart
            id="ola"
            title={t('sup.chart.ola')}
            categoryHeader={t('sup.col.line')}
            percent
            ordered
            categories={ola.map((o) => labels.line(o.line))}
            series={[{ label: t('sup.col.attainment'), values: ola.map((o) => o.attainment) }]}
            table={{
              header: [
                t('sup.col.line'),
                t('sup.col.ended'),
                t('sup.col.timedOut'),
                t('sup.col.percentOf', { label: t('sup.col.attainment') }),
              ],
              rows: ola.map((o) => [
                labels.line(o.line),
                o.ended,
                o.timedOut,
                o.attainment === null ? null : Math.round(o.attainment * 1000) / 10,
              ]),
            }}
          />
        )}
      </ChartSlot>
      <ChartSlot name="cycle" title={t(CHART_TITLES.cycle)} state={c.cycle} {...slot}>
        {(cycle) => (
          <Chart
            id="cycle"
            title={t('sup.chart.cycle', {
              median: cycle.medianHours === null ? '–' : labels.count(cycle.medianHours),
              p90: cycle.p90Hours === null ? '–' : labels.count(cycle.p90Hours),
            })}
            categoryHeader={t('sup.col.cycle')}
            ordered
            categories={cycle.histogram.map((h) => labels.cycleBucket(h.fromHours, h.toHours))}
            series={[{ label: t('sup.col.count'), values: cycle.histogram.map((h) => h.count) }]}
          />
        )}
      </ChartSlot>
      {BREAKDOWNS.map((chart) => (
        <ChartSlot key={chart} name={chart} title={t(CHART_TITLES[chart])} state={c[chart]} {...slot}>
          {(b) => <BreakdownChart b={b} />}
        </ChartSlot>
      ))}

      <ChartSlot name="patterns" title={t(CHART_TITLES.patterns)} state={c.patterns} {...slot}>
        {(patterns) => <PatternsCard patterns={patterns} />}
      </ChartSlot>

      <ChartSlot name="people" title={t(CHART_TITLES.people)} state={c.people} {...slot}>
        {(people) =>
          people === null ? (
            <Text testId="people-hidden">{t('sup.people.hidden')}</Text>
          ) : (
            <Stack space="space.300">
              <PeopleTable id="people" title={t('sup.chart.people')} dto={people.person} />
              <PeopleTable id="departments" title={t('sup.chart.departments')} dto={people.department} />
            </Stack>
          )
        }
      </ChartSlot>

      <ChartSlot name="lineOutcomes" title={t(CHART_TITLES.lineOutcomes)} state={c.lineOutcomes} {...slot}>
        {(outcomes) => <LineOutcomeCharts outcomes={outcomes} granularity={granularity} />}
      </ChartSlot>

      <ChartSlot name="caseHabit" title={t(CHART_TITLES.caseHabit)} state={c.caseHabit} {...slot}>
        {(habit) =>
          habit === null ? (
            <Text testId="habit-hidden">{t('sup.people.hidden')}</Text>
          ) : (
            <CaseHabitTables habit={habit} />
          )
        }
      </ChartSlot>
    </Stack>
  );
}
