/**
 * The panel's owner history from the audit rows (pure): acceptance, timeout consent, decline, forwards
 * from the triage page and reassignments made in Jira. People are named; an id never reaches the UI
 * as text (the UI says "Unknown user" for a name Jira no longer gives).
 */
import type { OwnerHistoryEntry } from '../../contract/issuePanel';
import type { PersonName } from '../../contract/people';
import { JIRA_REASSIGNMENT_FIELD, type OwnerHistoryRow } from '../ports/classificationHistory';

/** The reason prefix of a decline row (`owner` field, new value empty): `decline: <reason>`. */
export const DECLINE_REASON_PREFIX = 'decline: ';
/** Prefixes triage's `reassignIssue` stores with the reason (`${mode}: ${reason}`). */
const FORWARD_PREFIXES = ['forward: ', 'escalate: '] as const;

export function personOf(accountId: string | null, names: ReadonlyMap<string, PersonName>): PersonName | null {
  if (accountId === null) return null;
  return names.get(accountId) ?? { accountId, displayName: null };
}

/** The account ids the history names, for one display-name look-up. */
export function accountIdsIn(rows: readonly OwnerHistoryRow[]): string[] {
  return [
    ...new Set(rows.flatMap((r) => [r.actorAccountId, r.oldValue, r.newValue]).filter((v): v is string => v !== null)),
  ];
}

function entryOf(row: OwnerHistoryRow, names: ReadonlyMap<string, PersonName>): OwnerHistoryEntry | null {
  const base = {
    id: row.id,
    at: row.at.toISOString(),
    by: personOf(row.actorAccountId, names),
    from: null,
    to: null,
    reason: null,
    reasonPending: false,
  };
  if (row.field === 'acceptance') {
    if (row.newValue === 'accepted') return { ...base, event: 'accepted' };
    // Timeout means consent: the app's rule did it, whoever the row names as actor.
    if (row.newValue === 'deemedAccepted') return { ...base, event: 'deemedAccepted', by: null };
    return null;
  }
  const from = personOf(row.oldValue, names);
  const to = personOf(row.newValue, names);
  if (row.field === JIRA_REASSIGNMENT_FIELD) {
    return { ...base, event: 'reassignedInJira', from, to, reason: row.reason, reasonPending: row.reason === null };
  }
  const reason = row.reason ?? '';
  if (reason.startsWith(DECLINE_REASON_PREFIX))
    return { ...base, event: 'declined', from, reason: reason.slice(DECLINE_REASON_PREFIX.length) };
  const prefix = FORWARD_PREFIXES.find((p) => reason.startsWith(p));
  if (prefix !== undefined) return { ...base, event: 'forwarded', from, to, reason: reason.slice(prefix.length) };
  return null; // the triage dispatch itself: shown in the classification history
}

export function ownerHistoryOf(
  rows: readonly OwnerHistoryRow[],
  names: ReadonlyMap<string, PersonName>,
): OwnerHistoryEntry[] {
  return rows.flatMap((r) => {
    const e = entryOf(r, names);
    return e === null ? [] : [e];
  });
}

/**
 * The latest reassignment in Jira whose reason is still pending and that the viewer is asked for:
 * the person who reassigned, or the new owner.
 */
export function pendingForwardFor(
  history: readonly OwnerHistoryEntry[],
  viewer: string | undefined,
): OwnerHistoryEntry | null {
  if (viewer === undefined) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.event === 'reassignedInJira' && e.reasonPending && (e.by?.accountId === viewer || e.to?.accountId === viewer))
      return e;
  }
  return null;
}
