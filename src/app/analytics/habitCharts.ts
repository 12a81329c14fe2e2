/**
 * The supervision page's case-library habit figures (issue 17): per person and per department the share
 * of issues whose case library was searched before work started and the case decisions at resolution;
 * per line the share of ended stays resolved there against the admin's target (flagged below it); per
 * period the first-contact resolution and the return visits' satisfaction. The rules are the domain's
 * (src/domain/analytics/caseHabit.ts); storage reads are src/app/ports/caseHabit.ts.
 */
import { ConfigStore } from '../../adapters/kvs';
import type { CaseHabitChart, HabitShareDto, LineOutcomeChart } from '../../contract/caseHabit';
import { habitShares, lineResolution, periodOutcomes, type HabitShare } from '../../domain/analytics';
import { repositories } from '../ports';
import { loadLineTargets } from '../settings/lineTargets';
import type { ChartInput } from './report';

/**
 * Most issues the habit figures read in one call (range 1,000–50,000; default 20,000): one short row each,
 * well under Forge SQL's 4 MiB answer. Beyond it the page says the figures cover the first ones only.
 */
export const HABIT_ROWS_MAX = 20_000;

export async function caseHabitChart(input: ChartInput): Promise<CaseHabitChart | null> {
  const settings = await input.deps.settings();
  if (!(await input.scope.maySeePeople(settings))) return null;
  const rows = input.none ? [] : await repositories().caseHabit.habitRows(input.scoped, HABIT_ROWS_MAX + 1);
  const truncated = rows.length > HABIT_ROWS_MAX;
  const kept = rows.slice(0, HABIT_ROWS_MAX);
  const byPerson = habitShares(kept.map((r) => ({ ...r, key: r.ownerAccountId })));
  // A department is the admin's mapping of the owner (as the people table groups), else the fact's own.
  const byDepartment = habitShares(
    kept.map((r) => ({
      ...r,
      key: (r.ownerAccountId === null ? null : settings.departments[r.ownerAccountId]) ?? r.department,
    })),
  );
  const owners = byPerson.flatMap((r) => (r.key === null ? [] : [r.key]));
  const names = owners.length === 0 ? new Map<string, string | null>() : await input.deps.displayNames(owners);
  // People by name as Jira shows them; an account Jira no longer knows has no name (never its id).
  const dto = (s: HabitShare, label: string | null): HabitShareDto => ({ ...s, label });
  return {
    person: byPerson.map((s) => dto(s, s.key === null ? '-' : names.get(s.key) || null)),
    department: byDepartment.map((s) => dto(s, s.key ?? '-')),
    truncated,
  };
}

export async function lineOutcomesChart(input: ChartInput): Promise<LineOutcomeChart> {
  const targets = input.deps.lineTargets
    ? await input.deps.lineTargets()
    : (await loadLineTargets(new ConfigStore())).targets;
  const [stays, periods] = input.none
    ? [[], []]
    : await Promise.all([
        repositories().caseHabit.lineStayRows(input.scoped),
        repositories().caseHabit.periodOutcomeRows(input.scoped),
      ]);
  return { lines: lineResolution(stays, targets), periods: periodOutcomes(periods) };
}
