import type { BreakdownDto } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Chart } from './Chart';
import { chartLabels } from './labels';

/** Bars drawn for products, regions and tiers at most (the largest; the table lists every row). */
export const MAX_BREAKDOWN_BARS = 20;

const HEADER: Record<BreakdownDto['dimension'], MessageKey> = {
  product: 'sup.col.product',
  region: 'sup.col.region',
  customerTier: 'sup.col.customerTier',
  month: 'sup.col.month',
};

/**
 * Issues by one dimension (product, region, customer tier, month): all of them and the severe ones. The
 * server sends the rows largest first; months are a time series and are put in date order here.
 */
export function BreakdownChart({ b }: { b: BreakdownDto }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const months = b.dimension === 'month';
  const rows = months
    ? [...b.rows].sort((p, q) => (p.value === null ? 1 : q.value === null ? -1 : p.value.localeCompare(q.value)))
    : b.rows;
  const name = (v: string | null): string =>
    months
      ? v === null
        ? t('sup.none')
        : labels.periodLong(v, 'month')
      : b.dimension === 'customerTier'
        ? labels.coded(v, b.labels)
        : labels.free(v);
  const categories = rows.map((r) => name(r.value));
  return (
    <Chart
      id={`breakdown-${b.dimension}`}
      title={t(`sup.chart.breakdown.${b.dimension}`)}
      categoryHeader={t(HEADER[b.dimension])}
      categories={categories}
      ordered={months}
      {...(months ? {} : { maxBars: MAX_BREAKDOWN_BARS })}
      series={[
        { label: t('sup.col.count'), values: rows.map((r) => r.count) },
        { label: t('sup.col.severe'), values: rows.map((r) => r.severe) },
      ]}
      table={{
        header: [
          t(HEADER[b.dimension]),
          t('sup.col.count'),
          t('sup.col.severe'),
          t('sup.col.resolved'),
          t('sup.col.breached'),
        ],
        rows: rows.map((r, i) => [categories[i] ?? '', r.count.value, r.severe, r.resolved, r.breached]),
      }}
    />
  );
}
