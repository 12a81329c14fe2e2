/**
 * The message catalogues speak the glossary (docs/glossary.md): no Chinese inside an English message,
 * no English ITR term inside a Chinese one, and none of the Chinese words the glossary retired.
 */
import fs from 'fs';
import path from 'path';
import { en } from '../../static/shared/i18n/en';
import { zhCN } from '../../static/shared/i18n/zh-CN';

interface Term {
  en: string;
  zh: string;
  avoid: string[];
  same: boolean;
}

function readGlossary(markdown: string): Term[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| English') && !l.startsWith('|---'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map(([, english = '', zh = '', avoid = '', note = '']) => ({
      en: english,
      zh,
      avoid: avoid
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
      same: note.includes('*same*'),
    }));
}

const GLOSSARY = readGlossary(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'glossary.md'), 'utf8'));
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The words a reader sees: placeholders (`{count}`) and markup tags are not words. */
const visibleText = (message: string): string => message.replace(/\{[^{}]*\}/g, ' ').replace(/<[^<>]*>/g, ' ');

/** English terms of the glossary, as whole words, in `text` ("first line / second line" names three terms). */
function englishTermsIn(text: string, terms: readonly Term[]): string[] {
  const words = terms
    .filter((t) => !t.same)
    .flatMap((t) => t.en.split(/\s*\/\s*/))
    .filter((w) => w.length > 0);
  // An identifier such as the group `itr-triage` is a name, not a word of the sentence.
  return words.filter((w) =>
    new RegExp(`(?<![\\w-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i').test(text),
  );
}

function englishWithCjk(messages: Record<string, string>): string[] {
  return Object.entries(messages)
    .filter(([, m]) => CJK.test(m))
    .map(([k]) => k);
}

function chineseWithEnglishTerms(messages: Record<string, string>, terms: readonly Term[]): string[] {
  return Object.entries(messages).flatMap(([k, m]) => englishTermsIn(visibleText(m), terms).map((w) => `${k}: "${w}"`));
}

function chineseWithRetiredWords(messages: Record<string, string>, terms: readonly Term[]): string[] {
  return Object.entries(messages).flatMap(([k, m]) =>
    terms.flatMap((t) => t.avoid.filter((a) => m.includes(a)).map((a) => `${k}: "${a}" (say "${t.zh}")`)),
  );
}

describe('glossary', () => {
  it('is read from docs/glossary.md (every ITR term has both languages)', () => {
    expect(GLOSSARY.length).toBeGreaterThan(30);
    expect(GLOSSARY.filter((t) => t.en === '' || t.zh === '')).toEqual([]);
    expect(GLOSSARY.find((t) => t.en === 'return visit')?.zh).toBe('回访');
  });

  it('no English message contains Chinese', () => {
    expect(englishWithCjk(en)).toEqual([]);
  });

  it('no Chinese message contains an English ITR term', () => {
    expect(chineseWithEnglishTerms(zhCN, GLOSSARY)).toEqual([]);
  });

  it('no Chinese message uses a word the glossary retired', () => {
    expect(chineseWithRetiredWords(zhCN, GLOSSARY)).toEqual([]);
  });

  it('probes: each check finds what it looks for', () => {
    expect(englishWithCjk({ a: 'Short-term measure (灭火)', b: 'Root cause' })).toEqual(['a']);
    expect(
      chineseWithEnglishTerms(
        { a: '请先填写 root cause。', b: '{count} 个回访', c: 'Jira 事务', d: '加入组 itr-triage' },
        GLOSSARY,
      ),
    ).toEqual(['a: "root cause"']);
    expect(chineseWithRetiredWords({ a: '定级表已发布', b: '分级表已发布' }, GLOSSARY)).toEqual([
      'a: "定级" (say "分级")',
      'a: "定级表" (say "分级表")',
    ]);
  });
});
