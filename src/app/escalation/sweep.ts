/**
 * The scheduled sweep (every five minutes): ONE token-paged JQL search over the app's datetime fields
 * finds the open issues whose warning or due time has passed, ids only (5,000 per page), so issues not
 * due are never read; the ids go to the `escalation` queue in events of 100 and pushes of ≤ 50 events.
 * The sweep decides nothing and writes nothing in Jira: duplicate or overlapping runs only cause
 * duplicate events, which the consumer's checks make harmless.
 */
import { OPEN_ISSUE_JQL } from '../../domain/issueDone';
import type { ItrFieldIds } from '../fields/itrFields';
import { staleClaimIssueIds } from './actionStore';
import { platformDeps, type EscalationDeps } from './deps';
import { chunk, ISSUES_PER_EVENT, type EscalationEvent } from './events';

/**
 * Most issues one sweep hands out; the rest wait for the next sweep (five minutes later). Bounds the
 * sweep's own run time and memory. Range 1–1,000,000; default 100,000.
 */
export const MAX_ISSUES_PER_SWEEP = 100_000;

/** ids-only search pages: the documented maximum for `POST /search/jql` without fields. */
const ID_PAGE_SIZE = 5000;

const cf = (fieldId: string): string => `cf[${fieldId.replace(/^customfield_/, '')}]`;

/**
 * Open, not yet breached, and past due — or past the warning time with no warning sent for the line
 * (the warned line is cleared when the issue moves up). Jira compares the app's datetime fields
 * itself, on its index: the cost of the search grows with the due issues, not the open ones.
 */
export function dueIssuesJql(ids: ItrFieldIds): string {
  return (
    `${OPEN_ISSUE_JQL} AND ${cf(ids.breachedAt)} IS EMPTY AND ` +
    `(${cf(ids.lineDueAt)} <= now() OR (${cf(ids.lineWarnAt)} <= now() AND ${cf(ids.warnedLine)} IS EMPTY)) ` +
    `ORDER BY ${cf(ids.lineDueAt)} ASC`
  );
}

export interface SweepReport {
  found: number;
  staleClaims: number;
  events: number;
  searchRequests: number;
  truncated: boolean;
}

export async function sweep(deps: EscalationDeps = platformDeps()): Promise<SweepReport> {
  const fieldIds = await deps.fieldIds();
  const seen = new Set<string>();
  let searchRequests = 0;
  let truncated = false;
  for await (const page of deps.jira.searchJql(dueIssuesJql(fieldIds), { pageSize: ID_PAGE_SIZE, fields: ['id'] })) {
    searchRequests += 1;
    for (const issue of page.issues) seen.add(issue.id);
    if (seen.size >= MAX_ISSUES_PER_SWEEP) {
      truncated = page.nextPageToken !== undefined;
      break;
    }
  }
  const found = seen.size;
  // Side effects whose consumer died half-way (claim older than the lease): hand them out again.
  const stale = await staleClaimIssueIds(deps.now(), 1000);
  for (const id of stale) seen.add(id);
  const events: EscalationEvent[] = chunk([...seen], ISSUES_PER_EVENT).map((issueIds) => ({ kind: 'check', issueIds, fieldIds }));
  await deps.push(events);
  return { found, staleClaims: stale.length, events: events.length, searchRequests, truncated };
}
