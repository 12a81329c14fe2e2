import { Box, Pressable, Stack, Text } from '@atlaskit/primitives';
import type { SupervisionChartData } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { DrillPanel, useDrill } from './drill';
import { chartLabels } from './labels';
import { cardStyle, linkStyle } from './supervisionStyles';

type Pattern = SupervisionChartData['patterns'][number];
const ORIGIN = 'patterns';

/** The patterns the analytics found, in words; one with issues behind it drills down to them. */
export function PatternsCard({ patterns }: { patterns: SupervisionChartData['patterns'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const pct = (x: number): string => chartLabels(i18n).percent(x);
  const drill = useDrill(ORIGIN);
  const textOf = (p: Pattern): string =>
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
  return (
    <Box xcss={cardStyle} testId="patterns">
      <Stack space="space.100">
        <Text as="strong">{t('sup.chart.patterns')}</Text>
        {patterns.length === 0 ? <Text>{t('sup.pattern.none')}</Text> : null}
        {patterns.map((p, i) => {
          const text = textOf(p);
          const jql = p.jql;
          return jql === null ? (
            <Text key={i} testId={`pattern-${p.type}`}>
              {text}
            </Text>
          ) : (
            <Pressable key={i} xcss={linkStyle} testId={`pattern-${p.type}`} onClick={() => drill(jql, text)}>
              {text}
            </Pressable>
          );
        })}
        <DrillPanel origin={ORIGIN} />
      </Stack>
    </Box>
  );
}
