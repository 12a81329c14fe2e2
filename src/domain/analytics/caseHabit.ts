/**
 * The case-library habit (查案例, 建案例; itr-process §4) and the support lines' targets (§4: each line
 * solves at least 80 % of what it receives), as pure rules. No clock: every instant is an argument.
 *
 * - Searched before work: the engineer searched the case library for the issue before work on it
 *   started. Work starts at the earlier of the holder's acceptance (explicit or deemed by timeout)
 *   and the first line change (the issue leaving its first line stay: escalated, passed on or
 *   resolved there). Until either happens, work has not started, and any search so far counts.
 * - Case decision at resolution: a new case, an improved case (which one), or none with a reason.
 * - Line resolution share: of the stays that ended on a line, the share that ended resolved there.
 * - First-contact resolution: a resolved issue whose only stay was the one that resolved it.
 * - Satisfaction trend: the return visits' mean satisfaction per period of resolution.
 */

// ----- searched before work ------------------------------------------------------------------------

/** What marks the start of work on an issue (ISO instants; null when it has not happened). */
export interface WorkStartEvents {
  /** The holder's acceptance, explicit or deemed by timeout. */
  acceptedAt: string | null;
  /** The first time the issue left a line stay (its first line change, or resolution on the first line). */
  firstLineChangeAt: string | null;
}

/** When work started: the earlier of acceptance and the first line change; null while neither happened. */
export function workStartedAt(e: WorkStartEvents): string | null {
  const times = [e.acceptedAt, e.firstLineChangeAt].filter((t): t is string => t !== null);
  if (times.length === 0) return null;
  return times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

/**
 * Whether the case library was searched before work started: the first search at or before the start
 * (a search in the same millisecond as the acceptance counts: the panel records the search first).
 * With no search, false; with a search and no start yet, true.
 */
export function searchedBeforeWork(firstSearchAt: string | null, e: WorkStartEvents): boolean {
  if (firstSearchAt === null) return false;
  const start = workStartedAt(e);
  return start === null || Date.parse(firstSearchAt) <= Date.parse(start);
}

// ----- the case decision at resolution ------------------------------------------------------------

export const CASE_DECISIONS = ['newCase', 'improvedCase', 'none'] as const;
export type CaseDecisionKind = (typeof CASE_DECISIONS)[number];

/** Longest reason kept for "no case" (characters; range 1–2,000, the history reason column's width). */
export const CASE_DECISION_REASON_MAX = 2000;

export interface CaseDecisionInput {
  decision: CaseDecisionKind;
  /** The case created or improved; required for newCase and improvedCase, absent for none. */
  caseId: number | null;
  /** Why no case; required for none, optional otherwise. */
  reason: string;
}

export type CaseDecisionProblem =
  | { code: 'CASE_DECISION_CASE_REQUIRED'; path: 'caseId' }
  | { code: 'CASE_DECISION_REASON_REQUIRED'; path: 'reason' }
  | { code: 'CASE_DECISION_REASON_TOO_LONG'; path: 'reason'; max: number };

/** The decision as stored (reason trimmed, no case for none), or every problem with it. */
export function checkCaseDecision(
  input: CaseDecisionInput,
): { ok: true; value: CaseDecisionInput } | { ok: false; problems: CaseDecisionProblem[] } {
  const reason = input.reason.trim();
  const problems: CaseDecisionProblem[] = [];
  if (input.decision !== 'none' && (input.caseId === null || !Number.isInteger(input.caseId) || input.caseId < 1))
    problems.push({ code: 'CASE_DECISION_CASE_REQUIRED', path: 'caseId' });
  if (input.decision === 'none' && reason === '')
    problems.push({ code: 'CASE_DECISION_REASON_REQUIRED', path: 'reason' });
  if (reason.length > CASE_DECISION_REASON_MAX)
    problems.push({ code: 'CASE_DECISION_REASON_TOO_LONG', path: 'reason', max: CASE_DECISION_REASON_MAX });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { decision: input.decision, caseId: input.decision === 'none' ? null : input.caseId, reason },
  };
}

// ----- per person / department shares ---------------------------------------------------------------

/** One issue as the habit figures need it (one row per issue of the filter). */
export interface HabitIssueRow {
  /** The person (owner account id) or the department the issue counts for; null when none. */
  key: string | null;
  firstSearchAt: string | null;
  acceptedAt: string | null;
  firstLineChangeAt: string | null;
  resolved: boolean;
  decision: CaseDecisionKind | null;
}

export interface HabitShare {
  key: string | null;
  issues: number;
  searchedBeforeWork: number;
  /** searchedBeforeWork / issues, to 0.1 %; null with no issue. */
  searchedShare: number | null;
  resolved: number;
  decisions: Record<CaseDecisionKind, number>;
  /** Resolved issues without a decision. */
  undecided: number;
}

const share = (part: number, whole: number): number | null =>
  whole <= 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** The habit figures per key, ordered by issues (most first), then key. */
export function habitShares(rows: readonly HabitIssueRow[]): HabitShare[] {
  const by = new Map<string | null, HabitShare>();
  for (const r of rows) {
    const s = by.get(r.key) ?? {
      key: r.key,
      issues: 0,
      searchedBeforeWork: 0,
      searchedShare: null,
      resolved: 0,
      decisions: { newCase: 0, improvedCase: 0, none: 0 },
      undecided: 0,
    };
    s.issues += 1;
    if (searchedBeforeWork(r.firstSearchAt, r)) s.searchedBeforeWork += 1;
    if (r.resolved) {
      s.resolved += 1;
      if (r.decision === null) s.undecided += 1;
    }
    if (r.decision !== null) s.decisions[r.decision] += 1;
    by.set(r.key, s);
  }
  return [...by.values()]
    .map((s) => ({ ...s, searchedShare: share(s.searchedBeforeWork, s.issues) }))
    .sort((a, b) => b.issues - a.issues || String(a.key ?? '').localeCompare(String(b.key ?? '')));
}

// ----- line targets ---------------------------------------------------------------------------------

/** The process's figure: each line solves at least 80 % of what reaches it (range 0–1; default 0.8). */
export const DEFAULT_LINE_TARGET_SHARE = 0.8;
/**
 * Fewest ended stays on a line before it can be flagged (range 1–1,000; default 5): two stays, one
 * passed on, is not a line below target, it is too little to say.
 */
export const LINE_TARGET_MIN_STAYS = 5;

export interface LineStayCounts {
  line: string;
  resolved: number;
  passedOn: number;
  timedOut: number;
}

export interface LineResolution {
  line: string;
  /** Stays that ended on the line. */
  ended: number;
  resolved: number;
  /** resolved / ended to 0.1 %; null with nothing ended. */
  share: number | null;
  target: number;
  /** Enough stays ended and the share is under the target. */
  belowTarget: boolean;
}

/** Each line's resolution share against its target (`targets` by line id; the default for a line without one). */
export function lineResolution(
  rows: readonly LineStayCounts[],
  targets: Readonly<Record<string, number>>,
  minStays: number = LINE_TARGET_MIN_STAYS,
): LineResolution[] {
  return [...rows]
    .sort((a, b) => a.line.localeCompare(b.line))
    .map((r) => {
      const ended = r.resolved + r.passedOn + r.timedOut;
      const s = share(r.resolved, ended);
      const target = targets[r.line] ?? DEFAULT_LINE_TARGET_SHARE;
      return {
        line: r.line,
        ended,
        resolved: r.resolved,
        share: s,
        target,
        belowTarget: s !== null && ended >= minStays && s < target,
      };
    });
}

/** A target share as stored: a fraction 0–1 (the page edits it as a percentage), rounded to 0.1 %; null when not one. */
export function checkTargetShare(v: unknown): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) return null;
  return Math.round(v * 1000) / 1000;
}

// ----- first-contact resolution and satisfaction trend ------------------------------------------------

export interface PeriodOutcomeRow {
  period: string;
  /** Issues resolved in the period. */
  resolved: number;
  /** Of them, resolved on their first and only stay. */
  firstContact: number;
  /** Return visits with a satisfaction, and their sum (1–5 each). */
  visited: number;
  satisfactionSum: number;
}

export interface PeriodOutcome {
  period: string;
  resolved: number;
  firstContact: number;
  firstContactShare: number | null;
  visited: number;
  /** Mean satisfaction to 0.01; null without a visit. */
  satisfactionAvg: number | null;
}

/** First-contact share and mean satisfaction per period, in period order. */
export function periodOutcomes(rows: readonly PeriodOutcomeRow[]): PeriodOutcome[] {
  return [...rows]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((r) => ({
      period: r.period,
      resolved: r.resolved,
      firstContact: r.firstContact,
      firstContactShare: share(r.firstContact, r.resolved),
      visited: r.visited,
      satisfactionAvg: r.visited <= 0 ? null : Math.round((r.satisfactionSum / r.visited) * 100) / 100,
    }));
}

/** Whether a resolved issue's stays make it a first-contact resolution: exactly one stay, resolved. */
export function isFirstContact(stayOutcomes: ReadonlyArray<string | null>): boolean {
  return stayOutcomes.length === 1 && stayOutcomes[0] === 'resolved';
}
