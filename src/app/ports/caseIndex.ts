/**
 * The case search index: a case's postings are replaced whenever it changes; a search answers the best
 * indexed cases for a query, ranked by the pure rules of src/domain/caseSearch.
 * SQL: src/adapters/sql/caseIndexRepository.ts (three SELECTs a search, whatever the corpus size).
 */
import type { FieldTexts, KeptTerm, QueryExpansion, RankedCase, SearchParams } from '../../domain/caseSearch';

/** Cases `searchIndex` returns unless asked for another number. Range 10–1,000; default 100. */
export const DEFAULT_SEARCH_LIMIT = 100;

export interface IndexedCase {
  caseId: number;
  texts: FieldTexts;
}

/** The steps of one search, timed for the benchmark's breakdown (the library adds rows and permissions). */
export type SearchPhase = 'statsAndDf' | 'candidates' | 'postings' | 'rank' | 'rows' | 'permissions';
/** What the benchmark learns about one search (the app passes none): phase durations, the kept terms. */
export interface SearchProbe {
  phase: (name: SearchPhase, ms: number) => void;
  keptTerms: (kept: readonly KeptTerm[]) => void;
}

/** Runs `step` and reports its duration to `probe` under `phase`. */
export async function timed<T>(
  probe: SearchProbe | undefined,
  phase: SearchPhase,
  step: () => Promise<T> | T,
): Promise<T> {
  if (probe === undefined) return step();
  const t = performance.now();
  try {
    return await step();
  } finally {
    probe.phase(phase, performance.now() - t);
  }
}

export interface CaseIndex {
  /** Indexes cases not indexed before, in bulk (an import). */
  indexNewCases: (cases: readonly IndexedCase[]) => Promise<void>;
  /** Replaces a case's postings (undefined texts: drops them). */
  reindexCase: (caseId: number, texts: FieldTexts | undefined) => Promise<void>;
  /** The best `limit` indexed cases for a query (all statuses; the caller filters). */
  searchIndex: (
    texts: FieldTexts,
    p?: SearchParams,
    options?: {
      limit?: number;
      probe?: SearchProbe | undefined;
      /** Terms to add to the analysed query (the bilingual list: src/domain/caseSearch/bilingual.ts). */
      expand?: QueryExpansion | undefined;
    },
  ) => Promise<RankedCase[]>;
}
