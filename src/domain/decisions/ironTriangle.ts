/**
 * The iron triangle (铁三角, itr-process §4): a cross-department or high-grade issue is decided
 * collectively, not by one person. Speed: at most three decision levels. Safety: at least three roles
 * in each decision (sales, technical, delivery; finance or procurement join when money is involved).
 * Reported to quality (the app tells the configured quality group when the decision is complete).
 *
 * Pure rules: when a decision is needed (the admin's rule), whether a sign-off may be added, and when
 * the decision is complete. No clock: every time is an argument.
 *
 * Escalation never waits for a decision (升级的唯一规则是时间): nothing here is read by the escalation
 * rules (src/domain/escalation), whose input has no place for it; a test pins that.
 */

/** The roles that may sign a collective decision. */
export const DECISION_ROLES = ['sales', 'technical', 'delivery', 'finance', 'procurement'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

/** The roles that must take part when money is involved (at least one of them). */
export const MONEY_ROLES: readonly DecisionRole[] = ['finance', 'procurement'];

/** Fewest distinct roles that agree before a decision holds (safety). Fixed by the process: 3. */
export const MIN_DECISION_ROLES = 3;
/** Most decision levels a decision may climb (speed): 1 = team, 2 = department head, 3 = executive. */
export const MAX_DECISION_LEVELS = 3;

export type DecisionLevel = 1 | 2 | 3;
export type SignOffVerdict = 'agree' | 'object';

export function isDecisionRole(v: unknown): v is DecisionRole {
  return typeof v === 'string' && (DECISION_ROLES as readonly string[]).includes(v);
}

export function isDecisionLevel(v: unknown): v is DecisionLevel {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_DECISION_LEVELS;
}

/**
 * The admin's rule for when an issue needs a collective decision (KVS `config:decisions`):
 * `grades` lists the grade ids that always need one (e.g. the most severe); `crossDepartment` asks for
 * one as soon as the people involved belong to more than one department.
 */
export interface DecisionRule {
  grades: readonly string[];
  crossDepartment: boolean;
}

export type DecisionReason = 'grade' | 'crossDepartment';

export interface DecisionFacts {
  grade: string | null;
  /** The departments of the people involved (submitter, owners, line holders), duplicates allowed. */
  departments: readonly string[];
}

/**
 * Why the issue needs a collective decision under `rule` (empty: it does not).
 *
 * @example
 *   decisionReasons({ grades: ['critical'], crossDepartment: true }, { grade: 'major', departments: ['A', 'B'] })
 *   // ['crossDepartment']
 */
export function decisionReasons(rule: DecisionRule, facts: DecisionFacts): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  if (facts.grade !== null && rule.grades.includes(facts.grade)) reasons.push('grade');
  const distinct = new Set(facts.departments.map((d) => d.trim()).filter((d) => d !== ''));
  if (rule.crossDepartment && distinct.size > 1) reasons.push('crossDepartment');
  return reasons;
}

/** One role's sign-off: who, when, at which level, agree or object, with a note. */
export interface SignOff {
  role: DecisionRole;
  level: DecisionLevel;
  verdict: SignOffVerdict;
  by: string;
  at: Date;
  note: string;
}

export type DecisionStatus = 'pending' | 'agreed' | 'objected';

export interface DecisionState {
  status: DecisionStatus;
  /** Distinct roles that agreed. */
  agreedRoles: DecisionRole[];
  /** Roles that objected (their latest word stands). */
  objectedRoles: DecisionRole[];
  /** How many more distinct roles must agree (0 when enough did). */
  rolesMissing: number;
  /** Whether money is involved and neither finance nor procurement agreed yet. */
  moneyRoleMissing: boolean;
  /** The highest level that signed (0 before any sign-off). */
  highestLevel: number;
}

/**
 * Where a decision stands. Each role's latest sign-off counts (a role may change its word while the
 * decision is open). It holds (`agreed`) when at least MIN_DECISION_ROLES distinct roles agree, none
 * objects, and, when money is involved, finance or procurement is among them. An objection keeps it
 * `objected` until that role agrees or the decision climbs a level (a higher level's word replaces a
 * lower one's for the same role).
 */
export function decisionState(signOffs: readonly SignOff[], money: boolean): DecisionState {
  const latest = new Map<DecisionRole, SignOff>();
  for (const s of [...signOffs].sort((a, b) => a.level - b.level || a.at.getTime() - b.at.getTime()))
    latest.set(s.role, s);
  const agreedRoles = DECISION_ROLES.filter((r) => latest.get(r)?.verdict === 'agree');
  const objectedRoles = DECISION_ROLES.filter((r) => latest.get(r)?.verdict === 'object');
  const moneyRoleMissing = money && !agreedRoles.some((r) => MONEY_ROLES.includes(r));
  const rolesMissing = Math.max(0, MIN_DECISION_ROLES - agreedRoles.length);
  const highestLevel = signOffs.reduce((m, s) => Math.max(m, s.level), 0);
  const status: DecisionStatus =
    objectedRoles.length > 0 ? 'objected' : rolesMissing === 0 && !moneyRoleMissing ? 'agreed' : 'pending';
  return { status, agreedRoles, objectedRoles, rolesMissing, moneyRoleMissing, highestLevel };
}

export const DecisionErrorCode = {
  /** The decision already holds: it is recorded and closed. */
  Closed: 'DECISION_CLOSED',
  /** The level is not 1–3 (at most three decision levels). */
  LevelOutOfRange: 'DECISION_LEVEL_OUT_OF_RANGE',
  /** A sign-off below the level the decision already reached (a decision only climbs). */
  LevelBelowCurrent: 'DECISION_LEVEL_BELOW_CURRENT',
} as const;
export type DecisionErrorCode = (typeof DecisionErrorCode)[keyof typeof DecisionErrorCode];

/**
 * Whether `candidate` may be added to `existing`: null when it may, else the stable code why not.
 * A decision only climbs (no sign-off below the highest level reached) and never beyond level 3; a
 * decision that holds is closed.
 */
export function signOffRefusal(
  existing: readonly SignOff[],
  money: boolean,
  candidate: Pick<SignOff, 'level'>,
): DecisionErrorCode | null {
  if (!isDecisionLevel(candidate.level)) return DecisionErrorCode.LevelOutOfRange;
  const state = decisionState(existing, money);
  if (state.status === 'agreed') return DecisionErrorCode.Closed;
  if (candidate.level < state.highestLevel) return DecisionErrorCode.LevelBelowCurrent;
  return null;
}
