/**
 * Per-classification time rules (问题 / 需求): a requirement follows its own SLA/OLA when the grading
 * table gives one for its grade; otherwise (and for every table saved before requirement times existed)
 * the same times as a problem.
 */
import fc from 'fast-check';
import {
  decideEscalation,
  DEFAULT_GRADING_TABLE,
  gradeSlaOf,
  lineBudget,
  pausesWhileAssessing,
  responseTimeOf,
  timeRuleOf,
  timeRuleStampOf,
  validateGradingTable,
  type GradeSla,
  type GradingTable,
  type SupportLine,
  type TimeRule,
} from '../../../src/domain';
import { ALWAYS_ON, at } from '../fixtures';

const REQUIREMENT_MINOR: GradeSla = {
  responseMinutes: 600,
  resolutionMinutes: 10_000,
  calendarId: 'always-on',
  ola: { unit: 'percent', lines: { L1: { amount: 10 }, L2: { amount: 30 }, L3: { amount: 60 } } },
};

/** The shipped table with requirement times for `minor` only, and the assessment pause on. */
const WITH_REQUIREMENT_TIMES: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  requirementTimes: { sla: { minor: REQUIREMENT_MINOR }, pauseWhileAssessing: true },
};

describe('timeRuleOf', () => {
  it.each<[string, GradingTable, string | null, string, TimeRule]>([
    ['a problem follows the problem times', WITH_REQUIREMENT_TIMES, 'problem', 'minor', 'problem'],
    ['a requirement with its own times for the grade', WITH_REQUIREMENT_TIMES, 'requirement', 'minor', 'requirement'],
    ['a requirement of a grade without own times', WITH_REQUIREMENT_TIMES, 'requirement', 'critical', 'problem'],
    ['not classified yet', WITH_REQUIREMENT_TIMES, null, 'minor', 'problem'],
    [
      'an old table (no requirementTimes): same times for both',
      DEFAULT_GRADING_TABLE,
      'requirement',
      'minor',
      'problem',
    ],
    ['an unknown classification value', WITH_REQUIREMENT_TIMES, 'productDefect', 'minor', 'problem'],
  ])('%s', (_name, table, classification, grade, expected) => {
    expect(timeRuleOf(table, classification, grade)).toBe(expected);
  });
});

describe('responseTimeOf: the response clock follows the time rule', () => {
  const problemMinor = DEFAULT_GRADING_TABLE.sla['minor'];
  const problemCritical = DEFAULT_GRADING_TABLE.sla['critical'];
  it.each<[string, GradingTable, string | null, string, ReturnType<typeof responseTimeOf>]>([
    [
      'a requirement of a grade with own times: the requirement response time and calendar',
      WITH_REQUIREMENT_TIMES,
      'requirement',
      'minor',
      { rule: 'requirement', responseMinutes: 600, calendarId: 'always-on' },
    ],
    [
      'a problem of the same grade: the problem response time',
      WITH_REQUIREMENT_TIMES,
      'problem',
      'minor',
      {
        rule: 'problem',
        responseMinutes: problemMinor?.responseMinutes ?? -1,
        calendarId: problemMinor?.calendarId ?? '',
      },
    ],
    [
      'a requirement of a grade without own times: the problem response time',
      WITH_REQUIREMENT_TIMES,
      'requirement',
      'critical',
      {
        rule: 'problem',
        responseMinutes: problemCritical?.responseMinutes ?? -1,
        calendarId: problemCritical?.calendarId ?? '',
      },
    ],
    [
      'not classified yet: the problem response time',
      WITH_REQUIREMENT_TIMES,
      null,
      'minor',
      {
        rule: 'problem',
        responseMinutes: problemMinor?.responseMinutes ?? -1,
        calendarId: problemMinor?.calendarId ?? '',
      },
    ],
    [
      'an old table: a requirement answers within the problem time',
      DEFAULT_GRADING_TABLE,
      'requirement',
      'minor',
      {
        rule: 'problem',
        responseMinutes: problemMinor?.responseMinutes ?? -1,
        calendarId: problemMinor?.calendarId ?? '',
      },
    ],
    ['a grade the table does not know', WITH_REQUIREMENT_TIMES, 'requirement', 'urgent', undefined],
  ])('%s', (_name, table, classification, grade, expected) => {
    expect(responseTimeOf(table, classification, grade)).toEqual(expected);
  });

  it('the shipped requirement time differs from the problem one (the cases above can tell them apart)', () => {
    expect(problemMinor?.responseMinutes).not.toBe(600);
  });

  it('agrees with timeRuleOf and gradeSlaOf for every classification and grade (property)', () => {
    const grades = DEFAULT_GRADING_TABLE.grades.map((g) => g.id);
    fc.assert(
      fc.property(
        fc.subarray(grades),
        fc.constantFrom(...grades),
        fc.constantFrom<string | null>('problem', 'requirement', null),
        (withOwn, grade, classification) => {
          const table: GradingTable = {
            ...DEFAULT_GRADING_TABLE,
            requirementTimes: { sla: Object.fromEntries(withOwn.map((g) => [g, REQUIREMENT_MINOR])) },
          };
          const r = responseTimeOf(table, classification, grade);
          const rule = timeRuleOf(table, classification, grade);
          expect(r?.rule).toBe(rule);
          expect(r?.responseMinutes).toBe(gradeSlaOf(table, grade, rule)?.responseMinutes);
        },
      ),
    );
  });
});

describe('timeRuleStampOf: what itr-time-rule holds', () => {
  it.each<[string, GradingTable, string | null, string | null, TimeRule | null]>([
    ['a requirement with own times', WITH_REQUIREMENT_TIMES, 'requirement', 'minor', 'requirement'],
    ['a requirement without own times', WITH_REQUIREMENT_TIMES, 'requirement', 'critical', 'problem'],
    ['a problem', WITH_REQUIREMENT_TIMES, 'problem', 'minor', 'problem'],
    ['not classified: nothing stamped', WITH_REQUIREMENT_TIMES, null, 'minor', null],
    ['an unknown classification: nothing stamped', WITH_REQUIREMENT_TIMES, 'productDefect', 'minor', null],
    ['not graded: nothing stamped', WITH_REQUIREMENT_TIMES, 'requirement', null, null],
  ])('%s', (_name, table, classification, grade, expected) => {
    expect(timeRuleStampOf(table, classification, grade)).toBe(expected);
  });
});

describe('lineBudget by time rule', () => {
  it.each<[string, GradingTable, TimeRule, SupportLine, number]>([
    // requirement minor: 10 % / 30 % / 60 % of 10,000 minutes
    ['requirement L1', WITH_REQUIREMENT_TIMES, 'requirement', 'L1', 1000],
    ['requirement L2', WITH_REQUIREMENT_TIMES, 'requirement', 'L2', 3000],
    ['requirement L3', WITH_REQUIREMENT_TIMES, 'requirement', 'L3', 6000],
    // the problem times are the table's own `sla`, untouched by the requirement times
    ['problem L1', WITH_REQUIREMENT_TIMES, 'problem', 'L1', lineBudget(DEFAULT_GRADING_TABLE, 'minor', 'L1').minutes],
    [
      'old table, requirement rule',
      DEFAULT_GRADING_TABLE,
      'requirement',
      'L2',
      lineBudget(DEFAULT_GRADING_TABLE, 'minor', 'L2').minutes,
    ],
  ])('%s', (_name, table, rule, line, minutes) => {
    expect(lineBudget(table, 'minor', line, rule).minutes).toBe(minutes);
  });

  it('the requirement rule of a grade without own times is the problem SLA (property: every grade, every table)', () => {
    const grades = DEFAULT_GRADING_TABLE.grades.map((g) => g.id);
    fc.assert(
      fc.property(fc.subarray(grades), fc.constantFrom(...grades), (withOwn, grade) => {
        const table: GradingTable = {
          ...DEFAULT_GRADING_TABLE,
          requirementTimes: { sla: Object.fromEntries(withOwn.map((g) => [g, REQUIREMENT_MINOR])) },
        };
        const rule = timeRuleOf(table, 'requirement', grade);
        expect(rule).toBe(withOwn.includes(grade) ? 'requirement' : 'problem');
        expect(gradeSlaOf(table, grade, rule)).toEqual(
          withOwn.includes(grade) ? REQUIREMENT_MINOR : DEFAULT_GRADING_TABLE.sla[grade],
        );
      }),
    );
  });

  it('escalation follows the stamped rule: a requirement escalates later than a problem', () => {
    const base = {
      table: WITH_REQUIREMENT_TIMES,
      grade: 'minor',
      line: 'L1' as const,
      enteredAt: at('2026-03-02T00:00:00Z'),
      pauses: [],
      calendarFor: () => ALWAYS_ON,
    };
    // Always-on calendar: a problem's L1 budget is used up one minute past its own minutes; a
    // requirement's L1 (1,000 minutes) is then not even at its warning (750) when that is below.
    const problemL1 = lineBudget(WITH_REQUIREMENT_TIMES, 'minor', 'L1').minutes;
    expect(problemL1).toBeLessThan(750);
    const now = new Date(base.enteredAt.getTime() + (problemL1 + 1) * 60_000);
    expect(decideEscalation({ ...base, now }).action).toBe('escalate');
    expect(decideEscalation({ ...base, now, timeRule: 'problem' }).action).toBe('escalate');
    expect(decideEscalation({ ...base, now, timeRule: 'requirement' }).action).toBe('none');
  });
});

describe('pausesWhileAssessing', () => {
  it.each<[string, GradingTable, boolean]>([
    ['option on', WITH_REQUIREMENT_TIMES, true],
    ['option off', { ...DEFAULT_GRADING_TABLE, requirementTimes: { pauseWhileAssessing: false } }, false],
    ['no requirement times (old table)', DEFAULT_GRADING_TABLE, false],
  ])('%s', (_name, table, expected) => {
    expect(pausesWhileAssessing(table)).toBe(expected);
  });
});

describe('validateGradingTable: requirementTimes', () => {
  const { version, grades, dimensions, thresholds, overrides, sla } = DEFAULT_GRADING_TABLE;
  const plain = { version, grades, dimensions, thresholds, overrides, sla };
  const codes = (input: unknown): string[] => {
    const r = validateGradingTable(input);
    return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}`);
  };

  it('a table without requirementTimes stays valid and gains nothing (migration-free default)', () => {
    const r = validateGradingTable(JSON.parse(JSON.stringify(plain)));
    expect(r.ok).toBe(true);
    expect(r.ok && 'requirementTimes' in r.value).toBe(false);
  });

  it('a table with requirement times round-trips', () => {
    const r = validateGradingTable(JSON.parse(JSON.stringify(WITH_REQUIREMENT_TIMES)));
    expect(r).toEqual({ ok: true, value: WITH_REQUIREMENT_TIMES });
  });

  it.each<[string, unknown, string[]]>([
    ['unknown grade', { sla: { urgent: REQUIREMENT_MINOR } }, ['GRADING_GRADE_UNDEFINED requirementTimes.sla.urgent']],
    [
      "SLA checked like the problems'",
      { sla: { minor: { ...REQUIREMENT_MINOR, responseMinutes: 20_000 } } },
      ['SLA_RESPONSE_EXCEEDS_RESOLUTION requirementTimes.sla.minor.responseMinutes'],
    ],
    [
      'pause option not a boolean',
      { pauseWhileAssessing: 'yes' },
      ['GRADING_REQUIREMENT_PAUSE_INVALID requirementTimes.pauseWhileAssessing'],
    ],
    ['unknown field', { clock: 1 }, ['INPUT_UNKNOWN_FIELD requirementTimes.clock']],
    ['not an object', 7, ['INPUT_NOT_AN_OBJECT requirementTimes']],
  ])('refuses %s', (_name, requirementTimes, expected) => {
    expect(codes({ ...plain, requirementTimes })).toEqual(expected);
  });
});
