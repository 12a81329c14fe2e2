/**
 * The supervision page (`itr-supervision`): filters, totals, every chart with a table alternative and
 * CSV export, patterns, per-person/department tables (when the server allows), the weekly report, and
 * drill-down to the JQL of the issues behind any number, right under what was clicked. Each chart is its
 * own call (`getSupervisionChart`), drawn as soon as its answer arrives; what fails is named in one
 * error message at the top, with one Retry.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AnalyticsFilterDto, CodeLabels } from '../../../src/contract/analytics';
import type { ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { Charts, CHART_TITLES } from './Charts';
import { CostApprovals } from './CostApprovals';
import { SparePartsCard } from './SparePartsCard';
import { ChartColumn } from './chartWidth';
import { DrillProvider } from './drill';
import { defaultFilter, FilterBar } from './FilterBar';
import { PageError, type Failure } from './PageError';
import { Rebuild } from './Rebuild';
import { SUPERVISION_CHARTS, useSupervisionCharts } from './useSupervisionCharts';
import { WeeklyReport } from './WeeklyReport';
import { LastingFixCard } from './LastingFixCard';

const pageStyle = xcss({ padding: 'space.300' });

export function SupervisionPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AnalyticsFilterDto>(() => defaultFilter(Date.now()));
  const { charts, weekly, retry, retryWeekly } = useSupervisionCharts(filter);
  const [rebuildError, setRebuildError] = useState<ApiError | null>(null);
  const [rebuildReload, setRebuildReload] = useState(0);
  const onRebuildReadError = useCallback((e: ApiError | null) => setRebuildError(e), []);

  // Grades the charts met, kept across filters: a filter on one grade must still offer the others.
  const [gradeLabels, setGradeLabels] = useState<CodeLabels>({});
  const volume = charts.volume;
  useEffect(() => {
    if (volume.status === 'ready') setGradeLabels((known) => ({ ...known, ...volume.data.gradeLabels }));
  }, [volume]);

  const failed = SUPERVISION_CHARTS.filter((name) => charts[name].status === 'error');
  const failures: Failure[] = [
    ...failed.flatMap((name) => {
      const state = charts[name];
      return state.status === 'error' ? [{ title: t(CHART_TITLES[name]), error: state.error }] : [];
    }),
    ...(weekly.status === 'error' ? [{ title: t('sup.weekly.name'), error: weekly.error }] : []),
    ...(rebuildError === null ? [] : [{ title: t('sup.rebuild.title'), error: rebuildError }]),
  ];
  // The server is down, say: no chart came back. The page then shows the one message and the filter.
  const everythingFailed = failed.length === SUPERVISION_CHARTS.length;
  const retryFailed = (): void => {
    for (const name of failed) retry(name)();
    if (weekly.status === 'error') retryWeekly();
    if (rebuildError !== null) setRebuildReload((n) => n + 1);
  };

  return (
    <DrillProvider>
      <Box xcss={pageStyle}>
        <Stack space="space.300">
          <Text as="strong" size="large">
            {t('sup.title')}
          </Text>
          <FilterBar initial={filter} gradeLabels={gradeLabels} onApply={setFilter} />
          <PageError failures={failures} everything={everythingFailed} onRetry={retryFailed} />
          <Rebuild onReadError={onRebuildReadError} reload={rebuildReload} />
          <WeeklyReport weekly={weekly} everythingFailed={everythingFailed} />
          <LastingFixCard />
          <CostApprovals />
          <SparePartsCard />
          <ChartColumn>
            <Charts charts={charts} granularity={filter.granularity ?? 'month'} everythingFailed={everythingFailed} />
          </ChartColumn>
        </Stack>
      </Box>
    </DrillProvider>
  );
}
