/**
 * An issue enters a support line: triage accepting it into L1, or anyone moving it by hand. Decides who
 * takes it (the holder passed in, else the line's assignment: a person, a group's next turn, or nobody)
 * and moves Jira's assignee, and the status when the line maps one the workflow offers from here
 * (src/app/escalation/jiraMove.ts); then computes the line's due and warning times on the line's own
 * calendar, writes them with the line and the owner (= the assignee) into the app-only fields (one bulk
 * request), and records the line change in `line_history`. Jira moves first: if Jira fails, nothing of
 * the line is written and the caller may simply retry.
 */
import type { AppFieldValueUpdate, JiraIssue } from '../../adapters/jira';
import { DomainError, lineHolder, type LineHolder, type SupportLine, type TimeRule } from '../../domain';
import { FieldWrites } from './fieldWrites';
import { jiraDateTime, lineClock, minutesUsed, toSecond } from './lineClock';
import { platformDeps, type EscalationDeps } from './deps';
import { applyMove, issueInJira, planMove, UNREAD_ISSUE, type MoveOutcome } from './jiraMove';
import { LineHolders, projectKeyOf } from './lineHolders';
import { unassignedEntryMessage } from './messages';
import { linePauses, pausesOf } from './pauses';
import { writeItrFields } from '../fields/writeItrFields';
import type { ItrConfig } from '../config/itrConfig';
import { repositories } from '../ports';
import type { StayRow } from '../ports/lineHistory';

export interface EnterLineInput {
  /** Numeric Jira issue id (the app fields are written by id). */
  issueId: string;
  /** The issue's grade (decides the budget). */
  grade: string;
  /** Problem or requirement times (src/domain/sla/timeRule.ts); default `problem`. */
  timeRule?: TimeRule;
  line: SupportLine;
  /** When the line's clock starts. */
  at: Date;
  /** Who moved it (account id, or `app`). */
  actor: string;
  /**
   * Who holds it on the new line (triage's choice wins over the line's assignment); `null` = nobody
   * (unassigned); absent = the line's assignment decides. Written to Jira's assignee and the owner field.
   */
  holderAccountId?: string | null;
  /**
   * Other app-field writes of the same change (e.g. triage's kind, grade, acceptance), sent in the
   * same bulk request so entering a line costs the caller no extra Jira request. Writes of the fields
   * set here (line, line times, warned line, owner) are dropped: the owner is always the assignee.
   */
  alsoWrite?: readonly AppFieldValueUpdate[];
}

export interface EnteredLine {
  issueId: string;
  line: SupportLine;
  enteredAt: string;
  dueAt: string | null;
  warnAt: string | null;
  /** Who holds it now (Jira's assignee and the owner field); null = unassigned. */
  holderAccountId: string | null;
  /** The group told by email (`/notify`) because nobody took the issue; null = none. */
  notifyGroup: string | null;
  /** The line's status that the workflow did not let the issue move to; null = moved, or none mapped. */
  statusNotMoved: string | null;
}

export async function enterLine(input: EnterLineInput, deps: EscalationDeps = platformDeps()): Promise<EnteredLine> {
  if (!/^\d+$/.test(input.issueId))
    throw new DomainError('ESCALATION_INVALID_ARGUMENT', `issueId must be a numeric Jira id, got ${input.issueId}`);
  const [ids, config, settings] = await Promise.all([deps.fieldIds(), deps.loadConfig(), deps.loadSettings()]);
  const enteredAt = toSecond(input.at);
  const clock = lineClock(config, input.grade, input.line, enteredAt, [], input.timeRule ?? 'problem');
  const routing = settings.lines[input.line];
  // The issue's project, assignee, status and offered transitions: read only when the line needs them.
  const needsRead =
    routing.statusName !== null || (input.holderAccountId === undefined && routing.assignment.mode !== 'unassigned');
  const now = needsRead
    ? await deps.jira.getIssue(input.issueId, {
        fields: ['project', 'assignee', 'status'],
        ...(routing.statusName !== null ? { expand: ['transitions'] } : {}),
      })
    : undefined;
  let decided: LineHolder;
  if (input.holderAccountId !== undefined) decided = { holder: input.holderAccountId, notifyGroup: null };
  else if (now === undefined)
    decided = lineHolder(routing.assignment); // unassigned: nothing to ask Jira
  else {
    const holders = new LineHolders(deps.jira, settings, deps.lineTurns);
    decided = await holders.holderFor(input.line, projectOf(now));
    await holders.save();
  }
  const holder = decided.holder;
  const plan = planMove(now === undefined ? UNREAD_ISSUE : issueInJira(now), {
    holder,
    statusName: routing.statusName,
  });
  const moved: MoveOutcome = await applyMove(deps.jira, input.issueId, plan);
  if (decided.notifyGroup !== null) {
    // "Unassigned, notify the group": an email to the group (ADF comments cannot mention a group).
    const m = unassignedEntryMessage(input.line, settings.locale);
    await deps.jira.notifyIssue(input.issueId, {
      subject: m.subject,
      textBody: m.text,
      to: { groups: [decided.notifyGroup] },
    });
  }

  const writes = new FieldWrites();
  writes.set(input.issueId, ids.line, input.line);
  writes.set(input.issueId, ids.lineEnteredAt, jiraDateTime(enteredAt));
  writes.set(input.issueId, ids.lineDueAt, clock.dueAt === null ? null : jiraDateTime(clock.dueAt));
  writes.set(input.issueId, ids.lineWarnAt, clock.warnAt === null ? null : jiraDateTime(clock.warnAt));
  writes.set(input.issueId, ids.warnedLine, null);
  writes.set(input.issueId, ids.owner, holder === null ? null : { accountId: holder });
  const own = new Set(writes.updates().map((u) => u.fieldId));
  const also = (input.alsoWrite ?? []).filter((u) => !own.has(u.fieldId));
  // The stays are written after the fields and before the projection's sync, which copies them.
  await writeItrFields(deps.jira, [...also, ...writes.updates()], {
    ids,
    then: () => recordStaysOfEntry(input, enteredAt, holder, config),
  });
  return {
    issueId: input.issueId,
    line: input.line,
    enteredAt: enteredAt.toISOString(),
    dueAt: clock.dueAt?.toISOString() ?? null,
    warnAt: clock.warnAt?.toISOString() ?? null,
    holderAccountId: holder,
    notifyGroup: decided.notifyGroup,
    statusNotMoved: moved.statusNotMoved,
  };
}

function projectOf(issue: JiraIssue | undefined): string {
  const p = issue?.fields['project'];
  const key = typeof p === 'object' && p !== null ? (p as Record<string, unknown>)['key'] : undefined;
  if (typeof key === 'string') return key;
  if (issue?.key !== undefined) return projectKeyOf(issue.key);
  throw new DomainError('ESCALATION_INVALID_ARGUMENT', `issue ${issue?.id ?? '?'} has no project`);
}

/** Closes whatever stay was open (passed on by a person), then opens the new one; both idempotent. */
async function recordStaysOfEntry(
  input: EnterLineInput,
  enteredAt: Date,
  holder: string | null,
  config: ItrConfig,
): Promise<void> {
  const rows: StayRow[] = [];
  const openStays = await repositories().lineHistory.openStaysOf(input.issueId);
  const pauses = openStays.length === 0 ? undefined : await pausesOf([input.issueId]);
  for (const open of openStays) {
    if (open.line === input.line && open.enteredAt.getTime() === enteredAt.getTime()) continue;
    if (open.enteredAt.getTime() > enteredAt.getTime()) continue;
    rows.push({
      ...open,
      issueId: input.issueId,
      leftAt: enteredAt,
      outcome: 'passed_on',
      workingMinutesUsed: minutesUsed(
        config,
        input.grade,
        open.line,
        open.enteredAt,
        enteredAt,
        linePauses(pauses, input.issueId, open.line),
      ),
    });
  }
  rows.push({
    issueId: input.issueId,
    line: input.line,
    enteredAt,
    leftAt: null,
    holderAccountId: holder,
    enteredBy: input.actor,
    workingMinutesUsed: 0,
    outcome: null,
  });
  await repositories().lineHistory.recordStays(rows);
}
