/** Small readers of raw Jira field values, shared by the use cases that read ITR issues. */
import { isIssueDone, OPEN_ISSUE_JQL } from '../../domain/issueDone';
import { isRecord } from '../../domain/input';

/** The status category key of a raw `status` field value (`status.statusCategory.key`). */
export function statusCategoryOf(status: unknown): string | undefined {
  const category = isRecord(status) ? status['statusCategory'] : undefined;
  return isRecord(category) && typeof category['key'] === 'string' ? category['key'] : undefined;
}

/**
 * Closed means done in Jira's terms (`isIssueDone`): a resolution is set or the status is in the
 * Done category. A closed issue keeps the grade it was closed with: nothing in the app regrades it.
 */
export function isClosed(fields: Record<string, unknown>): boolean {
  return isIssueDone({ resolved: fields['resolution'] != null, statusCategory: statusCategoryOf(fields['status']) });
}

/** Fields to ask for so that `isClosed` can decide. */
export const CLOSED_FIELDS = ['status', 'resolution'] as const;

/** JQL for "not closed" (the negation of `isClosed`). */
export const OPEN_JQL = OPEN_ISSUE_JQL;

export function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function accountIdOf(value: unknown): string | null {
  return isRecord(value) && typeof value['accountId'] === 'string' ? value['accountId'] : null;
}

/** `cf[10100]` for `customfield_10100`: the JQL name that does not depend on the field's display name. */
export function jqlField(fieldId: string): string {
  const m = /^customfield_(\d+)$/.exec(fieldId);
  return m ? `cf[${m[1]}]` : fieldId;
}
