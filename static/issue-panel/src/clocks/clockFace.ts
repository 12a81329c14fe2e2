import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { ClockFinal, IssueItrState, ResponseClock } from '../../../../src/contract/issuePanel';

/** What a clock's lozenge says: the one state that matters now (JSM's SLA panel). */
export type ClockState = 'onTrack' | 'dueSoon' | 'breached' | 'paused' | 'met' | 'notStarted';

/** Lozenge appearance per state: colour repeats the word, never replaces it. */
export const LOZENGE: Record<ClockState, ThemeAppearance> = {
  onTrack: 'inprogress',
  dueSoon: 'moved',
  breached: 'removed',
  paused: 'default',
  met: 'success',
  notStarted: 'default',
};

/**
 * A clock as the panel draws it: its state, the prominent line (time left, by how much it was met or
 * breached) and the instant under it (the deadline, or since when it is paused, or when it stopped).
 * The warning time is never the headline: past it with time left, the state is "Due soon" and the
 * time left stays the headline; the warning time is in the deadline's tooltip.
 */
export type ClockFace =
  /** Running with time left: working minutes left when known (the line clock), else the relative deadline. */
  | { kind: 'running'; state: 'onTrack' | 'dueSoon'; leftMinutes: number | null; dueAt: string; warnAt: string | null }
  | { kind: 'overdue'; state: 'breached'; dueAt: string; warnAt: string | null }
  /** Stopped while waiting for the customer; `leftMinutes`: what it resumes with, when known. */
  | { kind: 'paused'; state: 'paused'; since: string; leftMinutes: number | null }
  | { kind: 'final'; state: 'met' | 'breached'; final: ClockFinal }
  | { kind: 'notStarted'; state: 'notStarted' };

const runningState = (status: string): 'onTrack' | 'dueSoon' => (status === 'warning' ? 'dueSoon' : 'onTrack');

/**
 * A running clock as of `now`: the server's state when the panel loaded, moved on by the wall clock while
 * the panel stays open (past the warning time: due soon; past the due time: breached), as the sweep would.
 */
function running(
  status: string,
  times: { dueAt: string; warnAt: string | null; leftMinutes: number | null },
  now: number,
): ClockFace {
  const { dueAt, warnAt } = times;
  if (status === 'overdue' || Date.parse(dueAt) <= now) return { kind: 'overdue', state: 'breached', dueAt, warnAt };
  const warned = status === 'warning' || (warnAt !== null && Date.parse(warnAt) <= now);
  return { kind: 'running', state: warned ? 'dueSoon' : runningState(status), ...times };
}

/** The line clock's face at `now` (ms); null when it never ran (a done issue that was never on a line). */
export function lineClockFace(state: IssueItrState, now: number): ClockFace | null {
  if (state.status === 'done')
    return state.lineFinal === null ? null : { kind: 'final', state: state.lineFinal.outcome, final: state.lineFinal };
  if (state.pausedSince !== null)
    return { kind: 'paused', state: 'paused', since: state.pausedSince, leftMinutes: state.remainingMinutes };
  if (state.dueAt === null || state.status === 'notStarted') return { kind: 'notStarted', state: 'notStarted' };
  return running(state.status, { dueAt: state.dueAt, warnAt: state.warnAt, leftMinutes: state.remainingMinutes }, now);
}

/** The response (acceptance) clock's face at `now` (ms); null when the issue has none. */
export function responseClockFace(clock: ResponseClock | null, now: number): ClockFace | null {
  if (clock === null) return null;
  if (clock.final !== null) return { kind: 'final', state: clock.final.outcome, final: clock.final };
  if (clock.pausedSince !== null)
    return { kind: 'paused', state: 'paused', since: clock.pausedSince, leftMinutes: null };
  if (clock.dueAt === null) return null;
  // The server gives no working minutes for this clock: the deadline, relative to now, is the headline.
  return running(clock.status, { dueAt: clock.dueAt, warnAt: clock.warnAt, leftMinutes: null }, now);
}
