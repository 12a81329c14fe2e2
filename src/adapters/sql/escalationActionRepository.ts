/** The `escalation_action` table (migrations.ts): the claims of src/app/ports/escalationActions.ts. */
import { isSupportLine } from '../../domain';
import {
  LEASE_MS,
  type EscalationAction,
  type EscalationActionRepository,
  type OwnedAction,
} from '../../app/ports/escalationActions';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import { sqlLimit } from './sqlLimit';

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
async function claimActions(
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

async function markDone(ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await execute(`UPDATE escalation_action SET done_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [
    now,
    ...ids,
  ]);
}

/** Gives claims back at once (their owner is handing its work to the queue, not dying). */
async function releaseClaims(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await execute(
    `UPDATE escalation_action SET claimed_at = ? WHERE done_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
    [new Date(0), ...ids],
  );
}

/** Issues with a claim whose owner died (not done after the lease): the sweep hands them out again. */
async function staleClaimIssueIds(now: Date, limit: number): Promise<string[]> {
  await ensureSchema();
  const rows = await query(
    `SELECT DISTINCT issue_id FROM escalation_action WHERE done_at IS NULL AND claimed_at < ? LIMIT ${sqlLimit(limit, 100, 10_000)}`,
    [new Date(now.getTime() - LEASE_MS)],
    (r) => String(r['issue_id']),
  );
  return rows;
}

export const sqlEscalationActions: EscalationActionRepository = {
  claimActions,
  markDone,
  releaseClaims,
  staleClaimIssueIds,
};
