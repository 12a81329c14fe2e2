/**
 * The admin page's subpages in headless Chromium, with every `invoke` routed to the real grading
 * admin resolver under the harness (KVS double, Jira double answering permissions and the user, group
 * and project look-ups). Once in English/light and once in Simplified Chinese/dark: the subpage follows
 * the module URL's history as Jira's sidebar moves it (view.createHistory) and an opened subpage stays
 * mounted; edit the supervision settings (people and groups picked by name), see the server's field
 * errors under their fields with the draft kept, fix and save, then a stale save refused with the draft
 * kept; the clocks; the return-visit and closing settings (moved here from the return-visit gadget).
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { gradingAdminResolver } from '../../src/index';
import { handlers } from '../../src/entry/grading-admin-resolver';
import {
  ANALYTICS_SETTINGS_KEY,
  analyticsSettingsCodec,
  DEFAULT_ANALYTICS_SETTINGS,
  loadAnalyticsSettings,
} from '../../src/app/analytics/settings';
import { createI18n, type MessageKey, type MessageParams } from '../../static/shared/i18n';
import { harness, invokeResolver } from '../../platform-doubles';
import { chromiumAvailable, installBridgeStub, navigateSubpage } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { pick, placeholderOf } from './peoplePicker';
import { ConfigStore } from '../../src/adapters/kvs';
import { loadClockSettings } from '../../src/app/escalation';
import { chooseItrProjects } from '../fixtures/itrScope';
import { loadSettings as loadReturnVisitSettings } from '../../src/app/returnVisits/settings';
import { FALLBACK_REASON_MAX } from '../../src/app/closure/fallbackClosers';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const SUPERVISOR = 'acc-supervisor';
const CLOSER = '5b10ac8d82e05b22cc7d4e0b';
/** Every function of the page's resolver: the grading table's tab calls its own too. */
const FUNCTIONS = Object.keys(handlers());

const { jira } = harness();
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Chen Jie', groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: CLOSER, displayName: 'Liu Yang' });
  jira.seedProject({ key: 'IPD', name: 'Product development', browsers: [ADMIN] });
});
afterEach(() => jira.assertNoViolations());

describeWithBrowser('admin page subpages in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  /** The admin page as the Jira admin at `route` (module-relative), every invoke routed to the real resolver; page errors collected. */
  async function openAsAdmin(
    locale: string,
    colorMode: 'light' | 'dark',
    timezone: string,
    route = '/',
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 1000 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone, issueKey: null, accountId: ADMIN, moduleKey: 'itr-grading-admin' },
      colorMode,
      resolvers: realResolvers(gradingAdminResolver, FUNCTIONS, { accountId: ADMIN }),
      route,
    });
    await page.goto(app.url);
    return { page, errors };
  }

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)(
    '%s, %s: subpages by the URL, field errors, save, stale save',
    async (locale, colorMode) => {
      const { t } = createI18n(locale, 'UTC');
      const tr = (key: MessageKey, params?: MessageParams) => t(key, params);
      // Saved before: lasting fixes in a project that is gone since (issue 17: shown as such).
      await new ConfigStore().set(
        ANALYTICS_SETTINGS_KEY,
        { ...DEFAULT_ANALYTICS_SETTINGS, lastingFix: { projectKey: 'OLD', issueType: 'Task' } },
        analyticsSettingsCodec,
      );
      const { page, errors } = await openAsAdmin(locale, colorMode, 'Asia/Shanghai');
      const subpage = (route: string) => page.locator(`[data-subpage="${route}"]`);
      const field = (p: string) => page.locator(`[data-path="${p}"]`);

      // The module's own URL opens the grading table; no tab bar of areas any more (Jira's sidebar is it).
      await page.getByRole('tab', { name: tr('gradingAdmin.tab.dimensions') }).waitFor();
      expect(await subpage('grading-table').isVisible()).toBe(true);
      expect(await page.getByRole('tab', { name: tr('settings.page.supportLines') }).count()).toBe(0);
      // Jira's sidebar moves the URL to "Support lines", then "Supervision": each shows under its heading,
      // and the grading table stays mounted, hidden (its draft kept).
      await navigateSubpage(page, '/support-lines');
      await page.getByTestId('support-line-settings').waitFor();
      await subpage('support-lines').getByText(tr('settings.page.supportLines'), { exact: true }).waitFor();
      await navigateSubpage(page, '/supervision');
      await page.getByTestId('supervision-settings').waitFor();
      expect(await subpage('supervision').getByText(tr('settings.page.supervision'), { exact: true }).isVisible()).toBe(
        true,
      );
      expect(await subpage('grading-table').isHidden()).toBe(true);
      expect(await subpage('support-lines').isHidden()).toBe(true);

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
      // The lasting-fix target saved before is gone: said so, and turned off.
      const fixTarget = page.getByTestId('target-lastingFix');
      await fixTarget
        .getByTestId('target-lastingFix-gone')
        .getByText(tr('settings.supervision.projectGone', { projectKey: 'OLD' }))
        .waitFor();
      await fixTarget
        .getByRole('button', {
          name: `${tr('settings.supervision.lastingFix')}: ${tr('settings.supervision.turnOff')}`,
        })
        .click();
      await fixTarget.getByTestId('target-lastingFix-gone').waitFor({ state: 'detached' });
      // R&D: the project picked by name (typed, chosen), then one of the issue types it offers, by name.
      const project = page.getByLabel(`${tr('settings.supervision.ipd')}: ${tr('settings.supervision.project')}`);
      await project.fill('product');
      await page.getByRole('option', { name: 'Product development' }).click();
      const types = field('ipd.issueType');
      await types.locator('option', { hasText: 'Task' }).waitFor({ state: 'attached' });
      expect(await types.locator('option').allInnerTexts()).toEqual([
        tr('settings.supervision.chooseType'),
        'Task',
        'Incident',
        'Service Request',
        'Problem',
      ]);
      await types.selectOption({ label: 'Task' });
      // A department left blank: the server's error under its field, the draft kept, nothing written.
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();
      const departmentError = tr('errorCode.SETTINGS_DEPARTMENT_REQUIRED', { max: 100 });
      await field('departments.0.department')
        .locator('xpath=ancestor::div[.//*[@data-testid="field-issues"]][1]')
        .getByText(departmentError)
        .waitFor();
      expect(await field('departments.0.department').getAttribute('aria-invalid')).toBe('true');
      await page.getByText(tr('errorCode.SETTINGS_INVALID', { count: 1 })).waitFor();
      expect(await types.locator('option:checked').innerText()).toBe('Task');
      expect((await loadAnalyticsSettings()).revision).toBe(1);
      await shoot(page, `admin-settings-${locale}-${colorMode}-invalid`);

      // Fix and save.
      await field('departments.0.department').fill(locale === 'zh_CN' ? '质量部' : 'Quality');
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();
      await page.getByText(tr('settings.saved', { revision: 2 })).waitFor();
      // The saved person, group and project show by name; no account id anywhere on the page.
      await page.getByTestId('department-person-0-chips').getByText('Chen Jie').waitFor();
      await page.getByTestId('target-ipd').getByText('Product development').waitFor();
      await expectPageShowsNoAccountIds(page, [ADMIN, SUPERVISOR]);
      expect(await loadAnalyticsSettings()).toMatchObject({
        revision: 2,
        value: {
          personFigureGroups: ['itr-supervisors'],
          departments: { [SUPERVISOR]: locale === 'zh_CN' ? '质量部' : 'Quality' },
          ipd: { projectKey: 'IPD', issueType: 'Task', issueTypeId: expect.stringMatching(/^\d+$/) },
          lastingFix: null,
        },
      });

      // Another admin saves meanwhile: this page's next save is refused and its draft kept.
      const other = await invokeResolver(
        gradingAdminResolver,
        'saveSupervisionSettings',
        { expectedRevision: 2, settings: { personFigureGroups: [], departments: [], ipd: null, ltc: null } },
        { accountId: ADMIN },
      );
      expect(other).toMatchObject({ success: true });
      await types.selectOption({ label: 'Incident' });
      await page.getByRole('button', { name: tr('settings.save'), exact: true }).click();
      await page.getByText(tr('errorCode.SETTINGS_REVISION_CONFLICT')).waitFor();
      expect(await types.locator('option:checked').innerText()).toBe('Incident');
      expect((await loadAnalyticsSettings()).value.ipd).toBeNull();

      // Back in the browser (the URL's history): the support lines again; then the grading table, whose
      // editor is still there.
      await page.evaluate('window.__itrStubHistory.goBack()');
      expect(await subpage('support-lines').isVisible()).toBe(true);
      await navigateSubpage(page, '/grading-table');
      expect(await subpage('grading-table').isVisible()).toBe(true);
      expect(await page.getByRole('tab', { name: tr('gradingAdmin.tab.dimensions') }).isVisible()).toBe(true);
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
      const { page, errors } = await openAsAdmin(locale, colorMode, 'UTC', '/support-lines');
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

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)(
    '%s, %s: return visits and closing: sampling saved, a fallback closer picked by name with a reason',
    async (locale, colorMode) => {
      // The app's fields on the site: saving fallback closers publishes where the close rules read them.
      defineClosureFields(jira);
      const { t } = createI18n(locale, 'UTC');
      const { page, errors } = await openAsAdmin(locale, colorMode, 'Asia/Shanghai', '/closing');
      const closing = page.getByTestId('closing-settings');
      await closing.waitFor();
      await page.locator('[data-subpage="closing"]').getByText(t('settings.page.closing'), { exact: true }).waitFor();
      expect(await page.getByTestId('visits-published').innerText()).toBe(t('visits.notPublished'));

      // Which issues get a visit: the sampling rate and the grades always visited, chosen by name.
      const grade = (en: string, zh: string) =>
        page.getByTestId('always-grades').getByLabel(locale === 'zh_CN' ? zh : en, { exact: true });
      expect(await grade('Critical', '紧急').isChecked()).toBe(true);
      expect(await grade('Major', '严重').isChecked()).toBe(false);
      await closing.getByLabel(t('visits.sampleRate')).fill('25');
      await grade('Major', '严重').check();
      await page.getByTestId('visit-settings-save').click();
      await closing.getByText(t('visits.saved'), { exact: true }).waitFor();
      expect((await loadReturnVisitSettings()).settings).toMatchObject({
        sampleRatePercent: 25,
        alwaysGrades: ['critical', 'major'],
      });

      // A fallback closer picked by name; without a reason the save is refused and the pick kept.
      const closers = page.locator('[data-path="accountIds"]');
      expect(await placeholderOf(page, closers)).toBe(t('people.placeholder.user'));
      await pick(page, closers, 'Liu', 'Liu Yang');
      await page.getByTestId('fallback-save').click();
      await closing.getByRole('alert').waitFor();
      expect(await closing.getByRole('alert').innerText()).toBe(
        t('errorCode.FALLBACK_REASON_REQUIRED', { max: FALLBACK_REASON_MAX }),
      );
      await page.getByTestId('fallback-closers-chips').getByText('Liu Yang').waitFor();
      await page.getByTestId('fallback-reason').fill(locale === 'zh_CN' ? '提单人已离职' : 'The submitter left');
      await page.getByTestId('fallback-save').click();
      await page
        .getByTestId('fallback-history')
        .getByText(locale === 'zh_CN' ? /Zhang Wei.*Liu Yang.*提单人已离职/ : /Zhang Wei.*Liu Yang.*The submitter left/)
        .waitFor();
      // Saving the closers publishes the close rules' property.
      expect(await page.getByTestId('visits-published').innerText()).toBe(
        t('visits.published', { field: t('field.title.itr-submitter') }),
      );
      expect(await page.getByTestId('visits-published').innerText()).not.toMatch(/customfield_/);
      await expectPageShowsNoAccountIds(page, [ADMIN, SUPERVISOR, CLOSER]);
      expect(errors).toEqual([]);
      await shoot(page, `admin-settings-${locale}-${colorMode}-closing`);
      await page.close();
    },
    60_000,
  );

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
