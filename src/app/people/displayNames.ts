/**
 * Display names for the accounts a list, history, audit row or chart names, so no page shows an id:
 * one `GET /rest/api/3/user/bulk` per chunk of ids, asked of whichever client the caller holds (the
 * caller's own, or the app's for work done without a user).
 */
import type { JiraClient } from '../../adapters/jira';
import type { PersonName } from '../../contract/people';

/**
 * Account ids per `user/bulk` request. Jira's spec gives no maximum for the ids or `maxResults`; 50 ids
 * keep the query string near 3 KB, far under URL limits, and come back in one page. Range 1–100; default 50.
 */
export const USER_BULK_CHUNK = 50;

/**
 * The display name of each account, or `null` when Jira no longer knows it (deleted or anonymised:
 * `user/bulk` leaves it out). Duplicates and empty ids are asked once / not at all; the map holds every
 * distinct non-empty id given. A Jira failure is a `JiraError` for the caller to report.
 *
 * @example
 *   const names = await namesOf(jiraAsUser(), ['557058:aa…', '557058:bb…']);
 *   names.get('557058:aa…'); // 'Li Wei', or null for a deleted account
 */
export async function namesOf(
  jira: Pick<JiraClient, 'existingUsers'>,
  accountIds: Iterable<string>,
): Promise<Map<string, string | null>> {
  const ids = [...new Set([...accountIds].filter((id) => id !== ''))];
  const names = new Map<string, string | null>(ids.map((id) => [id, null]));
  for (let i = 0; i < ids.length; i += USER_BULK_CHUNK) {
    for (const u of await jira.existingUsers(ids.slice(i, i + USER_BULK_CHUNK))) {
      if (names.has(u.accountId)) names.set(u.accountId, u.displayName === '' ? null : u.displayName);
    }
  }
  return names;
}

/** One account as the contract names it, from a `namesOf` map (an id missing from the map reads as unknown). */
export function personName(names: ReadonlyMap<string, string | null>, accountId: string): PersonName {
  return { accountId, displayName: names.get(accountId) ?? null };
}
