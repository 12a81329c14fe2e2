/**
 * The panel's response (acceptance) clock, pure: the customer's promise that someone takes the issue
 * on, from its creation. Its due and warning times are the issue's app fields `itr-response-due` /
 * `itr-response-warn` exactly as the app wrote them (src/app/escalation/responseClock.ts), the same
 * the sweep deems and alerts by: the panel never computes other ones.
 */
import type { ClockFinal, ResponseClock } from '../../contract/issuePanel';
import {
  finalClockState,
  lineClockStatus,
  responseGradeOf,
  type FinalClockState,
  type Pause,
  type StoppedClock,
} from '../../domain';
import { doneAt, isIssueDone } from '../../domain/issueDone';
import type { ItrConfig } from '../config/itrConfig';
import type { ClockSettings } from '../escalation/clockSettings';
import { calendarOf } from '../escalation/lineClock';
import type { ItrFieldIds } from '../fields/itrFields';
import { statusCategoryOf, textOf } from '../fields/issueState';

export interface ResponseClockInput {
  /** The issue's fields: the response and acceptance fields, grade, `created`, `project` and the done markers. */
  fields: Record<string, unknown>;
  ids: ItrFieldIds;
  config: ItrConfig;
  /** The untriaged default grades: the clock of an ungraded issue runs on their calendar. */
  settings: Pick<ClockSettings, 'untriagedGrade' | 'projectGrades'>;
  now: Date;
  /** Every waiting-for-customer pause of the issue, whatever line it was on (or before triage). */
  pauses: readonly Pause[];
  /**
   * When the current acceptance was recorded: the latest `accepted` / `deemedAccepted` row of the
   * classification history (a timeout consent's row carries the deadline as its time).
   */
  acceptedAt: Date | null;
}

const instant = (value: unknown): Date | null => {
  if (typeof value !== 'string') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

const projectKeyOf = (v: unknown): string | null =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['key'] === 'string'
    ? ((v as Record<string, unknown>)['key'] as string)
    : null;

function finalOf(f: FinalClockState): ClockFinal {
  return f.outcome === 'met'
    ? { outcome: 'met', spareMinutes: f.spareMinutes, stoppedAt: f.stoppedAt.toISOString() }
    : { outcome: 'breached', overMinutes: f.overMinutes, stoppedAt: f.stoppedAt.toISOString() };
}

const openAt = (pauses: readonly Pause[], at: Date): Pause | undefined =>
  pauses.find((p) => p.from.getTime() <= at.getTime() && (p.to === null || p.to.getTime() > at.getTime()));

/**
 * The response clock as the panel shows it; null when the issue has no response clock (never stamped:
 * created before the app kept one, or a table without grades), or when it was answered but no
 * acceptance time is recorded (met or breached cannot be told).
 *
 *  - running: on track, warning or overdue by the stored times;
 *  - paused while waiting for the customer (the app clears the times then): since when;
 *  - stopped by the owner's answer (accepted, or deemed to) or by the issue becoming done, whichever
 *    came first: its final state, met with time to spare or breached by how much.
 */
export function responseClockOf(input: ResponseClockInput): ResponseClock | null {
  const { fields, ids, config, settings, now, pauses } = input;
  const dueAt = instant(fields[ids.responseDueAt]);
  const warnAt = instant(fields[ids.responseWarnAt]);
  const acceptance = fields[ids.acceptance];
  const answered = acceptance === 'accepted' || acceptance === 'deemedAccepted';
  const markers = { resolved: fields['resolution'] != null, statusCategory: statusCategoryOf(fields['status']) };
  const done = isIssueDone(markers);

  if (!answered && !done) {
    const open = pauses.find((p) => p.to === null && p.from.getTime() <= now.getTime());
    if (open !== undefined)
      return { dueAt: null, warnAt: null, status: 'paused', pausedSince: open.from.toISOString(), final: null };
    if (dueAt === null) return null;
    return {
      dueAt: dueAt.toISOString(),
      warnAt: warnAt?.toISOString() ?? null,
      status: lineClockStatus({ dueAt, warnAt }, now),
      pausedSince: null,
      final: null,
    };
  }

  // Stopped: at the answer if there is one (it comes before the issue is done), else when it became done.
  let stoppedAt: Date;
  if (answered) {
    if (input.acceptedAt === null) return null;
    stoppedAt = input.acceptedAt;
  } else {
    stoppedAt =
      doneAt({
        ...markers,
        resolutionDate: instant(fields['resolutiondate']),
        statusCategoryChangedAt: instant(fields['statuscategorychangedate']),
      }) ?? now;
  }
  if (stoppedAt.getTime() > now.getTime()) stoppedAt = now;

  // The calendar the app stamped the clock on (its `responseClockOf`): only to count the minutes.
  const projectKey = projectKeyOf(fields['project']);
  const project = projectKey === null ? undefined : settings.projectGrades[projectKey];
  const grade = responseGradeOf(config.gradingTable, textOf(fields[ids.grade]), {
    project,
    site: settings.untriagedGrade,
  });
  const sla = grade === null ? undefined : config.gradingTable.sla[grade];
  if (sla === undefined) return null;
  const calendar = calendarOf(config, sla.calendarId);

  let clock: StoppedClock;
  if (dueAt !== null) clock = { dueAt };
  else {
    // No due time is stored only while a wait for the customer held the clock when it stopped: then
    // its budget from creation, minus the waits, is what a resume would have written. Otherwise the
    // clock was never stamped, and the panel invents no deadline.
    const createdAt = instant(fields['created']);
    if (createdAt === null || openAt(pauses, stoppedAt) === undefined) return null;
    clock = { startedAt: createdAt, budgetMinutes: sla.responseMinutes };
  }

  let final = finalClockState({ calendar, clock, stoppedAt, pauses });
  // The promise to the customer is to respond BY the deadline. The sweep applies timeout consent at the
  // deadline itself (inclusive, src/domain/sla/responseClock.ts `decideResponse`) and records the
  // deadline as the deemed acceptance's time: the owner is taken to have accepted at the deadline, which
  // keeps the promise, so an answer at exactly the due time is met with nothing to spare, not a breach
  // by 0. (An issue that merely became done at the due time without an answer stays a breach by 0, as
  // the sweep calls an unanswered issue overdue at that instant.) A deemed acceptance later than the
  // deadline (an owner dispatched after it) is a breach by the time over.
  if (answered && final.outcome === 'breached' && 'dueAt' in clock && stoppedAt.getTime() === clock.dueAt.getTime()) {
    final = { outcome: 'met', spareMinutes: 0, stoppedAt };
  }
  return {
    dueAt: dueAt?.toISOString() ?? null,
    warnAt: warnAt?.toISOString() ?? null,
    status: final.outcome,
    pausedSince: null,
    final: finalOf(final),
  };
}
