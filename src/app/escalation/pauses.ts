/**
 * Waiting-for-customer pauses: while an issue waits for the customer its line's clock stops.
 *
 *  - Into a waiting status: the pause start is recorded in `line_pause` (issue, line, from, to NULL)
 *    and the line's due and warning fields are cleared, so the sweep (which searches by them) never
 *    finds a paused issue.
 *  - Out of it: the pause is closed and the line's due and warning times are recomputed from when the
 *    issue entered the line, minus all its paused working time, and written back in one bulk request.
 *
 * Idempotent: a duplicate "enter" finds a pause already open and records nothing new (it clears the
 * fields again); a duplicate "leave" finds nothing open and writes the very same recomputed values.
 */
import type { ConfigCodec } from '../../adapters/kvs';
import { execute, fromSqlDateTime, query } from '../../adapters/sql';
import { DomainError, type Pause, type SupportLine } from '../../domain';
import { ensureSchema } from '../../adapters/sql';
import type { EscalationDeps } from './deps';
import { FieldWrites } from './fieldWrites';
import { escalationFieldList, escalationIssueOf, jiraDateTime, lineClock, toSecond } from './lineClock';
import { writeItrFields } from '../fields/writeItrFields';

/** KVS key (`config:` prefixed by the store) of the status names that pause the line's clock. */
export const PAUSE_STATUSES_KEY = 'escalation.pauseStatuses';

export const DEFAULT_PAUSE_STATUS_NAMES: readonly string[] = ['Waiting for customer', 'Waiting for Customer', '等待客户'];

export const pauseStatusesCodec: ConfigCodec<string[]> = {
  schemaVersion: 1,
  parse(raw) {
    if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string' && x !== '')) {
      throw new DomainError('CONFIG_INVALID', 'Stored pause statuses must be a list of non-empty status names');
    }
    return raw as string[];
  },
};

export async function loadPauseStatusNames(deps: Pick<EscalationDeps, 'store'>): Promise<readonly string[]> {
  return (await deps.store.get(PAUSE_STATUSES_KEY, pauseStatusesCodec))?.value ?? DEFAULT_PAUSE_STATUS_NAMES;
}

const field = (o: unknown, name: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined);

/** The status change an `avi:jira:updated:issue` event's changelog shows, if any. */
export function statusChangeOf(event: unknown): { from: string | null; to: string | null } | undefined {
  const items = field(field(event, 'changelog'), 'items');
  if (!Array.isArray(items)) return undefined;
  const status = items.find((i) => field(i, 'fieldId') === 'status' || field(i, 'field') === 'status');
  if (status === undefined) return undefined;
  const name = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { from: name(field(status, 'fromString')), to: name(field(status, 'toString')) };
}

/**
 * When the status change happened: the event's `issue.fields.updated` (Forge delivers the issue as it
 * was at the change), else `now`. Triggers can run minutes late; the clock must stop at the change,
 * not at the run. A value in the future or unreadable falls back to `now`.
 */
export function statusChangedAt(event: unknown, now: Date): Date {
  const updated = field(field(field(event, 'issue'), 'fields'), 'updated');
  const at = typeof updated === 'string' ? new Date(updated) : undefined;
  return at === undefined || Number.isNaN(at.getTime()) || at.getTime() > now.getTime() ? now : at;
}

/** A recorded pause of an issue on a line. */
export interface LinePause extends Pause {
  line: SupportLine;
}

function parsePause(r: Record<string, unknown>): LinePause & { issueId: string } {
  return {
    issueId: String(r['issue_id']),
    line: r['line'] as SupportLine,
    from: fromSqlDateTime(r['from_at']),
    to: r['to_at'] === null || r['to_at'] === undefined ? null : fromSqlDateTime(r['to_at']),
  };
}

/** Every pause of the given issues (one query), by issue id. */
export async function pausesOf(issueIds: readonly string[]): Promise<Map<string, LinePause[]>> {
  const out = new Map<string, LinePause[]>();
  if (issueIds.length === 0) return out;
  await ensureSchema();
  const rows = await query(
    `SELECT issue_id, line, from_at, to_at FROM line_pause WHERE issue_id IN (${issueIds.map(() => '?').join(', ')}) ORDER BY from_at ASC`,
    issueIds.map(Number),
    parsePause,
  );
  for (const { issueId, ...p } of rows) out.set(issueId, [...(out.get(issueId) ?? []), p]);
  return out;
}

/** The pauses of one line of an issue (from `pausesOf`). */
export function linePauses(all: Map<string, LinePause[]> | undefined, issueId: string, line: SupportLine): Pause[] {
  return (all?.get(issueId) ?? []).filter((p) => p.line === line).map(({ from, to }) => ({ from, to }));
}

export type PauseOutcome = 'paused' | 'resumed' | 'ignored';

/**
 * Applies a status change to the issue's line clock. `at` is when the status changed (the line's
 * clock stops or restarts there).
 */
export async function onStatusChange(
  issueId: string,
  change: { from: string | null; to: string | null },
  at: Date,
  deps: EscalationDeps,
): Promise<PauseOutcome> {
  const names = await loadPauseStatusNames(deps);
  const waiting = (s: string | null): boolean => s !== null && names.includes(s);
  const entering = waiting(change.to) && !waiting(change.from);
  const leaving = waiting(change.from) && !waiting(change.to);
  if (!entering && !leaving) return 'ignored';

  const ids = await deps.fieldIds();
  const issue = escalationIssueOf(await deps.jira.getIssue(issueId, { fields: escalationFieldList(ids) }), ids);
  if (issue.line === null || issue.enteredAt === null || issue.grade === null || issue.breachedAt !== null) return 'ignored';
  const { line, grade, enteredAt } = issue;
  await ensureSchema();
  const when = toSecond(at);
  const writes = new FieldWrites();

  if (entering) {
    const open = linePauses(await pausesOf([issueId]), issueId, line).some((p) => p.to === null);
    if (!open) {
      await execute('INSERT IGNORE INTO line_pause (issue_id, line, from_at, to_at) VALUES (?, ?, ?, NULL)', [Number(issueId), line, when]);
    }
    writes.set(issueId, ids.lineDueAt, null);
    writes.set(issueId, ids.lineWarnAt, null);
    await writeItrFields(deps.jira, writes.updates(), { ids });
    return 'paused';
  }

  // Leaving: close whatever is open for the issue (on any line; a pause never outlives its status),
  // but never before it started.
  await execute('UPDATE line_pause SET to_at = GREATEST(from_at, ?) WHERE issue_id = ? AND to_at IS NULL', [when, Number(issueId)]);
  const pauses = linePauses(await pausesOf([issueId]), issueId, line);
  const config = await deps.loadConfig();
  let clock;
  try {
    clock = lineClock(config, grade, line, enteredAt, pauses);
  } catch (e) {
    if (e instanceof DomainError) return 'ignored'; // a grade or calendar no longer configured: left for the admin
    throw e;
  }
  writes.set(issueId, ids.lineDueAt, clock.dueAt === null ? null : jiraDateTime(clock.dueAt));
  writes.set(issueId, ids.lineWarnAt, clock.warnAt === null ? null : jiraDateTime(clock.warnAt));
  await writeItrFields(deps.jira, writes.updates(), { ids });
  return 'resumed';
}
