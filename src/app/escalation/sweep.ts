/**
 * The scheduled sweep (every five minutes): ONE token-paged JQL search over the app's datetime fields
 * finds the open issues whose line's warning or due time has passed (a second one, those whose
 * response clock's has), ids only (5,000 per page), so issues not
 * due are never read; the ids go to the `escalation` queue in events of 100 and pushes of ≤ 50 events.
 * The sweep decides nothing and writes nothing in Jira: duplicate or overlapping runs only cause
 * duplicate events, which the consumer's checks make harmless.
 */
import { OPEN_ISSUE_JQL } from '../../domain/issueDone';
import type { ItrFieldIds } from '../fields/itrFields';
import { platformDeps, type EscalationDeps } from './deps';
import { chunk, ISSUES_PER_EVENT, type EscalationEvent } from './events';
import { repositories } from '../ports';

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

/**
 * Open issues whose response clock (src/app/escalation/responseClock.ts) needs the consumer: awaiting
 * the owner's answer past the deadline (timeout means consent), untriaged past the deadline and not yet
 * reported, or past the warning time with no alert sent. Accepted issues (deemed or not) never match:
 * their response clock has stopped.
 */
export function responseDueJql(ids: ItrFieldIds): string {
  const acceptance = cf(ids.acceptance);
  const alert = cf(ids.responseAlert);
  const due = `${cf(ids.responseDueAt)} <= now()`;
  return (
    `${OPEN_ISSUE_JQL} AND (` +
    `(${acceptance} = "awaiting" AND ${due}) OR ` +
    `(${acceptance} IS EMPTY AND ${due} AND (${alert} IS EMPTY OR ${alert} = "warn")) OR ` +
    `((${acceptance} IS EMPTY OR ${acceptance} = "awaiting") AND ${cf(ids.responseWarnAt)} <= now() AND ${alert} IS EMPTY)` +
    `) ORDER BY ${cf(ids.responseDueAt)} ASC`
  );
}

export interface SweepReport {
  /** Issues with a response alert due (a second search, `responseDueJql`). */
  responseFound: number;
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
  const stale = await repositories().escalationActions.staleClaimIssueIds(deps.now(), 1000);
  for (const id of stale) seen.add(id);
  const events: EscalationEvent[] = chunk([...seen], ISSUES_PER_EVENT).map((issueIds) => ({
    kind: 'check',
    issueIds,
    fieldIds,
  }));
  // The response clocks: the same way, their own events (src/app/escalation/processResponse.ts).
  const responses = new Set<string>();
  for await (const page of deps.jira.searchJql(responseDueJql(fieldIds), { pageSize: ID_PAGE_SIZE, fields: ['id'] })) {
    searchRequests += 1;
    for (const issue of page.issues) responses.add(issue.id);
    if (responses.size >= MAX_ISSUES_PER_SWEEP) {
      truncated ||= page.nextPageToken !== undefined;
      break;
    }
  }
  const responseFound = responses.size;
  for (const id of await repositories().responseAlerts.staleResponseAlertIssueIds(deps.now(), 1000)) responses.add(id);
  events.push(
    ...chunk([...responses], ISSUES_PER_EVENT).map(
      (issueIds): EscalationEvent => ({ kind: 'response', issueIds, fieldIds }),
    ),
  );
  await deps.push(events);
  return { found, responseFound, staleClaims: stale.length, events: events.length, searchRequests, truncated };
}
