/**
 * The case-library habit (查案例, 建案例; issue 17) shared with the Custom UI: what the issue panel shows
 * of the searches made for the issue and of the case decision at resolution, the functions behind it,
 * the supervision figures and the line targets the admin sets.
 */
import type { CaseDecisionKind } from '../domain/analytics/caseHabit';
import type { PersonName } from './people';

export type { CaseDecisionKind };
export { CASE_DECISIONS } from '../domain/analytics/caseHabit';

export interface CaseSearchView {
  by: PersonName;
  at: string;
  /** The text searched for, or the title of the suggested case that was judged. */
  query: string;
  source: 'search' | 'suggestion';
}

export interface CaseDecisionView {
  decision: CaseDecisionKind;
  /** The case added or improved (null for none); its title when the viewer may see it. */
  caseId: number | null;
  caseTitle: string | null;
  reason: string;
  by: PersonName;
  at: string;
}

export interface CaseHabitView {
  issueKey: string;
  /** The first search made for the issue, and the latest few (newest first). */
  firstSearch: CaseSearchView | null;
  latestSearches: CaseSearchView[];
  searchCount: number;
  /** When work started (acceptance or first line change); null while it has not. */
  workStartedAt: string | null;
  /** Whether the first search came before work started (false without a search). */
  searchedBeforeWork: boolean;
  /** The issue is done: the panel asks for the case decision. */
  resolved: boolean;
  decision: CaseDecisionView | null;
  /** Cases the decision may name: made from this issue (a new case) or used on it (a case to improve). */
  candidateCases: Array<{ id: number; title: string; relation: 'source' | 'usedOn' }>;
}

export type CaseDecisionRequest = {
  issueKey: string;
  decision: CaseDecisionKind;
  caseId?: number;
  reason?: string;
};

export interface CaseHabitFunctions {
  getCaseHabit: { payload: { issueKey: string }; result: CaseHabitView };
  saveCaseDecision: { payload: CaseDecisionRequest; result: CaseHabitView };
}

// ----- supervision --------------------------------------------------------------------------------

export interface HabitShareDto {
  key: string | null;
  /** A person's display name, or the department; null for a person Jira no longer knows. */
  label: string | null;
  issues: number;
  searchedBeforeWork: number;
  searchedShare: number | null;
  resolved: number;
  decisions: Record<CaseDecisionKind, number>;
  undecided: number;
}

export interface CaseHabitChart {
  person: HabitShareDto[];
  department: HabitShareDto[];
  /** The issues were more than the page reads at once: the figures cover the first ones only. */
  truncated: boolean;
}

export interface LineOutcomeChart {
  lines: Array<{
    line: string;
    ended: number;
    resolved: number;
    share: number | null;
    target: number;
    belowTarget: boolean;
  }>;
  periods: Array<{
    period: string;
    resolved: number;
    firstContact: number;
    firstContactShare: number | null;
    visited: number;
    satisfactionAvg: number | null;
  }>;
}

// ----- line targets (admin) ---------------------------------------------------------------------------

/** Each line's target share of resolution (0–1), by line id. */
export type LineTargets = Record<string, number>;

export interface LineTargetsState {
  targets: LineTargets;
  revision: number;
}

export interface LineTargetFunctions {
  getLineTargets: { payload: Record<string, never>; result: LineTargetsState };
  saveLineTargets: { payload: { targets: LineTargets; expectedRevision: number }; result: LineTargetsState };
}
