/**
 * A requirement in the sandbox (issue 17), in headless Chromium with the real app behind the sandbox
 * host, walked from submission: a submitter creates the request on the sandbox's home page, the triage
 * user classifies it a requirement on the ITR page and sends it to L1, the L1 engineer who holds it gives
 * its value assessment in the issue panel (first refused for a missing reason, in the user's language,
 * then saved with the decision to hand it to R&D), and "Send to R&D" creates the R&D item, which carries
 * the assessment in its description. The demo's dark-mode requirement shows the assessment the demo
 * data left (current and earlier version).
 *
 * Skipped without Chromium (CHROMIUM_PATH, default /usr/bin/chromium), like sandbox.browser.test.ts.
 */
import { DEMO_FIELD_IDS, DEMO_USERS } from '../../sandbox/demoSite';
import { ASSESSED_REQUIREMENT_SUMMARY } from '../../sandbox/demoAssessments';
import { ITR_ISSUE_TYPE_NAMES } from '../../src/app/setup/plan';
import { DEFAULT_GRADING_TABLE } from '../../src/domain';
import { chromiumAvailable } from '../static/bridgeStub';
import { chooseOption } from '../static/designSelect';
import { useSandboxInBrowser } from './sandboxBrowser';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

const user = (name: string): string => {
  const u = DEMO_USERS.find((x) => x.displayName === name);
  if (u === undefined) throw new Error(`demo site changed: no user ${name}`);
  return u.accountId;
};

describeWithBrowser('a requirement in the sandbox: submission, value assessment, hand-off to R&D', () => {
  const ui = useSandboxInBrowser({
    name: 'requirement',
    apps: ['issue-panel', 'itr-home'],
    viewport: { width: 1280, height: 1400 },
  });
  const panel = () => ui.frame('itr-issue-panel');
  const keyOf = (summary: string): string => {
    const issue = [...ui.sandbox.harness.jira.model.issues.values()].find((i) => i.fields['summary'] === summary);
    if (issue === undefined) throw new Error(`demo site changed: no issue "${summary}"`);
    return issue.key;
  };

  it('the demo requirement shows the assessment it was handed on with', async () => {
    await ui.actAs(user('Anna Schmidt'));
    await ui.page.goto(`${ui.sandbox.url}/browse/${keyOf(ASSESSED_REQUIREMENT_SUMMARY)}`);
    const section = panel().getByRole('region', { name: 'Value assessment' });
    await section.getByText('Hand to R&D').first().waitFor();
    const shown = await section.innerText();
    expect(shown).toContain('About 15 engineer-days');
    expect(shown).toContain('1 earlier assessment');
    expect(shown).not.toContain('557058:');
  });

  it('submitted, triaged a requirement, assessed in the panel (refusal first, in Chinese), then handed to R&D carrying the assessment', async () => {
    const summary = 'Requirement walk: a signed copy of the 2025 service contract';
    let key = '';
    await ui.step('submit', async () => {
      await ui.actAs(user('Anna Schmidt'));
      await ui.page.goto(ui.sandbox.url);
      await ui.page.selectOption('#c-project', 'ITR');
      await ui.page.selectOption('#c-type', { label: ITR_ISSUE_TYPE_NAMES.nonTechnicalService });
      await ui.page.fill('#c-summary', summary);
      await ui.page.fill('#c-description', 'The customer asks for a signed copy of the contract for their audit.');
      await Promise.all([
        ui.page.waitForURL(/\/browse\/ITR-\d+$/),
        ui.page.click('[data-testid="create-form"] button[type="submit"]'),
      ]);
      key = ui.page.url().split('/').pop() ?? '';
      expect(ui.sandbox.harness.jira.issue(key).fields[DEMO_FIELD_IDS.classification] ?? null).toBeNull();
    });
    await ui.step('triage', async () => {
      await ui.actAs(user('Maria Lopez'));
      await ui.page.goto(`${ui.sandbox.url}/apps/itr-home`);
      const home = ui.frame('itr-home');
      await home.getByTestId('triage-list').getByTestId(`triage-row-${key}`).click();
      await home.getByText(`Triage ${key}`).waitFor();
      await chooseOption(home, 'kind', 'Non-technical service');
      await home.getByLabel('Requirement', { exact: true }).check(); // with no facts the rule says requirement too
      for (const d of DEFAULT_GRADING_TABLE.dimensions) {
        const mildest = d.options[d.options.length - 1];
        if (mildest !== undefined) await chooseOption(home, `answers.${d.id}`, mildest.label.en);
      }
      await chooseOption(home, 'line', 'L1 · First line');
      await home.getByRole('button', { name: 'Save triage' }).click();
      await home.getByTestId('triage-notice').getByText(`${key} triaged: Requirement`, { exact: false }).waitFor();
      const f = ui.sandbox.harness.jira.issue(key).fields;
      expect(f[DEMO_FIELD_IDS.classification]).toBe('requirement');
      expect(f[DEMO_FIELD_IDS.line]).toBe('L1');
    });
    await ui.step('assess', async () => {
      await ui.actAs(user('李伟'), 'zh-CN'); // an L1 engineer
      await ui.page.goto(`${ui.sandbox.url}/browse/${key}`);
      const section = panel().getByRole('region', { name: '价值评估' });
      await section.getByRole('button', { name: '评估', exact: true }).click();
      await section.getByLabel('预期价值').fill('客户审计通过，续约 3 年');
      await section.getByLabel('成本').fill('0.5 人天');
      await section.getByLabel('决定').selectOption({ label: '移交研发' });
      await section.getByRole('button', { name: '保存评估' }).click();
      await section.getByTestId('assessment-error-reason').getByText('做出决定需要填写理由。').waitFor();
      expect(await section.getByLabel('成本').inputValue()).toBe('0.5 人天');
      await section.getByLabel('理由').fill('合同归档在研发的文档系统');
      await section.getByRole('button', { name: '保存评估' }).click();
      await section.getByRole('status').getByText('评估已保存。').waitFor();
      expect(await section.innerText()).toContain('李伟');
    });
    await ui.step('hand off', async () => {
      const handoff = panel().getByRole('region', { name: '转交' });
      await handoff.getByRole('button', { name: '转研发' }).click();
      await handoff.getByRole('alertdialog').getByRole('button', { name: '转交', exact: true }).click();
      await handoff.getByText(/已转交：RND-\d+/).waitFor();
      const sent = (await handoff.getByText(/已转交：RND-\d+/).innerText()).match(/RND-\d+/)?.[0] ?? '';
      const description = JSON.stringify(ui.sandbox.harness.jira.issue(sent).fields['description']);
      for (const part of [
        '客户审计通过，续约 3 年',
        '0.5 人天',
        'hand to R&D (IPD)',
        '合同归档在研发的文档系统',
        '李伟',
      ])
        expect(description).toContain(part);
    });
  });
});
