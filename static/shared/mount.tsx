/**
 * Starts a Custom UI app: theme first (so nothing flashes light in dark Jira), then the Forge
 * context (locale, time zone), then React. Every app's entry is one call:
 *
 *   mountApp((context) => <IssuePanel context={context} />);
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { getContext, type ForgeContext } from './bridge';
import { toApiError, type ApiError } from './errors';
import { ErrorState } from './ErrorState';
import { createI18n, messageLocaleOf } from './i18n';
import { loadMessages } from './i18n/load';
import { I18nProvider } from './i18n/react';
import { bootstrapTheme } from './theme';

export type AppRenderer = (context: ForgeContext) => ReactNode;

export async function mountApp(render: AppRenderer, rootElement: HTMLElement | null = document.getElementById('root')) {
  if (rootElement === null) throw new Error('Custom UI page has no #root element');
  const root = createRoot(rootElement);
  const browserLocale = typeof navigator === 'undefined' ? null : navigator.language;

  const start = async (): Promise<void> => {
    let context: ForgeContext;
    try {
      await bootstrapTheme();
      context = await getContext();
      await loadMessages(messageLocaleOf(context.locale));
    } catch (error) {
      // Without a context there is no locale either: use the browser's to explain what went wrong.
      await showStartupError(toApiError(error, 'UI_BRIDGE_UNAVAILABLE'));
      return;
    }
    const i18n = createI18n(context.locale, context.timezone);
    document.documentElement.lang = i18n.formatLocale;
    root.render(
      <StrictMode>
        <I18nProvider i18n={i18n}>{render(context)}</I18nProvider>
      </StrictMode>,
    );
  };

  const showStartupError = async (error: ApiError) => {
    // The browser's language explains it; if even that catalogue cannot load, English keys stand in.
    await loadMessages(messageLocaleOf(browserLocale)).catch(() => undefined);
    root.render(
      <StrictMode>
        <I18nProvider i18n={createI18n(browserLocale, null)}>
          <ErrorState error={error} onRetry={() => void start()} />
        </I18nProvider>
      </StrictMode>,
    );
  };

  await start();
}
