import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { Drill, SupervisionChartData } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { DrillPanel } from './drill';
import { DrillNumber } from './DrillNumber';
import { chartLabels } from './labels';
import { cardStyle } from './supervisionStyles';

const ORIGIN = 'totals';

/** The filter's totals (created, resolved, open, breached, each drilling down) and the SLA attainment. */
export function TotalsCard({ totals }: { totals: SupervisionChartData['totals'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const total = (key: MessageKey, drill: Drill, testId: string) => (
    <Stack>
      <Text size="small">{t(key)}</Text>
      <DrillNumber drill={drill} testId={testId} label={t(key)} origin={ORIGIN} />
    </Stack>
  );
  return (
    <Box xcss={cardStyle} testId="totals-card">
      <Stack space="space.100">
        <Inline space="space.400" shouldWrap testId="totals">
          {total('sup.totals.created', totals.created, 'total-created')}
          {total('sup.totals.resolved', totals.resolved, 'total-resolved')}
          {total('sup.totals.open', totals.open, 'total-open')}
          {total('sup.totals.breached', totals.breached, 'total-breached')}
          <Stack>
            <Text size="small">{t('sup.totals.sla')}</Text>
            <Text testId="total-sla">
              {totals.slaAttainment === null ? '–' : chartLabels(i18n).percent(totals.slaAttainment)}
            </Text>
          </Stack>
        </Inline>
        {totals.created.value === 0 ? <Text testId="empty">{t('sup.empty')}</Text> : null}
        <DrillPanel origin={ORIGIN} />
      </Stack>
    </Box>
  );
}
