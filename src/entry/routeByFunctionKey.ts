import type Resolver from '@forge/resolver';

/**
 * Custom UI can only `invoke` its own module's resolver function, so a page that uses functions of
 * several areas (the global page's tabs; the issue panel's case suggestions) gets one handler that
 * sends each call to the resolver of its area by function key.
 */
export type ResolverHandler = ReturnType<Resolver['getDefinitions']>;

export function routeByFunctionKey(
  routes: ReadonlyArray<readonly [keys: Readonly<Record<string, true>>, handler: ResolverHandler]>,
  fallback?: ResolverHandler,
): ResolverHandler {
  return (event, backend) => {
    const key = event.call.functionKey;
    const route = routes.find(([keys]) => Object.hasOwn(keys, key));
    if (route !== undefined) return route[1](event, backend);
    if (fallback !== undefined) return fallback(event, backend);
    // An unknown key fails as @forge/resolver fails it.
    return Promise.reject(new Error(`Resolver has no definition for '${key}'.`));
  };
}
