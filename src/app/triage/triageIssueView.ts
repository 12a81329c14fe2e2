/**
 * What the triage page shows beside its form, read-only: the selected issue as reported (description,
 * submitter, creation), and the grade and deadlines a decision would give it before it is saved. The
 * preview runs the same code as `triageIssue` (./triage.ts): the grading table in force, the response
 * clock from creation, the line's clock from now or from when the issue entered the line.
 */
import type { TriageIssueDetail, TriagePreview, TriagePreviewRequest } from '../../contract/triage';
import { isSupportLine, timeRuleOf } from '../../domain';
import { adfText } from '../cases/caseLibrary';
import { lineClock, toSecond } from '../escalation/lineClock';
import { issuePauses, linePauses, pausesOf } from '../escalation/pauses';
import { instantOf, nameOf, responseClockOf } from '../escalation/responseClock';
import { lookUpFieldIds } from '../fields/fieldIds';
import { textOf } from '../fields/issueState';
import { ItrError, issueNotFound, type Problem } from '../itrError';
import { gradeAnswers, platformTriageDeps, type TriageDeps } from './triage';
import { TriageErrorCode } from './triageErrors';
import { entersLineOf } from './triagePlan';
import { requireTriageRole } from './triageRole';

/** A user field's display name as Jira renders it with the value; null when there is none. */
function displayNameOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const name = (value as Record<string, unknown>)['displayName'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** The issue as its submitter reported it, read as the caller (Jira's browse permission decides). */
export async function getTriageIssue(
  issueKey: string,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<TriageIssueDetail> {
  const caller = deps.asCaller();
  await requireTriageRole(accountId, caller, await deps.loadRole());
  const ids = await lookUpFieldIds(deps.asApp());
  const issue = await caller
    .getIssue(issueKey, { fields: ['summary', 'description', 'created', 'reporter', ids.submitter] })
    .catch(issueNotFound(issueKey));
  const f = issue.fields;
  return {
    issueKey: issue.key ?? issueKey,
    summary: textOf(f['summary']) ?? '',
    description: adfText(f['description']).trim(),
    // The app records the submitter at creation; until its event ran, Jira's reporter is who reported it.
    submitterName: displayNameOf(f[ids.submitter]) ?? displayNameOf(f['reporter']),
    created: instantOf(f['created'])?.toISOString() ?? '',
  };
}

/**
 * The grade, time rule, response clock and line clock saving `request` now would give the issue, on
 * the rule the save stamps (a requirement's times when the table gives its grade some). Unanswered or
 * unknown answers and a bad line are refused at their paths, like the save refuses them.
 */
export async function previewTriage(
  request: TriagePreviewRequest,
  accountId: string | undefined,
  deps: TriageDeps = platformTriageDeps,
): Promise<TriagePreview> {
  const caller = deps.asCaller();
  await requireTriageRole(accountId, caller, await deps.loadRole());
  const [ids, config] = await Promise.all([lookUpFieldIds(deps.asApp()), deps.loadConfig()]);
  const errors: Problem[] = [];
  const line = request.line ?? 'L1';
  if (!isSupportLine(line))
    errors.push({
      code: TriageErrorCode.InvalidLine,
      path: 'line',
      message: `"${String(line)}" is not a support line`,
    });
  const graded = gradeAnswers(config.gradingTable, request.answers, errors);
  if (errors.length > 0 || graded === undefined || !isSupportLine(line)) throw ItrError.of(errors);

  const issue = await caller
    .getIssue(request.issueKey, { fields: ['created', 'project', ids.line, ids.lineEnteredAt, ids.classification] })
    .catch(issueNotFound(request.issueKey));
  const f = issue.fields;
  // The rule the save would stamp: the form's classification, else the issue's own, with the grade.
  const classification = request.classification ?? textOf(f[ids.classification]);
  const rule = timeRuleOf(config.gradingTable, classification, graded.grade);
  const now = deps.now();
  const [pauses, clockSettings] = await Promise.all([pausesOf([issue.id]), deps.loadClockSettings()]);
  const createdAt = instantOf(f['created']);
  const response =
    createdAt === null
      ? null
      : responseClockOf(
          config,
          clockSettings,
          { grade: graded.grade, classification, projectKey: nameOf(f['project'], 'key'), createdAt },
          issuePauses(pauses, issue.id),
        );
  const entersLine = entersLineOf(f, ids, line);
  const enteredAt = entersLine ? null : instantOf(f[ids.lineEnteredAt]);
  // Entering, the clock starts at the save with no pause yet; staying, it runs on from the entry, paused as it was.
  const clock =
    enteredAt === null
      ? lineClock(config, graded.grade, line, toSecond(now), [], rule)
      : lineClock(config, graded.grade, line, enteredAt, linePauses(pauses, issue.id, line), rule);
  return {
    grade: graded.grade,
    tableVersion: graded.tableVersion,
    timeRule: rule,
    response:
      response === null
        ? null
        : { dueAt: response.dueAt?.toISOString() ?? null, warnAt: response.warnAt?.toISOString() ?? null },
    line,
    entersLine: enteredAt === null,
    lineStartAt: (enteredAt ?? toSecond(now)).toISOString(),
    lineDueAt: clock.dueAt?.toISOString() ?? null,
    lineWarnAt: clock.warnAt?.toISOString() ?? null,
  };
}
