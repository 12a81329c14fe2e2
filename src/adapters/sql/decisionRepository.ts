/**
 * The decision tables (src/adapters/sql/migrations.ts v051–v054): the iron triangle's decision and its
 * sign-offs, actions that cost money, questions to the submitter (src/app/ports/decisions.ts).
 */
import { projectKeyOfIssueKey } from '../../domain/jiraKeys';
import { isCostKind, isDecisionLevel, isDecisionRole, type CostStatus } from '../../domain/decisions';
import type {
  ClarificationRecord,
  CostActionRecord,
  DecisionRecord,
  DecisionRepository,
  SignOffRecord,
} from '../../app/ports/decisions';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query, queryOne } from './sqlClient';

const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : fromSqlDateTime(v));
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function costStatus(v: unknown): CostStatus {
  if (v === 'pending' || v === 'approved' || v === 'refused' || v === 'done') return v;
  throw new TypeError(`unknown cost status ${String(v)}`);
}

function parseDecision(r: Record<string, unknown>): DecisionRecord {
  return {
    issueId: String(r['issue_id']),
    issueKey: String(r['issue_key']),
    proposal: String(r['proposal']),
    money: r['money'] === true || Number(r['money']) === 1,
    openedBy: String(r['opened_by']),
    openedAt: fromSqlDateTime(r['opened_at']),
    agreedAt: dateOrNull(r['agreed_at']),
    qualityInformedAt: dateOrNull(r['quality_informed_at']),
  };
}

function parseSignOff(r: Record<string, unknown>): SignOffRecord {
  const role = r['role'];
  const level = Number(r['level']);
  const verdict = r['verdict'];
  if (!isDecisionRole(role) || !isDecisionLevel(level) || (verdict !== 'agree' && verdict !== 'object'))
    throw new TypeError(`bad sign-off row ${String(role)}/${level}/${String(verdict)}`);
  return {
    role,
    level,
    verdict,
    note: String(r['note']),
    by: String(r['by_account_id']),
    at: fromSqlDateTime(r['signed_at']),
  };
}

function parseCost(r: Record<string, unknown>): CostActionRecord {
  const kind = r['kind'];
  if (!isCostKind(kind)) throw new TypeError(`unknown cost kind ${String(kind)}`);
  return {
    id: String(r['id']),
    issueId: String(r['issue_id']),
    issueKey: String(r['issue_key']),
    kind,
    amountMinor: Number(r['amount_minor']),
    currency: String(r['currency']),
    description: String(r['description']),
    status: costStatus(r['status']),
    requestedBy: String(r['requested_by']),
    requestedAt: fromSqlDateTime(r['requested_at']),
    decidedBy: textOrNull(r['decided_by']),
    decidedAt: dateOrNull(r['decided_at']),
    decisionNote: textOrNull(r['decision_note']),
    doneBy: textOrNull(r['done_by']),
    doneAt: dateOrNull(r['done_at']),
  };
}

function parseClarification(r: Record<string, unknown>): ClarificationRecord {
  const via = r['answered_via'];
  return {
    id: String(r['id']),
    issueId: String(r['issue_id']),
    question: String(r['question']),
    askedBy: String(r['asked_by']),
    askedAt: fromSqlDateTime(r['asked_at']),
    submitter: String(r['submitter_account_id']),
    answer: textOrNull(r['answer']),
    answeredBy: textOrNull(r['answered_by']),
    answeredAt: dateOrNull(r['answered_at']),
    answeredVia: via === 'panel' || via === 'comment' ? via : null,
  };
}

const COST_COLUMNS =
  'id, issue_id, issue_key, kind, amount_minor, currency, description, status, requested_by, requested_at, decided_by, decided_at, decision_note, done_by, done_at';

export const sqlDecisions: DecisionRepository = {
  async decisionOf(issueId) {
    await ensureSchema();
    const decision = await queryOne(
      'SELECT issue_id, issue_key, proposal, money, opened_by, opened_at, agreed_at, quality_informed_at FROM itr_decision WHERE issue_id = ?',
      [Number(issueId)],
      parseDecision,
    );
    if (decision === undefined) return undefined;
    const signOffs = await query(
      'SELECT role, level, verdict, note, by_account_id, signed_at FROM itr_decision_signoff WHERE issue_id = ? ORDER BY signed_at ASC, id ASC',
      [Number(issueId)],
      parseSignOff,
    );
    return { decision, signOffs };
  },
  async openDecision(d) {
    await ensureSchema();
    const r = await execute(
      'INSERT IGNORE INTO itr_decision (issue_id, issue_key, proposal, money, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)',
      [Number(d.issueId), d.issueKey, d.proposal, d.money, d.openedBy, d.openedAt],
    );
    return r.affectedRows === 1;
  },
  async addSignOff(issueId, s) {
    await ensureSchema();
    await execute(
      'INSERT INTO itr_decision_signoff (issue_id, role, level, verdict, note, by_account_id, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [Number(issueId), s.role, s.level, s.verdict, s.note, s.by, s.at],
    );
  },
  async markAgreed(issueId, at) {
    await ensureSchema();
    const r = await execute('UPDATE itr_decision SET agreed_at = ? WHERE issue_id = ? AND agreed_at IS NULL', [
      at,
      Number(issueId),
    ]);
    return r.affectedRows === 1;
  },
  async markQualityInformed(issueId, at) {
    await ensureSchema();
    await execute('UPDATE itr_decision SET quality_informed_at = ? WHERE issue_id = ?', [at, Number(issueId)]);
  },

  async costActionsOf(issueId) {
    await ensureSchema();
    return query(
      `SELECT ${COST_COLUMNS} FROM itr_cost_action WHERE issue_id = ? ORDER BY requested_at ASC, id ASC`,
      [Number(issueId)],
      parseCost,
    );
  },
  async requestCost(r) {
    await ensureSchema();
    const w = await execute(
      'INSERT INTO itr_cost_action (issue_id, issue_key, project_key, kind, amount_minor, currency, description, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        Number(r.issueId),
        r.issueKey,
        projectKeyOfIssueKey(r.issueKey) ?? '',
        r.kind,
        r.amountMinor,
        r.currency,
        r.description,
        r.status,
        r.requestedBy,
        r.requestedAt,
      ],
    );
    return String(w.insertId);
  },
  async moveCost(issueId, id, from, to, by, at, note) {
    await ensureSchema();
    const done = to === 'done';
    const w = await execute(
      done
        ? 'UPDATE itr_cost_action SET status = ?, done_by = ?, done_at = ? WHERE id = ? AND issue_id = ? AND status = ?'
        : 'UPDATE itr_cost_action SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND issue_id = ? AND status = ?',
      done ? [to, by, at, Number(id), Number(issueId), from] : [to, by, at, note, Number(id), Number(issueId), from],
    );
    return w.affectedRows === 1;
  },
  async costSummary(projectKeys) {
    if (projectKeys.length === 0) return [];
    await ensureSchema();
    return query(
      `SELECT status, currency, COUNT(*) AS n, SUM(amount_minor) AS amount FROM itr_cost_action WHERE project_key IN (${projectKeys.map(() => '?').join(', ')}) GROUP BY status, currency`,
      [...projectKeys],
      (r) => ({
        status: costStatus(r['status']),
        currency: String(r['currency']),
        count: Number(r['n']),
        amountMinor: Number(r['amount']),
      }),
    );
  },

  async clarificationsOf(issueId) {
    await ensureSchema();
    return query(
      'SELECT id, issue_id, question, asked_by, asked_at, submitter_account_id, answer, answered_by, answered_at, answered_via FROM itr_clarification WHERE issue_id = ? ORDER BY asked_at ASC, id ASC',
      [Number(issueId)],
      parseClarification,
    );
  },
  async askClarification(r) {
    await ensureSchema();
    const w = await execute(
      'INSERT INTO itr_clarification (issue_id, question, asked_by, asked_at, submitter_account_id) VALUES (?, ?, ?, ?, ?)',
      [Number(r.issueId), r.question, r.askedBy, r.askedAt, r.submitter],
    );
    return String(w.insertId);
  },
  async answerClarification(issueId, id, a) {
    await ensureSchema();
    const w = await execute(
      'UPDATE itr_clarification SET answer = ?, answered_by = ?, answered_at = ?, answered_via = ? WHERE id = ? AND issue_id = ? AND answered_at IS NULL',
      [a.text, a.by, a.at, a.via, Number(id), Number(issueId)],
    );
    return w.affectedRows === 1;
  },
};
