import type { ReactNode } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SupervisionChartData, SupervisionChartName } from '../../../src/contract/analytics';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { cardStyle } from './supervisionStyles';
import type { ChartState } from './useSupervisionCharts';

/** One chart's place on the page: its title and a loading line, its error with a retry, or the chart. */
export function ChartSlot<K extends SupervisionChartName>(props: {
  name: K;
  title: string;
  state: ChartState<K>;
  retry: () => void;
  children: (data: SupervisionChartData[K]) => ReactNode;
}) {
  const { t } = useI18n();
  const { state } = props;
  return (
    <div data-chart={props.name} data-chart-state={state.status}>
      {state.status === 'ready' ? (
        props.children(state.data)
      ) : (
        <Box xcss={cardStyle} testId={`chart-${props.name}-${state.status}`} aria-busy={state.status === 'loading'}>
          <Stack space="space.100">
            <Text as="strong">{props.title}</Text>
            {state.status === 'loading' ? (
              <Text>{t('sup.chart.loading')}</Text>
            ) : (
              <ErrorState error={state.error} onRetry={props.retry} />
            )}
          </Stack>
        </Box>
      )}
    </div>
  );
}
