/**
 * The grading table admin page in headless Chromium. The stand-in Forge host (bridgeStub.ts) routes each
 * `invoke` to the real exported resolver under the platform harness, so the page talks to the real use
 * cases, KVS double and Jira double (which answers `mypermissions` for the chosen caller).
 * Both languages and themes: every input named for its dimension or row, times in hours and minutes,
 * units beside the numbers, local problems in the reader's language without losing what was typed or
 * published, a disabled Publish that looks disabled, the history by name, and no internal id shown.
 * Screenshots go to .tmp/screenshots/. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { gradingAdminResolver } from '../../src/index';
import type { GradingAdminState } from '../../src/contract';
import { DEFAULT_CALENDARS } from '../../src/domain';
import { en } from '../../static/shared/i18n/en';
import { zhCN } from '../../static/shared/i18n/zh-CN';
import { harness, invokeResolver } from '../../platform-doubles';
import { expectPageShowsNoAccountIds } from './accountIds';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { looksDisabled } from './disabledLook';
import { expectPageShowsNoInternalValues } from './internalValues';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const FUNCTIONS = [
  'getGradingAdmin',
  'previewGrade',
  'validateGradingDraft',
  'saveGradingTable',
  'listGradingVersions',
  'restoreGradingVersion',
  'exportGradingConfig',
  'importGradingConfig',
  'saveCalendars',
];

const { jira } = harness();
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
});

async function published(): Promise<GradingAdminState> {
  const answer = (await invokeResolver(gradingAdminResolver, 'getGradingAdmin', {}, { accountId: ADMIN })) as {
    data: GradingAdminState;
  };
  return answer.data;
}

const LANGUAGES = [
  { locale: 'en_US', mode: 'light' as const, m: en },
  { locale: 'zh_CN', mode: 'dark' as const, m: zhCN },
];

describeWithBrowser('grading table admin page in Chromium', () => {
  const app = builtApp('grading-admin', { screenshots: true });

  async function open(accountId: string, locale: string, colorMode: 'light' | 'dark' = 'light') {
    const page = await app.browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = realResolvers(gradingAdminResolver, FUNCTIONS, { accountId });
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-grading-admin' },
      colorMode,
      resolvers,
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  const cell = (page: Page, p: string) => page.locator(`[data-path="${p}"]`);

  /** Each form control's accessible name as a screen reader gets it (its aria-label, else its label's text). */
  async function controlNames(page: Page): Promise<string[]> {
    return page
      .locator('[role="tabpanel"] :is(input, select, textarea)')
      .evaluateAll(
        (els: Array<{ getAttribute(n: string): string | null; labels?: ArrayLike<{ textContent: string | null }> }>) =>
          els.map(
            (e) =>
              e.getAttribute('aria-label') ??
              Array.from(e.labels ?? [])
                .map((l) => l.textContent ?? '')
                .join(' ')
                .trim(),
          ),
      );
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }

  it.each(LANGUAGES)(
    'names every input for its dimension or row and shows units ($locale, $mode)',
    async ({ locale, mode, m }) => {
      const { page, errors } = await open(ADMIN, locale, mode);
      await cell(page, 'dimensions[0].weight').waitFor();
      // Dimensions: every field has a name, and no two share one (each says whose it is).
      const names = await controlNames(page);
      expect(names.length).toBeGreaterThan(80);
      expect(names.filter((n) => n === '')).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
      const impact = m['gradingAdmin.aria.field']
        .replace('{owner}', (await published()).table.dimensions[0]?.label[locale === 'en_US' ? 'en' : 'zh-CN'] ?? '')
        .replace('{field}', m['gradingAdmin.weight']);
      expect(await cell(page, 'dimensions[0].weight').getAttribute('aria-label')).toBe(impact);
      // Visible labels and units beside the numbers.
      const card = page.getByTestId('dimension-0');
      expect(await card.innerText()).toContain(m['gradingAdmin.weight']);
      expect(await card.innerText()).toContain(m['gradingAdmin.unit.times']);
      expect(await card.innerText()).toContain(m['gradingAdmin.unit.points']);

      // SLA: response and resolution in hours and minutes, shares in %, the warning point in %.
      await page.getByRole('tab', { name: m['gradingAdmin.tab.sla'] }).click();
      const sla = (await published()).table.sla;
      const first = Object.keys(sla)[0] ?? '';
      const resolution = sla[first]?.resolutionMinutes ?? 0;
      const hours = page.locator(`[data-path="sla.${first}.resolutionMinutes"][data-part="hours"]`);
      await hours.waitFor();
      expect(await hours.inputValue()).toBe(String(Math.floor(resolution / 60)));
      expect(await page.locator(`[data-path="sla.${first}.resolutionMinutes"][data-part="minutes"]`).inputValue()).toBe(
        String(resolution % 60),
      );
      const slaCard = page.getByTestId(`sla-${first}`);
      for (const unit of ['gradingAdmin.unit.h', 'gradingAdmin.unit.min', 'gradingAdmin.unit.pct'] as const)
        expect(await slaCard.innerText()).toContain(m[unit]);
      // The once unlabeled "0.75": a named percentage, empty meaning 75 %.
      const warn = cell(page, `sla.${first}.ola.lines.L1.warningFraction`);
      expect(await warn.getAttribute('aria-label')).toContain(m['gradingAdmin.warningFraction']);
      expect(await warn.getAttribute('placeholder')).toBe('75');
      expect(await slaCard.innerText()).toContain(m['gradingAdmin.warnHint']);
      expect((await controlNames(page)).filter((n) => n === '')).toEqual([]);
      // Calendars by name, never by id.
      const calendarName = DEFAULT_CALENDARS.find((c) => c.id === sla[first]?.calendarId)?.name;
      const chosen = await cell(page, `sla.${first}.calendarId`).evaluate(
        (s: { selectedOptions: ArrayLike<{ textContent: string | null }> }) => s.selectedOptions[0]?.textContent,
      );
      expect(chosen).toBe(locale === 'en_US' ? calendarName?.en : calendarName?.['zh-CN']);
      await expectPageShowsNoInternalValues(
        page,
        DEFAULT_CALENDARS.map((c) => c.id),
      );
      await shoot(page, `grading-admin-${locale}-${mode}-sla`);

      // Rule and calendars tabs: named too.
      for (const tab of ['gradingAdmin.tab.rule', 'gradingAdmin.tab.calendars'] as const) {
        await page.getByRole('tab', { name: m[tab] }).click();
        await page.waitForTimeout(50);
        const tabNames = await controlNames(page);
        expect(tabNames.filter((n) => n === '')).toEqual([]);
        expect(new Set(tabNames).size).toBe(tabNames.length);
      }
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it.each(LANGUAGES)(
    'takes times as hours and minutes, says what is wrong in the reader language and loses nothing ($locale, $mode)',
    async ({ locale, mode, m }) => {
      const { page, errors } = await open(ADMIN, locale, mode);
      const publish = page.getByTestId('grading-publish');
      await publish.waitFor();
      // Nothing to publish yet: disabled, and drawn so.
      expect(await publish.isDisabled()).toBe(true);
      expect(await looksDisabled(publish)).toBe(true);

      await page.getByRole('tab', { name: m['gradingAdmin.tab.sla'] }).click();
      const before = await published();
      const grade = before.table.grades[0]?.id ?? '';
      const hours = page.locator(`[data-path="sla.${grade}.responseMinutes"][data-part="hours"]`);
      const minutes = page.locator(`[data-path="sla.${grade}.responseMinutes"][data-part="minutes"]`);
      await hours.fill('abc');
      const problem = page.getByText(m['gradingAdmin.invalid.hours']);
      await problem.waitFor();
      expect(await hours.getAttribute('aria-invalid')).toBe('true');
      expect(await hours.inputValue()).toBe('abc'); // what was typed stays
      expect(await publish.isDisabled()).toBe(true);
      await minutes.fill('75');
      await page.getByText(m['gradingAdmin.invalid.hours']).waitFor(); // hours first
      await hours.fill('1');
      await page.getByText(m['gradingAdmin.invalid.minutes']).waitFor();
      expect(await publish.isDisabled()).toBe(true);
      await shoot(page, `grading-admin-${locale}-${mode}-invalid-time`);
      // Nothing published changed meanwhile.
      expect((await published()).table).toEqual(before.table);

      await minutes.fill('30');
      await page.getByText(m['gradingAdmin.invalid.minutes']).waitFor({ state: 'detached' });
      // The warning point as a percentage: 80 % is stored as 0.8.
      const warn = page.locator(`[data-path="sla.${grade}.ola.lines.L2.warningFraction"]`);
      await warn.fill('180');
      await page.getByText(m['gradingAdmin.invalid.percent']).waitFor();
      await warn.fill('80');
      await page.getByText(m['gradingAdmin.invalid.percent']).waitFor({ state: 'detached' });
      await page.waitForFunction((b) => !(b as { disabled: boolean }).disabled, await publish.elementHandle(), {
        timeout: 5000,
      });
      expect(await looksDisabled(publish)).toBe(false);
      await publish.click();
      await page.getByText(m['gradingAdmin.publishedVersion'].replace('{version}', '2')).waitFor();
      const after = (await published()).table.sla[grade];
      expect(after?.responseMinutes).toBe(90);
      expect(after?.ola.lines.L2?.warningFraction).toBe(0.8);
      // The fields read back what was published.
      expect(await hours.inputValue()).toBe('1');
      expect(await minutes.inputValue()).toBe('30');
      expect(await warn.inputValue()).toBe('80');
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('shows a server validation message at the edited cell and keeps Publish disabled', async () => {
    const { page, errors } = await open(ADMIN, 'en_US');
    const score = cell(page, 'dimensions[0].options[1].score');
    await score.waitFor();
    await score.fill('2.5');
    const message = page.getByTestId('dimension-0').getByText('A score must be a whole number.');
    await message.waitFor();
    expect(await score.getAttribute('aria-invalid')).toBe('true');
    // The message is the one the field names as its description, and only that cell carries it.
    const describedBy = (await score.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('A score must be a whole number.');
    expect(await page.getByText('A score must be a whole number.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish as new version' }).isDisabled()).toBe(true);
    await shoot(page, 'grading-admin-en-invalid-cell');

    await score.fill('7');
    await message.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publish as new version' }).click();
    await page.getByText('Version 2 in force').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(LANGUAGES)(
    'asks in a dialog before a recompute or a restore, and names who saved each version, never by id ($locale, $mode)',
    async ({ locale, mode, m }) => {
      const before = await published();
      await invokeResolver(
        gradingAdminResolver,
        'saveGradingTable',
        { table: before.table, expectedRevision: before.tableRevision, comment: 'v2' },
        { accountId: ADMIN },
      );
      const { page, calls, errors } = await open(ADMIN, locale, mode);
      // Recomputing every open issue's grade asks first, in a dialog; Esc leaves everything as it was.
      await page.getByRole('button', { name: m['gradingAdmin.regrade'] }).click();
      const regrade = page.getByRole('dialog', { name: m['gradingAdmin.regrade'] });
      await regrade.waitFor();
      expect(await regrade.innerText()).toContain(m['gradingAdmin.regradeConfirm']);
      await page.keyboard.press('Escape');
      await regrade.waitFor({ state: 'hidden' });
      expect(calls.filter((c) => JSON.stringify(c.payload).includes('startRegrade'))).toEqual([]);

      await page.getByRole('tab', { name: m['gradingAdmin.tab.history'] }).click();
      const v2 = page.getByTestId('version-2');
      await v2.waitFor();
      expect(await v2.innerText()).toContain('Zhang Wei');
      await expectPageShowsNoAccountIds(page, [ADMIN]);
      await page.getByRole('button', { name: m['gradingAdmin.restoreVersion'].replace('{version}', '1') }).click();
      const dialog = page.getByRole('dialog', {
        name: m['gradingAdmin.restoreConfirmTitle'].replace('{version}', '1'),
      });
      await dialog.waitFor();
      await shoot(page, `grading-admin-${locale}-${mode}-restore-confirm`);
      await dialog.getByRole('button', { name: m['backup.cancel'] }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await published()).table.version).toBe(2);
      await page.getByRole('button', { name: m['gradingAdmin.restoreVersion'].replace('{version}', '1') }).click();
      await dialog.getByRole('button', { name: m['gradingAdmin.restore'], exact: true }).click();
      await page.getByTestId('version-3').waitFor();
      expect((await published()).versions[0]).toMatchObject({ version: 3, restoredFrom: 1, savedByName: 'Zhang Wei' });
      expect(await page.getByTestId('version-3').innerText()).toContain(
        m['gradingAdmin.restoredFrom'].replace('{version}', '1'),
      );
      await expectPageShowsNoInternalValues(page, [ADMIN]);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it.each(LANGUAGES)(
    'an override fires on answers ticked by their labels, never typed as option ids ($locale, $mode)',
    async ({ locale, mode, m }) => {
      const { page, errors } = await open(ADMIN, locale, mode);
      await page.getByRole('tab', { name: m['gradingAdmin.tab.rule'] }).click();
      const answers = page.getByTestId('answer-checks-overrides[0].when.options');
      await answers.waitFor();
      const lang = locale === 'zh_CN' ? 'zh-CN' : 'en';
      const tier = (await published()).table.dimensions.find((d) => d.id === 'customerTier');
      const label = (id: string) => tier?.options.find((o) => o.id === id)?.label[lang] ?? `missing ${id}`;
      // The dimension's answers by label, the saved one ticked.
      expect(await answers.getByRole('checkbox', { name: label('strategic') }).isChecked()).toBe(true);
      expect(await answers.getByRole('checkbox', { name: label('key') }).isChecked()).toBe(false);
      await answers.getByRole('checkbox', { name: label('key') }).focus();
      await page.keyboard.press('Space');
      await page.getByTestId('grading-publish').click();
      await page.getByText(m['gradingAdmin.publishedVersion'].replace('{version}', '2')).waitFor();
      expect((await published()).table.overrides[0]?.when.options).toEqual(['strategic', 'key']);
      await expectPageShowsNoInternalValues(page, ['customerTier']);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('is read-only for a user who is not a Jira administrator', async () => {
    const { page, errors } = await open(AGENT, 'en_US');
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByTestId('read-only-notice').innerText()).toContain(
      'Only Jira administrators can change the grading table',
    );
    expect(await cell(page, 'dimensions[0].weight').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Publish as new version' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add dimension' }).count()).toBe(0);
    // Preview still works for them.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page
      .getByTestId('preview-result')
      .getByText(/Grade: /)
      .waitFor();
    // "Accepted at" starts at now on the reader's clock (Asia/Shanghai), not in UTC.
    const shanghaiNow = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date())
      .replace(' ', 'T');
    expect((await page.getByTestId('preview-start').inputValue()).slice(0, 13)).toBe(shanghaiNow.slice(0, 13));
    await expectPageShowsNoInternalValues(
      page,
      DEFAULT_CALENDARS.map((c) => c.id),
    );
    expect(errors).toEqual([]);
    await shoot(page, 'grading-admin-en-read-only');
    await page.close();
  });

  it('speaks Simplified Chinese, in dark mode, with keyboard tabs', async () => {
    const { page, errors } = await open(ADMIN, 'zh_CN', 'dark');
    await page.getByRole('tab', { name: '分级维度' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('当前生效版本 1');
    await page.getByRole('tab', { name: '分级维度' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('分级规则');
    await page.getByRole('tab', { name: '工作日历' }).click();
    await page.getByRole('button', { name: '添加日历' }).waitFor();
    await page.getByRole('tab', { name: '历史版本' }).click();
    await page.getByText('应用自带').waitFor();
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    expect(errors).toEqual([]);
    await shoot(page, 'grading-admin-zh-CN-dark');
    await page.close();
  });
});
