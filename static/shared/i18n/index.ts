/**
 * Translations and locale-aware formatting for every Custom UI app.
 *
 * Messages exist in English and Simplified Chinese; any other locale falls back to English.
 * Dates are formatted with Intl in the user's own locale (an en-GB user gets day-month order) and
 * time zone from the Forge context: the zone is always explicit, never the browser's by accident.
 */
import type { MessageKey, Messages } from './en';
import type { ClientErrorCode } from '../errors';
import type { ServerErrorCode } from '../../../src/contract/errorCodes';

export type { MessageKey, Messages } from './en';

export type MessageLocale = 'en' | 'zh-CN';
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The catalogues loaded so far. A page loads only its reader's language (./load.ts, a lazy chunk each:
 * a catalogue is ~26 KB gzip, and nobody reads both); Node code (tests, sandbox) registers both at once
 * (./all.ts). Nothing here imports a catalogue's values, so no bundle carries one by accident.
 */
const registry: Partial<Record<MessageLocale, Messages>> = {};

/** The loaded catalogues by locale (both, in Node once ./all.ts ran). */
export const MESSAGES: Readonly<Record<MessageLocale, Messages>> = registry as Record<MessageLocale, Messages>;

export function registerMessages(locale: MessageLocale, messages: Messages): void {
  registry[locale] = messages;
}

/** The catalogue of `locale`, else any loaded one (zh-CN has every English key, so keys agree), else none. */
function messagesOf(locale: MessageLocale): Partial<Messages> {
  return registry[locale] ?? registry.en ?? registry['zh-CN'] ?? {};
}

/** "zh_CN", "zh-CN", "zh-Hans", "zh" → zh-CN; anything else, or nothing, → en. */
export function messageLocaleOf(rawLocale: string | null | undefined): MessageLocale {
  const tag = normaliseTag(rawLocale);
  return tag !== null && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A BCP 47 tag Intl accepts ("zh_CN" → "zh-CN"), or null when there is none or it is invalid. */
export function normaliseTag(rawLocale: string | null | undefined): string | null {
  if (typeof rawLocale !== 'string' || rawLocale.trim() === '') return null;
  const tag = rawLocale.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The IANA zone if Intl knows it, else null (Intl then uses the browser's zone). */
export function validTimeZone(timeZone: string | null | undefined): string | null {
  if (typeof timeZone !== 'string' || timeZone === '') return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return null;
  }
}

export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export interface I18n {
  /** The message set in use. */
  readonly locale: MessageLocale;
  /** The tag used for Intl formatting (the user's own, e.g. "en-GB"; falls back to the message locale). */
  readonly formatLocale: string;
  /** The IANA zone dates are shown in, or null for the browser's. */
  readonly timeZone: string | null;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** An absolute date and time, e.g. "24 Nov 2026, 14:30" / "2026年11月24日 14:30". */
  formatDateTime: (iso: string) => string | null;
  /** A relative time from `nowMs`, e.g. "in 3 hours" / "3小时后"; null for an invalid date. */
  formatRelative: (iso: string, nowMs: number) => string | null;
}

export function createI18n(rawLocale: string | null | undefined, rawTimeZone: string | null | undefined): I18n {
  const locale = messageLocaleOf(rawLocale);
  const messages = messagesOf(locale);
  const userTag = normaliseTag(rawLocale);
  // Only use the user's own tag for formatting when it speaks the same language as the messages,
  // so a French user reading English messages does not get French month names.
  const formatLocale =
    userTag !== null && userTag.split('-')[0] === locale.split('-')[0] ? userTag : locale === 'en' ? 'en-US' : locale;
  const timeZone = validTimeZone(rawTimeZone);

  const dateTime = new Intl.DateTimeFormat(formatLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === null ? {} : { timeZone }),
  });
  const relative = new Intl.RelativeTimeFormat(formatLocale, { numeric: 'auto' });
  const plural = new Intl.PluralRules(locale);

  return {
    locale,
    formatLocale,
    timeZone,
    // A `count` picks the language's plural form when the catalogue has one (`<key>.one`: "Helped once").
    t: (key, params) => {
      const count = params?.['count'];
      const form = typeof count === 'number' ? `${key}.${plural.select(count)}` : undefined;
      // A key missing from what is loaded (only before a catalogue arrived) shows as itself, not as "undefined".
      return interpolate(messages[form !== undefined && isMessageKey(form) ? form : key] ?? key, params);
    },
    formatDateTime(iso) {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? null : dateTime.format(ms);
    },
    formatRelative(iso, nowMs) {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return null;
      const [value, unit] = relativeParts(ms - nowMs);
      return relative.format(value, unit);
    },
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Picks the largest unit that keeps the number ≥ 1 (minutes below an hour, hours below two days). */
export function relativeParts(deltaMs: number): [number, Intl.RelativeTimeFormatUnit] {
  const abs = Math.abs(deltaMs);
  const sign = deltaMs < 0 ? -1 : 1;
  if (abs < HOUR) return [sign * Math.round(abs / MINUTE), 'minute'];
  if (abs < 2 * DAY) return [sign * Math.round(abs / HOUR), 'hour'];
  return [sign * Math.round(abs / DAY), 'day'];
}

/** The message key translating an error code; unknown codes get the generic message. */
export function errorMessageKey(code: string): MessageKey {
  const key = `errorCode.${code}`;
  return isMessageKey(key) ? key : 'errorCode.unknown';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messagesOf('en'), key);
}

// Every code the UI itself produces has a translation: a type error names the missing one.
type UntranslatedClientCodes = Exclude<`errorCode.${ClientErrorCode}`, MessageKey>;
const allClientCodesTranslated: [UntranslatedClientCodes] extends [never] ? true : UntranslatedClientCodes = true;
void allClientCodesTranslated;
// ... and so does every code a resolver may answer (src/contract/errorCodes.ts); zh-CN has every English key.
type UntranslatedServerCodes = Exclude<`errorCode.${ServerErrorCode}`, MessageKey>;
const allServerCodesTranslated: [UntranslatedServerCodes] extends [never] ? true : UntranslatedServerCodes = true;
void allServerCodesTranslated;
