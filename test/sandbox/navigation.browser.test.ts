/**
 * Navigation as in Jira, in the sandbox, in headless Chromium (issue 16): the app's global page and
 * its admin page are full pages at Jira's URLs with Jira's sidebar of their subpages (manifest
 * `pages`); a click in the sidebar changes only the URL, the app's frame follows through
 * `view.createHistory()` without reloading, the current page is marked `aria-current`, the browser's
 * back button goes back. The return-visit queue is the global page's "Return visits" subpage: the
 * demo's year of recorded visits, newest first, 20 a page. In English/light and Simplified
 * Chinese/dark; axe-core checks every page (sandboxBrowser.ts).
 */
import type { FrameLocator, Locator } from 'playwright-core';
import { HARNESS_APP_ID, HARNESS_ENVIRONMENT_ID } from '../../platform-doubles/forgeRuntime';
import { DEMO_USERS } from '../../sandbox/demoSite';
import { createI18n } from '../../static/shared/i18n';
import { chromiumAvailable } from '../static/bridgeStub';
import { useSandboxInBrowser } from './sandboxBrowser';

const ADMIN = DEMO_USERS.find((u) => u.role === 'admin')?.accountId ?? '';
const HOME = `/jira/apps/${HARNESS_APP_ID}/${HARNESS_ENVIRONMENT_ID}`;
const SETTINGS = `/jira/settings/apps/${HARNESS_APP_ID}/${HARNESS_ENVIRONMENT_ID}`;

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

const SIDEBAR_TEXT = {
  en: {
    home: ['Triage', 'Case library', 'Return visits'],
    admin: ['Grading table', 'Support lines', 'Supervision', 'Return visits and closing', 'Customers', 'Case library'],
  },
  'zh-CN': { home: ['分诊', '案例库', '回访'], admin: ['分级表', '支持线', '监督', '回访与关闭', '客户', '案例库'] },
} as const;

/** The frame's body as the test reaches it (tests compile without DOM types). */
interface FrameBody {
  ownerDocument: { defaultView: { mark?: string } };
}

/** When each card's visit was recorded (ISO instants, from the cards' data attribute), in page order. */
async function recordedAt(frame: FrameLocator): Promise<string[]> {
  const cards: Locator[] = await frame.getByTestId('visit-card').all();
  return Promise.all(cards.map((c) => c.getAttribute('data-visited-at').then((v) => v ?? '')));
}

describeWithBrowser('navigation in the sandbox: full pages with Jira’s sidebar of subpages', () => {
  const ui = useSandboxInBrowser({
    name: 'navigation',
    apps: ['itr-home', 'grading-admin'],
    viewport: { width: 1280, height: 1100 },
  });

  it.each([
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const)(
    '%s, %s: the sidebar moves the URL, the frame follows, back goes back',
    async (lang, theme) => {
      const { t } = createI18n(lang, 'UTC');
      const text = SIDEBAR_TEXT[lang];
      const sidebar = ui.page.getByTestId('subpages');
      const link = (name: string) => sidebar.getByRole('link', { name, exact: true });
      const current = () => sidebar.locator('a[aria-current="page"]').innerText();
      const home = ui.frame('itr-home');

      await ui.step('global page', async () => {
        await ui.actAs(ADMIN, lang);
        await ui.page.goto(`${ui.sandbox.url}/`);
        if (theme === 'dark') await ui.switchTo('switch-theme', 'dark');
        // The top bar's link leads to Jira's URL of the global page; its first subpage is current.
        await ui.page.goto(`${ui.sandbox.url}/apps/itr-home`);
        expect(new URL(ui.page.url()).pathname).toBe(HOME);
        expect(await sidebar.getByRole('link').allInnerTexts()).toEqual([...text.home]);
        expect(await current()).toBe(text.home[0]);
        await home.locator('[data-subpage="triage"]').waitFor();
        expect(await ui.page.getAttribute('html', 'data-color-mode')).toBe(theme);
      });

      await ui.step('sidebar click', async () => {
        // The frame is not reloaded: a mark left in its window survives the move.
        await home.locator('body').evaluate((body: FrameBody) => {
          body.ownerDocument.defaultView.mark = 'kept';
        });
        await link(text.home[2]).click();
        await ui.page.waitForURL(`**${HOME}/return-visits`);
        expect(await current()).toBe(text.home[2]);
        await home.getByText(t('visits.title'), { exact: true }).waitFor();
        // The open visits of the demo's last three weeks, newest resolution first.
        await home.getByTestId('visit-card').first().waitFor();
        const resolvedAt = await Promise.all(
          (await home.getByTestId('visit-card').all()).map((c) => c.getAttribute('data-resolved-at')),
        );
        expect(resolvedAt.length).toBeGreaterThan(0);
        expect([...resolvedAt].sort().reverse()).toEqual(resolvedAt);
        expect(await home.locator('[data-subpage="triage"]').isHidden()).toBe(true);
        expect(await home.locator('body').evaluate((body: FrameBody) => body.ownerDocument.defaultView.mark)).toBe(
          'kept',
        );
      });

      await ui.step('recorded visits, paged', async () => {
        // The demo's year of recorded visits: 20 a page, newest first.
        await home.locator('#visits-tab-done').click();
        await home.getByTestId('visits-pager').waitFor();
        expect(await home.getByTestId('visit-card').count()).toBe(20);
        const first = await recordedAt(home);
        expect([...first].sort().reverse()).toEqual(first);
        const range = await home.getByTestId('visits-range').innerText();
        const total = Number(range.match(/\d+/g)?.[2]);
        expect(total).toBeGreaterThan(40);
        expect(range).toBe(t('visits.range', { from: 1, to: 20, total }));
        // Each card: the key as a link, the summary, whom to call, the resolution in the page's words.
        const card = home.getByTestId('visit-card').first();
        expect(await card.getByTestId('visit-issue-link').getAttribute('href')).toMatch(/\/browse\/[A-Z]+-\d+$/);
        expect((await card.getByTestId('visit-summary').innerText()).length).toBeGreaterThan(0);
        expect(await card.getByTestId('visit-contact').innerText()).toMatch(/@example\.com/);
        expect(await card.getByTestId('visit-resolution').innerText()).toBe(
          t('visits.resolution', { resolution: 'Done' }),
        );
        await home.getByTestId('visits-next').click();
        await home.getByText(t('visits.range', { from: 21, to: 40, total }), { exact: true }).waitFor();
        const second = await recordedAt(home);
        expect(second[0]! <= first[first.length - 1]!).toBe(true);
        await ui.shoot(`sandbox-navigation-return-visits-${lang}-${theme}`);
      });

      await ui.step('back', async () => {
        await ui.page.goBack();
        await ui.page.waitForURL(`**${HOME}`);
        expect(await current()).toBe(text.home[0]);
        await home.locator('[data-subpage="triage"]').waitFor({ state: 'visible' });
      });

      await ui.step('admin page', async () => {
        await ui.page.goto(`${ui.sandbox.url}/apps/itr-grading-admin/closing`);
        expect(new URL(ui.page.url()).pathname).toBe(`${SETTINGS}/closing`);
        expect(await sidebar.getByRole('link').allInnerTexts()).toEqual([...text.admin]);
        expect(await current()).toBe(text.admin[3]);
        const admin = ui.frame('itr-grading-admin');
        await admin.getByTestId('closing-settings').waitFor();
        await link(text.admin[1]).click();
        await ui.page.waitForURL(`**${SETTINGS}/support-lines`);
        await admin.getByTestId('support-line-settings').waitFor();
        expect(await admin.getByTestId('closing-settings').isHidden()).toBe(true);
        expect(await current()).toBe(text.admin[1]);
        expect(ui.pageErrors).toEqual([]);
        await ui.shoot(`sandbox-navigation-admin-${lang}-${theme}`);
      });
    },
    180_000,
  );
});
