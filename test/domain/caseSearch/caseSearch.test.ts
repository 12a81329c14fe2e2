import fc from 'fast-check';
import {
  analyzeDocument,
  analyzeQuery,
  highlight,
  matchedWords,
  idf,
  MemoryCaseIndex,
  stem,
  tokenize,
} from '../../../src/domain/caseSearch';

describe('tokenize', () => {
  it('keeps identifiers whole and splits them into parts', () => {
    expect(tokenize('Crash in nsDocShell.cpp at 2.53.1').map((t) => t.term)).toEqual([
      'crash',
      'nsdocshell.cpp',
      'ns',
      'doc',
      'shell',
      'cpp',
      '2.53.1',
    ]);
  });
  it('makes Chinese without spaces searchable through character bigrams', () => {
    expect(tokenize('打印机无法连接').map((t) => t.term)).toEqual(['打印', '印机', '机无', '无法', '法连', '连接']);
  });
  it.each([
    ['crashes', 'crash'],
    ['crashed', 'crash'],
    ['crashing', 'crash'],
    ['stopped', 'stop'],
    ['freezes', stem('freeze')],
    ['images', stem('image')],
  ])('stems %s like %s', (a, b) => expect(stem(a)).toBe(b));
  it('drops stop words and folds full-width letters', () => {
    expect(tokenize('The ＡＢＣ is broken').map((t) => t.term)).toEqual(['abc', 'broken']);
  });
});

describe('ranking: golden orders', () => {
  const idx = new MemoryCaseIndex();
  idx.put('title-match', { title: 'Toolbar icons missing after upgrade', body: 'Icons gone.' });
  idx.put('body-match', {
    title: 'Display problem',
    body: 'After the upgrade the toolbar icons are missing sometimes, among many other things we saw on the screen today.',
  });
  idx.put('ident-match', { title: 'Startup failure', body: 'Log shows NS_ERROR_FAILURE in nsDocShell.cpp' });
  idx.put('unrelated', { title: 'Printing is slow', body: 'Pages take minutes.' });
  idx.put('zh', { title: '打印机无法连接', body: '升级后找不到网络打印机' });

  it('ranks a title match above the same words in a long body, and never returns an unrelated case', () => {
    // Title weight 2 and the body's length normalisation both favour the short title match.
    expect(idx.search({ title: 'toolbar icons missing' }).map((r) => r.caseId)).toEqual(['title-match', 'body-match']);
  });
  it('finds a case by a rare identifier alone', () => {
    expect(idx.search({ title: 'nsDocShell.cpp error' }).map((r) => r.caseId)).toEqual(['ident-match']);
  });
  it('finds a Chinese case from a differently worded Chinese query', () => {
    expect(idx.search({ title: '连接打印机失败' }).map((r) => r.caseId)).toEqual(['zh']);
  });
  it('removes a case from results when it is removed from the index', () => {
    const local = new MemoryCaseIndex();
    local.put('a', { title: 'toolbar crash' });
    local.remove('a');
    expect(local.search({ title: 'toolbar' })).toEqual([]);
  });
});

describe('ranking: properties against a naive reference', () => {
  const word = fc.constantFrom(
    'crash',
    'toolbar',
    'icon',
    'memory',
    'leak',
    'print',
    'network',
    'slow',
    'font',
    'mail',
  );
  const doc = fc.record({
    title: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
    body: fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')),
  });

  it('returns exactly the cases that share a term with the query, scores descending', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 12 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (docs, q) => {
          const idx = new MemoryCaseIndex();
          docs.forEach((d, i) => idx.put(`c${i}`, d));
          const res = idx.search({ title: q.join(' ') });
          const qTerms = new Set(analyzeQuery({ title: q.join(' ') }).map((t) => t.term));
          const expected = docs
            .map((d, i) => [i, d] as const)
            .filter(([, d]) => [...analyzeDocument(d).terms.keys()].some((t) => qTerms.has(t)))
            .map(([i]) => `c${i}`);
          expect(res.map((r) => r.caseId).sort()).toEqual(expected.sort());
          for (let i = 1; i < res.length; i++) expect(res[i - 1]!.score).toBeGreaterThanOrEqual(res[i]!.score);
        },
      ),
    );
  });

  it('agrees with a naive BM25F scorer computed from scratch', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 10 }), word, (docs, q) => {
        const idx = new MemoryCaseIndex();
        docs.forEach((d, i) => idx.put(`c${i}`, d));
        const analyzed = docs.map((d) => analyzeDocument(d));
        const n = docs.length;
        const avgT = analyzed.reduce((s, a) => s + a.lengths[0], 0) / n;
        const avgB = analyzed.reduce((s, a) => s + a.lengths[1], 0) / n;
        const term = analyzeQuery({ title: q })[0]!;
        const df = analyzed.filter((a) => a.terms.has(term.term)).length;
        for (const r of idx.search({ title: q })) {
          const a = analyzed[Number(r.caseId.slice(1))]!;
          const tf = a.terms.get(term.term)!;
          const x =
            (2 * tf[0]) / (0.25 + (0.75 * a.lengths[0]) / (avgT || 1)) +
            tf[1] / (0.25 + (0.75 * a.lengths[1]) / (avgB || 1));
          expect(r.score).toBeCloseTo(idf(df, n) * term.weight * (x / (1.2 + x)), 9);
        }
      }),
    );
  });
});

describe('highlight', () => {
  it('marks the words whose terms matched', () => {
    expect(highlight('Tab strip crashes', ['crash'])).toEqual([
      { text: 'Tab strip ', hit: false },
      { text: 'crashes', hit: true },
    ]);
  });
});

describe('matchedWords', () => {
  it.each([
    [
      'English words, not stems',
      ['Tab strip crashes', 'The tab crashed twice'],
      ['crash', 'tab'],
      ['Tab', 'crashes', 'crashed'],
    ],
    ['a Chinese run, not its bigrams', ['导出 Excel 时中文乱码'], ['中文', '文乱', '乱码'], ['中文乱码']],
    ['each word once, whatever its case', ['Login fails', 'login page'], ['login'], ['Login']],
    ['nothing when no term is in the texts', ['Printer jam'], ['vpn'], []],
  ])('%s', (_what, texts, matched, words) => {
    expect(matchedWords(texts, matched)).toEqual(words);
  });

  it('stops at max', () => {
    expect(matchedWords(['a1 b1 c1 d1'], ['a1', 'b1', 'c1', 'd1'], 2)).toEqual(['a1', 'b1']);
  });
});
