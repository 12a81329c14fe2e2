/**
 * The shared pause (src/domain/escalation/pauseHolds.ts): a waiting-for-customer status, an open
 * clarification question and a pending value assessment each hold the one pause; the clocks
 * restart only when the last of them ends. Table-driven, and property tests against a naive reference.
 */
import fc from 'fast-check';
import { PAUSE_HOLDS, pauseHolds, resumesWhenReleased, type PauseHold, type PauseHoldFacts } from '../../../src/domain';

const WAITING = ['Waiting for customer', '等待客户'];
const facts = (over: Partial<PauseHoldFacts> = {}): PauseHoldFacts => ({
  status: 'In Progress',
  waitingStatuses: WAITING,
  openQuestion: false,
  latestAssessment: null,
  pauseWhileAssessing: true,
  ...over,
});

describe('pauseHolds: what holds the clocks', () => {
  it.each<[string, Partial<PauseHoldFacts>, PauseHold[]]>([
    ['nothing', {}, []],
    ['a waiting status', { status: 'Waiting for customer' }, ['waitingForCustomer']],
    ['a waiting status named in Chinese', { status: '等待客户' }, ['waitingForCustomer']],
    ['a status of another case is not waiting', { status: 'waiting for customer' }, []],
    ['an unknown status holds nothing', { status: null }, []],
    ['an open question', { openQuestion: true }, ['clarification']],
    ['a pending assessment', { latestAssessment: 'pending' }, ['valueAssessment']],
    ['a pending assessment, the table does not pause', { latestAssessment: 'pending', pauseWhileAssessing: false }, []],
    ['a decided assessment', { latestAssessment: 'accept' }, []],
    [
      'all three at once',
      { status: 'Waiting for customer', openQuestion: true, latestAssessment: 'pending' },
      ['waitingForCustomer', 'clarification', 'valueAssessment'],
    ],
  ])('%s', (_, over, expected) => {
    expect(pauseHolds(facts(over))).toEqual(expected);
  });
});

describe('resumesWhenReleased: the clocks restart only when nothing holds them any more', () => {
  it.each<[string, PauseHold, Partial<PauseHoldFacts>, boolean]>([
    ['the waiting status ends, nothing else holds', 'waitingForCustomer', {}, true],
    // The case of issue 17: leaving the waiting status while the submitter still owes an answer.
    ['the waiting status ends while a question is open', 'waitingForCustomer', { openQuestion: true }, false],
    [
      'the waiting status ends while an assessment is pending',
      'waitingForCustomer',
      { latestAssessment: 'pending' },
      false,
    ],
    [
      'the answer comes while the issue still waits for the customer',
      'clarification',
      { status: 'Waiting for customer' },
      false,
    ],
    ['the answer comes while an assessment is pending', 'clarification', { latestAssessment: 'pending' }, false],
    ['the answer comes, nothing else holds', 'clarification', {}, true],
    ['the assessment is decided while a question is open', 'valueAssessment', { openQuestion: true }, false],
    ['the assessment is decided, nothing else holds', 'valueAssessment', { latestAssessment: 'decline' }, true],
    // The released hold is not counted, even when the facts were read before it ended.
    [
      'a status read before the change still shows waiting',
      'waitingForCustomer',
      { status: 'Waiting for customer' },
      true,
    ],
    ['the question still reads as open', 'clarification', { openQuestion: true }, true],
    ['the assessment still reads as pending', 'valueAssessment', { latestAssessment: 'pending' }, true],
  ])('%s', (_, released, over, expected) => {
    expect(resumesWhenReleased(released, facts(over))).toBe(expected);
  });

  const arbitraryFacts = fc.record<PauseHoldFacts>({
    status: fc.option(fc.constantFrom('In Progress', 'Waiting for customer', '等待客户', 'Done'), { nil: null }),
    waitingStatuses: fc.subarray(WAITING),
    openQuestion: fc.boolean(),
    latestAssessment: fc.option(fc.constantFrom('pending', 'accept', 'decline', 'toRnD', 'toSales'), { nil: null }),
    pauseWhileAssessing: fc.boolean(),
  });

  it('agrees with a naive reference: resume iff every other hold is off', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.constantFrom(...PAUSE_HOLDS), (f, released) => {
        const waiting = f.status !== null && f.waitingStatuses.includes(f.status);
        const assessing = f.pauseWhileAssessing && f.latestAssessment === 'pending';
        const others = {
          waitingForCustomer: waiting,
          clarification: f.openQuestion,
          valueAssessment: assessing,
        };
        const expected = PAUSE_HOLDS.filter((h) => h !== released).every((h) => !others[h]);
        expect(resumesWhenReleased(released, f)).toBe(expected);
      }),
    );
  });

  it('a second hold never makes the clocks restart sooner (monotone)', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.constantFrom(...PAUSE_HOLDS), (f, released) => {
        if (!resumesWhenReleased(released, { ...f, openQuestion: true })) return;
        expect(resumesWhenReleased(released, f)).toBe(true);
      }),
    );
  });

  it('with nothing else holding, every release restarts the clocks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAUSE_HOLDS), (released) => {
        expect(resumesWhenReleased(released, facts())).toBe(true);
      }),
    );
  });
});
