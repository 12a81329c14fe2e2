import Resolver from '@forge/resolver';
import { guardedDefinitions } from './guard';
import { ItrError } from '../app/itrError';
import { listReturnVisits, recordReturnVisit } from '../app/returnVisits/handlers';
import type { ReturnVisitsFunctions } from '../contract/closure';
import { isSatisfaction } from '../domain/closure';
import { defineAll, type Implementing } from './envelope';
import { callerOf, fieldsOf, invalidPayload, numericId, wholeNumber } from './payload';

/**
 * The return-visit queue's resolver functions (src/app/returnVisits), served through the `itr-home`
 * global page's resolver: its "Return visits" subpage. They only parse the payload and call the use
 * case as the caller from the context. The closing settings are the admin page's
 * (src/entry/closureAdminFunctions.ts).
 */

/** Newer visits skipped at most: far beyond any queue, small enough to write into SQL as digits. */
const OFFSET_MAX = 1_000_000;

const functions: Implementing<ReturnVisitsFunctions> = {
  listReturnVisits: (payload, context) => {
    const p = fieldsOf(payload);
    const offset = p['offset'] === undefined ? 0 : wholeNumber(payload, 'offset', { min: 0, max: OFFSET_MAX });
    return listReturnVisits(callerOf(context), p['status'] === 'done' ? 'done' : 'open', offset);
  },
  recordReturnVisit: (payload, context) => {
    const p = fieldsOf(payload);
    const issueId = numericId(payload, 'issueId');
    const satisfaction = p['satisfaction'];
    if (!isSatisfaction(satisfaction))
      throw new ItrError('VISIT_SATISFACTION_INVALID', 'satisfaction must be 1 to 5', { path: 'satisfaction' });
    const resolvedInCustomersView = p['resolvedInCustomersView'];
    if (typeof resolvedInCustomersView !== 'boolean')
      return invalidPayload('resolvedInCustomersView', 'resolvedInCustomersView must be true or false');
    // Words that are not text are no words: the use case's VISIT_WORDS_REQUIRED, as empty ones are.
    const customerWords = typeof p['customerWords'] === 'string' ? p['customerWords'] : '';
    return recordReturnVisit(
      callerOf(context),
      { issueId, satisfaction, resolvedInCustomersView, customerWords },
      new Date(),
    );
  },
};

/** Every function this resolver defines; pages that share a resolver route by it (compile-time complete). */
export const RETURN_VISIT_KEYS: Record<keyof ReturnVisitsFunctions, true> = {
  listReturnVisits: true,
  recordReturnVisit: true,
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
