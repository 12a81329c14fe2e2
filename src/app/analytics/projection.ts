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
import { SqlError, SqlErrorCode } from '../ports/storageErrors';
import type { SkippedIssue } from '../../contract/analytics';
import { tooLong, type StoredValue } from '../../domain/storageLimits';
import { loadAnalyticsSettings } from './settings';
import { isRecord } from '../../domain/input';
import { repositories } from '../ports';
import type { HistoryCounts } from '../ports/facts';

/** The Jira fields a fact needs (system + the app's). */
export function factFields(ids: ItrFieldIds): string[] {
  return [
    'project',
    'created',
    'resolution',
    'resolutiondate',
    'status',
    'statuscategorychangedate',
    ids.kind,
    ids.grade,
    ids.classification,
    ids.product,
    ids.region,
    ids.customerTier,
    ids.owner,
    ids.line,
    ids.breachedAt,
  ];
}

/** Jira's `2026-03-01T08:00:00.000+0000` as an ISO instant; null when absent or unreadable. */
export function instant(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  const ms = Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The fact of one issue, or null when it is not an ITR issue (neither kind nor grade) or lacks `created`. */
export function factOf(
  issue: JiraIssue,
  ids: ItrFieldIds,
  counts: HistoryCounts,
  departments: Readonly<Record<string, string>>,
): IssueFact | null {
  const f = issue.fields;
  const kind = textOf(f[ids.kind]);
  const grade = textOf(f[ids.grade]);
  const createdAt = instant(f['created']);
  if ((kind === null && grade === null) || createdAt === null || issue.key === undefined) return null;
  const project =
    isRecord(f['project']) && typeof f['project']['key'] === 'string'
      ? f['project']['key']
      : issue.key.replace(/-\d+$/, '');
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

/** Each fact column with text and the limit its column holds (src/domain/storageLimits.ts). */
const FACT_LIMITS: ReadonlyArray<[keyof IssueFact, StoredValue]> = [
  ['issueKey', 'factKey'],
  ['projectKey', 'factKey'],
  ['kind', 'factKey'],
  ['grade', 'factKey'],
  ['classification', 'factShort'],
  ['product', 'triageText'],
  ['region', 'triageText'],
  ['customerTier', 'customerTier'],
  ['ownerAccountId', 'factAccount'],
  ['department', 'factAccount'],
  ['currentLine', 'factShort'],
];

/** Why a fact cannot be stored as it is, or undefined when every value fits its column. */
export function factTooLong(fact: IssueFact): SkippedIssue | undefined {
  for (const [field, kind] of FACT_LIMITS) {
    const v = fact[field];
    const refused = typeof v === 'string' ? tooLong(v, kind, field) : undefined;
    if (refused) return { issueKey: fact.issueKey, code: refused.code, detail: refused.message };
  }
  return undefined;
}

/** What a page's projection did: facts written, and the issues skipped with why. */
export interface ProjectionOutcome {
  projected: number;
  skipped: SkippedIssue[];
}

/** A failure of one row that a retry cannot fix (not a deadlock, a timeout or a lost connection). */
const isRowFailure = (e: unknown): e is SqlError =>
  e instanceof SqlError && e.code === SqlErrorCode.Execution && !/deadlock|lock wait/i.test(e.message);

/**
 * Projects a page of issues already read with `factFields`: one history read, one upsert. A fact that
 * cannot be stored (a value longer than its column, a row the database refuses) is skipped and
 * reported, never cut and never allowed to fail the page: the backfill goes on and shows it.
 */
export async function projectIssues(
  issues: readonly JiraIssue[],
  ids: ItrFieldIds,
  departments: Readonly<Record<string, string>>,
  now: Date,
): Promise<ProjectionOutcome> {
  const counts = await repositories().facts.historyCounts(issues.map((i) => i.id));
  const skipped: SkippedIssue[] = [];
  const facts = issues.flatMap((i) => {
    const fact = factOf(
      i,
      ids,
      counts.get(i.id) ?? { escalations: 0, timeouts: 0, forwards: 0, satisfaction: null },
      departments,
    );
    if (fact === null) return [];
    const unfit = factTooLong(fact);
    if (unfit) {
      skipped.push(unfit);
      return [];
    }
    return [fact];
  });
  try {
    await repositories().facts.upsertFacts(facts, now);
    return { projected: facts.length, skipped };
  } catch (e) {
    if (!isRowFailure(e) || facts.length === 0) throw e;
  }
  // One row refused the whole statement: write the facts one by one to find it.
  let projected = 0;
  for (const fact of facts) {
    try {
      await repositories().facts.upsertFacts([fact], now);
      projected++;
    } catch (e) {
      if (!isRowFailure(e)) throw e;
      skipped.push({ issueKey: fact.issueKey, code: e.code, detail: e.message.slice(0, 300) });
    }
  }
  return { projected, skipped };
}

/**
 * Re-reads one issue and upserts its fact (the triggers call this). Never throws: the projection is
 * derived data and the backfill repairs it, so a failure here must not fail the trigger's real work.
 */
export async function syncIssueFact(
  issueId: string,
  deps: ProjectionDeps = platformProjectionDeps(),
): Promise<'projected' | 'skipped' | 'failed'> {
  try {
    const ids = await deps.fieldIds();
    const issue = await deps.jira.getIssue(issueId, { fields: factFields(ids) });
    const outcome = await projectIssues([issue], ids, await deps.departments(), deps.now());
    if (outcome.skipped.length > 0) {
      console.warn(JSON.stringify({ event: 'analytics', issue: issueId, notProjected: outcome.skipped[0] }));
      return 'failed';
    }
    if (outcome.projected === 0) await repositories().facts.deleteFact(issueId);
    return outcome.projected > 0 ? 'projected' : 'skipped';
  } catch (e) {
    console.warn(
      `analytics: issue ${issueId} not projected (${e instanceof Error ? e.message : String(e)}); the backfill repairs it`,
    );
    return 'failed';
  }
}
