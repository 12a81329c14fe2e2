/**
 * Domain vocabulary shown to people exists in English and Simplified Chinese (many users of the
 * app work in Chinese). Stable codes (error codes, explanation steps) are translated by the UI;
 * labels here are the domain's own names for things, and admin-editable tables carry their own.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Picks the label for a platform locale tag ("zh_CN", "zh-Hans", "en-US", …).
 * Any Chinese tag gets the Simplified Chinese text, since that is the only Chinese we carry;
 * everything else falls back to English.
 *
 * @example localize({ en: 'Minor', 'zh-CN': '一般' }, 'zh_CN') // '一般'
 */
export function localize(text: LocalizedText, localeTag: string): string {
  return /^zh([-_]|$)/i.test(localeTag) ? text['zh-CN'] : text.en;
}
