/**
 * What a person must never read on a page of the app: an account id where a name belongs, or a code
 * the app stores in place of a label. `leaksIn(text)` lists every such finding in the rendered text;
 * `pageLeaks(page)` reads the host page and every Custom UI frame of it (what is shown, and the
 * attributes a screen reader reads).
 */
import type { Frame, Page } from 'playwright-core';
import { accountIdsIn } from '../static/accountIds';

export interface Leak {
  /** What kind of thing leaked: `accountId` or `code`. */
  kind: 'accountId' | 'code';
  /** The text found. */
  found: string;
  /** Up to 40 characters either side, to find it on the page. */
  context: string;
}

/** Account ids as Jira hands them out: `557058:<uuid>` (and other numeric prefixes), legacy 24-hex, JSM's `qm:`. */
const ACCOUNT_ID_PATTERNS: readonly RegExp[] = [
  /\b\d{6}:[0-9A-Za-z][\w-]{5,}/g,
  /(?<![0-9a-f])[0-9a-f]{24}(?![0-9a-f])/g,
  /\bqm:[\w:-]{6,}/g,
  // The sandbox's own ids without their prefix (`sandbox-tom`), should a page strip the prefix.
  /(?<!:)\bsandbox-[a-z]+\b/g,
];

/**
 * Stored codes that have a label (kinds, regions, acceptance states, stay outcomes, grading
 * dimensions), error codes (UPPER_SNAKE) and unresolved i18n keys (`triage.ownerHint`). Line ids
 * (L1…), grade labels and English words that double as codes ("awaiting", "critical") are not
 * listed: they are what the label says. Jira's own field ids (`customfield_10107`) are not either:
 * an admin area may name the field it configured the workflow rules with.
 */
const CODE_PATTERNS: readonly RegExp[] = [
  /\b(?:technicalService|nonTechnicalService|spareParts|deemedAccepted|notStarted|onTrack|topGrade)\b/g,
  /\b(?:cn-east|cn-north|cn-south|eu-central|us-east)\b/g,
  /\b(?:timed_out|passed_on|customerTier|businessImpact|responseMinutes)\b/g,
  /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g,
  /\b[a-z]+(?:\.[a-z][A-Za-z0-9]*)*\.[a-z]+[A-Z][A-Za-z0-9]*\b/g,
];

function findings(text: string, kind: Leak['kind'], patterns: readonly RegExp[]): Leak[] {
  const out: Leak[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      out.push({
        kind,
        found: m[0],
        context: text.slice(Math.max(0, at - 40), at + m[0].length + 40).replace(/\s+/g, ' '),
      });
    }
  }
  return out;
}

/**
 * Every account id and internal code in `text`: the patterns above, the static tests' account-id scan
 * (test/static/accountIds.ts) and any of `knownIds` (e.g. the demo users') as a whole word.
 */
export function leaksIn(text: string, knownIds: readonly string[] = []): Leak[] {
  const ids = findings(text, 'accountId', ACCOUNT_ID_PATTERNS);
  for (const id of accountIdsIn(text, knownIds)) {
    if (!ids.some((l) => l.found.includes(id) || id.includes(l.found)))
      ids.push({ kind: 'accountId', found: id, context: id });
  }
  return [...ids, ...findings(text, 'code', CODE_PATTERNS)];
}

interface RenderedElement {
  getAttribute(name: string): string | null;
  value?: unknown;
}

/** What a frame shows a person or a screen reader: its text and the readable attributes (as accountIds.ts reads a page). */
async function frameText(frame: Frame): Promise<string> {
  try {
    const body = await frame.locator('body').innerText({ timeout: 5_000 });
    const attributes = await frame
      .locator('[aria-label], [title], [placeholder], [alt], input, textarea')
      .evaluateAll((elements: RenderedElement[]) =>
        elements.flatMap((e) => [
          ...['aria-label', 'title', 'placeholder', 'alt'].map((name) => e.getAttribute(name) ?? ''),
          typeof e.value === 'string' ? e.value : '',
        ]),
      );
    return [body, ...attributes.filter((a) => a !== '')].join('\n');
  } catch {
    return ''; // a frame navigating away or detached has nothing on screen
  }
}

/** The shown text of the host page and each of its frames, labelled by where it was read. */
export async function shownTexts(page: Page): Promise<Array<{ where: string; text: string }>> {
  const out: Array<{ where: string; text: string }> = [];
  for (const frame of page.frames()) {
    const key =
      frame === page.mainFrame()
        ? 'page'
        : (new URL(frame.url(), 'http://x').searchParams.get('moduleKey') ?? frame.url());
    out.push({ where: key, text: await frameText(frame) });
  }
  return out;
}

/** Findings on the page and in its frames, each prefixed with where it was read (empty when clean). */
export async function pageLeaks(page: Page, knownIds: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (const { where, text } of await shownTexts(page)) {
    for (const leak of leaksIn(text, knownIds))
      out.push(`${where}: ${leak.kind} "${leak.found}" in "…${leak.context}…"`);
  }
  return out;
}
