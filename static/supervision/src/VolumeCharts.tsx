import { Stack } from '@atlaskit/primitives';
import type { SupervisionChartData } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { Chart } from './Chart';

/** Issues created per period, by kind and by grade. */
export function VolumeCharts({
  volume: v,
  onDrill,
}: {
  volume: SupervisionChartData['volume'];
  onDrill: (jql: string, label: string) => void;
}) {
  const { t } = useI18n();
  const name = (x: string | null): string => x ?? t('sup.none');
  return (
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
  );
}
