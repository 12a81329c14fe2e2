/**
 * The case-library habit on an issue (查案例, 建案例; itr-process §4, issue 17): the panel's searches of
 * the case library are recorded for the issue (who: the caller from the Forge context, never the
 * payload; when; what text), and the case decision at resolution (new case, improved case, none with a
 * reason). Whether the search came before work started is the domain's rule
 * (src/domain/analytics/caseHabit.ts).
 *
 * Who may record a search: anyone who may browse the issue (asked of Jira as the caller), the same people
 * who may search for it and give feedback on its suggestions. The case decision is a fact of the issue
 * that a later save replaces: it needs EDIT_ISSUES on it, like the panel's other writes
 * (CASE_DECISION_NOT_EDITOR).
 */
import { jiraAsApp, jiraAsUser, JiraError, JiraErrorCode, type JiraClient } from '../../adapters/jira';
import { checkCaseDecision, searchedBeforeWork, workStartedAt, type CaseDecisionKind } from '../../domain/analytics';
import { isIssueKey } from '../../domain/jiraKeys';
import type { CaseDecisionView, CaseHabitView, CaseSearchView } from '../../contract/caseHabit';
import type { CaseSearchIssue } from '../../contract/cases';
import { NotAuthorizedError } from '../auth/authorization';
import { CLOSED_FIELDS, isClosed } from '../fields/issueState';
import { CaseLibrary } from './caseLibrary';
import { ItrError } from '../itrError';
import { namesOf, personName } from '../people/displayNames';
import { repositories } from '../ports';
import type { CaseSearchEntry } from '../ports/caseHabit';

/** Latest searches the panel lists (range 1–20; default 5). */
export const SEARCHES_SHOWN = 5;

export interface CaseHabitDeps {
  now: () => Date;
  /** Jira as the resolver's caller (`asUser()`). */
  asCaller: () => JiraClient;
  /** Jira as the app (names of people). */
  asApp: () => JiraClient;
}

export const platformCaseHabitDeps: CaseHabitDeps = {
  now: () => new Date(),
  asCaller: () => jiraAsUser(),
  asApp: () => jiraAsApp(),
};

/** The issue as the caller sees it (id and done markers); ISSUE_NOT_FOUND when they may not browse it. */
async function issueForCaller(
  issueKey: string,
  deps: CaseHabitDeps,
): Promise<{ id: string; key: string; resolved: boolean; summary: string }> {
  if (!isIssueKey(issueKey))
    throw new ItrError('INVALID_PAYLOAD', 'issueKey must be an issue key', { path: 'issueKey' });
  try {
    const issue = await deps.asCaller().getIssue(issueKey, { fields: ['summary', ...CLOSED_FIELDS] });
    const summary = issue.fields['summary'];
    return {
      id: issue.id,
      key: issue.key ?? issueKey,
      resolved: isClosed(issue.fields),
      summary: typeof summary === 'string' ? summary : '',
    };
  } catch (e) {
    if (e instanceof JiraError && (e.code === JiraErrorCode.NotFound || e.code === JiraErrorCode.Forbidden))
      throw new ItrError('ISSUE_NOT_FOUND', `no issue ${issueKey}`, { params: { issueKey } });
    throw e;
  }
}

/**
 * Records a search of the case library made for `issueKey` from its panel. Blank text is not a search
 * (the panel clears the results with it) and records nothing.
 */
export async function recordCaseSearch(
  accountId: string | undefined,
  issueKey: string,
  search: { query: string; source: CaseSearchEntry['source'] },
  deps: CaseHabitDeps = platformCaseHabitDeps,
): Promise<void> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const query = search.query.trim();
  if (query === '') return;
  const issue = await issueForCaller(issueKey, deps);
  await repositories().caseHabit.recordSearch(issue.id, { accountId, at: deps.now(), query, source: search.source });
}

/**
 * The issue the case-library page records its searches for (the user names it, or the page is opened
 * for it): ISSUE_NOT_FOUND unless the caller may browse it, so the page records nothing for it.
 */
export async function getCaseSearchIssue(
  accountId: string | undefined,
  issueKey: string,
  deps: CaseHabitDeps = platformCaseHabitDeps,
): Promise<CaseSearchIssue> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const issue = await issueForCaller(issueKey, deps);
  const store = repositories().caseHabit;
  const [searches, start] = await Promise.all([store.searchesOf(issue.id, 1), store.workStartOf(issue.id)]);
  const events = {
    acceptedAt: start.acceptedAt?.toISOString() ?? null,
    firstLineChangeAt: start.firstLineChangeAt?.toISOString() ?? null,
  };
  return {
    issueKey: issue.key,
    summary: issue.summary,
    searchedBeforeWork: searchedBeforeWork(searches.first?.at.toISOString() ?? null, events),
    searchCount: searches.count,
  };
}

/** What the panel shows of the habit on one issue. */
export async function getCaseHabit(
  issueKey: string,
  accountId: string | undefined,
  deps: CaseHabitDeps = platformCaseHabitDeps,
): Promise<CaseHabitView> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const issue = await issueForCaller(issueKey, deps);
  const store = repositories().caseHabit;
  const [searches, start, decision, links] = await Promise.all([
    store.searchesOf(issue.id, SEARCHES_SHOWN),
    store.workStartOf(issue.id),
    store.readDecision(issue.id),
    store.linkedCases(issue.key),
  ]);
  // The cases linked to the issue and the decided one, as the viewer may see them (one Jira search).
  const library = new CaseLibrary();
  const seen = await library.visibleCases(accountId, [
    ...links.map((l) => l.caseId),
    ...(decision?.caseId != null ? [decision.caseId] : []),
  ]);
  const titles = new Map(seen.map((c) => [c.id, c.title]));
  const events = {
    acceptedAt: start.acceptedAt?.toISOString() ?? null,
    firstLineChangeAt: start.firstLineChangeAt?.toISOString() ?? null,
  };
  const people = [
    ...(searches.first ? [searches.first.accountId] : []),
    ...searches.latest.map((s) => s.accountId),
    ...(decision ? [decision.decidedBy] : []),
  ];
  const names = people.length === 0 ? new Map<string, string | null>() : await namesOf(deps.asApp(), people);
  const view = (s: CaseSearchEntry): CaseSearchView => ({
    by: personName(names, s.accountId),
    at: s.at.toISOString(),
    query: s.query,
    source: s.source,
  });
  let decisionView: CaseDecisionView | null = null;
  if (decision !== null) {
    decisionView = {
      decision: decision.decision,
      caseId: decision.caseId,
      // The case's title only when the viewer may see the case (the library's own rule); else the number alone.
      caseTitle: decision.caseId === null ? null : (titles.get(decision.caseId) ?? null),
      reason: decision.reason,
      by: personName(names, decision.decidedBy),
      at: decision.decidedAt.toISOString(),
    };
  }
  return {
    issueKey: issue.key,
    firstSearch: searches.first ? view(searches.first) : null,
    latestSearches: searches.latest.map(view),
    searchCount: searches.count,
    workStartedAt: workStartedAt(events),
    searchedBeforeWork: searchedBeforeWork(searches.first?.at.toISOString() ?? null, events),
    resolved: issue.resolved,
    decision: decisionView,
    candidateCases: links.flatMap((l) => {
      const title = titles.get(l.caseId);
      return title === undefined
        ? []
        : [{ id: l.caseId, title, relation: l.relation === 'source' ? 'source' : 'usedOn' }];
    }),
  };
}

/**
 * The case decision at resolution. Asked once the issue is done (CASE_DECISION_NOT_RESOLVED before);
 * a new or improved case must exist (CASE_NOT_FOUND); "none" needs a reason. Saving again replaces it.
 */
export async function saveCaseDecision(
  accountId: string | undefined,
  request: { issueKey: string; decision: CaseDecisionKind; caseId: number | null; reason: string },
  deps: CaseHabitDeps = platformCaseHabitDeps,
): Promise<CaseHabitView> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const checked = checkCaseDecision(request);
  if (!checked.ok)
    throw ItrError.of(
      checked.problems.map((p) => ({
        code: p.code,
        message: p.code.toLowerCase().replace(/_/g, ' '),
        path: p.path,
        ...('max' in p ? { params: { max: p.max } } : {}),
      })),
    );
  const issue = await issueForCaller(request.issueKey, deps);
  const granted = await deps.asCaller().myPermissions(['EDIT_ISSUES'], { issueKey: issue.key });
  if (granted['EDIT_ISSUES'] !== true)
    throw new ItrError('CASE_DECISION_NOT_EDITOR', `needs EDIT_ISSUES on ${issue.key}`, {
      params: { issueKey: issue.key },
    });
  if (!issue.resolved)
    throw new ItrError('CASE_DECISION_NOT_RESOLVED', `${issue.key} is not resolved yet`, {
      params: { issueKey: issue.key },
    });
  const { caseId } = checked.value;
  if (caseId !== null && (await repositories().cases.casesByIds([caseId])).length === 0)
    throw new ItrError('CASE_NOT_FOUND', `no case ${caseId}`, { path: 'caseId' });
  await repositories().caseHabit.saveDecision(issue.id, {
    decision: checked.value.decision,
    caseId,
    reason: checked.value.reason,
    decidedBy: accountId,
    decidedAt: deps.now(),
  });
  return getCaseHabit(issue.key, accountId, deps);
}
