/**
 * The line history: one row per stay of an issue on a line, unique by (issue, line, entered at), so
 * recording the same line change twice is a no-op. SQL: src/adapters/sql/lineHistoryRepository.ts.
 */
import type { SupportLine } from '../../domain';
import type { LineOutcomeId } from '../../contract/escalation';

/** One stay to record: opening (leftAt null) or closing (leftAt and outcome set). */
export interface StayRow {
  issueId: string;
  line: SupportLine;
  enteredAt: Date;
  leftAt: Date | null;
  holderAccountId: string | null;
  enteredBy: string | null;
  workingMinutesUsed: number;
  outcome: LineOutcomeId | null;
}

export type StoredStay = Omit<StayRow, 'issueId'>;

export interface LineHistoryRepository {
  /**
   * Upserts stays in one statement. An existing stay is only ever closed, never reopened or closed
   * twice: the first close wins, so a duplicate delivery cannot rewrite the history.
   */
  recordStays: (rows: readonly StayRow[]) => Promise<void>;
  /** Every stay of one issue, oldest first. */
  staysOf: (issueId: string) => Promise<StoredStay[]>;
  /** The stays of one issue still open (normally one). */
  openStaysOf: (issueId: string) => Promise<StoredStay[]>;
}
