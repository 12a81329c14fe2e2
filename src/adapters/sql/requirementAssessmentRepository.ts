/**
 * The `requirement_assessment` table (src/adapters/sql/migrations.ts v031): a requirement's value
 * assessments, one row per version (who, when), the newest in force.
 */
import { isAssessmentDecision } from '../../domain';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';
import type { RequirementAssessmentRepository, StoredAssessment } from '../../app/ports/requirementAssessments';

function parseRow(r: Record<string, unknown>): StoredAssessment {
  const decision = r['decision'];
  if (!isAssessmentDecision(decision)) throw new TypeError(`unknown assessment decision ${String(decision)}`);
  return {
    id: Number(r['id']),
    expectedValue: String(r['expected_value']),
    cost: String(r['cost']),
    decision,
    reason: String(r['reason']),
    assessedBy: String(r['assessed_by']),
    assessedAt: fromSqlDateTime(r['assessed_at']),
  };
}

async function assessmentsOf(issueId: string): Promise<StoredAssessment[]> {
  await ensureSchema();
  return query(
    `SELECT id, expected_value, cost, decision, reason, assessed_by, assessed_at
       FROM requirement_assessment WHERE issue_id = ? ORDER BY id DESC LIMIT 100`,
    [Number(issueId)],
    parseRow,
  );
}

async function recordAssessment(issueId: string, a: Omit<StoredAssessment, 'id'>): Promise<StoredAssessment> {
  await ensureSchema();
  const written = await execute(
    `INSERT INTO requirement_assessment (issue_id, expected_value, cost, decision, reason, assessed_by, assessed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [Number(issueId), a.expectedValue, a.cost, a.decision, a.reason, a.assessedBy, a.assessedAt],
  );
  return { ...a, id: Number(written.insertId) };
}

export const sqlRequirementAssessments: RequirementAssessmentRepository = { assessmentsOf, recordAssessment };
