import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { needsReturnVisit, type VisitDecision } from '../../domain/closure';
import { lookUpClosureFieldIds } from '../closure/closureFields';
import { loadSettings } from './settings';
import { getVisit, openVisit } from './visitStore';
import { writeItrFields } from '../fields/writeItrFields';

/** Status names that mean "resolved" in the ITR workflow (src/app/setup/plan.ts). */
export const RESOLVED_STATUS_NAMES: readonly string[] = ['Resolved'];

const field = (o: unknown, name: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined);

/** The status the event moved the issue to, when its changelog shows a status change. */
export function resolvedTransitionOf(event: unknown): string | undefined {
  const items = field(field(event, 'changelog'), 'items');
  if (!Array.isArray(items)) return undefined;
  const status = items.find((i) => field(i, 'fieldId') === 'status' || field(i, 'field') === 'status');
  const to = field(status, 'toString');
  return typeof to === 'string' && RESOLVED_STATUS_NAMES.includes(to) ? to : undefined;
}

/**
 * On resolve: decides (deterministically) whether the issue needs a return visit; if so, opens it in
 * SQL and mirrors the row's state in `itr-visit-open` for the close validator. Idempotent: a duplicate
 * event finds the row already there and writes the same field value again. A re-resolve after the
 * visit was recorded keeps the recorded visit (the customer's words stand) and the field says `no`:
 * writing `yes` there left a flag no one could clear, since only an open row can be recorded.
 */
export async function onIssueResolved(
  issue: { id: string; key: string },
  now: Date,
  jira: JiraClient = jiraAsApp(),
): Promise<VisitDecision> {
  const ids = await lookUpClosureFieldIds(jira);
  const current = await jira.getIssue(issue.id, { fields: [ids.kind, ids.grade, 'status', 'resolution'] });
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const kind = text(current.fields[ids.kind]);
  const grade = text(current.fields[ids.grade]);
  const { settings } = await loadSettings();
  const decision = needsReturnVisit({ issueId: issue.id, kind, grade }, settings);
  if (!decision.required || decision.reason === 'notSampled') return decision;
  const status = text(field(current.fields['status'], 'name')) ?? 'Resolved';
  const resolution = text(field(current.fields['resolution'], 'name'));
  await openVisit({
    issueId: issue.id,
    issueKey: issue.key,
    reason: decision.reason,
    kind: kind ?? null,
    grade: grade ?? null,
    resolvedAt: now,
    internalView: resolution === undefined ? status : `${status}: ${resolution}`,
  });
  const row = await getVisit(issue.id);
  await writeItrFields(jira, [{ fieldId: ids.visitOpen, issueIds: [issue.id], value: row?.status === 'done' ? 'no' : 'yes' }]);
  return decision;
}
