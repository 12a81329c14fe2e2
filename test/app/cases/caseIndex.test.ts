/**
 * The SQL case index against the in-memory reference (MemoryCaseIndex: every posting of the kept
 * terms, ranked in src/domain): the candidate sum in MariaDB must pick exactly the cases the
 * exhaustive ranking puts first, also at the limit's boundary, after edits and removals.
 */
import fc from 'fast-check';
import { runMigrations } from '../../../src/adapters/sql';
import { sqlCaseIndex } from '../../../src/adapters/sql/caseIndexRepository';

const { reindexCase, searchIndex } = sqlCaseIndex;
import { type FieldTexts, MemoryCaseIndex } from '../../../src/domain/caseSearch';
import { harness } from '../../../platform-doubles';

const { sql } = harness();

beforeAll(async () => {
  await runMigrations();
});

async function emptyIndex(): Promise<void> {
  for (const table of ['case_term', 'case_term_stats', 'case_index_stats']) await sql.raw(`DELETE FROM ${table}`);
}

// A small vocabulary, so cases share terms and many scores tie exactly at the limit. Accented and
// plain spellings are different terms (the index compares bytes, as utf8mb4_bin does).
const word = fc.constantFrom(
  'crash',
  'toolbar',
  'icons',
  'memory',
  'leak',
  'print',
  'café',
  'cafe',
  'nsDocShell.cpp',
  '打印机无法连接',
  '连接',
);
const text = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const doc = fc.record({ title: text(1, 4), body: text(0, 12), meta: text(0, 2) });
// Ids whose text order differs from their numeric order (3, 10, 17, … : "10" < "3"): ties are
// ordered by the id's text in rankPostings, and the SQL sum must keep the same cases at the cut.
const idOf = (i: number): number => 3 + 7 * i;

describe('searchIndex = exhaustive ranking (MemoryCaseIndex)', () => {
  it('returns the same cases in the same order with the same scores, for any limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { minLength: 1, maxLength: 10 }),
        fc.nat({ max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.option(doc, { nil: undefined })), { maxLength: 4 }),
        fc.record({ title: text(1, 3), body: text(0, 4) }),
        fc.integer({ min: 1, max: 6 }),
        async (distinct, copies, edits, q, limit) => {
          // Copies of the first cases tie exactly with them.
          const docs = [...distinct, ...distinct.slice(0, copies)];
          await emptyIndex();
          const mem = new MemoryCaseIndex();
          for (const [i, d] of docs.entries()) {
            await reindexCase(idOf(i), d);
            mem.put(String(idOf(i)), d);
          }
          // Edits replace a case's text; `undefined` removes it from the index.
          for (const [n, d] of edits) {
            const id = idOf(n % docs.length);
            await reindexCase(id, d);
            if (d === undefined) mem.remove(String(id));
            else mem.put(String(id), d);
          }
          const query: FieldTexts = q;
          const expected = mem.search(query).slice(0, limit);
          const actual = await searchIndex(query, undefined, { limit });
          expect(actual.map((r) => r.caseId)).toEqual(expected.map((r) => r.caseId));
          actual.forEach((r, i) => {
            expect(r.score).toBeCloseTo(expected[i]?.score ?? NaN, 9);
            expect(r.matched).toEqual(expected[i]?.matched);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('breaks an exact tie at the limit by the id as text, as rankPostings does', async () => {
    await emptyIndex();
    for (const id of [3, 10, 17]) await reindexCase(id, { title: 'toolbar crash' });
    expect((await searchIndex({ title: 'toolbar' }, undefined, { limit: 1 })).map((r) => r.caseId)).toEqual(['10']);
  });

  it('writes every number of the candidate sum as a DOUBLE literal (a decimal one makes MariaDB sum in DECIMAL, 4× slower)', async () => {
    await emptyIndex();
    await reindexCase(1, { title: 'toolbar crash', body: 'memory leak when printing' });
    const before = sql.statements.length;
    expect((await searchIndex({ title: 'toolbar memory' })).map((r) => r.caseId)).toEqual(['1']);
    const candidateSum = sql.statements.slice(before).find((s) => s.query.includes('GROUP BY'));
    expect(candidateSum?.ok).toBe(true);
    const numbers = candidateSum?.query.match(/(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/gi) ?? [];
    expect(numbers.filter((n) => n.includes('.') && !/e/i.test(n))).toEqual([]);
    expect(numbers.some((n) => /e/i.test(n))).toBe(true);
  });
});
