/** The account-id scanner finds every id shape Atlassian uses, and nothing in ordinary text. */
import { accountIdsIn, expectNoAccountIds } from './accountIds';

describe('accountIdsIn', () => {
  it.each([
    [
      'a newer account id',
      'Owner: 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
      '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    ],
    ['an older 24-hex account id', 'by 5b10ac8d82e05b22cc7d4ef5 · today', '5b10ac8d82e05b22cc7d4ef5'],
    [
      'a service-desk customer id',
      'qm:a1b2c3d4-0000-1111-2222-333344445555:0a1b2c3d',
      'qm:a1b2c3d4-0000-1111-2222-333344445555:0a1b2c3d',
    ],
  ])('finds %s', (_what, text, id) => {
    expect(accountIdsIn(text)).toEqual([id]);
    expect(() => expectNoAccountIds(text)).toThrow(id);
  });

  it('finds a made-up id the test names, as a whole word only', () => {
    expect(accountIdsIn('Held by acc-l1', ['acc-l1'])).toEqual(['acc-l1']);
    expect(accountIdsIn('Held by acc-l10', ['acc-l1'])).toEqual([]);
  });

  it('passes names, dates, issue keys and times', () => {
    const text = 'Owner: Zhang Wei · ITR-42 · 2026-11-24 01:30 · 张伟 · Unknown user · 未知用户 · 12:30:45';
    expect(accountIdsIn(text)).toEqual([]);
    expect(() => expectNoAccountIds(text)).not.toThrow();
  });
});
