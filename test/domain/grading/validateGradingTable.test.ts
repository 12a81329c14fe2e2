import fc from 'fast-check';
import { DEFAULT_GRADING_TABLE, REFERENCE_CALENDAR_IDS } from '../../../src/domain/defaults';
import {
  gradeIssue,
  GradingErrorCode,
  scoreRange,
  validateGradingTable,
  type GradingTable,
} from '../../../src/domain/grading';
import { InputErrorCode } from '../../../src/domain/input';
import { SlaErrorCode } from '../../../src/domain/sla';

type Key = string | number;
type Json = Record<string, unknown> | unknown[];

/** A deep copy of the default table with one change at `path` (`undefined` deletes the field). */
function tableWith(path: Key[], value: unknown): unknown {
  const copy = structuredClone(DEFAULT_GRADING_TABLE) as unknown as Json;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<Key, unknown>)[key] as Json;
  const last = path[path.length - 1] as Key;
  if (value === undefined) delete (node as Record<Key, unknown>)[last];
  else (node as Record<Key, unknown>)[last] = value;
  return copy;
}

const label = { en: 'x', 'zh-CN': '某' };

describe('validateGradingTable', () => {
  it('accepts the default table and returns it unchanged', () => {
    expect(validateGradingTable(DEFAULT_GRADING_TABLE)).toEqual({ ok: true, value: DEFAULT_GRADING_TABLE });
  });

  it('accepts the default table after a JSON round trip (as stored)', () => {
    expect(validateGradingTable(JSON.parse(JSON.stringify(DEFAULT_GRADING_TABLE))).ok).toBe(true);
  });

  // One row per kind of error: the change, then the code and path the admin sees.
  it.each<[string, unknown, string, string]>([
    ['not an object', 'grading', InputErrorCode.NotAnObject, ''],
    ['version missing', tableWith(['version'], undefined), InputErrorCode.Required, 'version'],
    ['version 0', tableWith(['version'], 0), GradingErrorCode.VersionInvalid, 'version'],
    ['version 1.5', tableWith(['version'], 1.5), GradingErrorCode.VersionInvalid, 'version'],
    ['no grades', tableWith(['grades'], []), GradingErrorCode.ListEmpty, 'grades'],
    ['grades not a list', tableWith(['grades'], {}), InputErrorCode.NotAList, 'grades'],
    ['duplicate grade id', tableWith(['grades', 1, 'id'], 'critical'), GradingErrorCode.DuplicateId, 'grades[1].id'],
    [
      'label without Chinese',
      tableWith(['grades', 0, 'label'], { en: 'Critical' }),
      InputErrorCode.LabelIncomplete,
      'grades[0].label',
    ],
    ['blank id', tableWith(['grades', 2, 'id'], ' '), InputErrorCode.NotAString, 'grades[2].id'],
    ['grade not an object', tableWith(['grades', 3], 'suggestion'), InputErrorCode.NotAnObject, 'grades[3]'],
    ['no dimensions', tableWith(['dimensions'], []), GradingErrorCode.ListEmpty, 'dimensions'],
    [
      'duplicate dimension id',
      tableWith(['dimensions', 1, 'id'], 'businessImpact'),
      GradingErrorCode.DuplicateId,
      'dimensions[1].id',
    ],
    [
      'negative weight',
      tableWith(['dimensions', 1, 'weight'], -1),
      GradingErrorCode.WeightInvalid,
      'dimensions[1].weight',
    ],
    [
      'fractional weight',
      tableWith(['dimensions', 1, 'weight'], 0.5),
      GradingErrorCode.WeightInvalid,
      'dimensions[1].weight',
    ],
    [
      'dimension without options',
      tableWith(['dimensions', 0, 'options'], []),
      GradingErrorCode.ListEmpty,
      'dimensions[0].options',
    ],
    [
      'duplicate option id',
      tableWith(['dimensions', 0, 'options', 1, 'id'], 'outage'),
      GradingErrorCode.DuplicateId,
      'dimensions[0].options[1].id',
    ],
    [
      'option without score',
      tableWith(['dimensions', 0, 'options', 2, 'score'], undefined),
      GradingErrorCode.OptionScoreMissing,
      'dimensions[0].options[2].score',
    ],
    [
      'fractional option score',
      tableWith(['dimensions', 0, 'options', 2, 'score'], 4.5),
      GradingErrorCode.OptionScoreInvalid,
      'dimensions[0].options[2].score',
    ],
    [
      'option score as text',
      tableWith(['dimensions', 0, 'options', 2, 'score'], '4'),
      InputErrorCode.NotANumber,
      'dimensions[0].options[2].score',
    ],
    ['no thresholds', tableWith(['thresholds'], []), GradingErrorCode.ListEmpty, 'thresholds'],
    [
      'thresholds not ascending',
      tableWith(['thresholds', 2, 'minScore'], 20),
      GradingErrorCode.ThresholdsNotAscending,
      'thresholds[2].minScore',
    ],
    [
      'higher score, milder grade',
      tableWith(['thresholds', 3, 'grade'], 'minor'),
      GradingErrorCode.ThresholdsSeverityDescending,
      'thresholds[3].grade',
    ],
    [
      'threshold grade undefined',
      tableWith(['thresholds', 1, 'grade'], 'blocker'),
      GradingErrorCode.GradeUndefined,
      'thresholds[1].grade',
    ],
    [
      'override grade undefined',
      tableWith(['overrides', 1, 'grade'], 'blocker'),
      GradingErrorCode.GradeUndefined,
      'overrides[1].grade',
    ],
    [
      'SLA for an undefined grade',
      tableWith(['sla', 'blocker'], DEFAULT_GRADING_TABLE.sla.critical),
      GradingErrorCode.GradeUndefined,
      'sla.blocker',
    ],
    // Combination of answers without a grade: the lowest possible score is 2.
    [
      'scores below the first threshold',
      tableWith(['thresholds', 0, 'minScore'], 10),
      GradingErrorCode.ScoresWithoutGrade,
      'thresholds[0].minScore',
    ],
    [
      'threshold above the highest score',
      tableWith(['thresholds', 3, 'minScore'], 97),
      GradingErrorCode.ThresholdUnreachable,
      'thresholds[3].minScore',
    ],
    [
      'override on an undefined dimension',
      tableWith(['overrides', 0, 'when', 'dimension'], 'weather'),
      GradingErrorCode.DimensionUndefined,
      'overrides[0].when.dimension',
    ],
    [
      'override on an undefined option',
      tableWith(['overrides', 0, 'when', 'options'], ['vip']),
      GradingErrorCode.OptionUndefined,
      'overrides[0].when.options[0]',
    ],
    [
      'override without options',
      tableWith(['overrides', 0, 'when', 'options'], []),
      GradingErrorCode.ListEmpty,
      'overrides[0].when.options',
    ],
    [
      'override of unknown kind',
      tableWith(['overrides', 0, 'kind'], 'lower'),
      GradingErrorCode.OverrideKindInvalid,
      'overrides[0].kind',
    ],
    [
      'raise by 0 levels',
      tableWith(['overrides', 0, 'levels'], 0),
      GradingErrorCode.OverrideLevelsInvalid,
      'overrides[0].levels',
    ],
    [
      'duplicate override id',
      tableWith(['overrides', 1, 'id'], 'strategicCustomerRaise'),
      GradingErrorCode.DuplicateId,
      'overrides[1].id',
    ],
    ['grade without SLA', tableWith(['sla', 'minor'], undefined), SlaErrorCode.Missing, 'sla.minor'],
    ['SLA missing altogether', tableWith(['sla'], undefined), InputErrorCode.Required, 'sla'],
    [
      'resolution 0 minutes',
      tableWith(['sla', 'critical', 'resolutionMinutes'], 0),
      SlaErrorCode.MinutesInvalid,
      'sla.critical.resolutionMinutes',
    ],
    [
      'response in fractional minutes',
      tableWith(['sla', 'critical', 'responseMinutes'], 0.5),
      SlaErrorCode.MinutesInvalid,
      'sla.critical.responseMinutes',
    ],
    [
      'response longer than resolution',
      tableWith(['sla', 'critical', 'responseMinutes'], 1441),
      SlaErrorCode.ResponseExceedsResolution,
      'sla.critical.responseMinutes',
    ],
    [
      'unknown SLA calendar',
      tableWith(['sla', 'major', 'calendarId'], 'mars-base'),
      SlaErrorCode.CalendarUnknown,
      'sla.major.calendarId',
    ],
    [
      'unknown line calendar',
      tableWith(['sla', 'major', 'ola', 'lines', 'L3', 'calendarId'], 'mars-base'),
      SlaErrorCode.CalendarUnknown,
      'sla.major.ola.lines.L3.calendarId',
    ],
    [
      'OLA percentages not summing to 100',
      tableWith(['sla', 'critical', 'ola', 'lines', 'L3', 'amount'], 30),
      SlaErrorCode.OlaSumMismatch,
      'sla.critical.ola.lines',
    ],
    [
      'OLA minutes not summing to the SLA',
      tableWith(['sla', 'critical', 'ola'], {
        unit: 'minutes',
        lines: { L1: { amount: 360 }, L2: { amount: 500 }, L3: { amount: 500 } },
      }),
      SlaErrorCode.OlaSumMismatch,
      'sla.critical.ola.lines',
    ],
    [
      'OLA of unknown unit',
      tableWith(['sla', 'critical', 'ola', 'unit'], 'hours'),
      SlaErrorCode.OlaUnitInvalid,
      'sla.critical.ola.unit',
    ],
    [
      'OLA line missing',
      tableWith(['sla', 'critical', 'ola', 'lines', 'L3'], undefined),
      InputErrorCode.Required,
      'sla.critical.ola.lines.L3',
    ],
    [
      'OLA share 0 %',
      tableWith(['sla', 'critical', 'ola', 'lines', 'L2', 'amount'], 0),
      SlaErrorCode.OlaShareInvalid,
      'sla.critical.ola.lines.L2.amount',
    ],
    [
      'OLA share in fractional minutes',
      tableWith(['sla', 'critical', 'ola'], {
        unit: 'minutes',
        lines: { L1: { amount: 360.5 }, L2: { amount: 503.5 }, L3: { amount: 576 } },
      }),
      SlaErrorCode.OlaShareInvalid,
      'sla.critical.ola.lines.L1.amount',
    ],
    [
      'OLA share rounding to 0 minutes',
      tableWith(['sla', 'critical'], {
        responseMinutes: 5,
        resolutionMinutes: 10,
        calendarId: 'always-on',
        ola: { unit: 'percent', lines: { L1: { amount: 5 }, L2: { amount: 45 }, L3: { amount: 50 } } },
      }),
      SlaErrorCode.OlaLineBudgetTooSmall,
      'sla.critical.ola.lines.L1',
    ],
    ['misspelt optional field at the top', tableWith(['overides'], []), InputErrorCode.UnknownField, 'overides'],
    [
      'misspelt line calendar',
      tableWith(['sla', 'major', 'ola', 'lines', 'L2', 'calendar'], 'eu-berlin'),
      InputErrorCode.UnknownField,
      'sla.major.ola.lines.L2.calendar',
    ],
    [
      'a fourth line',
      tableWith(['sla', 'major', 'ola', 'lines', 'L4'], { amount: 1 }),
      InputErrorCode.UnknownField,
      'sla.major.ola.lines.L4',
    ],
    [
      'levels on an atLeast override',
      tableWith(['overrides', 1, 'levels'], 2),
      InputErrorCode.UnknownField,
      'overrides[1].levels',
    ],
    [
      'warning fraction above 1',
      tableWith(['sla', 'critical', 'ola', 'lines', 'L1', 'warningFraction'], 1.2),
      SlaErrorCode.WarningFractionInvalid,
      'sla.critical.ola.lines.L1.warningFraction',
    ],
  ])('%s → %s at "%s"', (_name, input, code, path) => {
    const r = validateGradingTable(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ code, path }));
    // Every issue carries an English message for logs.
    for (const issue of r.issues) expect(issue.message).not.toBe('');
  });

  it('explains the uncovered score range with numbers the UI can show', () => {
    const r = validateGradingTable(tableWith(['thresholds', 0, 'minScore'], 10));
    expect(r).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: GradingErrorCode.ScoresWithoutGrade, params: { from: 2, below: 10 } })],
    });
  });

  it('reports the OLA sum it found and the one it expected', () => {
    const r = validateGradingTable(tableWith(['sla', 'critical', 'ola', 'lines', 'L3', 'amount'], 30));
    expect(r).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          code: SlaErrorCode.OlaSumMismatch,
          params: { sum: 90, expected: 100, unit: 'percent' },
        }),
      ],
    });
  });

  it('reports a malformed grade once, not again at every reference to it', () => {
    const r = validateGradingTable(tableWith(['grades', 3], 'suggestion'));
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => `${i.code}@${i.path}`)).toEqual([`${InputErrorCode.NotAnObject}@grades[3]`]);
  });

  it('reports every problem at once', () => {
    const input = tableWith(['version'], 0) as Record<string, unknown>;
    (input.thresholds as Array<Record<string, unknown>>)[1] = { minScore: 20, grade: 'blocker' };
    delete (input.sla as Record<string, unknown>).minor;
    const r = validateGradingTable(input);
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => `${i.code}@${i.path}`).sort()).toEqual(
      [
        `${GradingErrorCode.VersionInvalid}@version`,
        `${GradingErrorCode.GradeUndefined}@thresholds[1].grade`,
        `${SlaErrorCode.Missing}@sla.minor`,
      ].sort(),
    );
  });

  it.each<[string, readonly string[] | undefined, boolean]>([
    ['reference calendars by default', undefined, true],
    ['the reference ids passed explicitly', REFERENCE_CALENDAR_IDS, true],
    ['a store without always-on', ['cn-mainland-2026', 'us-eastern', 'eu-berlin'], false],
  ])('checks calendar ids against %s', (_name, calendarIds, ok) => {
    const r = validateGradingTable(DEFAULT_GRADING_TABLE, calendarIds === undefined ? {} : { calendarIds });
    expect(r.ok).toBe(ok);
  });

  it('accepts a table without overrides (the threshold rule alone)', () => {
    expect(validateGradingTable(tableWith(['overrides'], undefined)).ok).toBe(true);
  });
});

/**
 * The coverage check is a proof, so test it against brute force: for random small tables, "valid"
 * must mean every combination of answers gets a grade, and a reported gap must be a real one.
 */
describe('coverage proof against exhaustive grading of random tables', () => {
  const grades = ['g0', 'g1', 'g2'].map((id) => ({ id, label }));
  const sla = Object.fromEntries(
    grades.map((g) => [
      g.id,
      {
        responseMinutes: 10,
        resolutionMinutes: 100,
        calendarId: 'always-on',
        ola: { unit: 'percent', lines: { L1: { amount: 30 }, L2: { amount: 30 }, L3: { amount: 40 } } },
      },
    ]),
  );
  const tableArb = fc
    .record({
      dimensions: fc.array(
        fc.record({
          weight: fc.integer({ min: 0, max: 3 }),
          scores: fc.array(fc.integer({ min: -3, max: 5 }), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      thresholdSteps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 2 }),
      firstMinScore: fc.integer({ min: -10, max: 10 }),
    })
    .map(({ dimensions, thresholdSteps, firstMinScore }) => {
      let minScore = firstMinScore;
      const thresholds = [{ minScore, grade: 'g2' }];
      thresholdSteps.forEach((step, i) => {
        minScore += step;
        thresholds.push({ minScore, grade: i === 0 ? 'g1' : 'g0' });
      });
      return {
        version: 1,
        grades,
        dimensions: dimensions.map((d, i) => ({
          id: `d${i}`,
          label,
          weight: d.weight,
          options: d.scores.map((score, j) => ({ id: `o${j}`, label, score })),
        })),
        thresholds,
        overrides: [],
        sla,
      };
    });

  function* combos(t: GradingTable): Generator<Record<string, string>> {
    const walk = function* (i: number, acc: Record<string, string>): Generator<Record<string, string>> {
      const d = t.dimensions[i];
      if (d === undefined) {
        yield acc;
        return;
      }
      for (const o of d.options) yield* walk(i + 1, { ...acc, [d.id]: o.id });
    };
    yield* walk(0, {});
  }

  it('valid ⇒ every combination graded; gap reported ⇒ some combination ungradable', () => {
    fc.assert(
      fc.property(tableArb, (input) => {
        const r = validateGradingTable(input);
        const typed = input as GradingTable;
        const gradable = [...combos(typed)].every((a) => {
          try {
            return gradeIssue(typed, a).ok;
          } catch {
            return false;
          }
        });
        const gap = !r.ok && r.issues.some((i) => i.code === GradingErrorCode.ScoresWithoutGrade);
        if (r.ok) expect(gradable).toBe(true);
        expect(gap).toBe(!gradable);
        if (gap) expect(scoreRange(typed).min).toBeLessThan(typed.thresholds[0]?.minScore ?? Number.NaN);
      }),
      { numRuns: 500 },
    );
  });
});
