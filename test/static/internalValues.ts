/**
 * "No internal code, id or UTC time is shown to a user": what a page's visible text must not contain.
 * ISO instants (`2026-12-07T02:10:00.000Z`), the word UTC, storage names such as `gradingTable:2`, and
 * whatever internal values a test knows (a restore id, a run id, a module key) given as `known`.
 */
import type { FrameLocator, Page } from 'playwright-core';

const INTERNAL_PATTERNS: readonly RegExp[] = [/\b\d{4}-\d\d-\d\dT\d\d:\d\d/, /\bUTC\b/, /\bgradingTable:\d/];

/** The internal values found in `text`. */
export function internalValuesIn(text: string, known: readonly string[] = []): string[] {
  const found = INTERNAL_PATTERNS.flatMap((p) => text.match(p) ?? []);
  for (const k of known) if (k !== '' && text.includes(k)) found.push(k);
  return found;
}

/** Throws, naming each, when the page's (or an app frame's) visible text shows an internal value. */
export async function expectPageShowsNoInternalValues(
  page: Page | FrameLocator,
  known: readonly string[] = [],
): Promise<void> {
  const text = await page.locator('body').innerText();
  const found = internalValuesIn(text, known);
  if (found.length > 0) throw new Error(`the page shows internal values ${found.join(', ')}:\n${text.slice(0, 3000)}`);
}
