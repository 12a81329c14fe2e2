import { STORED_LIMITS, tooLong } from '../storageLimits';
import type { Validated, ValidationIssue } from '../validation';

/**
 * A requirement's value assessment (itr-process §2: a requirement is important, not urgent: weigh cost
 * and value first). Before anyone commits to a requirement, someone records its expected value, its
 * cost and a decision with its reason; handing it to R&D (IPD) or to sales (LTC) carries the assessment.
 * `pending` is an assessment started (value and cost written) whose decision is not taken yet.
 */
export const ASSESSMENT_DECISIONS = ['pending', 'accept', 'decline', 'handToRnd', 'handToSales'] as const;
export type AssessmentDecision = (typeof ASSESSMENT_DECISIONS)[number];

export function isAssessmentDecision(v: unknown): v is AssessmentDecision {
  return typeof v === 'string' && (ASSESSMENT_DECISIONS as readonly string[]).includes(v);
}

/** The hand-off target a decision names, if any (matches src/app/ports/handoffs.ts targets). */
export function handoffTargetOf(decision: AssessmentDecision): 'rnd' | 'sales' | null {
  if (decision === 'handToRnd') return 'rnd';
  if (decision === 'handToSales') return 'sales';
  return null;
}

/** Stable codes; the UI translates by code. Never rename, only add. */
export const AssessmentErrorCode = {
  /** Expected value or cost left empty: the point of the assessment is to weigh them. */
  FieldRequired: 'ASSESSMENT_FIELD_REQUIRED',
  /** A decision other than `pending` needs its reason. */
  ReasonRequired: 'ASSESSMENT_REASON_REQUIRED',
  DecisionInvalid: 'ASSESSMENT_DECISION_INVALID',
  /** Only a requirement is assessed; a problem is handled at once (and a misfiled one is reclassified). */
  NotRequirement: 'ASSESSMENT_NOT_REQUIREMENT',
} as const;
export type AssessmentErrorCode = (typeof AssessmentErrorCode)[keyof typeof AssessmentErrorCode];

/** What a person submits. */
export interface AssessmentInput {
  expectedValue: string;
  cost: string;
  decision: AssessmentDecision;
  reason: string;
}

/** What is recorded: the input, trimmed, and who and when (`now` is an argument). */
export interface ValueAssessment extends AssessmentInput {
  assessedBy: string;
  assessedAt: Date;
}

/**
 * Checks a submitted assessment as a whole (every problem at once, each with its field), so the form
 * keeps what was typed and shows every error. Limits: STORED_LIMITS.assessmentText per text.
 *
 * @example validateAssessment({ expectedValue: '3 sites', cost: '20 days', decision: 'accept', reason: '' },
 *   'requirement') // { ok: false, issues: [{ code: 'ASSESSMENT_REASON_REQUIRED', path: 'reason', … }] }
 */
export function validateAssessment(input: AssessmentInput, classification: string | null): Validated<AssessmentInput> {
  const issues: ValidationIssue[] = [];
  if (classification !== 'requirement') {
    issues.push({
      code: AssessmentErrorCode.NotRequirement,
      path: 'classification',
      message: 'Only an issue classified as a requirement gets a value assessment.',
    });
  }
  if (!isAssessmentDecision(input.decision)) {
    issues.push({
      code: AssessmentErrorCode.DecisionInvalid,
      path: 'decision',
      message: `The decision must be one of ${ASSESSMENT_DECISIONS.join(', ')}.`,
    });
  }
  const max = STORED_LIMITS.assessmentText.max;
  const value = {
    expectedValue: input.expectedValue.trim(),
    cost: input.cost.trim(),
    decision: input.decision,
    reason: input.reason.trim(),
  };
  for (const field of ['expectedValue', 'cost'] as const) {
    if (value[field] === '') {
      issues.push({
        code: AssessmentErrorCode.FieldRequired,
        path: field,
        message: `${field} is required (1–${max} characters).`,
        params: { field, max },
      });
    }
  }
  if (value.decision !== 'pending' && value.reason === '') {
    issues.push({
      code: AssessmentErrorCode.ReasonRequired,
      path: 'reason',
      message: 'A decision needs its reason.',
      params: { max },
    });
  }
  for (const field of ['expectedValue', 'cost', 'reason'] as const) {
    const long = tooLong(value[field], 'assessmentText', field);
    if (long !== undefined) issues.push(long);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** What an assessment's change does to the requirement's clocks. */
export type AssessmentClockEffect = 'pause' | 'resume' | 'none';

/**
 * The pause rule. When the grading table says a requirement's clock stops while it is assessed
 * (`requirementTimes.pauseWhileAssessing`), starting an assessment (`pending`) pauses the clocks and
 * deciding resumes them. Resuming does not depend on the option: a pause the assessment opened ends
 * with it even if the admin turned the option off meanwhile. `before` is the last recorded decision
 * (null: none yet).
 */
export function assessmentClockEffect(input: {
  pauseWhileAssessing: boolean;
  classification: string | null;
  before: AssessmentDecision | null;
  after: AssessmentDecision;
}): AssessmentClockEffect {
  const wasPending = input.before === 'pending';
  const isPending = input.after === 'pending';
  if (wasPending && !isPending) return 'resume';
  if (!wasPending && isPending && input.pauseWhileAssessing && input.classification === 'requirement') return 'pause';
  return 'none';
}
