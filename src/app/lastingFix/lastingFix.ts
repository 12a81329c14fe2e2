/**
 * Lasting fixes (issue 17; itr-process.md §5 "fire prevention", §6 return visits): a problem's
 * long-term measure, and the follow-up (二次改进) of a return visit whose customer view differs from the
 * internal one, each become a linked Jira issue in the admin's project and issue type
 * (`AnalyticsSettings.lastingFix`), with an assignee and a due date.
 *
 * Unlike a hand-off (src/app/handoff, created as the app in a project the engineer cannot reach), a
 * fix is created AS THE CALLER: the engineer commits someone of their own organisation to a date, so
 * Jira checks their right to create in that project and to assign that person (the link is the app's). Jira's
 * refusals come back as the app's own codes (LASTING_FIX_CREATE_FORBIDDEN, …). Jira accepts a past due
 * date; the app refuses it (src/domain/lastingFix).
 *
 * Recorded in the app-owned table `lasting_fix` (src/app/ports/lastingFixes.ts), one per problem and
 * kind: a second request returns the fix already made (re-linking it if the link is gone) unless its
 * issue was deleted. What the viewer is shown of a fix's issue is read as the viewer.
 */
import {
  jiraAsApp,
  jiraAsUser,
  JiraError,
  JiraErrorCode,
  parseIssueLinks,
  type AdfDocument,
  type JiraClient,
} from '../../adapters/jira';
import type { LastingFixPanel, LastingFixView } from '../../contract/lastingFix';
import { isIssueDone } from '../../domain/issueDone';
import { isRecord } from '../../domain/input';
import {
  dayIn,
  lastingFixRequestProblems,
  lastingFixState,
  type LastingFixKind,
} from '../../domain/lastingFix/lastingFix';
import { fitForDisplay } from '../../domain/storageLimits';
import { issueTypeRef, loadAnalyticsSettings, type AnalyticsSettings } from '../analytics/settings';
import { NotAuthorizedError } from '../auth/authorization';
import { HANDOFF_LINK_TYPE, stillExists } from '../handoff/handoff';
import { ItrError, issueNotFound } from '../itrError';
import { namesOf, personName } from '../people/displayNames';
import { repositories } from '../ports';
import type { LastingFixRecord } from '../ports/lastingFixes';

export interface LastingFixDeps {
  settings: () => Promise<AnalyticsSettings>;
  now: () => Date;
}

const defaultDeps: LastingFixDeps = {
  settings: async () => (await loadAnalyticsSettings()).value,
  now: () => new Date(),
};

/** The zone "today" is read in when the caller's own is unknown. */
const FALLBACK_ZONE = 'UTC';

export interface LastingFixRequest {
  kind: LastingFixKind;
  summary: string;
  assignee: string;
  dueDate: string;
}

/** The fix's description: the way back to the problem (the measure is its summary). */
function fixDescription(issueKey: string, kind: LastingFixKind, measure: string): AdfDocument {
  const t = (text: string, marks?: Array<Record<string, unknown>>): Record<string, unknown> => ({
    type: 'text',
    text,
    ...(marks ? { marks } : {}),
  });
  return {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'paragraph',
        content: [
          t(kind === 'longTerm' ? 'Long-term measure of the root cause of ' : 'Follow-up of the return visit of '),
          t(issueKey, [{ type: 'link', attrs: { href: `/browse/${issueKey}` } }]),
          t('.'),
        ],
      },
      { type: 'paragraph', content: [t(measure)] },
    ],
  };
}

interface Problem {
  id: string;
  key: string;
  linked: string[];
  canEdit: boolean;
}

async function readProblem(user: JiraClient, issueKey: string): Promise<Problem> {
  const issue = await user.getIssue(issueKey, { fields: ['issuelinks'] }).catch(issueNotFound(issueKey));
  const perms = await user.myPermissions(['EDIT_ISSUES'], { issueKey });
  return {
    id: issue.id,
    key: issueKey,
    linked: parseIssueLinks(issue.fields['issuelinks']).map((l) => l.key),
    canEdit: perms['EDIT_ISSUES'] === true,
  };
}

/** The caller's calendar day, in their Jira time zone. */
async function todayOf(user: JiraClient, now: Date): Promise<string> {
  const me = await user.getMyself().catch(() => undefined);
  try {
    return dayIn(now, me?.timeZone ?? FALLBACK_ZONE);
  } catch {
    return dayIn(now, FALLBACK_ZONE); // a zone Intl does not know
  }
}

/** A fix as the viewer sees it: status and done-ness read as them; without access, what the app recorded. */
async function viewOf(
  user: JiraClient,
  r: LastingFixRecord,
  names: ReadonlyMap<string, string | null>,
  today: string,
): Promise<LastingFixView> {
  let status: string | null = null;
  let done = r.doneAt !== null;
  try {
    const seen = await user.getIssue(r.key, { fields: ['status', 'resolution'] });
    const s = seen.fields['status'];
    status = isRecord(s) && typeof s['name'] === 'string' ? s['name'] : null;
    const category = isRecord(s) && isRecord(s['statusCategory']) ? s['statusCategory']['key'] : undefined;
    done = isIssueDone({
      resolved: isRecord(seen.fields['resolution']),
      statusCategory: typeof category === 'string' ? category : undefined,
    });
  } catch (e) {
    if (!(e instanceof JiraError && (e.code === JiraErrorCode.NotFound || e.code === JiraErrorCode.Forbidden))) throw e;
  }
  return {
    kind: r.kind,
    key: r.key,
    summary: r.summary,
    assignee: personName(names, r.assignee),
    dueDate: r.dueDate,
    status,
    state: lastingFixState({ done, dueDate: r.dueDate, today }),
  };
}

async function panelOf(
  user: JiraClient,
  problem: Problem,
  settings: AnalyticsSettings,
  today: string,
): Promise<LastingFixPanel> {
  const [records, visit, rootCause] = await Promise.all([
    repositories().lastingFixes.readFixes(problem.id),
    repositories().returnVisits.getVisit(problem.id),
    repositories().rootCauses.latestVersion(problem.id),
  ]);
  const list = (['longTerm', 'followUp'] as const).flatMap((k) => (records[k] ? [records[k]] : []));
  const names = await namesOf(
    user,
    list.map((r) => r.assignee),
  );
  const fixes: LastingFixView[] = [];
  for (const r of list) fixes.push(await viewOf(user, r, names, today));
  return {
    issueKey: problem.key,
    configured: settings.lastingFix !== null,
    projectKey: settings.lastingFix?.projectKey ?? null,
    canEdit: problem.canEdit,
    followUpOffered: visit?.status === 'done' && visit.viewsDiffer === true,
    longTermMeasure: rootCause.latest?.draft.longTermMeasure ?? '',
    fixes,
  };
}

/** The problem's lasting fixes with their state, read as the viewer. */
export async function getLastingFixes(
  issueKey: string,
  accountId: string | undefined,
  deps: LastingFixDeps = defaultDeps,
): Promise<LastingFixPanel> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const user = jiraAsUser();
  const problem = await readProblem(user, issueKey);
  return panelOf(user, problem, await deps.settings(), await todayOf(user, deps.now()));
}

/** Jira's refusal of the create, as the app's code for the field it concerns. */
function refusedByJira(e: unknown, projectKey: string, issueType: string): never {
  if (e instanceof JiraError && (e.code === JiraErrorCode.Forbidden || e.code === JiraErrorCode.Unauthorized))
    throw new ItrError('LASTING_FIX_CREATE_FORBIDDEN', `you may not create issues in ${projectKey}`, {
      params: { projectKey },
      cause: e,
    });
  if (e instanceof JiraError && e.status === 400) {
    if (e.fieldErrors['assignee'] !== undefined)
      throw new ItrError('LASTING_FIX_ASSIGNEE_INVALID', e.fieldErrors['assignee'], {
        path: 'assignee',
        params: { projectKey },
        cause: e,
      });
    if (e.fieldErrors['issuetype'] !== undefined)
      throw new ItrError('LASTING_FIX_ISSUE_TYPE_INVALID', e.fieldErrors['issuetype'], {
        params: { projectKey, issueType },
        cause: e,
      });
    if (e.fieldErrors['project'] !== undefined)
      throw new ItrError('LASTING_FIX_CREATE_FORBIDDEN', e.fieldErrors['project'], {
        params: { projectKey },
        cause: e,
      });
  }
  throw e;
}

/**
 * Creates the problem's fix of `kind` as the caller, linked to the problem, in one step; answers the
 * panel. Refused when the caller may not edit the problem, nothing is configured, the request is
 * incomplete or due before today, a follow-up has no differing return visit, or Jira refuses.
 */
export async function createLastingFix(
  issueKey: string,
  request: LastingFixRequest,
  accountId: string | undefined,
  deps: LastingFixDeps = defaultDeps,
): Promise<LastingFixPanel> {
  if (accountId === undefined) throw new NotAuthorizedError('EDIT_ISSUES');
  const user = jiraAsUser();
  const app = jiraAsApp();
  const problem = await readProblem(user, issueKey);
  if (!problem.canEdit)
    throw new ItrError('LASTING_FIX_NOT_EDITOR', `needs EDIT_ISSUES on ${issueKey}`, { params: { issueKey } });
  const settings = await deps.settings();
  const target = settings.lastingFix;
  if (target === null)
    throw new ItrError('LASTING_FIX_NOT_CONFIGURED', 'no project for lasting fixes is configured', {
      params: { issueKey },
    });
  const now = deps.now();
  const today = await todayOf(user, now);
  const problems = lastingFixRequestProblems({ ...request, today });
  if (problems.length > 0)
    throw ItrError.of(
      problems.map((p) => ({
        code: p.code,
        message: p.message,
        path: p.path,
        params: { dueDate: request.dueDate, today },
      })),
    );
  if (request.kind === 'followUp') {
    const visit = await repositories().returnVisits.getVisit(problem.id);
    if (!(visit?.status === 'done' && visit.viewsDiffer === true))
      throw new ItrError('LASTING_FIX_NO_DIFFERENCE', 'no recorded return visit differs from the internal view', {
        params: { issueKey },
      });
  }

  const previous = (await repositories().lastingFixes.readFixes(problem.id))[request.kind];
  // Made before: answer it; restore the link if someone removed it; a deleted issue is made again.
  if (previous !== undefined && (await stillExists(app, previous.key))) {
    if (!problem.linked.includes(previous.key)) await app.linkIssues(HANDOFF_LINK_TYPE, issueKey, previous.key);
    return panelOf(user, problem, settings, today);
  }

  // Jira's summary holds 255 characters: the problem's key, then the measure, shortened visibly ('…');
  // the description holds the measure whole.
  const summary = fitForDisplay(`[${issueKey}] ${request.summary.trim()}`, 'jiraSummary');
  const created = await user
    .createIssue({
      project: { key: target.projectKey },
      issuetype: issueTypeRef(target),
      summary,
      description: fixDescription(issueKey, request.kind, request.summary.trim()),
      assignee: { accountId: request.assignee },
      duedate: request.dueDate,
    })
    .catch((e: unknown) => refusedByJira(e, target.projectKey, target.issueType));
  // Recorded before linking: a failed link is repaired by the next request, never duplicated. Linked as
  // the app: the caller may edit the problem (checked) and made the fix themselves, but Link Issues is a
  // permission of its own that many schemes keep from agents; the link only joins what they made.
  await repositories().lastingFixes.recordFix({
    issueId: problem.id,
    issueKey,
    kind: request.kind,
    key: created.key,
    id: created.id,
    summary,
    assignee: request.assignee,
    dueDate: request.dueDate,
    by: accountId,
    at: now,
  });
  await app.linkIssues(HANDOFF_LINK_TYPE, issueKey, created.key);
  return panelOf(user, { ...problem, linked: [...problem.linked, created.key] }, settings, today);
}
