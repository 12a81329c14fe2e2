/**
 * The shared tab bar (static/shared/TabBar.tsx, on @atlaskit/tabs) and error state (ErrorState.tsx, an
 * error section message with a Retry button) in headless Chromium, on the global page's app (itr-home:
 * triage and the case library as tabs). Triage's resolvers fail on purpose, so the triage tab shows the
 * error state. In English and Simplified Chinese, light and dark; axe-core audits colour contrast
 * (e.g. inactive tabs in dark mode) on every page. Skipped when no Chromium is installed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createI18n, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { chromiumAvailable, installBridgeStub, type BridgeCall, type ColorMode } from './bridgeStub';
import { builtApp, screenshots } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/** What a failing resolver answers: the envelope with a stable error code. */
const JIRA_DOWN = { success: false, errors: [{ code: 'JIRA_SERVER_ERROR', message: 'Jira answered 503' }] };

describeWithBrowser('shared tab bar and error state in Chromium', () => {
  const app = builtApp('itr-home', { screenshots: true });

  async function open(locale: string, colorMode: ColorMode) {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 800 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, moduleKey: 'itr-home' },
      colorMode,
      resolvers: {
        getTriageOptions: () => JIRA_DOWN,
        listTriage: () => JIRA_DOWN,
        listCases: () => ({ success: true, data: [] }),
      },
    });
    await page.goto(app.url);
    const { t } = createI18n(locale, 'Asia/Shanghai');
    const tr = (key: MessageKey, params?: MessageParams) => t(key, params);
    return { page, calls, errors, tr };
  }

  const invoked = (calls: readonly BridgeCall[], key: string) =>
    calls.filter((c) => c.name === 'invoke' && (c.payload as { functionKey: string }).functionKey === key).length;
  // Runs in the page; the tests compile without DOM types, so the page's globals are described here.
  const isFocused = (el: unknown): boolean =>
    el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;
  const activeId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
    ['en_US', 'dark'],
    ['zh_CN', 'light'],
  ] as const)(
    '%s, %s: tabs keep their ids and keys; the error says what failed and why, and Retry retries',
    async (locale, colorMode) => {
      const { page, calls, errors, tr } = await open(locale, colorMode);
      const triageTab = page.getByRole('tab', { name: tr('home.tab.triage') });
      const casesTab = page.getByRole('tab', { name: tr('home.tab.caseLibrary') });
      await triageTab.waitFor();
      expect(await page.getByRole('tablist').getAttribute('aria-label')).toBe(tr('home.title'));
      expect(await triageTab.getAttribute('id')).toBe('home-tab-triage');
      expect(await triageTab.getAttribute('aria-selected')).toBe('true');
      expect(await triageTab.getAttribute('aria-controls')).toBe('home-panel-triage');
      expect(await casesTab.getAttribute('tabindex')).toBe('-1');
      expect(await page.locator('#home-panel-triage').getAttribute('aria-labelledby')).toBe('home-tab-triage');

      // The triage tab's error: an alert with the title, the reason in the user's language, the code for support.
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: tr('triage.loadFailed') }).waitFor();
      const said = await alert.innerText();
      expect(said).toContain(tr('errorCode.JIRA_SERVER_ERROR'));
      expect(said).toContain(tr('error.codeLabel', { code: 'JIRA_SERVER_ERROR' }));
      const retry = alert.getByRole('button', { name: tr('common.retry') });
      // Reachable by Tab from the tab bar, and it asks again.
      await triageTab.focus();
      for (let i = 0; i < 5 && !(await retry.evaluate(isFocused)); i++) await page.keyboard.press('Tab');
      expect(await retry.evaluate(isFocused)).toBe(true);
      const before = invoked(calls, 'listTriage');
      await page.keyboard.press('Enter');
      for (let waited = 0; invoked(calls, 'listTriage') === before && waited < 5000; waited += 50)
        await page.waitForTimeout(50);
      expect(invoked(calls, 'listTriage')).toBeGreaterThan(before);
      await alert.getByRole('heading', { name: tr('triage.loadFailed') }).waitFor();
      await shoot(page, `shared-error-state-${locale}-${colorMode}`);

      // Arrow keys select the next tab and move the focus with it; Home and End jump.
      await triageTab.focus();
      await page.keyboard.press('ArrowRight');
      expect(await activeId(page)).toBe('home-tab-caseLibrary');
      expect(await casesTab.getAttribute('aria-selected')).toBe('true');
      await page.locator('#home-panel-caseLibrary').getByText(tr('cases.empty')).waitFor();
      expect(await page.locator('#home-panel-caseLibrary').getAttribute('aria-labelledby')).toBe(
        'home-tab-caseLibrary',
      );
      await page.keyboard.press('Home');
      expect(await activeId(page)).toBe('home-tab-triage');
      expect(await triageTab.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('End');
      expect(await activeId(page)).toBe('home-tab-caseLibrary');
      await page.keyboard.press('ArrowRight');
      expect(await activeId(page)).toBe('home-tab-triage');
      // A click selects too.
      await casesTab.click();
      expect(await casesTab.getAttribute('aria-selected')).toBe('true');
      await shoot(page, `shared-tabs-${locale}-${colorMode}`);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
