import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { returnVisitHandlers } from '../../app/returnVisits/handlers';

/**
 * Resolver of the `itr-return-visits` global page (manifest function `return-visits-resolver`): the
 * return-visit queue for the supervising role and the closing admin area (src/app/returnVisits).
 */
const resolver = new Resolver();
for (const [key, fn] of Object.entries(returnVisitHandlers())) {
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));
}

export const handler = guardedDefinitions(resolver);
