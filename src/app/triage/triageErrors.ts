/** Stable codes of triage input problems (the UI translates them), thrown as ItrError. Never rename, only add. */
export const TriageErrorCode = {
  InvalidKind: 'TRIAGE_INVALID_KIND',
  InvalidLine: 'TRIAGE_INVALID_LINE',
  InvalidWarranty: 'TRIAGE_INVALID_WARRANTY',
  InvalidText: 'TRIAGE_INVALID_TEXT',
  ReasonRequired: 'TRIAGE_REASON_REQUIRED',
  OwnerRequired: 'TRIAGE_OWNER_REQUIRED',
  IssueClosed: 'TRIAGE_ISSUE_CLOSED',
  NotOwner: 'TRIAGE_NOT_OWNER',
  /** The new owner is not an Atlassian account id (letters, digits, `:`, `_`, `-`; 1–128). */
  OwnerInvalid: 'TRIAGE_OWNER_INVALID',
  /** The new owner may not browse the issue (or Jira does not know them): it is not handed to them. */
  OwnerCannotBrowse: 'TRIAGE_OWNER_CANNOT_BROWSE',
  /**
   * Jira will not make the new owner the issue's assignee (no "Assignable user" in its project: 400
   * "cannot be assigned"): the owner field and the assignee never disagree, so nothing is written.
   */
  OwnerNotAssignable: 'TRIAGE_OWNER_NOT_ASSIGNABLE',
} as const;
