/**
 * The pure rules of decisions that are not one person's (src/domain/decisions): when the admin's rule
 * asks for an iron-triangle decision, when one holds (≥ 3 distinct roles, ≤ 3 levels, a money role when
 * money is involved), cost approval's states, and clarification's texts. Table-driven, and property
 * tests against a naive reference; one test pins that escalation has no place for a decision at all.
 */
import fc from 'fast-check';
import {
  COST_AMOUNT_MAX_MINOR,
  COST_STATUSES,
  DECISION_ROLES,
  MAX_DECISION_LEVELS,
  MIN_DECISION_ROLES,
  clarificationText,
  costTotals,
  decisionReasons,
  decisionState,
  mayAnswer,
  nextCostStatus,
  openQuestion,
  signOffRefusal,
  validateCostRequest,
  type CostMove,
  type CostStatus,
  type DecisionLevel,
  type DecisionRole,
  type SignOff,
} from '../../../src/domain/decisions';
import { decideEscalation, DEFAULT_GRADING_TABLE, type EscalationInput } from '../../../src/domain';
import { DEFAULT_CALENDARS } from '../../../src/domain/calendar';

const T = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 8, minutes));
const so = (role: DecisionRole, level: DecisionLevel, verdict: 'agree' | 'object' = 'agree', at = 0): SignOff => ({
  role,
  level,
  verdict,
  by: `acc-${role}`,
  at: T(at),
  note: '',
});

describe('decisionReasons: the admin rule', () => {
  const rule = { grades: ['critical'], crossDepartment: true };
  it.each([
    ['a critical issue of one department', 'critical', ['Support'], ['grade']],
    ['a major issue across two departments', 'major', ['Support', 'R&D'], ['crossDepartment']],
    ['both', 'critical', ['Support', 'R&D', 'Support'], ['grade', 'crossDepartment']],
    ['the same department twice', 'major', ['Support', ' Support '], []],
    ['no grade, no department', null, [], []],
    ['blank department names do not count', 'minor', ['', ' ', 'Support'], []],
  ] as const)('%s', (_label, grade, departments, expected) => {
    expect(decisionReasons(rule, { grade, departments })).toEqual(expected);
  });
  it('asks nothing across departments when the admin turned it off', () => {
    expect(
      decisionReasons({ grades: [], crossDepartment: false }, { grade: 'critical', departments: ['A', 'B'] }),
    ).toEqual([]);
  });
});

describe('decisionState: at least three roles agree', () => {
  it.each([
    ['nobody yet', [], false, 'pending', 3],
    ['two roles', [so('sales', 1), so('technical', 1)], false, 'pending', 1],
    ['three roles', [so('sales', 1), so('technical', 1), so('delivery', 2)], false, 'agreed', 0],
    ['one role three times is one role', [so('sales', 1), so('sales', 2), so('sales', 3)], false, 'pending', 2],
    ['an objection stands', [so('sales', 1), so('technical', 1), so('delivery', 1, 'object')], false, 'objected', 1],
    [
      'a higher level overrides the same role',
      [so('sales', 1), so('technical', 1), so('delivery', 1, 'object'), so('delivery', 2, 'agree')],
      false,
      'agreed',
      0,
    ],
    [
      'money without finance or procurement',
      [so('sales', 1), so('technical', 1), so('delivery', 1)],
      true,
      'pending',
      0,
    ],
    ['money with finance', [so('sales', 1), so('technical', 1), so('finance', 1)], true, 'agreed', 0],
  ] as const)('%s', (_label, signOffs, money, status, missing) => {
    const state = decisionState(signOffs, money);
    expect(state.status).toBe(status);
    expect(state.rolesMissing).toBe(missing);
  });

  it('agrees exactly when a naive count of latest agreeing roles reaches three (property)', () => {
    const signOff = fc.record({
      role: fc.constantFrom(...DECISION_ROLES),
      level: fc.constantFrom<DecisionLevel>(1, 2, 3),
      verdict: fc.constantFrom<'agree' | 'object'>('agree', 'object'),
      minute: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(signOff, { maxLength: 12 }), fc.boolean(), (raw, money) => {
        const list = raw.map((r) => so(r.role, r.level, r.verdict, r.minute));
        // Naive reference: for each role, its sign-off with the highest (level, time) wins.
        const last = new Map<DecisionRole, SignOff>();
        for (const s of list) {
          const prev = last.get(s.role);
          if (
            prev === undefined ||
            s.level > prev.level ||
            (s.level === prev.level && s.at.getTime() >= prev.at.getTime())
          )
            last.set(s.role, s);
        }
        const agreeing = [...last.values()].filter((s) => s.verdict === 'agree').map((s) => s.role);
        const objecting = [...last.values()].some((s) => s.verdict === 'object');
        const moneyOk = !money || agreeing.includes('finance') || agreeing.includes('procurement');
        const expected = objecting
          ? 'objected'
          : agreeing.length >= MIN_DECISION_ROLES && moneyOk
            ? 'agreed'
            : 'pending';
        expect(decisionState(list, money).status).toBe(expected);
        expect(new Set(decisionState(list, money).agreedRoles)).toEqual(new Set(agreeing));
      }),
    );
  });
});

describe('signOffRefusal: at most three levels, only climbing, closed once agreed', () => {
  it.each([
    ['level 0', [], 0, 'DECISION_LEVEL_OUT_OF_RANGE'],
    ['level 4', [], 4, 'DECISION_LEVEL_OUT_OF_RANGE'],
    ['level 1.5', [], 1.5, 'DECISION_LEVEL_OUT_OF_RANGE'],
    ['a first sign-off at level 3', [], 3, null],
    ['below the level reached', [so('sales', 2)], 1, 'DECISION_LEVEL_BELOW_CURRENT'],
    ['at the level reached', [so('sales', 2)], 2, null],
    ['after agreement', [so('sales', 1), so('technical', 1), so('delivery', 1)], 3, 'DECISION_CLOSED'],
  ] as const)('%s', (_label, existing, level, expected) => {
    expect(signOffRefusal(existing, false, { level: level as DecisionLevel })).toBe(expected);
  });
  it('never lets a decision use more than MAX_DECISION_LEVELS levels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 20 }), (levels) => {
        const accepted: SignOff[] = [];
        levels.forEach((level, i) => {
          const role = DECISION_ROLES[i % 2]!; // two roles only: never agreed, so never closed
          if (signOffRefusal(accepted, false, { level: level as DecisionLevel }) === null)
            accepted.push(so(role, level as DecisionLevel, 'agree', i));
        });
        expect(new Set(accepted.map((s) => s.level)).size).toBeLessThanOrEqual(MAX_DECISION_LEVELS);
        expect(accepted.every((s) => s.level >= 1 && s.level <= 3)).toBe(true);
      }),
    );
  });
});

describe('escalation waits on no one', () => {
  it('decideEscalation reads time only: the same answer with or without a pending decision beside it', () => {
    const table = DEFAULT_GRADING_TABLE;
    const base: EscalationInput = {
      table,
      grade: table.grades[0]!.id,
      line: 'L1',
      enteredAt: T(0),
      pauses: [],
      now: T(0),
      calendarFor: (_line, id) => DEFAULT_CALENDARS.find((c) => c.id === id)?.calendar,
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 14 }),
        fc.array(fc.constantFrom(...DECISION_ROLES)),
        (m, roles) => {
          const input = { ...base, now: new Date(T(0).getTime() + m * 60_000) };
          const pending = { ...input, decision: { status: 'pending', signOffs: roles } } as EscalationInput;
          expect(decideEscalation(pending)).toEqual(decideEscalation(input));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('cost approval', () => {
  it.each([
    ['a valid request', { kind: 'credit', amountMinor: 1, currency: 'EUR', description: ' ok ' }, []],
    [
      'everything wrong',
      { kind: 'gift', amountMinor: 0, currency: 'eur', description: '' },
      ['kind', 'amountMinor', 'currency', 'description'],
    ],
    ['a fraction of a cent', { kind: 'credit', amountMinor: 1.5, currency: 'EUR', description: 'x' }, ['amountMinor']],
    [
      'over the maximum',
      { kind: 'credit', amountMinor: COST_AMOUNT_MAX_MINOR + 1, currency: 'EUR', description: 'x' },
      ['amountMinor'],
    ],
    ['a text amount', { kind: 'credit', amountMinor: '100', currency: 'EUR', description: 'x' }, ['amountMinor']],
    ['too long', { kind: 'credit', amountMinor: 1, currency: 'EUR', description: '字'.repeat(1001) }, ['description']],
  ] as const)('%s', (_label, input, paths) => {
    const r = validateCostRequest(input);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(paths);
    if (r.ok) expect(r.value.description).toBe('ok');
  });

  const moves: CostMove[] = ['approve', 'refuse', 'markDone'];
  it.each(COST_STATUSES.flatMap((from) => moves.map((m) => [from, m] as const)))('%s + %s', (from, move) => {
    const expected: Partial<Record<`${CostStatus}:${CostMove}`, CostStatus>> = {
      'pending:approve': 'approved',
      'pending:refuse': 'refused',
      'approved:markDone': 'done',
    };
    expect(nextCostStatus(from, move)).toBe(expected[`${from}:${move}`] ?? null);
  });

  it('totals count and amount per status, never adding currencies', () => {
    const t = costTotals([
      { status: 'pending', currency: 'CNY', count: 2, amountMinor: 3500 },
      { status: 'pending', currency: 'EUR', count: 1, amountMinor: 100 },
      { status: 'approved', currency: 'CNY', count: 1, amountMinor: 900 },
    ]);
    expect(t.pending).toEqual({ count: 3, amountByCurrency: { CNY: 3500, EUR: 100 } });
    expect(t.approved).toEqual({ count: 1, amountByCurrency: { CNY: 900 } });
    expect(t.refused).toEqual({ count: 0, amountByCurrency: {} });
  });
});

describe('clarification', () => {
  it.each([
    ['', 'DECISION_TEXT_REQUIRED'],
    ['   ', 'DECISION_TEXT_REQUIRED'],
    ['a'.repeat(2001), 'DECISION_TEXT_TOO_LONG'],
    ['😀'.repeat(2000), null],
    [' Which firmware? ', null],
  ])('%j', (text, code) => {
    const r = clarificationText(text);
    expect(r.ok ? null : r.code).toBe(code);
  });
  it('only the recorded submitter answers', () => {
    expect(mayAnswer('acc-1', 'acc-1')).toBe(true);
    expect(mayAnswer('acc-1', 'acc-2')).toBe(false);
    expect(mayAnswer(null, 'acc-1')).toBe(false);
    expect(mayAnswer('acc-1', undefined)).toBe(false);
  });
  it('finds the open question', () => {
    const q = [
      { askedAt: T(0), answeredAt: T(5) },
      { askedAt: T(10), answeredAt: null },
    ];
    expect(openQuestion(q)).toBe(q[1]);
    expect(openQuestion([q[0]!])).toBeUndefined();
  });
  // Whether the answer restarts the clocks is the shared pause's rule (test/domain/escalation/pauseHolds.test.ts).
});
