/**
 * What each hand-off target received from an ITR issue. Only the app writes it, so the key it holds is
 * always an issue the app created. SQL: src/adapters/sql/handoffRepository.ts.
 */
import type { HandoffItem } from '../../contract/analytics';

export type HandoffTarget = HandoffItem['target'];

export interface HandoffRecordEntry {
  target: HandoffTarget;
  key: string;
  id: string;
  summary: string;
  by: string;
  at: Date;
  /** The requirement's value assessment the hand-off carried (requirement_assessment.id); absent: none. */
  assessmentId?: number;
}

export interface HandoffRepository {
  /** The hand-offs of one ITR issue, by target. */
  readHandoffs: (issueId: string) => Promise<Partial<Record<HandoffTarget, HandoffRecordEntry>>>;
  /** Records (or replaces, after the previous issue was deleted) what a target received. */
  recordHandoff: (issueId: string, entry: HandoffRecordEntry) => Promise<void>;
}
