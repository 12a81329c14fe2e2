/**
 * The admin "Site check" in the sandbox, in headless Chromium, under the manifest's CSP: an admin runs
 * it from the keyboard and reads one line per check; the scheduled jobs have not run yet in a fresh
 * sandbox, so that line fails on purpose with its fix, and passes once they ran; the app's user is
 * left out of comment rights on one ITR project, so that line names it; a rule taken off the ITR
 * workflow is named as Jira's workflow editor names it. Jobs, permissions and rules are said in words,
 * never by key or UTC time. In Chinese and dark mode too.
 */
import { DEMO_USERS } from '../../sandbox/demoSite';
import { APP_ACCOUNT_ID } from '../../platform-doubles/jiraModel';
import { chromiumAvailable } from '../static/bridgeStub';
import { expectPageShowsNoInternalValues } from '../static/internalValues';
import { useSandboxInBrowser } from './sandboxBrowser';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const admin = DEMO_USERS.find((u) => u.groups.includes('jira-administrators'));

describeWithBrowser('Site check in the sandbox', () => {
  const ui = useSandboxInBrowser({
    name: 'site-check',
    apps: ['setup'],
    viewport: { width: 1280, height: 1400 },
    // No demo year: nothing runs the scheduled triggers before the test does.
    sandboxOptions: () => ({ demoHistory: false }),
  });
  const setup = () => ui.frame('itr-setup');
  const row = (id: string) => setup().locator(`[data-testid="site-check-table"] tr[data-check="${id}"]`);
  const KEYS = [
    'escalation-sweep',
    'analytics-weekly-report',
    'migration-check',
    'ADD_COMMENTS',
    'itr-resolve-validator',
  ];

  /** Takes a rule off the ITR workflow's transition (as an admin editing the workflow would); gives back the undo. */
  function takeOffValidators(transition: string): () => void {
    const workflow = ui.sandbox.harness.jira.model.site.workflows.find((w) => w.name === 'ITR workflow');
    const t = workflow?.transitions.find((x) => x.name === transition);
    if (t === undefined) throw new Error(`the sandbox's ITR workflow has no ${transition}`);
    const kept = t.validators;
    t.validators = [];
    return () => {
      t.validators = kept;
    };
  }

  /** Runs the check from the keyboard (focus the button, Enter) and waits for the summary. */
  async function runCheck(): Promise<void> {
    const button = setup().getByTestId('site-check-run');
    await button.focus();
    await button.press('Enter');
    await setup().getByTestId('site-check-summary').waitFor();
  }

  it('shows every check; the scheduled jobs fail with their fix until they ran', async () => {
    if (admin === undefined) throw new Error('demo site has no Jira administrator');
    await ui.step('run', async () => {
      // The permission scheme of NET gives the app Browse projects but not Add comments.
      const app = ui.sandbox.harness.jira.model.users.get(APP_ACCOUNT_ID);
      if (app === undefined) throw new Error('the Jira double has no app user');
      app.projectPermissions['NET'] = ['BROWSE_PROJECTS'];
      const putBack = takeOffValidators('Resolve');
      await ui.actAs(admin.accountId, 'en');
      await ui.page.goto(`${ui.sandbox.url}/apps/itr-setup`);
      await setup().getByRole('heading', { name: 'Site check' }).waitFor();
      await runCheck();
      // Focus moves to the summary, so a keyboard or screen-reader user hears the result.
      const focused = await setup()
        .getByTestId('site-check-summary')
        .evaluate(
          (e) => e === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        );
      expect(focused).toBe(true);
      const rows = setup().locator('[data-testid="site-check-table"] tbody tr');
      expect(
        await rows.evaluateAll((rs: Array<{ getAttribute(name: string): string | null }>) =>
          rs.map((r) => r.getAttribute('data-check')),
        ),
      ).toEqual([
        'fields',
        'expressions',
        'rulesAttached',
        'resolution',
        'projectPermissions',
        'migrations',
        'triggers',
        'license',
      ]);
      for (const id of ['fields', 'migrations']) expect(await row(id).getAttribute('data-outcome')).toBe('pass');
      expect(await row('projectPermissions').getAttribute('data-outcome')).toBe('fail');
      expect(await row('projectPermissions').innerText()).toContain('The app lacks: NET: Add comments.');
      expect(await setup().getByTestId('site-check-fix-projectPermissions').innerText()).toContain(
        'grant Browse projects and Add comments',
      );
      expect(await row('triggers').getAttribute('data-outcome')).toBe('fail');
      expect(await row('triggers').innerText()).toContain(
        'Not run recently: escalation sweep (never ran), weekly report (never ran), and database schema check (never ran).',
      );
      // The rule by the name Jira's workflow editor shows (locales/en-US.json), on its transition.
      expect(await row('rulesAttached').getAttribute('data-outcome')).toBe('fail');
      expect(await row('rulesAttached').innerText()).toContain(
        'Missing on "ITR workflow": "ITR: a problem needs its root cause" on "Resolve".',
      );
      await expectPageShowsNoInternalValues(setup(), KEYS);
      putBack();
      expect(await setup().getByTestId('site-check-fix-triggers').innerText()).toContain(
        'Check that the app is enabled',
      );
      // The result is said in words, not by colour alone.
      expect(await row('triggers').locator('td').first().textContent()).toBe('Fail');
      await ui.shoot('sandbox-site-check-en');
    });

    await ui.step('after-the-jobs-ran', async () => {
      await ui.sandbox.runScheduledTriggers();
      await runCheck();
      await setup()
        .locator('[data-testid="site-check-table"] tr[data-check="triggers"][data-outcome="pass"]')
        .waitFor();
      expect(await row('triggers').innerText()).toContain('All 3 scheduled jobs ran recently.');
      expect(await row('rulesAttached').getAttribute('data-outcome')).toBe('pass');
      expect(ui.pageErrors).toEqual([]);
    });
  });

  it('speaks Chinese and follows the dark theme', async () => {
    if (admin === undefined) throw new Error('demo site has no Jira administrator');
    await ui.step('zh-dark', async () => {
      await ui.actAs(admin.accountId, 'zh-CN');
      await ui.page.goto(`${ui.sandbox.url}/apps/itr-setup`);
      await ui.switchTo('switch-theme', 'dark');
      await setup().locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
      await setup().getByRole('heading', { name: '站点检查' }).waitFor();
      const putBack = takeOffValidators('Close');
      await runCheck();
      expect(await row('rulesAttached').innerText()).toContain(
        '“ITR workflow”上缺少：“Close”上的“ITR：提单人在回访后关闭”。',
      );
      putBack();
      expect(await row('triggers').locator('td').first().textContent()).toBe('失败');
      expect(await setup().getByTestId('site-check-fix-triggers').innerText()).toContain('检查应用是否已启用');
      await expectPageShowsNoInternalValues(setup(), [...KEYS, 'itr-close-validator']);
      await ui.shoot('sandbox-site-check-zh-dark');
    });
  });
});
