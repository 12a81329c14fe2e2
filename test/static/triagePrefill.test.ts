/**
 * Picking the issue's product fills the triage form's own answers (static/triage/src/draft.ts, issue
 * 17): warranty, product, region and the customer-tier answer when the grading table has that tier. The
 * agent may change each; a changed warranty, region or tier is an override needing a reason, the product
 * name and a cleared answer are not.
 */
import fc from 'fast-check';
import type { IssueCustomerFacts, TriageListItem } from '../../src/contract';
import {
  changedPrefills,
  initialDraft,
  missingOverrideReason,
  prefillFromFacts,
  toDecision,
  type TriageDraft,
} from '../../static/triage/src/draft';

const item = {
  issueKey: 'ITR-1',
  kind: null,
  line: null,
  ownerAccountId: null,
  ownerName: null,
} as unknown as TriageListItem;
const TIERS = ['strategic', 'key', 'standard', 'internal'];
const facts = (over: Partial<IssueCustomerFacts> = {}): IssueCustomerFacts => ({
  customerId: 'C-1',
  name: 'Acme Bank',
  serial: 'SN-1',
  product: 'Kiosk K4',
  tier: 'strategic',
  region: 'East',
  warranty: 'in',
  compliant: true,
  pickedByName: 'Li Na',
  pickedAt: '2026-12-01T00:00:00.000Z',
  overrides: [],
  ...over,
});

describe('prefillFromFacts', () => {
  it.each<[string, Partial<IssueCustomerFacts>, Partial<TriageDraft>]>([
    [
      'every answer',
      {},
      { warranty: 'in', product: 'Kiosk K4', region: 'East', answers: { customerTier: 'strategic' } },
    ],
    ['a tier in another case', { tier: ' Key ' }, { answers: { customerTier: 'key' } }],
    ['no option of that tier: the answer is left alone', { tier: 'VIP' }, { answers: {} }],
    ['out of warranty', { warranty: 'out' }, { warranty: 'out' }],
    ['no longer held product: the typed one stays', { product: null }, { product: '' }],
  ])('%s', (_name, over, expected) => {
    const d = prefillFromFacts(initialDraft(item), facts(over), TIERS);
    expect(d).toMatchObject(expected);
    expect(changedPrefills(d)).toEqual([]);
    expect(missingOverrideReason(d)).toEqual([]);
  });

  it('keeps the other answers and the decision carries the filled ones', () => {
    const start = { ...initialDraft(item), answers: { businessImpact: 'outage' }, kind: 'complaint' as const };
    const d = prefillFromFacts(start, facts(), TIERS);
    expect(d.answers).toEqual({ businessImpact: 'outage', customerTier: 'strategic' });
    expect(toDecision('ITR-1', d)).toMatchObject({
      warranty: 'in',
      product: 'Kiosk K4',
      region: 'East',
      answers: { businessImpact: 'outage', customerTier: 'strategic' },
    });
  });
});

describe('changedPrefills', () => {
  const filled = prefillFromFacts(initialDraft(item), facts(), TIERS);
  it.each<[string, Partial<TriageDraft>, ReturnType<typeof changedPrefills>]>([
    ['nothing changed', {}, []],
    ['warranty', { warranty: 'out' }, [{ field: 'warranty', from: 'in', to: 'out' }]],
    ['region, trimmed', { region: ' North ' }, [{ field: 'region', from: 'East', to: 'North' }]],
    ['tier', { answers: { customerTier: 'key' } }, [{ field: 'tier', from: 'strategic', to: 'key' }]],
    ['cleared answers are no change', { warranty: '', region: ' ', answers: {} }, []],
    ['the product name is no customer fact', { product: 'Kiosk K5' }, []],
  ])('%s', (_name, patch, expected) => {
    const d = { ...filled, ...patch };
    expect(changedPrefills(d)).toEqual(expected);
    expect(missingOverrideReason(d).map((e) => e.path)).toEqual(expected.length > 0 ? ['overrideReason'] : []);
    expect(missingOverrideReason({ ...d, overrideReason: 'Contract 88' })).toEqual([]);
  });

  it('nothing was filled: no change is an override', () => {
    fc.assert(
      fc.property(fc.constantFrom('in', 'out', ''), fc.string(), (warranty, region) => {
        const d = { ...initialDraft(item), warranty, region };
        expect(changedPrefills(d)).toEqual([]);
      }),
    );
  });

  it('an answer set back to what was filled is no change', () => {
    fc.assert(
      fc.property(fc.constantFrom('in', 'out'), fc.constantFrom(...TIERS), (warranty, tier) => {
        const d = prefillFromFacts(initialDraft(item), facts({ warranty, tier }), TIERS);
        const moved = {
          ...d,
          warranty: warranty === 'in' ? 'out' : 'in',
          answers: { customerTier: 'internal' },
        } as TriageDraft;
        expect(changedPrefills(moved).length).toBeGreaterThan(0);
        expect(changedPrefills({ ...moved, warranty, answers: { customerTier: tier } })).toEqual([]);
      }),
    );
  });
});
