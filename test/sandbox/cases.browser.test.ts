/**
 * The case library in the sandbox, in headless Chromium (issue 7, "done when"): Tom opens ITR-7
 * ("报表导出 Excel 时中文乱码"), the panel suggests the English and the Chinese demo case about garbled
 * Excel exports, he marks the English one as helpful, completes the root cause, resolves the issue and
 * turns it into a case; the case library subpage finds the new case. The real app behind the sandbox host.
 */
import { DEMO_USERS } from '../../sandbox/demoSite';
import { chromiumAvailable } from '../static/bridgeStub';
import { fillRootCause, useSandboxInBrowser } from './sandboxBrowser';

const TOM = DEMO_USERS.find((u) => u.displayName === 'Tom Baker')?.accountId ?? '';
const ISSUE = 'ITR-7';
const EN_CASE = 'Excel export shows garbled Chinese column names';
const ZH_CASE = '报表导出 Excel 中文乱码';
const ROOT_CAUSE = 'The monthly report export writes UTF-8 without a byte order mark';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('case library in the sandbox', () => {
  const ui = useSandboxInBrowser({
    name: 'cases',
    apps: ['issue-panel', 'itr-home'],
    viewport: { width: 1280, height: 1600 },
  });
  const panel = () => ui.frame('itr-issue-panel');
  const caseRow = (title: string) =>
    ui.sandbox.harness.sql.raw<Array<{ id: number; helpful_count: number; root_cause: string }>>(
      'SELECT id, helpful_count, root_cause FROM itr_case WHERE title = ?',
      [title],
    );

  it('suggests an English and a Chinese case, takes "this case helped", and turns the resolved issue into a case', async () => {
    await ui.actAs(TOM);
    const section = panel().getByTestId('case-suggestions');

    await ui.step('suggest', async () => {
      await ui.page.goto(`${ui.sandbox.url}/browse/${ISSUE}`);
      // Strong suggestions open by themselves, weak ones stay folded under their count (cases/strength.ts).
      await section.getByTestId('case-count').waitFor();
      const show = section.getByRole('button', { name: /^Show similar cases \(\d+\)$/ });
      if ((await show.count()) > 0) await show.click();
      await section.getByTestId('case-hit').nth(1).waitFor();
      const titles = await section.getByTestId('case-hit').allInnerTexts();
      const en = titles.findIndex((t) => t.includes(EN_CASE));
      const zh = titles.findIndex((t) => t.includes(ZH_CASE));
      expect(en).toBeGreaterThanOrEqual(0);
      expect(zh).toBeGreaterThanOrEqual(0);
      // Why it matched: the query's words are highlighted in the hit.
      expect((await section.getByTestId('case-hit').nth(zh).locator('mark').allInnerTexts()).length).toBeGreaterThan(0);
      // No case about another product comes first.
      expect(Math.min(en, zh)).toBe(0);
    });

    await ui.step('helped', async () => {
      const hit = section.getByTestId('case-hit').filter({ hasText: EN_CASE });
      await hit.getByRole('button', { name: 'This case helped' }).click();
      await section.getByTestId('case-notice').getByText('Marked as helpful.').waitFor();
      expect((await caseRow(EN_CASE))[0]?.helpful_count).toBe(1);
    });

    await ui.step('resolve', async () => {
      await fillRootCause(panel(), {
        whys: ['Excel shows the column names garbled', 'Excel reads the file as GBK'],
        rootCause: ROOT_CAUSE,
        shortTerm: 'Import the file as UTF-8 through Data → From Text',
        longTerm: 'Exports write a UTF-8 BOM; an export test with Chinese headers',
        technicalZero: 'BOM added to the export and verified',
        managementZero: 'Release checklist has the export test',
      });
      await panel().getByText('Complete: the issue may be resolved.').waitFor();
      await ui.transition('Resolve');
    });

    await ui.step('add-case', async () => {
      const prompt = section.getByTestId('case-resolved-prompt');
      await prompt.getByRole('button', { name: `Improve “${EN_CASE}”` }).waitFor();
      await prompt.getByRole('button', { name: 'Add a new case' }).click();
      await section
        .getByTestId('case-notice')
        .getByText(/Draft case \d+ created from this issue\./)
        .waitFor();
      const created = await ui.sandbox.harness.sql.raw<Array<{ root_cause: string; status: string }>>(
        "SELECT c.root_cause, c.status FROM itr_case c JOIN case_issue_link l ON l.case_id = c.id WHERE l.issue_key = ? AND l.relation = 'source'",
        [ISSUE],
      );
      expect(created).toEqual([{ root_cause: ROOT_CAUSE, status: 'draft' }]);
    });

    await ui.step('library', async () => {
      await ui.page.goto(`${ui.sandbox.url}/apps/itr-home`);
      const home = ui.frame('itr-home');
      // Jira's sidebar of the ITR page: its "Case library" subpage.
      await ui.page.getByTestId('subpages').getByRole('link', { name: 'Case library' }).click();
      const box = home.getByRole('searchbox').first();
      await box.fill('乱码');
      await box.press('Enter');
      await home.getByText(ZH_CASE).first().waitFor();
      expect(ui.pageErrors).toEqual([]);
      await ui.shoot('sandbox-cases-library');
    });
  });
});
