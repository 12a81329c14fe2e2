/**
 * Decisions that are not one person's (src/domain/decisions): the iron triangle's collective decision
 * and its sign-offs, actions that cost money and their approval, questions to the submitter. Only the
 * app writes them. SQL: src/adapters/sql/decisionRepository.ts.
 */
import type {
  CostKind,
  CostSummaryRow,
  CostStatus,
  DecisionLevel,
  DecisionRole,
  SignOffVerdict,
} from '../../domain/decisions';

export interface DecisionRecord {
  issueId: string;
  issueKey: string;
  proposal: string;
  money: boolean;
  openedBy: string;
  openedAt: Date;
  agreedAt: Date | null;
  qualityInformedAt: Date | null;
}

export interface SignOffRecord {
  role: DecisionRole;
  level: DecisionLevel;
  verdict: SignOffVerdict;
  note: string;
  by: string;
  at: Date;
}

export interface CostActionRecord {
  id: string;
  issueId: string;
  issueKey: string;
  kind: CostKind;
  amountMinor: number;
  currency: string;
  description: string;
  status: CostStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  doneBy: string | null;
  doneAt: Date | null;
}

export interface ClarificationRecord {
  id: string;
  issueId: string;
  question: string;
  askedBy: string;
  askedAt: Date;
  submitter: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  answeredVia: 'panel' | 'comment' | null;
}

export interface DecisionRepository {
  /** The issue's collective decision with its sign-offs (oldest first), if one was opened. */
  decisionOf: (issueId: string) => Promise<{ decision: DecisionRecord; signOffs: SignOffRecord[] } | undefined>;
  /** Opens the decision; false when one is already open (nothing changed). */
  openDecision: (d: DecisionRecord) => Promise<boolean>;
  addSignOff: (issueId: string, s: SignOffRecord) => Promise<void>;
  /** Marks the decision agreed at `at` once; false when it already was (so quality is told once). */
  markAgreed: (issueId: string, at: Date) => Promise<boolean>;
  markQualityInformed: (issueId: string, at: Date) => Promise<void>;

  costActionsOf: (issueId: string) => Promise<CostActionRecord[]>;
  /** Adds a pending action; answers its id. */
  requestCost: (
    r: Omit<CostActionRecord, 'id' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'doneBy' | 'doneAt'>,
  ) => Promise<string>;
  /**
   * Moves an action from `from` to `to` (only if it still is `from`: two approvers cannot both win);
   * false when it was not in `from` any more.
   */
  moveCost: (
    issueId: string,
    id: string,
    from: CostStatus,
    to: CostStatus,
    by: string,
    at: Date,
    note: string | null,
  ) => Promise<boolean>;
  /** Count and amount of the actions of these projects by status and currency (supervision's totals). */
  costSummary: (projectKeys: readonly string[]) => Promise<CostSummaryRow[]>;

  clarificationsOf: (issueId: string) => Promise<ClarificationRecord[]>;
  askClarification: (
    r: Omit<ClarificationRecord, 'id' | 'answer' | 'answeredBy' | 'answeredAt' | 'answeredVia'>,
  ) => Promise<string>;
  /** Records the answer of an open question; false when it was answered already. */
  answerClarification: (
    issueId: string,
    id: string,
    answer: { text: string; by: string; at: Date; via: 'panel' | 'comment' },
  ) => Promise<boolean>;
}
