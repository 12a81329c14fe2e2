import type { AppFieldValueUpdate } from '../../adapters/jira';

/**
 * Collects app-field writes for many issues and sends them as ONE bulk request
 * (`POST /rest/api/3/app/field/value`): issues getting the same value in the same field share one
 * update entry, so 100 issues moving L1 → L2 cost one entry for the line, not 100.
 */
export class FieldWrites {
  private readonly groups = new Map<string, { fieldId: string; value: unknown; issueIds: string[] }>();

  set(issueId: string, fieldId: string, value: unknown): void {
    const key = `${fieldId}\u0000${JSON.stringify(value)}`;
    const g = this.groups.get(key) ?? { fieldId, value, issueIds: [] };
    if (!g.issueIds.includes(issueId)) g.issueIds.push(issueId);
    this.groups.set(key, g);
  }

  get size(): number {
    return this.groups.size;
  }

  updates(): AppFieldValueUpdate[] {
    return [...this.groups.values()].map((g) => ({ fieldId: g.fieldId, issueIds: g.issueIds, value: g.value }));
  }
}
