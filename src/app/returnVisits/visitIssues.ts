/**
 * What the return-visit queue shows of each visited issue besides the visit itself: its summary, whom
 * to call, the customer, its status and resolution. Read from Jira as the viewer when the queue is
 * shown (one search per page), never stored: Jira names statuses and resolutions in the viewer's
 * language where the site translated them, and leaves out an issue the viewer may not browse.
 */
import { JiraError, JiraErrorCode, type JiraClient, type JiraIssue } from '../../adapters/jira';
import type { ReturnVisit, ReturnVisitRow, VisitIssueDto } from '../../contract/closure';
import { shortLabel, type GradingTable, type LocalizedText } from '../../domain';
import { isRecord } from '../../domain/input';
import type { ItrFieldIds } from '../fields/itrFields';
import { statusCategoryOf, textOf } from '../fields/issueState';

/** The app fields the queue reads besides Jira's own. */
type VisitFieldIds = Pick<ItrFieldIds, 'submitter' | 'customerTier' | 'product' | 'region'>;

/**
 * The grading table's customer tiers (dimension `customerTier`): option id → its short label (the
 * words before the explanation, "Strategic" of "Strategic: one of the top 20 accounts…").
 */
export function tierLabelsOf(table: GradingTable): ReadonlyMap<string, LocalizedText> {
  const tiers = table.dimensions.find((d) => d.id === 'customerTier')?.options ?? [];
  return new Map(tiers.map((o) => [o.id, shortLabel(o.label)]));
}

const STATUS_CATEGORIES = ['new', 'indeterminate', 'done'] as const;
type StatusCategory = (typeof STATUS_CATEGORIES)[number];
const isStatusCategory = (v: unknown): v is StatusCategory => STATUS_CATEGORIES.includes(v as StatusCategory);

/** A user field's value as Jira renders it for the viewer: the name, and the email when the profile shows it. */
function personOf(value: unknown): { displayName: string; emailAddress: string | null } | null {
  if (!isRecord(value)) return null;
  const displayName = textOf(value['displayName']);
  if (displayName === null) return null;
  return { displayName, emailAddress: textOf(value['emailAddress']) };
}

function nameOf(value: unknown): string | null {
  return isRecord(value) ? textOf(value['name']) : null;
}

/** The issue's fields the queue shows, in the viewer's terms. */
export function visitIssueOf(
  fields: Record<string, unknown>,
  ids: VisitFieldIds,
  tierLabels: ReadonlyMap<string, LocalizedText>,
): VisitIssueDto {
  const statusName = nameOf(fields['status']);
  const category = statusCategoryOf(fields['status']);
  const tier = textOf(fields[ids.customerTier]);
  return {
    summary: textOf(fields['summary']) ?? '',
    status: statusName === null ? null : { name: statusName, category: isStatusCategory(category) ? category : 'new' },
    resolution: nameOf(fields['resolution']),
    // The reporter is whom the issue is about on a service project (the customer); the submitter, who
    // created it in Jira, when Jira has no reporter.
    contact: personOf(fields['reporter']) ?? personOf(fields[ids.submitter]),
    customer: {
      // A tier the table no longer lists has no label to show: left out rather than shown as its code.
      tier: tier === null ? null : (tierLabels.get(tier) ?? null),
      product: textOf(fields[ids.product]),
      region: textOf(fields[ids.region]),
    },
  };
}

const fieldsToRead = (ids: VisitFieldIds): string[] => [
  'summary',
  'status',
  'resolution',
  'reporter',
  ids.submitter,
  ids.customerTier,
  ids.product,
  ids.region,
];

/**
 * The issues as `viewer` sees them, by id: one search (`id in (…)`), which leaves out what the viewer may
 * not browse. Should Jira refuse the query instead (400: a JQL value naming an issue that was deleted or
 * that the viewer may not see), each issue is read on its own, and a 404 leaves that one out.
 */
async function issuesAsViewer(
  viewer: JiraClient,
  issueIds: readonly string[],
  ids: VisitFieldIds,
): Promise<Map<string, JiraIssue>> {
  const byId = new Map<string, JiraIssue>();
  if (issueIds.length === 0) return byId;
  const fields = fieldsToRead(ids);
  try {
    const search = viewer.searchJql(`id in (${issueIds.map(Number).join(', ')})`, {
      fields,
      pageSize: issueIds.length,
    });
    for await (const page of search) for (const issue of page.issues) byId.set(issue.id, issue);
    return byId;
  } catch (e) {
    if (!(e instanceof JiraError && e.code === JiraErrorCode.BadRequest)) throw e;
  }
  for (const id of issueIds) {
    try {
      byId.set(id, await viewer.getIssue(id, { fields }));
    } catch (e) {
      if (!(e instanceof JiraError && e.code === JiraErrorCode.NotFound)) throw e;
    }
  }
  return byId;
}

/**
 * The page's visits with their issues as `viewer` sees them; an issue Jira does not show the viewer
 * (not browsable, or deleted) gets `issue: null`.
 */
export async function withVisitIssues(
  visits: readonly ReturnVisit[],
  viewer: JiraClient,
  ids: VisitFieldIds,
  tierLabels: ReadonlyMap<string, LocalizedText>,
): Promise<Array<Omit<ReturnVisitRow, 'visitedByName'>>> {
  const byId = await issuesAsViewer(
    viewer,
    visits.map((v) => v.issueId),
    ids,
  );
  return visits.map((v) => {
    const issue = byId.get(v.issueId);
    return { ...v, issue: issue === undefined ? null : visitIssueOf(issue.fields, ids, tierLabels) };
  });
}
