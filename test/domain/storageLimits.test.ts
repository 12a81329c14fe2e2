import { CUT_MARK, fitForDisplay, ROOT_CAUSE_CHECK, sizeOf, STORED_LIMITS } from '../../src/domain/storageLimits';
import { EXTERNAL_ATTRIBUTION_PHRASES, ROOT_CAUSE_LIMITS } from '../../src/domain/closure/rootCause';

describe('fitForDisplay (app-composed text only)', () => {
  it('keeps a value that fits whole', () => {
    const v = 'x'.repeat(STORED_LIMITS.jiraSummary.max);
    expect(fitForDisplay(v, 'jiraSummary')).toBe(v);
  });
  it('shortens a longer one visibly to exactly the limit, at a code point', () => {
    const v = `[ITR-1] ${'𠀀'.repeat(300)}`;
    const fitted = fitForDisplay(v, 'jiraSummary');
    expect(fitted.endsWith(CUT_MARK)).toBe(true);
    expect(sizeOf(fitted, STORED_LIMITS.jiraSummary)).toBe(255);
    expect(v.startsWith(fitted.slice(0, -1))).toBe(true);
  });
});

describe('root-cause limits', () => {
  it('are the one source’s', () => {
    expect(ROOT_CAUSE_LIMITS).toBe(ROOT_CAUSE_CHECK);
    // The check's override reason fits its column (root_cause_version.override_reason VARCHAR(1000)).
    expect(ROOT_CAUSE_CHECK.overrideReason).toBeLessThanOrEqual(STORED_LIMITS.rootCauseOverrideReason.max);
  });
  it('the longest flags the app can store fit root_cause_version.flags VARCHAR(1000) whole', () => {
    const longest = Object.entries(EXTERNAL_ATTRIBUTION_PHRASES)
      .map(([category, phrases]) => `${category}:${[...phrases].sort((a, b) => b.length - a.length)[0] ?? ''}`)
      .join(';');
    expect([...longest].length).toBeLessThanOrEqual(1000);
  });
});
