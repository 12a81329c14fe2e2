/**
 * Reading an issue's escalation state from its app fields, and the line deadlines as they are stored:
 * whole seconds (Jira drops the milliseconds of app datetime values), in Jira's datetime format.
 */
import type { JiraIssue } from '../../adapters/jira';
import {
  DomainError,
  consumedWorkingMinutes,
  isSupportLine,
  lineBudget,
  lineDeadlines,
  timeRuleOf,
  type BusinessCalendar,
  type Pause,
  type SupportLine,
  type TimeRule,
} from '../../domain';
import type { ItrConfig } from '../config/itrConfig';
import type { ItrFieldIds } from '../fields/itrFields';

/** What escalation needs to know about one issue, as read from Jira right before deciding. */
export interface EscalationIssue {
  id: string;
  key: string;
  grade: string | null;
  /** `problem`, `requirement` or null (not classified): picks the time rule with the grade. */
  classification?: string | null;
  line: SupportLine | null;
  enteredAt: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedLine: SupportLine | null;
  breachedAt: Date | null;
  ownerAccountId: string | null;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function instant(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The app fields escalation reads (search `fields`). */
export function escalationFieldList(ids: ItrFieldIds): string[] {
  return [
    ids.grade,
    ids.classification,
    ids.line,
    ids.lineEnteredAt,
    ids.lineDueAt,
    ids.lineWarnAt,
    ids.warnedLine,
    ids.breachedAt,
    ids.owner,
  ];
}

export function escalationIssueOf(issue: JiraIssue, ids: ItrFieldIds): EscalationIssue {
  const f = issue.fields;
  const line = text(f[ids.line]);
  const warned = text(f[ids.warnedLine]);
  const owner = f[ids.owner];
  return {
    id: issue.id,
    key: issue.key ?? issue.id,
    grade: text(f[ids.grade]),
    classification: text(f[ids.classification]),
    line: isSupportLine(line) ? line : null,
    enteredAt: instant(f[ids.lineEnteredAt]),
    dueAt: instant(f[ids.lineDueAt]),
    warnAt: instant(f[ids.lineWarnAt]),
    warnedLine: isSupportLine(warned) ? warned : null,
    breachedAt: instant(f[ids.breachedAt]),
    ownerAccountId:
      typeof owner === 'object' && owner !== null && typeof (owner as Record<string, unknown>)['accountId'] === 'string'
        ? ((owner as Record<string, unknown>)['accountId'] as string)
        : null,
  };
}

/** Down to the whole second, as Jira stores app datetime values (a deadline is never moved later). */
export function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** Jira's datetime format for app field values, e.g. `2026-03-02T08:00:00.000+0000`. */
export function jiraDateTime(d: Date): string {
  return toSecond(d).toISOString().replace('Z', '+0000');
}

export interface LineClock {
  calendar: BusinessCalendar;
  budgetMinutes: number;
  dueAt: Date | null;
  warnAt: Date | null;
}

export function calendarOf(config: ItrConfig, calendarId: string): BusinessCalendar {
  const calendar = config.calendars.get(calendarId);
  if (calendar === undefined)
    throw new DomainError('CONFIG_UNKNOWN_CALENDAR', `Calendar ${calendarId} is not configured`);
  return calendar;
}

/**
 * The line's deadlines on its own calendar (follow-the-sun), from when the issue entered it, pushed out
 * by its waiting-for-customer pauses (null while an open pause stops the clock first).
 */
export function lineClock(
  config: ItrConfig,
  grade: string,
  line: SupportLine,
  enteredAt: Date,
  pauses: readonly Pause[] = [],
  rule: TimeRule = 'problem',
): LineClock {
  const budget = lineBudget(config.gradingTable, grade, line, rule);
  const calendar = calendarOf(config, budget.calendarId);
  const d = lineDeadlines({
    calendar,
    enteredAt,
    budgetMinutes: budget.minutes,
    warningFraction: budget.warningFraction,
    pauses,
  });
  return {
    calendar,
    budgetMinutes: budget.minutes,
    dueAt: d.dueAt === null ? null : toSecond(d.dueAt),
    warnAt: d.warnAt === null ? null : toSecond(d.warnAt),
  };
}

/**
 * Working minutes the line used between `enteredAt` and `leftAt` on the line's calendar, paused time
 * excluded (0 if unknown).
 */
export function minutesUsed(
  config: ItrConfig,
  grade: string | null,
  line: SupportLine,
  enteredAt: Date,
  leftAt: Date,
  pauses: readonly Pause[] = [],
  rule: TimeRule = 'problem',
): number {
  if (grade === null) return 0;
  try {
    const budget = lineBudget(config.gradingTable, grade, line, rule);
    return Math.max(
      0,
      Math.round(
        consumedWorkingMinutes({ calendar: calendarOf(config, budget.calendarId), enteredAt, pauses, now: leftAt }),
      ),
    );
  } catch {
    return 0;
  }
}

/** The time rule (problem or requirement times) an issue of this classification and grade follows now. */
export function issueTimeRule(
  config: ItrConfig,
  issue: { classification?: string | null | undefined },
  grade: string,
): TimeRule {
  return timeRuleOf(config.gradingTable, issue.classification ?? null, grade);
}
