/**
 * The bilingual evaluation set (bench/data/case-search/bilingual: each query in one language, its
 * case in the other) and its cross-language figures, for `npm run bench:cases` and
 * test/domain/caseSearch/bilingual.eval.test.ts. The whole search path runs in memory
 * (MemoryCaseIndex, the SQL path's reference), once without and once with the bilingual expansion.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  bilingualExpansion,
  builtInTermList,
  checkGlossary,
  compileTermList,
  CROSS_LANGUAGE_WEIGHT,
  DEFAULT_SEARCH_PARAMS,
  type GlossaryEntry,
  MemoryCaseIndex,
  mergeTermLists,
  type SearchParams,
} from '../../src/domain/caseSearch';

export const BILINGUAL_SET_DIR = path.join(__dirname, '..', '..', 'bench', 'data', 'case-search', 'bilingual');

export interface BilingualCase {
  id: string;
  title: string;
  body: string;
  created: string | null;
}
export interface BilingualQuery extends BilingualCase {
  relevant: string[];
}
export interface BilingualSet {
  cases: BilingualCase[];
  queries: BilingualQuery[];
  /** The set's product glossary (glossary.csv, en,zh), as an admin would import it. */
  glossary: GlossaryEntry[];
}

/** One JSON value a line, blank lines skipped (every evaluation set's format). */
export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Reads cases.jsonl, queries.jsonl and glossary.csv (header `en,zh`, no quoting needed) of a set. */
export function readBilingualSet(dir: string = BILINGUAL_SET_DIR): BilingualSet {
  const csv = path.join(dir, 'glossary.csv');
  const rows = fs.existsSync(csv)
    ? fs
        .readFileSync(csv, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const [en = '', zh = ''] = l.split(',');
          return { en, zh };
        })
    : [];
  const checked = checkGlossary(rows);
  if (!checked.ok) throw new Error(`${csv}: ${JSON.stringify(checked.problems)}`);
  return {
    cases: readJsonl<BilingualCase>(path.join(dir, 'cases.jsonl')),
    queries: readJsonl<BilingualQuery>(path.join(dir, 'queries.jsonl')),
    glossary: checked.entries,
  };
}

export interface RecallFigures {
  queries: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'MRR@10': number;
}
export interface CrossLanguageFigures {
  /** Plain search: the user's words only. */
  without: RecallFigures;
  /** With the built-in bilingual list. */
  builtIn: RecallFigures;
  /** With the built-in list and the set's product glossary. */
  withGlossary: RecallFigures;
  weight: number;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Recall@1/5/10 and MRR@10 of one configuration over the set. */
export function recallOf(
  set: Pick<BilingualSet, 'cases' | 'queries'>,
  search: (index: MemoryCaseIndex, q: BilingualQuery) => string[],
): RecallFigures {
  const index = new MemoryCaseIndex();
  for (const c of set.cases) index.put(c.id, { title: c.title, body: c.body });
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  for (const q of set.queries) {
    const ids = search(index, q);
    const rank = ids.findIndex((id) => q.relevant.includes(id));
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 5) r5++;
    if (rank >= 0 && rank < 10) {
      r10++;
      mrr += 1 / (rank + 1);
    }
  }
  const n = Math.max(set.queries.length, 1);
  return {
    queries: set.queries.length,
    'recall@1': r3(r1 / n),
    'recall@5': r3(r5 / n),
    'recall@10': r3(r10 / n),
    'MRR@10': r3(mrr / n),
  };
}

/**
 * The cross-language figures of a set: without expansion, with the built-in list, with the built-in
 * list and the set's glossary. `weight` is the expansion weight (CROSS_LANGUAGE_WEIGHT by default).
 */
export function evaluateCrossLanguage(
  set: BilingualSet = readBilingualSet(),
  weight: number = CROSS_LANGUAGE_WEIGHT,
  p: SearchParams = DEFAULT_SEARCH_PARAMS,
): CrossLanguageFigures {
  const texts = (q: BilingualQuery): { title: string; body: string } => ({ title: q.title, body: q.body });
  const builtIn = bilingualExpansion(compileTermList(builtInTermList()), weight);
  const glossary = bilingualExpansion(compileTermList(mergeTermLists(builtInTermList(), set.glossary)), weight);
  return {
    without: recallOf(set, (index, q) => index.search(texts(q), p).map((r) => r.caseId)),
    builtIn: recallOf(set, (index, q) => index.search(texts(q), p, builtIn).map((r) => r.caseId)),
    withGlossary: recallOf(set, (index, q) => index.search(texts(q), p, glossary).map((r) => r.caseId)),
    weight,
  };
}
