import { Stack, Text } from '@atlaskit/primitives';
import type { SupervisionChartName } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { BreakdownChart } from './BreakdownChart';
import { Chart } from './Chart';
import { ChartSlot } from './ChartSlot';
import { PatternsCard } from './PatternsCard';
import { PeopleTable } from './PeopleTable';
import { TotalsCard } from './TotalsCard';
import type { ChartStates } from './useSupervisionCharts';
import { VolumeCharts } from './VolumeCharts';

type Breakdown = 'breakdown-product' | 'breakdown-region' | 'breakdown-customerTier' | 'breakdown-month';
const BREAKDOWNS: ReadonlyArray<[Breakdown, MessageKey]> = [
  ['breakdown-product', 'sup.chart.breakdown.product'],
  ['breakdown-region', 'sup.chart.breakdown.region'],
  ['breakdown-customerTier', 'sup.chart.breakdown.customerTier'],
  ['breakdown-month', 'sup.chart.breakdown.month'],
];

/** Every chart in its slot, in the page's order. */
export function Charts(props: {
  charts: ChartStates;
  retry: (chart: SupervisionChartName) => () => void;
  onDrill: (jql: string, label: string) => void;
}) {
  const { t } = useI18n();
  const { charts: c, retry, onDrill } = props;
  const cycleLabel = (h: { fromHours: number; toHours: number | null }): string =>
    h.toHours === null ? `≥${h.fromHours}` : `${h.fromHours}–${h.toHours}`;
  return (
    <Stack space="space.300">
      <ChartSlot name="totals" title={t('sup.chart.totals')} state={c.totals} retry={retry('totals')}>
        {(totals) => <TotalsCard totals={totals} onDrill={onDrill} />}
      </ChartSlot>
      <ChartSlot name="volume" title={t('sup.chart.volumeKind')} state={c.volume} retry={retry('volume')}>
        {(volume) => <VolumeCharts volume={volume} onDrill={onDrill} />}
      </ChartSlot>
      <ChartSlot name="sla" title={t('sup.chart.sla')} state={c.sla} retry={retry('sla')}>
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
      </ChartSlot>
      <ChartSlot name="ola" title={t('sup.chart.ola')} state={c.ola} retry={retry('ola')}>
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
      </ChartSlot>
      <ChartSlot
        name="cycle"
        title={t('sup.chart.cycle', { median: '–', p90: '–' })}
        state={c.cycle}
        retry={retry('cycle')}
      >
        {(cycle) => (
          <Chart
            id="cycle"
            title={t('sup.chart.cycle', { median: cycle.medianHours ?? '–', p90: cycle.p90Hours ?? '–' })}
            categories={cycle.histogram.map(cycleLabel)}
            series={[{ label: t('sup.col.count'), values: cycle.histogram.map((h) => h.count) }]}
            onDrill={onDrill}
          />
        )}
      </ChartSlot>
      {BREAKDOWNS.map(([chart, title]) => (
        <ChartSlot key={chart} name={chart} title={t(title)} state={c[chart]} retry={retry(chart)}>
          {(b) => <BreakdownChart b={b} onDrill={onDrill} />}
        </ChartSlot>
      ))}

      <ChartSlot name="patterns" title={t('sup.chart.patterns')} state={c.patterns} retry={retry('patterns')}>
        {(patterns) => <PatternsCard patterns={patterns} onDrill={onDrill} />}
      </ChartSlot>

      <ChartSlot name="people" title={t('sup.chart.people')} state={c.people} retry={retry('people')}>
        {(people) =>
          people === null ? (
            <Text testId="people-hidden">{t('sup.people.hidden')}</Text>
          ) : (
            <Stack space="space.300">
              <PeopleTable id="people" title={t('sup.chart.people')} dto={people.person} onDrill={onDrill} />
              <PeopleTable
                id="departments"
                title={t('sup.chart.departments')}
                dto={people.department}
                onDrill={onDrill}
              />
            </Stack>
          )
        }
      </ChartSlot>
    </Stack>
  );
}
