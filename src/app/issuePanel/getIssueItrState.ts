import { jiraAsApp, jiraAsUser, JiraError, JiraErrorCode, type JiraClient } from '../../adapters/jira';
import type { ResolverResult } from '../../contract/envelope';
import type { IssueItrState } from '../../contract/issuePanel';
import { pausesOf, linePauses } from '../escalation/pauses';
import {
  consumedWorkingMinutes,
  DomainError,
  isItrKind,
  isSupportLine,
  lineBudget,
  lineClockStatus,
  lineDeadlines,
  type GradingTable,
  type Pause,
} from '../../domain';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import { FieldsNotInstalledError, lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import { statusCategoryOf } from '../fields/issueState';
import { doneAt, isIssueDone } from '../../domain/issueDone';

/** The system fields that tell whether (and since when) the issue is done. */
const DONE_FIELDS = ['status', 'resolution', 'resolutiondate', 'statuscategorychangedate'];

export interface IssuePanelDeps {
  /** Reads the issue as the viewer, so Jira's browse permission decides what the panel may show. */
  jiraForViewer(): JiraClient;
  /** Reads the app's field list as the app (any user may open the panel). */
  jiraAsApp(): JiraClient;
  loadConfig(): Promise<ItrConfig>;
  /** The issue's waiting-for-customer pauses on a line (SQL `line_pause`). */
  pauses(issueId: string, line: string): Promise<Pause[]>;
  now(): Date;
}

const platformDeps: IssuePanelDeps = {
  jiraForViewer: () => jiraAsUser(),
  jiraAsApp: () => jiraAsApp(),
  loadConfig: () => loadItrConfig(),
  pauses: async (issueId, line) => (isSupportLine(line) ? linePauses(await pausesOf([issueId]), issueId, line) : []),
  now: () => new Date(),
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The grade is only usable if the table in force still defines it (an admin may have removed it). */
function knownGrade(table: GradingTable, grade: string | null): string | null {
  return grade !== null && table.grades.some((g) => g.id === grade) ? grade : null;
}

/**
 * Pure: the panel's view of one issue from its ITR field values, the config, the line's pauses and the
 * time. Deadlines are pushed out by closed pauses as escalation does; an open pause stops the clock.
 */
export function itrStateOf(
  issueKey: string,
  fields: Record<string, unknown>,
  ids: ItrFieldIds,
  config: ItrConfig,
  now: Date,
  pauses: readonly Pause[] = [],
): IssueItrState {
  const kind = text(fields[ids.kind]);
  const line = text(fields[ids.line]);
  const version = fields[ids.gradingTableVersion];
  const grade = text(fields[ids.grade]);
  const enteredAt = instant(fields[ids.lineEnteredAt]);
  const definition = grade === null ? undefined : config.gradingTable.grades.find((g) => g.id === grade);
  const state: IssueItrState = {
    issueKey,
    kind: kind !== null && isItrKind(kind) ? kind : null,
    grade,
    gradeLabel: definition === undefined ? null : { en: definition.label.en, 'zh-CN': definition.label['zh-CN'] },
    gradingTableVersion: typeof version === 'number' ? version : null,
    line: line !== null && isSupportLine(line) ? line : null,
    lineEnteredAt: enteredAt?.toISOString() ?? null,
    dueAt: null,
    warnAt: null,
    pausedSince: null,
    remainingMinutes: null,
    status: 'notStarted',
  };
  const usableGrade = knownGrade(config.gradingTable, grade);
  // Done by Resolution or by status category: the clock stopped when the issue became done.
  const markers = { resolved: fields['resolution'] != null, statusCategory: statusCategoryOf(fields['status']) };
  const done = isIssueDone(markers);
  if (state.line === null || enteredAt === null || usableGrade === null) return done ? { ...state, status: 'done' } : state;
  const budget = lineBudget(config.gradingTable, usableGrade, state.line);
  const calendar = config.calendars.get(budget.calendarId);
  if (calendar === undefined) throw new DomainError('CONFIG_UNKNOWN_CALENDAR', `Calendar ${budget.calendarId} is not configured`);
  if (done) {
    const at = doneAt({ ...markers, resolutionDate: instant(fields['resolutiondate']), statusCategoryChangedAt: instant(fields['statuscategorychangedate']) }) ?? now;
    const stoppedAt = at.getTime() < now.getTime() ? at : now;
    const left = Math.max(0, Math.round(budget.minutes - consumedWorkingMinutes({ calendar, enteredAt, pauses, now: stoppedAt })));
    return { ...state, remainingMinutes: left, status: 'done' };
  }
  const open = pauses.find((p) => p.to === null);
  const remainingMinutes = Math.max(0, Math.round(budget.minutes - consumedWorkingMinutes({ calendar, enteredAt, pauses, now })));
  if (open !== undefined && open.from.getTime() <= now.getTime()) {
    return { ...state, pausedSince: open.from.toISOString(), remainingMinutes, status: 'paused' };
  }
  const deadlines = lineDeadlines({ calendar, enteredAt, budgetMinutes: budget.minutes, warningFraction: budget.warningFraction, pauses });
  return {
    ...state,
    dueAt: deadlines.dueAt?.toISOString() ?? null,
    warnAt: deadlines.warnAt?.toISOString() ?? null,
    remainingMinutes,
    status: lineClockStatus(deadlines, now),
  };
}

/**
 * The ITR issue panel's state: kind, grade, support line and the line's due and warning times, computed
 * by the domain from the issue's app fields and the grading table in force.
 */
export async function getIssueItrState(
  issueKey: string,
  accountId: string | undefined,
  deps: IssuePanelDeps = platformDeps,
): Promise<ResolverResult<IssueItrState>> {
  try {
    const [ids, config] = await Promise.all([lookUpFieldIds(deps.jiraAsApp()), deps.loadConfig()]);
    const issue = await deps.jiraForViewer().getIssue(issueKey, { fields: [...Object.values(ids), ...DONE_FIELDS] });
    const line = text(issue.fields[ids.line]);
    const pauses = line === null ? [] : await deps.pauses(issue.id, line);
    return { success: true, data: itrStateOf(issueKey, issue.fields, ids, config, deps.now(), pauses) };
  } catch (error) {
    if (error instanceof JiraError && (error.code === JiraErrorCode.NotFound || error.code === JiraErrorCode.Forbidden || error.code === JiraErrorCode.Unauthorized)) {
      // Jira answers 404 for issues the viewer may not browse, 401 without a user: all read as "not found" here.
      return { success: false, errors: [{ code: 'ISSUE_NOT_FOUND', message: `Issue ${issueKey} does not exist or you may not see it` }] };
    }
    if (error instanceof FieldsNotInstalledError || error instanceof DomainError) {
      return { success: false, errors: [{ code: error.code, message: error.message }] };
    }
    throw error;
  }
}
