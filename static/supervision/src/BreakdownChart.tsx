import type { BreakdownDto } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Chart } from './Chart';

/** Issues by one dimension (product, region, customer tier, month): all of them and the severe ones. */
export function BreakdownChart({ b, onDrill }: { b: BreakdownDto; onDrill: (jql: string, label: string) => void }) {
  const { t } = useI18n();
  return (
    <Chart
      id={`breakdown-${b.dimension}`}
      title={t(`sup.chart.breakdown.${b.dimension}` as MessageKey)}
      categories={b.rows.map((x) => x.value ?? t('sup.none'))}
      series={[
        { label: t('sup.col.count'), values: b.rows.map((x) => x.count) },
        { label: t('sup.col.severe'), values: b.rows.map((x) => x.severe) },
      ]}
      onDrill={onDrill}
    />
  );
}
