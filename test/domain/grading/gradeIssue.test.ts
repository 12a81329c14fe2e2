import fc from 'fast-check';
import { DEFAULT_GRADING_TABLE } from '../../../src/domain/defaults';
import {
  gradeIssue,
  gradeSeverity,
  GradingErrorCode,
  scoreRange,
  type ExplanationStep,
  type GradingAnswers,
  type GradingTable,
} from '../../../src/domain/grading';
import { DomainError } from '../../../src/domain/validation';

const table = DEFAULT_GRADING_TABLE;

/** Answers in the table's dimension order: impact, duration, scope, tier, sensitivity. */
const answers = (
  businessImpact: string,
  duration: string,
  scope: string,
  customerTier: string,
  sensitivity: string,
): GradingAnswers => ({
  businessImpact,
  duration,
  scope,
  customerTier,
  sensitivity,
});

/** Every combination of options of a table, as answers. */
function* allAnswers(t: Pick<GradingTable, 'dimensions'>): Generator<Record<string, string>> {
  const [first, ...rest] = t.dimensions;
  if (first === undefined) {
    yield {};
    return;
  }
  for (const tail of allAnswers({ dimensions: rest }))
    for (const o of first.options) yield { [first.id]: o.id, ...tail };
}

describe('gradeIssue with the default table', () => {
  // Golden cases: score = 4·impact + 2·duration + 2·scope + tier + sensitivity;
  // Suggestion < 20 ≤ Minor < 35 ≤ Major < 60 ≤ Critical.
  it.each<[string, number, string, GradingAnswers]>([
    ['a question from a standard customer', 5, 'suggestion', answers('none', 'none', 'small', 'standard', 'none')],
    ['lowest possible score', 2, 'suggestion', answers('none', 'none', 'small', 'internal', 'none')],
    [
      'minor fault, hundreds of users, key customer',
      8 + 6 + 6,
      'minor',
      answers('minor', 'none', 'medium', 'key', 'none'),
    ],
    ['19 stays Suggestion', 8 + 2 + 6 + 3, 'suggestion', answers('minor', 'upTo1h', 'medium', 'standard', 'none')],
    [
      'exactly 20 is Minor',
      8 + 2 + 6 + 0 + 6,
      'minor',
      answers('minor', 'upTo1h', 'medium', 'internal', 'protectedPeriod'),
    ],
    [
      'minor fault with workaround for over a day',
      33,
      'minor',
      answers('minor', 'over24h', 'small', 'standard', 'none'),
    ],
    ['34 stays Minor', 16 + 6 + 6 + 3, 'minor', answers('partial', 'h1to4', 'medium', 'standard', 'none')],
    ['exactly 35 is Major', 28 + 2 + 2 + 3, 'major', answers('severe', 'upTo1h', 'small', 'standard', 'none')],
    [
      'partial degradation for hours, hundreds of users',
      37,
      'major',
      answers('partial', 'h4to24', 'medium', 'standard', 'none'),
    ],
    ['short outage at one internal site', 44, 'major', answers('outage', 'upTo1h', 'small', 'internal', 'none')],
    ['59 stays Major', 40 + 6 + 6 + 6, 'major', answers('outage', 'h1to4', 'medium', 'key', 'none')],
    ['exactly 60 is Critical', 40 + 12 + 2 + 6, 'critical', answers('outage', 'h4to24', 'small', 'key', 'none')],
    ['outage for hours, thousands of users', 61, 'critical', answers('outage', 'h1to4', 'large', 'standard', 'none')],
    ['highest possible score', 96, 'critical', answers('outage', 'over24h', 'massive', 'strategic', 'political')],
    // Overrides
    ['strategic raises Suggestion to Minor', 8, 'minor', answers('none', 'none', 'small', 'strategic', 'none')],
    ['strategic raises Minor to Major', 22, 'major', answers('minor', 'h1to4', 'small', 'strategic', 'none')],
    ['strategic raises Major to Critical', 38, 'critical', answers('severe', 'upTo1h', 'small', 'strategic', 'none')],
    ['strategic cannot go above Critical', 64, 'critical', answers('outage', 'h1to4', 'large', 'strategic', 'none')],
    ['political floors Suggestion at Major', 12, 'major', answers('none', 'none', 'small', 'internal', 'political')],
    ['political floors Minor at Major', 43, 'major', answers('minor', 'over24h', 'small', 'standard', 'political')],
    ['political leaves Critical alone', 71, 'critical', answers('outage', 'h1to4', 'large', 'standard', 'political')],
    [
      'strategic + political: raise to Minor, then floor at Major',
      18,
      'major',
      answers('none', 'none', 'small', 'strategic', 'political'),
    ],
  ])('%s → score %p, %s', (_name, score, grade, a) => {
    const r = gradeIssue(table, a);
    expect(r).toMatchObject({ ok: true, score, grade, tableVersion: 1 });
  });

  it('explains every contribution, the threshold and each override that applied', () => {
    const r = gradeIssue(table, answers('none', 'none', 'small', 'strategic', 'political'));
    // Whole explanation: one step per dimension in table order, then the threshold, then the overrides
    // in table order; ids refer to the table so the UI can show its bilingual labels.
    const expected: ExplanationStep[] = [
      {
        code: 'GRADING_STEP_DIMENSION',
        params: { dimension: 'businessImpact', option: 'none', optionScore: 0, weight: 4, points: 0 },
      },
      {
        code: 'GRADING_STEP_DIMENSION',
        params: { dimension: 'duration', option: 'none', optionScore: 0, weight: 2, points: 0 },
      },
      {
        code: 'GRADING_STEP_DIMENSION',
        params: { dimension: 'scope', option: 'small', optionScore: 1, weight: 2, points: 2 },
      },
      {
        code: 'GRADING_STEP_DIMENSION',
        params: { dimension: 'customerTier', option: 'strategic', optionScore: 6, weight: 1, points: 6 },
      },
      {
        code: 'GRADING_STEP_DIMENSION',
        params: { dimension: 'sensitivity', option: 'political', optionScore: 10, weight: 1, points: 10 },
      },
      { code: 'GRADING_STEP_THRESHOLD', params: { score: 18, minScore: 0, grade: 'suggestion' } },
      {
        code: 'GRADING_STEP_OVERRIDE_RAISE',
        params: {
          override: 'strategicCustomerRaise',
          dimension: 'customerTier',
          option: 'strategic',
          levels: 1,
          from: 'suggestion',
          to: 'minor',
        },
      },
      {
        code: 'GRADING_STEP_OVERRIDE_AT_LEAST',
        params: {
          override: 'politicalAtLeastMajor',
          dimension: 'sensitivity',
          option: 'political',
          floor: 'major',
          from: 'minor',
          to: 'major',
        },
      },
    ];
    expect(r).toEqual({ ok: true, grade: 'major', score: 18, tableVersion: 1, explanation: expected });
  });

  it.each<[string, GradingAnswers, string, string]>([
    [
      'an override with no effect is still explained',
      answers('outage', 'h1to4', 'large', 'standard', 'political'),
      'critical',
      'critical',
    ],
    [
      'a raise at the top is explained as no change',
      answers('outage', 'over24h', 'massive', 'strategic', 'none'),
      'critical',
      'critical',
    ],
  ])('%s', (_name, a, from, to) => {
    const r = gradeIssue(table, a);
    if (!r.ok) throw new Error('expected a grade');
    const last = r.explanation[r.explanation.length - 1];
    expect(last?.params).toMatchObject({ from, to });
  });

  it.each<[string, Record<string, string>, Array<{ code: string; path: string }>]>([
    [
      'one answer missing',
      { businessImpact: 'outage', duration: 'h1to4', scope: 'large', customerTier: 'key' },
      [{ code: GradingErrorCode.AnswerMissing, path: 'answers.sensitivity' }],
    ],
    [
      'every missing answer at once',
      {},
      ['businessImpact', 'duration', 'scope', 'customerTier', 'sensitivity'].map((d) => ({
        code: GradingErrorCode.AnswerMissing,
        path: `answers.${d}`,
      })),
    ],
    [
      'unknown option',
      { ...answers('outage', 'h1to4', 'large', 'key', 'none'), scope: 'galactic' },
      [{ code: GradingErrorCode.AnswerUnknownOption, path: 'answers.scope' }],
    ],
    [
      'option of another dimension',
      { ...answers('outage', 'h1to4', 'large', 'key', 'none'), duration: 'outage' },
      [{ code: GradingErrorCode.AnswerUnknownOption, path: 'answers.duration' }],
    ],
    [
      'dimension from another table version',
      { ...answers('outage', 'h1to4', 'large', 'key', 'none'), weather: 'stormy' },
      [{ code: GradingErrorCode.AnswerUnknownDimension, path: 'answers.weather' }],
    ],
    [
      'inherited property names are not answers',
      { ...answers('outage', 'h1to4', 'large', 'key', 'none'), scope: 'toString' },
      [{ code: GradingErrorCode.AnswerUnknownOption, path: 'answers.scope' }],
    ],
  ])('%s → typed error', (_name, a, expected) => {
    const r = gradeIssue(table, a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(({ code, path }) => ({ code, path }))).toEqual(expected);
  });

  it('grades every possible combination of answers (exhaustive), reaching every grade', () => {
    const seen = new Map<string, number>();
    let count = 0;
    const { min, max } = scoreRange(table);
    for (const a of allAnswers(table)) {
      const r = gradeIssue(table, a);
      if (!r.ok) throw new Error(`no grade for ${JSON.stringify(a)}`);
      expect(r.score).toBeGreaterThanOrEqual(min);
      expect(r.score).toBeLessThanOrEqual(max);
      seen.set(r.grade, (seen.get(r.grade) ?? 0) + 1);
      count += 1;
    }
    expect(count).toBe(5 * 5 * 4 * 4 * 4);
    expect([...seen.keys()].sort()).toEqual(['critical', 'major', 'minor', 'suggestion']);
    expect({ min, max }).toEqual({ min: 2, max: 96 });
  });

  it('is monotonic: a more severe answer (listed earlier) never gives a less severe grade', () => {
    const dims = table.dimensions;
    const answersArb = fc.tuple(...dims.map((d) => fc.integer({ min: 0, max: d.options.length - 1 })));
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (indexes, dimPick, optionPick) => {
        const toAnswers = (ix: number[]): GradingAnswers =>
          Object.fromEntries(dims.map((d, i) => [d.id, d.options[ix[i] ?? 0]?.id ?? '']));
        const k = dimPick % dims.length;
        const current = indexes[k] ?? 0;
        const worse = [...indexes];
        worse[k] = optionPick % (current + 1); // any option at or above the current one
        const a = gradeIssue(table, toAnswers(indexes));
        const b = gradeIssue(table, toAnswers(worse));
        if (!a.ok || !b.ok) throw new Error('default table must grade every combination');
        expect(b.score).toBeGreaterThanOrEqual(a.score);
        expect(gradeSeverity(table, b.grade)).toBeGreaterThanOrEqual(gradeSeverity(table, a.grade));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('gradeSeverity', () => {
  it.each<[string, number]>([
    ['critical', 3],
    ['major', 2],
    ['minor', 1],
    ['suggestion', 0],
  ])('%s → %p', (grade, severity) => {
    expect(gradeSeverity(table, grade)).toBe(severity);
  });

  it('throws for an undefined grade', () => {
    expect(() => gradeSeverity(table, 'blocker')).toThrow(DomainError);
  });
});

describe('gradeIssue with a table that would not validate', () => {
  it('throws a DomainError when a score is below every threshold', () => {
    const broken: GradingTable = { ...table, thresholds: [{ minScore: 50, grade: 'major' }] };
    expect(() => gradeIssue(broken, answers('none', 'none', 'small', 'standard', 'none'))).toThrow(
      expect.objectContaining({ code: GradingErrorCode.TableInvalid }) as DomainError,
    );
  });
});
