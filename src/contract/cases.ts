/**
 * Case library (案例库) types shared with the Custom UI: the case, search hits with the reasons they
 * matched, and the functions of `src/entry/caseLibraryFunctions.ts` (also callable from the issue panel).
 */

import type { CaseHabitView } from './caseHabit';

export type CaseStatus = 'draft' | 'published' | 'retired';
export const CASE_STATUSES: readonly CaseStatus[] = ['draft', 'published', 'retired'];

/** The editable content of a case. */
export interface CaseContent {
  title: string;
  symptom: string;
  product: string;
  productVersion: string;
  environment: string;
  rootCause: string;
  shortTermMeasure: string;
  longTermMeasure: string;
  /** `en` or `zh-CN`; guessed from the text when empty. */
  language: string;
  tags: string[];
  status: CaseStatus;
}

export interface CaseRecord extends CaseContent {
  id: number;
  revision: number;
  authorAccountId: string | null;
  sourceIssues: string[];
  usedOnIssues: string[];
  helpfulCount: number;
  notRelevantCount: number;
  usageCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseVersion {
  revision: number;
  authorAccountId: string | null;
  at: string;
  content: CaseContent;
}

/** A piece of displayed text; `hit` when it matched the query. */
export interface HighlightSegment {
  text: string;
  hit: boolean;
}

/**
 * A case found for a query. It carries no score: a score reflects term statistics over every case,
 * including those the caller may not see (SECURITY.md, "Case search statistics").
 */
export interface CaseHit {
  case: CaseRecord;
  /** The case's own words that matched, as written (never index stems or bigrams), most telling first. */
  matchedTerms: string[];
  highlights: { title: HighlightSegment[]; symptom: HighlightSegment[] };
}

export type CaseSearchRequest = {
  text: string;
  /** Default: published only. (Payloads are type aliases, not interfaces, so they fit the bridge's payload type.) */
  statuses?: CaseStatus[];
  product?: string;
  tag?: string;
  /** `en` or `zh-CN`. */
  language?: string;
  limit?: number;
  /**
   * The issue the search is made for: the search is recorded for it (issue 17). From a panel, its own
   * issue; from the case-library page, the issue the user works on (one they may browse).
   */
  issueKey?: string;
};

/** The issue the case-library page's searches are recorded for, as the caller sees it. */
export interface CaseSearchIssue {
  issueKey: string;
  summary: string;
  /** Whether the issue's first recorded search came before work started (the panel's rule). */
  searchedBeforeWork: boolean;
  searchCount: number;
}

export type CaseListRequest = {
  statuses?: CaseStatus[];
  product?: string;
  tag?: string;
  language?: string;
  limit?: number;
};

/** What `suggestCases` answers: the hits and what the panel needs to ask for a case at the end. */
export interface CaseSuggestions {
  issueKey: string;
  hits: CaseHit[];
  /** The issue has a resolution: the panel asks whether to add a case or improve the one that helped. */
  resolved: boolean;
  /** The issue's ITR product and grade (app fields) used in the query; null when unset. */
  product: string | null;
  grade: string | null;
  /** Cases already marked helpful on this issue (so the panel can offer to improve one). */
  helpedCaseIds: number[];
  /** The case-library habit on the issue (issue 17), read in the same round trip; absent from older answers. */
  habit?: CaseHabitView;
}

export interface CaseLibraryFunctions {
  searchCases: { payload: CaseSearchRequest; result: CaseHit[] };
  listCases: { payload: CaseListRequest; result: CaseRecord[] };
  suggestCases: { payload: { issueKey: string; limit?: number }; result: CaseSuggestions };
  getCase: { payload: { id: number }; result: { case: CaseRecord; history: CaseVersion[] } };
  saveCase: {
    payload: { id?: number; expectedRevision?: number; content: CaseContent; sourceIssues?: string[] };
    result: CaseRecord;
  };
  /** `confirm: true` required (CONFIRMATION_REQUIRED otherwise). */
  retireCase: { payload: { id: number; confirm: true }; result: CaseRecord };
  createCaseFromIssue: { payload: { issueKey: string }; result: CaseRecord };
  markCaseHelpful: { payload: { id: number; issueKey: string }; result: CaseRecord };
  markCaseNotRelevant: { payload: { id: number; issueKey: string }; result: CaseRecord };
  /**
   * The case-library page names the issue its searches are for: ISSUE_NOT_FOUND unless the caller may
   * browse it (asked of Jira as the caller), so nothing is recorded for an issue they cannot see.
   */
  getCaseSearchIssue: { payload: { issueKey: string }; result: CaseSearchIssue };
}
