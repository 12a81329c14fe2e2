import type { LocalizedText } from './labels';
import type { Validated, ValidationIssue } from './validation';

/**
 * Problem or requirement (问题 / 需求). A problem is urgent (stop the loss now); a requirement is
 * important but not urgent (weigh cost and value first). Misfiling either way is a known abuse, so
 * the rule is explicit, its reason is a stable code, and deviations must be justified and recorded.
 */
export const CLASSIFICATIONS = ['problem', 'requirement'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, LocalizedText>> = {
  problem: { en: 'Problem', 'zh-CN': '问题' },
  requirement: { en: 'Requirement', 'zh-CN': '需求' },
};

/** What the triage role establishes before classifying; each answer is a yes/no the record keeps. */
export interface ClassificationFacts {
  /** The product or service fails to do what its specification (including warranty terms) promises. */
  failsWithinSpecification: boolean;
  /** The contract or an agreed process (delivery, support, commercial) was not followed. */
  contractOrProcessNotFollowed: boolean;
  /** Not in the written specification, but users' habits or industry norms expect it. */
  expectedByUserHabitOrIndustryNorm: boolean;
}

/** Stable reason codes, in the order the rule checks them (the first that holds wins). */
export const ClassificationReason = {
  FailsWithinSpecification: 'CLASSIFICATION_FAILS_WITHIN_SPECIFICATION',
  ContractOrProcessNotFollowed: 'CLASSIFICATION_CONTRACT_OR_PROCESS_NOT_FOLLOWED',
  ExpectedByUserHabitOrIndustryNorm: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM',
  OutsideSpecification: 'CLASSIFICATION_OUTSIDE_SPECIFICATION',
} as const;
export type ClassificationReason = (typeof ClassificationReason)[keyof typeof ClassificationReason];

export interface ClassificationResult {
  classification: Classification;
  reason: ClassificationReason;
}

/**
 * The classification rule. Anything not caught as a problem is outside the specification and
 * therefore a requirement (new scenario, out of warranty, customer wants more).
 *
 * @example classify({ failsWithinSpecification: false, contractOrProcessNotFollowed: false,
 *   expectedByUserHabitOrIndustryNorm: true }) // { classification: 'problem', reason: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM' }
 */
export function classify(facts: ClassificationFacts): ClassificationResult {
  if (facts.failsWithinSpecification) {
    return { classification: 'problem', reason: ClassificationReason.FailsWithinSpecification };
  }
  if (facts.contractOrProcessNotFollowed) {
    return { classification: 'problem', reason: ClassificationReason.ContractOrProcessNotFollowed };
  }
  // Special case: handled as a problem so that it is fixed fast, although no document promised it.
  if (facts.expectedByUserHabitOrIndustryNorm) {
    return { classification: 'problem', reason: ClassificationReason.ExpectedByUserHabitOrIndustryNorm };
  }
  return { classification: 'requirement', reason: ClassificationReason.OutsideSpecification };
}

export const ClassificationErrorCode = {
  DecidedByRequired: 'CLASSIFICATION_DECIDED_BY_REQUIRED',
  JustificationRequired: 'CLASSIFICATION_JUSTIFICATION_REQUIRED',
} as const;

export type ClassificationErrorCode = (typeof ClassificationErrorCode)[keyof typeof ClassificationErrorCode];

/** Reason recorded when a person overrode the rule (never returned by `classify`). */
export const CLASSIFICATION_CHOSEN_AGAINST_RULE = 'CLASSIFICATION_CHOSEN_AGAINST_RULE';

/** What gets stored: who classified, when, on which facts, and any deviation from the rule. */
export interface ClassificationRecord {
  classification: Classification;
  reason: ClassificationReason | typeof CLASSIFICATION_CHOSEN_AGAINST_RULE;
  facts: ClassificationFacts;
  /** Account id of the person who set the classification. */
  decidedBy: string;
  decidedAt: Date;
  /** Present only when the person chose against the rule; the rule's answer stays visible. */
  deviation?: { ruleSays: ClassificationResult; justification: string };
}

export interface ClassificationDecisionInput {
  facts: ClassificationFacts;
  decidedBy: string;
  decidedAt: Date;
  /** What the person chose; omitted means "follow the rule". */
  chosen?: Classification;
  justification?: string;
}

/**
 * Builds the auditable record. Choosing against the rule is allowed (the rule cannot foresee every
 * case) but needs a written justification, so misfiling to dodge work leaves a trace.
 */
export function recordClassification(input: ClassificationDecisionInput): Validated<ClassificationRecord> {
  const issues: ValidationIssue[] = [];
  if (input.decidedBy.trim() === '') {
    issues.push({
      code: ClassificationErrorCode.DecidedByRequired,
      path: 'decidedBy',
      message: 'Who classified the issue is required.',
    });
  }
  const rule = classify(input.facts);
  const deviates = input.chosen !== undefined && input.chosen !== rule.classification;
  const justification = input.justification?.trim() ?? '';
  if (deviates && justification === '') {
    issues.push({
      code: ClassificationErrorCode.JustificationRequired,
      path: 'justification',
      message: `Choosing "${input.chosen ?? ''}" against the rule ("${rule.classification}") needs a justification.`,
      params: { chosen: input.chosen ?? '', ruleSays: rule.classification },
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const base = { facts: { ...input.facts }, decidedBy: input.decidedBy, decidedAt: input.decidedAt };
  if (deviates && input.chosen !== undefined) {
    // The rule's answer is kept beside the choice: the difference is what an auditor looks for.
    return {
      ok: true,
      value: {
        ...base,
        classification: input.chosen,
        reason: CLASSIFICATION_CHOSEN_AGAINST_RULE,
        deviation: { ruleSays: rule, justification },
      },
    };
  }
  return { ok: true, value: { ...base, ...rule } };
}
