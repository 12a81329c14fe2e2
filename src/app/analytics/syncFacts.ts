/**
 * Brings the analytics projection of some issues up to date right after the app changed them. The
 * `issue-updated` trigger ignores the app's own writes (manifest `filter.ignoreSelf`), so the
 * projection cannot wait for that event: whoever writes ITR fields calls this (through
 * `writeItrFields`). One search per 50 issues (Jira's `reconcileIssues` cap: a search may otherwise lag the write), one
 * history read, one upsert.
 */
import { MAX_RECONCILE_ISSUES, type JiraClient } from '../../adapters/jira';
import type { ItrFieldIds } from '../fields/itrFields';
import { factFields, projectIssues } from './projection';
import { loadAnalyticsSettings } from './settings';

/** Issues per search: each search reconciles its ids, so Jira answers with the values just written. */
const SYNC_PAGE = MAX_RECONCILE_ISSUES;

/**
 * Re-reads `issueIds` as `jira` (the app) and upserts their facts. Never throws: the projection is
 * derived data the backfill can rebuild, and the write that preceded this is the real work.
 */
export async function syncIssueFacts(
  jira: JiraClient,
  fieldIds: () => Promise<ItrFieldIds>,
  issueIds: readonly string[],
  now: Date,
): Promise<void> {
  const unique = [...new Set(issueIds.map(String))].filter((id) => /^\d+$/.test(id));
  if (unique.length === 0) return;
  try {
    const ids = await fieldIds();
    const departments = (await loadAnalyticsSettings()).value.departments;
    for (let at = 0; at < unique.length; at += SYNC_PAGE) {
      const chunk = unique.slice(at, at + SYNC_PAGE);
      const jql = `id IN (${chunk.join(', ')})`;
      for await (const page of jira.searchJql(jql, {
        fields: factFields(ids),
        pageSize: SYNC_PAGE,
        reconcileIssues: chunk.map(Number),
      })) {
        const outcome = await projectIssues(page.issues, ids, departments, now);
        if (outcome.skipped.length > 0)
          console.warn(
            JSON.stringify({ event: 'analytics', notProjected: outcome.skipped.length, first: outcome.skipped[0] }),
          );
      }
    }
  } catch (e) {
    console.warn(
      `analytics: ${unique.length} issue(s) written by the app not projected (${e instanceof Error ? e.message : String(e)}); the backfill repairs them`,
    );
  }
}
