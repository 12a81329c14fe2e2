/**
 * "No raw account id is ever shown": finds Atlassian account ids in what a page renders (its text and
 * the attributes assistive tech reads or a person sees: aria-label, title, placeholder, alt, input
 * values). Shared by the static browser tests and the sandbox end-to-end test.
 *
 * Account id shapes (Atlassian's user privacy guide: `557058:<uuid>` for newer accounts, 24 hex digits
 * for older ones, `qm:<uuid>:<uuid>` for service-desk customers); tests with made-up ids (`acc-l1`)
 * pass those as `knownIds`.
 */
import type { Page } from 'playwright-core';

export const ACCOUNT_ID_PATTERNS: readonly RegExp[] = [
  /\b\d{6}:[0-9a-f-]{8,}/i,
  /\b[0-9a-f]{24}\b/i,
  /\bqm:[0-9a-f:-]{8,}/i,
];

/** The account ids found in `text`: pattern matches, and any of `knownIds` as a whole word. */
export function accountIdsIn(text: string, knownIds: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const pattern of ACCOUNT_ID_PATTERNS) {
    for (const m of text.matchAll(new RegExp(pattern.source, 'gi'))) found.push(m[0]);
  }
  for (const id of knownIds) {
    if (id === '') continue;
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\w-])${escaped}($|[^\\w-])`).test(text)) found.push(id);
  }
  return [...new Set(found)];
}

/** Throws, naming each id and where it was, when `text` shows an account id. */
export function expectNoAccountIds(text: string, knownIds: readonly string[] = [], where = 'text'): void {
  const found = accountIdsIn(text, knownIds);
  if (found.length > 0) throw new Error(`${where} shows account ids ${found.join(', ')}:\n${text.slice(0, 2000)}`);
}

interface RenderedElement {
  getAttribute(name: string): string | null;
  value?: unknown;
}

/** Everything a page shows a person or a screen reader: the body's text and the readable attributes. */
export async function renderedText(page: Page): Promise<string> {
  const body = await page.locator('body').innerText();
  const attributes = await page
    .locator('[aria-label], [title], [placeholder], [alt], input, textarea')
    .evaluateAll((elements: RenderedElement[]) =>
      elements.flatMap((e) => [
        ...['aria-label', 'title', 'placeholder', 'alt'].map((name) => e.getAttribute(name) ?? ''),
        typeof e.value === 'string' ? e.value : '',
      ]),
    );
  return [body, ...attributes.filter((a) => a !== '')].join('\n');
}

/** Fails when the page renders any account id (see `renderedText`). */
export async function expectPageShowsNoAccountIds(page: Page, knownIds: readonly string[] = []): Promise<void> {
  expectNoAccountIds(await renderedText(page), knownIds, page.url());
}
