/**
 * Tuning constants of the case search, in one place. Every value says what it means, its sensible
 * range and its default; `DEFAULT_SEARCH_PARAMS` holds the defaults. They were chosen on the
 * synthetic development set (test/domain/caseSearch/devSet.ts, see docs in scripts/bench/cases.ts);
 * the ones marked "tuning sets" were then checked on the public SeaMonkey set and the older half of the
 * Hadoop set (bench/data/case-search/hadoop, `queries-tune`). The newer half of Hadoop
 * (`queries-holdout`) and the bilingual set were never used to choose a value: `npm run bench:cases`
 * reports them as held out.
 *
 * Tried on the tuning sets and not kept (each lost MRR@10 on at least one, gained on none):
 * pseudo-relevance feedback (RM3-style, top 3 or 5 cases, 10 terms at 0.2–0.5: MRR −0.01 to −0.07);
 * dropping URLs, or keeping them whole only (SeaMonkey recall@5 −0.07: the failing site's address is
 * often what two reports share); English synonyms (update/upgrade/bump, failure/fail: Hadoop-tune
 * MRR −0.04); a bonus for a query-title word found in the case title (1–4 × IDF: SeaMonkey MRR +0.03,
 * Hadoop-tune −0.001 to −0.013, so no clear gain for a second pass in the SQL candidate sum); `k3` 5 (SeaMonkey −0.015), `k1` 2, `maxQueryTerms` 24 or 48, `rareTokenBoost` 1.5 or 3
 * (within ±0.01, noise on 30 queries).
 */

/** Which part of a case a token came from. Order matters: it is also the column order in SQL. */
export const CASE_FIELDS = ['title', 'body', 'meta'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

export interface FieldParams {
  /**
   * Weight of one occurrence in this field relative to the body (BM25F field boost).
   * Range 0–10; defaults: title 2 (a title is a human summary of the symptom; 1.5–2 was best on the
   * development set, 2.5 and more let any case sharing a component word win), body 1, meta 1.5
   * (product, version and tags: short, deliberate, but shared by many cases).
   */
  weight: number;
  /**
   * Length normalisation of this field (BM25 `b`), 0 (none) – 1 (full). Defaults: title 0.75 and body
   * 0.75 (Robertson's default; 0.5 for titles was no better on the development set), meta 0.5.
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
   * is a better summary than its body). Range 0–8; defaults title 4, body and meta 1. Tuning sets
   * (recall@5 / MRR@10, SeaMonkey · Hadoop-tune): title 1 → 0.767/0.609 · 0.727/0.604; 2 → 0.867/0.687 ·
   * 0.758/0.630; 3 → 0.833/0.704 · 0.818/0.668; 4 → 0.833/0.704 · 0.818/0.699; 5–6 no better. A long
   * body (logs, traces) otherwise outweighs the one line that names the problem. The synthetic
   * development set, where titles are short and bodies clean, had shown no gain.
   */
  queryFieldWeight: Record<CaseField, number>;
  /**
   * Saturation of the query's own term frequency: weight = qtf·(k3+1)/(qtf+k3). Range 0–1000; default
   * 100, i.e. nearly linear: saturating early (1.5) lost 0.03 MRR on the development set, because a
   * report repeats exactly the words that name its problem.
   */
  k3: number;
  /**
   * Extra weight of an identifier-like token (a version `2.53.1`, a file `nsDocShell.cpp`, an error code
   * `0x80004005`, a crash signature `js::GCRuntime`): such tokens are rare and nearly decisive for
   * duplicates. Multiplies the query weight. Range 1–3; default 2 (1.5 → 2 gained 0.01 MRR on the
   * development set; 1 lost 0.02).
   */
  rareTokenBoost: number;
  /**
   * Weight of word bigrams (`tab strip`) relative to single words, when the index holds them
   * (INDEX_WORD_BIGRAMS). Range 0–1.5; default 0.6. CJK character bigrams are the base unit of
   * Chinese text and always weigh 1.
   */
  bigramWeight: number;
  /**
   * Coordination bonus: the score is multiplied by (1 + coordBoost · matched query weight share).
   * Range 0–1; default 0: it favours a case that matches many distinct query terms, but 0.15–0.3
   * did not help on the development set (BM25 saturation already does most of that).
   */
  coordBoost: number;
  /**
   * Largest number of query terms read from the index; the most informative (IDF × query weight)
   * are kept. Range 8–200; default 32. Bounds the `IN (...)` list; a long report's tail terms are
   * mostly noise (24–32 scored slightly better than 48–96 on the development set).
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
  /**
   * Boost of a case for the issue's own product, as 1 + productPrior, applied after matching: the
   * product orders near ties, it never makes a case match (as a matching term, one shared product
   * name put five unrelated cases in the panel). Range 0–0.5; default 0.1. Not tuned: no evaluation
   * set carries products; 0.1 reorders only cases within 10 % of each other.
   */
  productPrior: number;
}

/**
 * Noise cut: when nothing in the library is close enough, the panel suggests nothing rather than
 * filler. Two tests on `RankedCase.share` (the part of the query's information a case matched):
 * - `minShare`: a case below it is never suggested (one shared product name or common word is far
 *   below). Range 0–0.5; default 0.15: on the tuning sets it drops no relevant case found in the top 5
 *   at 0.1 and 3 % at 0.15, while it silences queries that share only a word or two.
 * - `minLead`: the best case must stand out from the crowd: its share over the share of the
 *   `leadDepth`-th case (or the last, in a smaller list) must reach it. Range 1–3; default 1.6. On
 *   bug-report queries that have no duplicate, ten unrelated reports of the same component score
 *   alike; a true duplicate usually stands out. Tuning sets (queries with a relevant case found in the
 *   top 5, kept · queries without one, silenced), SeaMonkey and Hadoop-tune: 1.2 → 0.80/0.73 ·
 *   0.18/0.02; 1.4 → 0.73/0.73 · 0.39/0.25; 1.6 → 0.73/0.67 · 0.46/0.52; 2.0 → 0.50/0.48 · 0.75/0.72;
 *   2.5 → 0.37/0.33 · 0.86/0.80. No single cut reaches both recall 0.75 and 80 % silence on bug
 *   reports of one product, whose unrelated reports share most of their words; 1.6 keeps most of the
 *   recall and silences half.
 * Applied to the panel's suggestions (unasked for); a search someone types applies only `minShare`.
 * Known cost: a library holding ten near copies of one case suggests none of them (they are a crowd);
 * the case habit (improve case X rather than add a new one) keeps copies rare.
 */
export interface NoiseCut {
  minShare: number;
  minLead: number;
  leadDepth: number;
}

export const DEFAULT_NOISE_CUT: NoiseCut = { minShare: 0.15, minLead: 1.6, leadDepth: 10 };

/**
 * Whether stack-frame lines give their identifiers' parts as words too (tokenize.ts). Default false:
 * on Hadoop-tune, parts kept → recall@5 0.758, MRR@10 0.651; whole identifiers only → 0.818 / 0.699;
 * SeaMonkey unchanged (its reports carry few Java traces). Dropping frames entirely scored the same
 * on the tuning sets but loses the crash signature, which is decisive between two crash reports.
 */
export const STACK_FRAME_PARTS = false;

export const DEFAULT_SEARCH_PARAMS: SearchParams = {
  k1: 1.2,
  fields: {
    title: { weight: 2, b: 0.75 },
    body: { weight: 1, b: 0.75 },
    meta: { weight: 1.5, b: 0.5 },
  },
  queryFieldWeight: { title: 4, body: 1, meta: 1 },
  k3: 100,
  rareTokenBoost: 2,
  bigramWeight: 0.6,
  coordBoost: 0,
  maxQueryTerms: 32,
  postingBudget: 60_000,
  helpfulBoost: 0.05,
  productPrior: 0.1,
};

/** Longest token kept (characters); longer ones are cut, so index keys stay short. Default 48. */
export const MAX_TOKEN_LENGTH = 48;
/** Only the first this many characters of a field are indexed (long logs add noise and postings). Default 20,000. */
export const MAX_FIELD_CHARS = 20_000;
/**
 * Whether the index holds word bigrams (`tab strip`). Default false: on the development set they
 * cost 0.01–0.02 MRR at every weight tried (0.3, 0.6) and they double the postings, so the index
 * size and the write time at 100,000 cases. CJK character bigrams are always indexed.
 */
export const INDEX_WORD_BIGRAMS = false;
