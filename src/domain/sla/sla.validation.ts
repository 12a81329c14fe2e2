import { InputErrorCode, isRecord, pathOf, type IssueList } from '../input';
import { SUPPORT_LINES, type SupportLine } from '../supportLine';
import { SlaErrorCode } from './sla.errors';
import type { GradeSla, OlaLineShare, OlaSplit } from './sla.types';
import { lineMinutes } from './lineBudget';

/**
 * Largest response or resolution budget a grade may have, in working minutes: one year of 24×7 time
 * (525,600). Range: any value at least the longest real SLA (weeks); the cap keeps a deadline's
 * calculation bounded (the calendar walk is linear in the time it covers). Line budgets in minutes add
 * up to the resolution minutes, so they are capped too.
 */
export const MAX_SLA_MINUTES = 525_600;

// Percent shares may be fractional (33.3 + 33.3 + 33.4); compare their sum with a tolerance.
const PERCENT_TOLERANCE = 1e-6;

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

function checkCalendar(id: string, path: string, calendarIds: ReadonlySet<string>, issues: IssueList): void {
  if (!calendarIds.has(id)) {
    issues.add(SlaErrorCode.CalendarUnknown, path, `Calendar "${id}" is not defined.`, { calendarId: id });
  }
}

function readWarningFraction(o: Record<string, unknown>, base: string, issues: IssueList): number | undefined {
  if (o.warningFraction === undefined) return undefined;
  const f = issues.number(o, 'warningFraction', base);
  if (f === undefined) return undefined;
  if (!(f > 0 && f <= 1)) {
    issues.add(
      SlaErrorCode.WarningFractionInvalid,
      pathOf(base, 'warningFraction'),
      'The warning fraction must be in (0, 1].',
      { value: f },
    );
    return undefined;
  }
  return f;
}

function readShare(
  lines: Record<string, unknown>,
  line: SupportLine,
  base: string,
  unit: OlaSplit['unit'],
  calendarIds: ReadonlySet<string>,
  issues: IssueList,
): OlaLineShare | undefined {
  const o = issues.object(lines, line, base);
  if (o === undefined) return undefined;
  const path = pathOf(base, line);
  const before = issues.count;
  issues.unknownFields(o, ['amount', 'calendarId', 'warningFraction'], path);
  const amount = issues.number(o, 'amount', path);
  if (amount !== undefined && !(unit === 'percent' ? amount > 0 : isPositiveInteger(amount))) {
    issues.add(
      SlaErrorCode.OlaShareInvalid,
      pathOf(path, 'amount'),
      unit === 'percent'
        ? 'A line share must be a percentage above 0.'
        : 'A line share must be a whole number of minutes above 0.',
      { value: amount, unit },
    );
  }
  let calendarId: string | undefined;
  if (o.calendarId !== undefined) {
    calendarId = issues.string(o, 'calendarId', path);
    if (calendarId !== undefined) checkCalendar(calendarId, pathOf(path, 'calendarId'), calendarIds, issues);
  }
  const warningFraction = readWarningFraction(o, path, issues);
  if (issues.count > before || amount === undefined) return undefined;
  return {
    amount,
    ...(calendarId === undefined ? {} : { calendarId }),
    ...(warningFraction === undefined ? {} : { warningFraction }),
  };
}

/**
 * Validates one grade's SLA at `path` (e.g. "sla.critical"), adding issues to `issues`.
 * Returns the typed SLA only when that part is free of issues.
 */
export function validateGradeSla(
  input: unknown,
  path: string,
  calendarIds: ReadonlySet<string>,
  issues: IssueList,
): GradeSla | undefined {
  if (!isRecord(input)) {
    issues.add(InputErrorCode.NotAnObject, path, `${path} must be an object.`);
    return undefined;
  }
  const before = issues.count;
  issues.unknownFields(input, ['responseMinutes', 'resolutionMinutes', 'calendarId', 'ola'], path);
  const minutes = (key: 'responseMinutes' | 'resolutionMinutes'): number | undefined => {
    const n = issues.number(input, key, path);
    if (n !== undefined && !isPositiveInteger(n)) {
      issues.add(SlaErrorCode.MinutesInvalid, pathOf(path, key), `${key} must be a whole number of minutes above 0.`, {
        value: n,
      });
      return undefined;
    }
    if (n !== undefined && n > MAX_SLA_MINUTES) {
      issues.add(
        SlaErrorCode.MinutesTooLarge,
        pathOf(path, key),
        `${key} must be at most ${MAX_SLA_MINUTES} minutes (one year).`,
        { value: n, max: MAX_SLA_MINUTES },
      );
      return undefined;
    }
    return n;
  };
  const responseMinutes = minutes('responseMinutes');
  const resolutionMinutes = minutes('resolutionMinutes');
  if (responseMinutes !== undefined && resolutionMinutes !== undefined && responseMinutes > resolutionMinutes) {
    issues.add(
      SlaErrorCode.ResponseExceedsResolution,
      pathOf(path, 'responseMinutes'),
      'The response time cannot exceed the resolution time.',
      { responseMinutes, resolutionMinutes },
    );
  }
  const calendarId = issues.string(input, 'calendarId', path);
  if (calendarId !== undefined) checkCalendar(calendarId, pathOf(path, 'calendarId'), calendarIds, issues);

  const ola = issues.object(input, 'ola', path);
  let split: OlaSplit | undefined;
  if (ola !== undefined) {
    const olaPath = pathOf(path, 'ola');
    issues.unknownFields(ola, ['unit', 'lines'], olaPath);
    const unit = ola.unit;
    if (unit !== 'percent' && unit !== 'minutes') {
      issues.add(SlaErrorCode.OlaUnitInvalid, pathOf(olaPath, 'unit'), 'The OLA unit must be "percent" or "minutes".');
    } else {
      const lines = issues.object(ola, 'lines', olaPath);
      if (lines !== undefined) {
        const linesPath = pathOf(olaPath, 'lines');
        issues.unknownFields(lines, SUPPORT_LINES, linesPath);
        const shares = SUPPORT_LINES.map((line) => readShare(lines, line, linesPath, unit, calendarIds, issues));
        const [L1, L2, L3] = shares;
        if (L1 !== undefined && L2 !== undefined && L3 !== undefined) {
          split = { unit, lines: { L1, L2, L3 } };
          const sum = L1.amount + L2.amount + L3.amount;
          const expected = unit === 'percent' ? 100 : resolutionMinutes;
          const off =
            expected !== undefined &&
            (unit === 'percent' ? Math.abs(sum - expected) > PERCENT_TOLERANCE : sum !== expected);
          if (expected !== undefined && off) {
            issues.add(
              SlaErrorCode.OlaSumMismatch,
              linesPath,
              unit === 'percent'
                ? `The line shares add up to ${sum} %, not 100 %.`
                : `The line shares add up to ${sum} minutes, not the ${expected} resolution minutes.`,
              { sum, expected, unit },
            );
          }
        }
      }
    }
  }
  if (
    issues.count > before ||
    responseMinutes === undefined ||
    resolutionMinutes === undefined ||
    calendarId === undefined ||
    split === undefined
  ) {
    return undefined;
  }
  const sla: GradeSla = { responseMinutes, resolutionMinutes, calendarId, ola: split };
  if (split.unit === 'percent') {
    const budgets = lineMinutes(sla);
    for (const line of SUPPORT_LINES) {
      if (budgets[line] < 1) {
        issues.add(
          SlaErrorCode.OlaLineBudgetTooSmall,
          pathOf(pathOf(pathOf(path, 'ola'), 'lines'), line),
          `${line} would get less than one minute.`,
          { line, minutes: budgets[line] },
        );
      }
    }
    if (issues.count > before) return undefined;
  }
  return sla;
}
