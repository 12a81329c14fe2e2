/**
 * A person changed an ITR issue's assignee in Jira (the issue-updated trigger; the app's own writes
 * never wake it, `filter.ignoreSelf`). The owner field and the assignee never disagree, so the ITR
 * owner follows the assignee, the new owner's acceptance clock restarts as for any forward, and the
 * history gets a "reassigned in Jira" row whose reason is pending: the panel asks the person who
 * reassigned (or the new owner) for it.
 */
import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { lookUpFieldIds } from '../fields/fieldIds';
import { accountIdOf, CLOSED_FIELDS, isClosed, textOf } from '../fields/issueState';
import { writeItrFields } from '../fields/writeItrFields';
import { repositories } from '../ports';
import type { Dispatch } from '../ports/dispatches';
import { JIRA_REASSIGNMENT_FIELD, type HistoryRow } from '../ports/classificationHistory';

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

/** Whether the event's changelog shows an assignee change, and who made it (`atlassianId`). */
export function assigneeChangeOf(event: unknown): { by: string | null } | undefined {
  const items = field(field(event, 'changelog'), 'items');
  if (!Array.isArray(items)) return undefined;
  const changed = items.some((i) => field(i, 'fieldId') === 'assignee' || field(i, 'field') === 'assignee');
  if (!changed) return undefined;
  const by = field(event, 'atlassianId');
  return { by: typeof by === 'string' && by !== '' ? by : null };
}

export interface JiraReassignmentDeps {
  jira: JiraClient;
  recordDispatch(issueId: string, dispatch: Dispatch): Promise<void>;
  appendHistory(rows: readonly HistoryRow[]): Promise<void>;
}

export const platformReassignmentDeps = (): JiraReassignmentDeps => ({
  jira: jiraAsApp(),
  recordDispatch: (issueId, dispatch) => repositories().dispatches.recordDispatch(issueId, dispatch),
  appendHistory: (rows) => repositories().classificationHistory.appendHistory(rows),
});

export type ReassignmentOutcome = 'recorded' | 'inSync' | 'notDispatched' | 'closed';

/**
 * Records the reassignment. The assignee is read from Jira, not taken from the event (events are input);
 * a redelivered event finds owner and assignee equal and changes nothing.
 */
export async function onJiraReassignment(
  issueId: string,
  change: { by: string | null },
  at: Date,
  deps: JiraReassignmentDeps = platformReassignmentDeps(),
): Promise<ReassignmentOutcome> {
  const ids = await lookUpFieldIds(deps.jira);
  const issue = await deps.jira.getIssue(issueId, { fields: ['assignee', ids.owner, ids.line, ...CLOSED_FIELDS] });
  if (isClosed(issue.fields)) return 'closed';
  // Before triage dispatches it, the issue has no owner to follow the assignee: triage sets both.
  if (textOf(issue.fields[ids.line]) === null) return 'notDispatched';
  const assignee = accountIdOf(issue.fields['assignee']);
  const owner = accountIdOf(issue.fields[ids.owner]);
  if (assignee === owner) return 'inSync';
  const by = change.by ?? assignee ?? owner;
  await writeItrFields(
    deps.jira,
    [
      { fieldId: ids.owner, issueIds: [issue.id], value: assignee === null ? null : { accountId: assignee } },
      // The new owner answers like any owner a forward reached; nobody answers for an unassigned issue.
      { fieldId: ids.acceptance, issueIds: [issue.id], value: assignee === null ? null : 'awaiting' },
    ],
    {
      ids,
      then: async () => {
        if (assignee !== null && by !== null)
          await deps.recordDispatch(issue.id, { dispatchedAt: at, ownerAccountId: assignee, by });
        await deps.appendHistory([
          {
            issueId: issue.id,
            issueKey: issue.key ?? issueId,
            field: JIRA_REASSIGNMENT_FIELD,
            oldValue: owner,
            newValue: assignee,
            reason: null,
            actorAccountId: by ?? 'unknown',
            at,
          },
        ]);
      },
    },
  );
  return 'recorded';
}
