import { Box, Stack, Text } from '@atlaskit/primitives';
import type { WeeklyReportDto } from '../../../src/contract/analytics';
import type { ApiError } from '../../shared/api';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { cardStyle, pct } from './supervisionStyles';

/** Last week's summary the weekly trigger stored (scoped to the viewer when they may not see everyone's). */
export function WeeklyReport({
  weekly,
  error,
  onRetry,
}: {
  weekly: WeeklyReportDto | null;
  error: ApiError | null;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <Box xcss={cardStyle} testId="weekly-report">
      {error !== null ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : weekly === null ? (
        <Text>{t('sup.weekly.none')}</Text>
      ) : (
        <Stack space="space.050">
          <Text as="strong">
            {t('sup.weekly.title', { from: weekly.from.slice(0, 10), to: weekly.to.slice(0, 10) })}
          </Text>
          <Text>
            {t('sup.weekly.summary', {
              created: weekly.created,
              resolved: weekly.resolved,
              breached: weekly.breached,
              sla: pct(weekly.slaAttainment),
              median: weekly.medianCycleHours ?? '–',
            })}
          </Text>
          {weekly.scopedToViewer ? (
            <Text size="small" testId="weekly-scoped">
              {t('sup.weekly.scoped')}
            </Text>
          ) : null}
        </Stack>
      )}
    </Box>
  );
}
