/**
 * Return visits (回访, itr-process.md §6): which resolved issues get one, and whether the customer's view
 * differs from the internal one. Pure: the sampling "randomness" is a stable hash of the issue id, so
 * the same issue always gets the same decision (a duplicate event or a re-resolve cannot flip it).
 */

export interface ReturnVisitPolicy {
  /**
   * Percentage of the other resolved issues that get a visit. Range 0–100, default 20 (an admin
   * setting in KVS). 0 = only complaints and top grades; 100 = every issue.
   */
  sampleRatePercent: number;
  /** Grades that always get a visit; default `['critical']` (the top grade of the default table). */
  alwaysGrades: readonly string[];
}

export const DEFAULT_RETURN_VISIT_POLICY: ReturnVisitPolicy = { sampleRatePercent: 20, alwaysGrades: ['critical'] };

export type VisitReason = 'complaint' | 'topGrade' | 'sampled' | 'notSampled';

export interface VisitDecision {
  required: boolean;
  reason: VisitReason;
  /** The issue's bucket in [0, 10000): sampled when bucket < rate × 100. */
  bucket: number;
}

/** FNV-1a (32-bit) of the text: stable across runs, platforms and deploys; no randomness. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // FNV-1a's low bits mix poorly for short, similar inputs (consecutive issue ids): one extra avalanche round.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function validSampleRate(rate: unknown): rate is number {
  return typeof rate === 'number' && Number.isFinite(rate) && rate >= 0 && rate <= 100;
}

/**
 * Always for complaints and the always-grades; otherwise sampled by the issue id's hash.
 *
 * @example needsReturnVisit({ issueId: '10001', kind: 'complaint', grade: 'minor' }, DEFAULT_RETURN_VISIT_POLICY).required // true
 */
export function needsReturnVisit(
  issue: { issueId: string; kind: string | undefined; grade: string | undefined },
  policy: ReturnVisitPolicy,
): VisitDecision {
  const bucket = stableHash(`return-visit:${issue.issueId}`) % 10000;
  if (issue.kind === 'complaint') return { required: true, reason: 'complaint', bucket };
  if (issue.grade !== undefined && policy.alwaysGrades.includes(issue.grade))
    return { required: true, reason: 'topGrade', bucket };
  const sampled = bucket < Math.round(policy.sampleRatePercent * 100);
  return { required: sampled, reason: sampled ? 'sampled' : 'notSampled', bucket };
}

export type Satisfaction = 1 | 2 | 3 | 4 | 5;

export function isSatisfaction(v: unknown): v is Satisfaction {
  return v === 1 || v === 2 || v === 3 || v === 4 || v === 5;
}

/**
 * The internal view of a resolved issue is "resolved, customer satisfied". The customer's view differs
 * when they say it is not resolved, or rate satisfaction 2 or lower. Both are kept; the internal view
 * stands (§6) and the difference is flagged for supervision.
 */
export function viewsDiffer(customer: { satisfaction: Satisfaction; resolvedInCustomersView: boolean }): boolean {
  return !customer.resolvedInCustomersView || customer.satisfaction <= 2;
}
