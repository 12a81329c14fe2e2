/**
 * Closing (itr-process.md §5–6): return visits (page `itr-return-visits`, resolver
 * `return-visits-resolver`) and the root-cause section of the issue panel (`issue-panel-resolver`).
 */

export type VisitReason = 'complaint' | 'topGrade' | 'sampled';

export interface ReturnVisit {
  issueId: string;
  issueKey: string;
  reason: VisitReason;
  kind: string | null;
  grade: string | null;
  resolvedAt: string;
  /** The internal view at resolution (status and resolution), kept beside the customer's. */
  internalView: string;
  status: 'open' | 'done';
  satisfaction: 1 | 2 | 3 | 4 | 5 | null;
  resolvedInCustomersView: boolean | null;
  customerWords: string | null;
  /** The customer's view differs from the internal one (flagged; the internal view stands). */
  viewsDiffer: boolean | null;
  visitedBy: string | null;
  visitedAt: string | null;
}

export type ReturnVisitSettingsDto = {
  /** 0–100. */
  sampleRatePercent: number;
  alwaysGrades: string[];
  supervisorGroups: string[];
};

export interface FallbackChangeDto {
  accountIds: string[];
  by: string;
  at: string;
  reason: string;
}

export interface ClosureAdminState {
  settings: ReturnVisitSettingsDto;
  settingsRevision: number;
  fallbackAccountIds: string[];
  fallbackHistory: FallbackChangeDto[];
  fallbackRevision: number;
  /** accountId → display name for the fallback closers and the people in their history; ids Jira no longer knows are absent ("Unknown user"). */
  displayNames: Record<string, string>;
  /** What the app last published in the `itr-close` app property (undefined: never). */
  published: {
    submitter: string;
    visitOpen: string;
    rootCause: string;
    classification: string;
    fallback: string[];
  } | null;
}

export interface ReturnVisitsFunctions {
  listReturnVisits: { payload: { status: 'open' | 'done' }; result: { visits: ReturnVisit[]; isAdmin: boolean } };
  recordReturnVisit: {
    payload: { issueId: string; satisfaction: number; resolvedInCustomersView: boolean; customerWords: string };
    result: ReturnVisit;
  };
  getClosureAdmin: { payload: Record<string, never>; result: ClosureAdminState };
  saveReturnVisitSettings: {
    payload: ReturnVisitSettingsDto & { expectedRevision: number };
    result: ClosureAdminState;
  };
  setFallbackClosers: {
    payload: { accountIds: string[]; reason: string; expectedRevision: number };
    result: ClosureAdminState;
  };
  publishCloseProperty: { payload: Record<string, never>; result: ClosureAdminState };
}

export type AttributionCategory = 'customer' | 'fate' | 'attitude';

export interface RootCauseDraftDto {
  whys: string[];
  rootCause: string;
  shortTermMeasure: string;
  longTermMeasure: string;
  technicalZero: string;
  managementZero: string;
  overrideReason?: string;
}

export interface RootCauseState {
  issueKey: string;
  /** `problem` needs a complete root cause to be resolved; `requirement` does not. */
  classification: string | null;
  draft: RootCauseDraftDto | null;
  complete: boolean;
  issues: Array<{ code: string; path: string }>;
  flags: Array<{ category: AttributionCategory; phrase: string }>;
  overridden: boolean;
  savedBy: string | null;
  savedAt: string | null;
  /** Number of saved versions (the history). */
  versions: number;
  canEdit: boolean;
}

export interface RootCauseFunctions {
  getRootCause: { payload: { issueKey: string }; result: RootCauseState };
  saveRootCause: { payload: { issueKey: string; draft: RootCauseDraftDto }; result: RootCauseState };
}
