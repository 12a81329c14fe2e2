import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { gadgetNumbers } from '../../app/analytics/gadget';
import type { SupervisionFunctions } from '../../contract/analytics';
import { defineAll, type Implementing } from '../envelope';
import { callerOf } from '../payload';

/** Resolver of the `itr-supervision-gadget` dashboard gadget (manifest function `gadget-resolver`). */
const functions: Implementing<Pick<SupervisionFunctions, 'getGadgetNumbers'>> = {
  getGadgetNumbers: (_payload, context) => gadgetNumbers(callerOf(context), new Date()),
};
export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
