/**
 * The triage page's live suggestion (static/triage/src/rule.ts) is the server's `classify` itself, and
 * the form offers a box for every fact the rule reads.
 */
import { classify, type ClassificationFacts } from '../../src/domain';
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
