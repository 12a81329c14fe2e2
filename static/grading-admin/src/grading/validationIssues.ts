import type { ValidationIssue } from '../../../../src/contract/gradingAdmin';
import type { ApiError } from '../../../shared/api';

/** Wait after the last keystroke before asking the server to validate and preview; ms, default 400. */
export const VALIDATE_DEBOUNCE_MS = 400;

/** Server-side validation problems from a failed envelope (first error = GRADING_DRAFT_INVALID). */
export function issuesOf(error: ApiError): ValidationIssue[] | null {
  if (error.code !== 'GRADING_DRAFT_INVALID') return null;
  return error.errors
    .slice(1)
    .map((e) => ({ code: e.code, path: e.path ?? '', message: e.message, ...(e.params ? { params: e.params } : {}) }));
}
