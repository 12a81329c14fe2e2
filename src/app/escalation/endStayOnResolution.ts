/**
 * The line stay an issue is resolved on ends at its resolution: the line history then shows the stay
 * closed (`resolved`, with the working time it used up to then), not "current line – now" on a done
 * issue. Idempotent: `recordStays` closes a stay once, so a duplicate event changes nothing.
 */
import { isClosed, textOf } from '../fields/issueState';
import { resolvedSince } from '../returnVisits/onResolved';
import { platformDeps, type EscalationDeps } from './deps';
import { minutesUsed } from './lineClock';
import { linePauses, pausesOf } from './pauses';
import { repositories } from '../ports';

/** Closes the issue's open stays at its resolution; returns how many it closed. */
export async function endStayOnResolution(
  issueId: string,
  now: Date,
  deps: Pick<EscalationDeps, 'jira' | 'fieldIds' | 'loadConfig'> = platformDeps(),
): Promise<number> {
  const open = await repositories().lineHistory.openStaysOf(issueId);
  if (open.length === 0) return 0;
  const ids = await deps.fieldIds();
  const issue = await deps.jira.getIssue(issueId, {
    fields: [ids.grade, 'status', 'resolution', 'resolutiondate', 'statuscategorychangedate'],
  });
  if (!isClosed(issue.fields)) return 0;
  const resolvedAt = resolvedSince(issue.fields) ?? now;
  const [config, pauses] = await Promise.all([deps.loadConfig(), pausesOf([issueId])]);
  const grade = textOf(issue.fields[ids.grade]);
  const rows = open
    .filter((s) => s.enteredAt.getTime() <= resolvedAt.getTime())
    .map((s) => ({
      ...s,
      issueId,
      leftAt: resolvedAt,
      outcome: 'resolved' as const,
      workingMinutesUsed: minutesUsed(
        config,
        grade,
        s.line,
        s.enteredAt,
        resolvedAt,
        linePauses(pauses, issueId, s.line),
      ),
    }));
  await repositories().lineHistory.recordStays(rows);
  return rows.length;
}
