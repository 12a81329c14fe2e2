import { ITR_TRANSITIONS } from '../setup/plan';
import { ItrError } from '../itrError';
import { getIssueItrState, platformIssuePanelDeps, type IssuePanelDeps } from './getIssueItrState';

/** The ITR workflow's Close transition (src/app/setup/plan.ts); matched by id, else by name. */
const CLOSE = ITR_TRANSITIONS.find((t) => t.closure === 'close');

/**
 * The submitter closes from the panel: the same rule the panel shows (who first, then the visit) refuses
 * with its own reason before Jira is asked; then Jira's Close transition runs as the viewer, so Jira's
 * condition and validator still decide.
 */
export async function closeFromPanel(
  issueKey: string,
  accountId: string | undefined,
  deps: IssuePanelDeps = platformIssuePanelDeps,
): Promise<void> {
  const { closure } = await getIssueItrState(issueKey, accountId, deps);
  if (closure.closeRefusal === 'notSubmitter')
    throw new ItrError('CLOSE_NOT_SUBMITTER', 'only the submitter or a fallback closer may close', {
      params: { issueKey },
    });
  if (closure.closeRefusal === 'visitPending')
    throw new ItrError('CLOSE_VISIT_OPEN', 'the required return visit is not recorded yet', { params: { issueKey } });
  const jira = deps.jiraForViewer();
  const offered = closure.stage === 'resolved' ? await jira.getTransitions(issueKey) : [];
  const close = offered.find((t) => t.id === CLOSE?.id) ?? offered.find((t) => t.name === CLOSE?.name);
  if (close === undefined)
    throw new ItrError('CLOSE_NOT_OFFERED', `Jira offers no Close transition on ${issueKey} now`, {
      params: { issueKey },
    });
  await jira.transitionIssue(issueKey, close.id);
}
