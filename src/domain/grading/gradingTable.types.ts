import type { LocalizedText } from '../labels';
import type { GradeId, SlaByGrade } from '../sla/sla.types';
import type { RequirementTimes } from '../sla/timeRule';

export type { GradeId } from '../sla/sla.types';

export interface GradeDefinition {
  id: GradeId;
  label: LocalizedText;
}

/** One answer to a dimension's question. Every option is quantified: its label names explicit numbers. */
export interface GradingOption {
  id: string;
  label: LocalizedText;
  /** Integer (exact threshold comparisons); higher means worse for the customer. */
  score: number;
}

/** One question the triage role answers from the customer's point of view. */
export interface GradingDimension {
  id: string;
  label: LocalizedText;
  /** How to pick an option when several could apply (e.g. "the highest band any measure reaches"). */
  guidance?: LocalizedText;
  /** Integer ≥ 0; the dimension contributes weight × option score. */
  weight: number;
  /** Listed from most to least severe, the order the UI shows them in. */
  options: readonly GradingOption[];
}

/** Scores from `minScore` up to the next threshold get `grade`. Listed by ascending `minScore`. */
export interface ScoreThreshold {
  minScore: number;
  grade: GradeId;
}

/** Matches when the answer to `dimension` is one of `options`. */
export interface OverrideCondition {
  dimension: string;
  options: readonly string[];
}

/**
 * Overrides apply in the order listed, after the threshold rule. They only ever raise a grade, so they
 * can never leave a combination of answers without a grade.
 */
export type GradingOverride =
  /** Raises the grade to at least `grade` (e.g. political sensitivity → at least Major). */
  | { id: string; label: LocalizedText; kind: 'atLeast'; when: OverrideCondition; grade: GradeId }
  /** Raises the grade by `levels` (integer ≥ 1), stopping at the most severe grade. */
  | { id: string; label: LocalizedText; kind: 'raise'; when: OverrideCondition; levels: number };

/**
 * The admin-kept grading table: dimensions, the rule that turns answers into a grade, and each grade's
 * promise to the customer (SLA) with its split among the lines (OLA). Issues record the `version` they
 * were graded with, so a later edit never silently regrades them.
 */
export interface GradingTable {
  /** Integer ≥ 1, raised on every published change. */
  version: number;
  /** Listed from most to least severe; "raise one level" moves one place towards the start. */
  grades: readonly GradeDefinition[];
  dimensions: readonly GradingDimension[];
  thresholds: readonly ScoreThreshold[];
  overrides: readonly GradingOverride[];
  /** One SLA per grade: the problems' times (and everyone's when `requirementTimes` is absent). */
  sla: SlaByGrade;
  /** Requirements' own times and clock option (src/domain/sla/timeRule.ts); absent: same times as problems. */
  requirementTimes?: RequirementTimes;
}

/** Dimension id → option id. */
export type GradingAnswers = Readonly<Record<string, string>>;
