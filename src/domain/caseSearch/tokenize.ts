/**
 * Text → index terms, the same way for cases and for queries (pure; no I/O).
 *
 * - Chinese, Japanese and Korean runs have no spaces: `Intl.Segmenter` finds the words, and every
 *   run also yields overlapping character bigrams, so a query matches even when the segmenter cut a
 *   compound differently on the two sides (打印机 / 打印 + 机).
 * - Other scripts: word tokens, lower-cased (NFKC first, so full-width ＡＢＣ１ is abc1), English stop
 *   words dropped, a light English stemmer (crashes / crashed / crashing → crash).
 * - Identifier-like tokens (versions `2.53.1`, files `nsDocShell.cpp`, codes `0x80004005`,
 *   `js::GCRuntime`, camelCase names) are kept whole *and* split into their parts: the whole is rare and
 *   decisive for duplicates, the parts still match a differently written mention.
 * - Stack-trace frames (`at org.apache.Foo.bar(Foo.java:12)`) give only their whole identifiers, not
 *   their parts: a trace repeats `org`, `apache`, `java`, `invoke` in every frame, and those parts
 *   drowned the words of the report (see STACK_FRAME_PARTS in params.ts).
 * - Word bigrams of adjacent content words inside one clause (`tab strip`), only when
 *   INDEX_WORD_BIGRAMS is on (off by default: see params.ts).
 */
import { INDEX_WORD_BIGRAMS, MAX_FIELD_CHARS, MAX_TOKEN_LENGTH, STACK_FRAME_PARTS } from './params';

/** What a term is; decides its query weight (see SearchParams). */
export type TermKind = 'word' | 'ident' | 'bigram' | 'cjk';

export interface Token {
  term: string;
  kind: TermKind;
  /** Character offsets in the original text (for highlighting). Bigrams span both words. */
  start: number;
  end: number;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu');
const IS_CJK = new RegExp(`[${CJK}]`, 'u');
/** A word or a compound joined by . _ : / - ' (only between letters or digits). */
const WORD = /[\p{L}\p{N}]+(?:(?:[._\-'’/]|::?)[\p{L}\p{N}]+)*/gu;
/** Punctuation that ends a clause: no bigram spans it. */
const CLAUSE_BREAK = /[.!?;,:()[\]{}<>"|\n\r。！？；，、：（）]/u;

/** English function words and report boilerplate that carry no meaning for matching. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing don down during each few for from further had has have having he her here hers him his how ' +
    'i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she ' +
    'should so some such than that the their them then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours also get got via etc may might must shall ' +
    'doesn isn wasn aren weren didn hasn haven won wouldn shouldn couldn can’t cannot im ive it’s let'
  ).split(' '),
);

/**
 * Light English suffix stripping, deliberately conservative (no dictionary): plural and verb
 * endings, then a final silent e, so `freeze`, `freezes` and `freezing` meet at `freez`.
 * Words under 4 letters, and anything with a digit, are left alone.
 * @example stem('crashes') === 'crash'; stem('stopped') === 'stop'; stem('images') === stem('image')
 */
export function stem(word: string): string {
  if (word.length < 4 || /[^a-z]/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-km-np-rtv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

function clip(term: string): string {
  return term.length > MAX_TOKEN_LENGTH ? term.slice(0, MAX_TOKEN_LENGTH) : term;
}

/** True for a token that names something specific: has a digit, an inner . _ :, or inner capitals (a slash alone is "or"). */
function isIdentifier(raw: string): boolean {
  return /\p{N}/u.test(raw) || /[._:]/.test(raw) || /\p{Ll}\p{Lu}/u.test(raw);
}

/** Splits an identifier into its readable parts: separators, camelCase humps, letter/digit borders. */
function identifierParts(raw: string): string[] {
  return raw
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .filter((p) => p.length > 0);
}

let segmenter: Intl.Segmenter | undefined;
function zhSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

function cjkTokens(run: string, offset: number, out: Token[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push({ term: run, kind: 'cjk', start: offset, end: offset + run.length });
    return;
  }
  // Character bigrams over the whole run: the recall backbone for text without spaces.
  let pos = offset;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] as string;
    const b = chars[i + 1] as string;
    out.push({ term: a + b, kind: 'cjk', start: pos, end: pos + a.length + b.length });
    pos += a.length;
  }
  // Words of three or more characters from the segmenter (two-character words are bigrams already).
  for (const s of zhSegmenter().segment(run)) {
    if (s.isWordLike === true && Array.from(s.segment).length >= 3) {
      out.push({
        term: clip(s.segment),
        kind: 'word',
        start: offset + s.index,
        end: offset + s.index + s.segment.length,
      });
    }
  }
}

/** A Java/JVM-style stack frame line: `at package.Class.method(File.java:12)`. */
const FRAME_LINE = /^[ \t]*at [\w$.<>]+\(.*$/gmu;

/** Start and end offsets of the stack-frame lines in `text`, in order. */
function frameSpans(text: string): Array<[number, number]> {
  if (STACK_FRAME_PARTS || !text.includes('at ')) return [];
  return Array.from(text.matchAll(FRAME_LINE), (m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

function latinTokens(text: string, offset: number, out: Token[]): void {
  let previous: { term: string; start: number; end: number } | undefined;
  const frames = frameSpans(text);
  let frame = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const at = m.index ?? 0;
    const start = offset + at;
    const end = start + raw.length;
    while (frame < frames.length && (frames[frame] as [number, number])[1] <= at) frame++;
    if (frame < frames.length && (frames[frame] as [number, number])[0] <= at) {
      if (isIdentifier(raw)) out.push({ term: clip(raw.toLowerCase()), kind: 'ident', start, end });
      previous = undefined;
      continue;
    }
    if (previous !== undefined && CLAUSE_BREAK.test(text.slice(previous.end - offset, start - offset)))
      previous = undefined;
    const apostrophe = raw.search(/['’]/);
    const base = apostrophe > 0 && !isIdentifier(raw) ? raw.slice(0, apostrophe) : raw;
    const lower = base.toLowerCase();
    if (isIdentifier(base)) {
      out.push({ term: clip(lower.replace(/[._:/-]+$/, '')), kind: 'ident', start, end });
      for (const part of identifierParts(base)) {
        const p = part.toLowerCase();
        if (p.length > 1 && !/^\p{N}+$/u.test(p) && !STOP_WORDS.has(p))
          out.push({ term: clip(stem(p)), kind: 'word', start, end });
      }
      previous = undefined;
      continue;
    }
    const parts = lower.split(/[-'’/]/).filter((p) => p.length > 0);
    for (const p of parts) {
      if (STOP_WORDS.has(p) || p.length < 2) {
        previous = undefined;
        continue;
      }
      const term = clip(stem(p));
      if (INDEX_WORD_BIGRAMS && previous !== undefined)
        out.push({ term: clip(`${previous.term} ${term}`), kind: 'bigram', start: previous.start, end });
      out.push({ term, kind: 'word', start, end });
      previous = { term, start, end };
    }
  }
}

/**
 * All tokens of one text, in order of appearance (bigrams after their second word).
 * @example tokenize('Crash in nsDocShell.cpp').map(t => t.term) // ['crash', 'nsdocshell.cpp', 'ns', 'doc', 'shell', 'cpp']
 */
export function tokenize(input: string): Token[] {
  const text = input.length > MAX_FIELD_CHARS ? input.slice(0, MAX_FIELD_CHARS) : input;
  const normal = text.normalize('NFKC');
  // NFKC can change lengths (ﬁ → fi); offsets are then approximate, which only affects highlighting.
  const out: Token[] = [];
  let last = 0;
  for (const m of normal.matchAll(CJK_RUN)) {
    const at = m.index ?? 0;
    if (at > last) latinTokens(normal.slice(last, at), last, out);
    cjkTokens(m[0], at, out);
    last = at + m[0].length;
  }
  if (last < normal.length) latinTokens(normal.slice(last), last, out);
  return out;
}

/**
 * The words of the CJK runs of `text` as the segmenter cuts them, as [start, end) offsets: a match
 * of an index bigram is shown as the whole words it touches, never as a fragment ("文乱" of 中文乱码).
 */
export function cjkWordSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(CJK_RUN)) {
    const at = m.index ?? 0;
    for (const s of zhSegmenter().segment(m[0])) out.push([at + s.index, at + s.index + s.segment.length]);
  }
  return out;
}

/** True when a term is written in a CJK script (used to guess a case's language). */
export function isCjkTerm(term: string): boolean {
  return IS_CJK.test(term);
}

/** How a stored term should be weighted at query time, from its shape alone. */
export function kindOfTerm(term: string): TermKind {
  if (IS_CJK.test(term)) return Array.from(term).length === 2 || Array.from(term).length === 1 ? 'cjk' : 'word';
  if (term.includes(' ')) return 'bigram';
  if (/\p{N}/u.test(term) || /[._:/]/.test(term)) return 'ident';
  return 'word';
}
