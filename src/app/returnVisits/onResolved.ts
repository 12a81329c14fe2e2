import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { needsReturnVisit, visitOnResolution, type VisitDecision } from '../../domain/closure';
import { isClosed, statusCategoryOf } from '../fields/issueState';
import { lookUpClosureFieldIds } from '../closure/closureFields';
import { loadSettings } from './settings';
import { writeItrFields } from '../fields/writeItrFields';
import { repositories } from '../ports';

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

/**
 * Whether the event may have made the issue done: its changelog shows a status or resolution change
 * (on any workflow: done means the Done status category or a Resolution, never a status's name).
 * The issue itself, read from Jira, decides.
 */
export function mayHaveResolved(event: unknown): boolean {
  const items = field(field(event, 'changelog'), 'items');
  if (!Array.isArray(items)) return false;
  return items.some((i) => ['status', 'resolution'].includes(String(field(i, 'fieldId') ?? field(i, 'field'))));
}

const instant = (v: unknown): Date | null => {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * When the issue's current resolution began: when its status entered the Done category, else (a
 * Resolution set outside the Done category) its resolution date. A move between two Done statuses
 * (Resolved → Closed) keeps the category's change date, so it is the same resolution.
 */
export function resolvedSince(fields: Record<string, unknown>): Date | null {
  if (statusCategoryOf(fields['status']) === 'done')
    return instant(fields['statuscategorychangedate']) ?? instant(fields['resolutiondate']);
  return fields['resolution'] != null ? instant(fields['resolutiondate']) : null;
}

/**
 * On resolution (the issue became done: `isClosed`): decides (deterministically) whether the issue
 * needs a return visit; if so, opens it in SQL and mirrors the row's state in `itr-visit-open` for the
 * close validator. Idempotent: a duplicate event finds the row already there and writes the same field
 * value again. Resolving again after the visit was recorded (reopened, resolved anew) opens a new round
 * when the rules require one; the recorded round is kept in `return_visit_past`. The field always
 * mirrors the current row, so it never says `yes` beside a recorded visit.
 */
export async function onIssueResolved(
  issue: { id: string; key: string },
  now: Date,
  jira: JiraClient = jiraAsApp(),
): Promise<VisitDecision | null> {
  const ids = await lookUpClosureFieldIds(jira);
  const current = await jira.getIssue(issue.id, {
    fields: [ids.kind, ids.grade, 'status', 'resolution', 'resolutiondate', 'statuscategorychangedate'],
  });
  if (!isClosed(current.fields)) return null; // a status change that did not make it done
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const kind = text(current.fields[ids.kind]);
  const grade = text(current.fields[ids.grade]);
  const { settings } = await loadSettings();
  const decision = needsReturnVisit({ issueId: issue.id, kind, grade }, settings);
  if (!decision.required || decision.reason === 'notSampled') return decision;
  const status = text(field(current.fields['status'], 'name')) ?? 'Resolved';
  const resolution = text(field(current.fields['resolution'], 'name'));
  const visit = {
    issueId: issue.id,
    issueKey: issue.key,
    reason: decision.reason,
    kind: kind ?? null,
    grade: grade ?? null,
    resolvedAt: resolvedSince(current.fields) ?? now,
    internalView: resolution === undefined ? status : `${status}: ${resolution}`,
  };
  const existing = await repositories().returnVisits.getVisit(issue.id);
  const step = visitOnResolution(
    existing === undefined ? null : { status: existing.status, resolvedAt: new Date(existing.resolvedAt) },
    visit.resolvedAt,
  );
  if (step === 'open') await repositories().returnVisits.openVisit(visit);
  if (step === 'newRound') await repositories().returnVisits.openNextRound(visit);
  const row = await repositories().returnVisits.getVisit(issue.id);
  await writeItrFields(jira, [
    { fieldId: ids.visitOpen, issueIds: [issue.id], value: row?.status === 'done' ? 'no' : 'yes' },
  ]);
  return decision;
}
