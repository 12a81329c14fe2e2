import { Box, Stack, Text } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { chartLabels } from './labels';
import { cardStyle } from './supervisionStyles';
import type { WeeklyState } from './useSupervisionCharts';

/**
 * Last week's summary the weekly trigger stored (scoped to the viewer when they may not see everyone's):
 * "Loading…" until the answer is in, "No weekly report yet." only when the server says there is none,
 * and a quiet "not loaded" when it failed (the page's one error message says why).
 */
export function WeeklyReport({ weekly, everythingFailed }: { weekly: WeeklyState; everythingFailed: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (weekly.status === 'error' && everythingFailed) return null;
  const day = new Intl.DateTimeFormat(i18n.formatLocale, {
    dateStyle: 'medium',
    ...(i18n.timeZone === null ? {} : { timeZone: i18n.timeZone }),
  });
  const date = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : day.format(Date.parse(iso)));
  return (
    <Box xcss={cardStyle} testId="weekly-report" data-state={weekly.status} aria-busy={weekly.status === 'loading'}>
      {weekly.status === 'loading' ? (
        <Text testId="weekly-loading">{t('sup.weekly.loading')}</Text>
      ) : weekly.status === 'error' ? (
        <Stack space="space.050">
          <Text as="strong">{t('sup.weekly.name')}</Text>
          <Text color="color.text.subtle">{t('sup.error.slot')}</Text>
        </Stack>
      ) : weekly.report === null ? (
        <Text testId="weekly-none">{t('sup.weekly.none')}</Text>
      ) : (
        <Stack space="space.050">
          <Text as="strong">
            {/* The seven days up to when the weekly trigger ran, as dates in the user's zone. */}
            {t('sup.weekly.title', { from: date(weekly.report.from), to: date(weekly.report.to) })}
          </Text>
          <Text>
            {t('sup.weekly.summary', {
              created: weekly.report.created,
              resolved: weekly.report.resolved,
              breached: weekly.report.breached,
              sla: weekly.report.slaAttainment === null ? '–' : chartLabels(i18n).percent(weekly.report.slaAttainment),
              median: weekly.report.medianCycleHours ?? '–',
            })}
          </Text>
          {weekly.report.scopedToViewer ? (
            <Text size="small" testId="weekly-scoped">
              {t('sup.weekly.scoped')}
            </Text>
          ) : null}
        </Stack>
      )}
    </Box>
  );
}
