/** Return visits: one row per issue needing a visit, past rounds kept. SQL: src/adapters/sql/returnVisitRepository.ts. */
import type { ReturnVisit } from '../../contract/closure';

export interface VisitOpening {
  issueId: string;
  issueKey: string;
  reason: string;
  kind: string | null;
  grade: string | null;
  resolvedAt: Date;
  /** Status and resolution names at resolution, as the app read them: kept for the record, never shown (names are read as the viewer). */
  internalView: string;
}

export interface VisitRecord {
  issueId: string;
  satisfaction: number;
  resolvedInCustomersView: boolean;
  customerWords: string;
  viewsDiffer: boolean;
  by: string;
  at: Date;
}

export interface ReturnVisitRepository {
  /** Opens a visit; a second delivery (or a re-resolve) of the same issue keeps the first row. */
  openVisit: (v: VisitOpening) => Promise<boolean>;
  /**
   * A later resolution after the visit was recorded: the recorded round is kept as past, then the visit
   * opens again as the next round; safe to redo after a crash. True if a new round opened.
   */
  openNextRound: (v: VisitOpening) => Promise<boolean>;
  /**
   * One page of the visits of `status`, newest first (open ones by resolution time, recorded ones by
   * when they were recorded), and how many there are in all.
   */
  listVisits: (
    status: 'open' | 'done',
    page: { limit: number; offset: number },
  ) => Promise<{ visits: ReturnVisit[]; total: number }>;
  getVisit: (issueId: string) => Promise<ReturnVisit | undefined>;
  /** Records the visit once: only an open visit changes (a double submit cannot overwrite the first). */
  recordVisit: (v: VisitRecord) => Promise<boolean>;
}
