/**
 * The geometry decisions of a bar chart that keep its text readable, as pure functions (unit-tested in
 * test/static/supervisionChartLayout.test.ts; the browser test checks the drawn result): how category
 * labels fit under the bars (all side by side, every n-th for a time series, slanted and shortened for
 * names), which value labels fit over their bars, and the y axis's ticks.
 */

/** Font size of axis and value labels, px (the design system's small body text). */
export const LABEL_FONT_PX = 12;
/** Free space kept between two labels side by side, px. */
const LABEL_GAP_PX = 6;
/** Longest slanted category label before it is shortened with "…", px (the full name is in the table). */
export const MAX_SLANTED_LABEL_PX = 120;
/** sin 45°: slanted labels are drawn at -45°. */
const SLANT = Math.SQRT1_2;

/**
 * A generous estimate of a text's width in px at `fontPx` (no layout needed, so it works before the SVG
 * is drawn): CJK and full-width characters one em, capitals and wide letters 0.72 em, the rest 0.6 em.
 * Real sans-serif text is narrower, so a label this allows never overlaps its neighbour.
 */
export function textWidth(text: string, fontPx: number = LABEL_FONT_PX): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) em += charEm(text.charCodeAt(i));
  return em * fontPx;
}

/** Narrow Latin characters (space . , : ; ' | ! i I l 1 ( ) [ ] ·), by char code. */
const NARROW = new Set([..." .,:;'|!iIl1()[]·"].map((c) => c.charCodeAt(0)));
/** Wide Latin characters (capitals, m, w, @, %, dashes), by char code. */
const WIDE = new Set([...'@%mwMW–—'].map((c) => c.charCodeAt(0)));

/** A character's width in em (char codes, no regular expression: this runs for every label on every render). */
function charEm(code: number): number {
  if (code >= 0x2e80 && code <= 0xffef) return 1;
  if (NARROW.has(code)) return 0.36;
  if (WIDE.has(code) || (code >= 65 && code <= 90)) return 0.72;
  return 0.6;
}

/** `text` cut with "…" to at most `maxPx` wide (by textWidth). */
export function shorten(text: string, maxPx: number, fontPx: number = LABEL_FONT_PX): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  // Keep characters while they and the ellipsis fit (one pass, not a re-measure per character dropped).
  const budget = maxPx / fontPx - charEm('…'.charCodeAt(0));
  let em = 0;
  let end = 0;
  while (end < text.length && em + charEm(text.charCodeAt(end)) <= budget) em += charEm(text.charCodeAt(end++));
  return `${text.slice(0, Math.max(1, end)).trimEnd()}…`;
}

export interface CategoryAxisLayout {
  /** Draw the label of every `every`-th category (1: all), counting from the first. */
  every: number;
  /** Slanted at -45° (names that do not fit side by side). */
  slanted: boolean;
  /** The labels as drawn (shortened when slanted); '' for a category whose label is skipped. */
  labels: string[];
  /** Height the labels take under the axis, px. */
  height: number;
  /** How far the first label reaches left of its category's centre, px (slanted labels run left). */
  overhangLeft: number;
}

/**
 * How `labels` fit under categories `step` px apart. Side by side when the widest fits its step; a
 * time series (`ordered`) then thins to every n-th label, which the reader interpolates; names are slanted
 * and shortened instead (each bar keeps its name), thinned only when even slanted lines would touch.
 */
export function layoutCategoryAxis(
  labels: readonly string[],
  step: number,
  ordered: boolean,
  fontPx: number = LABEL_FONT_PX,
): CategoryAxisLayout {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontPx)));
  const lineHeight = fontPx * 1.3;
  const pick = (every: number, texts: readonly string[]) => texts.map((l, i) => (i % every === 0 ? l : ''));
  if (widest + LABEL_GAP_PX <= step)
    return { every: 1, slanted: false, labels: [...labels], height: lineHeight, overhangLeft: widest / 2 };
  if (ordered) {
    const every = Math.ceil((widest + LABEL_GAP_PX) / Math.max(step, 1));
    return { every, slanted: false, labels: pick(every, labels), height: lineHeight, overhangLeft: widest / 2 };
  }
  // Slanted lines `step` apart are `step · sin 45°` apart across their direction: they must clear a line of text.
  const every = Math.max(1, Math.ceil(lineHeight / Math.max(step * SLANT, 0.01)));
  const shortened = labels.map((l) => shorten(l, MAX_SLANTED_LABEL_PX, fontPx));
  const longest = Math.max(0, ...shortened.map((l) => textWidth(l, fontPx)));
  return {
    every,
    slanted: true,
    labels: pick(every, shortened),
    height: longest * SLANT + lineHeight,
    overhangLeft: longest * SLANT,
  };
}

/**
 * Whether a value label fits over a bar whose slot (the bar and its share of the gap) is `slot` px wide:
 * labels of neighbouring bars then never overlap.
 */
export function valueLabelFits(text: string, slot: number, fontPx: number = LABEL_FONT_PX): boolean {
  return textWidth(text, fontPx) + 2 <= slot;
}

/**
 * Ticks of the value axis from 0 to a round top ≥ `max`: about `count` of them, whole numbers only for
 * counts (no "2.5 issues"), steps of 1, 2 or 5 × 10ⁿ; percentages (0–1) always end at 100 %.
 */
export function valueTicks(max: number, percent: boolean, count = 5): number[] {
  if (percent) return [0, 0.2, 0.4, 0.6, 0.8, 1];
  const top = Math.max(1, max);
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}
