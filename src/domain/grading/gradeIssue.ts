import { DomainError, type ValidationIssue } from '../validation';
import { GradingErrorCode } from './grading.errors';
import type { GradeId, GradingAnswers, GradingOverride, GradingTable } from './gradingTable.types';

/**
 * One step of the reasoning behind a grade. `code` is stable and `params` fill the UI's translated
 * sentence; ids in params (dimension, option, grade, override) index the table's own bilingual labels.
 */
export type ExplanationStep =
  | {
      code: 'GRADING_STEP_DIMENSION';
      params: { dimension: string; option: string; optionScore: number; weight: number; points: number };
    }
  | { code: 'GRADING_STEP_THRESHOLD'; params: { score: number; minScore: number; grade: GradeId } }
  | {
      code: 'GRADING_STEP_OVERRIDE_AT_LEAST';
      params: { override: string; dimension: string; option: string; floor: GradeId; from: GradeId; to: GradeId };
    }
  | {
      code: 'GRADING_STEP_OVERRIDE_RAISE';
      params: { override: string; dimension: string; option: string; levels: number; from: GradeId; to: GradeId };
    };

export type GradeOutcome =
  | { ok: true; grade: GradeId; score: number; tableVersion: number; explanation: ExplanationStep[] }
  | { ok: false; issues: ValidationIssue[] };

/** Lowest and highest total score any combination of answers can reach. */
export function scoreRange(table: Pick<GradingTable, 'dimensions'>): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const d of table.dimensions) {
    const points = d.options.map((o) => d.weight * o.score);
    if (points.length === 0) continue;
    min += Math.min(...points);
    max += Math.max(...points);
  }
  return { min, max };
}

/** Position in `grades` (0 = most severe). */
function rankOf(table: GradingTable, grade: GradeId): number {
  const i = table.grades.findIndex((g) => g.id === grade);
  if (i < 0)
    throw new DomainError(GradingErrorCode.TableInvalid, `Grade "${grade}" is not defined in table v${table.version}.`);
  return i;
}

function gradeAt(table: GradingTable, rank: number): GradeId {
  const g = table.grades[rank];
  if (g === undefined)
    throw new DomainError(GradingErrorCode.TableInvalid, `Table v${table.version} has no grade at rank ${rank}.`);
  return g.id;
}

function checkAnswers(table: GradingTable, answers: GradingAnswers): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const d of table.dimensions) {
    const answer = Object.prototype.hasOwnProperty.call(answers, d.id) ? answers[d.id] : undefined;
    if (answer === undefined) {
      issues.push({
        code: GradingErrorCode.AnswerMissing,
        path: `answers.${d.id}`,
        message: `No answer for "${d.id}".`,
        params: { dimension: d.id },
      });
    } else if (!d.options.some((o) => o.id === answer)) {
      issues.push({
        code: GradingErrorCode.AnswerUnknownOption,
        path: `answers.${d.id}`,
        message: `"${answer}" is not an option of "${d.id}" in table v${table.version}.`,
        params: { dimension: d.id, option: answer, tableVersion: table.version },
      });
    }
  }
  // An answer for a dimension the table lacks usually means the form was built from another version.
  for (const key of Object.keys(answers)) {
    if (!table.dimensions.some((d) => d.id === key)) {
      issues.push({
        code: GradingErrorCode.AnswerUnknownDimension,
        path: `answers.${key}`,
        message: `Table v${table.version} has no dimension "${key}".`,
        params: { dimension: key, tableVersion: table.version },
      });
    }
  }
  return issues;
}

function applyOverride(
  table: GradingTable,
  o: GradingOverride,
  option: string,
  rank: number,
): { rank: number; step: ExplanationStep } {
  const from = gradeAt(table, rank);
  if (o.kind === 'atLeast') {
    const next = Math.min(rank, rankOf(table, o.grade));
    const step: ExplanationStep = {
      code: 'GRADING_STEP_OVERRIDE_AT_LEAST',
      params: { override: o.id, dimension: o.when.dimension, option, floor: o.grade, from, to: gradeAt(table, next) },
    };
    return { rank: next, step };
  }
  const next = Math.max(0, rank - o.levels);
  const step: ExplanationStep = {
    code: 'GRADING_STEP_OVERRIDE_RAISE',
    params: { override: o.id, dimension: o.when.dimension, option, levels: o.levels, from, to: gradeAt(table, next) },
  };
  return { rank: next, step };
}

/**
 * Grades an issue from the triage role's answers: weighted score → threshold grade → overrides in
 * table order. Missing or unknown answers come back as issues (a form problem, fixable by the user);
 * a table that would not validate throws DomainError (a configuration bug).
 *
 * @example
 * gradeIssue(DEFAULT_GRADING_TABLE, { businessImpact: 'outage', duration: 'h1to4', scope: 'large',
 *   customerTier: 'standard', sensitivity: 'none' }) // { ok: true, grade: 'critical', score: 61, … }
 */
export function gradeIssue(table: GradingTable, answers: GradingAnswers): GradeOutcome {
  const issues = checkAnswers(table, answers);
  if (issues.length > 0) return { ok: false, issues };

  const explanation: ExplanationStep[] = [];
  let score = 0;
  for (const d of table.dimensions) {
    const option = d.options.find((o) => o.id === answers[d.id]);
    if (option === undefined) continue; // unreachable: checkAnswers found every answer
    const points = d.weight * option.score;
    score += points;
    explanation.push({
      code: 'GRADING_STEP_DIMENSION',
      params: { dimension: d.id, option: option.id, optionScore: option.score, weight: d.weight, points },
    });
  }

  let threshold: GradingTable['thresholds'][number] | undefined;
  for (const t of table.thresholds) if (t.minScore <= score) threshold = t;
  if (threshold === undefined) {
    throw new DomainError(
      GradingErrorCode.TableInvalid,
      `Score ${score} is below every threshold of table v${table.version}.`,
    );
  }
  explanation.push({
    code: 'GRADING_STEP_THRESHOLD',
    params: { score, minScore: threshold.minScore, grade: threshold.grade },
  });

  let rank = rankOf(table, threshold.grade);
  for (const o of table.overrides) {
    const option = answers[o.when.dimension];
    if (option === undefined || !o.when.options.includes(option)) continue;
    const applied = applyOverride(table, o, option, rank);
    rank = applied.rank;
    explanation.push(applied.step);
  }
  return { ok: true, grade: gradeAt(table, rank), score, tableVersion: table.version, explanation };
}

/** Higher is more severe; lets callers compare grades without knowing the table's order convention. */
export function gradeSeverity(table: Pick<GradingTable, 'grades' | 'version'>, grade: GradeId): number {
  const i = table.grades.findIndex((g) => g.id === grade);
  if (i < 0)
    throw new DomainError(GradingErrorCode.TableInvalid, `Grade "${grade}" is not defined in table v${table.version}.`);
  return table.grades.length - 1 - i;
}
