/** Small readers of raw Jira field values, shared by the use cases that read ITR issues. */

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Closed means done in Jira's terms: a resolution is set or the status is in the "done" category.
 * A closed issue keeps the grade it was closed with: nothing in the app regrades it.
 */
export function isClosed(fields: Record<string, unknown>): boolean {
  if (fields['resolution'] != null) return true;
  const status = fields['status'];
  const category = isRecord(status) ? status['statusCategory'] : undefined;
  return isRecord(category) && category['key'] === 'done';
}

/** Fields to ask for so that `isClosed` can decide. */
export const CLOSED_FIELDS = ['status', 'resolution'] as const;

/** JQL for "not closed" (matches `isClosed`'s first test; Jira sets a resolution when work is done). */
export const OPEN_JQL = 'resolution IS EMPTY';

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
