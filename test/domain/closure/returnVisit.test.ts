import { DEFAULT_RETURN_VISIT_POLICY, needsReturnVisit, stableHash, viewsDiffer } from '../../../src/domain/closure';

describe('needsReturnVisit', () => {
  const policy = { sampleRatePercent: 20, alwaysGrades: ['critical'] };
  it.each([
    ['complaint, minor grade', { issueId: '10001', kind: 'complaint', grade: 'minor' }, true, 'complaint'],
    ['critical technical service', { issueId: '10002', kind: 'technicalService', grade: 'critical' }, true, 'topGrade'],
  ] as const)('%s is always visited', (_n, issue, required, reason) => {
    expect(needsReturnVisit(issue, { ...policy, sampleRatePercent: 0 })).toMatchObject({ required, reason });
  });

  it('the same issue always gets the same decision', () => {
    for (let i = 0; i < 200; i++) {
      const issue = { issueId: String(10000 + i), kind: 'technicalService', grade: 'minor' };
      expect(needsReturnVisit(issue, policy)).toEqual(needsReturnVisit({ ...issue }, policy));
    }
    expect(stableHash('return-visit:10001')).toBe(stableHash('return-visit:10001'));
  });

  it.each([0, 5, 20, 50, 100])('samples %d %% of 10,000 consecutive issues within 1 point', (rate) => {
    let sampled = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        needsReturnVisit(
          { issueId: String(10000 + i), kind: 'technicalService', grade: 'minor' },
          { ...policy, sampleRatePercent: rate },
        ).required
      )
        sampled++;
    }
    expect(Math.abs(sampled / 100 - rate)).toBeLessThanOrEqual(1);
  });

  it('raising the rate only adds issues (buckets are fixed per issue)', () => {
    for (let i = 0; i < 500; i++) {
      const issue = { issueId: String(20000 + i), kind: undefined, grade: undefined };
      if (needsReturnVisit(issue, { ...policy, sampleRatePercent: 10 }).required)
        expect(needsReturnVisit(issue, { ...policy, sampleRatePercent: 30 }).required).toBe(true);
    }
  });

  it('defaults: 20 % and the critical grade', () => {
    expect(DEFAULT_RETURN_VISIT_POLICY).toEqual({ sampleRatePercent: 20, alwaysGrades: ['critical'] });
  });
});

describe('viewsDiffer', () => {
  it.each([
    [5, true, false],
    [3, true, false],
    [2, true, true],
    [1, true, true],
    [5, false, true],
  ] as const)(
    'satisfaction %d, resolved in the customer view %s → differs %s',
    (satisfaction, resolvedInCustomersView, differs) => {
      expect(viewsDiffer({ satisfaction, resolvedInCustomersView })).toBe(differs);
    },
  );
});
