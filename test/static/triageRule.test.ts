/**
 * The triage page's live suggestion (static/triage/src/rule.ts) is the server's `classify` itself, and
 * the form offers a box for every fact the rule reads; its draft (static/triage/src/draft.ts) chooses
 * no classification for the user.
 */
import type { TriageListItem } from '../../src/contract';
import { classify, type ClassificationFacts } from '../../src/domain';
import { initialDraft, toDecision, unchosenClassification } from '../../static/triage/src/draft';
import { FACT_KEYS, suggestClassification } from '../../static/triage/src/rule';

it('is the domain rule, not a copy of it', () => {
  expect(suggestClassification).toBe(classify);
});

it('asks for every fact the rule reads, once', () => {
  const facts: ClassificationFacts = {
    failsWithinSpecification: false,
    contractOrProcessNotFollowed: false,
    expectedByUserHabitOrIndustryNorm: false,
  };
  expect([...FACT_KEYS].sort()).toEqual(Object.keys(facts).sort());
});

describe('the triage draft assumes no classification', () => {
  const item: TriageListItem = {
    issueId: '10001',
    issueKey: 'ITR-1',
    summary: 'Router reboots',
    created: '2026-03-02T08:00:00.000Z',
    kind: null,
    classification: null,
    grade: null,
    line: null,
    ownerAccountId: null,
    ownerName: null,
    acceptance: null,
    acceptBy: null,
  };

  it('starts with nothing chosen, and the page refuses to send it at the classification', () => {
    const draft = initialDraft(item);
    expect(draft.chosen).toBeNull();
    expect(unchosenClassification(draft)).toEqual([
      expect.objectContaining({ code: 'UI_TRIAGE_CLASSIFICATION_NOT_CHOSEN', path: 'classification.chosen' }),
    ]);
  });

  it.each([
    ['rule', undefined],
    ['requirement', undefined], // what the rule says with no fact: no deviation to justify
    ['problem', 'problem'],
  ] as const)('sends a choice of %s as chosen=%s', (chosen, sent) => {
    const draft = { ...initialDraft(item), chosen, justification: 'Contract says so' };
    expect(unchosenClassification(draft)).toEqual([]);
    expect(toDecision('ITR-1', draft).classification.chosen).toBe(sent);
  });
});
