import { checkRootCause, flagExternalAttribution, type RootCauseDraft } from '../../../src/domain/closure';

const complete: RootCauseDraft = {
  whys: [
    'The router rebooted',
    'Its firmware leaked memory',
    'The leak was not caught by the soak test',
    'The soak test runs 1 hour, the leak needs 30',
  ],
  rootCause: 'The release checklist has no long soak test for firmware',
  shortTermMeasure: 'Rolled back to firmware 4.2 at the customer site',
  longTermMeasure: 'A 72-hour soak test is a release gate',
  technicalZero: 'Leak fixed in 4.3.1',
  managementZero: 'Release checklist owner added the gate; audited monthly',
};

describe('flagExternalAttribution', () => {
  it.each([
    ['Customer misuse of the admin console', 'customer', 'customer misuse'],
    ['It was just bad luck', 'fate', 'bad luck'],
    ['The engineer was careless', 'attitude', 'careless'],
    ['客户操作错误', 'customer', '客户'],
    ['纯属运气不好', 'fate', '运气'],
    ['工程师工作态度问题', 'attitude', '态度'],
    ['值班人员粗心大意', 'attitude', '粗心'],
  ] as const)('%s → %s', (text, category, phrase) => {
    expect(flagExternalAttribution(text)).toContainEqual({ category, phrase });
  });

  it.each([[complete.rootCause], ['发布检查单缺少固件长时间老化测试']])(
    'an internal cause is not flagged: %s',
    (text) => {
      expect(flagExternalAttribution(text)).toEqual([]);
    },
  );
});

describe('checkRootCause', () => {
  it('a full chain with both measures and both zeros is complete', () => {
    expect(checkRootCause(complete)).toEqual({ complete: true, issues: [], flags: [], overridden: false });
  });

  it('the chain may be shorter or longer than five', () => {
    expect(checkRootCause({ ...complete, whys: ['one'] }).complete).toBe(true);
    expect(checkRootCause({ ...complete, whys: Array.from({ length: 8 }, (_, i) => `why ${i}`) }).complete).toBe(true);
  });

  it.each([
    ['no why', { whys: [] }, 'ROOT_CAUSE_WHY_REQUIRED', 'whys'],
    ['a skipped why', { whys: ['a', ' ', 'c'] }, 'ROOT_CAUSE_WHY_EMPTY', 'whys.1'],
    ['no long-term measure', { longTermMeasure: '' }, 'ROOT_CAUSE_FIELD_REQUIRED', 'longTermMeasure'],
    ['no management zero', { managementZero: '  ' }, 'ROOT_CAUSE_FIELD_REQUIRED', 'managementZero'],
    ['too long', { rootCause: 'x'.repeat(2001) }, 'ROOT_CAUSE_TOO_LONG', 'rootCause'],
  ] as const)('%s is incomplete', (_n, change, code, p) => {
    const check = checkRootCause({ ...complete, ...change } as RootCauseDraft);
    expect(check.complete).toBe(false);
    expect(check.issues).toContainEqual({ code, path: p });
  });

  it('a customer-blaming cause is flagged until the author gives a reason, which counts as an override', () => {
    const blaming = { ...complete, rootCause: 'Customer misuse: they unplugged it' };
    expect(checkRootCause(blaming)).toMatchObject({
      complete: false,
      overridden: false,
      issues: [{ code: 'ROOT_CAUSE_EXTERNAL', path: 'rootCause' }],
    });
    expect(
      checkRootCause({
        ...blaming,
        overrideReason: 'Contract says the customer operates the device; confirmed by legal',
      }),
    ).toMatchObject({
      complete: true,
      overridden: true,
      flags: [{ category: 'customer', phrase: 'customer misuse' }],
    });
  });
});
