/**
 * The triage page (`itr-triage`, functions in `src/entry/triageFunctions.ts`) and the recompute of open issues.
 *
 * Who may call what is decided on the server: triage functions need the triage role (a Jira group
 * configured in KVS, default `itr-triage`, or Jira admin); forwarding and escalating also suit the
 * issue's current owner; the recompute needs Jira admin. Refusals answer `NOT_AUTHORIZED`.
 * Bad input answers `{success:false}` with one error per problem, each with a `path` naming the
 * input (`answers.scope`, `kind`, `reason`) and a stable `code` the UI translates:
 *   TRIAGE_INVALID_KIND, TRIAGE_INVALID_LINE, TRIAGE_INVALID_WARRANTY, TRIAGE_REASON_REQUIRED,
 *   TRIAGE_OWNER_REQUIRED, TRIAGE_OWNER_INVALID, TRIAGE_OWNER_CANNOT_BROWSE, TRIAGE_OWNER_NOT_ASSIGNABLE, TRIAGE_ISSUE_CLOSED, GRADING_ANSWER_MISSING, GRADING_ANSWER_UNKNOWN_OPTION,
 *   GRADING_ANSWER_UNKNOWN_DIMENSION, GRADING_TABLE_INVALID (the table leaves the answers without a
 *   grade), CLASSIFICATION_JUSTIFICATION_REQUIRED, ISSUE_NOT_FOUND, INVALID_PAYLOAD.
 * Nothing is written unless every check passed.
 * Payloads are `type`s, not interfaces, so they fit the bridge's `Record<string, unknown>`.
 */
import type { ClassificationFacts, LocalizedText } from '../domain';
import type { GradeId, ItrKindId, SupportLineId } from './ids';
import type { JobFailure, JobStatus } from './jobs';

export type ClassificationId = 'problem' | 'requirement';
export type WarrantyId = 'in' | 'out';
export type AcceptanceState = 'awaiting' | 'accepted' | 'deemedAccepted';

/** The grading table in force, as the form needs it (labels in both languages). */
export interface TriageOptions {
  tableVersion: number;
  dimensions: Array<{
    id: string;
    label: LocalizedText;
    guidance: LocalizedText | null;
    options: Array<{ id: string; label: LocalizedText }>;
  }>;
  grades: Array<{ id: GradeId; label: LocalizedText }>;
}

export interface TriageListItem {
  issueId: string;
  issueKey: string;
  summary: string;
  created: string; // ISO instant
  kind: ItrKindId | null;
  classification: ClassificationId | null;
  grade: GradeId | null;
  line: SupportLineId | null;
  ownerAccountId: string | null;
  /** The owner's display name; null when there is no owner or Jira no longer knows the account. */
  ownerName: string | null;
  acceptance: AcceptanceState | null;
  /** When the owner is deemed to accept if it does not answer (dispatched issues only). */
  acceptBy: string | null;
}

export interface TriageListPage {
  items: TriageListItem[];
  nextPageToken: string | null;
  /**
   * Always empty now: timeout consent is applied by the scheduled sweep at the deadline, never by a read
   * (src/app/escalation/processResponse.ts). Kept so pages built against it still load.
   */
  deemedAccepted: string[];
}

export type TriageDecision = {
  issueKey: string;
  kind: ItrKindId;
  classification: {
    facts: ClassificationFacts;
    /** Omitted: follow the rule. Against the rule needs `justification`. */
    chosen?: ClassificationId;
    justification?: string;
  };
  /** Dimension id → option id, for every dimension of the table in force. */
  answers: Record<string, string>;
  /** Default L1. */
  line?: SupportLineId;
  /** Default: nobody yet (the line's queue). */
  ownerAccountId?: string;
  customerTier?: string;
  warranty?: WarrantyId;
  product?: string;
  region?: string;
};

export interface TriageResult {
  issueKey: string;
  kind: ItrKindId;
  classification: ClassificationId;
  classificationReason: string;
  grade: GradeId;
  tableVersion: number;
  line: SupportLineId;
  lineEnteredAt: string;
}

export type ReassignRequest = {
  issueKey: string;
  /** `forward`: to the owner believed responsible; `escalate`: to a supervisor. */
  mode: 'forward' | 'escalate';
  toAccountId: string;
  reason: string;
};

export interface ClassificationHistoryEntry {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  actorAccountId: string;
  /** The actor's display name; null when Jira does not know the account (or the app acted by rule: `itr-app`). */
  actorName: string | null;
  /** For `owner` changes: display names of the old and new owner (null when none or unknown); null for other fields. */
  oldValueName: string | null;
  newValueName: string | null;
  at: string; // ISO instant
}

/** The selected issue as triage reads it before deciding: what was reported, by whom, when. */
export interface TriageIssueDetail {
  issueKey: string;
  summary: string;
  /** The description as plain text (Jira's rich text flattened, never HTML); '' when there is none. */
  description: string;
  /** Who submitted it (the ITR submitter, else Jira's reporter), by display name; null when unknown. */
  submitterName: string | null;
  created: string; // ISO instant
}

export type TriagePreviewRequest = {
  issueKey: string;
  /** Dimension id → option id, for every dimension of the table in force. */
  answers: Record<string, string>;
  /** Default L1. */
  line?: SupportLineId;
  /**
   * The classification the form would record (the rule's or the one chosen): with the grade it picks the
   * time rule. Absent: the issue's own (an issue nobody classified runs on the problem times).
   */
  classification?: ClassificationId;
};

/**
 * What saving these answers on this line would give the issue, computed as `triageIssue` computes it
 * (the grading table in force, the grade's and the line's calendars, waiting-for-customer pauses), from
 * now; nothing is written.
 */
export interface TriagePreview {
  grade: GradeId;
  tableVersion: number;
  /** The time rule the clocks below run on: `requirement` when the table gives the grade requirement times. */
  timeRule: 'problem' | 'requirement';
  /** The customer's response clock, from the issue's creation; null when it would not run (no creation time). */
  response: { dueAt: string | null; warnAt: string | null } | null;
  line: SupportLineId;
  /** True: the issue enters the line on saving (its clock starts then); false: it stays, its clock keeps running. */
  entersLine: boolean;
  /** When the line's clock starts (ISO): now when it enters the line, else when it entered it. */
  lineStartAt: string;
  /** Null while a waiting-for-customer pause stops the clock. */
  lineDueAt: string | null;
  lineWarnAt: string | null;
}

export interface RegradeProgress {
  jobId: string;
  status: JobStatus;
  /** Why the job stopped, when `status` is `failed`. */
  failure?: JobFailure;
  tableVersion: number;
  total: number;
  batches: number;
  batchesDone: number;
  processed: number;
  regraded: number;
  unchanged: number;
  skippedClosed: number;
  skippedInvalid: number;
  startedAt: string;
  startedBy: string;
}

export interface TriageFunctions {
  getTriageOptions: { payload: Record<string, never>; result: TriageOptions };
  listTriage: { payload: { pageToken?: string }; result: TriageListPage };
  triageIssue: { payload: TriageDecision; result: TriageResult };
  reassignIssue: { payload: ReassignRequest; result: { issueKey: string; ownerAccountId: string; acceptBy: string } };
  acceptIssue: { payload: { issueKey: string }; result: { issueKey: string; acceptance: AcceptanceState } };
  getClassificationHistory: { payload: { issueKey: string }; result: ClassificationHistoryEntry[] };
  getTriageIssue: { payload: { issueKey: string }; result: TriageIssueDetail };
  previewTriage: { payload: TriagePreviewRequest; result: TriagePreview };
  /** `confirm: true` required (CONFIRMATION_REQUIRED otherwise): it rewrites every open issue's grade. */
  startRegrade: { payload: { confirm: true }; result: RegradeProgress };
  getRegradeProgress: { payload: { jobId?: string }; result: RegradeProgress | null };
}
