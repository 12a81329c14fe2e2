/**
 * The case search index in Forge SQL (tables case_term, case_term_stats, case_index_stats; see
 * src/adapters/sql/migrations.ts). The app keeps it in step with the cases: a case's postings are
 * replaced whenever it changes, and document frequencies and length totals are adjusted by the
 * difference. A search reads the statistics of the query's terms, lets MariaDB sum the scores of
 * the most informative ones into a candidate set (GROUP BY case_id … LIMIT), then reads only those
 * candidates' postings: four SELECTs, whatever the corpus size. Ranking is pure
 * (src/domain/caseSearch).
 */
import { execute, query, type SqlParam } from '../../adapters/sql';
import {
  analyzeDocument,
  analyzeQuery,
  CASE_FIELDS,
  corpusStats,
  type CorpusStats,
  DEFAULT_SEARCH_PARAMS,
  type FieldCounts,
  type FieldTexts,
  type KeptTerm,
  type Posting,
  rankPostings,
  type RankedCase,
  type SearchParams,
  selectQueryTerms,
} from '../../domain/caseSearch';

/** Rows per multi-row INSERT: 8 parameters a row stays well under placeholder and packet limits. */
const INSERT_CHUNK = 500;
/** Most distinct query terms looked up in case_term_stats (a pasted log can have thousands). */
const MAX_LOOKUP_TERMS = 400;
/**
 * Cases whose score MariaDB sums and returns for exact ranking in the domain. Range 50–1,000;
 * default 200: twice the app's CANDIDATES (caseLibrary.ts), so filtering by status or permission
 * rarely runs short, and the postings read back stay a few thousand rows.
 */
export const SQL_CANDIDATES = 200;
/** Candidate ids per postings SELECT (at most maxQueryTerms × this rows in one answer). */
const POSTING_CASES_PER_SELECT = 200;

/**
 * The BM25F sum of `rankPostings` in SQL: per posting the field-weighted, length-normalised
 * frequency x, then idf·weight·x/(k1+x) summed per case; best SQL_CANDIDATES first.
 */
function scoreStatement(terms: number): string {
  const qw = `CASE term ${new Array(terms).fill('WHEN ? THEN ?').join(' ')} ELSE 0 END`;
  const field = (f: string) => `(? * tf_${f} / (1 - ? + ? * len_${f} / ?))`;
  return (
    `SELECT case_id, SUM(qw * x / (? + x)) AS score FROM (` +
    `SELECT case_id, ${qw} AS qw, ${field('title')} + ${field('body')} + ${field('meta')} AS x FROM case_term WHERE term IN (${marks(terms)})` +
    `) p WHERE x > 0 GROUP BY case_id ORDER BY score DESC, case_id LIMIT ${SQL_CANDIDATES}`
  );
}

function scoreParams(kept: readonly KeptTerm[], stats: CorpusStats, p: SearchParams): SqlParam[] {
  const params: SqlParam[] = [p.k1];
  for (const k of kept) params.push(k.term, k.idf * k.weight);
  CASE_FIELDS.forEach((f, i) => {
    const { weight, b } = p.fields[f];
    params.push(weight, b, b, (stats.avgLengths[i] as number) || 1);
  });
  for (const k of kept) params.push(k.term);
  return params;
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`not a number: ${JSON.stringify(v)}`);
}
function str(v: unknown): string {
  if (typeof v === 'string') return v;
  throw new TypeError(`not a string: ${JSON.stringify(v)}`);
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function marks(n: number): string {
  return new Array(n).fill('?').join(', ');
}

export interface IndexedCase {
  caseId: number;
  texts: FieldTexts;
}

async function insertPostings(rows: Array<{ caseId: number; term: string; tf: FieldCounts; lengths: FieldCounts }>): Promise<void> {
  for (const part of chunks(rows, INSERT_CHUNK)) {
    const params: SqlParam[] = [];
    for (const r of part) params.push(r.term, r.caseId, r.tf[0], r.tf[1], r.tf[2], r.lengths[0], r.lengths[1], r.lengths[2]);
    await execute(
      `INSERT INTO case_term (term, case_id, tf_title, tf_body, tf_meta, len_title, len_body, len_meta) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
  }
}

async function addDf(counts: Map<string, number>, sign: 1 | -1): Promise<void> {
  if (sign === 1) {
    for (const part of chunks([...counts], INSERT_CHUNK)) {
      const params: SqlParam[] = [];
      for (const [term, n] of part) params.push(term, n);
      await execute(`INSERT INTO case_term_stats (term, df) VALUES ${part.map(() => '(?, ?)').join(', ')} ON DUPLICATE KEY UPDATE df = df + VALUES(df)`, params);
    }
    return;
  }
  // Removal: every term here lost exactly one case (one case is replaced at a time).
  for (const part of chunks([...counts.keys()], INSERT_CHUNK)) {
    await execute(`UPDATE case_term_stats SET df = df - 1 WHERE term IN (${marks(part.length)})`, part);
  }
}

async function addTotals(docs: number, lengths: FieldCounts): Promise<void> {
  await execute(
    'INSERT INTO case_index_stats (id, doc_count, len_title, len_body, len_meta) VALUES (1, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE doc_count = doc_count + VALUES(doc_count), len_title = len_title + VALUES(len_title), len_body = len_body + VALUES(len_body), len_meta = len_meta + VALUES(len_meta)',
    [docs, lengths[0], lengths[1], lengths[2]],
  );
}

/** Adds cases that are not in the index yet (import, rebuild), many per statement. */
export async function indexNewCases(cases: readonly IndexedCase[]): Promise<void> {
  const rows: Array<{ caseId: number; term: string; tf: FieldCounts; lengths: FieldCounts }> = [];
  const df = new Map<string, number>();
  const totals: FieldCounts = [0, 0, 0];
  let docs = 0;
  for (const c of cases) {
    const doc = analyzeDocument(c.texts);
    if (doc.terms.size === 0) continue;
    docs++;
    for (let i = 0; i < 3; i++) totals[i] = (totals[i] as number) + (doc.lengths[i] as number);
    for (const [term, tf] of doc.terms) {
      rows.push({ caseId: c.caseId, term, tf, lengths: doc.lengths });
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  await insertPostings(rows);
  await addDf(df, 1);
  if (docs > 0) await addTotals(docs, totals);
}

/**
 * Replaces one case's postings (after an edit) or removes them (`texts` undefined). Only the
 * difference in the term set changes document frequencies.
 */
export async function reindexCase(caseId: number, texts: FieldTexts | undefined): Promise<void> {
  const old = await query('SELECT term, len_title, len_body, len_meta FROM case_term WHERE case_id = ?', [caseId], (r) => ({
    term: str(r['term']),
    lengths: [num(r['len_title']), num(r['len_body']), num(r['len_meta'])] as FieldCounts,
  }));
  const doc = texts === undefined ? undefined : analyzeDocument(texts);
  const oldTerms = new Set(old.map((o) => o.term));
  const newTerms = doc?.terms ?? new Map<string, FieldCounts>();
  if (old.length > 0) await execute('DELETE FROM case_term WHERE case_id = ?', [caseId]);
  if (doc !== undefined && newTerms.size > 0) {
    await insertPostings([...newTerms].map(([term, tf]) => ({ caseId, term, tf, lengths: doc.lengths })));
  }
  const gone = new Map<string, number>();
  for (const t of oldTerms) if (!newTerms.has(t)) gone.set(t, 1);
  const added = new Map<string, number>();
  for (const t of newTerms.keys()) if (!oldTerms.has(t)) added.set(t, 1);
  if (gone.size > 0) await addDf(gone, -1);
  if (added.size > 0) await addDf(added, 1);
  const before = old[0]?.lengths;
  const after = newTerms.size > 0 && doc !== undefined ? doc.lengths : undefined;
  const docs = (after === undefined ? 0 : 1) - (before === undefined ? 0 : 1);
  const delta: FieldCounts = [0, 1, 2].map((i) => (after?.[i] ?? 0) - (before?.[i] ?? 0)) as FieldCounts;
  if (docs !== 0 || delta.some((d) => d !== 0)) await addTotals(docs, delta);
}

async function readStats(): Promise<CorpusStats> {
  const rows = await query('SELECT doc_count, len_title, len_body, len_meta FROM case_index_stats WHERE id = 1', [], (r) => ({
    docs: num(r['doc_count']),
    lengths: [num(r['len_title']), num(r['len_body']), num(r['len_meta'])] as FieldCounts,
  }));
  const row = rows[0];
  return row === undefined ? corpusStats(0, [0, 0, 0]) : corpusStats(row.docs, row.lengths);
}

/** Ranks indexed cases for a query (all statuses; the caller filters). */
export async function searchIndex(texts: FieldTexts, p: SearchParams = DEFAULT_SEARCH_PARAMS): Promise<RankedCase[]> {
  const terms = analyzeQuery(texts, p).slice(0, MAX_LOOKUP_TERMS);
  if (terms.length === 0) return [];
  const stats = await readStats();
  if (stats.docCount === 0) return [];
  const dfRows = await query(`SELECT term, df FROM case_term_stats WHERE term IN (${marks(terms.length)})`, terms.map((t) => t.term), (r) => [str(r['term']), num(r['df'])] as const);
  const kept = selectQueryTerms(terms, new Map(dfRows), stats.docCount, p);
  if (kept.length === 0) return [];
  // Two reads instead of every posting of the kept terms (up to postingBudget rows, which took
  // 400+ ms at 100,000 cases): MariaDB sums each case's BM25F score over the kept terms and returns
  // only the best SQL_CANDIDATES ids; then the postings of just those cases are read and ranked in
  // src/domain exactly as before. The SQL sum only chooses candidates (its arithmetic may differ from
  // JavaScript's in the last digits); the order returned is always the domain's.
  const candidates = await query(scoreStatement(kept.length), scoreParams(kept, stats, p), (r) => num(r['case_id']));
  if (candidates.length === 0) return [];
  const postings: Posting[] = [];
  for (const part of chunks(candidates, POSTING_CASES_PER_SELECT)) {
    const rows = await query<Posting>(
      `SELECT term, case_id, tf_title, tf_body, tf_meta, len_title, len_body, len_meta FROM case_term WHERE term IN (${marks(kept.length)}) AND case_id IN (${marks(part.length)})`,
      [...kept.map((k) => k.term), ...part],
      (r) => ({
        term: str(r['term']),
        caseId: String(num(r['case_id'])),
        tf: [num(r['tf_title']), num(r['tf_body']), num(r['tf_meta'])],
        lengths: [num(r['len_title']), num(r['len_body']), num(r['len_meta'])],
      }),
    );
    for (const row of rows) postings.push(row);
  }
  return rankPostings(postings, kept, stats, p);
}
