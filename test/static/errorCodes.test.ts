/**
 * Every code a resolver may answer has a message in both languages (the compile-time check in
 * static/shared/i18n/index.ts says the same for English), and a code outside the contract reaches the
 * UI as INTERNAL_ERROR, never as an untranslated string.
 */
import { SERVER_ERROR_CODES, toServerErrorCode } from '../../src/contract/errorCodes';
import { en } from '../../static/shared/i18n/en';
import { zhCN } from '../../static/shared/i18n/zh-CN';

const untranslated = (codes: readonly string[], messages: Record<string, string>): string[] =>
  codes.filter((c) => !Object.prototype.hasOwnProperty.call(messages, `errorCode.${c}`));

it.each([
  ['en', en],
  ['zh-CN', zhCN],
] as const)('every server error code has a %s message', (_locale, messages) => {
  expect(untranslated(SERVER_ERROR_CODES, messages)).toEqual([]);
});

it('probe: a code without a message is reported', () => {
  expect(untranslated([...SERVER_ERROR_CODES, 'PROBE_UNTRANSLATED'], en)).toEqual(['PROBE_UNTRANSLATED']);
});

it('a caught error with a code outside the contract is answered as INTERNAL_ERROR', () => {
  expect(toServerErrorCode('JIRA_RATE_LIMITED')).toBe('JIRA_RATE_LIMITED');
  expect(toServerErrorCode('SOMETHING_NEW')).toBe('INTERNAL_ERROR');
  expect(toServerErrorCode(undefined)).toBe('INTERNAL_ERROR');
});
