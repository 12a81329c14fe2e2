import {
  CLASSIFICATION_CHOSEN_AGAINST_RULE,
  CLASSIFICATION_LABELS,
  ClassificationErrorCode,
  ClassificationReason,
  classify,
  recordClassification,
  type Classification,
  type ClassificationFacts,
} from '../../src/domain/classification';

const facts = (within: boolean, contract: boolean, norm: boolean): ClassificationFacts => ({
  failsWithinSpecification: within,
  contractOrProcessNotFollowed: contract,
  expectedByUserHabitOrIndustryNorm: norm,
});

describe('classify', () => {
  // All eight combinations: the first fact that holds decides the reason, in the rule's order.
  it.each<[string, ClassificationFacts, Classification, ClassificationReason]>([
    ['fails within spec', facts(true, false, false), 'problem', ClassificationReason.FailsWithinSpecification],
    [
      'fails within spec and contract breached',
      facts(true, true, false),
      'problem',
      ClassificationReason.FailsWithinSpecification,
    ],
    [
      'fails within spec, also expected by norm',
      facts(true, false, true),
      'problem',
      ClassificationReason.FailsWithinSpecification,
    ],
    ['all three hold', facts(true, true, true), 'problem', ClassificationReason.FailsWithinSpecification],
    [
      'contract/process not followed',
      facts(false, true, false),
      'problem',
      ClassificationReason.ContractOrProcessNotFollowed,
    ],
    [
      'contract not followed, also expected by norm',
      facts(false, true, true),
      'problem',
      ClassificationReason.ContractOrProcessNotFollowed,
    ],
    [
      'outside spec but expected by habit/norm (special case)',
      facts(false, false, true),
      'problem',
      ClassificationReason.ExpectedByUserHabitOrIndustryNorm,
    ],
    [
      'outside spec (new scenario, out of warranty, wants more)',
      facts(false, false, false),
      'requirement',
      ClassificationReason.OutsideSpecification,
    ],
  ])('%s → %s', (_name, input, classification, reason) => {
    expect(classify(input)).toEqual({ classification, reason });
  });

  it('labels problem / requirement in both languages', () => {
    expect(CLASSIFICATION_LABELS).toEqual({
      problem: { en: 'Problem', 'zh-CN': '问题' },
      requirement: { en: 'Requirement', 'zh-CN': '需求' },
    });
  });
});

describe('recordClassification', () => {
  const at = new Date('2026-03-02T08:00:00Z');

  it.each<[string, Classification | undefined, string | undefined, Classification, string]>([
    [
      'follows the rule when nothing is chosen',
      undefined,
      undefined,
      'requirement',
      ClassificationReason.OutsideSpecification,
    ],
    [
      'accepts a choice equal to the rule without justification',
      'requirement',
      undefined,
      'requirement',
      ClassificationReason.OutsideSpecification,
    ],
    [
      'records a justified deviation',
      'problem',
      'Customer contract annex 3 promises this',
      'problem',
      CLASSIFICATION_CHOSEN_AGAINST_RULE,
    ],
  ])('%s', (_name, chosen, justification, classification, reason) => {
    const result = recordClassification({
      facts: facts(false, false, false),
      decidedBy: 'acc-triage-1',
      decidedAt: at,
      ...(chosen === undefined ? {} : { chosen }),
      ...(justification === undefined ? {} : { justification }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ classification, reason, decidedBy: 'acc-triage-1', decidedAt: at });
    if (reason === CLASSIFICATION_CHOSEN_AGAINST_RULE) {
      // The rule's own answer stays on the record for the auditor.
      expect(result.value.deviation).toEqual({
        ruleSays: { classification: 'requirement', reason: ClassificationReason.OutsideSpecification },
        justification: 'Customer contract annex 3 promises this',
      });
    } else {
      expect(result.value.deviation).toBeUndefined();
    }
  });

  it.each<[string, string, Classification, string | undefined, string, string]>([
    [
      'deviation without justification',
      'acc-1',
      'problem',
      undefined,
      ClassificationErrorCode.JustificationRequired,
      'justification',
    ],
    [
      'deviation with blank justification',
      'acc-1',
      'problem',
      '   ',
      ClassificationErrorCode.JustificationRequired,
      'justification',
    ],
    ['nobody decided', ' ', 'requirement', undefined, ClassificationErrorCode.DecidedByRequired, 'decidedBy'],
  ])('rejects %s', (_name, decidedBy, chosen, justification, code, path) => {
    const result = recordClassification({
      facts: facts(false, false, false),
      decidedBy,
      decidedAt: at,
      chosen,
      ...(justification === undefined ? {} : { justification }),
    });
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code, path })] });
  });
});
