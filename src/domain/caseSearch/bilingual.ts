/**
 * Cross-language search (pure): a bilingual term list lets an English query find a case written in
 * Chinese and the other way round ("printer" finds the 打印机 case).
 *
 * - A term list is a list of groups of equivalent words, each side English (`en`) or Chinese (`zh`),
 *   a side possibly several words (`paper jam`, `忘记密码`). The built-in list (bilingualTerms.ts) holds
 *   common IT-support words; an admin adds the product's own words (a glossary of en,zh pairs, stored
 *   in KVS, see src/app/cases/caseGlossary.ts); `mergeTermLists` joins the two.
 * - A group fires when the query contains one of its words as a whole word or phrase: English is
 *   compared word by word after the tokenizer's stemmer (`printers` fires `printer`, `print` does not,
 *   `blueprint` does not fire `print`); Chinese is found anywhere in the text, which has no spaces.
 * - `expandQuery` then adds the other language's words of every fired group, analysed with the same
 *   `tokenize` as the index (stems, CJK bigrams), weighted CROSS_LANGUAGE_WEIGHT × the weight of the
 *   user's matching words: below what the user typed. The user's own terms are never removed or
 *   re-weighted, and expanding an expanded query changes nothing.
 */
import type { QueryExpansion } from './memoryIndex';
import type { FieldTexts, QueryTerm } from './rank';
import { isCjkTerm, stem, tokenize } from './tokenize';
import { BUILT_IN_TERM_LINES } from './bilingualTerms';

/** A group of words that mean the same: each side lists one or more variants. */
export interface TermGroup {
  en: readonly string[];
  zh: readonly string[];
}
export type TermList = readonly TermGroup[];

/** One row of an admin's product glossary (one English word or phrase, its Chinese equivalent). */
export interface GlossaryEntry {
  en: string;
  zh: string;
}

/**
 * Weight of a word added by the bilingual list, relative to the user's word that fired it. Range
 * 0–1: 0 turns the expansion off; 1 lets a translation outrank what the user typed. Default 0.5.
 * Evidence: on the bilingual set (bench/data/case-search/bilingual, 44 queries, each case in the
 * other language) recall@5 is 0.068 without the list and 0.84 / 0.98 / 1.0 / 1.0 with it at weights
 * 0.2 / 0.5 / 0.7 / 1 (recall@1 0.18 / 0.66 / 0.82 / 0.95: in that set no same-language case is
 * relevant, so more weight only helps there). But one English word turns into several Chinese terms
 * (打印机 → 打印, 印机), so at 1 an English query "printer offline" ranks the Chinese case "打印机离线"
 * above the English "Printer offline" (2.20 against 1.82; test/domain/caseSearch/bilingual.test.ts
 * "stays first"); 0.7 keeps the order with a thin margin, 0.5 with a clear one.
 */
export const CROSS_LANGUAGE_WEIGHT = 0.5;

/** Most rows an admin's glossary may hold (KVS value ≤ 240 KiB: 1,000 rows of two 40-character words fit). */
export const GLOSSARY_MAX_ENTRIES = 1000;
/** Longest word or phrase on either side, in characters. */
export const GLOSSARY_MAX_TERM_CHARS = 40;

/** Why a glossary row is refused; `row` counts from 1. */
export type GlossaryProblemCode =
  | 'EN_EMPTY'
  | 'ZH_EMPTY'
  | 'EN_HAS_CHINESE'
  | 'ZH_NOT_CHINESE'
  | 'TOO_LONG'
  | 'NO_WORD'
  | 'DUPLICATE'
  | 'NOT_A_ROW';
export interface GlossaryProblem {
  row: number;
  code: GlossaryProblemCode;
}
export type GlossaryCheck =
  | { ok: true; entries: GlossaryEntry[] }
  | { ok: false; tooMany: boolean; problems: GlossaryProblem[] };

/** Whitespace runs to one space, trimmed, NFKC (full-width letters become ASCII). */
export function normalizeGlossaryTerm(term: string): string {
  return term.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

const CONTROL = /\p{Cc}/u;

/** The problem of one side of a row, if any. */
function sideProblem(side: 'en' | 'zh', raw: string): GlossaryProblemCode | undefined {
  if (raw === '') return side === 'en' ? 'EN_EMPTY' : 'ZH_EMPTY';
  if (Array.from(raw).length > GLOSSARY_MAX_TERM_CHARS) return 'TOO_LONG';
  if (CONTROL.test(raw)) return 'NO_WORD';
  if (side === 'en' && isCjkTerm(raw)) return 'EN_HAS_CHINESE';
  if (side === 'zh' && !isCjkTerm(raw)) return 'ZH_NOT_CHINESE';
  // A word the index never holds (a stop word such as "it", punctuation) could never match.
  if (tokenize(raw).length === 0 || (side === 'en' && latinWords(raw).length === 0)) return 'NO_WORD';
  return undefined;
}

/**
 * Checks an admin's glossary (any JSON: rows of `{en, zh}`), normalising each word. Every problem is
 * reported (at most 50, by row); a list over GLOSSARY_MAX_ENTRIES is refused whole.
 * @example checkGlossary([{ en: 'sync gateway', zh: '同步网关' }]) // { ok: true, entries: [...] }
 */
export function checkGlossary(raw: unknown): GlossaryCheck {
  if (!Array.isArray(raw)) return { ok: false, tooMany: false, problems: [{ row: 0, code: 'NOT_A_ROW' }] };
  if (raw.length > GLOSSARY_MAX_ENTRIES) return { ok: false, tooMany: true, problems: [] };
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryProblem[] = [];
  const seen = new Set<string>();
  raw.forEach((r: unknown, i) => {
    const row = i + 1;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      problems.push({ row, code: 'NOT_A_ROW' });
      return;
    }
    const o = r as Record<string, unknown>;
    if (
      (o['en'] !== undefined && typeof o['en'] !== 'string') ||
      (o['zh'] !== undefined && typeof o['zh'] !== 'string')
    ) {
      problems.push({ row, code: 'NOT_A_ROW' });
      return;
    }
    const en = normalizeGlossaryTerm(typeof o['en'] === 'string' ? o['en'] : '');
    const zh = normalizeGlossaryTerm(typeof o['zh'] === 'string' ? o['zh'] : '');
    const problem = sideProblem('en', en) ?? sideProblem('zh', zh);
    if (problem !== undefined) {
      problems.push({ row, code: problem });
      return;
    }
    const key = `${en.toLowerCase()}\u0000${zh}`;
    if (seen.has(key)) {
      problems.push({ row, code: 'DUPLICATE' });
      return;
    }
    seen.add(key);
    entries.push({ en, zh });
  });
  return problems.length > 0 ? { ok: false, tooMany: false, problems: problems.slice(0, 50) } : { ok: true, entries };
}

/** Parses one built-in line `a | b = 甲 | 乙`. */
export function parseTermLine(line: string): TermGroup {
  const [left = '', right = ''] = line.split('=');
  const split = (s: string): string[] =>
    s
      .split('|')
      .map(normalizeGlossaryTerm)
      .filter((x) => x !== '');
  return { en: split(left), zh: split(right) };
}

let builtIn: TermList | undefined;
/** The built-in list of common IT-support words (bilingualTerms.ts), parsed once. */
export function builtInTermList(): TermList {
  builtIn ??= BUILT_IN_TERM_LINES.map(parseTermLine);
  return builtIn;
}

/** The built-in list followed by the admin's glossary (one group per row). */
export function mergeTermLists(base: TermList, glossary: readonly GlossaryEntry[]): TermList {
  return [...base, ...glossary.map((g) => ({ en: [g.en], zh: [g.zh] }))];
}

// ----- matching ------------------------------------------------------------------------------

const LATIN_WORD = /[\p{L}\p{N}]+/gu;
const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The stemmed words of a text outside its CJK characters, in order: what English variants are matched on. */
function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(LATIN_WORD)) {
    // A run that mixes Latin and CJK (`u盘`) is split: only its Latin part is a word.
    for (const part of m[0].split(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/u)) {
      if (part !== '') out.push(stem(part));
    }
  }
  return out;
}

function uniqueTerms(text: string): string[] {
  return [...new Set(tokenize(text).map((t) => t.term))];
}

interface CompiledVariant {
  /** English: its stemmed words (matched as a run of whole words). Chinese: empty. */
  words: string[];
  /** Chinese: the lower-cased NFKC text (found as a substring). English: ''. */
  cjk: string;
  /** Its index terms (as `tokenize` makes them). */
  terms: string[];
}
interface CompiledGroup {
  en: CompiledVariant[];
  zh: CompiledVariant[];
}
/** A term list prepared for matching (compile once, match many queries). */
export interface CompiledTermList {
  groups: readonly CompiledGroup[];
  /** English variants by their first word: group index and variant. */
  byFirstWord: ReadonlyMap<string, ReadonlyArray<[number, CompiledVariant]>>;
  /** Chinese variants by their first character. */
  byFirstChar: ReadonlyMap<string, ReadonlyArray<[number, CompiledVariant]>>;
}

function compileVariant(side: 'en' | 'zh', text: string): CompiledVariant | undefined {
  const terms = uniqueTerms(text);
  if (side === 'en') {
    const words = latinWords(text);
    return words.length === 0 || terms.length === 0 ? undefined : { words, cjk: '', terms };
  }
  const cjk = text.normalize('NFKC').toLowerCase();
  return CJK_ANY.test(cjk) && terms.length > 0 ? { words: [], cjk, terms } : undefined;
}

/** Prepares a term list for `expandQuery` (variants that would never match are dropped). */
export function compileTermList(list: TermList): CompiledTermList {
  const groups: CompiledGroup[] = [];
  const byFirstWord = new Map<string, Array<[number, CompiledVariant]>>();
  const byFirstChar = new Map<string, Array<[number, CompiledVariant]>>();
  const push = <K>(m: Map<K, Array<[number, CompiledVariant]>>, k: K, v: [number, CompiledVariant]): void => {
    const a = m.get(k);
    if (a === undefined) m.set(k, [v]);
    else a.push(v);
  };
  for (const g of list) {
    const i = groups.length;
    const en = g.en.map((t) => compileVariant('en', t)).filter((v): v is CompiledVariant => v !== undefined);
    const zh = g.zh.map((t) => compileVariant('zh', t)).filter((v): v is CompiledVariant => v !== undefined);
    if (en.length === 0 || zh.length === 0) continue;
    groups.push({ en, zh });
    for (const v of en) push(byFirstWord, v.words[0] as string, [i, v]);
    for (const v of zh) push(byFirstChar, Array.from(v.cjk)[0] as string, [i, v]);
  }
  return { groups, byFirstWord, byFirstChar };
}

/** A group the query fired: which side the query had, and the variants it contained. */
export interface FiredGroup {
  group: number;
  from: 'en' | 'zh';
  variants: CompiledVariant[];
}

/** The groups whose words occur in `texts` (each field on its own: a phrase never spans two fields). */
export function firedGroups(texts: FieldTexts, list: CompiledTermList): FiredGroup[] {
  const fired = new Map<string, FiredGroup>();
  const add = (group: number, from: 'en' | 'zh', v: CompiledVariant): void => {
    const key = `${group}:${from}`;
    const f = fired.get(key);
    if (f === undefined) fired.set(key, { group, from, variants: [v] });
    else if (!f.variants.includes(v)) f.variants.push(v);
  };
  for (const text of Object.values(texts)) {
    if (typeof text !== 'string' || text === '') continue;
    const words = latinWords(text);
    words.forEach((w, at) => {
      for (const [group, v] of list.byFirstWord.get(w) ?? []) {
        if (v.words.every((x, k) => words[at + k] === x)) add(group, 'en', v);
      }
    });
    const lower = text.normalize('NFKC').toLowerCase();
    const firstChars = new Set(Array.from(lower));
    for (const ch of firstChars) {
      for (const [group, v] of list.byFirstChar.get(ch) ?? []) if (lower.includes(v.cjk)) add(group, 'zh', v);
    }
  }
  return [...fired.values()].sort((a, b) => a.group - b.group || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function byWeightThenTerm(a: QueryTerm, b: QueryTerm): number {
  return b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

/**
 * The terms the bilingual list adds to a query: the other language's words of every group the
 * query's texts fire, each weighted `weight` × the heaviest of the user's terms that fired it (1 when
 * the fired words are all stop words). Terms the query already has are not added.
 */
export function expansionTerms(
  texts: FieldTexts,
  terms: readonly QueryTerm[],
  list: CompiledTermList,
  weight: number = CROSS_LANGUAGE_WEIGHT,
): QueryTerm[] {
  if (weight <= 0) return [];
  const have = new Map(terms.map((t) => [t.term, t.weight]));
  const extra = new Map<string, number>();
  for (const f of firedGroups(texts, list)) {
    const group = list.groups[f.group] as CompiledGroup;
    let source = 0;
    for (const v of f.variants) for (const t of v.terms) source = Math.max(source, have.get(t) ?? 0);
    const w = weight * (source > 0 ? source : 1);
    for (const v of f.from === 'en' ? group.zh : group.en) {
      for (const t of v.terms) if (!have.has(t) && (extra.get(t) ?? 0) < w) extra.set(t, w);
    }
  }
  return [...extra].map(([term, w]) => ({ term, weight: w })).sort(byWeightThenTerm);
}

/**
 * The query's terms with the bilingual list's additions, heaviest first (the order `analyzeQuery`
 * gives). The user's terms keep their weights; expanding twice gives the same list as once.
 * @example expandQuery({ title: 'printer offline' }, analyzeQuery({ title: 'printer offline' }), compiled)
 *   // printer, offlin, then 打印, 打印机, 印机, 离线, 断网 ... at half weight
 */
export function expandQuery(
  texts: FieldTexts,
  terms: readonly QueryTerm[],
  list: CompiledTermList,
  weight: number = CROSS_LANGUAGE_WEIGHT,
): QueryTerm[] {
  const extra = expansionTerms(texts, terms, list, weight);
  return extra.length === 0 ? [...terms] : [...terms, ...extra].sort(byWeightThenTerm);
}

/** The expansion `MemoryCaseIndex.search` and the SQL index take: `expandQuery` over `list`. */
export function bilingualExpansion(list: CompiledTermList, weight: number = CROSS_LANGUAGE_WEIGHT): QueryExpansion {
  return (texts, terms) => expandQuery(texts, terms, list, weight);
}

let compiledBuiltIn: CompiledTermList | undefined;
/** The built-in list, compiled once. */
export function compiledBuiltInTermList(): CompiledTermList {
  compiledBuiltIn ??= compileTermList(builtInTermList());
  return compiledBuiltIn;
}
