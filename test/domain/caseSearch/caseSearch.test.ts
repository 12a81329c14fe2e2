import fc from 'fast-check';
import {
  analyzeDocument,
  analyzeQuery,
  cutNoise,
  DEFAULT_NOISE_CUT,
  highlight,
  preferProduct,
  type RankedCase,
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
  it('gives a stack frame its whole identifiers only, and the report around it its words', () => {
    const text =
      'S3A read fails\n\tat org.apache.hadoop.fs.s3a.S3AInputStream.read(S3AInputStream.java:123)\nafter retry';
    expect(tokenize(text).map((t) => t.term)).toEqual([
      's3a',
      'read',
      'fail',
      'org.apache.hadoop.fs.s3a.s3ainputstream.read',
      's3ainputstream.java:123',
      'retry',
    ]);
  });
  it('splits an identifier outside a frame line, even one that starts with "at"', () => {
    expect(tokenize('attach S3AInputStream.read').map((t) => t.term)).toContain('input');
  });
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
  it('marks whole Chinese words, never a bigram that straddles two', () => {
    const hits = highlight('打印机卡纸了，重启无效', ['印机']).filter((s) => s.hit);
    expect(hits.map((s) => s.text)).toEqual(['打印机']);
  });
});

const ranked = (shares: number[]): RankedCase[] =>
  shares.map((share, i) => ({ caseId: `c${i}`, score: share * 10, share, matched: [] }));

describe('cutNoise', () => {
  const { minShare, minLead, leadDepth } = DEFAULT_NOISE_CUT;
  it.each([
    ['nothing matched', [], 0],
    ['the best is below the floor', [minShare - 0.01, 0.05], 0],
    ['a short list: no crowd to stand out from', [0.3, 0.3], 2],
    ['a short list keeps only what is above the floor', [0.3, minShare - 0.01], 1],
    ['a crowd of look-alikes', Array.from({ length: leadDepth }, () => 0.3), 0],
    [
      'the best stands out from the crowd',
      [0.3 * minLead, ...Array.from({ length: leadDepth - 1 }, () => 0.3)],
      leadDepth,
    ],
    [
      'standing out just short of the lead',
      [0.3 * minLead - 0.01, ...Array.from({ length: leadDepth - 1 }, () => 0.3)],
      0,
    ],
  ])('%s', (_what, shares, kept) => {
    expect(cutNoise(ranked(shares))).toHaveLength(kept);
  });
  it('never adds, reorders or keeps a case under the floor (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (shares) => {
        const input = ranked([...shares].sort((a, b) => b - a));
        const out = cutNoise(input);
        expect(out.every((r) => r.share >= minShare)).toBe(true);
        expect(out.map((r) => r.caseId)).toEqual(input.filter((r) => out.includes(r)).map((r) => r.caseId));
      }),
    );
  });
});

describe('preferProduct', () => {
  const products: Record<string, string> = { c0: 'OfficePrint', c1: 'LabelJet', c2: 'LabelJet' };
  it('lifts the issue product among near ties, not above a clearly better case', () => {
    const list: RankedCase[] = [
      { caseId: 'c0', score: 10, share: 0.5, matched: [] },
      { caseId: 'c1', score: 9.5, share: 0.5, matched: [] },
      { caseId: 'c2', score: 5, share: 0.3, matched: [] },
    ];
    expect(preferProduct(list, (id) => products[id], ' labeljet ').map((r) => r.caseId)).toEqual(['c1', 'c0', 'c2']);
    expect(preferProduct(list, (id) => products[id], null).map((r) => r.caseId)).toEqual(['c0', 'c1', 'c2']);
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
