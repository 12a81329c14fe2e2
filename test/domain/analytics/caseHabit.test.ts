import fc from 'fast-check';
import {
  checkCaseDecision,
  checkTargetShare,
  habitShares,
  isFirstContact,
  lineResolution,
  periodOutcomes,
  searchedBeforeWork,
  workStartedAt,
  type HabitIssueRow,
} from '../../../src/domain/analytics';

const T = (hhmm: string): string => `2026-03-02T${hhmm}:00.000Z`;

describe('work start: the earlier of acceptance and the first line change', () => {
  it.each([
    ['neither happened', null, null, null],
    ['accepted only', T('09:00'), null, T('09:00')],
    ['first line change only (deemed or never accepted, escalated)', null, T('11:00'), T('11:00')],
    ['accepted before the line change', T('09:00'), T('11:00'), T('09:00')],
    ['line change before acceptance (escalated by time, then accepted on L2)', T('12:00'), T('11:00'), T('11:00')],
  ])('%s', (_name, acceptedAt, firstLineChangeAt, expected) => {
    expect(workStartedAt({ acceptedAt, firstLineChangeAt })).toBe(expected);
  });
});

describe('searched before work', () => {
  it.each([
    ['no search at all', null, T('09:00'), null, false],
    ['no search, work not started', null, null, null, false],
    ['searched, work not started yet', T('08:00'), null, null, true],
    ['searched before acceptance', T('08:59'), T('09:00'), null, true],
    ['searched in the same instant as acceptance', T('09:00'), T('09:00'), null, true],
    ['searched after acceptance', T('09:01'), T('09:00'), null, false],
    ['searched before the line change, never accepted', T('10:00'), null, T('11:00'), true],
    ['searched after the line change, accepted later', T('11:30'), T('12:00'), T('11:00'), false],
  ])('%s', (_name, search, acceptedAt, firstLineChangeAt, expected) => {
    expect(searchedBeforeWork(search, { acceptedAt, firstLineChangeAt })).toBe(expected);
  });

  it('agrees with a naive reference: a search counts iff no start event precedes it', () => {
    const instant = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });
    fc.assert(
      fc.property(instant, instant, instant, (s, a, l) => {
        const iso = (m: number | null) =>
          m === null ? null : new Date(Date.UTC(2026, 2, 2) + m * 60_000).toISOString();
        const naive = s !== null && [a, l].every((e) => e === null || s <= e);
        expect(searchedBeforeWork(iso(s), { acceptedAt: iso(a), firstLineChangeAt: iso(l) })).toBe(naive);
      }),
    );
  });
});

describe('case decision at resolution', () => {
  it.each([
    ['new case with its id', { decision: 'newCase', caseId: 4, reason: '' }, []],
    ['improved case with its id', { decision: 'improvedCase', caseId: 7, reason: ' clearer steps ' }, []],
    ['none with a reason', { decision: 'none', caseId: null, reason: 'one-off typo in the config' }, []],
    ['new case without an id', { decision: 'newCase', caseId: null, reason: '' }, ['CASE_DECISION_CASE_REQUIRED']],
    ['improved case with id 0', { decision: 'improvedCase', caseId: 0, reason: '' }, ['CASE_DECISION_CASE_REQUIRED']],
    ['none without a reason', { decision: 'none', caseId: null, reason: '' }, ['CASE_DECISION_REASON_REQUIRED']],
    ['none with blanks only', { decision: 'none', caseId: null, reason: '   ' }, ['CASE_DECISION_REASON_REQUIRED']],
    [
      'none with a reason too long',
      { decision: 'none', caseId: null, reason: 'x'.repeat(2001) },
      ['CASE_DECISION_REASON_TOO_LONG'],
    ],
  ] as const)('%s', (_name, input, codes) => {
    const checked = checkCaseDecision(input);
    expect(checked.ok ? [] : checked.problems.map((p) => p.code)).toEqual(codes);
  });

  it('stores the reason trimmed and no case for none', () => {
    expect(checkCaseDecision({ decision: 'none', caseId: 3, reason: '  why  ' })).toEqual({
      ok: true,
      value: { decision: 'none', caseId: null, reason: 'why' },
    });
  });
});

describe('habit shares per person or department', () => {
  const row = (key: string | null, over: Partial<HabitIssueRow> = {}): HabitIssueRow => ({
    key,
    firstSearchAt: null,
    acceptedAt: null,
    firstLineChangeAt: null,
    resolved: false,
    decision: null,
    ...over,
  });

  it('counts searched-before-work, decisions and resolved issues without one', () => {
    const shares = habitShares([
      row('ann', { firstSearchAt: T('08:00'), acceptedAt: T('09:00'), resolved: true, decision: 'newCase' }),
      row('ann', { firstSearchAt: T('10:00'), acceptedAt: T('09:00'), resolved: true, decision: 'none' }),
      row('ann', { resolved: true }),
      row('bo', { firstSearchAt: T('08:00') }),
      row(null),
    ]);
    expect(shares).toEqual([
      {
        key: 'ann',
        issues: 3,
        searchedBeforeWork: 1,
        searchedShare: 0.333,
        resolved: 3,
        decisions: { newCase: 1, improvedCase: 0, none: 1 },
        undecided: 1,
      },
      {
        key: null,
        issues: 1,
        searchedBeforeWork: 0,
        searchedShare: 0,
        resolved: 0,
        decisions: { newCase: 0, improvedCase: 0, none: 0 },
        undecided: 0,
      },
      {
        key: 'bo',
        issues: 1,
        searchedBeforeWork: 1,
        searchedShare: 1,
        resolved: 0,
        decisions: { newCase: 0, improvedCase: 0, none: 0 },
        undecided: 0,
      },
    ]);
  });

  it('answers nothing for no issue', () => {
    expect(habitShares([])).toEqual([]);
  });
});

describe('line resolution against the target', () => {
  it.each([
    ['at the target is not below', { line: 'L1', resolved: 8, passedOn: 2, timedOut: 0 }, 0.8, 0.8, false],
    ['under the target', { line: 'L1', resolved: 7, passedOn: 2, timedOut: 1 }, 0.8, 0.7, true],
    [
      'under the target but too few stays to say',
      { line: 'L2', resolved: 1, passedOn: 2, timedOut: 0 },
      0.8,
      0.333,
      false,
    ],
    ['nothing ended', { line: 'L3', resolved: 0, passedOn: 0, timedOut: 0 }, 0.8, null, false],
    ['a lower target of the admin', { line: 'L3', resolved: 6, passedOn: 4, timedOut: 0 }, 0.5, 0.6, false],
  ])('%s', (_name, row, target, share, below) => {
    const [r] = lineResolution([row], { [row.line]: target });
    expect(r).toMatchObject({ share, target, belowTarget: below });
  });

  it('uses 80 % for a line without a target, in line order', () => {
    const out = lineResolution(
      [
        { line: 'L2', resolved: 5, passedOn: 5, timedOut: 0 },
        { line: 'L1', resolved: 9, passedOn: 1, timedOut: 0 },
      ],
      {},
    );
    expect(out.map((r) => [r.line, r.target, r.belowTarget])).toEqual([
      ['L1', 0.8, false],
      ['L2', 0.8, true],
    ]);
  });

  it.each([
    [0.8, 0.8],
    [0, 0],
    [1, 1],
    [0.12345, 0.123],
    [1.2, null],
    [-0.1, null],
    ['0.8', null],
    [Number.NaN, null],
  ])('target share %p is stored as %p', (v, expected) => {
    expect(checkTargetShare(v)).toBe(expected);
  });
});

describe('first-contact resolution and satisfaction trend', () => {
  it.each([
    [['resolved'], true],
    [['passed_on', 'resolved'], false],
    [['timed_out', 'resolved'], false],
    [[null], false],
    [[], false],
  ])('stays %p: first contact %p', (stays, expected) => {
    expect(isFirstContact(stays)).toBe(expected);
  });

  it('computes shares and means per period, in order', () => {
    expect(
      periodOutcomes([
        { period: '2026-02', resolved: 4, firstContact: 3, visited: 2, satisfactionSum: 7 },
        { period: '2026-01', resolved: 0, firstContact: 0, visited: 0, satisfactionSum: 0 },
      ]),
    ).toEqual([
      { period: '2026-01', resolved: 0, firstContact: 0, firstContactShare: null, visited: 0, satisfactionAvg: null },
      { period: '2026-02', resolved: 4, firstContact: 3, firstContactShare: 0.75, visited: 2, satisfactionAvg: 3.5 },
    ]);
  });
});
