/**
 * A requirement's value assessments (src/app/requirement/assessment.ts), every version kept, the latest
 * in force. SQL: src/adapters/sql/requirementAssessmentRepository.ts.
 */
import type { ValueAssessment } from '../../domain';

export interface StoredAssessment extends ValueAssessment {
  /** The row's id (a hand-off records which assessment it carried). */
  id: number;
}

export interface RequirementAssessmentRepository {
  /** Every assessment of the issue, newest first. */
  assessmentsOf: (issueId: string) => Promise<StoredAssessment[]>;
  /** Records a new version; answers it with its id. */
  recordAssessment: (issueId: string, assessment: ValueAssessment) => Promise<StoredAssessment>;
}
