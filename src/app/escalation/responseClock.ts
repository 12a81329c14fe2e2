/**
 * The response (acceptance) clock as the app keeps it: due and warning times in the issue's app fields
 * `itr-response-due` / `itr-response-warn` (whole seconds, like the line's), written when the issue is
 * created (a default grade's response time: src/app/escalation/clockSettings.ts), recomputed from
 * creation when triage grades it and when a wait for the customer ends. The sweep acts on them
 * (src/app/escalation/processResponse.ts); the panel shows them as they are stored.
 */
import {
  alertAfterRecompute,
  isResponseAlert,
  responseDeadlines,
  responseGradeOf,
  responseTimeOf,
  type Pause,
  type ResponseAlert,
  type TimeRule,
} from '../../domain';
import type { ItrConfig } from '../config/itrConfig';
import type { ItrFieldIds } from '../fields/itrFields';
import { CLOSED_FIELDS, isClosed, textOf } from '../fields/issueState';
import { writeItrFields } from '../fields/writeItrFields';
import { ITR_ISSUE_TYPE_NAMES } from '../setup/plan';
import { loadClockSettings, type ClockSettings } from './clockSettings';
import type { EscalationDeps } from './deps';
import { FieldWrites } from './fieldWrites';
import { calendarOf, jiraDateTime, toSecond } from './lineClock';
import { issuePauses, pausesOf } from './pauses';

export interface ResponseClockTimes {
  /** The grade whose response time it runs on (the issue's own, or the untriaged default). */
  grade: string;
  /** Problem or requirement times (src/domain/sla/timeRule.ts): an unclassified issue runs on the problem times. */
  rule: TimeRule;
  dueAt: Date | null;
  warnAt: Date | null;
}

/** Whether a Jira issue type (by name) is one of the ITR issue types setup creates. */
export function isItrIssueType(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  const n = name.toLowerCase();
  return Object.values(ITR_ISSUE_TYPE_NAMES).some((t) => t.toLowerCase() === n);
}

/** The issue type's and project's names from an issue's `issuetype` / `project` fields. */
export const nameOf = (v: unknown, key: 'name' | 'key'): string | null =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[key] === 'string'
    ? ((v as Record<string, unknown>)[key] as string)
    : null;

/**
 * The response due and warning times of an issue created at `createdAt`, on the grade's SLA (or the
 * untriaged default's) under the issue's time rule (a requirement's response time when the table gives
 * its grade requirement times), pushed out by its waiting-for-customer pauses. Null when the table has no grade.
 */
export function responseClockOf(
  config: ItrConfig,
  settings: Pick<ClockSettings, 'untriagedGrade' | 'projectGrades'>,
  issue: {
    grade: string | null;
    classification?: string | null | undefined;
    projectKey: string | null;
    createdAt: Date;
  },
  pauses: readonly Pause[],
): ResponseClockTimes | null {
  const project = issue.projectKey === null ? undefined : settings.projectGrades[issue.projectKey];
  const grade = responseGradeOf(config.gradingTable, issue.grade, { project, site: settings.untriagedGrade });
  if (grade === null) return null;
  // The issue's classification counts only with its own grade: the untriaged default is a problem's.
  const classification = grade === issue.grade ? (issue.classification ?? null) : null;
  const sla = responseTimeOf(config.gradingTable, classification, grade);
  if (sla === undefined) return null;
  const d = responseDeadlines({
    calendar: calendarOf(config, sla.calendarId),
    createdAt: toSecond(issue.createdAt),
    responseMinutes: sla.responseMinutes,
    pauses,
  });
  return {
    grade,
    rule: sla.rule,
    dueAt: d.dueAt === null ? null : toSecond(d.dueAt),
    warnAt: d.warnAt === null ? null : toSecond(d.warnAt),
  };
}

/**
 * Adds the clock's field writes for one issue: due, warning, and the alert still true for them (see
 * `alertAfterRecompute`; unchanged when it is).
 */
export function setResponseFields(
  writes: FieldWrites,
  issueId: string,
  ids: ItrFieldIds,
  clock: ResponseClockTimes,
  previousAlert: ResponseAlert | null,
  now: Date,
): void {
  writes.set(issueId, ids.responseDueAt, clock.dueAt === null ? null : jiraDateTime(clock.dueAt));
  writes.set(issueId, ids.responseWarnAt, clock.warnAt === null ? null : jiraDateTime(clock.warnAt));
  const alert = alertAfterRecompute(previousAlert, clock, now);
  if (alert !== previousAlert) writes.set(issueId, ids.responseAlert, alert);
}

export const responseAlertOf = (v: unknown): ResponseAlert | null => (isResponseAlert(v) ? v : null);

export const instantOf = (v: unknown): Date | null => {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** Whether the response clock still runs: nobody has accepted (nor been deemed to) and the issue is open. */
export function responseRunning(fields: Record<string, unknown>, ids: ItrFieldIds): boolean {
  const a = fields[ids.acceptance];
  return a !== 'accepted' && a !== 'deemedAccepted' && !isClosed(fields);
}

export type StartOutcome = 'started' | 'notItr' | 'alreadyStarted' | 'closed' | 'noGrade';

/**
 * Starts the response clock of a newly created ITR issue (the `issue-created` trigger): due and warning
 * times from its creation in ONE app-field write. Idempotent (a duplicate event finds the due time
 * written and writes nothing); issues of other types (hand-off targets, other projects) are left alone.
 */
export async function startResponseClock(
  issueId: string,
  deps: Pick<EscalationDeps, 'jira' | 'fieldIds' | 'loadConfig' | 'store' | 'now'>,
): Promise<StartOutcome> {
  const ids = await deps.fieldIds();
  const issue = await deps.jira.getIssue(issueId, {
    fields: [
      'issuetype',
      'project',
      'created',
      ids.grade,
      ids.classification,
      ids.acceptance,
      ids.responseDueAt,
      ids.responseWarnAt,
      ids.responseAlert,
      ...CLOSED_FIELDS,
    ],
  });
  const f = issue.fields;
  if (!isItrIssueType(nameOf(f['issuetype'], 'name'))) return 'notItr';
  if (isClosed(f)) return 'closed';
  if (f[ids.responseDueAt] != null || f[ids.responseWarnAt] != null) return 'alreadyStarted';
  const createdAt = instantOf(f['created']);
  if (createdAt === null) return 'noGrade';
  const [config, settings, pauses] = await Promise.all([
    deps.loadConfig(),
    loadClockSettings(deps.store),
    pausesOf([issue.id]),
  ]);
  const clock = responseClockOf(
    config,
    settings,
    {
      grade: textOf(f[ids.grade]),
      classification: textOf(f[ids.classification]),
      projectKey: nameOf(f['project'], 'key'),
      createdAt,
    },
    issuePauses(pauses, issue.id),
  );
  if (clock === null) return 'noGrade';
  const writes = new FieldWrites();
  setResponseFields(writes, issue.id, ids, clock, responseAlertOf(f[ids.responseAlert]), deps.now());
  await writeItrFields(deps.jira, writes.updates(), { ids });
  return 'started';
}
