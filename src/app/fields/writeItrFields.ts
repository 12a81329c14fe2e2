/**
 * The one way the app writes its ITR fields on issues (`POST /rest/api/3/app/field/value`, as the
 * app). The `issue-updated` trigger ignores the app's own writes (`filter.ignoreSelf` in
 * manifest.yml, so a write never wakes the app again), which means everything that trigger did for
 * such a write happens here instead: the analytics projection of the written issues is synced.
 */
import type { AppFieldValueUpdate, JiraClient } from '../../adapters/jira';
import { syncIssueFacts } from '../analytics/syncFacts';
import { lookUpFieldIds } from './fieldIds';
import type { ItrFieldIds } from './itrFields';

export interface WriteItrFieldsOptions {
  /** The site's ITR field ids when the caller has them (saves a look-up). */
  ids?: ItrFieldIds;
  /** false: no changelog entries (a bulk recompute would flood every issue's history). */
  generateChangelog?: boolean;
  /**
   * Writes that belong with this one and feed the projection (line stays, classification history):
   * run after the field write and before the sync, so the facts see them.
   */
  then?: () => Promise<void>;
  /** Now, for the projection's `synced_at`; the wall clock by default. */
  now?: Date;
}

/** Writes `updates` as the app, then brings the written issues' analytics facts up to date. */
export async function writeItrFields(
  jira: JiraClient,
  updates: readonly AppFieldValueUpdate[],
  options: WriteItrFieldsOptions = {},
): Promise<void> {
  if (updates.length === 0) return;
  await jira.setAppFieldValues(
    [...updates],
    options.generateChangelog === undefined ? {} : { generateChangelog: options.generateChangelog },
  );
  if (options.then !== undefined) await options.then();
  const ids = options.ids;
  await syncIssueFacts(
    jira,
    ids === undefined ? () => lookUpFieldIds(jira) : () => Promise.resolve(ids),
    updates.flatMap((u) => u.issueIds.map(String)),
    options.now ?? new Date(),
  );
}
