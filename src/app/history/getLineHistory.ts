/**
 * Accountability: the issue's stays on the support lines, oldest first. The issue is read as the
 * viewer first, so Jira's browse permission decides who may see its history.
 */
import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import type { LineHistory } from '../../contract/escalation';
import { namesOf } from '../people/displayNames';
import { issueNotFound } from '../itrError';
import { repositories } from '../ports';

export async function getLineHistory(
  issueKey: string,
  accountId: string | undefined,
  jiraForViewer: () => JiraClient = () => jiraAsUser(),
  /** Names are read as the app: a viewer may browse the issue without the right to browse users. */
  jiraForNames: () => JiraClient = () => jiraAsApp(),
): Promise<LineHistory> {
  const issueId = (
    await jiraForViewer()
      .getIssue(issueKey, { fields: ['status'] })
      .catch(issueNotFound(issueKey))
  ).id;
  const stays = await repositories().lineHistory.staysOf(issueId);
  const names = await namesFor(
    jiraForNames,
    stays.flatMap((s) => [s.holderAccountId, s.enteredBy]),
  );
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  const entries = stays.map((s) => ({
    line: s.line,
    enteredAt: s.enteredAt.toISOString(),
    leftAt: s.leftAt?.toISOString() ?? null,
    holderAccountId: s.holderAccountId,
    holderName: nameOf(s.holderAccountId),
    enteredBy: s.enteredBy,
    enteredByName: s.enteredBy === APP_ACTOR ? null : nameOf(s.enteredBy),
    workingMinutesUsed: s.workingMinutesUsed,
    outcome: s.outcome,
  }));
  return { issueKey, entries };
}

/** `enteredBy` of a move the escalation sweep made (no person). */
const APP_ACTOR = 'app';

/**
 * Display names of the accounts in the history (one bulk request). An account Jira does not know is
 * absent (the UI says "Unknown user"); the history still answers, unnamed, when Jira cannot be asked.
 */
async function namesFor(
  jira: () => JiraClient,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string | null>> {
  const wanted = ids.filter((id): id is string => id !== null && id !== APP_ACTOR);
  if (wanted.length === 0) return new Map();
  try {
    return await namesOf(jira(), wanted);
  } catch (e) {
    console.warn(
      JSON.stringify({
        event: 'line-history',
        note: 'names unavailable',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
    return new Map();
  }
}
