/** The closure mirrors (manifest `itr-visit-open`, `itr-root-cause`) in the Jira double, beside the ITR fields. */
import type { JiraDouble } from '../../harness/jiraDouble';
import { defineItrFields } from '../../fixtures/itrFields';

export function defineClosureFields(jira: JiraDouble) {
  const ids = defineItrFields(jira);
  jira.defineField({ id: 'customfield_10300', name: 'ITR return visit open', type: 'string', forgeModuleKey: 'itr-visit-open' });
  jira.defineField({ id: 'customfield_10301', name: 'ITR root cause complete', type: 'string', forgeModuleKey: 'itr-root-cause' });
  return { ...ids, visitOpen: 'customfield_10300', rootCause: 'customfield_10301' };
}
