/**
 * The classification rule, mirrored for the live suggestion on the form (static/ may not import backend
 * code at run time). It must stay equal to `classify` in src/domain/classification.ts:
 * test/static/triageRule.test.ts checks both on every combination of facts. The server decides anyway;
 * this only tells the triage role, before saving, what the rule says and why.
 */
import type { ClassificationFacts } from '../../../src/domain';
import type { ClassificationId } from '../../../src/contract/triage';

export type RuleReason =
  | 'CLASSIFICATION_FAILS_WITHIN_SPECIFICATION'
  | 'CLASSIFICATION_CONTRACT_OR_PROCESS_NOT_FOLLOWED'
  | 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM'
  | 'CLASSIFICATION_OUTSIDE_SPECIFICATION';

export const FACT_KEYS = ['failsWithinSpecification', 'contractOrProcessNotFollowed', 'expectedByUserHabitOrIndustryNorm'] as const;

export function suggestClassification(facts: ClassificationFacts): { classification: ClassificationId; reason: RuleReason } {
  if (facts.failsWithinSpecification) return { classification: 'problem', reason: 'CLASSIFICATION_FAILS_WITHIN_SPECIFICATION' };
  if (facts.contractOrProcessNotFollowed) return { classification: 'problem', reason: 'CLASSIFICATION_CONTRACT_OR_PROCESS_NOT_FOLLOWED' };
  // Special case: outside the written spec but expected by users' habits → a problem, so it is fixed fast.
  if (facts.expectedByUserHabitOrIndustryNorm) return { classification: 'problem', reason: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM' };
  return { classification: 'requirement', reason: 'CLASSIFICATION_OUTSIDE_SPECIFICATION' };
}
