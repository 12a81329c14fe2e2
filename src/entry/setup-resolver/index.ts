import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { JiraError } from '../../adapters/jira';
import { NotAuthorizedError } from '../../app/auth/authorization';
import { getSetupStatus, listSetupProjects, previewSetup, resumeSetup, runSetup, SetupError, validProjectKeys } from '../../app/setup/setup';
import type { ResolverResult } from '../../contract/envelope';

/**
 * Resolver of the `itr-setup` admin page (manifest function `setup-resolver`). Parses the payload,
 * takes the caller from the invocation context (never the payload) and wraps the use case's answer.
 * Every function checks that the caller is a Jira admin, on the server.
 */

function accountIdOf(context: Record<string, unknown>): string | undefined {
  return typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
}

function projectKeysOf(payload: unknown): string[] {
  return validProjectKeys(typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['projectKeys'] : undefined);
}

async function wrap<T>(work: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await work() };
  } catch (e) {
    if (e instanceof NotAuthorizedError) return { success: false, errors: [{ code: e.code, message: e.message, params: { permission: e.required } }] };
    if (e instanceof SetupError) return { success: false, errors: [{ code: e.code === 'SETUP_INVALID_PROJECTS' ? 'INVALID_PAYLOAD' : e.code, message: e.message, ...(e.code === 'SETUP_INVALID_PROJECTS' ? { path: 'projectKeys' } : {}) }] };
    if (e instanceof JiraError) return { success: false, errors: [{ code: e.code, message: e.message, params: { status: e.status } }] };
    throw e;
  }
}

const resolver = new Resolver();
resolver.define('listSetupProjects', ({ context }) => wrap(() => listSetupProjects(accountIdOf(context))));
resolver.define('previewSetup', ({ payload, context }) => wrap(async () => previewSetup(accountIdOf(context), projectKeysOf(payload))));
resolver.define('runSetup', ({ payload, context }) => wrap(async () => runSetup(accountIdOf(context), projectKeysOf(payload))));
resolver.define('resumeSetup', ({ context }) => wrap(() => resumeSetup(accountIdOf(context))));
resolver.define('getSetupStatus', ({ context }) => wrap(() => getSetupStatus(accountIdOf(context))));

export const handler = guardedDefinitions(resolver);
