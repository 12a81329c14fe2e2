/**
 * The grading answers as stored in the `itr-grading-answers` app field: one string of
 * `dimension=option` pairs joined by `;`, sorted by dimension id, e.g.
 * `businessImpact=outage;customerTier=standard;duration=h1to4`.
 *
 * Why a string and not a Forge `object` field: an object field is only searchable through a Jira
 * expression `formatter`, which cannot be checked offline. A Forge `string` field offers exact JQL
 * comparison only, no `~` (forge-docs: manifest-reference/modules/jira-custom-field, "Data types"), so
 * JQL finds whole answer sets: `"ITR grading answers" = "<encoded>"` or `IS [NOT] EMPTY`. The encoding is
 * stable (sorted keys), so equal answers always give the same text and the app can compare answers by
 * comparing strings. One answer alone (e.g. every `scope=large`) has no JQL of its own: search the
 * dimension's own field where there is one (customer tier), never the answers with `~`.
 */
import type { GradingAnswers } from '../../domain';

/** Ids the grading table uses for dimensions and options (validateGradingTable keeps them so). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeGradingAnswers(answers: GradingAnswers): string {
  return Object.keys(answers)
    .sort()
    .map((k) => `${k}=${answers[k] ?? ''}`)
    .join(';');
}

/** Parses the field's text; `null` for an empty field or text this encoding cannot have produced. */
export function decodeGradingAnswers(text: unknown): GradingAnswers | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const out: Record<string, string> = {};
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (at < 1 || !ID.test(key) || !ID.test(value) || Object.prototype.hasOwnProperty.call(out, key)) return null;
    out[key] = value;
  }
  return out;
}

/** Whether every id can be stored (an id with `;` or `=` would corrupt the encoding). */
export function encodableAnswers(answers: GradingAnswers): boolean {
  return Object.entries(answers).every(([k, v]) => ID.test(k) && ID.test(v));
}
