/**
 * The case-library habit's storage (issue 17): the searches made for an issue from its panel, the case
 * decision at resolution, and the reads supervision aggregates. SQL: src/adapters/sql/caseHabitRepository.ts.
 */
import type { AnalyticsFilter, CaseDecisionKind, LineStayCounts, PeriodOutcomeRow } from '../../domain/analytics';

export interface CaseSearchEntry {
  accountId: string;
  at: Date;
  query: string;
  /** A free search, or a suggested case judged helpful or not relevant (its title as the query). */
  source: 'search' | 'suggestion';
}

export interface CaseDecisionEntry {
  decision: CaseDecisionKind;
  caseId: number | null;
  reason: string;
  decidedBy: string;
  decidedAt: Date;
}

/** One issue of a filter as the habit figures need it (ISO instants). */
export interface HabitFactRow {
  ownerAccountId: string | null;
  department: string | null;
  firstSearchAt: string | null;
  acceptedAt: string | null;
  firstLineChangeAt: string | null;
  resolved: boolean;
  decision: CaseDecisionKind | null;
}

export interface CaseHabitRepository {
  recordSearch: (issueId: string, entry: CaseSearchEntry) => Promise<void>;
  /** The first search made for the issue, the latest `limit` (newest first) and how many in all. */
  searchesOf: (
    issueId: string,
    limit: number,
  ) => Promise<{ first: CaseSearchEntry | null; latest: CaseSearchEntry[]; count: number }>;
  /** The holder's first acceptance (explicit or deemed) and the first time the issue left a line stay. */
  workStartOf: (issueId: string) => Promise<{ acceptedAt: Date | null; firstLineChangeAt: Date | null }>;
  /** The cases made from the issue (`source`) and used on it (`used_on`), most recent first. */
  linkedCases: (issueKey: string) => Promise<Array<{ caseId: number; relation: 'source' | 'used_on' }>>;
  readDecision: (issueId: string) => Promise<CaseDecisionEntry | null>;
  /** Saves the issue's decision, replacing an earlier one. */
  saveDecision: (issueId: string, entry: CaseDecisionEntry) => Promise<void>;
  /** One row per issue the filter counts (the filter's period bounds it; at most `limit` rows). */
  habitRows: (f: AnalyticsFilter, limit: number) => Promise<HabitFactRow[]>;
  /** Per line, the stays that ended resolved, passed on and timed out. */
  lineStayRows: (f: AnalyticsFilter) => Promise<LineStayCounts[]>;
  /** Per period of resolution: resolved issues, first-contact ones, visits with a satisfaction and their sum. */
  periodOutcomeRows: (f: AnalyticsFilter) => Promise<PeriodOutcomeRow[]>;
}
