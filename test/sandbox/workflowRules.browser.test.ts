/**
 * The close/resolve rules' create/edit/view pages in the sandbox's workflow-editor stand-in
 * (sandbox/workflowRules.ts), in headless Chromium under the manifest's CSP: the edit page says what the
 * rule checks and this site's configuration in words; the host's Update button (from the keyboard) calls
 * the callback the page registered with workflowRules.onConfigure, and what it returns becomes the rule's
 * `config` on the ITR workflow; the view page then shows it by field and display names. Also in Chinese
 * and dark mode; only administrators reach the pages; the editor's 32 KB limit is refused.
 */
import { gradingAdminResolver } from '../../src/index';
import { closureRuleConfig } from '../../src/app/closure/closureRules';
import { jiraAsApp } from '../../src/adapters/jira';
import { moduleKeyOfExtensionAri } from '../../src/domain/closure';
import { ITR_WORKFLOW_NAME } from '../../src/app/setup/plan';
import { DEMO_USERS } from '../../sandbox/demoSite';
import { invokeFunction, invokeResolver } from '../../platform-doubles';
import { chromiumAvailable } from '../static/bridgeStub';
import { useSandboxInBrowser } from './sandboxBrowser';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const admin = DEMO_USERS.find((u) => u.role === 'admin');
const fallback = DEMO_USERS.find((u) => u.role === 'L2');

describeWithBrowser("Close/resolve rules' configuration pages in the sandbox", () => {
  const ui = useSandboxInBrowser({
    name: 'workflow-rules',
    apps: ['rule-config', 'rule-view'],
    viewport: { width: 1100, height: 1100 },
    sandboxOptions: () => ({ demoHistory: false }),
  });
  const frame = () => ui.frame('itr-close-validator');

  /** The close validator's saved `config` on the ITR workflow (every instance: setup attached it once). */
  const savedConfigs = (): string[] =>
    (ui.sandbox.harness.jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME)?.transitions ?? [])
      .flatMap((t) => t.validators)
      .filter((r) => moduleKeyOfExtensionAri(r.parameters['key']) === 'itr-close-validator')
      .map((r) => r.parameters['config'] ?? '');

  it("edit: shows what the rule checks and this site's configuration; Update saves it as the rule's config; view shows it in words", async () => {
    if (admin === undefined || fallback === undefined) throw new Error('demo site has no admin or L2 user');
    await ui.step('prepare', async () => {
      // An admin named a fallback closer (the app re-syncs the rules); then the rule's saved config went stale.
      expect(
        await invokeResolver(
          gradingAdminResolver,
          'setFallbackClosers',
          { accountIds: [fallback.accountId], reason: 'Anna is on leave', expectedRevision: 0 },
          { accountId: admin.accountId },
        ),
      ).toMatchObject({ success: true });
      const wf = ui.sandbox.harness.jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
      const rule = wf?.transitions
        .flatMap((t) => t.validators)
        .find((r) => moduleKeyOfExtensionAri(r.parameters['key']) === 'itr-close-validator');
      if (rule === undefined) throw new Error("the sandbox's ITR workflow carries no close validator");
      rule.parameters['config'] = '{}';
    });
    await ui.step('edit', async () => {
      await ui.actAs(admin.accountId, 'en');
      await ui.page.goto(`${ui.sandbox.url}/workflow-rules/itr-close-validator/edit`);
      await frame().getByRole('heading', { name: 'ITR: submitter closes after the return visit' }).waitFor();
      expect(await frame().getByTestId('rule-checks').locator('li').allInnerTexts()).toEqual([
        'The issue is resolved (it has a Resolution), so Close never skips Resolve.',
        "The person is the issue's recorded submitter (not the Reporter) or one of the fallback closers below.",
        'No required return visit is still open.',
      ]);
      await frame().getByTestId('rule-config-submitter').waitFor();
      expect(await frame().getByTestId('rule-config-fallback').innerText()).toBe(fallback.displayName);
      expect(await frame().getByTestId('rule-config').innerText()).not.toContain(fallback.accountId);
      const savedState = await frame().getByTestId('rule-saved-state').innerText();
      expect(savedState).toContain("is not this site's current one");
      // The state at a glance, as a lozenge before the sentence.
      expect(savedState.startsWith('Out of date')).toBe(true);
      await ui.shoot('workflow-rule-edit-en');
      // Update from the keyboard: the host button calls the page's onConfigure callback.
      const update = ui.page.getByTestId('rule-submit');
      await update.focus();
      await Promise.all([ui.page.waitForURL(/\/workflow-rules\/itr-close-validator\/view/), update.press('Enter')]);
    });
    await ui.step('saved', async () => {
      const expected = await invokeFunction(
        async () => JSON.stringify(await closureRuleConfig(jiraAsApp())),
        undefined,
      );
      expect(savedConfigs()).toEqual([expected]);
      expect(JSON.parse(expected)).toMatchObject({ fallback: [fallback.accountId] });
    });
    await ui.step('view', async () => {
      await ui.frame('itr-close-validator').getByTestId('rule-view-fallback').waitFor();
      expect(await frame().getByTestId('rule-view-fallback').innerText()).toBe(fallback.displayName);
      expect(await frame().getByTestId('rule-view-submitter').innerText()).not.toMatch(/customfield_/);
      expect(await frame().getByTestId('rule-view').innerText()).not.toContain(fallback.accountId);
      expect(ui.pageErrors).toEqual([]);
    });
  });

  it('in Chinese and dark mode; a rule whose saved config is unusable says it blocks everyone', async () => {
    if (admin === undefined) throw new Error('demo site has no admin');
    await ui.step('zh-dark', async () => {
      const q = new URLSearchParams({ accountId: admin.accountId, lang: 'zh-CN', theme: 'dark' });
      await ui.page
        .context()
        .addCookies([{ name: 'itr_sandbox', value: encodeURIComponent(q.toString()), url: ui.sandbox.url }]);
      await ui.page.goto(`${ui.sandbox.url}/workflow-rules/itr-resolve-validator/create`);
      const create = ui.frame('itr-resolve-validator');
      await create.getByRole('heading', { name: 'ITR：问题必须有根因' }).waitFor();
      await create.getByTestId('rule-config-rootCause').waitFor();
      expect(await create.getByTestId('rule-save-hint').innerText()).toBe('点击“添加”，以此配置保存规则。');
      expect(await create.locator('html').getAttribute('data-color-mode')).toBe('dark');
      await ui.shoot('workflow-rule-create-zh-dark');
    });
    await ui.step('unusable', async () => {
      const wf = ui.sandbox.harness.jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
      for (const r of wf?.transitions.flatMap((t) => t.validators) ?? [])
        if (moduleKeyOfExtensionAri(r.parameters['key']) === 'itr-resolve-validator')
          r.parameters['config'] = 'not json';
      await ui.page.goto(`${ui.sandbox.url}/workflow-rules/itr-resolve-validator/view`);
      expect(await ui.frame('itr-resolve-validator').getByTestId('rule-view').innerText()).toBe(
        '未配置：此规则会阻止所有人。请编辑规则并点击“更新”。',
      );
    });
  });

  it("only administrators reach the pages; a configuration past the editor's 32 KB is refused", async () => {
    const submitter = DEMO_USERS.find((u) => u.role === 'submitter');
    if (admin === undefined || submitter === undefined) throw new Error('demo site has no admin or submitter');
    await ui.actAs(submitter.accountId, 'en');
    expect((await ui.page.goto(`${ui.sandbox.url}/workflow-rules/itr-close-condition/edit`))?.status()).toBe(403);
    await ui.actAs(admin.accountId, 'en');
    await ui.page.goto(`${ui.sandbox.url}/workflow-rules/itr-close-condition/edit`);
    const status = await ui.page.evaluate(
      async (config) =>
        (
          await fetch('/__workflowRule', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ moduleKey: 'itr-close-condition', config }),
          })
        ).status,
      'x'.repeat(32 * 1024 + 1),
    );
    expect(status).toBe(400);
  });
});
