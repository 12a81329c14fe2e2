import {
  getClosureAdmin,
  republishCloseRules,
  saveReturnVisitSettings,
  setFallbackClosers,
} from '../app/returnVisits/handlers';
import type { ClosureAdminFunctions } from '../contract/closure';
import type { Implementing } from './envelope';
import { accountIds, callerOf, fieldsOf, wholeNumber } from './payload';

/**
 * The closing settings (return-visit sampling and supervisor groups, fallback closers, publishing the
 * close rules' property), Jira admins only: functions of the `itr-grading-admin` page's resolver, its
 * "Closing" subpage. They only parse the payload and call the use case as the caller from the context.
 */

/** Fallback closers one site may name: a short list of people the admin trusts to close. */
const FALLBACK_CLOSERS_MAX = 20;

const revision = (payload: unknown): number => wholeNumber(payload, 'expectedRevision', { min: 0 });

export function closureAdminFunctions(): Implementing<ClosureAdminFunctions> {
  return {
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
}
