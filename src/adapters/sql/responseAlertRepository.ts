/**
 * Claims on the response clock's side effects Jira cannot make idempotent (a comment, a history row):
 * table `response_alert` (migration v030), unique by (issue, alert, time). As for escalation_action
 * (escalationActionRepository.ts): a consumer inserts what it decided with its own token and does
 * only the rows carrying it; a claim not done after LEASE_MS belonged to a consumer that died and is
 * taken over, so a duplicate event never comments twice while the first consumer lives.
 */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import { sqlLimit } from './sqlLimit';
import {
  RESPONSE_LEASE_MS,
  type OwnedResponseAlert,
  type ResponseAlertClaim,
  type ResponseAlertRepository,
} from '../../app/ports/responseAlerts';

const parse = (r: Record<string, unknown>): OwnedResponseAlert => {
  const alert = r['alert'];
  if (alert !== 'warn' && alert !== 'overdue' && alert !== 'deemed') throw new TypeError('bad response_alert row');
  return { id: Number(r['id']), issueId: String(r['issue_id']), alert, at: fromSqlDateTime(r['alert_at']) };
};

/**
 * Inserts `alerts` (existing ones are left alone), takes over stale claims on `issueIds`, and answers
 * the undone alerts this token owns: three statements whatever the batch size.
 */
async function claimResponseAlerts(
  alerts: readonly ResponseAlertClaim[],
  issueIds: readonly string[],
  token: string,
  now: Date,
): Promise<OwnedResponseAlert[]> {
  if (issueIds.length === 0) return [];
  await ensureSchema();
  if (alerts.length > 0) {
    await execute(
      `INSERT INTO response_alert (issue_id, alert, alert_at, claim_token, claimed_at) VALUES ${alerts.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE id = id`,
      alerts.flatMap((a) => [Number(a.issueId), a.alert, a.at, token, now]),
    );
  }
  const ids = issueIds.map(Number);
  const marks = ids.map(() => '?').join(', ');
  await execute(
    `UPDATE response_alert SET claim_token = ?, claimed_at = ? WHERE done_at IS NULL AND claimed_at < ? AND claim_token <> ? AND issue_id IN (${marks})`,
    [token, now, new Date(now.getTime() - RESPONSE_LEASE_MS), token, ...ids],
  );
  return query(
    `SELECT id, issue_id, alert, alert_at FROM response_alert WHERE claim_token = ? AND done_at IS NULL AND issue_id IN (${marks}) ORDER BY id`,
    [token, ...ids],
    parse,
  );
}

async function markResponseAlertsDone(ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await execute(`UPDATE response_alert SET done_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [now, ...ids]);
}

/** Gives claims back at once (their owner hands its work to the queue, it is not dying). */
async function releaseResponseAlerts(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await execute(
    `UPDATE response_alert SET claimed_at = ? WHERE done_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
    [new Date(0), ...ids],
  );
}

/** Issues with an alert whose owner died (not done after the lease): the sweep hands them out again. */
async function staleResponseAlertIssueIds(now: Date, limit: number): Promise<string[]> {
  await ensureSchema();
  return query(
    `SELECT DISTINCT issue_id FROM response_alert WHERE done_at IS NULL AND claimed_at < ? LIMIT ${sqlLimit(limit, 100, 10_000)}`,
    [new Date(now.getTime() - RESPONSE_LEASE_MS)],
    (r) => String(r['issue_id']),
  );
}

export const sqlResponseAlerts: ResponseAlertRepository = {
  claimResponseAlerts,
  markResponseAlertsDone,
  releaseResponseAlerts,
  staleResponseAlertIssueIds,
};
