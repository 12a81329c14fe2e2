import { JiraError, JiraErrorCode } from '../../adapters/jira';
import type { ResolverError, ResolverResult } from '../../contract/envelope';
import { DomainError } from '../../domain';
import { NotAuthorizedError } from '../auth/authorization';
import { FieldsNotInstalledError } from '../fields/fieldIds';
import { toServerErrorCode } from '../../contract/errorCodes';

/** Stable codes of triage input problems (the UI translates them). Never rename, only add. */
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

/** One or more problems with what the user entered; nothing has been written. */
export class TriageInputError extends Error {
  constructor(readonly errors: ResolverError[]) {
    super(errors.map((e) => `${e.path ?? ''}: ${e.message}`).join('; '));
    this.name = 'TriageInputError';
  }
}

/** Turns the failures a triage use case may raise into the resolver envelope; rethrows the unexpected. */
export function toErrorResult(error: unknown, issueKey?: string): ResolverResult<never> {
  if (error instanceof TriageInputError) return { success: false, errors: error.errors };
  if (error instanceof NotAuthorizedError) {
    return {
      success: false,
      errors: [{ code: toServerErrorCode(error.code), message: error.message, params: { required: error.required } }],
    };
  }
  if (error instanceof JiraError && (error.code === JiraErrorCode.NotFound || error.code === JiraErrorCode.Forbidden)) {
    // Jira answers 404 for issues the caller may not browse: both read as "not found".
    return {
      success: false,
      errors: [{ code: 'ISSUE_NOT_FOUND', message: `Issue ${issueKey ?? ''} does not exist or you may not see it` }],
    };
  }
  if (error instanceof FieldsNotInstalledError || error instanceof DomainError) {
    return { success: false, errors: [{ code: toServerErrorCode(error.code), message: error.message }] };
  }
  throw error;
}
