/**
 * The sandbox end to end in headless Chromium: the real app (resolvers, triggers, SDKs) behind the
 * sandbox host (sandbox/server.ts), on this jest run's harness and MariaDB, with the real Custom UI
 * build in an iframe talking to the host through the injected `window.__bridge`.
 * Setup (build, browser, a sandbox per test, failure screenshots) in ./sandboxBrowser.ts. Without
 * Chromium the tests are skipped, except under CI=true, where they fail.
 */
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, lineBudget, lineDeadlines } from '../../src/domain';
import { DEMO_FIELD_IDS, DEMO_USERS } from '../../sandbox/demoSite';
import { chromiumAvailable } from '../static/bridgeStub';
import { useSandboxInBrowser } from './sandboxBrowser';

const anna = DEMO_USERS.find((u) => u.displayName === 'Anna Schmidt');
const tom = DEMO_USERS.find((u) => u.displayName === 'Tom Baker');

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('ITR sandbox in Chromium', () => {
  const ui = useSandboxInBrowser({ name: 'main', apps: ['issue-panel'], viewport: { width: 1280, height: 900 } });

  const panel = () => ui.frame('itr-issue-panel');

  it('shows the ITR panel of an overdue issue with the due time the domain computes', async () => {
    await ui.step('overdue', async () => {
      await ui.page.goto(`${ui.sandbox.url}/browse/ITR-1`);
      await panel().getByText('Breached', { exact: true }).waitFor();

      // ITR-1: critical at L1 (always-on calendar), as seeded; the panel's due time is the domain's.
      const entered = ui.sandbox.harness.jira.issue('ITR-1').fields[DEMO_FIELD_IDS.lineEnteredAt];
      const budget = lineBudget(DEFAULT_GRADING_TABLE, 'critical', 'L1');
      const calendar = DEFAULT_CALENDARS.find((c) => c.id === budget.calendarId)?.calendar;
      if (calendar === undefined || typeof entered !== 'string')
        throw new Error('demo site changed: ITR-1 has no L1 entry time');
      const expected = lineDeadlines({
        calendar,
        enteredAt: new Date(entered.replace(/(\d\d)(\d\d)$/, '$1:$2')),
        budgetMinutes: budget.minutes,
        warningFraction: budget.warningFraction,
      });
      expect(await panel().locator(`time[datetime="${expected.dueAt?.toISOString()}"]`).count()).toBe(1);
      // The warning time is in the deadline's tooltip (the clock's state already says it is overdue).
      await panel().getByTestId('itr-clock-line').locator('time').first().hover();
      await panel()
        .getByRole('tooltip')
        .locator(`time[datetime="${expected.warnAt?.toISOString()}"]`)
        .first()
        .waitFor();
      await ui.page.mouse.move(0, 0);
      await panel().getByRole('tooltip').waitFor({ state: 'detached' });

      const text = await panel().locator('body').innerText();
      expect(text).toContain('Technical service');
      expect(text).toContain('L1 · First line');
      expect(text).toContain('Critical · grading table v1'); // the grading table's label for the stored id
      // The host shows the app's fields as Jira does, by their manifest names, values through their formatter.
      expect(await ui.page.getByTestId('field-itr-kind').innerText()).toBe('Technical service request / 技术服务请求');
      expect(await ui.page.getByTestId('field-itr-submitter').innerText()).toContain('Anna Schmidt');
      expect(await panel().locator('html').getAttribute('data-color-mode')).toBe('light');
      expect(ui.pageErrors).toEqual([]);
      await ui.shoot('sandbox-issue-en-light');
    });
  });

  it('follows the language and theme switches into the iframe', async () => {
    await ui.step('lang-theme', async () => {
      await ui.page.goto(`${ui.sandbox.url}/browse/ITR-1`);
      await panel().getByText('Breached', { exact: true }).waitFor();
      await ui.switchTo('switch-lang', 'zh-CN');
      await panel().getByText('已违约', { exact: true }).waitFor();
      expect(await panel().locator('body').innerText()).toContain('一线 (L1)');
      await ui.switchTo('switch-theme', 'dark');
      await panel().locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
      await panel().getByText('已违约', { exact: true }).waitFor();
      expect(await ui.page.locator('html').getAttribute('data-color-mode')).toBe('dark');
      // The panel's surface is the dark theme's token, not the light fallback.
      // A function, not a string: Playwright evaluates a string as an expression, which yields the function itself.
      const background = await panel()
        .locator('body')
        .evaluate(
          (b) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b)
              .backgroundColor,
        );
      expect(background).toMatch(/^rgb/);
      expect(background).not.toBe('rgb(255, 255, 255)');
      expect(ui.pageErrors).toEqual([]);
      await ui.shoot('sandbox-issue-zh-CN-dark');
    });
  });

  it('records the submitter through the real trigger when a user creates an issue, as another user sees it', async () => {
    if (anna === undefined || tom === undefined) throw new Error('demo users changed');
    await ui.step('create', async () => {
      await ui.page.goto(ui.sandbox.url);
      await ui.switchTo('switch-user', anna.accountId);
      await ui.page.selectOption('#c-project', 'NET');
      await ui.page.fill('#c-summary', 'Sandbox test: router reboots every hour');
      await ui.page.fill('#c-description', 'Created by the browser test.');
      await Promise.all([
        ui.page.waitForURL(/\/browse\/NET-\d+$/),
        ui.page.click('[data-testid="create-form"] button[type="submit"]'),
      ]);
      const key = ui.page.url().split('/').pop() ?? '';

      // The product event reached the app's issue-created trigger, which wrote its field as the app.
      expect(ui.sandbox.harness.jira.issue(key).fields[DEMO_FIELD_IDS.submitter]).toEqual({
        accountId: anna.accountId,
      });
      expect(ui.sandbox.harness.jira.issue(key).fields['reporter']).toEqual({ accountId: anna.accountId });

      await ui.switchTo('switch-user', tom.accountId);
      expect(await ui.page.getByTestId('field-itr-submitter').innerText()).toContain('Anna Schmidt');
      expect(await ui.page.getByTestId('issue-summary').innerText()).toBe('Sandbox test: router reboots every hour');
      // Not triaged yet (the form's default is an ITR type): the panel, loaded for Tom, says so, with the
      // response clock that runs from creation.
      await panel()
        .getByText(/Waiting for triage/)
        .waitFor();
      const asTom = ui.sandbox.harness.jira.calls.filter((c) => c.accountId === tom.accountId);
      expect(
        asTom.some((c) => c.path.startsWith(`/rest/api/3/issue/${key}`) || c.path.includes('/rest/api/3/issue/')),
      ).toBe(true);

      // Editing the summary goes to Jira as Tom.
      await ui.page.click('details.edit > summary');
      await ui.page.fill('[data-testid="edit-form"] input[name="summary"]', 'Router reboots every hour (edited)');
      await Promise.all([
        ui.page.waitForNavigation(),
        ui.page.click('[data-testid="edit-form"] button[type="submit"]'),
      ]);
      expect(await ui.page.getByTestId('issue-summary').innerText()).toBe('Router reboots every hour (edited)');
      expect(ui.pageErrors).toEqual([]);
    });
  });
});
