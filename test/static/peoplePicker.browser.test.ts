/**
 * The shared people picker in headless Chromium, on the admin page's "Support lines" subpage with every
 * `invoke` routed to the real grading admin resolver (its `searchPeople` searches the Jira double as
 * the admin). The picker is the design system's async select. Once in English/light and once in
 * Simplified Chinese/dark, by keyboard only: type part of a name, ArrowDown to the option, Enter
 * chooses; Escape closes the list; Backspace in the empty input removes the last chip; a chip's remove
 * button works with Enter; what the select announces is in the user's language. The saved settings hold
 * the account ids; the page shows only names, and no account id (scanned). Skipped when no Chromium.
 */
import path from 'node:path';
import { gradingAdminResolver } from '../../src/index';
import { handlers } from '../../src/entry/grading-admin-resolver';
import { createI18n, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { harness, invokeResolver } from '../../platform-doubles';
import { expectPageShowsNoAccountIds } from './accountIds';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { listboxOf, pick, placeholderOf } from './peoplePicker';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
// Account ids in Jira Cloud's shape, so the page scan would catch one shown.
const ADMIN = '557058:0b6f9c2e-8d1a-4c3e-9f70-1a2b3c4d5e01';
const LI = '557058:0b6f9c2e-8d1a-4c3e-9f70-1a2b3c4d5e02';
const LIU = '557058:0b6f9c2e-8d1a-4c3e-9f70-1a2b3c4d5e03';
const WANG = '5b10ac8d82e05b22cc7d4ef6';
const FUNCTIONS = Object.keys(handlers());

const { jira } = harness();
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: LI, displayName: 'Li Lei', groups: ['itr-l2'] });
  jira.seedUser({ accountId: LIU, displayName: 'Liu Yang', groups: ['itr-l2'] });
  jira.seedUser({ accountId: WANG, displayName: 'Wang Fang', groups: ['itr-managers'] });
  jira.seedProject({ key: 'ITR' });
});
afterEach(() => jira.assertNoViolations());

describeWithBrowser('people picker in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)(
    '%s, %s: search, arrows, Enter, Escape, chips removed by keyboard, saved by id, shown by name',
    async (locale, colorMode) => {
      const { t } = createI18n(locale, 'UTC');
      const tr = (key: MessageKey, params?: MessageParams) => t(key, params);
      const page = await app.browser.newPage({ viewport: { width: 1100, height: 1400 }, colorScheme: colorMode });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const calls = await installBridgeStub(page, {
        context: {
          locale,
          timezone: 'Asia/Shanghai',
          issueKey: null,
          accountId: ADMIN,
          moduleKey: 'itr-grading-admin',
        },
        colorMode,
        resolvers: realResolvers(gradingAdminResolver, FUNCTIONS, { accountId: ADMIN }),
        route: '/support-lines', // the admin page's "Support lines" subpage
      });
      await page.goto(app.url);
      await page.getByTestId('support-line-settings').waitFor();
      const field = (p: string) => page.locator(`[data-path="${p}"]`);

      // L2 is taken by one person: the mode, then the person picked by keyboard (the second match).
      await field('lines.L2.assignment.mode').selectOption('person');
      const assignee = field('lines.L2.assignment.accountId');
      expect(await assignee.getAttribute('role')).toBe('combobox');
      expect(await placeholderOf(page, assignee)).toBe(tr('people.placeholder.user'));
      await pick(page, assignee, 'Li', 'Liu Yang');
      const assigneeChips = page.getByTestId('line-L2-assignee-chips');
      await assigneeChips.getByText('Liu Yang').waitFor();
      // Single select: picking again replaces the one value.
      await pick(page, assignee, 'Li', 'Li Lei');
      await assigneeChips.getByText('Li Lei').waitFor();
      expect(await assigneeChips.getByRole('listitem').count()).toBe(1);
      // The select's screen-reader announcement, translated (react-select's own is English).
      expect(await page.locator('body').innerText()).toContain(tr('select.chosen', { name: 'Li Lei' }));

      // Escape closes the list (and clears the text).
      await assignee.fill('Wang');
      const listbox = await listboxOf(page, assignee);
      await listbox.getByRole('option', { name: 'Wang Fang' }).waitFor();
      expect(await assignee.getAttribute('aria-expanded')).toBe('true');
      await page.getByText(tr('people.results', { count: 1 })).waitFor();
      await assignee.press('Escape');
      expect(await assignee.getAttribute('aria-expanded')).toBe('false');
      expect(await listbox.isHidden()).toBe(true);
      expect(await assignee.inputValue()).toBe('');

      // Nobody matches: said so, in the user's language; Enter with nothing to choose keeps the text.
      await assignee.fill('Nobody here');
      await page.getByText(tr('people.noMatches', { query: 'Nobody here' })).waitFor();
      await assignee.press('Enter');
      expect(await assignee.inputValue()).toBe('Nobody here');
      await assignee.fill('');

      // L1 notifies several people: two chips; Backspace in the empty input removes the last one.
      const notify = field('lines.L1.notifyAccountIds');
      await pick(page, notify, 'Wang', 'Wang Fang');
      await pick(page, notify, 'Li', 'Li Lei');
      const notifyChips = page.getByTestId('line-L1-notify-users-chips');
      expect(await notifyChips.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringContaining('Wang Fang'),
        expect.stringContaining('Li Lei'),
      ]);
      // A chosen person is not offered again.
      await notify.fill('Li');
      await (await listboxOf(page, notify)).getByRole('option', { name: 'Liu Yang' }).waitFor();
      expect(await (await listboxOf(page, notify)).getByRole('option', { name: 'Li Lei' }).count()).toBe(0);
      await notify.fill('');
      await notify.press('Backspace');
      expect(await notifyChips.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('Wang Fang')]);
      // The chip's own remove button, named in the user's language, works from the keyboard.
      const remove = page.getByRole('button', { name: tr('people.remove', { name: 'Wang Fang' }) });
      await remove.focus();
      await page.keyboard.press('Enter');
      await notifyChips.waitFor({ state: 'detached' });
      await pick(page, notify, 'Wang', 'Wang Fang');

      // Groups by name: L3 unassigned, telling a group; management told by group.
      await field('lines.L3.assignment.mode').selectOption('unassigned');
      await pick(page, field('lines.L3.assignment.notifyGroup'), 'itr-man', 'itr-managers');
      await pick(page, field('managementGroups'), 'itr-l', 'itr-l2');

      await shoot(page, `people-picker-${locale}-${colorMode}`);
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();
      await page.getByText(tr('settings.saved', { revision: 1 })).waitFor();

      // Saved by account id and group name; shown by name after the save's reload of names.
      const saved = (await invokeResolver(
        gradingAdminResolver,
        'getSupportLineSettings',
        {},
        { accountId: ADMIN },
      )) as {
        success: true;
        data: {
          settings: {
            lines: Record<string, { assignment: unknown; notifyAccountIds: string[] }>;
            managementGroups: string[];
          };
        };
      };
      expect(saved.data.settings.lines['L2']?.assignment).toEqual({ mode: 'person', accountId: LI });
      expect(saved.data.settings.lines['L1']?.notifyAccountIds).toEqual([WANG]);
      expect(saved.data.settings.lines['L3']?.assignment).toEqual({ mode: 'unassigned', notifyGroup: 'itr-managers' });
      expect(saved.data.settings.managementGroups).toEqual(['itr-l2']);
      await assigneeChips.getByText('Li Lei').waitFor();
      await expectPageShowsNoAccountIds(page, [ADMIN, LI, LIU, WANG]);

      // Searches were debounced: far fewer than one per key typed.
      const searches = calls.filter(
        (c) => c.name === 'invoke' && (c.payload as { functionKey: string }).functionKey === 'searchPeople',
      );
      expect(searches.length).toBeLessThan(20);
      expect(errors).toEqual([]);
      await page.close();
    },
    180_000,
  );

  async function shoot(page: import('playwright-core').Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
