import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { NotAuthorizedError } from '../../app/auth/authorization';
import { getBackfillProgress, startBackfill } from '../../app/analytics/backfill';
import { buildChart, platformReportDeps, SUPERVISION_CHARTS } from '../../app/analytics/report';
import { latestWeeklyReport } from '../../app/analytics/weeklyReport';
import { isFilterError, parseFilter } from '../../domain/analytics';
import type { SupervisionChartName } from '../../contract/analytics';
import type { ResolverResult } from '../../contract/envelope';
import { toServerErrorCode } from '../../contract/errorCodes';

/**
 * Resolver of the `itr-supervision` global page (manifest function `supervision-resolver`): parses the
 * filter, calls the use cases, wraps the answer. Who the caller is comes from the context only.
 */
export type Handlers = Record<
  string,
  (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>
>;

const accountIdOf = (context: Record<string, unknown>): string | undefined =>
  typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
const field = (payload: unknown, name: string): unknown =>
  typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
const isChart = (v: unknown): v is SupervisionChartName =>
  typeof v === 'string' && (SUPERVISION_CHARTS as readonly string[]).includes(v);
/** A page-load id is only a cache key: short, plain, or ignored (then Jira is asked for this call alone). */
const loadIdOf = (payload: unknown): string | undefined => {
  const v = field(payload, 'loadId');
  return typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : undefined;
};

export async function wrapped<T>(run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    if (error instanceof NotAuthorizedError)
      return { success: false, errors: [{ code: error.code, message: error.message }] };
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && error instanceof Error)
      return { success: false, errors: [{ code: toServerErrorCode(code), message: error.message }] };
    throw error;
  }
}

export function handlers(): Handlers {
  return {
    getSupervisionChart: async (payload, context) => {
      const chart = field(payload, 'chart');
      if (!isChart(chart))
        return {
          success: false,
          errors: [
            {
              code: 'ANALYTICS_BAD_FILTER',
              message: `chart must be one of ${SUPERVISION_CHARTS.join(', ')}`,
              path: 'chart',
            },
          ],
        };
      const filter = parseFilter(field(payload, 'filter'));
      if (isFilterError(filter))
        return {
          success: false,
          errors: [{ code: filter.code, message: filter.message, path: `filter.${filter.path}` }],
        };
      return wrapped(() => buildChart(accountIdOf(context), chart, filter, loadIdOf(payload)));
    },
    getWeeklyReport: (payload, context) =>
      wrapped(() => {
        const deps = platformReportDeps();
        const accountId = accountIdOf(context);
        return latestWeeklyReport(
          deps.scopes.of(accountId, loadIdOf(payload), () => deps.asCaller(), deps.nowMs()),
          new Date(deps.nowMs()),
        );
      }),
    startAnalyticsBackfill: (_payload, context) => wrapped(() => startBackfill(accountIdOf(context))),
    getAnalyticsBackfill: (_payload, context) => wrapped(() => getBackfillProgress(accountIdOf(context))),
  };
}

const resolver = new Resolver();
for (const [key, fn] of Object.entries(handlers())) {
  resolver.define(key, (req) => fn(req.payload, req.context as Record<string, unknown>));
}
export const handler = guardedDefinitions(resolver);
