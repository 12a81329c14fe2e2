/**
 * Closing (itr-process.md §5–6): the return-visit queue (the global page `itr-home`'s "Return visits"
 * subpage, resolver `itr-home-resolver`), the closing settings (the admin page `itr-grading-admin`'s
 * "Closing" subpage, `grading-admin-resolver`) and the root-cause section of the issue panel
 * (`issue-panel-resolver`).
 */
import type { LocalizedText } from '../domain';

export type VisitReason = 'complaint' | 'topGrade' | 'sampled';

export interface ReturnVisit {
  issueId: string;
  issueKey: string;
  reason: VisitReason;
  kind: string | null;
  grade: string | null;
  resolvedAt: string;
  status: 'open' | 'done';
  satisfaction: 1 | 2 | 3 | 4 | 5 | null;
  resolvedInCustomersView: boolean | null;
  customerWords: string | null;
  /** The customer's view differs from the internal one (flagged; the internal view stands). */
  viewsDiffer: boolean | null;
  visitedBy: string | null;
  visitedAt: string | null;
}

/**
 * What Jira tells the viewer about a visited issue, read as the viewer when the queue is shown, so
 * names are in the viewer's language wherever the site translated them (status, resolution) and
 * nothing is shown of an issue the viewer may not browse.
 */
export interface VisitIssueDto {
  summary: string;
  /** The status as Jira names it for the viewer; `category` is Jira's status category key (the lozenge's colour). */
  status: { name: string; category: 'new' | 'indeterminate' | 'done' } | null;
  /** The resolution as Jira names it for the viewer; null when the issue has none. */
  resolution: string | null;
  /**
   * Whom to call: the issue's reporter (on a service project, the customer who asked), else the ITR
   * submitter; the name and email address as Jira shows them to the viewer (the email is null when the
   * person's profile hides it). Jira has no contact field of its own.
   */
  contact: { displayName: string; emailAddress: string | null } | null;
  /** The customer as triage recorded it: the tier (its label from the grading table), product and region. */
  customer: { tier: LocalizedText | null; product: string | null; region: string | null };
}

/** One row of the queue: the visit as the app keeps it, and the issue as the viewer sees it (null: not visible). */
export interface ReturnVisitRow extends ReturnVisit {
  issue: VisitIssueDto | null;
  /** Who recorded the visit, by the name Jira shows; null when open or Jira no longer knows the account. */
  visitedByName: string | null;
}

export interface ReturnVisitPage {
  /** Newest first: open visits by resolution time, recorded ones by when they were recorded. */
  visits: ReturnVisitRow[];
  /** Visits of this status in all. */
  total: number;
  /** How many newer visits come before this page. */
  offset: number;
  pageSize: number;
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
  /** The grading table's grades, to choose `alwaysGrades` from by name. */
  grades: Array<{ id: string; label: LocalizedText }>;
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

/** The queue (`itr-home`'s "Return visits" subpage), for the supervising role. */
export interface ReturnVisitsFunctions {
  listReturnVisits: { payload: { status: 'open' | 'done'; offset?: number }; result: ReturnVisitPage };
  recordReturnVisit: {
    payload: { issueId: string; satisfaction: number; resolvedInCustomersView: boolean; customerWords: string };
    result: ReturnVisit;
  };
}

/** The closing settings (`itr-grading-admin`'s "Closing" subpage), for Jira admins. */
export interface ClosureAdminFunctions {
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
