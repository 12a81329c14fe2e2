import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { gadgetNumbers } from '../../app/analytics/gadget';
import { wrapped } from '../supervision-resolver';

/** Resolver of the `itr-supervision-gadget` dashboard gadget (manifest function `gadget-resolver`). */
const resolver = new Resolver();
resolver.define('getGadgetNumbers', (req) => {
  const accountId = typeof req.context['accountId'] === 'string' ? req.context['accountId'] : undefined;
  return wrapped(() => gadgetNumbers(accountId, new Date()));
});
export const handler = guardedDefinitions(resolver);
