import { useI18n } from '../../../shared/i18n/react';

/** A label the admin wrote in both languages. */
export type Label = { en: string; 'zh-CN': string };

/** The label in the user's language; `fallback` (an id) while that language's text is empty. */
export function useLocalized(): (label: Label | undefined, fallback: string) => string {
  const { locale } = useI18n();
  return (label, fallback) =>
    label === undefined ? fallback : (locale === 'zh-CN' ? label['zh-CN'] : label.en) || fallback;
}
