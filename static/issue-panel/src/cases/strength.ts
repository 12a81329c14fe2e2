import type { CaseSuggestions } from '../../../../src/contract/cases';

const CJK = /[\u3400-\u9fff]/;

/** Words in a matched piece of a title: space-separated words, or for Chinese two characters a word. */
function wordsIn(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return CJK.test(trimmed)
    ? Math.max(1, Math.floor(trimmed.replace(/\s/g, '').length / 2))
    : trimmed.split(/\s+/).length;
}

/**
 * Strong: a case already helped on this issue, or the top case has two or more of the words in
 * its title (the field the ranking weighs most, src/domain/caseSearch/params.ts), not a body-only match.
 */
export function isStrong(data: CaseSuggestions): boolean {
  const top = data.hits[0];
  if (top === undefined) return false;
  if (data.helpedCaseIds.length > 0) return true;
  const matched = top.highlights.title.filter((segment) => segment.hit);
  return matched.reduce((sum, segment) => sum + wordsIn(segment.text), 0) >= 2;
}
