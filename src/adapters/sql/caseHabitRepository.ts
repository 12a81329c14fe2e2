/**
 * The case-library habit's tables (src/adapters/sql/migrations.ts v071 `case_search_record`, v072
 * `case_decision`) and the supervision reads over them, the histories and the projection.
 *
 * "Searched before work" is decided by the domain (src/domain/analytics/caseHabit.ts) from one row per
 * issue: the first search, the first acceptance and the first time the issue left a line stay, each
 * read by its table's issue index (correlated subqueries, so no table is grouped whole).
 */
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query, type SqlParam } from './sqlClient';
import { periodExpr, where } from './factRepository';
import {
  CASE_DECISIONS,
  type AnalyticsFilter,
  type CaseDecisionKind,
  type LineStayCounts,
  type PeriodOutcomeRow,
} from '../../domain/analytics';
import type { CaseDecisionEntry, CaseHabitRepository, CaseSearchEntry, HabitFactRow } from '../../app/ports/caseHabit';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : fromSqlDateTime(v).toISOString());
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : fromSqlDateTime(v));
const decisionOf = (v: unknown): CaseDecisionKind | null =>
  (CASE_DECISIONS as readonly unknown[]).includes(v) ? (v as CaseDecisionKind) : null;

/** Longest query text kept (the column's width; a longer search is kept cut, it is a record of intent). */
export const QUERY_TEXT_MAX = 500;

const searchRow = (r: Record<string, unknown>): CaseSearchEntry => ({
  accountId: String(r['account_id']),
  at: fromSqlDateTime(r['searched_at']),
  query: String(r['query_text']),
  source: r['source'] === 'suggestion' ? 'suggestion' : 'search',
});

async function recordSearch(issueId: string, entry: CaseSearchEntry): Promise<void> {
  await ensureSchema();
  await execute(
    'INSERT INTO case_search_record (issue_id, account_id, searched_at, query_text, source) VALUES (?, ?, ?, ?, ?)',
    [Number(issueId), entry.accountId, entry.at, [...entry.query].slice(0, QUERY_TEXT_MAX).join(''), entry.source],
  );
}

async function searchesOf(
  issueId: string,
  limit: number,
): Promise<{ first: CaseSearchEntry | null; latest: CaseSearchEntry[]; count: number }> {
  await ensureSchema();
  const cols = 'account_id, searched_at, query_text, source';
  const [first, latest, count] = await Promise.all([
    query(
      `SELECT ${cols} FROM case_search_record WHERE issue_id = ? ORDER BY searched_at, id LIMIT 1`,
      [Number(issueId)],
      searchRow,
    ),
    query(
      `SELECT ${cols} FROM case_search_record WHERE issue_id = ? ORDER BY searched_at DESC, id DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
      [Number(issueId)],
      searchRow,
    ),
    query('SELECT COUNT(*) AS n FROM case_search_record WHERE issue_id = ?', [Number(issueId)], (r) => num(r['n'])),
  ]);
  return { first: first[0] ?? null, latest, count: count[0] ?? 0 };
}

const ACCEPTED_AT = `(SELECT MIN(c.at) FROM classification_history c WHERE c.issue_id = ? AND c.field = 'acceptance' AND c.new_value IN ('accepted', 'deemedAccepted'))`;
const FIRST_LEFT_AT = '(SELECT MIN(h.left_at) FROM line_history h WHERE h.issue_id = ? AND h.left_at IS NOT NULL)';

async function workStartOf(issueId: string): Promise<{ acceptedAt: Date | null; firstLineChangeAt: Date | null }> {
  await ensureSchema();
  const rows = await query(
    `SELECT ${ACCEPTED_AT} AS accepted_at, ${FIRST_LEFT_AT} AS first_left`,
    [Number(issueId), Number(issueId)],
    (r) => ({ acceptedAt: dateOrNull(r['accepted_at']), firstLineChangeAt: dateOrNull(r['first_left']) }),
  );
  return rows[0] ?? { acceptedAt: null, firstLineChangeAt: null };
}

async function linkedCases(issueKey: string): Promise<Array<{ caseId: number; relation: 'source' | 'used_on' }>> {
  await ensureSchema();
  return query(
    'SELECT case_id, relation FROM case_issue_link WHERE issue_key = ? ORDER BY at DESC LIMIT 50',
    [issueKey],
    (r) => ({ caseId: num(r['case_id']), relation: r['relation'] === 'source' ? 'source' : 'used_on' }),
  );
}

async function readDecision(issueId: string): Promise<CaseDecisionEntry | null> {
  await ensureSchema();
  const rows = await query(
    'SELECT decision, case_id, reason, decided_by, decided_at FROM case_decision WHERE issue_id = ?',
    [Number(issueId)],
    (r) => {
      const decision = decisionOf(r['decision']);
      if (decision === null) throw new TypeError(`unknown case decision ${String(r['decision'])}`);
      return {
        decision,
        caseId: r['case_id'] === null ? null : num(r['case_id']),
        reason: String(r['reason']),
        decidedBy: String(r['decided_by']),
        decidedAt: fromSqlDateTime(r['decided_at']),
      };
    },
  );
  return rows[0] ?? null;
}

async function saveDecision(issueId: string, e: CaseDecisionEntry): Promise<void> {
  await ensureSchema();
  await execute(
    `INSERT INTO case_decision (issue_id, decision, case_id, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE decision = VALUES(decision), case_id = VALUES(case_id), reason = VALUES(reason), decided_by = VALUES(decided_by), decided_at = VALUES(decided_at)`,
    [Number(issueId), e.decision, e.caseId, e.reason, e.decidedBy, e.decidedAt],
  );
}

async function habitRows(f: AnalyticsFilter, limit: number): Promise<HabitFactRow[]> {
  await ensureSchema();
  const w = where(f);
  return query(
    `SELECT f.owner_account_id, f.department, f.resolved_at,
       (SELECT MIN(cs.searched_at) FROM case_search_record cs WHERE cs.issue_id = f.issue_id) AS first_search,
       (SELECT MIN(c.at) FROM classification_history c WHERE c.issue_id = f.issue_id AND c.field = 'acceptance' AND c.new_value IN ('accepted', 'deemedAccepted')) AS accepted_at,
       (SELECT MIN(h.left_at) FROM line_history h WHERE h.issue_id = f.issue_id AND h.left_at IS NOT NULL) AS first_left,
       d.decision
     FROM itr_issue_fact f LEFT JOIN case_decision d ON d.issue_id = f.issue_id
     WHERE ${w.sql} LIMIT ${Math.max(1, Math.floor(limit))}`,
    w.params,
    (r) => ({
      ownerAccountId: str(r['owner_account_id']),
      department: str(r['department']),
      firstSearchAt: iso(r['first_search']),
      acceptedAt: iso(r['accepted_at']),
      firstLineChangeAt: iso(r['first_left']),
      resolved: r['resolved_at'] !== null && r['resolved_at'] !== undefined,
      decision: decisionOf(r['decision']),
    }),
  );
}

async function lineStayRows(f: AnalyticsFilter): Promise<LineStayCounts[]> {
  await ensureSchema();
  const w = where(f, 's');
  return query(
    `SELECT s.line, SUM(CASE WHEN s.outcome = 'resolved' THEN 1 ELSE 0 END) AS resolved,
       SUM(CASE WHEN s.outcome = 'passed_on' THEN 1 ELSE 0 END) AS passed_on,
       SUM(CASE WHEN s.outcome = 'timed_out' THEN 1 ELSE 0 END) AS timed_out
     FROM itr_stay_fact s WHERE s.outcome IS NOT NULL AND ${w.sql} GROUP BY s.line ORDER BY s.line`,
    w.params,
    (r) => ({
      line: String(r['line']),
      resolved: num(r['resolved']),
      passedOn: num(r['passed_on']),
      timedOut: num(r['timed_out']),
    }),
  );
}

/**
 * Per period of resolution. First contact mirrors `isFirstContact` of the domain: the issue's stays
 * number one and that one ended resolved.
 */
async function periodOutcomeRows(f: AnalyticsFilter): Promise<PeriodOutcomeRow[]> {
  await ensureSchema();
  const w = where(f);
  const params: SqlParam[] = w.params;
  return query(
    `SELECT ${periodExpr(f.granularity, 'f.resolved_at')} AS period, COUNT(*) AS resolved,
       SUM(CASE WHEN (SELECT COUNT(*) FROM itr_stay_fact s WHERE s.issue_id = f.issue_id) = 1
                 AND (SELECT COUNT(*) FROM itr_stay_fact s WHERE s.issue_id = f.issue_id AND s.outcome = 'resolved') = 1
           THEN 1 ELSE 0 END) AS first_contact,
       COUNT(f.satisfaction) AS visited, SUM(f.satisfaction) AS sat_sum
     FROM itr_issue_fact f WHERE f.resolved_at IS NOT NULL AND ${w.sql} GROUP BY period ORDER BY period`,
    params,
    (r) => ({
      period: String(r['period']),
      resolved: num(r['resolved']),
      firstContact: num(r['first_contact']),
      visited: num(r['visited']),
      satisfactionSum: num(r['sat_sum']),
    }),
  );
}

export const sqlCaseHabit: CaseHabitRepository = {
  recordSearch,
  searchesOf,
  workStartOf,
  linkedCases,
  readDecision,
  saveDecision,
  habitRows,
  lineStayRows,
  periodOutcomeRows,
};
