/**
 * An issue enters a support line: triage accepting it into L1, or anyone moving it by hand. Computes
 * the line's due and warning times on the line's own calendar, writes them with the line into the
 * app-only fields (one bulk request), and records the line change in `line_history`.
 */
import type { AppFieldValueUpdate } from '../../adapters/jira';
import { DomainError, type SupportLine } from '../../domain';
import { recordStays, openStaysOf, type StayRow } from '../history/lineHistoryStore';
import { FieldWrites } from './fieldWrites';
import { jiraDateTime, lineClock, minutesUsed, toSecond } from './lineClock';
import { platformDeps, type EscalationDeps } from './deps';
import { linePauses, pausesOf } from './pauses';
import { writeItrFields } from '../fields/writeItrFields';
import type { ItrConfig } from '../config/itrConfig';

export interface EnterLineInput {
  /** Numeric Jira issue id (the app fields are written by id). */
  issueId: string;
  /** The issue's grade (decides the budget). */
  grade: string;
  line: SupportLine;
  /** When the line's clock starts. */
  at: Date;
  /** Who moved it (account id, or `app`). */
  actor: string;
  /** Who holds it on the new line; default: the line's configured assignee. Written to the owner field. */
  holderAccountId?: string | null;
  /**
   * Other app-field writes of the same change (e.g. triage's kind, grade, acceptance), sent in the
   * same bulk request so entering a line costs the caller no extra Jira request. They must not touch
   * the fields written here (line, line times, warned line, and the owner when a holder is set).
   */
  alsoWrite?: readonly AppFieldValueUpdate[];
}

export interface EnteredLine {
  issueId: string;
  line: SupportLine;
  enteredAt: string;
  dueAt: string | null;
  warnAt: string | null;
}

export async function enterLine(input: EnterLineInput, deps: EscalationDeps = platformDeps()): Promise<EnteredLine> {
  if (!/^\d+$/.test(input.issueId)) throw new DomainError('ESCALATION_INVALID_ARGUMENT', `issueId must be a numeric Jira id, got ${input.issueId}`);
  const [ids, config, settings] = await Promise.all([deps.fieldIds(), deps.loadConfig(), deps.loadSettings()]);
  const enteredAt = toSecond(input.at);
  const clock = lineClock(config, input.grade, input.line, enteredAt);
  const holder = input.holderAccountId !== undefined ? input.holderAccountId : settings.lines[input.line].assigneeAccountId;

  const writes = new FieldWrites();
  writes.set(input.issueId, ids.line, input.line);
  writes.set(input.issueId, ids.lineEnteredAt, jiraDateTime(enteredAt));
  writes.set(input.issueId, ids.lineDueAt, clock.dueAt === null ? null : jiraDateTime(clock.dueAt));
  writes.set(input.issueId, ids.lineWarnAt, clock.warnAt === null ? null : jiraDateTime(clock.warnAt));
  writes.set(input.issueId, ids.warnedLine, null);
  if (holder !== null) writes.set(input.issueId, ids.owner, { accountId: holder });
  // The stays are written after the fields and before the projection's sync, which copies them.
  await writeItrFields(deps.jira, [...(input.alsoWrite ?? []), ...writes.updates()], { ids, then: () => recordStaysOfEntry(input, enteredAt, holder, config) });
  return {
    issueId: input.issueId,
    line: input.line,
    enteredAt: enteredAt.toISOString(),
    dueAt: clock.dueAt?.toISOString() ?? null,
    warnAt: clock.warnAt?.toISOString() ?? null,
  };
}

/** Closes whatever stay was open (passed on by a person), then opens the new one; both idempotent. */
async function recordStaysOfEntry(input: EnterLineInput, enteredAt: Date, holder: string | null, config: ItrConfig): Promise<void> {
  const rows: StayRow[] = [];
  const openStays = await openStaysOf(input.issueId);
  const pauses = openStays.length === 0 ? undefined : await pausesOf([input.issueId]);
  for (const open of openStays) {
    if (open.line === input.line && open.enteredAt.getTime() === enteredAt.getTime()) continue;
    if (open.enteredAt.getTime() > enteredAt.getTime()) continue;
    rows.push({
      ...open,
      issueId: input.issueId,
      leftAt: enteredAt,
      outcome: 'passed_on',
      workingMinutesUsed: minutesUsed(config, input.grade, open.line, open.enteredAt, enteredAt, linePauses(pauses, input.issueId, open.line)),
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
  await recordStays(rows);
}
