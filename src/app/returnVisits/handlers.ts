import { jiraAsApp, jiraAsUser } from '../../adapters/jira';
import { recordAudit } from '../audit/auditLog';
import { ConfigStore } from '../../adapters/kvs';
import type { ResolverResult } from '../../contract/envelope';
import type { ClosureAdminState, ReturnVisit } from '../../contract/closure';
import { isSatisfaction, viewsDiffer } from '../../domain/closure';
import { sizeOf, STORED_LIMITS } from '../../domain/storageLimits';
import { NotAuthorizedError, requireJiraAdmin } from '../auth/authorization';
import { lookUpClosureFieldIds } from '../closure/closureFields';
import { lastPublished, publishCloseProperty } from '../closure/closeProperty';
import { syncClosureRules } from '../closure/closureRules';
import { FALLBACK_REASON_MAX, loadFallback, saveFallback } from '../closure/fallbackClosers';
import { loadSettings, RETURN_VISIT_SETTINGS_KEY, requireSupervisor, settingsCodec } from './settings';
import { writeItrFields } from '../fields/writeItrFields';
import { displayNamesOf } from '../settings/settingsCheck';
import { toServerErrorCode, type ServerErrorCode } from '../../contract/errorCodes';
import { repositories } from '../ports';

/**
 * The `return-visits-resolver` functions (page `itr-return-visits`): the visit queue for the
 * supervising role, and an admin area (sampling rate, supervisor groups, fallback closers).
 * Who the caller is comes from the invocation context, never the payload.
 */
export type Handler = (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>;

/** The customer's words, as return_visit.customer_words holds them (src/domain/storageLimits.ts). */
const WORDS_LIMIT = STORED_LIMITS.visitCustomerWords;

const record = (p: unknown): Record<string, unknown> =>
  typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
const accountIdOf = (c: Record<string, unknown>): string | undefined =>
  typeof c['accountId'] === 'string' ? c['accountId'] : undefined;
const fail = (
  code: ServerErrorCode,
  message: string,
  path?: string,
  params?: Record<string, string | number>,
): ResolverResult<never> => ({
  success: false,
  errors: [{ code, message, ...(path !== undefined ? { path } : {}), ...(params !== undefined ? { params } : {}) }],
});

async function wrapped<T>(run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    if (error instanceof NotAuthorizedError) {
      // The supervising role has its own code, so the page can say who may record visits.
      const code = error.required === 'ITR_SUPERVISOR' ? 'VISIT_NOT_SUPERVISOR' : error.code;
      return fail(code, error.message, undefined, { required: error.required });
    }
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && error instanceof Error) return fail(toServerErrorCode(code), error.message);
    throw error;
  }
}

async function isAdmin(accountId: string | undefined): Promise<boolean> {
  try {
    await requireJiraAdmin(accountId);
    return true;
  } catch (e) {
    if (e instanceof NotAuthorizedError) return false;
    throw e;
  }
}

async function adminState(): Promise<ClosureAdminState> {
  const [{ settings, revision }, fallback, published] = await Promise.all([
    loadSettings(),
    loadFallback(),
    lastPublished(),
  ]);
  return {
    settings: {
      sampleRatePercent: settings.sampleRatePercent,
      alwaysGrades: [...settings.alwaysGrades],
      supervisorGroups: [...settings.supervisorGroups],
    },
    settingsRevision: revision,
    fallbackAccountIds: fallback.config.accountIds,
    fallbackHistory: fallback.config.history,
    fallbackRevision: fallback.revision,
    displayNames: await displayNamesOf(jiraAsApp(), [
      ...new Set([...fallback.config.accountIds, ...fallback.config.history.flatMap((h) => [h.by, ...h.accountIds])]),
    ]),
    published: published ?? null,
  };
}

const revisionOf = (p: Record<string, unknown>): number | undefined => {
  const v = p['expectedRevision'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
};

export function returnVisitHandlers(now: () => Date = () => new Date()): Record<string, Handler> {
  return {
    listReturnVisits: (payload, context) =>
      wrapped(async () => {
        const accountId = accountIdOf(context);
        const { settings } = await loadSettings();
        await requireSupervisor(accountId, jiraAsUser(), settings);
        const status = record(payload)['status'] === 'done' ? 'done' : 'open';
        return { visits: await repositories().returnVisits.listVisits(status, 200), isAdmin: await isAdmin(accountId) };
      }),

    recordReturnVisit: async (payload, context) => {
      const p = record(payload);
      const issueId = p['issueId'];
      if (typeof issueId !== 'string' || !/^[1-9][0-9]*$/.test(issueId))
        return fail('INVALID_PAYLOAD', 'issueId must be an issue id', 'issueId');
      if (!isSatisfaction(p['satisfaction']))
        return fail('VISIT_SATISFACTION_INVALID', 'satisfaction must be 1 to 5', 'satisfaction');
      if (typeof p['resolvedInCustomersView'] !== 'boolean')
        return fail('INVALID_PAYLOAD', 'resolvedInCustomersView must be true or false', 'resolvedInCustomersView');
      const words = typeof p['customerWords'] === 'string' ? p['customerWords'].trim() : '';
      if (words === '') return fail('VISIT_WORDS_REQUIRED', "the customer's words are required", 'customerWords');
      if (sizeOf(words, WORDS_LIMIT) > WORDS_LIMIT.max)
        return fail('VISIT_WORDS_TOO_LONG', `at most ${WORDS_LIMIT.max} characters`, 'customerWords', {
          max: WORDS_LIMIT.max,
        });
      const satisfaction = p['satisfaction'];
      const resolvedInCustomersView = p['resolvedInCustomersView'];
      return wrapped(async (): Promise<ReturnVisit> => {
        const accountId = accountIdOf(context);
        const { settings } = await loadSettings();
        await requireSupervisor(accountId, jiraAsUser(), settings);
        const differ = viewsDiffer({ satisfaction, resolvedInCustomersView });
        const changed = await repositories().returnVisits.recordVisit({
          issueId,
          satisfaction,
          resolvedInCustomersView,
          customerWords: words,
          viewsDiffer: differ,
          by: accountId ?? '',
          at: now(),
        });
        const visit = await repositories().returnVisits.getVisit(issueId);
        if (visit === undefined)
          throw Object.assign(new Error(`no return visit for issue ${issueId}`), { code: 'VISIT_NOT_FOUND' });
        if (!changed && visit.status === 'done' && visit.visitedBy !== accountId) {
          throw Object.assign(new Error('this visit was already recorded'), { code: 'VISIT_ALREADY_RECORDED' });
        }
        // Mirror for the close validator: the visit is done, the submitter may close.
        const jira = jiraAsApp();
        const ids = await lookUpClosureFieldIds(jira);
        await writeItrFields(jira, [{ fieldId: ids.visitOpen, issueIds: [issueId], value: 'no' }]);
        return visit;
      });
    },

    getClosureAdmin: (_payload, context) =>
      wrapped(async () => {
        await requireJiraAdmin(accountIdOf(context));
        return adminState();
      }),

    saveReturnVisitSettings: async (payload, context) => {
      const p = record(payload);
      const expectedRevision = revisionOf(p);
      if (expectedRevision === undefined)
        return fail('INVALID_PAYLOAD', 'expectedRevision must be a whole number ≥ 0', 'expectedRevision');
      const value = {
        sampleRatePercent: p['sampleRatePercent'],
        alwaysGrades: p['alwaysGrades'],
        supervisorGroups: p['supervisorGroups'],
      };
      try {
        settingsCodec.parse(value);
      } catch (e) {
        return fail('VISIT_SETTINGS_INVALID', e instanceof Error ? e.message : String(e));
      }
      return wrapped(async () => {
        const accountId = accountIdOf(context);
        await requireJiraAdmin(accountId);
        const saved = await new ConfigStore().set(RETURN_VISIT_SETTINGS_KEY, value as never, settingsCodec, {
          expectedRevision,
          ...(accountId !== undefined ? { updatedBy: accountId } : {}),
        });
        await recordAudit({
          actorAccountId: accountId,
          action: 'settings.save',
          target: RETURN_VISIT_SETTINGS_KEY,
          summary: `Return-visit settings saved (revision ${saved.revision})`,
          params: { area: 'returnVisits', revision: saved.revision },
        });
        return adminState();
      });
    },

    setFallbackClosers: async (payload, context) => {
      const p = record(payload);
      const expectedRevision = revisionOf(p);
      if (expectedRevision === undefined)
        return fail('INVALID_PAYLOAD', 'expectedRevision must be a whole number ≥ 0', 'expectedRevision');
      const ids = p['accountIds'];
      if (
        !Array.isArray(ids) ||
        !ids.every((a) => typeof a === 'string' && /^[A-Za-z0-9:_-]{1,128}$/.test(a)) ||
        ids.length > 20
      ) {
        return fail('INVALID_PAYLOAD', 'accountIds must be up to 20 Atlassian account ids', 'accountIds');
      }
      const reason = typeof p['reason'] === 'string' ? p['reason'].trim() : '';
      if (reason === '' || reason.length > FALLBACK_REASON_MAX)
        return fail('FALLBACK_REASON_REQUIRED', 'a reason is required', 'reason', { max: FALLBACK_REASON_MAX });
      return wrapped(async () => {
        const accountId = accountIdOf(context);
        await requireJiraAdmin(accountId);
        await saveFallback({
          accountIds: [...new Set(ids as string[])],
          reason,
          by: accountId ?? '',
          at: now(),
          expectedRevision,
        });
        await publishCloseProperty();
        // The close rules carry the fallback closers in their configuration: rewrite them on the ITR workflow.
        await syncClosureRules();
        return adminState();
      });
    },

    publishCloseProperty: (_payload, context) =>
      wrapped(async () => {
        await requireJiraAdmin(accountIdOf(context));
        await publishCloseProperty();
        await syncClosureRules();
        return adminState();
      }),
  };
}
