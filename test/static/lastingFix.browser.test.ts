/**
 * The issue panel's lasting-fix section (issue 17) in headless Chromium: the stand-in Forge host
 * answers `getIssueItrState` from a fixture (an open problem) and routes `getLastingFixes`,
 * `createLastingFix` and `searchPeople` to the real exported `issuePanelResolver` on the harness (Jira
 * double, KVS, MariaDB). English in light, Simplified Chinese in dark:
 *  - creating with nothing filled is refused before any call;
 *  - a past due date is refused by the app with its translated message, the draft kept;
 *  - then the linked issue is created as the viewer and listed with its state, assignee name and due day.
 * Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import { issuePanelResolver } from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { runMigrations } from '../../src/adapters/sql';
import {
  ANALYTICS_SETTINGS_KEY,
  analyticsSettingsCodec,
  DEFAULT_ANALYTICS_SETTINGS,
} from '../../src/app/analytics/settings';
import { harness } from '../../platform-doubles';
import { MESSAGES } from '../../static/shared/i18n';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { ok, onTrackTechnicalServiceAtL2, openProblemWithoutRootCause } from './issueItrState.fixtures';
import { pick } from './peoplePicker';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ENGINEER = 'acc-engineer';
const QUALITY = 'acc-quality';
const { jira, sql } = harness();
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM lasting_fix');
  await sql.raw('DELETE FROM root_cause_version');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: QUALITY, displayName: 'Chen Jing' });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER] });
  jira.seedProject({ key: 'QI', browsers: [ENGINEER, QUALITY] });
  const ids = defineClosureFields(jira);
  jira.seedIssue({ key: 'ITR-42', summary: 'Router reboots', fields: { [ids.classification]: 'problem' } });
  await new ConfigStore().set(
    ANALYTICS_SETTINGS_KEY,
    { ...DEFAULT_ANALYTICS_SETTINGS, lastingFix: { projectKey: 'QI', issueType: 'Task' } },
    analyticsSettingsCodec,
  );
});

describeWithBrowser('lasting fixes on the issue panel in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  it.each([
    ['en_US', 'light', 'en'],
    ['zh_CN', 'dark', 'zh-CN'],
  ] as const)(
    '%s %s: refused when incomplete or due in the past, then created as the viewer and listed with its state',
    async (locale, mode, lang) => {
      const m = MESSAGES[lang];
      const page = await app.browser.newPage({ viewport: { width: 560, height: 1400 }, colorScheme: mode });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const real = realResolvers(issuePanelResolver, ['getLastingFixes', 'createLastingFix', 'searchPeople'], {
        accountId: ENGINEER,
        context: { extension: { issue: { key: 'ITR-42' } } },
      });
      const calls = await installBridgeStub(page, {
        context: { locale, timezone: 'Asia/Shanghai', issueKey: 'ITR-42', accountId: ENGINEER },
        colorMode: mode,
        resolvers: {
          getIssueItrState: () =>
            ok({
              ...onTrackTechnicalServiceAtL2,
              closure: { ...openProblemWithoutRootCause, rootCauseComplete: true },
            }),
          suggestCases: () =>
            ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
          listHandoffs: () => ok([]),
          ...real,
        },
      });
      const creates = () =>
        calls.filter((c) => (c.payload as { functionKey?: string } | null)?.functionKey === 'createLastingFix').length;
      await page.goto(app.url);
      const section = page.getByTestId('lasting-fixes');
      await section.getByText(m['lastingFix.none']).waitFor();
      expect(await section.getByRole('heading').innerText()).toBe(m['lastingFix.title']);

      await page.getByTestId('lasting-fix-open-longTerm').click();
      const form = page.getByTestId('lasting-fix-form');
      await form.waitFor();
      // Nothing filled: refused here, no call.
      await page.getByTestId('lasting-fix-create').click();
      expect(await page.getByTestId('lasting-fix-missing').innerText()).toBe(m['lastingFix.required']);
      expect(creates()).toBe(0);

      await form.locator('[data-path="summary"]').fill('Add a watchdog regression test to the build');
      await pick(page, form.locator('input[data-path="assignee"]'), 'Chen', 'Chen Jing');
      await form.locator('[data-path="dueDate"]').fill(day(-3));
      await page.getByTestId('lasting-fix-create').click();
      const error = page.getByTestId('lasting-fix-error');
      await error.waitFor();
      const refusal = await error.innerText();
      expect(refusal).toContain(day(-3));
      expect(refusal).toContain(lang === 'en' ? 'already passed' : '已过');
      if (lang === 'en') expect(refusal).not.toMatch(CJK);
      // The draft is kept as typed.
      expect(await form.locator('[data-path="summary"]').inputValue()).toBe(
        'Add a watchdog regression test to the build',
      );

      await form.locator('[data-path="dueDate"]').fill(day(10));
      await page.getByTestId('lasting-fix-create').click();
      const item = page.getByTestId('lasting-fix-longTerm');
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain(m['lastingFix.kind.longTerm']);
      expect(text).toMatch(/QI-\d+/);
      expect(text).toContain('Chen Jing');
      expect(text).not.toContain(QUALITY); // a name, never an account id
      expect(text).not.toContain(day(10)); // the due day in the reader's format, not ISO
      // The lozenge's text (it is drawn in capitals by CSS).
      expect(await page.getByTestId('lasting-fix-longTerm-state').textContent()).toBe(m['lastingFix.state.open']);
      if (lang === 'en') expect(text).not.toMatch(CJK);
      expect(await page.getByTestId('lasting-fix-open-longTerm').count()).toBe(0);
      // Created as the viewer, assigned and due as chosen, linked to the problem.
      const [fix] = [...jira.model.issues.values()].filter((i) => i.key.startsWith('QI-'));
      expect(fix?.fields['reporter']).toEqual({ accountId: ENGINEER });
      expect(fix?.fields['assignee']).toEqual({ accountId: QUALITY });
      expect(fix?.fields['duedate']).toBe(day(10));
      await page.screenshot({
        path: path.join(screenshots, `issue-panel-${locale}-${mode}-lasting-fix.png`),
        fullPage: true,
      });
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );
});
