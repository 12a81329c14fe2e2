/**
 * Claims on escalation side effects Jira cannot make idempotent (a comment, a notification): table
 * `escalation_action`, unique by (issue, action, line, line_entered_at). A consumer inserts the actions
 * it decided on with its own claim token; only rows carrying its token are its to perform. A claim not
 * done after LEASE_MS belongs to a consumer that died half-way: the next one takes it over, so nothing
 * decided is lost and nothing is done twice while its owner lives.
 */
import { execute, fromSqlDateTime, query, sqlLimit } from '../../adapters/sql';
import { isSupportLine, type SupportLine } from '../../domain';
import { ensureSchema } from '../../adapters/sql';

/**
 * How long a claim protects its owner. Longer than a consumer can run (timeoutSeconds 300 in the
 * manifest), so a live owner is never robbed. Range ≥ 300 000 ms; default 15 min.
 */
export const LEASE_MS = 15 * 60_000;

export type ActionKind = 'warn' | 'escalate' | 'breach';

export interface EscalationAction {
  issueId: string;
  action: ActionKind;
  /** The line the action is about (warned, left, or breached). */
  line: SupportLine;
  lineEnteredAt: Date;
  /** For `escalate`: the line the issue moved to. */
  toLine: SupportLine | null;
}

export interface OwnedAction extends EscalationAction {
  id: number;
}

function parseAction(r: Record<string, unknown>): OwnedAction {
  const line = r['line'];
  const to = r['to_line'];
  const action = r['action'];
  if (!isSupportLine(line) || (action !== 'warn' && action !== 'escalate' && action !== 'breach'))
    throw new TypeError('bad action row');
  return {
    id: Number(r['id']),
    issueId: String(r['issue_id']),
    action,
    line,
    lineEnteredAt: fromSqlDateTime(r['line_entered_at']),
    toLine: isSupportLine(to) ? to : null,
  };
}

/**
 * Inserts `actions` (existing ones are left alone), takes over stale claims on `issueIds`, and answers
 * the undone actions this token owns: three statements whatever the batch size.
 */
export async function claimActions(
  actions: readonly EscalationAction[],
  issueIds: readonly string[],
  token: string,
  now: Date,
): Promise<OwnedAction[]> {
  if (issueIds.length === 0) return [];
  await ensureSchema();
  if (actions.length > 0) {
    await execute(
      `INSERT INTO escalation_action (issue_id, action, line, line_entered_at, to_line, claim_token, claimed_at) VALUES ${actions.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE id = id`,
      actions.flatMap((a) => [Number(a.issueId), a.action, a.line, a.lineEnteredAt, a.toLine, token, now]),
    );
  }
  const ids = issueIds.map(Number);
  const marks = ids.map(() => '?').join(', ');
  await execute(
    `UPDATE escalation_action SET claim_token = ?, claimed_at = ? WHERE done_at IS NULL AND claimed_at < ? AND claim_token <> ? AND issue_id IN (${marks})`,
    [token, now, new Date(now.getTime() - LEASE_MS), token, ...ids],
  );
  return query(
    `SELECT id, issue_id, action, line, line_entered_at, to_line FROM escalation_action WHERE claim_token = ? AND done_at IS NULL AND issue_id IN (${marks}) ORDER BY id`,
    [token, ...ids],
    parseAction,
  );
}

export async function markDone(ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await execute(`UPDATE escalation_action SET done_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [
    now,
    ...ids,
  ]);
}

/** Gives claims back at once (their owner is handing its work to the queue, not dying). */
export async function releaseClaims(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await execute(
    `UPDATE escalation_action SET claimed_at = ? WHERE done_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
    [new Date(0), ...ids],
  );
}

/** Issues with a claim whose owner died (not done after the lease): the sweep hands them out again. */
export async function staleClaimIssueIds(now: Date, limit: number): Promise<string[]> {
  await ensureSchema();
  const rows = await query(
    `SELECT DISTINCT issue_id FROM escalation_action WHERE done_at IS NULL AND claimed_at < ? LIMIT ${sqlLimit(limit, 100, 10_000)}`,
    [new Date(now.getTime() - LEASE_MS)],
    (r) => String(r['issue_id']),
  );
  return rows;
}
