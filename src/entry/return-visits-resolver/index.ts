import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { returnVisitHandlers } from '../../app/returnVisits/handlers';
import { peopleHandlers } from '../../app/people/peopleHandlers';

/**
 * Resolver of the `itr-return-visits` global page (manifest function `return-visits-resolver`): the
 * return-visit queue for the supervising role and the closing admin area (src/app/returnVisits).
 */
const resolver = new Resolver();
// peopleHandlers: the fallback closers' and supervisor groups' pickers.
for (const [key, fn] of Object.entries({ ...returnVisitHandlers(), ...peopleHandlers() })) {
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));
}

export const handler = guardedDefinitions(resolver);
