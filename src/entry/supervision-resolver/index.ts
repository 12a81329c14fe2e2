import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { NotAuthorizedError } from '../../app/auth/authorization';
import { getBackfillProgress, startBackfill } from '../../app/analytics/backfill';
import { buildReport } from '../../app/analytics/report';
import { latestWeeklyReport } from '../../app/analytics/weeklyReport';
import { isFilterError, parseFilter } from '../../domain/analytics';
import type { ResolverResult } from '../../contract/envelope';

/**
 * Resolver of the `itr-supervision` global page (manifest function `supervision-resolver`): parses the
 * filter, calls the use cases, wraps the answer. Who the caller is comes from the context only.
 */
export type Handlers = Record<string, (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>>;

const accountIdOf = (context: Record<string, unknown>): string | undefined => (typeof context['accountId'] === 'string' ? context['accountId'] : undefined);

export async function wrapped<T>(run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { success: false, errors: [{ code: error.code, message: error.message }] };
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && error instanceof Error) return { success: false, errors: [{ code, message: error.message }] };
    throw error;
  }
}

export function handlers(): Handlers {
  return {
    getSupervisionReport: async (payload, context) => {
      const filter = parseFilter(payload);
      if (isFilterError(filter)) return { success: false, errors: [{ code: filter.code, message: filter.message, path: filter.path }] };
      return wrapped(() => buildReport(accountIdOf(context), filter));
    },
    getWeeklyReport: () => wrapped(() => latestWeeklyReport()),
    startAnalyticsBackfill: (_payload, context) => wrapped(() => startBackfill(accountIdOf(context))),
    getAnalyticsBackfill: (_payload, context) => wrapped(() => getBackfillProgress(accountIdOf(context))),
  };
}

const resolver = new Resolver();
for (const [key, fn] of Object.entries(handlers())) {
  resolver.define(key, (req) => fn(req.payload, req.context as Record<string, unknown>));
}
export const handler = guardedDefinitions(resolver);
