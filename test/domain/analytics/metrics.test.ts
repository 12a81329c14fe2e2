import {
  attainment,
  cycleBucketOf,
  cycleStats,
  detectPatterns,
  drillDownJql,
  naiveQuantile,
  parseFilter,
  PATTERN_THRESHOLDS,
  quantileFromBuckets,
  slaMet,
  type AnalyticsFilter,
  type DrillFieldIds,
} from '../../../src/domain/analytics';

const ids: DrillFieldIds = {
  kind: 'customfield_10001',
  grade: 'customfield_10002',
  product: 'customfield_10003',
  region: 'customfield_10004',
  customerTier: 'customfield_10005',
  owner: 'customfield_10006',
  breachedAt: 'customfield_10007',
  line: 'customfield_10008',
};
const filter: AnalyticsFilter = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-02-01T00:00:00.000Z',
  projectKeys: [],
  kinds: [],
  grades: [],
  granularity: 'month',
};

describe('cycle buckets', () => {
  it.each([
    [0, 0],
    [59, 0],
    [60, 1],
    [119, 1],
    [120, 2],
    [24 * 60 - 1, 5],
    [24 * 60, 6],
    [2160 * 60, 19],
    [10_000 * 60, 19],
  ])('%i minutes → bucket %i', (minutes, bucket) => expect(cycleBucketOf(minutes)).toBe(bucket));

  it('quantiles from buckets stay within one bucket of the exact value (property against a naive reference)', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 50; run++) {
      const minutes = Array.from({ length: 1 + Math.floor(rnd() * 300) }, () => Math.floor(rnd() ** 3 * 60 * 2000));
      const counts = new Array<number>(20).fill(0);
      for (const m of minutes) counts[cycleBucketOf(m)]! += 1;
      for (const q of [0.5, 0.9]) {
        const exact = (naiveQuantile(minutes, q) as number) / 60;
        const approx = quantileFromBuckets(counts, q) as number;
        expect(cycleBucketOf(approx * 60)).toBeGreaterThanOrEqual(cycleBucketOf(exact * 60) - 1);
        expect(cycleBucketOf(approx * 60)).toBeLessThanOrEqual(cycleBucketOf(exact * 60) + 1);
      }
    }
  });

  it('cycleStats: empty → nulls and a full, stable histogram', () => {
    const s = cycleStats([]);
    expect(s).toMatchObject({ count: 0, medianHours: null, p90Hours: null });
    expect(s.histogram).toHaveLength(20);
    expect(s.histogram[19]).toEqual({ bucket: 19, fromHours: 2160, toHours: null, count: 0 });
  });

  it('cycleStats: all in the 24–36 h bucket → median 30 h (interpolated), p90 34.8 h', () => {
    expect(cycleStats([{ bucket: 6, count: 10 }])).toMatchObject({ count: 10, medianHours: 30, p90Hours: 34.8 });
  });
});

describe('attainment and SLA met', () => {
  it.each([
    [0, 0, null],
    [3, 4, 0.75],
    [2, 3, 0.667],
    [5, 5, 1],
  ])('%i of %i → %p', (met, total, expected) => expect(attainment(met, total)).toBe(expected));

  it.each([
    ['open, not breached', null, null, null],
    ['open, breached', null, '2026-01-02T00:00:00Z', false],
    ['resolved, never breached', '2026-01-02T00:00:00Z', null, true],
    ['resolved before the breach', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', true],
    ['resolved after the breach', '2026-01-04T00:00:00Z', '2026-01-03T00:00:00Z', false],
  ])('%s', (_name, resolvedAt, breachedAt, expected) => expect(slaMet({ resolvedAt, breachedAt })).toBe(expected));
});

describe('patterns (thresholds in PATTERN_THRESHOLDS)', () => {
  const empty = { severeByProduct: [], caseSpread: [], regionSpread: [], departmentMonthly: [] };
  it.each([
    [
      'a product with 5 severe of mean ≤ 2.5 is flagged',
      {
        ...empty,
        severeByProduct: [
          { product: 'X', severe: 6 },
          { product: 'Y', severe: 1 },
          { product: 'Z', severe: 1 },
        ],
      },
      ['severeProduct:X'],
    ],
    [
      '4 severe is under the minimum',
      {
        ...empty,
        severeByProduct: [
          { product: 'X', severe: 4 },
          { product: 'Y', severe: 0 },
        ],
      },
      [],
    ],
    [
      'two products equally severe: neither is 2× the mean',
      {
        ...empty,
        severeByProduct: [
          { product: 'X', severe: 9 },
          { product: 'Y', severe: 9 },
        ],
      },
      [],
    ],
    [
      'one case on 3 products',
      {
        ...empty,
        caseSpread: [
          { caseId: 7, products: 3, issues: 5 },
          { caseId: 8, products: 2, issues: 9 },
        ],
      },
      ['crossProduct:7'],
    ],
    [
      'a region with 12 issues over 4 products, top share 0.33',
      { ...empty, regionSpread: [{ region: 'North', issues: 12, products: 4, topProductIssues: 4 }] },
      ['scatteredRegion:North'],
    ],
    [
      'a region dominated by one product is not scattered',
      { ...empty, regionSpread: [{ region: 'North', issues: 12, products: 4, topProductIssues: 9 }] },
      [],
    ],
    [
      'a department swinging 1, 10, 1 (CV 0.98)',
      {
        ...empty,
        departmentMonthly: [
          { department: 'D', month: '2026-01', count: 1 },
          { department: 'D', month: '2026-02', count: 10 },
          { department: 'D', month: '2026-03', count: 1 },
        ],
      },
      ['swingingDepartment:D'],
    ],
    [
      'a steady department 5, 6, 5',
      {
        ...empty,
        departmentMonthly: [
          { department: 'D', month: '2026-01', count: 5 },
          { department: 'D', month: '2026-02', count: 6 },
          { department: 'D', month: '2026-03', count: 5 },
        ],
      },
      [],
    ],
  ])('%s', (_name, input, expected) => {
    const got = detectPatterns(input).map(
      (p) =>
        `${p.type}:${'product' in p ? p.product : 'caseId' in p ? p.caseId : 'region' in p ? p.region : p.department}`,
    );
    expect(got).toEqual(expected);
  });

  it('documents each threshold', () => expect(Object.keys(PATTERN_THRESHOLDS)).toHaveLength(9));
});

describe('drill-down JQL', () => {
  it.each([
    [
      'the filter alone',
      filter,
      [],
      'created >= "2026-01-01 00:00" AND created < "2026-02-01 00:00" ORDER BY created DESC',
    ],
    [
      'projects, kinds, grades',
      { ...filter, projectKeys: ['ITR', 'SUP'], kinds: ['complaint'], grades: ['critical'] },
      [],
      'created >= "2026-01-01 00:00" AND created < "2026-02-01 00:00" AND project IN ("ITR", "SUP") AND cf[10001] = "complaint" AND cf[10002] = "critical" ORDER BY created DESC',
    ],
    [
      'a product with a quote',
      filter,
      [{ dimension: 'product', value: 'X "200"' }],
      'created >= "2026-01-01 00:00" AND created < "2026-02-01 00:00" AND cf[10003] = "X \\"200\\"" ORDER BY created DESC',
    ],
    [
      'no region',
      filter,
      [{ dimension: 'region', value: null }],
      'created >= "2026-01-01 00:00" AND created < "2026-02-01 00:00" AND cf[10004] IS EMPTY ORDER BY created DESC',
    ],
    [
      'SLA met',
      filter,
      [{ dimension: 'state', value: 'slaMet' }],
      'created >= "2026-01-01 00:00" AND created < "2026-02-01 00:00" AND (resolution IS NOT EMPTY OR statusCategory = Done) AND cf[10007] IS EMPTY ORDER BY created DESC',
    ],
    [
      'open: no Resolution and not in a Done-category status',
      filter,
      [{ dimension: 'state', value: 'open' }],
      'created >= "2026-01-01 00:00" AND created < "2026-02-01 00:00" AND (resolution IS EMPTY AND statusCategory != Done) ORDER BY created DESC',
    ],
  ] as const)('%s', (_name, f, dims, expected) =>
    expect(drillDownJql(f as AnalyticsFilter, ids, [...dims])).toBe(expected),
  );
});

describe('parseFilter', () => {
  it.each([
    [{ from: 'x', to: '2026-01-01' }, 'from'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'to'],
    [{ from: '2000-01-01', to: '2026-01-01' }, 'to'],
    [{ from: '2026-01-01', to: '2026-02-01', granularity: 'year' }, 'granularity'],
    [{ from: '2026-01-01', to: '2026-02-01', projectKeys: ['a b'] }, 'projectKeys'],
  ])('%j is refused at %s', (raw, path) =>
    expect(parseFilter(raw)).toMatchObject({ code: 'ANALYTICS_BAD_FILTER', path }),
  );

  it('defaults granularity to month and lists to empty', () =>
    expect(parseFilter({ from: '2026-01-01', to: '2026-02-01' })).toEqual({ ...filter }));
});
