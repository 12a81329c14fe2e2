import Resolver from '@forge/resolver';
import { CASE_LIBRARY_KEYS, handler as caseLibraryHandler } from '../case-library-resolver';
import { routeByFunctionKey } from '../routeByFunctionKey';
import { handler as triageHandler } from '../triage-resolver';
import { guardedDefinitions } from '../guard';
import { PEOPLE_KEYS, handler as peopleHandler } from '../peopleResolver';
import { getLineHistory } from '../../app/history/getLineHistory';
import { getIssueItrState } from '../../app/issuePanel/getIssueItrState';
import { rootCauseHandlers } from '../../app/rootCause/rootCauseHandlers';
import { handoffHandlers } from '../../app/handoff/handoffHandlers';
import type { ResolverResult } from '../../contract/envelope';
import type { IssueItrState, IssuePanelFunctions } from '../../contract/issuePanel';

/**
 * Resolver of the `itr-issue-panel` module (manifest function `issue-panel-resolver`).
 * It only parses what the Custom UI sent, calls the use case and returns its envelope.
 */

type Payload = IssuePanelFunctions['getIssueItrState']['payload'];

/** Jira issue keys: project key (letter first, then letters, digits, `_`), `-`, number. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

function invalid(message: string, path: string): ResolverResult<never> {
  return { success: false, errors: [{ code: 'INVALID_PAYLOAD', message, path }] };
}

/** The issue the panel is open on, as Jira reports it in the invocation context (not the iframe). */
function contextIssueKey(context: Record<string, unknown>): string | undefined {
  const extension = context['extension'];
  if (typeof extension !== 'object' || extension === null) return undefined;
  const issue = (extension as Record<string, unknown>)['issue'];
  if (typeof issue !== 'object' || issue === null) return undefined;
  const key = (issue as Record<string, unknown>)['key'];
  return typeof key === 'string' ? key : undefined;
}

/** The use case this resolver calls; a parameter so the parsing can be tested on its own. */
export type GetIssueItrState = typeof getIssueItrState;

export async function handleGetIssueItrState(
  payload: unknown,
  context: Record<string, unknown>,
  useCase: GetIssueItrState = getIssueItrState,
): Promise<ResolverResult<IssueItrState>> {
  const requested =
    typeof payload === 'object' && payload !== null ? (payload as Partial<Payload>).issueKey : undefined;
  if (typeof requested !== 'string' || !ISSUE_KEY.test(requested)) {
    return invalid('payload.issueKey must be a Jira issue key such as "ITR-12"', 'issueKey');
  }
  // The payload comes from the iframe; the context from Jira. A panel may only ask about its own issue.
  const fromContext = contextIssueKey(context);
  if (fromContext !== undefined && fromContext !== requested) {
    return invalid(`payload.issueKey ${requested} is not the panel's issue ${fromContext}`, 'issueKey');
  }
  const accountId = typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
  return useCase(requested, accountId);
}

const resolver = new Resolver();
resolver.define<Payload, ResolverResult<IssueItrState>>('getIssueItrState', ({ payload, context }) =>
  handleGetIssueItrState(payload, context),
);

// The line-history timeline (src/app/history): same parsing and same own-issue rule as the state.
resolver.define('getLineHistory', ({ payload, context }) =>
  handleGetIssueItrState(payload, context, (issueKey, accountId) => getLineHistory(issueKey, accountId) as never),
);

// Root cause and measures (src/app/rootCause): getRootCause, saveRootCause.
for (const [key, fn] of Object.entries(rootCauseHandlers())) resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));

// Hand-off to R&D (IPD) and sales (LTC) (src/app/handoff): sendHandoff, listHandoffs.
for (const [key, fn] of Object.entries(handoffHandlers())) resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));

// Case suggestions and the issue's classification history are other areas' functions the panel shows.
export const handler = routeByFunctionKey(
  [
    [CASE_LIBRARY_KEYS, caseLibraryHandler],
    [{ getClassificationHistory: true }, triageHandler],
    [PEOPLE_KEYS, peopleHandler], // forward / escalate target pickers
  ],
  guardedDefinitions(resolver),
);
