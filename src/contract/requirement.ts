/**
 * A requirement's value assessment (src/app/requirement/assessment.ts), shown and edited in the issue
 * panel: expected value, cost, decision with its reason, who and when.
 */
import type { AssessmentDecision } from '../domain';
import type { PersonName } from './people';

export type { AssessmentDecision };

export interface AssessmentView {
  id: number;
  expectedValue: string;
  cost: string;
  decision: AssessmentDecision;
  reason: string;
  assessedBy: PersonName;
  assessedAt: string; // ISO instant
}

export interface RequirementAssessmentState {
  issueKey: string;
  /** Only a requirement is assessed; null before triage classifies the issue. */
  classification: 'problem' | 'requirement' | null;
  /** The assessment in force (the newest), null when none was recorded. */
  current: AssessmentView | null;
  /** Every earlier version, newest first (the current one excluded). */
  history: AssessmentView[];
  /** The grading table stops a requirement's clocks while its assessment is pending. */
  pausesWhileAssessing: boolean;
}

export interface AssessmentPayload {
  expectedValue: string;
  cost: string;
  decision: AssessmentDecision;
  reason: string;
}

export interface RequirementFunctions {
  getAssessment: { payload: { issueKey: string }; result: RequirementAssessmentState };
  saveAssessment: { payload: { issueKey: string; assessment: AssessmentPayload }; result: RequirementAssessmentState };
}
