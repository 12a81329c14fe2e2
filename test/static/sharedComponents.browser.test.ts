/**
 * The shared tab bar (static/shared/TabBar.tsx, on @atlaskit/tabs) and error state (ErrorState.tsx, an
 * error section message with a Retry button) in headless Chromium, on the global page's app (itr-home):
 * triage's resolvers fail on purpose, so the Triage subpage shows the error state; the Return visits
 * subpage's open/recorded tabs are the tab bar. In English and Simplified Chinese, light and dark; axe-core audits colour contrast
 * (e.g. inactive tabs in dark mode) on every page. Skipped when no Chromium is installed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createI18n, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { chromiumAvailable, installBridgeStub, navigateSubpage, type BridgeCall, type ColorMode } from './bridgeStub';
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
        listReturnVisits: () => ({ success: true, data: { visits: [], total: 0, offset: 0, pageSize: 20 } }),
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
  ] as const)(
    '%s, %s: tabs keep their ids and keys; the error says what failed and why, and Retry retries',
    async (locale, colorMode) => {
      const { page, calls, errors, tr } = await open(locale, colorMode);

      // The triage subpage's error: an alert with the title, the reason in the user's language, the code for support.
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: tr('triage.loadFailed') }).waitFor();
      const said = await alert.innerText();
      expect(said).toContain(tr('errorCode.JIRA_SERVER_ERROR'));
      expect(said).toContain(tr('error.codeLabel', { code: 'JIRA_SERVER_ERROR' }));
      const retry = alert.getByRole('button', { name: tr('common.retry') });
      // Reachable by Tab, and it asks again.
      for (let i = 0; i < 10 && !(await retry.evaluate(isFocused)); i++) await page.keyboard.press('Tab');
      expect(await retry.evaluate(isFocused)).toBe(true);
      const before = invoked(calls, 'listTriage');
      await page.keyboard.press('Enter');
      for (let waited = 0; invoked(calls, 'listTriage') === before && waited < 5000; waited += 50)
        await page.waitForTimeout(50);
      expect(invoked(calls, 'listTriage')).toBeGreaterThan(before);
      await alert.getByRole('heading', { name: tr('triage.loadFailed') }).waitFor();
      await shoot(page, `shared-error-state-${locale}-${colorMode}`);

      // The return-visit queue's tabs: ids and labels as the tab bar promises; arrows, Home and End move.
      await navigateSubpage(page, '/return-visits');
      const openTab = page.getByRole('tab', { name: tr('visits.open') });
      const doneTab = page.getByRole('tab', { name: tr('visits.done') });
      await openTab.waitFor();
      expect(await page.getByRole('tablist').getAttribute('aria-label')).toBe(tr('visits.tabs'));
      expect(await openTab.getAttribute('id')).toBe('visits-tab-open');
      expect(await openTab.getAttribute('aria-selected')).toBe('true');
      expect(await openTab.getAttribute('aria-controls')).toBe('visits-panel-open');
      expect(await doneTab.getAttribute('tabindex')).toBe('-1');
      expect(await page.locator('#visits-panel-open').getAttribute('aria-labelledby')).toBe('visits-tab-open');
      await openTab.focus();
      await page.keyboard.press('ArrowRight');
      expect(await activeId(page)).toBe('visits-tab-done');
      expect(await doneTab.getAttribute('aria-selected')).toBe('true');
      await page.locator('#visits-panel-done').waitFor();
      await page.keyboard.press('Home');
      expect(await activeId(page)).toBe('visits-tab-open');
      expect(await openTab.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('End');
      expect(await activeId(page)).toBe('visits-tab-done');
      await page.keyboard.press('ArrowRight');
      expect(await activeId(page)).toBe('visits-tab-open');
      // A click selects too.
      await doneTab.click();
      expect(await doneTab.getAttribute('aria-selected')).toBe('true');
      await shoot(page, `shared-tabs-${locale}-${colorMode}`);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
