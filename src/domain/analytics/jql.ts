/**
 * Drill-down: the JQL of the issues behind any number on the supervision page. Built here (pure) from
 * the filter, the site's field ids and the dimension values of the number, so the page can open
 * `/issues/?jql=…` and the count Jira shows is the count the chart showed (as long as the projection
 * is current; Jira stays the source of truth).
 */
import type { AnalyticsFilter } from './filter';
import { DONE_ISSUE_JQL, OPEN_ISSUE_JQL } from '../issueDone';

/** The site's `customfield_NNNNN` ids of the fields drill-downs filter on. */
export interface DrillFieldIds {
  kind: string;
  grade: string;
  product: string;
  region: string;
  customerTier: string;
  owner: string;
  breachedAt: string;
  line: string;
}

/** One dimension value of a number: `{ dimension: 'product', value: 'X200' }`; value null = EMPTY. */
export type DrillDimension =
  | { dimension: 'kind' | 'grade' | 'product' | 'region' | 'customerTier' | 'line' | 'project'; value: string | null }
  | { dimension: 'owner'; value: string | null }
  | { dimension: 'period'; from: string; to: string }
  | { dimension: 'state'; value: 'resolved' | 'open' | 'breached' | 'slaMet' };

/** `cf[10100]` for `customfield_10100`; other ids unchanged. */
export function cfRef(fieldId: string): string {
  const m = /^customfield_(\d+)$/.exec(fieldId);
  return m ? `cf[${m[1]}]` : fieldId;
}

/** A JQL string literal: double quotes, with backslash and quote escaped. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `yyyy-MM-dd HH:mm` in UTC: a JQL date (the searcher's zone applies in Jira; see docs). */
export function jqlDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `"${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}"`;
}

function inList(field: string, values: readonly string[]): string {
  return values.length === 1
    ? `${field} = ${jqlString(values[0] as string)}`
    : `${field} IN (${values.map(jqlString).join(', ')})`;
}

/** The JQL of the issues behind one number: the page's filter AND each dimension of the number. */
export function drillDownJql(
  filter: AnalyticsFilter,
  ids: DrillFieldIds,
  dims: readonly DrillDimension[] = [],
): string {
  const clauses: string[] = [`created >= ${jqlDate(filter.from)}`, `created < ${jqlDate(filter.to)}`];
  if (filter.projectKeys.length > 0) clauses.push(inList('project', filter.projectKeys));
  if (filter.kinds.length > 0) clauses.push(inList(cfRef(ids.kind), filter.kinds));
  if (filter.grades.length > 0) clauses.push(inList(cfRef(ids.grade), filter.grades));
  for (const d of dims) {
    switch (d.dimension) {
      case 'period':
        clauses.push(`created >= ${jqlDate(d.from)}`, `created < ${jqlDate(d.to)}`);
        break;
      case 'state':
        if (d.value === 'resolved') clauses.push(DONE_ISSUE_JQL);
        else if (d.value === 'open') clauses.push(OPEN_ISSUE_JQL);
        else if (d.value === 'breached') clauses.push(`${cfRef(ids.breachedAt)} IS NOT EMPTY`);
        else clauses.push(DONE_ISSUE_JQL, `${cfRef(ids.breachedAt)} IS EMPTY`);
        break;
      case 'project':
        clauses.push(d.value === null ? 'project IS EMPTY' : `project = ${jqlString(d.value)}`);
        break;
      case 'owner': {
        const f = cfRef(ids.owner);
        clauses.push(d.value === null ? `${f} IS EMPTY` : `${f} = ${jqlString(d.value)}`);
        break;
      }
      default: {
        const f = cfRef(ids[d.dimension]);
        clauses.push(d.value === null ? `${f} IS EMPTY` : `${f} = ${jqlString(d.value)}`);
      }
    }
  }
  return `${clauses.join(' AND ')} ORDER BY created DESC`;
}
