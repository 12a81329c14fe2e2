import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { Drill, SupervisionChartData } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { DrillNumber } from './DrillNumber';
import { pct } from './supervisionStyles';

/** The filter's totals (created, resolved, open, breached, each drilling down) and the SLA attainment. */
export function TotalsCard({
  totals,
  onDrill,
}: {
  totals: SupervisionChartData['totals'];
  onDrill: (jql: string, label: string) => void;
}) {
  const { t } = useI18n();
  const total = (key: MessageKey, drill: Drill, testId: string) => (
    <Stack>
      <Text size="small">{t(key)}</Text>
      <DrillNumber drill={drill} testId={testId} label={t(key)} onDrill={onDrill} />
    </Stack>
  );
  return (
    <Stack space="space.100">
      <Inline space="space.400" shouldWrap testId="totals">
        {total('sup.totals.created', totals.created, 'total-created')}
        {total('sup.totals.resolved', totals.resolved, 'total-resolved')}
        {total('sup.totals.open', totals.open, 'total-open')}
        {total('sup.totals.breached', totals.breached, 'total-breached')}
        <Stack>
          <Text size="small">{t('sup.totals.sla')}</Text>
          <Text testId="total-sla">{pct(totals.slaAttainment)}</Text>
        </Stack>
      </Inline>
      {totals.created.value === 0 ? <Text testId="empty">{t('sup.empty')}</Text> : null}
    </Stack>
  );
}
