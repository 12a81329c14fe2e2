import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { closureRuleConfigForPage, describeSavedClosureRuleConfig } from '../../app/closure/closureRulePages';
import { NotAuthorizedError } from '../../app/auth/authorization';
import type { ResolverResult } from '../../contract/envelope';
import { toServerErrorCode } from '../../contract/errorCodes';

/**
 * Resolver of the close and resolve workflow rules' create/edit/view pages (manifest function
 * `closure-rule-resolver`, named by `itr-close-condition`, `itr-close-validator` and
 * `itr-resolve-validator`). Which rule is asking comes from the context's `moduleKey`, who from its
 * `accountId`; the payload only carries the saved configuration the view page was given.
 */
/** The use case's answer in the envelope; a typed refusal keeps its code and params (the page translates both). */
async function wrapped<T>(run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    if (error instanceof NotAuthorizedError)
      return {
        success: false,
        errors: [{ code: error.code, message: error.message, params: { required: error.required } }],
      };
    const e = error as { code?: unknown; params?: unknown };
    if (error instanceof Error && typeof e.code === 'string') {
      const params =
        typeof e.params === 'object' && e.params !== null ? (e.params as Record<string, string | number>) : undefined;
      return {
        success: false,
        errors: [
          { code: toServerErrorCode(e.code), message: error.message, ...(params === undefined ? {} : { params }) },
        ],
      };
    }
    throw error;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const resolver = new Resolver();
resolver.define('getClosureRuleConfig', ({ context }) =>
  wrapped(() => closureRuleConfigForPage({ accountId: str(context['accountId']), moduleKey: context['moduleKey'] })),
);
resolver.define('describeClosureRuleConfig', ({ payload, context }) =>
  wrapped(() =>
    describeSavedClosureRuleConfig(
      { accountId: str(context['accountId']), moduleKey: context['moduleKey'] },
      (payload as Record<string, unknown> | undefined)?.['config'],
    ),
  ),
);
export const handler = guardedDefinitions(resolver);
