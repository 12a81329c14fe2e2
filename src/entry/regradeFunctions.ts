import { requireConfirmation } from '../app/audit/confirmation';
import { getRegradeProgress, startRegrade } from '../app/regrade/regrade';
import type { TriageFunctions } from '../contract/triage';
import type { Implementing } from './envelope';
import { callerOf, optionalJobId } from './payload';

/**
 * "Recompute open issues" (src/app/regrade, Jira admins only): offered on the triage page (itr-home) and
 * the grading admin page, so both resolvers serve these same two functions, with one parsing and one
 * answer for each refusal.
 */
export function regradeFunctions(): Implementing<Pick<TriageFunctions, 'startRegrade' | 'getRegradeProgress'>> {
  return {
    startRegrade: (payload, context) => {
      requireConfirmation(payload, 'Recomputing rewrites the grade of every open issue');
      return startRegrade(callerOf(context));
    },
    getRegradeProgress: (payload, context) => getRegradeProgress(callerOf(context), optionalJobId(payload)),
  };
}
