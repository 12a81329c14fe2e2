import type { ResolverResult } from '../../contract/envelope';
import { listHandoffs, sendHandoff, type HandoffDeps } from './handoff';
import { isIssueKey } from '../../domain/jiraKeys';

/**
 * Hand-off functions of the issue panel (`issue-panel-resolver`): sendHandoff, listHandoffs. They only
 * parse the payload (issue key, target) and apply the panel's own-issue rule; src/app/handoff decides.
 */
type Handler = (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>;

const record = (p: unknown): Record<string, unknown> =>
  typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
const invalid = (message: string, path: string): ResolverResult<never> => ({
  success: false,
  errors: [{ code: 'INVALID_PAYLOAD', message, path }],
});

function issueKeyOf(payload: unknown, context: Record<string, unknown>): string | ResolverResult<never> {
  const key = record(payload)['issueKey'];
  if (!isIssueKey(key)) return invalid('payload.issueKey must be a Jira issue key', 'issueKey');
  // The payload comes from the iframe, the context from Jira: a panel acts only on its own issue.
  const own = record(record(record(context['extension'])['issue']))['key'];
  if (typeof own === 'string' && own !== key)
    return invalid(`payload.issueKey ${key} is not the panel's issue ${own}`, 'issueKey');
  return key;
}

const accountOf = (context: Record<string, unknown>): string | undefined =>
  typeof context['accountId'] === 'string' ? context['accountId'] : undefined;

export function handoffHandlers(deps?: HandoffDeps): Record<'sendHandoff' | 'listHandoffs', Handler> {
  return {
    sendHandoff: async (payload, context) => {
      const key = issueKeyOf(payload, context);
      if (typeof key !== 'string') return key;
      const target = record(payload)['target'];
      if (target !== 'rnd' && target !== 'sales') return invalid('payload.target must be "rnd" or "sales"', 'target');
      return sendHandoff(key, target, accountOf(context), deps);
    },
    listHandoffs: async (payload, context) => {
      const key = issueKeyOf(payload, context);
      if (typeof key !== 'string') return key;
      return listHandoffs(key, accountOf(context));
    },
  };
}
