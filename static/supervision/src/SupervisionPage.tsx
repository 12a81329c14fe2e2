/**
 * The supervision page (`itr-supervision`): filters, totals, every chart with a table alternative and
 * CSV export, patterns, per-person/department tables (when the server allows), the weekly report, and
 * drill-down to the JQL of the issues behind any number. Each chart is its own call
 * (`getSupervisionChart`), drawn as soon as its answer arrives, with its own loading state and error.
 */
import { useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AnalyticsFilterDto } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { Charts } from './Charts';
import { DrillDialog } from './DrillDialog';
import { defaultFilter, FilterBar } from './FilterBar';
import { Rebuild } from './Rebuild';
import { useSupervisionCharts } from './useSupervisionCharts';
import { WeeklyReport } from './WeeklyReport';

const pageStyle = xcss({ padding: 'space.300' });

export function SupervisionPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AnalyticsFilterDto>(() => defaultFilter(Date.now()));
  const { charts, weekly, weeklyError, retry, retryWeekly } = useSupervisionCharts(filter);
  const [drill, setDrill] = useState<{ jql: string; label: string } | null>(null);
  const onDrill = (jql: string, label: string): void => setDrill({ jql, label });

  return (
    <Box xcss={pageStyle}>
      <Stack space="space.300">
        <Text as="strong" size="large">
          {t('sup.title')}
        </Text>
        <FilterBar initial={filter} onApply={setFilter} />
        <Rebuild />
        <WeeklyReport weekly={weekly} error={weeklyError} onRetry={retryWeekly} />
        {drill ? <DrillDialog jql={drill.jql} label={drill.label} onClose={() => setDrill(null)} /> : null}
        <Charts charts={charts} retry={retry} onDrill={onDrill} />
      </Stack>
    </Box>
  );
}
