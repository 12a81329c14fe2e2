/**
 * What one `check` run decides, as values (no I/O, no clock): from the issues re-read, the configuration,
 * their pauses and `now`, which issues are skipped, healed, warned, escalated or breached, then the
 * app-field writes, the line stays to record and the side effects to claim. processCheck.ts reads the
 * facts, looks up the next lines' holders between the two steps, and carries the plan out.
 */
import { DomainError, decideEscalation, type LineHolder, type SupportLine } from '../../domain';
import type { ItrConfig } from '../config/itrConfig';
import type { ItrFieldIds } from '../fields/itrFields';
import { FieldWrites } from './fieldWrites';
import { issueTimeRule, jiraDateTime, lineClock, minutesUsed, toSecond, type EscalationIssue } from './lineClock';
import { linePauses, type LinePause } from './pauses';
import { responseClockOf } from './responseClock';
import type { StayRow } from '../ports/lineHistory';
import type { EscalationAction } from '../ports/escalationActions';

/** What the run knows when it decides: read right before, so the decision is about the issues as they are. */
export interface CheckFacts {
  issues: readonly EscalationIssue[];
  config: ItrConfig;
  /** Waiting-for-customer pauses by issue id: a paused line's clock is stopped. */
  pauses: Map<string, LinePause[]>;
  now: Date;
}

/**
 * Why an issue is left alone: not (or no longer fully) on a line, already breached, or graded with a grade
 * or calendar the configuration no longer has (left for the admin).
 */
export type SkipReason = 'notOnALine' | 'breached' | 'unknownConfig';

/** The decision for one issue. */
export type IssueCheck =
  | { kind: 'skip'; issueId: string; reason: SkipReason }
  | { kind: 'upToDate'; issueId: string }
  /** The stored line times disagree with the configuration (changed without a recalculation). */
  | { kind: 'heal'; issueId: string; dueAt: Date | null; warnAt: Date | null }
  | { kind: 'warn'; issueId: string; line: SupportLine; enteredAt: Date }
  | {
      kind: 'escalate';
      issueId: string;
      issueKey: string;
      grade: string;
      /** `problem`, `requirement` or null: the next holder's answer is awaited within its rule's response time. */
      classification?: string | null;
      from: SupportLine;
      enteredAt: Date;
      /** Working minutes used on `from`, paused time excluded. */
      minutesUsed: number;
      previousHolder: string | null;
      to: SupportLine;
      toEnteredAt: Date;
      toDueAt: Date | null;
      toWarnAt: Date | null;
    }
  | { kind: 'breach'; issueId: string; enteredAt: Date; breachedAt: Date };

/** How many issues went which way (the run's report adds what the effects did). */
export interface CheckTally {
  warned: number;
  escalated: number;
  breached: number;
  healed: number;
  skipped: number;
}

export interface CheckPlan {
  /** Every field change of the run, for ONE bulk request. */
  writes: FieldWrites;
  /** Line stays to record (the one left and the one entered, per escalation). */
  stays: StayRow[];
  /** Side effects Jira cannot make idempotent, to claim before writing. */
  actions: EscalationAction[];
  tally: CheckTally;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

/** Decides one issue by time alone (`decideEscalation`); throws only what the configuration cannot explain. */
export function checkIssue(issue: EscalationIssue, facts: Omit<CheckFacts, 'issues'>): IssueCheck {
  const { config, now } = facts;
  if (issue.grade === null || issue.line === null || issue.enteredAt === null)
    return { kind: 'skip', issueId: issue.id, reason: 'notOnALine' };
  if (issue.breachedAt !== null) return { kind: 'skip', issueId: issue.id, reason: 'breached' };
  const { grade, line, enteredAt } = issue;
  const paused = linePauses(facts.pauses, issue.id, line);
  const rule = issueTimeRule(config, issue, grade);
  let decision;
  try {
    decision = decideEscalation({
      table: config.gradingTable,
      grade,
      timeRule: rule,
      line,
      enteredAt,
      pauses: paused,
      now,
      warnedForLine: issue.warnedLine ?? undefined,
      calendarFor: (_l, calendarId) => config.calendars.get(calendarId),
    });
  } catch (e) {
    if (e instanceof DomainError) return { kind: 'skip', issueId: issue.id, reason: 'unknownConfig' };
    throw e;
  }
  switch (decision.action) {
    case 'none': {
      // Left stale, the sweep would find this issue again every five minutes.
      const dueAt = decision.dueAt === null ? null : toSecond(decision.dueAt);
      const warnAt = decision.warnAt === null ? null : toSecond(decision.warnAt);
      return sameInstant(dueAt, issue.dueAt) && sameInstant(warnAt, issue.warnAt)
        ? { kind: 'upToDate', issueId: issue.id }
        : { kind: 'heal', issueId: issue.id, dueAt, warnAt };
    }
    case 'warn':
      return { kind: 'warn', issueId: issue.id, line, enteredAt };
    case 'escalate': {
      // The next line's clock starts when this line's time ran out, not when the sweep noticed: a late
      // run neither gives the next line extra time nor writes different values than an earlier one.
      const toEnteredAt = toSecond(decision.dueAt);
      const clock = lineClock(config, grade, decision.to, toEnteredAt, [], rule);
      return {
        kind: 'escalate',
        issueId: issue.id,
        issueKey: issue.key,
        grade,
        classification: issue.classification ?? null,
        from: line,
        enteredAt,
        minutesUsed: minutesUsed(config, grade, line, enteredAt, toEnteredAt, paused, rule),
        previousHolder: issue.ownerAccountId,
        to: decision.to,
        toEnteredAt,
        toDueAt: clock.dueAt,
        toWarnAt: clock.warnAt,
      };
    }
    case 'breach':
      return { kind: 'breach', issueId: issue.id, enteredAt, breachedAt: decision.dueAt };
  }
}

/** Every issue's decision, in the order read (the holders' round robin follows it). */
export function decideChecks(facts: CheckFacts): IssueCheck[] {
  return facts.issues.map((issue) => checkIssue(issue, facts));
}

const emptyTally = (): CheckTally => ({ warned: 0, escalated: 0, breached: 0, healed: 0, skipped: 0 });

const dateTimeOrNull = (d: Date | null): string | null => (d === null ? null : jiraDateTime(d));

/**
 * The writes, stays and claims the decisions lead to. `holders` answers who takes each escalated issue
 * on its next line (looked up in Jira between `decideChecks` and this); `now` opens their answer window.
 */
export function planCheck(
  checks: readonly IssueCheck[],
  holders: ReadonlyMap<string, LineHolder>,
  ids: ItrFieldIds,
  config: ItrConfig,
  now: Date,
): CheckPlan {
  const plan: CheckPlan = { writes: new FieldWrites(), stays: [], actions: [], tally: emptyTally() };
  const { writes, tally } = plan;
  for (const c of checks) {
    switch (c.kind) {
      case 'skip':
        tally.skipped += 1;
        break;
      case 'upToDate':
        break;
      case 'heal':
        writes.set(c.issueId, ids.lineDueAt, dateTimeOrNull(c.dueAt));
        writes.set(c.issueId, ids.lineWarnAt, dateTimeOrNull(c.warnAt));
        tally.healed += 1;
        break;
      case 'warn':
        writes.set(c.issueId, ids.warnedLine, c.line);
        plan.actions.push({
          issueId: c.issueId,
          action: 'warn',
          line: c.line,
          lineEnteredAt: c.enteredAt,
          toLine: null,
        });
        tally.warned += 1;
        break;
      case 'escalate': {
        const holder = holders.get(c.issueId);
        if (holder === undefined) throw new Error(`No holder looked up for ${c.issueKey} entering ${c.to}`);
        planEscalation(plan, c, holder.holder, ids, config, now);
        tally.escalated += 1;
        break;
      }
      case 'breach':
        writes.set(c.issueId, ids.breachedAt, jiraDateTime(c.breachedAt));
        plan.actions.push({
          issueId: c.issueId,
          action: 'breach',
          line: 'L3',
          lineEnteredAt: c.enteredAt,
          toLine: null,
        });
        tally.breached += 1;
        break;
    }
  }
  return plan;
}

/** The next line's fields, owner (Jira's assignee follows it with the comment), stays and claim. */
function planEscalation(
  plan: CheckPlan,
  c: Extract<IssueCheck, { kind: 'escalate' }>,
  assignee: string | null,
  ids: ItrFieldIds,
  config: ItrConfig,
  now: Date,
): void {
  const { writes } = plan;
  writes.set(c.issueId, ids.line, c.to);
  writes.set(c.issueId, ids.lineEnteredAt, jiraDateTime(c.toEnteredAt));
  writes.set(c.issueId, ids.lineDueAt, dateTimeOrNull(c.toDueAt));
  writes.set(c.issueId, ids.lineWarnAt, dateTimeOrNull(c.toWarnAt));
  writes.set(c.issueId, ids.warnedLine, null);
  writes.set(c.issueId, ids.owner, assignee === null ? null : { accountId: assignee });
  // The holder's window opens when the issue reaches them (a late run must not leave it already over).
  if (assignee !== null) setAnswerAwaited(writes, c.issueId, ids, config, c, toSecond(now));
  plan.stays.push(
    {
      issueId: c.issueId,
      line: c.from,
      enteredAt: c.enteredAt,
      leftAt: c.toEnteredAt,
      holderAccountId: c.previousHolder,
      enteredBy: null,
      workingMinutesUsed: c.minutesUsed,
      outcome: 'timed_out',
    },
    {
      issueId: c.issueId,
      line: c.to,
      enteredAt: c.toEnteredAt,
      leftAt: null,
      holderAccountId: assignee,
      enteredBy: 'app',
      workingMinutesUsed: 0,
      outcome: null,
    },
  );
  plan.actions.push({ issueId: c.issueId, action: 'escalate', line: c.from, lineEnteredAt: c.enteredAt, toLine: c.to });
}

/**
 * The new line's holder answers the escalation like any dispatch (timeout means consent, 超时默认为同意
 * 受理): awaited within the grade's response time from the escalation, on the grade's calendar, by the
 * same response fields, sweep and panel as the first owner's answer. Written with the escalation's
 * other fields, so it costs no request.
 */
function setAnswerAwaited(
  writes: FieldWrites,
  issueId: string,
  ids: ItrFieldIds,
  config: ItrConfig,
  issue: { grade: string; classification?: string | null | undefined },
  dispatchedAt: Date,
): void {
  const window = responseClockOf(
    config,
    { untriagedGrade: null, projectGrades: {} },
    { grade: issue.grade, classification: issue.classification ?? null, projectKey: null, createdAt: dispatchedAt },
    [],
  );
  writes.set(issueId, ids.acceptance, 'awaiting');
  writes.set(issueId, ids.responseDueAt, window?.dueAt == null ? null : jiraDateTime(window.dueAt));
  writes.set(issueId, ids.responseWarnAt, window?.warnAt == null ? null : jiraDateTime(window.warnAt));
  writes.set(issueId, ids.responseAlert, null);
}
