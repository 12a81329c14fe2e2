/** Recorded waiting-for-customer pauses of issues (src/app/escalation/pauses.ts). SQL: src/adapters/sql/linePauseRepository.ts. */
import type { Pause, SupportLine } from '../../domain';

/** The line of a pause that began before triage put the issue on a line. */
export const UNTRIAGED_PAUSE_LINE = 'untriaged';

/** A recorded pause of an issue on a line (null: before triage put it on one). */
export interface LinePause extends Pause {
  line: SupportLine | null;
}

export interface LinePauseRepository {
  /** Every pause of the given issues (one query), by issue id, oldest first. */
  pausesOf: (issueIds: readonly string[]) => Promise<Map<string, LinePause[]>>;
  /** Records a pause starting at `from` (a second one with the same start is ignored). */
  openPause: (issueId: string, line: SupportLine | typeof UNTRIAGED_PAUSE_LINE, from: Date) => Promise<void>;
  /** Closes whatever pause of the issue is open, at `to` but never before it started. */
  closeOpenPause: (issueId: string, to: Date) => Promise<void>;
}
