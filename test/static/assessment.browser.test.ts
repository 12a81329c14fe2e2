/**
 * A requirement's value assessment in the issue panel (issue 17), in headless Chromium against the
 * stand-in Forge host (bridgeStub.ts): the form, the server's refusal shown under each field in the
 * viewer's language with what was typed kept, then the saved assessment by name and local time.
 * English in the light theme, Chinese in the dark one; axe-core audits every page (browserApp.ts).
 */
import path from 'node:path';
import { CHROMIUM_PATH, chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { NOW, notAssessedItr42, ok, onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';
import type { RequirementAssessmentState } from '../../src/contract/requirement';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn(`assessment browser tests skipped: no Chromium at ${CHROMIUM_PATH}`);

const PM = { accountId: 'acc-pm-5b1', displayName: 'Chen Jing' };

describeWithBrowser('value assessment in the issue panel', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  it.each([
    [
      'en_US',
      'light',
      {
        region: 'Value assessment',
        start: 'Assess',
        expectedValue: 'Expected value',
        cost: 'Cost',
        decision: 'Decision',
        reason: 'Reason',
        decline: 'Decline',
        handToRnd: 'Hand to R&D',
        save: 'Save the assessment',
        costError: 'Enter this value (at most 1000 characters).',
        reasonError: 'A decision needs its reason.',
        saved: 'Assessment saved.',
        by: 'By Chen Jing, ',
        earlier: '1 earlier assessment',
        hint: 'use “Send to R&D” or “Send to sales” below',
      },
    ],
    [
      'zh_CN',
      'dark',
      {
        region: '价值评估',
        start: '评估',
        expectedValue: '预期价值',
        cost: '成本',
        decision: '决定',
        reason: '理由',
        decline: '拒绝',
        handToRnd: '移交研发',
        save: '保存评估',
        costError: '请填写此项（最多 1000 个字符）。',
        reasonError: '做出决定需要填写理由。',
        saved: '评估已保存。',
        by: 'Chen Jing，',
        earlier: '1 次以往评估',
        hint: '请使用下方的“转研发”或“转销售”',
      },
    ],
  ] as const)(
    '%s %s: refused input stays with its errors under the fields; the saved assessment shows who and when',
    async (locale, mode, w) => {
      const saves: unknown[] = [];
      const decided: RequirementAssessmentState = {
        ...notAssessedItr42,
        current: {
          id: 2,
          expectedValue: 'Three hospitals renew',
          cost: '25 engineer-days',
          decision: 'handToRnd',
          reason: 'Fits the imaging roadmap',
          assessedBy: PM,
          assessedAt: '2026-11-24T05:30:00Z',
        },
        history: [
          {
            id: 1,
            expectedValue: 'Three hospitals renew',
            cost: 'unknown',
            decision: 'pending',
            reason: '',
            assessedBy: PM,
            assessedAt: '2026-11-23T05:30:00Z',
          },
        ],
      };
      const page = await app.browser.newPage({ viewport: { width: 560, height: 200 }, colorScheme: mode });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.clock.setFixedTime(new Date(NOW));
      await installBridgeStub(page, {
        context: { locale, timezone: locale === 'zh_CN' ? 'Asia/Shanghai' : 'America/New_York', issueKey: 'ITR-42' },
        colorMode: mode,
        resolvers: {
          getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
          suggestCases: () =>
            ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
          listHandoffs: () => ok([]),
          getAssessment: () => ok(notAssessedItr42),
          saveAssessment: (payload) => {
            saves.push(payload);
            return saves.length === 1
              ? {
                  success: false,
                  errors: [
                    {
                      code: 'ASSESSMENT_FIELD_REQUIRED',
                      message: 'cost',
                      path: 'cost',
                      params: { field: 'cost', max: 1000 },
                    },
                    { code: 'ASSESSMENT_REASON_REQUIRED', message: 'reason', path: 'reason', params: { max: 1000 } },
                  ],
                }
              : ok(decided);
          },
        },
      });
      await page.goto(app.url);
      const section = page.getByRole('region', { name: w.region });
      await section.getByRole('button', { name: w.start, exact: true }).click();
      await section.getByLabel(w.expectedValue).fill('Three hospitals renew');
      await section.getByLabel(w.decision).selectOption({ label: w.decline });
      await section.getByRole('button', { name: w.save }).click();

      // Refused: each message under its field, in the viewer's language; nothing typed is lost.
      await section.getByTestId('assessment-error-cost').getByText(w.costError).waitFor();
      expect(await section.getByTestId('assessment-error-reason').innerText()).toBe(w.reasonError);
      expect(await section.getByLabel(w.cost).getAttribute('aria-invalid')).toBe('true');
      expect(await section.getByLabel(w.expectedValue).inputValue()).toBe('Three hospitals renew');
      expect(saves).toEqual([
        {
          issueKey: 'ITR-42',
          assessment: { expectedValue: 'Three hospitals renew', cost: '', decision: 'decline', reason: '' },
        },
      ]);
      await page.screenshot({
        path: path.join(screenshots, `issue-panel-assessment-${locale}-${mode}-refused.png`),
        fullPage: true,
      });

      await section.getByLabel(w.cost).fill('25 engineer-days');
      await section.getByLabel(w.decision).selectOption({ label: w.handToRnd });
      await section.getByLabel(w.reason).fill('Fits the imaging roadmap');
      await section.getByRole('button', { name: w.save }).click();
      await section.getByRole('status').getByText(w.saved).waitFor();
      const shown = await section.innerText();
      expect(shown).toContain(w.handToRnd);
      expect(shown).toContain('25 engineer-days');
      expect(shown).toContain(w.by);
      expect(shown).toContain(w.earlier);
      expect(shown).toContain(w.hint);
      // Local time of the viewer (05:30Z is 13:30 in Shanghai, 00:30 in New York); never UTC text or an id.
      expect(shown).toContain(locale === 'zh_CN' ? '13:30' : '12:30');
      expect(shown).not.toContain('05:30');
      await expectPageShowsNoAccountIds(page, [PM.accountId]);
      expect(await page.getAttribute('html', 'data-color-mode')).toBe(mode);
      expect(errors).toEqual([]);
      await page.screenshot({
        path: path.join(screenshots, `issue-panel-assessment-${locale}-${mode}.png`),
        fullPage: true,
      });
      await page.close();
    },
  );
});
