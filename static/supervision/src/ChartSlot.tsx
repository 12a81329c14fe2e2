import { memo, type ReactNode } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SupervisionChartData, SupervisionChartName } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { cardStyle } from './supervisionStyles';
import type { ChartState } from './useSupervisionCharts';

/**
 * One chart's place on the page: its title and a loading line, the chart once drawn, or a quiet "not
 * loaded" pointing at the page's one error message (PageError); nothing when every chart failed.
 */
interface SlotProps<K extends SupervisionChartName> {
  name: K;
  title: string;
  state: ChartState<K>;
  /** Every chart failed: the page's error message stands alone. */
  everythingFailed: boolean;
  /** Draws the chart; read again only when `state` changes (a new load, or this chart's answer). */
  children: (data: SupervisionChartData[K]) => ReactNode;
}

function Slot<K extends SupervisionChartName>(props: SlotProps<K>) {
  const { t } = useI18n();
  const { state } = props;
  return (
    <div data-chart={props.name} data-chart-state={state.status}>
      {state.status === 'ready' ? (
        props.children(state.data)
      ) : state.status === 'error' && props.everythingFailed ? null : (
        <Box xcss={cardStyle} testId={`chart-${props.name}-${state.status}`} aria-busy={state.status === 'loading'}>
          <Stack space="space.100">
            <Text as="strong">{props.title}</Text>
            <Text color={state.status === 'error' ? 'color.text.subtle' : 'color.text'}>
              {state.status === 'loading' ? t('sup.chart.loading') : t('sup.error.slot')}
            </Text>
          </Stack>
        </Box>
      )}
    </div>
  );
}

/**
 * Each answer that arrives changes the page's state: without this, every chart already drawn would be
 * drawn again for each of the eleven answers. `children` is a new function on every render of the page
 * and is left out: what it draws follows from `state` (a new filter starts a new load, new states).
 */
export const ChartSlot = memo(
  Slot,
  (a, b) =>
    a.state === b.state && a.name === b.name && a.title === b.title && a.everythingFailed === b.everythingFailed,
) as typeof Slot;
