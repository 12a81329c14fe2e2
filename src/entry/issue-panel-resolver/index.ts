import '../composition';
import Resolver from '@forge/resolver';
import { CASE_LIBRARY_KEYS, handler as caseLibraryHandler } from '../caseLibraryFunctions';
import { routeByFunctionKey } from '../routeByFunctionKey';
import { handler as triageHandler } from '../triageFunctions';
import { guardedDefinitions } from '../guard';
import { PEOPLE_KEYS, handler as peopleHandler } from '../peopleResolver';
import { ISSUE_CUSTOMER_KEYS, handler as issueCustomerHandler } from '../issueCustomerFunctions';
import { getLineHistory } from '../../app/history/getLineHistory';
import { closeFromPanel } from '../../app/issuePanel/closeFromPanel';
import { getIssueItrState } from '../../app/issuePanel/getIssueItrState';
import { saveForwardReason } from '../../app/issuePanel/saveForwardReason';
import { declineIssue } from '../../app/triage/decline';
import { acceptIssue } from '../../app/triage/triage';
import { getRootCause, parseDraft, saveRootCause } from '../../app/rootCause/rootCauseHandlers';
import { listHandoffs, sendHandoff } from '../../app/handoff/handoff';
import { getCaseHabit, saveCaseDecision } from '../../app/cases/caseHabit';
import type { CaseHabitFunctions } from '../../contract/caseHabit';
import { CASE_DECISIONS } from '../../domain/analytics';
import { createLastingFix, getLastingFixes } from '../../app/lastingFix/lastingFix';
import { getAssessment, saveAssessment } from '../../app/requirement/assessment';
import { ASSESSMENT_DECISIONS } from '../../domain';
import type { SupervisionFunctions } from '../../contract/analytics';
import type { RootCauseFunctions } from '../../contract/closure';
import type { ResolverResult } from '../../contract/envelope';
import type { EscalationFunctions } from '../../contract/escalation';
import type { IssueItrState, IssuePanelFunctions } from '../../contract/issuePanel';
import type { LastingFixFunctions } from '../../contract/lastingFix';
import type { RequirementFunctions } from '../../contract/requirement';
import { answer, defineAll, type Context, type Implementing } from '../envelope';
import {
  accountId,
  callerOf,
  fieldsOf,
  invalidPayload,
  numericId,
  oneOf,
  optionalText,
  text,
  wholeNumber,
} from '../payload';
import { panelIssueKey } from '../panelIssue';
import { DECISION_KEYS, handler as decisionHandler } from '../decisionFunctions';

/**
 * Resolver of the `itr-issue-panel` module (manifest function `issue-panel-resolver`).
 * It only parses what the Custom UI sent, calls the use case and answers its value.
 */

export { panelIssueKey };

/** The use case this resolver calls; a parameter so the parsing can be tested on its own. */
export type GetIssueItrState = typeof getIssueItrState;

export function handleGetIssueItrState(
  payload: unknown,
  context: Context,
  useCase: GetIssueItrState = getIssueItrState,
): Promise<ResolverResult<IssueItrState>> {
  return answer(() => useCase(panelIssueKey(payload, context), callerOf(context)), 'getIssueItrState');
}

/**
 * The owner's answers from the panel: same parsing and own-issue rule as the state, then the use case,
 * then the panel's new state (so the page shows what it changed without a second call).
 */
function thenPanelState(run: (issueKey: string, accountId: string | undefined, payload: unknown) => Promise<unknown>) {
  return async (payload: unknown, context: Context): Promise<IssueItrState> => {
    const key = panelIssueKey(payload, context);
    await run(key, callerOf(context), payload);
    return getIssueItrState(key, callerOf(context));
  };
}

type PanelFunctions = IssuePanelFunctions &
  EscalationFunctions &
  RootCauseFunctions &
  CaseHabitFunctions &
  RequirementFunctions &
  Pick<SupervisionFunctions, 'sendHandoff' | 'listHandoffs'> &
  Pick<LastingFixFunctions, 'getLastingFixes' | 'createLastingFix'>;

const functions: Implementing<PanelFunctions> = {
  getIssueItrState: (payload, context) => getIssueItrState(panelIssueKey(payload, context), callerOf(context)),
  // Acceptance is triage's own use case (src/app/triage/triage.ts), called as it is.
  acceptFromPanel: thenPanelState((key, accountId) => acceptIssue(key, accountId)),
  declineFromPanel: thenPanelState((key, accountId, payload) =>
    declineIssue({ issueKey: key, reason: text(payload, 'reason') }, accountId),
  ),
  saveForwardReason: thenPanelState((key, accountId, payload) => {
    const entryId = numericId(payload, 'entryId');
    return saveForwardReason({ issueKey: key, entryId, reason: text(payload, 'reason') }, accountId);
  }),
  closeFromPanel: thenPanelState((key, accountId) => closeFromPanel(key, accountId)),
  // The line-history timeline (src/app/history): same parsing and same own-issue rule as the state.
  getLineHistory: (payload, context) => getLineHistory(panelIssueKey(payload, context), callerOf(context)),
  // Root cause and measures (src/app/rootCause).
  getRootCause: (payload, context) => getRootCause(panelIssueKey(payload, context), callerOf(context)),
  saveRootCause: (payload, context) => {
    const key = panelIssueKey(payload, context);
    const draft = parseDraft(fieldsOf(payload)['draft']);
    if (draft === undefined)
      return invalidPayload('draft', 'draft must hold whys (list of text) and the five text fields', { issueKey: key });
    return saveRootCause(key, draft, callerOf(context), new Date());
  },
  // Hand-off to R&D (IPD) and sales (LTC) (src/app/handoff).
  sendHandoff: (payload, context) => {
    const key = panelIssueKey(payload, context);
    return sendHandoff(key, oneOf(payload, 'target', ['rnd', 'sales']), callerOf(context));
  },
  listHandoffs: (payload, context) => listHandoffs(panelIssueKey(payload, context), callerOf(context)),
  // The case-library habit (src/app/cases/caseHabit.ts): searches made for the issue, the case decision.
  getCaseHabit: (payload, context) => getCaseHabit(panelIssueKey(payload, context), callerOf(context)),
  saveCaseDecision: (payload, context) => {
    const key = panelIssueKey(payload, context);
    const decision = oneOf(payload, 'decision', CASE_DECISIONS);
    const caseId = fieldsOf(payload)['caseId'] === undefined ? null : wholeNumber(payload, 'caseId', { min: 1 });
    return saveCaseDecision(callerOf(context), {
      issueKey: key,
      decision,
      caseId,
      reason: optionalText(payload, 'reason') ?? '',
    });
  },
  // Lasting fixes: the long-term measure and a return visit's follow-up as linked issues (src/app/lastingFix).
  getLastingFixes: (payload, context) => getLastingFixes(panelIssueKey(payload, context), callerOf(context)),
  createLastingFix: (payload, context) => {
    const key = panelIssueKey(payload, context);
    return createLastingFix(
      key,
      {
        kind: oneOf(payload, 'kind', ['longTerm', 'followUp']),
        summary: text(payload, 'summary'),
        // Empty is the use case's LASTING_FIX_ASSIGNEE_REQUIRED; anything else must be an account id.
        assignee: text(payload, 'assignee') === '' ? '' : accountId(payload, 'assignee'),
        dueDate: text(payload, 'dueDate'),
      },
      callerOf(context),
    );
  },
  // A requirement's value assessment (src/app/requirement).
  getAssessment: (payload, context) => getAssessment(panelIssueKey(payload, context), callerOf(context)),
  saveAssessment: (payload, context) => {
    const key = panelIssueKey(payload, context);
    const a = fieldsOf(payload)['assessment'];
    const input = {
      expectedValue: text(a, 'expectedValue'),
      cost: text(a, 'cost'),
      decision: oneOf(a, 'decision', ASSESSMENT_DECISIONS),
      reason: text(a, 'reason'),
    };
    return saveAssessment(key, input, callerOf(context), new Date());
  },
};

// Case suggestions and the issue's classification history are other areas' functions the panel shows.
export const handler = routeByFunctionKey(
  [
    [CASE_LIBRARY_KEYS, caseLibraryHandler],
    [{ getClassificationHistory: true }, triageHandler],
    [PEOPLE_KEYS, peopleHandler], // forward / escalate target pickers
    [ISSUE_CUSTOMER_KEYS, issueCustomerHandler], // the customer facts and spare parts
    [DECISION_KEYS, decisionHandler], // iron triangle, cost approval, clarification (issue 17)
  ],
  guardedDefinitions(defineAll(new Resolver(), functions)),
);
