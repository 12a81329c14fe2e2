/**
 * The dashboard gadget's numbers. Open and breached come from Jira as the viewer (so they follow Jira
 * permissions exactly, ids-only searches: one request per 5,000 issues); "due today" is the line due
 * time before the end of the viewer's day; SLA attainment this month from the projection, counting only
 * the projects the viewer may browse (asked of Jira as the viewer; none → no attainment, no query).
 */
import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import { attainment, cfRef, monthOf } from '../../domain/analytics';
import { OPEN_ISSUE_JQL } from '../../domain/issueDone';
import type { GadgetNumbers } from '../../contract/analytics';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import { browsableProjectKeys } from './callerScope';
import { repositories } from '../ports';

/** Counting stops here (range 1,000–100,000; default 20,000): the gadget shows "20000+" beyond. */
export const GADGET_COUNT_CAP = 20_000;

async function count(jira: JiraClient, jql: string): Promise<number> {
  let n = 0;
  for await (const page of jira.searchJql(jql, { pageSize: 5000 })) {
    n += page.issues.length;
    if (n >= GADGET_COUNT_CAP) break;
  }
  return n;
}

export function gadgetJql(ids: Pick<ItrFieldIds, 'kind' | 'breachedAt' | 'lineDueAt'>): {
  open: string;
  breached: string;
  dueToday: string;
} {
  const itrOpen = `${cfRef(ids.kind)} IS NOT EMPTY AND ${OPEN_ISSUE_JQL}`;
  return {
    open: `${itrOpen} ORDER BY created DESC`,
    breached: `${itrOpen} AND ${cfRef(ids.breachedAt)} IS NOT EMPTY ORDER BY created DESC`,
    dueToday: `${itrOpen} AND ${cfRef(ids.lineDueAt)} <= endOfDay() ORDER BY ${cfRef(ids.lineDueAt)} ASC`,
  };
}

export async function gadgetNumbers(
  accountId: string | undefined,
  now: Date,
  asCaller: () => JiraClient = () => jiraAsUser(),
  app: JiraClient = jiraAsApp(),
): Promise<GadgetNumbers> {
  const ids = await lookUpFieldIds(app);
  const jql = gadgetJql(ids);
  const jira = asCaller();
  const month = async (): Promise<{ resolved: number; met: number }> => {
    const projectKeys = await browsableProjectKeys(accountId, jira);
    return projectKeys.length === 0
      ? { resolved: 0, met: 0 }
      : repositories().facts.slaResolvedIn(monthOf(now), projectKeys);
  };
  const [open, breached, dueToday, sla] = await Promise.all([
    count(jira, jql.open),
    count(jira, jql.breached),
    count(jira, jql.dueToday),
    month(),
  ]);
  return {
    open: { value: open, jql: jql.open },
    breached: { value: breached, jql: jql.breached },
    dueToday: { value: dueToday, jql: jql.dueToday },
    slaAttainmentThisMonth: attainment(sla.met, sla.resolved),
  };
}
