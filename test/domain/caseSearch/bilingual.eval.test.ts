/**
 * The bilingual set (bench/data/case-search/bilingual): every query is written in the other language
 * than its case. Without the bilingual list only shared product names and codes can find the case;
 * with it, recall@5 must be clearly higher.
 */
import { evaluateCrossLanguage, readBilingualSet } from '../../../scripts/bench/bilingualSet';

describe('cross-language recall on the bilingual set', () => {
  const set = readBilingualSet();

  it('has queries in the other language than their case', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(40);
    expect(set.queries.length).toBeGreaterThanOrEqual(40);
    const han = /\p{Script=Han}/u;
    const byId = new Map(set.cases.map((c) => [c.id, c]));
    for (const q of set.queries) {
      const c = byId.get(q.relevant[0] as string);
      expect(c).toBeDefined();
      expect(han.test(q.title)).not.toBe(han.test(c?.title ?? ''));
    }
  });

  it('finds the other language’s case clearly more often with the bilingual list', () => {
    const figures = evaluateCrossLanguage(set);
    console.log(JSON.stringify(figures, null, 1));
    expect(figures.builtIn['recall@5']).toBeGreaterThanOrEqual(figures.without['recall@5'] + 0.3);
    expect(figures.withGlossary['recall@5']).toBeGreaterThanOrEqual(figures.builtIn['recall@5']);
    expect(figures.builtIn['MRR@10']).toBeGreaterThan(figures.without['MRR@10']);
  });

  it('is off at weight 0: the same figures as no expansion', () => {
    const figures = evaluateCrossLanguage(set, 0);
    expect(figures.builtIn).toEqual(figures.without);
  });
});
