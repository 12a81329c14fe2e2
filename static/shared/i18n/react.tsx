import { createContext, useContext, type ReactNode } from 'react';
import { createI18n, type I18n } from './index';

const I18nContext = createContext<I18n>(createI18n('en', null));

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/** The translator and formatters of the current user (English until the context is known). */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
