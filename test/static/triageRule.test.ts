/**
 * The triage page's live suggestion (static/triage/src/rule.ts) must say what the server's rule says:
 * every combination of the three facts, checked against `classify` in the domain.
 */
import { classify, type ClassificationFacts } from '../../src/domain';
import { suggestClassification } from '../../static/triage/src/rule';

const bools = [false, true] as const;
const all: ClassificationFacts[] = bools.flatMap((failsWithinSpecification) =>
  bools.flatMap((contractOrProcessNotFollowed) =>
    bools.map((expectedByUserHabitOrIndustryNorm) => ({ failsWithinSpecification, contractOrProcessNotFollowed, expectedByUserHabitOrIndustryNorm })),
  ),
);

it.each(all)('suggests what the domain rule decides for %o', (facts) => {
  expect(suggestClassification(facts)).toEqual(classify(facts));
});

it('treats "outside the spec but expected by users\' habits" as a problem', () => {
  expect(suggestClassification({ failsWithinSpecification: false, contractOrProcessNotFollowed: false, expectedByUserHabitOrIndustryNorm: true }).classification).toBe('problem');
});
