/**
 * Supervision in the sandbox, in headless Chromium (issue 8, "done when"): the hand-off from an issue
 * creates a linked issue in the R&D project the demo settings name. The real app behind the sandbox
 * host, on the demo site with a year of history (sandbox/demoHistory.ts).
 */
import { DEMO_USERS } from '../../sandbox/demoSite';
import { chromiumAvailable } from '../static/bridgeStub';
import { useSandboxInBrowser } from './sandboxBrowser';

const TOM = DEMO_USERS.find((u) => u.displayName === 'Tom Baker')?.accountId ?? '';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('supervision and hand-off in the sandbox', () => {
  const ui = useSandboxInBrowser({ name: 'supervision', apps: ['issue-panel', 'supervision'], viewport: { width: 1280, height: 1400 } });

  it('"Send to R&D" creates a linked issue in the R&D project and the panel shows it with its status', async () => {
    const jira = () => ui.sandbox.harness.jira;
    await ui.actAs(TOM);
    await ui.step('handoff', async () => {
      await ui.page.goto(`${ui.sandbox.url}/browse/ITR-4`);
      const section = ui.frame('itr-issue-panel').getByRole('region', { name: 'Hand-off' });
      await section.getByText('Not handed off yet.').waitFor();
      await section.getByRole('button', { name: 'Send to R&D' }).click();
      await section.getByRole('alertdialog', { name: 'Send to R&D' }).getByRole('button', { name: 'Send', exact: true }).click();
      const item = section.getByRole('listitem');
      await item.getByText(/^RND-\d+$/).waitFor();
      const key = (await item.getByText(/^RND-\d+$/).innerText()).trim();
      const created = jira().issue(key);
      expect(created.projectKey).toBe('RND');
      expect(String(created.fields['summary'])).toContain('Invoice PDF shows wrong VAT rate');
      // One Jira link between the two, so each side shows the other.
      const ends = jira().model.links.map((l) => [l.inwardIssueId, l.outwardIssueId].sort().join(' '));
      expect(ends).toEqual([[jira().issue('ITR-4').id, created.id].sort().join(' ')]);
      expect(await item.innerText()).toContain((created.fields['status'] as { name: string }).name);
      expect(ui.pageErrors).toEqual([]);
    });
  });
});
