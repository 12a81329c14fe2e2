import '../composition';
import Resolver from '@forge/resolver';
import { CASE_LIBRARY_KEYS, handler as caseLibraryHandler } from '../caseLibraryFunctions';
import { routeByFunctionKey } from '../routeByFunctionKey';
import { handler as triageHandler } from '../triageFunctions';
import { guardedDefinitions } from '../guard';
import { PEOPLE_KEYS, handler as peopleHandler } from '../peopleResolver';
import { getLineHistory } from '../../app/history/getLineHistory';
import { getIssueItrState } from '../../app/issuePanel/getIssueItrState';
import { saveForwardReason } from '../../app/issuePanel/saveForwardReason';
import { declineIssue } from '../../app/triage/decline';
import { acceptIssue } from '../../app/triage/triage';
import { toErrorResult, TriageInputError } from '../../app/triage/triageErrors';
import { rootCauseHandlers } from '../../app/rootCause/rootCauseHandlers';
import { handoffHandlers } from '../../app/handoff/handoffHandlers';
import type { ResolverResult } from '../../contract/envelope';
import type { IssueItrState, IssuePanelFunctions } from '../../contract/issuePanel';
import { isIssueKey } from '../../domain/jiraKeys';

/**
 * Resolver of the `itr-issue-panel` module (manifest function `issue-panel-resolver`).
 * It only parses what the Custom UI sent, calls the use case and returns its envelope.
 */

type Payload = IssuePanelFunctions['getIssueItrState']['payload'];

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
  if (!isIssueKey(requested)) {
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

/** A trimmed string field of the payload, or undefined. */
function textField(payload: unknown, name: string): string | undefined {
  const v = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * The owner's answers from the panel: same parsing and own-issue rule as the state, then the use case,
 * then the panel's new state (so the page shows what it changed without a second call).
 */
function answer(run: (issueKey: string, accountId: string | undefined, payload: unknown) => Promise<unknown>) {
  return (payload: unknown, context: Record<string, unknown>) =>
    handleGetIssueItrState(payload, context, async (issueKey, accountId) => {
      try {
        await run(issueKey, accountId, payload);
      } catch (error) {
        return toErrorResult(error, issueKey);
      }
      return getIssueItrState(issueKey, accountId);
    });
}

export const panelAnswers = {
  // Acceptance is triage's own use case (src/app/triage/triage.ts), called as it is.
  acceptFromPanel: answer((issueKey, accountId) => acceptIssue(issueKey, accountId)),
  declineFromPanel: answer((issueKey, accountId, payload) => {
    const reason = textField(payload, 'reason');
    if (reason === undefined)
      return Promise.reject(
        new TriageInputError([{ code: 'INVALID_PAYLOAD', path: 'reason', message: 'payload.reason must be text' }]),
      );
    return declineIssue({ issueKey, reason }, accountId);
  }),
  saveForwardReason: answer((issueKey, accountId, payload) => {
    const entryId = textField(payload, 'entryId');
    const reason = textField(payload, 'reason');
    if (entryId === undefined || !/^[1-9][0-9]{0,18}$/.test(entryId))
      return Promise.reject(
        new TriageInputError([
          { code: 'INVALID_PAYLOAD', path: 'entryId', message: 'payload.entryId must be a history entry id' },
        ]),
      );
    if (reason === undefined)
      return Promise.reject(
        new TriageInputError([{ code: 'INVALID_PAYLOAD', path: 'reason', message: 'payload.reason must be text' }]),
      );
    return saveForwardReason({ issueKey, entryId, reason }, accountId);
  }),
};
for (const [key, fn] of Object.entries(panelAnswers))
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));

// The line-history timeline (src/app/history): same parsing and same own-issue rule as the state.
resolver.define('getLineHistory', ({ payload, context }) =>
  handleGetIssueItrState(payload, context, (issueKey, accountId) => getLineHistory(issueKey, accountId) as never),
);

// Root cause and measures (src/app/rootCause): getRootCause, saveRootCause.
for (const [key, fn] of Object.entries(rootCauseHandlers()))
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));

// Hand-off to R&D (IPD) and sales (LTC) (src/app/handoff): sendHandoff, listHandoffs.
for (const [key, fn] of Object.entries(handoffHandlers()))
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));

// Case suggestions and the issue's classification history are other areas' functions the panel shows.
export const handler = routeByFunctionKey(
  [
    [CASE_LIBRARY_KEYS, caseLibraryHandler],
    [{ getClassificationHistory: true }, triageHandler],
    [PEOPLE_KEYS, peopleHandler], // forward / escalate target pickers
  ],
  guardedDefinitions(resolver),
);
