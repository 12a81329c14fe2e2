/**
 * Accountability: the issue's stays on the support lines, oldest first. The issue is read as the
 * viewer first, so Jira's browse permission decides who may see its history.
 */
import { jiraAsUser, JiraError, JiraErrorCode, type JiraClient } from '../../adapters/jira';
import type { ResolverResult } from '../../contract/envelope';
import type { LineHistory } from '../../contract/escalation';
import { staysOf } from './lineHistoryStore';

export async function getLineHistory(
  issueKey: string,
  accountId: string | undefined,
  jiraForViewer: () => JiraClient = () => jiraAsUser(),
): Promise<ResolverResult<LineHistory>> {
  let issueId: string;
  try {
    issueId = (await jiraForViewer().getIssue(issueKey, { fields: ['status'] })).id;
  } catch (error) {
    if (error instanceof JiraError && (error.code === JiraErrorCode.NotFound || error.code === JiraErrorCode.Forbidden || error.code === JiraErrorCode.Unauthorized)) {
      return { success: false, errors: [{ code: 'ISSUE_NOT_FOUND', message: `Issue ${issueKey} does not exist or you may not see it` }] };
    }
    throw error;
  }
  const entries = (await staysOf(issueId)).map((s) => ({
    line: s.line,
    enteredAt: s.enteredAt.toISOString(),
    leftAt: s.leftAt?.toISOString() ?? null,
    holderAccountId: s.holderAccountId,
    enteredBy: s.enteredBy,
    workingMinutesUsed: s.workingMinutesUsed,
    outcome: s.outcome,
  }));
  return { success: true, data: { issueKey, entries } };
}
