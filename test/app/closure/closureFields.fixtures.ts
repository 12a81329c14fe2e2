/** The ITR fields including the closing rules' mirrors (`itr-visit-open`, `itr-root-cause`), by the names closure tests use. */
import type { JiraDouble } from '../../../platform-doubles/jiraDouble';
import { defineItrFields } from '../../fixtures/itrFields';

export function defineClosureFields(jira: JiraDouble) {
  const ids = defineItrFields(jira);
  return { ...ids, rootCause: ids.rootCauseComplete };
}
