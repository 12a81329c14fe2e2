import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { ItrError } from '../../app/itrError';
import {
  getClosureAdmin,
  listReturnVisits,
  recordReturnVisit,
  republishCloseRules,
  saveReturnVisitSettings,
  setFallbackClosers,
} from '../../app/returnVisits/handlers';
import type { ReturnVisitsFunctions } from '../../contract/closure';
import { isSatisfaction } from '../../domain/closure';
import { defineAll, type Implementing } from '../envelope';
import { accountIds, callerOf, fieldsOf, invalidPayload, numericId, wholeNumber } from '../payload';
import { peopleFunctions } from '../peopleResolver';

/**
 * Resolver of the `itr-return-visits` global page (manifest function `return-visits-resolver`): the
 * return-visit queue for the supervising role and the closing admin area (src/app/returnVisits).
 */

/** Fallback closers one site may name: a short list of people the admin trusts to close. */
const FALLBACK_CLOSERS_MAX = 20;

const revision = (payload: unknown): number => wholeNumber(payload, 'expectedRevision', { min: 0 });

const functions: Implementing<ReturnVisitsFunctions> = {
  listReturnVisits: (payload, context) =>
    listReturnVisits(callerOf(context), fieldsOf(payload)['status'] === 'done' ? 'done' : 'open'),
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
  getClosureAdmin: (_payload, context) => getClosureAdmin(callerOf(context)),
  saveReturnVisitSettings: (payload, context) => {
    const expectedRevision = revision(payload);
    const p = fieldsOf(payload);
    return saveReturnVisitSettings(callerOf(context), {
      expectedRevision,
      sampleRatePercent: p['sampleRatePercent'],
      alwaysGrades: p['alwaysGrades'],
      supervisorGroups: p['supervisorGroups'],
    });
  },
  setFallbackClosers: (payload, context) => {
    const expectedRevision = revision(payload);
    const ids = accountIds(payload, 'accountIds', FALLBACK_CLOSERS_MAX);
    // A reason that is not text is no reason: the use case's FALLBACK_REASON_REQUIRED, as an empty one is.
    const reason = fieldsOf(payload)['reason'];
    return setFallbackClosers(
      callerOf(context),
      { expectedRevision, accountIds: ids, reason: typeof reason === 'string' ? reason : '' },
      new Date(),
    );
  },
  publishCloseProperty: (_payload, context) => republishCloseRules(callerOf(context)),
};

// peopleFunctions: the fallback closers' and supervisor groups' pickers.
export const handler = guardedDefinitions(defineAll(new Resolver(), { ...functions, ...peopleFunctions() }));
