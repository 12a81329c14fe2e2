/**
 * The admin page's settings tabs in headless Chromium, with every `invoke` routed to the real grading
 * admin resolver under the harness (KVS double, Jira double answering permissions and the user, group
 * and project look-ups). Once in English/light and once in Simplified Chinese/dark: switch tabs by
 * keyboard, edit the supervision settings (people and groups picked by name), see the server's field errors under their fields with the
 * draft kept, fix and save, then a stale save refused with the draft kept.
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { gradingAdminResolver } from '../../src/index';
import { handlers } from '../../src/entry/grading-admin-resolver';
import { loadAnalyticsSettings } from '../../src/app/analytics/settings';
import { createI18n, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { harness, invokeResolver } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { pick } from './peoplePicker';
import { ConfigStore } from '../../src/adapters/kvs';
import { loadClockSettings } from '../../src/app/escalation';
import { chooseItrProjects } from '../fixtures/itrScope';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const SUPERVISOR = 'acc-supervisor';
/** Every function of the page's resolver: the grading table's tab calls its own too. */
const FUNCTIONS = Object.keys(handlers());

const { jira } = harness();
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Chen Jie', groups: ['itr-supervisors'] });
  jira.seedProject({ key: 'IPD', browsers: [ADMIN] });
});
afterEach(() => jira.assertNoViolations());

describeWithBrowser('admin settings tabs in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  /** The admin page as the Jira admin, every invoke routed to the real resolver; page errors collected. */
  async function openAsAdmin(
    locale: string,
    colorMode: 'light' | 'dark',
    timezone: string,
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 1000 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone, issueKey: null, accountId: ADMIN, moduleKey: 'itr-grading-admin' },
      colorMode,
      resolvers: realResolvers(gradingAdminResolver, FUNCTIONS, { accountId: ADMIN }),
    });
    await page.goto(app.url);
    return { page, errors };
  }

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)(
    '%s, %s: keyboard tabs, field errors, save, stale save',
    async (locale, colorMode) => {
      const { t } = createI18n(locale, 'UTC');
      const tr = (key: MessageKey, params?: MessageParams) => t(key, params);
      const { page, errors } = await openAsAdmin(locale, colorMode, 'Asia/Shanghai');
      const tab = (key: MessageKey) => page.getByRole('tab', { name: tr(key), exact: true });
      const field = (p: string) => page.locator(`[data-path="${p}"]`);

      // Keyboard: from "Grading table" two steps right to "Supervision"; the grading draft stays mounted.
      await tab('settings.tab.gradingTable').waitFor();
      await page.getByRole('tab', { name: tr('gradingAdmin.tab.dimensions') }).waitFor();
      await tab('settings.tab.gradingTable').focus();
      await page.keyboard.press('ArrowRight');
      expect(await tab('settings.tab.supportLines').getAttribute('aria-selected')).toBe('true');
      await page.getByTestId('support-line-settings').waitFor();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate('document.activeElement.textContent')).toBe(tr('settings.tab.supervision'));
      expect(await tab('settings.tab.supervision').getAttribute('aria-selected')).toBe('true');
      await page.getByTestId('supervision-settings').waitFor();
      expect(await page.locator('#settings-panel-gradingTable').isHidden()).toBe(true);

      // Edit: a group and a person picked by name (typed, chosen with the keyboard), a department, a
      // target whose issue type the project lacks.
      // The default group shows by name; Backspace removes it, and it is picked again.
      const groupChips = page.getByTestId('person-figure-groups-chips');
      await groupChips.getByText(tr('people.groupNamed', { name: 'itr-supervisors' })).waitFor();
      await field('personFigureGroups').fill('itr-sup');
      await page.getByText(tr('people.allChosen')).waitFor();
      await field('personFigureGroups').fill('');
      await field('personFigureGroups').press('Backspace');
      await groupChips.waitFor({ state: 'detached' });
      await pick(page, field('personFigureGroups'), 'itr-sup', 'itr-supervisors');
      await page.getByRole('button', { name: tr('settings.supervision.addPerson') }).click();
      await pick(page, field('departments.0.accountId'), 'Chen', 'Chen Jie');
      await field('departments.0.department').fill(locale === 'zh_CN' ? '质量部' : 'Quality');
      await field('ipd.projectKey').fill('ipd');
      await field('ipd.issueType').fill('Epic');
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();

      const typeError = tr('errorCode.SETTINGS_ISSUE_TYPE_NOT_IN_PROJECT', {
        projectKey: 'IPD',
        issueType: 'Epic',
        available: 'Task, Incident, Service Request, Problem',
      });
      // The message in the field's own box (its nearest ancestor holding field messages).
      await field('ipd.issueType')
        .locator('xpath=ancestor::div[.//*[@data-testid="field-issues"]][1]')
        .getByText(typeError)
        .waitFor();
      expect(await field('ipd.issueType').getAttribute('aria-invalid')).toBe('true');
      await page.getByText(tr('errorCode.SETTINGS_INVALID', { count: 1 })).waitFor();
      // The draft is kept as typed (the key upper-cased as the admin typed it); nothing was written.
      expect(await field('ipd.issueType').inputValue()).toBe('Epic');
      expect(await field('ipd.projectKey').inputValue()).toBe('IPD');
      expect((await loadAnalyticsSettings()).revision).toBe(0);
      await shoot(page, `admin-settings-${locale}-${colorMode}-invalid`);

      // Fix and save.
      await field('ipd.issueType').fill('Task');
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();
      await page.getByText(tr('settings.saved', { revision: 1 })).waitFor();
      // The saved person and group show by name; no account id anywhere on the page.
      await page.getByTestId('department-person-0-chips').getByText('Chen Jie').waitFor();
      await expectPageShowsNoAccountIds(page, [ADMIN, SUPERVISOR]);
      expect(await loadAnalyticsSettings()).toMatchObject({
        revision: 1,
        value: {
          personFigureGroups: ['itr-supervisors'],
          departments: { [SUPERVISOR]: locale === 'zh_CN' ? '质量部' : 'Quality' },
          ipd: { projectKey: 'IPD', issueType: 'Task' },
        },
      });

      // Another admin saves meanwhile: this page's next save is refused and its draft kept.
      const other = await invokeResolver(
        gradingAdminResolver,
        'saveSupervisionSettings',
        { expectedRevision: 1, settings: { personFigureGroups: [], departments: [], ipd: null, ltc: null } },
        { accountId: ADMIN },
      );
      expect(other).toMatchObject({ success: true });
      await field('ipd.issueType').fill('Incident');
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();
      await page.getByText(tr('errorCode.SETTINGS_REVISION_CONFLICT')).waitFor();
      expect(await field('ipd.issueType').inputValue()).toBe('Incident');
      expect((await loadAnalyticsSettings()).value.ipd).toBeNull();

      // Home goes back to the grading table, whose editor is still there.
      await tab('settings.tab.supervision').focus();
      await page.keyboard.press('Home');
      expect(await tab('settings.tab.gradingTable').getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('#settings-panel-gradingTable').isVisible()).toBe(true);
      expect(await page.getAttribute('html', 'data-color-mode')).toBe(colorMode);
      expect(errors).toEqual([]);
      await shoot(page, `admin-settings-${locale}-${colorMode}-grading`);
      await page.close();
    },
    120_000,
  );

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)(
    '%s, %s: clock settings: a response grade before triage for one of the ITR projects, saved with its own button',
    async (locale, colorMode) => {
      await chooseItrProjects(['ITR', 'SUP']);
      const { t } = createI18n(locale, 'UTC');
      const { page, errors } = await openAsAdmin(locale, colorMode, 'UTC');
      await page.getByRole('tab', { name: t('settings.tab.supportLines'), exact: true }).click();
      const clocks = page.getByTestId('clock-settings');
      await clocks.waitFor();
      // One row per project setup chose, each "as the site" until set.
      const sup = clocks.getByLabel(t('settings.clocks.projectGrade', { project: 'SUP' }));
      expect(await sup.inputValue()).toBe('');
      expect(await clocks.getByLabel(t('settings.clocks.projectGrade', { project: 'ITR' })).count()).toBe(1);
      await sup.selectOption('minor');
      await clocks.getByRole('button', { name: t('settings.clocks.save'), exact: true }).click();
      await clocks.getByText(t('settings.saved', { revision: 1 })).waitFor();
      expect((await loadClockSettings(new ConfigStore())).projectGrades).toEqual({ SUP: 'minor' });

      // Back to the site's default: the project's entry is gone, not stored empty.
      await sup.selectOption('');
      await clocks.getByRole('button', { name: t('settings.clocks.save'), exact: true }).click();
      await clocks.getByText(t('settings.saved', { revision: 2 })).waitFor();
      expect((await loadClockSettings(new ConfigStore())).projectGrades).toEqual({});
      expect(errors).toEqual([]);
      await shoot(page, `admin-settings-${locale}-${colorMode}-clocks`);
      await page.close();
    },
    60_000,
  );

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
