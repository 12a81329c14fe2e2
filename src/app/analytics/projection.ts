/**
 * Keeps `itr_issue_fact` current: an issue read from Jira (its ITR fields, project, created, resolution
 * date) plus the counts the histories hold, upserted. Called by the product-event triggers (one issue)
 * and by the backfill (a page of issues). Non-ITR issues (no kind and no grade) are not projected.
 */
import { jiraAsApp, type JiraClient, type JiraIssue } from '../../adapters/jira';
import type { IssueFact } from '../../domain/analytics';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import { doneAt } from '../../domain/issueDone';
import { accountIdOf, statusCategoryOf, textOf } from '../fields/issueState';
import { deleteFact, historyCounts, upsertFacts, type HistoryCounts } from './factStore';
import { loadAnalyticsSettings } from './settings';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Jira fields a fact needs (system + the app's). */
export function factFields(ids: ItrFieldIds): string[] {
  return ['project', 'created', 'resolution', 'resolutiondate', 'status', 'statuscategorychangedate', ids.kind, ids.grade, ids.classification, ids.product, ids.region, ids.customerTier, ids.owner, ids.line, ids.breachedAt];
}

/** Jira's `2026-03-01T08:00:00.000+0000` as an ISO instant; null when absent or unreadable. */
export function instant(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  const ms = Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The fact of one issue, or null when it is not an ITR issue (neither kind nor grade) or lacks `created`. */
export function factOf(issue: JiraIssue, ids: ItrFieldIds, counts: HistoryCounts, departments: Readonly<Record<string, string>>): IssueFact | null {
  const f = issue.fields;
  const kind = textOf(f[ids.kind]);
  const grade = textOf(f[ids.grade]);
  const createdAt = instant(f['created']);
  if ((kind === null && grade === null) || createdAt === null || issue.key === undefined) return null;
  const project = isRecord(f['project']) && typeof f['project']['key'] === 'string' ? f['project']['key'] : issue.key.replace(/-\d+$/, '');
  const owner = accountIdOf(f[ids.owner]);
  return {
    issueId: issue.id,
    issueKey: issue.key,
    projectKey: project,
    kind,
    grade,
    classification: textOf(f[ids.classification]),
    product: textOf(f[ids.product]),
    region: textOf(f[ids.region]),
    customerTier: textOf(f[ids.customerTier]),
    ownerAccountId: owner,
    department: owner === null ? null : (departments[owner] ?? null),
    currentLine: textOf(f[ids.line]),
    createdAt,
    // Done by Resolution or by status category (a workflow that never sets Resolution still finishes issues).
    resolvedAt: doneAt({
      resolved: f['resolution'] != null,
      statusCategory: statusCategoryOf(f['status']),
      resolutionDate: instant(f['resolutiondate']),
      statusCategoryChangedAt: instant(f['statuscategorychangedate']),
    }),
    breachedAt: instant(f[ids.breachedAt]),
    escalations: counts.escalations,
    timeouts: counts.timeouts,
    forwards: counts.forwards,
    satisfaction: counts.satisfaction,
  };
}

export interface ProjectionDeps {
  jira: JiraClient;
  fieldIds(): Promise<ItrFieldIds>;
  departments(): Promise<Record<string, string>>;
  now(): Date;
}

let cachedIds: Promise<ItrFieldIds> | undefined;

export const platformProjectionDeps = (): ProjectionDeps => {
  const jira = jiraAsApp();
  return {
    jira,
    fieldIds: () => {
      cachedIds ??= lookUpFieldIds(jira).catch((e: unknown) => {
        cachedIds = undefined;
        throw e;
      });
      return cachedIds;
    },
    departments: async () => (await loadAnalyticsSettings()).value.departments,
    now: () => new Date(),
  };
};

/** Projects a page of issues already read with `factFields`: one history read, one upsert. Returns facts written. */
export async function projectIssues(issues: readonly JiraIssue[], ids: ItrFieldIds, departments: Readonly<Record<string, string>>, now: Date): Promise<number> {
  const counts = await historyCounts(issues.map((i) => i.id));
  const facts = issues.flatMap((i) => {
    const fact = factOf(i, ids, counts.get(i.id) ?? { escalations: 0, timeouts: 0, forwards: 0, satisfaction: null }, departments);
    return fact === null ? [] : [fact];
  });
  await upsertFacts(facts, now);
  return facts.length;
}

/**
 * Re-reads one issue and upserts its fact (the triggers call this). Never throws: the projection is
 * derived data and the backfill repairs it, so a failure here must not fail the trigger's real work.
 */
export async function syncIssueFact(issueId: string, deps: ProjectionDeps = platformProjectionDeps()): Promise<'projected' | 'skipped' | 'failed'> {
  try {
    const ids = await deps.fieldIds();
    const issue = await deps.jira.getIssue(issueId, { fields: factFields(ids) });
    const written = await projectIssues([issue], ids, await deps.departments(), deps.now());
    if (written === 0) await deleteFact(issueId);
    return written > 0 ? 'projected' : 'skipped';
  } catch (e) {
    console.warn(`analytics: issue ${issueId} not projected (${e instanceof Error ? e.message : String(e)}); the backfill repairs it`);
    return 'failed';
  }
}
