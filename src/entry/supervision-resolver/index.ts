import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { ItrError } from '../../app/itrError';
import { getBackfillProgress, startBackfill } from '../../app/analytics/backfill';
import { buildChart, platformReportDeps, SUPERVISION_CHARTS } from '../../app/analytics/report';
import { latestWeeklyReport } from '../../app/analytics/weeklyReport';
import { lastingFixCounts } from '../../app/lastingFix/lastingFixSweep';
import { isFilterError, parseFilter } from '../../domain/analytics';
import type { SupervisionChartName, SupervisionFunctions } from '../../contract/analytics';
import type { LastingFixFunctions } from '../../contract/lastingFix';
import type { DecisionSupervisionFunctions } from '../../contract/decisions';
import { costSummary } from '../../app/decisions/decisions';
import { sparePartSummary } from '../../app/customers/sparePartSummary';
import type { SparePartSupervisionFunctions } from '../../contract/customers';
import { defineAll, type Implementing } from '../envelope';
import { callerOf, fieldsOf } from '../payload';

/**
 * Resolver of the `itr-supervision` global page (manifest function `supervision-resolver`): parses the
 * filter, calls the use cases, answers their value. Who the caller is comes from the context only.
 */

const isChart = (v: unknown): v is SupervisionChartName =>
  typeof v === 'string' && (SUPERVISION_CHARTS as readonly string[]).includes(v);
/** A page-load id is only a cache key: short, plain, or ignored (then Jira is asked for this call alone). */
const loadIdOf = (payload: unknown): string | undefined => {
  const v = fieldsOf(payload)['loadId'];
  return typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : undefined;
};

type PageFunctions = Omit<SupervisionFunctions, 'getGadgetNumbers' | 'sendHandoff' | 'listHandoffs'> &
  Pick<LastingFixFunctions, 'getLastingFixCounts'> &
  DecisionSupervisionFunctions &
  SparePartSupervisionFunctions;

const functions: Implementing<PageFunctions> = {
  getSupervisionChart: (payload, context) => {
    const chart = fieldsOf(payload)['chart'];
    if (!isChart(chart))
      throw new ItrError('ANALYTICS_BAD_FILTER', `chart must be one of ${SUPERVISION_CHARTS.join(', ')}`, {
        path: 'chart',
      });
    const filter = parseFilter(fieldsOf(payload)['filter']);
    if (isFilterError(filter)) throw new ItrError(filter.code, filter.message, { path: `filter.${filter.path}` });
    return buildChart(callerOf(context), chart, filter, loadIdOf(payload));
  },
  getWeeklyReport: (payload, context) => {
    const deps = platformReportDeps();
    return latestWeeklyReport(
      deps.scopes.of(callerOf(context), loadIdOf(payload), () => deps.asCaller(), deps.nowMs()),
      new Date(deps.nowMs()),
    );
  },
  startAnalyticsBackfill: (_payload, context) => startBackfill(callerOf(context)),
  getAnalyticsBackfill: (_payload, context) => getBackfillProgress(callerOf(context)),
  // Problems whose lasting fix is not done, per department (issue 17, src/app/lastingFix).
  getLastingFixCounts: (_payload, context) => lastingFixCounts(callerOf(context)),
  // Cost approvals (issue 17, src/app/decisions): count and amount per status in the caller's projects.
  getCostSummary: (_payload, context) => costSummary(callerOf(context)),
  // Spare parts (issue 17, src/app/customers): in transit, returned, repaired, median step times.
  getSparePartSummary: (_payload, context) => sparePartSummary(callerOf(context)),
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
