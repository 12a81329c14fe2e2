import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AnalyticsFilterDto,
  SupervisionChartData,
  SupervisionChartName,
  WeeklyReportDto,
} from '../../../src/contract/analytics';
import { ApiError, call } from '../../shared/api';
import { toApiError } from '../../shared/errors';

/** Every chart the page asks for, each in its own call (a chart the contract adds and this list lacks is a type error). */
export const SUPERVISION_CHARTS = [
  'totals',
  'volume',
  'sla',
  'ola',
  'cycle',
  'breakdown-product',
  'breakdown-region',
  'breakdown-customerTier',
  'breakdown-month',
  'patterns',
  'people',
  'lineOutcomes',
  'caseHabit',
] as const satisfies readonly SupervisionChartName[];
type UnaskedChart = Exclude<SupervisionChartName, (typeof SUPERVISION_CHARTS)[number]>;
const everyChartAsked: [UnaskedChart] extends [never] ? true : UnaskedChart = true;
void everyChartAsked;

export type ChartState<K extends SupervisionChartName> =
  | { status: 'loading' }
  | { status: 'ready'; data: SupervisionChartData[K] }
  | { status: 'error'; error: ApiError };
export type ChartStates = { [K in SupervisionChartName]: ChartState<K> };
/** Last week's report: loading, loaded (null when the weekly trigger has not stored one yet), or failed. */
export type WeeklyState =
  | { status: 'loading' }
  | { status: 'ready'; report: WeeklyReportDto | null }
  | { status: 'error'; error: ApiError };

const allLoading = (): ChartStates =>
  Object.fromEntries(SUPERVISION_CHARTS.map((c) => [c, { status: 'loading' }])) as ChartStates;
/** A fresh id per page load: the server asks Jira for the caller's permissions once per load (a cache key only). */
const newLoadId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

async function fetchChart<K extends SupervisionChartName>(
  chart: K,
  filter: AnalyticsFilterDto,
  loadId: string,
): Promise<SupervisionChartData[K]> {
  const answer = await call('getSupervisionChart', { chart, filter, loadId });
  if (answer.chart !== chart)
    throw new ApiError('UI_MALFORMED_RESPONSE', `asked for ${chart}, got ${answer.chart}`, {
      functionKey: 'getSupervisionChart',
    });
  return answer.data as SupervisionChartData[K];
}

export interface SupervisionCharts {
  charts: ChartStates;
  weekly: WeeklyState;
  /** Asks for one chart again (its retry), with the current filter. */
  retry: (chart: SupervisionChartName) => () => void;
  retryWeekly: () => void;
}

/**
 * Every chart and the weekly report for `filter`, each answer drawn as it arrives; a new filter starts a
 * new load, and answers of an earlier load are dropped.
 */
export function useSupervisionCharts(filter: AnalyticsFilterDto): SupervisionCharts {
  const [charts, setCharts] = useState<ChartStates>(allLoading);
  const [weekly, setWeekly] = useState<WeeklyState>({ status: 'loading' });
  const current = useRef('');

  const loadChart = useCallback(
    <K extends SupervisionChartName>(chart: K, f: AnalyticsFilterDto, loadId: string): void => {
      const settle = (state: ChartState<K>): void => {
        if (current.current === loadId) setCharts((all) => ({ ...all, [chart]: state }));
      };
      settle({ status: 'loading' });
      fetchChart(chart, f, loadId).then(
        (data) => settle({ status: 'ready', data }),
        (e: unknown) => settle({ status: 'error', error: toApiError(e) }),
      );
    },
    [],
  );

  const loadWeekly = useCallback((loadId: string): void => {
    setWeekly({ status: 'loading' });
    call('getWeeklyReport', { loadId }).then(
      (report) => current.current === loadId && setWeekly({ status: 'ready', report }),
      (e: unknown) => current.current === loadId && setWeekly({ status: 'error', error: toApiError(e) }),
    );
  }, []);

  useEffect(() => {
    const loadId = newLoadId();
    current.current = loadId;
    setCharts(allLoading());
    for (const chart of SUPERVISION_CHARTS) loadChart(chart, filter, loadId);
    loadWeekly(loadId);
  }, [filter, loadChart, loadWeekly]);

  return {
    charts,
    weekly,
    retry: (chart) => () => loadChart(chart, filter, current.current),
    retryWeekly: () => loadWeekly(current.current),
  };
}
