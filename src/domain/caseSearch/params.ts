/**
 * Tuning constants of the case search, in one place. Every value says what it means, its sensible
 * range and its default; `DEFAULT_SEARCH_PARAMS` holds the defaults. They were chosen on the
 * synthetic development set (test/domain/caseSearch/devSet.ts, see docs in scripts/bench/cases.ts),
 * never on the public evaluation set, which is only used to check.
 */

/** Which part of a case a token came from. Order matters: it is also the column order in SQL. */
export const CASE_FIELDS = ['title', 'body', 'meta'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

export interface FieldParams {
  /**
   * Weight of one occurrence in this field relative to the body (BM25F field boost).
   * Range 0–10; defaults: title 2.5 (a title is a human summary of the symptom), body 1,
   * meta 1.5 (product, version and tags: short, deliberate, but shared by many cases).
   */
  weight: number;
  /**
   * Length normalisation of this field (BM25 `b`), 0 (none) – 1 (full). Defaults: title 0.5 (titles
   * are all short, their length says little), body 0.75 (Robertson's default), meta 0.3.
   */
  b: number;
}

export interface SearchParams {
  /**
   * Term-frequency saturation (BM25 `k1`) applied to the field-weighted frequency. Range 0.5–3;
   * default 1.2. Lower means a repeated word adds less.
   */
  k1: number;
  fields: Record<CaseField, FieldParams>;
  /**
   * Weight of a query token by where it occurs in the query (a query is itself a report: its title
   * is a better summary than its body). Range 0–5; defaults title 2, body 1, meta 1.5.
   */
  queryFieldWeight: Record<CaseField, number>;
  /**
   * Saturation of the query's own term frequency: weight = qtf·(k3+1)/(qtf+k3). Range 0–10; default
   * 1.5, so a word said five times in a long report counts about twice, not five times.
   */
  k3: number;
  /**
   * Extra weight of an identifier-like token (a version `2.53.1`, a file `nsDocShell.cpp`, an error code
   * `0x80004005`, a crash signature `js::GCRuntime`): such tokens are rare and nearly decisive for
   * duplicates. Multiplies the query weight. Range 1–3; default 1.5.
   */
  rareTokenBoost: number;
  /**
   * Weight of word bigrams (`tab strip` → `tab_strip`) and CJK character bigrams relative to single
   * words. Range 0–1.5; default 0.6 (they reward phrases without double-counting their words).
   */
  bigramWeight: number;
  /**
   * Coordination bonus: the score is multiplied by (1 + coordBoost · matched query weight share).
   * Range 0–1; default 0.3. It favours a case that matches many distinct query terms over one that
   * repeats a single term.
   */
  coordBoost: number;
  /**
   * Largest number of query terms read from the index; the most informative (IDF × query weight)
   * are kept. Range 8–200; default 48. Bounds the `IN (...)` list.
   */
  maxQueryTerms: number;
  /**
   * Largest number of postings read for one query, summed over the kept terms' document
   * frequencies; terms are taken from most to least informative until the budget is spent (a term
   * in half the corpus says little and costs the most). Range 1,000–500,000; default 60,000, which
   * keeps the read under the latency target at 100,000 cases.
   */
  postingBudget: number;
  /**
   * Boost per "this case helped" mark, as 1 + helpfulBoost · ln(1 + helpful − notRelevant/2), never
   * below 1 − helpfulBoost. Range 0–0.3; default 0.05: feedback reorders near ties, it never lifts an
   * unrelated case over a matching one.
   */
  helpfulBoost: number;
}

export const DEFAULT_SEARCH_PARAMS: SearchParams = {
  k1: 1.2,
  fields: {
    title: { weight: 2.5, b: 0.5 },
    body: { weight: 1, b: 0.75 },
    meta: { weight: 1.5, b: 0.3 },
  },
  queryFieldWeight: { title: 2, body: 1, meta: 1.5 },
  k3: 1.5,
  rareTokenBoost: 1.5,
  bigramWeight: 0.6,
  coordBoost: 0.3,
  maxQueryTerms: 48,
  postingBudget: 60_000,
  helpfulBoost: 0.05,
};

/** Longest token kept (characters); longer ones are cut, so index keys stay short. Default 48. */
export const MAX_TOKEN_LENGTH = 48;
/** Only the first this many characters of a field are indexed (long logs add noise and postings). Default 20,000. */
export const MAX_FIELD_CHARS = 20_000;
