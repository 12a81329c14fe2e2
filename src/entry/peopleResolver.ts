import Resolver from '@forge/resolver';
import { guardedDefinitions } from './guard';
import { PEOPLE_KEYS, peopleHandlers } from '../app/people/peopleHandlers';

/**
 * `searchPeople` (src/app/people) as a resolver handler, for pages whose resolver routes by function key
 * (itr-home, the issue panel). Resolvers built from a handler map spread `peopleHandlers()` instead.
 */
const resolver = new Resolver();
for (const [key, fn] of Object.entries(peopleHandlers()))
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));

export { PEOPLE_KEYS };
export const handler = guardedDefinitions(resolver);
