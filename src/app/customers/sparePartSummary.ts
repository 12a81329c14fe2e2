/**
 * Spare parts on the supervision page (issue 17): the pure summary (src/domain/customer/spareParts.ts:
 * in transit, faulty part returned, repaired, median step times) over every part of the ITR issues in
 * the projects the caller may browse (asked of Jira as the caller; nobody signed in sees nothing).
 */
import { jiraAsUser, type JiraClient } from '../../adapters/jira';
import type { SparePartSummaryView } from '../../contract/customers';
import { summarizeSpareParts, type SparePartStepRecord } from '../../domain/customer';
import { browsableProjectKeys } from '../analytics/callerScope';
import { repositories } from '../ports';
import type { StoredSparePartStep } from '../ports/customers';
import { groupParts } from './issueCustomer';

export interface SparePartSummaryDeps {
  asCaller(): JiraClient;
}

export const platformSparePartSummaryDeps: SparePartSummaryDeps = { asCaller: () => jiraAsUser() };

export async function sparePartSummary(
  accountId: string | undefined,
  deps: SparePartSummaryDeps = platformSparePartSummaryDeps,
): Promise<SparePartSummaryView> {
  const projects = await browsableProjectKeys(accountId, deps.asCaller());
  const rows = projects.length === 0 ? [] : await repositories().customers.sparePartStepsInProjects(projects);
  return summarizeSpareParts(partsOf(rows));
}

/** Each part's steps in flow order, over many issues. */
function partsOf(rows: readonly StoredSparePartStep[]): SparePartStepRecord[][] {
  const byIssue = new Map<string, StoredSparePartStep[]>();
  for (const r of rows) {
    const list = byIssue.get(r.issueId) ?? [];
    list.push(r);
    byIssue.set(r.issueId, list);
  }
  return [...byIssue.values()].flatMap((issueRows) => [...groupParts(issueRows).values()]);
}
