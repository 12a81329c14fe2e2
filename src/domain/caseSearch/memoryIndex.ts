/**
 * The whole search path over an in-memory corpus, with the same steps the SQL-backed search takes
 * (analyze → df lookup → select terms → read postings → rank). Used to tune on the development set
 * without a database and as the oracle that the SQL path must agree with.
 */
import { CASE_FIELDS } from './params';
import { DEFAULT_SEARCH_PARAMS, type SearchParams } from './params';
import {
  analyzeDocument,
  analyzeQuery,
  corpusStats,
  type AnalyzedDocument,
  type FieldCounts,
  type FieldTexts,
  type Posting,
  rankPostings,
  type QueryTerm,
  type RankedCase,
  selectQueryTerms,
} from './rank';

/** Adds terms to an analysed query (the bilingual list, bilingual.ts); must keep the user's terms. */
export type QueryExpansion = (texts: FieldTexts, terms: QueryTerm[]) => QueryTerm[];

export class MemoryCaseIndex {
  private readonly docs = new Map<string, AnalyzedDocument>();
  private readonly postings = new Map<string, Map<string, FieldCounts>>();
  private readonly lengthSums: FieldCounts = [0, 0, 0];

  put(caseId: string, texts: FieldTexts): void {
    this.remove(caseId);
    const doc = analyzeDocument(texts);
    // A case without a single term is not indexed, as in SQL: it can never match, and counting it
    // would lower every idf.
    if (doc.terms.size === 0) return;
    this.docs.set(caseId, doc);
    for (const [term, tf] of doc.terms) {
      let list = this.postings.get(term);
      if (list === undefined) {
        list = new Map();
        this.postings.set(term, list);
      }
      list.set(caseId, tf);
    }
    CASE_FIELDS.forEach((_, i) => (this.lengthSums[i] = (this.lengthSums[i] as number) + (doc.lengths[i] as number)));
  }

  remove(caseId: string): void {
    const doc = this.docs.get(caseId);
    if (doc === undefined) return;
    for (const term of doc.terms.keys()) {
      const list = this.postings.get(term);
      list?.delete(caseId);
      if (list?.size === 0) this.postings.delete(term);
    }
    CASE_FIELDS.forEach((_, i) => (this.lengthSums[i] = (this.lengthSums[i] as number) - (doc.lengths[i] as number)));
    this.docs.delete(caseId);
  }

  get size(): number {
    return this.docs.size;
  }

  search(query: FieldTexts, p: SearchParams = DEFAULT_SEARCH_PARAMS, expand?: QueryExpansion): RankedCase[] {
    const analyzed = analyzeQuery(query, p);
    const terms = expand === undefined ? analyzed : expand(query, analyzed);
    const dfs = new Map<string, number>();
    for (const t of terms) {
      const list = this.postings.get(t.term);
      if (list !== undefined) dfs.set(t.term, list.size);
    }
    const kept = selectQueryTerms(terms, dfs, this.docs.size, p);
    const rows: Posting[] = [];
    for (const k of kept) {
      for (const [caseId, tf] of this.postings.get(k.term) ?? []) {
        rows.push({ caseId, term: k.term, tf, lengths: (this.docs.get(caseId) as AnalyzedDocument).lengths });
      }
    }
    return rankPostings(rows, kept, corpusStats(this.docs.size, this.lengthSums), p);
  }
}
