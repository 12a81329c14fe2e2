/**
 * A requirement's value assessment (itr-process §2: weigh cost and value before committing): expected
 * value, cost and a decision (accept / decline / hand to R&D (IPD) / hand to sales (LTC)) with its
 * reason, recorded in Forge SQL with who and when, every version kept.
 *
 * The caller must see and edit the issue (read as the caller, EDIT_ISSUES asked of Jira), as for a
 * hand-off. The classification is read from the app's own field (written only by triage), never from
 * the payload. When the grading table says so (`requirementTimes.pauseWhileAssessing`), starting an
 * assessment (`pending`) stops the requirement's clocks with the app's one pause mechanism (the one for
 * waiting for the customer, src/app/escalation/pauses.ts) and deciding restarts them; a decision taken
 * while the issue sits in a waiting-for-customer status, or while a clarification question is open,
 * leaves the pause to them (src/app/escalation/pauses.ts, resumeUnlessHeld).
 */
import { jiraAsUser, type JiraClient } from '../../adapters/jira';
import { assessmentClockEffect, pausesWhileAssessing, type AssessmentInput } from '../../domain';
import type { AssessmentView, RequirementAssessmentState } from '../../contract/requirement';
import { NotAuthorizedError } from '../auth/authorization';
import { pauseClocks, resumeUnlessHeld } from '../escalation/pauses';
import { platformDeps, type EscalationDeps } from '../escalation/deps';
import { textOf } from '../fields/issueState';
import type { ItrFieldIds } from '../fields/itrFields';
import { ItrError, issueNotFound, problemOf } from '../itrError';
import { namesOf, personName } from '../people/displayNames';
import { repositories } from '../ports';
import type { StoredAssessment } from '../ports/requirementAssessments';
import { validateAssessment } from '../../domain/requirement/valueAssessment';

export interface AssessmentDeps {
  asCaller(): JiraClient;
  /** The clocks' side: config, field ids, Jira as the app (pause and resume). */
  escalation(): EscalationDeps;
}

const platform: AssessmentDeps = { asCaller: () => jiraAsUser(), escalation: () => platformDeps() };

interface ReadIssue {
  id: string;
  classification: 'problem' | 'requirement' | null;
  statusName: string | null;
}

async function readIssue(caller: JiraClient, issueKey: string, ids: ItrFieldIds): Promise<ReadIssue> {
  const issue = await caller
    .getIssue(issueKey, { fields: [ids.classification, 'status'] })
    .catch(issueNotFound(issueKey));
  const c = textOf(issue.fields[ids.classification]);
  const status = issue.fields['status'];
  return {
    id: issue.id,
    classification: c === 'problem' || c === 'requirement' ? c : null,
    statusName:
      typeof status === 'object' && status !== null && typeof (status as Record<string, unknown>)['name'] === 'string'
        ? ((status as Record<string, unknown>)['name'] as string)
        : null,
  };
}

async function viewsOf(caller: JiraClient, rows: readonly StoredAssessment[]): Promise<AssessmentView[]> {
  const names = await namesOf(
    caller,
    rows.map((r) => r.assessedBy),
  );
  return rows.map((r) => ({
    id: r.id,
    expectedValue: r.expectedValue,
    cost: r.cost,
    decision: r.decision,
    reason: r.reason,
    assessedBy: personName(names, r.assessedBy),
    assessedAt: r.assessedAt.toISOString(),
  }));
}

async function stateOf(
  caller: JiraClient,
  issueKey: string,
  issue: ReadIssue,
  pauses: boolean,
): Promise<RequirementAssessmentState> {
  const [current, ...history] = await viewsOf(
    caller,
    await repositories().requirementAssessments.assessmentsOf(issue.id),
  );
  return {
    issueKey,
    classification: issue.classification,
    current: current ?? null,
    history,
    pausesWhileAssessing: pauses,
  };
}

/** The issue's assessment as the caller may see it (404 for an issue they may not browse). */
export async function getAssessment(
  issueKey: string,
  accountId: string | undefined,
  deps: AssessmentDeps = platform,
): Promise<RequirementAssessmentState> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const esc = deps.escalation();
  const [ids, config] = await Promise.all([esc.fieldIds(), esc.loadConfig()]);
  const caller = deps.asCaller();
  const issue = await readIssue(caller, issueKey, ids);
  return stateOf(caller, issueKey, issue, pausesWhileAssessing(config.gradingTable));
}

/**
 * Records a new version of the assessment, then applies the pause rule. Refused as a whole (every
 * problem with its field) before anything is written: a refusal loses nothing saved before.
 */
export async function saveAssessment(
  issueKey: string,
  input: AssessmentInput,
  accountId: string | undefined,
  now: Date,
  deps: AssessmentDeps = platform,
): Promise<RequirementAssessmentState> {
  if (accountId === undefined) throw new NotAuthorizedError('EDIT_ISSUES');
  const esc = deps.escalation();
  const [ids, config] = await Promise.all([esc.fieldIds(), esc.loadConfig()]);
  const caller = deps.asCaller();
  const issue = await readIssue(caller, issueKey, ids);
  const perms = await caller.myPermissions(['EDIT_ISSUES'], { issueKey });
  if (perms['EDIT_ISSUES'] !== true)
    throw new ItrError('ASSESSMENT_NOT_EDITOR', `needs EDIT_ISSUES on ${issueKey}`, { params: { issueKey } });
  const checked = validateAssessment(input, issue.classification);
  if (!checked.ok) throw ItrError.of(checked.issues.map(problemOf));

  const repo = repositories().requirementAssessments;
  const before = (await repo.assessmentsOf(issue.id))[0]?.decision ?? null;
  await repo.recordAssessment(issue.id, { ...checked.value, assessedBy: accountId, assessedAt: now });
  const effect = assessmentClockEffect({
    pauseWhileAssessing: pausesWhileAssessing(config.gradingTable),
    classification: issue.classification,
    before,
    after: checked.value.decision,
  });
  if (effect === 'pause') await pauseClocks(issue.id, now, esc);
  // Decided: the clocks restart unless a waiting status or an open clarification question still holds them.
  if (effect === 'resume') await resumeUnlessHeld(issue.id, 'valueAssessment', issue.statusName, now, esc);
  return stateOf(caller, issueKey, issue, pausesWhileAssessing(config.gradingTable));
}

/** The assessment in force for an issue (by id), for a hand-off to carry; null when none. */
export async function currentAssessment(issueId: string): Promise<StoredAssessment | null> {
  return (await repositories().requirementAssessments.assessmentsOf(issueId))[0] ?? null;
}
