import type { Context } from './envelope';
import { fieldsOf, invalidPayload, issueKey } from './payload';

/** The issue the panel is open on, as Jira reports it in the invocation context (not the iframe). */
function contextIssueKey(context: Context): string | undefined {
  const key = fieldsOf(fieldsOf(fieldsOf(context['extension'])['issue']))['key'];
  return typeof key === 'string' ? key : undefined;
}

/**
 * The payload's issue key, which must be the panel's own: the payload comes from the iframe, the
 * context from Jira, and a panel may only act on the issue it is open on. Shared by the issue panel's
 * function groups (src/entry/issue-panel-resolver, src/entry/decisionFunctions.ts).
 */
export function panelIssueKey(payload: unknown, context: Context): string {
  const requested = issueKey(payload);
  const own = contextIssueKey(context);
  if (own !== undefined && own !== requested)
    invalidPayload('issueKey', `payload.issueKey ${requested} is not the panel's issue ${own}`, {
      issueKey: requested,
    });
  return requested;
}
