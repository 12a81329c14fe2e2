/**
 * The recalculation's resolver functions, joined into the grading admin page's resolver (the page
 * where calendars and budgets change): `startEscalationRecalculation` (Jira admin only) and
 * `getEscalationRecalculation`. Answers the envelope; refusals are NOT_AUTHORIZED.
 */
import type { ResolverResult } from '../../contract/envelope';
import type { RecalculationProgress } from '../../contract/escalation';
import { DomainError } from '../../domain';
import { confirmationMissing } from '../audit/confirmation';
import { NotAuthorizedError } from '../auth/authorization';
import { platformDeps, type EscalationDeps } from './deps';
import { getRecalculation, startRecalculation } from './recalculate';
import { toServerErrorCode } from '../../contract/errorCodes';

type Handler = (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>;

async function wrap<T>(run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (e) {
    if (e instanceof NotAuthorizedError || e instanceof DomainError)
      return { success: false, errors: [{ code: toServerErrorCode(e.code), message: e.message }] };
    throw e;
  }
}

export function escalationAdminHandlers(deps: () => EscalationDeps = () => platformDeps()): Record<string, Handler> {
  const accountIdOf = (context: Record<string, unknown>): string | undefined =>
    typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
  return {
    startEscalationRecalculation: async (payload, context) =>
      confirmationMissing(payload, 'Recalculating rewrites the due times of every open issue') ??
      wrap<RecalculationProgress>(() => startRecalculation(accountIdOf(context), deps())),
    getEscalationRecalculation: (payload) => {
      const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
      const jobId = typeof p['jobId'] === 'string' ? p['jobId'] : undefined;
      return wrap<RecalculationProgress | null>(() => getRecalculation(jobId, deps()));
    },
  };
}
