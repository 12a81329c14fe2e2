/**
 * The triage planner (src/app/triage/triagePlan.ts), without I/O: from the checked decision, the issue's
 * fields as read and `now`, which fields change (and their history), whether the issue enters its line,
 * to whom it is handed, and what the clocks are recomputed from. Table-driven over the issue's state.
 */
import { historyRows, ownerFromLine, planTriage, type CheckedDecision } from '../../../src/app/triage/triagePlan';
import { ITR_FIELD_NAMES, type ItrFieldIds } from '../../../src/app/fields/itrFields';
import { ItrError } from '../../../src/app/itrError';
import type { TriageDecision } from '../../../src/contract/triage';
import { recordClassification } from '../../../src/domain';

/** Field ids named after the field (`cf-grade`), so an expectation reads as the field it means. */
const ids = Object.fromEntries(ITR_FIELD_NAMES.map((n) => [n, `cf-${n}`])) as ItrFieldIds;
const NOW = new Date('2026-11-23T09:00:00.000Z');
const ENTERED = '2026-11-20T02:00:00.000Z';
const TRIAGER = 'acc-triage';
const OWNER = 'acc-owner';
const ALICE = 'acc-alice';

const FACTS = {
  failsWithinSpecification: true,
  contractOrProcessNotFollowed: false,
  expectedByUserHabitOrIndustryNorm: false,
};
const classified = recordClassification({ facts: FACTS, decidedBy: TRIAGER, decidedAt: NOW });
if (!classified.ok) throw new Error('the fixture facts classify');

const decision = (over: Partial<TriageDecision> = {}): TriageDecision => ({
  issueKey: 'ITR-7',
  kind: 'technicalService',
  classification: { facts: FACTS },
  answers: { scope: 'site', impact: 'stopped' },
  ...over,
});
const checked = (over: Partial<CheckedDecision> = {}): CheckedDecision => ({
  kind: 'technicalService',
  line: 'L1',
  graded: { grade: 'P2', tableVersion: 3 },
  classification: classified.value,
  timeRule: 'problem',
  product: undefined,
  region: undefined,
  tier: undefined,
  ...over,
});

/** An open issue never triaged: created, in project ITR, no ITR field set. */
const untriaged = (): Record<string, unknown> => ({
  created: '2026-11-23T08:00:00.000+0000',
  project: { key: 'ITR' },
  status: { statusCategory: { key: 'new' } },
  resolution: null,
});
/** An open issue triaged before as `checked()` decides now, on L1 since ENTERED, held by OWNER. */
const triaged = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...untriaged(),
  [ids.kind]: 'technicalService',
  [ids.classification]: 'problem',
  [ids.gradingAnswers]: 'impact=stopped;scope=site',
  [ids.grade]: 'P2',
  [ids.gradingTableVersion]: 3,
  [ids.line]: 'L1',
  [ids.lineEnteredAt]: ENTERED,
  [ids.timeRule]: 'problem',
  [ids.owner]: { accountId: OWNER, displayName: 'Owner' },
  [ids.acceptance]: 'accepted',
  ...over,
});

const plan = (
  fields: Record<string, unknown>,
  over: { decision?: Partial<TriageDecision>; checked?: Partial<CheckedDecision>; owner?: string | null } = {},
) =>
  planTriage({
    decision: decision(over.decision),
    checked: checked(over.checked),
    owner: over.owner ?? null,
    issue: { id: '10007', key: 'ITR-7', fields },
    ids,
    now: NOW,
  });

const changed = (p: ReturnType<typeof plan>) => p.changes.map((c) => `${c.name}: ${c.old ?? '∅'} → ${c.shown ?? '∅'}`);

describe('planTriage: which fields change, from the issue as read', () => {
  it.each<[string, Record<string, unknown>, Parameters<typeof plan>[1], string[]]>([
    [
      'an untriaged issue: every field is set, awaiting its owner',
      untriaged(),
      {},
      [
        'kind: ∅ → technicalService',
        'classification: ∅ → problem',
        'gradingAnswers: ∅ → impact=stopped;scope=site',
        'grade: ∅ → P2',
        'gradingTableVersion: ∅ → 3',
        'line: ∅ → L1',
        'timeRule: ∅ → problem',
        'acceptance: ∅ → awaiting',
      ],
    ],
    ['the same decision again: only the answer is awaited again', triaged(), {}, ['acceptance: accepted → awaiting']],
    [
      'another grade within the line',
      triaged(),
      { checked: { graded: { grade: 'P1', tableVersion: 3 } } },
      ['grade: P2 → P1', 'acceptance: accepted → awaiting'],
    ],
    [
      'a graded issue under a newer table',
      triaged(),
      { checked: { graded: { grade: 'P2', tableVersion: 4 } } },
      ['gradingTableVersion: 3 → 4', 'acceptance: accepted → awaiting'],
    ],
    ['another line', triaged(), { checked: { line: 'L2' } }, ['line: L1 → L2', 'acceptance: accepted → awaiting']],
    [
      'a requirement whose grade has requirement times: the rule is stamped with the classification',
      triaged(),
      { checked: { classification: { ...classified.value, classification: 'requirement' }, timeRule: 'requirement' } },
      ['classification: problem → requirement', 'timeRule: problem → requirement', 'acceptance: accepted → awaiting'],
    ],
    [
      'an issue triaged before the rule was stamped gets it',
      triaged({ [ids.timeRule]: undefined }),
      {},
      ['timeRule: ∅ → problem', 'acceptance: accepted → awaiting'],
    ],
    [
      'an owner chosen by triage',
      triaged(),
      { owner: ALICE },
      [`owner: ${OWNER} → ${ALICE}`, 'acceptance: accepted → awaiting'],
    ],
    ['the owner it already has', triaged(), { owner: OWNER }, ['acceptance: accepted → awaiting']],
    [
      'the optional facts, each only when given (the tier from the answers when not typed)',
      triaged(),
      {
        decision: { warranty: 'in', answers: { scope: 'site', impact: 'stopped', customerTier: 'gold' } },
        checked: { product: 'Printer', region: 'EMEA' },
      },
      [
        'gradingAnswers: impact=stopped;scope=site → customerTier=gold;impact=stopped;scope=site',
        'acceptance: accepted → awaiting',
        'customerTier: ∅ → gold',
        'warranty: ∅ → in',
        'product: ∅ → Printer',
        'region: ∅ → EMEA',
      ],
    ],
    [
      'a typed tier over the answers’ one',
      triaged({ [ids.customerTier]: 'gold' }),
      { checked: { tier: 'silver' } },
      ['acceptance: accepted → awaiting', 'customerTier: gold → silver'],
    ],
  ])('%s', (_label, fields, over, expected) => {
    expect(changed(plan(fields, over))).toEqual(expected);
  });

  it('writes exactly the changed fields, in one list of updates', () => {
    const p = plan(triaged(), { owner: ALICE, checked: { graded: { grade: 'P1', tableVersion: 3 } } });
    expect(p.updates).toEqual([
      { fieldId: 'cf-grade', issueIds: ['10007'], value: 'P1' },
      { fieldId: 'cf-owner', issueIds: ['10007'], value: { accountId: ALICE } },
      { fieldId: 'cf-acceptance', issueIds: ['10007'], value: 'awaiting' },
    ]);
  });
});

describe('planTriage: the line, the owner and the clocks', () => {
  it.each<[string, Record<string, unknown>, Parameters<typeof plan>[1], object]>([
    ['untriaged: enters the line now', untriaged(), {}, { entersLine: true, lineEnteredAt: NOW.toISOString() }],
    ['same line: keeps its entry', triaged(), {}, { entersLine: false, lineEnteredAt: ENTERED, lineClockFrom: null }],
    [
      'same line, another grade: its deadlines follow the grade from the entry',
      triaged(),
      { checked: { graded: { grade: 'P1', tableVersion: 3 } } },
      { entersLine: false, lineClockFrom: new Date(ENTERED) },
    ],
    ['another line: enters it now', triaged(), { checked: { line: 'L2' } }, { entersLine: true, lineClockFrom: null }],
    [
      'on a line without an entry time: enters it now',
      triaged({ [ids.lineEnteredAt]: null }),
      {},
      { entersLine: true, lineEnteredAt: NOW.toISOString() },
    ],
    [
      'same line with an unreadable entry time: no deadlines from it',
      triaged({ [ids.lineEnteredAt]: 'not a time' }),
      { checked: { graded: { grade: 'P1', tableVersion: 3 } } },
      { entersLine: false, lineClockFrom: null },
    ],
    [
      'a new owner: checked before the hand-over',
      triaged(),
      { owner: ALICE },
      { currentOwner: OWNER, newOwner: ALICE },
    ],
    ['the same owner: nothing to check', triaged(), { owner: OWNER }, { newOwner: null }],
    ['no owner chosen: the line (or the current owner) decides', triaged(), {}, { newOwner: null }],
    [
      'the response clock from creation, on the new grade, with its last alert',
      triaged({ [ids.responseAlert]: 'warn' }),
      { checked: { graded: { grade: 'P1', tableVersion: 3 } } },
      {
        response: {
          grade: 'P1',
          classification: 'problem',
          projectKey: 'ITR',
          createdAt: new Date('2026-11-23T08:00:00.000Z'),
          previousAlert: 'warn',
        },
      },
    ],
    ['no creation time: no response clock', triaged({ created: undefined }), {}, { response: null }],
  ])('%s', (_label, fields, over, expected) => {
    expect(plan(fields, over)).toMatchObject(expected);
  });

  it('answers what was decided', () => {
    expect(plan(untriaged()).result).toEqual({
      issueKey: 'ITR-7',
      kind: 'technicalService',
      classification: 'problem',
      classificationReason: classified.value.reason,
      grade: 'P2',
      tableVersion: 3,
      line: 'L1',
    });
  });

  it.each([
    ['resolved', { resolution: { name: 'Done' } }],
    ['in a Done status', { status: { statusCategory: { key: 'done' } } }],
  ])('refuses an issue %s (TRIAGE_ISSUE_CLOSED): it keeps what it was closed with', (_label, closed) => {
    expect(() => plan(triaged(closed))).toThrow(ItrError);
    expect(() => plan(triaged(closed))).toThrow(expect.objectContaining({ code: 'TRIAGE_ISSUE_CLOSED' }));
  });
});

describe('the history of a plan', () => {
  it('has one row per changed field the history shows (not the table version), by the triager, now', () => {
    const p = plan(triaged(), { checked: { graded: { grade: 'P1', tableVersion: 4 } } });
    expect(historyRows(p, p.changes, TRIAGER, NOW)).toEqual([
      {
        issueId: '10007',
        issueKey: 'ITR-7',
        field: 'grade',
        oldValue: 'P2',
        newValue: 'P1',
        reason: 'table v4',
        actorAccountId: TRIAGER,
        at: NOW,
      },
      expect.objectContaining({ field: 'acceptance', oldValue: 'accepted', newValue: 'awaiting', reason: null }),
    ]);
  });

  it.each<[string, Record<string, unknown>, Partial<CheckedDecision>, string | null, string | null, boolean]>([
    ['entering a line, its assignment names another holder', triaged(), { line: 'L2' }, null, ALICE, true],
    ['entering a line, the holder stays', triaged(), { line: 'L2' }, null, OWNER, false],
    ['entering a line, triage chose the owner (its own row)', triaged(), { line: 'L2' }, ALICE, ALICE, false],
    ['within the line, nothing is assigned', triaged(), {}, null, ALICE, false],
  ])('the owner from the line: %s', (_label, fields, over, owner, holder, recorded) => {
    const p = plan(fields, { checked: over, owner });
    const row = ownerFromLine(p, owner, holder);
    expect(row !== null).toBe(recorded);
    if (row !== null)
      expect(row).toMatchObject({ old: OWNER, shown: holder, next: { accountId: holder }, reason: null });
  });
});
