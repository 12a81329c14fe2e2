/**
 * Decisions that are not one person's, as the issue panel, the admin page and supervision see them
 * (src/app/decisions): the iron triangle (铁三角), cost approval, clarification with the submitter.
 * Times are ISO instants (the page shows them in the viewer's zone); people by name.
 */
import type { PersonName } from './people';

export type DecisionRoleId = 'sales' | 'technical' | 'delivery' | 'finance' | 'procurement';
export type DecisionReasonId = 'grade' | 'crossDepartment';
export type DecisionStatusId = 'pending' | 'agreed' | 'objected';
export type CostKindId = 'onSiteVisit' | 'replacementPart' | 'credit';
export type CostStatusId = 'pending' | 'approved' | 'refused' | 'done';
export type CostMoveId = 'approve' | 'refuse' | 'markDone';

export interface SignOffView {
  role: DecisionRoleId;
  level: 1 | 2 | 3;
  verdict: 'agree' | 'object';
  note: string;
  by: PersonName;
  at: string;
}

export interface IronTriangleView {
  /** Why the admin's rule asks for a collective decision here (empty: it does not). */
  reasons: DecisionReasonId[];
  decision: {
    proposal: string;
    money: boolean;
    openedBy: PersonName;
    openedAt: string;
    status: DecisionStatusId;
    agreedRoles: DecisionRoleId[];
    rolesMissing: number;
    moneyRoleMissing: boolean;
    highestLevel: number;
    agreedAt: string | null;
    qualityInformedAt: string | null;
    signOffs: SignOffView[];
  } | null;
  /** The roles the viewer may sign for (from the admin's groups, as Jira reports the viewer's). */
  viewerRoles: DecisionRoleId[];
}

export interface CostActionView {
  id: string;
  kind: CostKindId;
  amountMinor: number;
  currency: string;
  description: string;
  status: CostStatusId;
  requestedBy: PersonName;
  requestedAt: string;
  decidedBy: PersonName | null;
  decidedAt: string | null;
  decisionNote: string | null;
  doneBy: PersonName | null;
  doneAt: string | null;
}

export interface ClarificationView {
  id: string;
  question: string;
  askedBy: PersonName;
  askedAt: string;
  submitter: PersonName;
  answer: string | null;
  answeredBy: PersonName | null;
  answeredAt: string | null;
  answeredVia: 'panel' | 'comment' | null;
}

export interface DecisionsView {
  issueKey: string;
  ironTriangle: IronTriangleView;
  costs: { items: CostActionView[]; viewerMayApprove: boolean };
  clarification: {
    items: ClarificationView[];
    /** The submitter as the app recorded them (null: none recorded, nobody can be asked). */
    submitter: PersonName | null;
    viewerIsSubmitter: boolean;
  };
}

export interface DecisionSettingsView {
  grades: string[];
  crossDepartment: boolean;
  roleGroups: Record<DecisionRoleId, string[]>;
  qualityGroup: string | null;
  costApproverGroups: string[];
}

export interface CostTotalsView {
  count: number;
  amountByCurrency: Record<string, number>;
}

/** Supervision's cost figures: count and amount per status (amounts stay apart by currency). */
export type CostSummaryView = Record<CostStatusId, CostTotalsView>;

export type OpenDecisionPayload = { issueKey: string; proposal: string; money: boolean };
export type SignDecisionPayload = {
  issueKey: string;
  role: DecisionRoleId;
  level: 1 | 2 | 3;
  verdict: 'agree' | 'object';
  note: string;
};
export type RequestCostPayload = {
  issueKey: string;
  kind: CostKindId;
  amountMinor: number;
  currency: string;
  description: string;
};
export type MoveCostPayload = { issueKey: string; costId: string; move: CostMoveId; note: string };

export interface DecisionFunctions {
  getDecisions: { payload: { issueKey: string }; result: DecisionsView };
  openDecision: { payload: OpenDecisionPayload; result: DecisionsView };
  signDecision: { payload: SignDecisionPayload; result: DecisionsView };
  requestCost: { payload: RequestCostPayload; result: DecisionsView };
  moveCost: { payload: MoveCostPayload; result: DecisionsView };
  askSubmitter: { payload: { issueKey: string; question: string }; result: DecisionsView };
  answerSubmitter: { payload: { issueKey: string; answer: string }; result: DecisionsView };
}

/** What the admin's Decisions form loads and a save answers (the shape of the other settings tabs). */
export interface DecisionSettingsState {
  settings: DecisionSettingsView;
  /** 0 = never saved (defaults shown). */
  revision: number;
  /** No people are named in these settings; kept for the settings form's shape. */
  displayNames: Record<string, string>;
  /** The grades of the published grading table, in its order, with their names. */
  gradeOptions: Array<{ id: string; label: { en: string; 'zh-CN': string } }>;
}

export interface DecisionAdminFunctions {
  getDecisionSettings: { payload: Record<string, never>; result: DecisionSettingsState };
  saveDecisionSettings: {
    payload: { settings: DecisionSettingsView; expectedRevision: number };
    result: DecisionSettingsState;
  };
}

export interface DecisionSupervisionFunctions {
  getCostSummary: { payload: Record<string, never>; result: CostSummaryView };
}
