/** The value assessment of a requirement: its checks, and the rule that pauses the clock while it is pending. */
import {
  assessmentClockEffect,
  handoffTargetOf,
  validateAssessment,
  type AssessmentClockEffect,
  type AssessmentDecision,
  type AssessmentInput,
} from '../../../src/domain';

const GOOD: AssessmentInput = {
  expectedValue: 'Three sites renew (about 1.2 M CNY a year)',
  cost: '25 engineer-days',
  decision: 'handToRnd',
  reason: 'Fits the 2027 roadmap',
};

describe('validateAssessment', () => {
  it('accepts a complete assessment, trimmed', () => {
    expect(validateAssessment({ ...GOOD, cost: '  25 engineer-days  ' }, 'requirement')).toEqual({
      ok: true,
      value: GOOD,
    });
  });

  it('a pending assessment needs no reason yet', () => {
    expect(validateAssessment({ ...GOOD, decision: 'pending', reason: '' }, 'requirement').ok).toBe(true);
  });

  it.each<[string, Partial<AssessmentInput>, string | null, string[]]>([
    ['a problem is not assessed', {}, 'problem', ['ASSESSMENT_NOT_REQUIREMENT classification']],
    ['an unclassified issue is not assessed', {}, null, ['ASSESSMENT_NOT_REQUIREMENT classification']],
    ['empty expected value', { expectedValue: '  ' }, 'requirement', ['ASSESSMENT_FIELD_REQUIRED expectedValue']],
    ['empty cost', { cost: '' }, 'requirement', ['ASSESSMENT_FIELD_REQUIRED cost']],
    [
      'a decision without reason',
      { decision: 'decline', reason: ' ' },
      'requirement',
      ['ASSESSMENT_REASON_REQUIRED reason'],
    ],
    [
      'an unknown decision',
      { decision: 'maybe' as AssessmentDecision },
      'requirement',
      ['ASSESSMENT_DECISION_INVALID decision'],
    ],
    ['a reason over 1,000 characters', { reason: 'x'.repeat(1001) }, 'requirement', ['VALUE_TOO_LONG reason']],
    [
      'every problem at once',
      { expectedValue: '', cost: '', decision: 'accept', reason: '' },
      'requirement',
      [
        'ASSESSMENT_FIELD_REQUIRED expectedValue',
        'ASSESSMENT_FIELD_REQUIRED cost',
        'ASSESSMENT_REASON_REQUIRED reason',
      ],
    ],
  ])('refuses %s', (_name, change, classification, expected) => {
    const r = validateAssessment({ ...GOOD, ...change }, classification);
    expect(r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}`)).toEqual(expected);
  });

  it('1,000 characters (code points, not UTF-16 units) still fit', () => {
    expect(validateAssessment({ ...GOOD, reason: '需'.repeat(999) + '😀' }, 'requirement').ok).toBe(true);
  });
});

describe('assessmentClockEffect (the pause rule)', () => {
  it.each<[string, boolean, string | null, AssessmentDecision | null, AssessmentDecision, AssessmentClockEffect]>([
    ['starting an assessment pauses when the option is on', true, 'requirement', null, 'pending', 'pause'],
    ['starting one does nothing when the option is off', false, 'requirement', null, 'pending', 'none'],
    ['a problem is never paused by it', true, 'problem', null, 'pending', 'none'],
    ['a second pending save changes nothing', true, 'requirement', 'pending', 'pending', 'none'],
    ['deciding resumes', true, 'requirement', 'pending', 'accept', 'resume'],
    ['deciding resumes even after the option was turned off', false, 'requirement', 'pending', 'handToRnd', 'resume'],
    ['deciding at once (never pending) changes nothing', true, 'requirement', null, 'decline', 'none'],
    ['changing a decision changes nothing', true, 'requirement', 'accept', 'handToSales', 'none'],
    ['re-opening a decided assessment pauses again', true, 'requirement', 'decline', 'pending', 'pause'],
  ])('%s', (_name, pauseWhileAssessing, classification, before, after, expected) => {
    expect(assessmentClockEffect({ pauseWhileAssessing, classification, before, after })).toBe(expected);
  });
});

it.each<[AssessmentDecision, 'rnd' | 'sales' | null]>([
  ['handToRnd', 'rnd'],
  ['handToSales', 'sales'],
  ['accept', null],
  ['decline', null],
  ['pending', null],
])('handoffTargetOf(%s) is %s', (decision, target) => {
  expect(handoffTargetOf(decision)).toBe(target);
});
