import fc from 'fast-check';
import {
  analyzeQuery,
  builtInTermList,
  checkGlossary,
  compiledBuiltInTermList,
  compileTermList,
  CROSS_LANGUAGE_WEIGHT,
  expandQuery,
  expansionTerms,
  firedGroups,
  GLOSSARY_MAX_ENTRIES,
  GLOSSARY_MAX_TERM_CHARS,
  MemoryCaseIndex,
  mergeTermLists,
  bilingualExpansion,
  type FieldTexts,
} from '../../../src/domain/caseSearch';
import { BUILT_IN_TERM_LINES } from '../../../src/domain/caseSearch/bilingualTerms';

const list = compiledBuiltInTermList();
const added = (texts: FieldTexts): string[] =>
  expansionTerms(texts, analyzeQuery(texts), list)
    .map((t) => t.term)
    .sort();

describe('the built-in term list', () => {
  it('holds 150–300 groups, every one valid as an admin glossary row would be', () => {
    const groups = builtInTermList();
    expect(groups.length).toBeGreaterThanOrEqual(150);
    expect(groups.length).toBeLessThanOrEqual(300);
    const rows = groups.flatMap((g) => g.en.flatMap((en) => g.zh.map((zh) => ({ en, zh }))));
    const problems = rows.flatMap((r) => {
      const c = checkGlossary([r]);
      return c.ok ? [] : [`${r.en} = ${r.zh}: ${c.problems.map((p) => p.code).join()}`];
    });
    expect(problems).toEqual([]);
    // Every group compiles (no variant lost): each line has both sides.
    expect(compileTermList(groups).groups.length).toBe(BUILT_IN_TERM_LINES.length);
  });
});

describe('firing a group', () => {
  it.each<[string, string, string[]]>([
    ['English word → Chinese terms', 'Printer offline', ['打印', '印机', '断网', '离线']],
    ['plural and stem', 'printers are offline', ['打印', '印机', '断网', '离线']],
    ['phrase of two words', 'a paper jam again', ['卡纸']],
    ['Chinese without spaces → English', '打印机不能打印了', ['print', 'printer', 'printout']],
    ['full-width letters', 'ＰＲＩＮＴＥＲ', ['打印', '印机']],
    ['Chinese next to Latin letters', 'VPN掉线', ['disconnect', 'disconnection']],
  ])('%s', (_, title, want) => {
    for (const w of want) expect(added({ title })).toContain(w);
  });

  it.each<[string, string, string]>([
    ['a word inside a longer English word', 'blueprint review', '打印'],
    ['a word inside a longer English word (prefix)', 'printable labels', '打印'],
    ['half of a phrase', 'the paper is fine', '卡纸'],
    ['a phrase split over two fields', '', '卡纸'],
  ])('does not fire on %s', (_, title, unwanted) => {
    const texts: FieldTexts = title === '' ? { title: 'paper', body: 'jam' } : { title };
    expect(added(texts)).not.toContain(unwanted);
  });

  it('reports which side fired', () => {
    const fired = firedGroups({ title: 'printer 打印机' }, list);
    expect(new Set(fired.map((f) => f.from))).toEqual(new Set(['en', 'zh']));
  });
});

describe('expandQuery', () => {
  const texts = { title: 'Printer timeout', body: '登录超时' };

  it('weights an added term below the user word that fired it', () => {
    const terms = analyzeQuery(texts);
    const printer = terms.find((t) => t.term === 'printer')?.weight ?? 0;
    const out = expandQuery(texts, terms, list);
    const added = out.find((t) => t.term === '印机');
    expect(added?.weight).toBeCloseTo(printer * CROSS_LANGUAGE_WEIGHT);
    expect(added?.weight).toBeLessThan(printer);
  });

  it('does nothing at weight 0 and with an empty list', () => {
    const terms = analyzeQuery(texts);
    expect(expandQuery(texts, terms, list, 0)).toEqual(terms);
    expect(expandQuery(texts, terms, compileTermList([]))).toEqual(terms);
  });

  const word = fc.constantFrom(
    'printer',
    'print',
    'offline',
    'paper',
    'jam',
    'timeout',
    'password',
    'blueprint',
    'crash',
    'the',
    'vpn',
    '打印机',
    '超时',
    '密码',
    '登录',
    '卡纸',
    '无法',
    'x',
    '2.53.1',
  );
  const textArb = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(fc.sample(fc.constantFrom(' ', ''), 1)[0]));
  const textsArb = fc.record({ title: textArb, body: textArb });

  it('never removes or re-weights the user’s terms (property)', () => {
    fc.assert(
      fc.property(textsArb, (t) => {
        const terms = analyzeQuery(t);
        const out = new Map(expandQuery(t, terms, list).map((x) => [x.term, x.weight]));
        for (const u of terms) expect(out.get(u.term)).toBe(u.weight);
      }),
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(textsArb, (t) => {
        const once = expandQuery(t, analyzeQuery(t), list);
        expect(expandQuery(t, once, list)).toEqual(once);
      }),
    );
  });

  it('adds only terms of the other language than the side that fired (property)', () => {
    const en = fc.array(fc.constantFrom('printer', 'timeout', 'password', 'crash', 'offline'), { minLength: 1 });
    fc.assert(
      fc.property(en, (ws) => {
        const t = { title: ws.join(' ') };
        for (const x of expansionTerms(t, analyzeQuery(t), list)) expect(x.term).toMatch(/\p{Script=Han}/u);
      }),
    );
  });
});

describe('search with the expansion', () => {
  const index = new MemoryCaseIndex();
  index.put('zh', { title: '打印机离线', body: '财务部的打印机显示脱机，无法打印' });
  index.put('en', { title: 'Printer offline', body: 'The finance printer shows offline' });
  index.put('other', { title: 'VPN drops', body: 'The VPN disconnects at home' });
  const expand = bilingualExpansion(list);

  it('an English query finds the Chinese case, and the English case stays first', () => {
    const ids = index.search({ title: 'printer offline' }, undefined, expand).map((r) => r.caseId);
    expect(ids.slice(0, 2)).toEqual(['en', 'zh']);
    expect(index.search({ title: 'printer offline' }).map((r) => r.caseId)).not.toContain('zh');
  });

  it('a Chinese query finds the English case, and the Chinese case stays first', () => {
    const ids = index.search({ title: '打印机离线' }, undefined, expand).map((r) => r.caseId);
    expect(ids.slice(0, 2)).toEqual(['zh', 'en']);
  });

  it('an admin glossary word joins the built-in list', () => {
    const own = compileTermList(mergeTermLists(builtInTermList(), [{ en: 'Falcon POS', zh: '猎鹰收银' }]));
    index.put('pos', { title: '猎鹰收银机死机' });
    const t = { title: 'Falcon POS' };
    expect(index.search(t, undefined, bilingualExpansion(list)).map((r) => r.caseId)).not.toContain('pos');
    expect(index.search(t, undefined, bilingualExpansion(own)).map((r) => r.caseId)[0]).toBe('pos');
    index.remove('pos');
  });
});

describe('checkGlossary', () => {
  it.each<[string, unknown, string[]]>([
    ['not a list', { en: 'a' }, ['NOT_A_ROW']],
    ['empty English', [{ en: ' ', zh: '打印' }], ['EN_EMPTY']],
    ['empty Chinese', [{ en: 'print', zh: '' }], ['ZH_EMPTY']],
    ['Chinese in the English column', [{ en: '打印', zh: '打印' }], ['EN_HAS_CHINESE']],
    ['no Chinese in the Chinese column', [{ en: 'print', zh: 'print' }], ['ZH_NOT_CHINESE']],
    ['a stop word only', [{ en: 'the', zh: '这' }], ['NO_WORD']],
    ['too long', [{ en: 'a'.repeat(GLOSSARY_MAX_TERM_CHARS + 1), zh: '打印' }], ['TOO_LONG']],
    [
      'a duplicate (case and spaces ignored)',
      [
        { en: 'Falcon  POS', zh: '猎鹰收银' },
        { en: 'falcon pos', zh: '猎鹰收银' },
      ],
      ['DUPLICATE'],
    ],
    ['a number instead of text', [{ en: 3, zh: '打印' }], ['NOT_A_ROW']],
  ])('refuses %s', (_, raw, codes) => {
    const c = checkGlossary(raw);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problems.map((p) => p.code)).toEqual(codes);
  });

  it('refuses a list over the limit whole', () => {
    const rows = Array.from({ length: GLOSSARY_MAX_ENTRIES + 1 }, (_, i) => ({ en: `w${i}`, zh: '打印' }));
    expect(checkGlossary(rows)).toEqual({ ok: false, tooMany: true, problems: [] });
  });

  it('normalises words and numbers rows from 1', () => {
    expect(checkGlossary([{ en: ' Falcon\tPOS ', zh: '猎鹰收银' }])).toEqual({
      ok: true,
      entries: [{ en: 'Falcon POS', zh: '猎鹰收银' }],
    });
    const c = checkGlossary([
      { en: 'ab', zh: '甲' },
      { en: '', zh: '乙' },
    ]);
    expect(c.ok ? [] : c.problems).toEqual([{ row: 2, code: 'EN_EMPTY' }]);
  });
});
