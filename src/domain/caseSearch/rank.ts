/**
 * Ranking of cases for a query: BM25F (field-weighted term frequency with per-field length
 * normalisation, then one saturation), query-side weights (where the word sits in the query, how
 * often, what kind of token it is), IDF, a coordination bonus and a small feedback prior. Pure: the
 * postings come in as data (the app reads them from the SQL index), scores go out.
 */
import {
  CASE_FIELDS,
  type CaseField,
  DEFAULT_NOISE_CUT,
  DEFAULT_SEARCH_PARAMS,
  type NoiseCut,
  type SearchParams,
} from './params';
import { cjkWordSpans, kindOfTerm, tokenize, type Token } from './tokenize';

/** Text of a case or a query, by field. A missing field is empty. */
export type FieldTexts = Partial<Record<CaseField, string>>;

/** Per-field counts, in CASE_FIELDS order: [title, body, meta]. */
export type FieldCounts = [number, number, number];

export interface AnalyzedDocument {
  /** term → occurrences per field. */
  terms: Map<string, FieldCounts>;
  /** Number of word tokens per field (bigrams not counted): the length BM25 normalises by. */
  lengths: FieldCounts;
}

function zero(): FieldCounts {
  return [0, 0, 0];
}

function tokensByField(texts: FieldTexts): Array<[number, Token[]]> {
  return CASE_FIELDS.map((f, i) => [i, tokenize(texts[f] ?? '')] as [number, Token[]]);
}

/** The postings a case contributes to the index. */
export function analyzeDocument(texts: FieldTexts): AnalyzedDocument {
  const terms = new Map<string, FieldCounts>();
  const lengths = zero();
  for (const [i, tokens] of tokensByField(texts)) {
    for (const t of tokens) {
      if (t.kind !== 'bigram') lengths[i] = (lengths[i] as number) + 1;
      let c = terms.get(t.term);
      if (c === undefined) {
        c = zero();
        terms.set(t.term, c);
      }
      c[i] = (c[i] as number) + 1;
    }
  }
  return { terms, lengths };
}

export interface QueryTerm {
  term: string;
  /** Query-side weight before IDF: field weights × saturated frequency × kind weight. */
  weight: number;
}

function kindWeight(term: string, p: SearchParams): number {
  switch (kindOfTerm(term)) {
    case 'bigram':
      return p.bigramWeight;
    case 'ident':
      return p.rareTokenBoost;
    default:
      return 1;
  }
}

/** The distinct terms of a query with their weights, heaviest first (ties by term, so the order is stable). */
export function analyzeQuery(texts: FieldTexts, p: SearchParams = DEFAULT_SEARCH_PARAMS): QueryTerm[] {
  const raw = new Map<string, number>();
  for (const [i, tokens] of tokensByField(texts)) {
    const fw = p.queryFieldWeight[CASE_FIELDS[i] as CaseField];
    for (const t of tokens) raw.set(t.term, (raw.get(t.term) ?? 0) + fw);
  }
  const out: QueryTerm[] = [];
  for (const [term, x] of raw) out.push({ term, weight: ((x * (p.k3 + 1)) / (x + p.k3)) * kindWeight(term, p) });
  return out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** Robertson–Spärck Jones IDF as in Lucene's BM25 (never negative). */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

export interface KeptTerm extends QueryTerm {
  df: number;
  idf: number;
}

/**
 * Chooses which query terms to read from the index: terms the index has, most informative first
 * (IDF × weight), at most `maxQueryTerms`, within `postingBudget` postings (a term that would
 * overflow the budget is skipped, a rarer one may still fit).
 */
export function selectQueryTerms(
  terms: readonly QueryTerm[],
  dfs: ReadonlyMap<string, number>,
  docCount: number,
  p: SearchParams = DEFAULT_SEARCH_PARAMS,
): KeptTerm[] {
  const candidates: KeptTerm[] = [];
  for (const t of terms) {
    const df = dfs.get(t.term) ?? 0;
    if (df > 0) candidates.push({ ...t, df, idf: idf(df, docCount) });
  }
  candidates.sort((a, b) => b.idf * b.weight - a.idf * a.weight || (a.term < b.term ? -1 : 1));
  const kept: KeptTerm[] = [];
  let budget = p.postingBudget;
  for (const c of candidates) {
    if (kept.length >= p.maxQueryTerms) break;
    if (c.df > budget) continue;
    budget -= c.df;
    kept.push(c);
  }
  return kept;
}

/** One row of the index: a term in a case, with the case's field lengths (denormalised). */
export interface Posting {
  caseId: string;
  term: string;
  tf: FieldCounts;
  lengths: FieldCounts;
}

export interface CorpusStats {
  docCount: number;
  /** Average field lengths over the corpus. */
  avgLengths: FieldCounts;
}

export interface Feedback {
  helpful: number;
  notRelevant: number;
}

export interface RankedCase {
  caseId: string;
  score: number;
  /**
   * How much of the query's information the case matched, 0–1: the BM25 score over the most it could
   * reach (every kept term saturated). Comparable across queries, unlike `score`; the noise cut uses it.
   */
  share: number;
  /** Matched query terms, most contributing first: why the case matched. */
  matched: string[];
}

/** Field-weighted, length-normalised frequency of one posting (the BM25F pseudo-frequency). */
export function pseudoFrequency(tf: FieldCounts, lengths: FieldCounts, stats: CorpusStats, p: SearchParams): number {
  let sum = 0;
  CASE_FIELDS.forEach((f, i) => {
    const n = tf[i] as number;
    if (n === 0) return;
    const { weight, b } = p.fields[f];
    const avg = (stats.avgLengths[i] as number) || 1;
    sum += (weight * n) / (1 - b + (b * (lengths[i] as number)) / avg);
  });
  return sum;
}

/** Multiplier from "helped" / "not relevant" marks: see SearchParams.helpfulBoost. */
export function feedbackPrior(f: Feedback | undefined, p: SearchParams): number {
  if (f === undefined) return 1;
  const net = f.helpful - f.notRelevant / 2;
  if (net >= 0) return 1 + p.helpfulBoost * Math.log1p(net);
  return Math.max(1 - p.helpfulBoost, 1 - p.helpfulBoost * Math.log1p(-net));
}

/**
 * Scores every case that has at least one posting, best first; ties by case id so the order is
 * deterministic. Postings for terms outside `kept` are ignored.
 */
export function rankPostings(
  postings: readonly Posting[],
  kept: readonly KeptTerm[],
  stats: CorpusStats,
  p: SearchParams = DEFAULT_SEARCH_PARAMS,
  feedback: ReadonlyMap<string, Feedback> = new Map(),
): RankedCase[] {
  const byTerm = new Map(kept.map((k) => [k.term, k]));
  const totalMass = kept.reduce((s, k) => s + k.idf * k.weight, 0) || 1;
  const acc = new Map<string, { score: number; mass: number; parts: Array<[string, number]> }>();
  for (const post of postings) {
    const k = byTerm.get(post.term);
    if (k === undefined) continue;
    const x = pseudoFrequency(post.tf, post.lengths, stats, p);
    if (x <= 0) continue;
    const s = k.idf * k.weight * (x / (p.k1 + x));
    let a = acc.get(post.caseId);
    if (a === undefined) {
      a = { score: 0, mass: 0, parts: [] };
      acc.set(post.caseId, a);
    }
    a.score += s;
    a.mass += k.idf * k.weight;
    a.parts.push([post.term, s]);
  }
  const out: RankedCase[] = [];
  for (const [caseId, a] of acc) {
    const coord = 1 + p.coordBoost * (a.mass / totalMass);
    out.push({
      caseId,
      score: a.score * coord * feedbackPrior(feedback.get(caseId), p),
      share: a.score / totalMass,
      matched: a.parts.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t),
    });
  }
  return out.sort((a, b) => b.score - a.score || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/** Corpus statistics from the running totals the index keeps. */
export function corpusStats(docCount: number, lengthSums: FieldCounts): CorpusStats {
  const n = Math.max(docCount, 1);
  return { docCount, avgLengths: [lengthSums[0] / n, lengthSums[1] / n, lengthSums[2] / n] };
}

/** A piece of displayed text, marked when one of its tokens matched the query. */
export interface HighlightSegment {
  text: string;
  hit: boolean;
}

/**
 * Splits `text` into plain and matched pieces for display: a word is marked when its term (or a
 * bigram or identifier containing it) is in `matched`; in Chinese (and other CJK) text a matched
 * character bigram marks the whole words it touches.
 * @example highlight('Tab strip crashes', ['crash']) // [{text:'Tab strip ',hit:false},{text:'crashes',hit:true}]
 */
export function highlight(text: string, matched: readonly string[]): HighlightSegment[] {
  const want = new Set(matched);
  const source = text.normalize('NFKC');
  const marks = new Array<boolean>(source.length).fill(false);
  for (const t of tokenize(source)) {
    if (want.has(t.term)) for (let i = t.start; i < t.end && i < marks.length; i++) marks[i] = true;
  }
  for (const [a, b] of cjkWordSpans(source)) {
    if (marks.slice(a, b).some((m) => m)) marks.fill(true, a, b);
  }
  const out: HighlightSegment[] = [];
  let i = 0;
  while (i < source.length) {
    const hit = marks[i] === true;
    let j = i;
    while (j < source.length && (marks[j] === true) === hit) j++;
    out.push({ text: source.slice(i, j), hit });
    i = j;
  }
  return out;
}

/**
 * The case's own words that matched, as a reader wrote them ("crashes", "中文乱码"), not the index's
 * stems or bigrams ("crash", "文乱"): the highlighted runs of `texts`, each once (case-insensitive), at
 * most `max`. Terms found only in a field not given here are left out.
 */
export function matchedWords(texts: readonly string[], matched: readonly string[], max = 12): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    for (const segment of highlight(text, matched)) {
      const word = segment.text.trim();
      if (!segment.hit || word === '' || seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      out.push(word);
      if (out.length === max) return out;
    }
  }
  return out;
}

/**
 * Applies the feedback prior to an already ranked list (the app reads feedback only for the top
 * candidates) and sorts again, ties by case id.
 */
export function rerankWithFeedback(
  ranked: readonly RankedCase[],
  feedback: ReadonlyMap<string, Feedback>,
  p: SearchParams = DEFAULT_SEARCH_PARAMS,
): RankedCase[] {
  return ranked
    .map((r) => ({ ...r, score: r.score * feedbackPrior(feedback.get(r.caseId), p) }))
    .sort((a, b) => b.score - a.score || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/**
 * The cases worth suggesting unasked (see NoiseCut in params.ts): none when the best share does not
 * stand out from the `leadDepth`-th (when that many match), otherwise those at or above `minShare`, in the given order
 * (which may already include the feedback prior).
 */
export function cutNoise(ranked: readonly RankedCase[], cut: NoiseCut = DEFAULT_NOISE_CUT): RankedCase[] {
  const shares = ranked.map((r) => r.share).sort((a, b) => b - a);
  const best = shares[0];
  if (best === undefined || best < cut.minShare) return [];
  // Fewer matching cases than leadDepth are no crowd (a small library, two copies of one case).
  const reference = shares[cut.leadDepth - 1];
  if (reference !== undefined && best < cut.minLead * reference) return [];
  return ranked.filter((r) => r.share >= cut.minShare);
}

/**
 * Applies the product prior (SearchParams.productPrior) to a ranked list: cases whose product is the
 * issue's (compared case-insensitively) score a little higher; sorted again, ties by case id.
 */
export function preferProduct(
  ranked: readonly RankedCase[],
  productOf: (caseId: string) => string | undefined,
  product: string | null | undefined,
  p: SearchParams = DEFAULT_SEARCH_PARAMS,
): RankedCase[] {
  const want = product?.trim().toLowerCase();
  if (want === undefined || want === '' || p.productPrior === 0) return [...ranked];
  return ranked
    .map((r) =>
      productOf(r.caseId)?.trim().toLowerCase() === want ? { ...r, score: r.score * (1 + p.productPrior) } : r,
    )
    .sort((a, b) => b.score - a.score || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}
