import { en } from '../../static/shared/i18n/en';
import { zhCN } from '../../static/shared/i18n/zh-CN';
import {
  createI18n,
  errorMessageKey,
  interpolate,
  messageLocaleOf,
  MESSAGES,
  normaliseTag,
  relativeParts,
  validTimeZone,
} from '../../static/shared/i18n';
import { CLIENT_ERROR_CODES } from '../../static/shared/errors';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message sets', () => {
  it('zh-CN has exactly the English keys (also enforced by the Messages type)', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s: same placeholders in both languages, none empty', (key) => {
    expect(zhCN[key].trim()).not.toBe('');
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
  });

  it.each(CLIENT_ERROR_CODES)("the UI's own error code %s is translated", (code) => {
    expect(errorMessageKey(code)).toBe(`errorCode.${code}`);
  });

  it('unknown error codes get the generic message', () => {
    expect(errorMessageKey('SOMETHING_NEW')).toBe('errorCode.unknown');
    expect(errorMessageKey('title')).toBe('errorCode.unknown');
  });
});

describe('plural forms', () => {
  it.each([
    ['en', 1, 'Helped 1 time'],
    ['en', 2, 'Helped 2 times'],
    ['en', 0, 'Helped 0 times'],
    ['zh_CN', 1, '已帮助 1 次'],
    ['zh_CN', 3, '已帮助 3 次'],
  ] as const)('%s, count %d: %s', (locale, count, text) => {
    expect(createI18n(locale, 'UTC').t('cases.helpfulCount', { count })).toBe(text);
  });

  it('a message without a plural form, or a count given as text, keeps its one template', () => {
    const { t } = createI18n('en', 'UTC');
    expect(t('setup.progress', { done: 1, total: 1 })).toBe('1 of 1 steps');
    expect(t('cases.helpfulCount', { count: '1' })).toBe('Helped 1 times');
  });
});

describe('locale', () => {
  it.each([
    ['zh_CN', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en_US', 'en'],
    ['en-GB', 'en'],
    ['fr_FR', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['not a locale!', 'en'],
  ] as const)('%p → messages %s', (raw, expected) => {
    expect(messageLocaleOf(raw)).toBe(expected);
  });

  it("normalises Jira's underscore tags for Intl and rejects invalid ones", () => {
    expect(normaliseTag('zh_CN')).toBe('zh-CN');
    expect(normaliseTag('en_GB')).toBe('en-GB');
    expect(normaliseTag('not a locale!')).toBeNull();
  });

  it("formats in the user's own regional variant of the message language only", () => {
    expect(createI18n('en_GB', 'UTC').formatLocale).toBe('en-GB');
    expect(createI18n('fr_FR', 'UTC').formatLocale).toBe('en-US'); // English messages, English dates
    expect(createI18n('zh_CN', 'UTC').formatLocale).toBe('zh-CN');
  });
});

describe('time zones and formatting', () => {
  it('accepts IANA zones and rejects unknown ones', () => {
    expect(validTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(validTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(validTimeZone('')).toBeNull();
  });

  it.each([
    // instant, locale, zone, expected
    ['2026-11-24T04:00:00Z', 'zh_CN', 'Asia/Shanghai', '2026年11月24日 12:00'],
    ['2026-11-24T04:00:00Z', 'en_GB', 'Europe/London', '24 Nov 2026, 04:00'],
    // New York's winter offset (EST, UTC−5): the evening before.
    ['2026-11-24T01:30:00Z', 'en_US', 'America/New_York', 'Nov 23, 2026, 8:30 PM'],
    // The day New York leaves daylight saving time (1 Nov 2026): 05:30Z is 01:30 EDT, 06:30Z is 01:30 EST.
    ['2026-11-01T05:30:00Z', 'en_US', 'America/New_York', 'Nov 1, 2026, 1:30 AM'],
    ['2026-11-01T06:30:00Z', 'en_US', 'America/New_York', 'Nov 1, 2026, 1:30 AM'],
  ])('%s in %s, %s → %s', (iso, locale, zone, expected) => {
    // ICU puts a narrow no-break space before AM/PM; compare with plain spaces.
    expect(createI18n(locale, zone).formatDateTime(iso)?.replace(/\s/g, ' ')).toBe(expected);
  });

  it('returns null for an invalid instant instead of "Invalid Date"', () => {
    expect(createI18n('en_US', 'UTC').formatDateTime('yesterday-ish')).toBeNull();
    expect(createI18n('en_US', 'UTC').formatRelative('nope', 0)).toBeNull();
  });

  it('formats relative times in both languages', () => {
    const now = Date.parse('2026-11-24T06:00:00Z');
    expect(createI18n('en_US', 'UTC').formatRelative('2026-11-24T09:00:00Z', now)).toBe('in 3 hours');
    expect(createI18n('zh_CN', 'UTC').formatRelative('2026-11-24T04:00:00Z', now)).toBe('2小时前');
  });

  it.each([
    [0, [0, 'minute']],
    [59 * 60_000, [59, 'minute']],
    [60 * 60_000, [1, 'hour']],
    [-90 * 60_000, [-2, 'hour']], // 1.5 h rounds away from zero
    [47 * 3_600_000, [47, 'hour']],
    [48 * 3_600_000, [2, 'day']],
    [-10 * 86_400_000, [-10, 'day']],
  ] as const)('relativeParts(%p) = %p', (delta, expected) => {
    expect(relativeParts(delta)).toEqual(expected);
  });
});

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('t() uses the chosen message set', () => {
    expect(createI18n('zh_CN', null).t('clock.state.breached')).toBe(MESSAGES['zh-CN']['clock.state.breached']);
    expect(createI18n('en_US', null).t('grade.withTable', { grade: 'P2', version: 3 })).toBe('P2 · grading table v3');
  });
});
