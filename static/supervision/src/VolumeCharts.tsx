import { Stack } from '@atlaskit/primitives';
import type { SupervisionChartData } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { Chart } from './Chart';
import { chartLabels, KIND_ORDER, type Granularity } from './labels';

/** Issues created per period (in date order, as the server sends them), by kind and by grade: stacked, a whole and its parts. */
export function VolumeCharts({
  volume: v,
  granularity,
}: {
  volume: SupervisionChartData['volume'];
  granularity: Granularity;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const periods = v.periods.map((p) => labels.periodLong(p, granularity));
  const axis = v.periods.map((p) => labels.periodShort(p, granularity));
  // Series in a fixed order (kinds as the process lists them, grades most severe first), so each keeps its colour.
  const gradeOrder = Object.keys(v.gradeLabels);
  const rank = (order: readonly string[], code: string | null): number => {
    const i = code === null ? -1 : order.indexOf(code);
    return i < 0 ? order.length : i;
  };
  const byKind = [...v.byKind].sort((a, b) => rank(KIND_ORDER, a.kind) - rank(KIND_ORDER, b.kind));
  const byGrade = [...v.byGrade].sort((a, b) => rank(gradeOrder, a.grade) - rank(gradeOrder, b.grade));
  return (
    <Stack space="space.300">
      <Chart
        id="volume-kind"
        title={t('sup.chart.volumeKind')}
        categoryHeader={t('sup.col.period')}
        categories={periods}
        axisLabels={axis}
        ordered
        stacked
        series={byKind.map((s) => ({ label: labels.kind(s.kind), values: s.counts }))}
      />
      <Chart
        id="volume-grade"
        title={t('sup.chart.volumeGrade')}
        categoryHeader={t('sup.col.period')}
        categories={periods}
        axisLabels={axis}
        ordered
        stacked
        series={byGrade.map((s) => ({ label: labels.coded(s.grade, v.gradeLabels), values: s.counts }))}
      />
    </Stack>
  );
}
