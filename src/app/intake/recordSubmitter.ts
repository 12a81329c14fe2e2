import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { lookUpFieldIds } from '../fields/fieldIds';
import { writeItrFields } from '../fields/writeItrFields';

/**
 * Records who submitted an issue in the app-only `itr-submitter` field, once, at creation. The
 * submitter is whoever created the issue in Jira (an engineer filing for a customer is the submitter),
 * not the Reporter field, which any editor can change. Only the app can write this field.
 */
export async function recordSubmitter(
  issue: { id: string; key: string },
  creatorAccountId: string,
  jira: JiraClient = jiraAsApp(),
): Promise<'recorded' | 'alreadyRecorded'> {
  const ids = await lookUpFieldIds(jira);
  const current = await jira.getIssue(issue.id, { fields: [ids.submitter] });
  // Events may be delivered twice: never overwrite a submitter already recorded.
  if (current.fields[ids.submitter] != null) return 'alreadyRecorded';
  await writeItrFields(
    jira,
    [{ fieldId: ids.submitter, issueIds: [issue.id], value: { accountId: creatorAccountId } }],
    { ids },
  );
  return 'recorded';
}
