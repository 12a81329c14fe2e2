/**
 * The submitter answers a clarification question with a plain Jira comment (issue 17): the
 * `avi:jira:commented:issue` trigger (src/entry/issue-commented) hands over the issue and comment ids
 * the event names, and nothing else of the payload is believed. The comment is read again from Jira as
 * the app (its author, body and creation time as Jira holds them), the submitter is the app's own
 * read-only field (never the editable reporter, never the payload's `atlassianId` or `comment.author`),
 * and `answerFromComment` records it only when a question is open, asked of that person, before the
 * comment was written.
 */
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { adfText } from '../cases/caseLibrary';
import { lookUpFieldIds } from '../fields/fieldIds';
import { accountIdOf } from '../fields/issueState';
import { repositories } from '../ports';
import { openQuestion } from '../../domain/decisions';
import { answerFromComment, platformDecisionDeps, type DecisionDeps } from './decisions';

export type CommentOutcome = 'answered' | 'ignored';

/** The issue and comment ids an `avi:jira:commented:issue` event names; undefined when it names none. */
export function commentEventIds(event: unknown): { issueId: string; commentId: string } | undefined {
  const field = (o: unknown, name: string): unknown =>
    typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;
  const issueId = field(field(event, 'issue'), 'id');
  const commentId = field(field(event, 'comment'), 'id');
  return typeof issueId === 'string' && typeof commentId === 'string' && /^\d+$/.test(commentId)
    ? { issueId, commentId }
    : undefined;
}

/** Handles one comment event: 'answered' when the submitter's comment answered the open question. */
export async function onIssueCommented(
  ids: { issueId: string; commentId: string },
  deps: DecisionDeps = platformDecisionDeps,
): Promise<CommentOutcome> {
  // Most comments are not answers: one SQL read decides before any Jira call.
  if (openQuestion(await repositories().decisions.clarificationsOf(ids.issueId)) === undefined) return 'ignored';
  const app = deps.asApp();
  const comment = await app.getComment(ids.issueId, ids.commentId).catch((e: unknown) => {
    // Deleted (or restricted past the app) between the event and this run: nothing to answer with.
    if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return undefined;
    throw e;
  });
  if (comment === undefined || comment.authorAccountId === null) return 'ignored';
  const fieldIds = await lookUpFieldIds(app);
  const issue = await app.getIssue(ids.issueId, { fields: [fieldIds.submitter] });
  if (accountIdOf(issue.fields[fieldIds.submitter]) !== comment.authorAccountId) return 'ignored';
  return answerFromComment(
    issue.id,
    { authorAccountId: comment.authorAccountId, text: adfText(comment.body), createdAt: comment.created },
    deps,
  );
}
