/**
 * Calls the app's exported handlers the way the Forge platform does, with the harness runtime
 * supplying the principal for `asUser()` calls made inside.
 */
import { harness } from './index';
import { HARNESS_CLOUD_ARI } from './forgeRuntime';

export interface InvokeOptions {
  /** The user the invocation runs for (`asUser()` acts as this account); undefined = no user. */
  accountId?: string;
  /** Extra fields for `context` (e.g. `extension: {issue: {key}}` for an issue panel). */
  context?: Record<string, unknown>;
}

/** The platform's resolver invocation payload (what `resolver.getDefinitions()` accepts). */
export interface ResolverInvocation {
  call: { functionKey: string; payload?: unknown; jobId?: string };
  context: Record<string, unknown>;
}

type DefinitionsHandler = (payload: ResolverInvocation, backendRuntimePayload?: Record<string, unknown>) => unknown;

/**
 * Invokes a resolver built with `@forge/resolver` (`resolver.getDefinitions()`), as Custom UI's
 * `invoke(functionKey, payload)` reaches it: `{call: {functionKey, payload}, context}` plus the
 * backend runtime payload carrying the principal.
 */
export function invokeResolver(
  handler: DefinitionsHandler,
  functionKey: string,
  payload: unknown,
  options: InvokeOptions = {},
): Promise<unknown> {
  const { runtime } = harness();
  const context = {
    cloudId: HARNESS_CLOUD_ARI.split('/').pop(),
    moduleKey: runtime.appContext.moduleKey,
    ...options.context,
  };
  const backend = {
    principal: options.accountId === undefined ? undefined : { accountId: options.accountId },
    installContext: HARNESS_CLOUD_ARI,
    license: runtime.appContext.license,
    installation: runtime.appContext.installation,
  };
  return runtime.runAs(
    options.accountId,
    async () => await handler({ call: { functionKey, payload }, context }, backend),
  );
}

/** Invokes a plain Forge function handler (trigger, validator, web trigger) with `(payload, context)`. */
export function invokeFunction<P, R>(
  handler: (payload: P, context: unknown) => R | Promise<R>,
  payload: P,
  options: InvokeOptions = {},
): Promise<R> {
  const { runtime } = harness();
  const context = {
    installContext: HARNESS_CLOUD_ARI,
    ...(options.accountId !== undefined ? { principal: { accountId: options.accountId } } : {}),
    ...options.context,
  };
  return runtime.runAs(options.accountId, async () => handler(payload, context));
}
