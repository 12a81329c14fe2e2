import '../composition';
import { CASE_LIBRARY_KEYS, handler as caseLibraryHandler } from '../caseLibraryFunctions';
import { PEOPLE_KEYS, handler as peopleHandler } from '../peopleResolver';
import { RETURN_VISIT_KEYS, handler as returnVisitHandler } from '../returnVisitFunctions';
import { routeByFunctionKey } from '../routeByFunctionKey';
import { TRIAGE_KEYS, handler as triageHandler } from '../triageFunctions';
import { ISSUE_CUSTOMER_KEYS, handler as issueCustomerHandler } from '../issueCustomerFunctions';

/**
 * Resolver of the `itr-home` global page (manifest function `itr-home-resolver`). Jira allows one
 * global page per app, so its subpages (triage, case library, return visits) share this function.
 */
export const handler = routeByFunctionKey([
  [TRIAGE_KEYS, triageHandler],
  [CASE_LIBRARY_KEYS, caseLibraryHandler],
  [RETURN_VISIT_KEYS, returnVisitHandler],
  [PEOPLE_KEYS, peopleHandler], // owner and reassign-target pickers
  [ISSUE_CUSTOMER_KEYS, issueCustomerHandler], // the issue's customer and product instance
]);
