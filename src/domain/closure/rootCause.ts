/**
 * Root cause and measures (itr-process.md §5): the 5 Whys chain (as long as needed), the root cause
 * found inside the company (归因于内), the short-term measure (灭火), the long-term measure (防火) and
 * the two zeros (technical / management). Root causes that blame the customer, fate or a person's
 * attitude are flagged and asked again; the author may override with a reason, which is kept.
 */
import { ROOT_CAUSE_CHECK } from '../storageLimits';

export type AttributionCategory = 'customer' | 'fate' | 'attitude';

/**
 * Phrases that put the cause outside the company's process. Matched case-insensitively as substrings
 * (Chinese has no word boundaries). Kept short and specific: a false flag costs the author one reason.
 */
export const EXTERNAL_ATTRIBUTION_PHRASES: Readonly<Record<AttributionCategory, readonly string[]>> = {
  customer: [
    'customer misuse',
    'customer error',
    'customer fault',
    "customer's fault",
    'user error',
    'user misuse',
    'misused by the customer',
    'the customer did',
    'customer did not',
    "customer didn't",
    'operator error',
    '客户',
    '用户误操作',
    '用户操作不当',
    '用户原因',
    '误操作',
  ],
  fate: [
    'bad luck',
    'unlucky',
    'act of god',
    'fate',
    'by chance',
    'coincidence',
    'force majeure',
    '运气',
    '倒霉',
    '天意',
    '偶然',
    '不可抗力',
    '碰巧',
  ],
  attitude: [
    'careless',
    'carelessness',
    'negligent',
    'negligence',
    'lazy',
    'attitude',
    'not careful',
    'did not pay attention',
    'irresponsible',
    'human error',
    '态度',
    '粗心',
    '马虎',
    '疏忽',
    '不认真',
    '不负责任',
    '责任心',
  ],
};

export interface AttributionFlag {
  category: AttributionCategory;
  /** The phrase found, as listed. */
  phrase: string;
}

/** Flags, one per category (first phrase found), in category order. */
export function flagExternalAttribution(text: string): AttributionFlag[] {
  const lower = text.toLowerCase();
  const flags: AttributionFlag[] = [];
  for (const category of ['customer', 'fate', 'attitude'] as const) {
    const phrase = EXTERNAL_ATTRIBUTION_PHRASES[category].find((p) => lower.includes(p.toLowerCase()));
    if (phrase !== undefined) flags.push({ category, phrase });
  }
  return flags;
}

export interface RootCauseDraft {
  /** Each why answers the one before; at least one, no upper bound besides `ROOT_CAUSE_LIMITS`. */
  whys: string[];
  rootCause: string;
  shortTermMeasure: string;
  longTermMeasure: string;
  technicalZero: string;
  managementZero: string;
  /** The author's reason to keep a flagged root cause; undefined when none was given. */
  overrideReason?: string | undefined;
}

/** Length limits (characters) of a complete root cause: from the one source of limits (storageLimits.ts). */
export const ROOT_CAUSE_LIMITS = ROOT_CAUSE_CHECK;

export type RootCauseIssueCode =
  | 'ROOT_CAUSE_WHY_REQUIRED'
  | 'ROOT_CAUSE_WHY_EMPTY'
  | 'ROOT_CAUSE_TOO_MANY_WHYS'
  | 'ROOT_CAUSE_FIELD_REQUIRED'
  | 'ROOT_CAUSE_TOO_LONG'
  | 'ROOT_CAUSE_EXTERNAL';

export interface RootCauseIssue {
  code: RootCauseIssueCode;
  /** `whys.2`, `rootCause`, … */
  path: string;
}

export interface RootCauseCheck {
  /** Every part present, and no unexplained external attribution: the Resolve validator's 'yes'. */
  complete: boolean;
  /** What is missing or too long: the draft may be saved anyway (nothing typed is lost). */
  issues: RootCauseIssue[];
  /** External attributions in the root cause (and the last why, which should say the same). */
  flags: AttributionFlag[];
  /** Flags exist and an override reason was given. */
  overridden: boolean;
}

const REQUIRED_TEXT = ['rootCause', 'shortTermMeasure', 'longTermMeasure', 'technicalZero', 'managementZero'] as const;

export function checkRootCause(draft: RootCauseDraft): RootCauseCheck {
  const issues: RootCauseIssue[] = [];
  const whys = draft.whys;
  if (whys.length === 0) issues.push({ code: 'ROOT_CAUSE_WHY_REQUIRED', path: 'whys' });
  if (whys.length > ROOT_CAUSE_LIMITS.whys) issues.push({ code: 'ROOT_CAUSE_TOO_MANY_WHYS', path: 'whys' });
  whys.forEach((w, i) => {
    // A gap in the chain is a skipped step (§5: no skipped steps).
    if (w.trim() === '') issues.push({ code: 'ROOT_CAUSE_WHY_EMPTY', path: `whys.${i}` });
    if (w.length > ROOT_CAUSE_LIMITS.text) issues.push({ code: 'ROOT_CAUSE_TOO_LONG', path: `whys.${i}` });
  });
  for (const name of REQUIRED_TEXT) {
    const v = draft[name];
    if (v.trim() === '') issues.push({ code: 'ROOT_CAUSE_FIELD_REQUIRED', path: name });
    if (v.length > ROOT_CAUSE_LIMITS.text) issues.push({ code: 'ROOT_CAUSE_TOO_LONG', path: name });
  }
  const reason = draft.overrideReason?.trim() ?? '';
  if (reason.length > ROOT_CAUSE_LIMITS.overrideReason)
    issues.push({ code: 'ROOT_CAUSE_TOO_LONG', path: 'overrideReason' });
  const flags = flagExternalAttribution(draft.rootCause);
  const overridden = flags.length > 0 && reason !== '';
  if (flags.length > 0 && !overridden) issues.push({ code: 'ROOT_CAUSE_EXTERNAL', path: 'rootCause' });
  return { complete: issues.length === 0, issues, flags, overridden };
}
