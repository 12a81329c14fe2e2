/**
 * The ITR issue panel in headless Chromium against a stand-in Forge host (bridgeStub.ts).
 * Screenshots go to .tmp/screenshots/ (gitignored) for a person to look at.
 * Skipped when no Chromium is installed (CHROMIUM_PATH, default /usr/bin/chromium).
 *
 * The panel reads like JSM's SLA panel (issue 16): the clocks first (state lozenge, time left as the
 * headline, the exact deadline on hover), then the one next step, then details, other actions and what
 * is folded (similar cases unless strong, the histories). Each behaviour is checked in English and in
 * Simplified Chinese, in the light and the dark theme; axe-core audits every page (browserApp.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { CHROMIUM_PATH, chromiumAvailable, installBridgeStub, type BridgeStubOptions } from './bridgeStub';
import { builtApp, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import {
  NOW,
  historyOfItr7,
  notReady,
  notStartedSpareParts,
  ok,
  onTrackTechnicalServiceAtL2,
  overdueComplaintAtL3,
  pausedTechnicalServiceAtL2,
  doneTechnicalServiceAtL2,
  breachedComplaintStampedV3,
  awaitingAnswerOfViewer,
  reassignedInJiraReasonPending,
  untriagedResponseWarning,
  untriagedResponsePaused,
  dueSoonTechnicalServiceAtL2,
  resolvedItr42,
  notAssessedItr42,
} from './issueItrState.fixtures';
import type { IssueItrState } from '../../src/contract/issuePanel';

/** The subpage routes a `jira:globalPage` of manifest.yml declares. */
function globalPageRoutes(moduleKey: string): string[] {
  const manifest = parseYaml(readFileSync(path.join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as {
    modules: { 'jira:globalPage': { key: string; pages?: { route: string }[] }[] };
  };
  const page = manifest.modules['jira:globalPage'].find((m) => m.key === moduleKey);
  return (page?.pages ?? []).map((p) => p.route);
}

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn(`issue panel browser tests skipped: no Chromium at ${CHROMIUM_PATH}`);

type Locale = 'en_US' | 'zh_CN';
type Mode = 'light' | 'dark';
/**
 * Every behaviour in both languages and both themes: English light and Chinese dark, and for every other
 * behaviour the other way round (CROSSED), so each language meets each theme without running all four.
 */
const LANGUAGES_AND_THEMES: ReadonlyArray<readonly [Locale, Mode]> = [
  ['en_US', 'light'],
  ['zh_CN', 'dark'],
];
const CROSSED: ReadonlyArray<readonly [Locale, Mode]> = [
  ['en_US', 'dark'],
  ['zh_CN', 'light'],
];
/** Sections the panel loads on its own; answered empty unless a test says otherwise. */
const QUIET = {
  suggestCases: () =>
    ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
  listHandoffs: () => ok([]),
  getLastingFixes: () =>
    ok({
      issueKey: 'ITR-42',
      configured: false,
      projectKey: null,
      canEdit: true,
      followUpOffered: false,
      longTermMeasure: '',
      fixes: [],
    }),
  getDecisions: () =>
    ok({
      issueKey: 'ITR-42',
      ironTriangle: { reasons: [], decision: null, viewerRoles: [] },
      costs: { items: [], viewerMayApprove: false },
      clarification: { items: [], submitter: null, viewerIsSubmitter: false },
    }),
  getAssessment: () => ok(notAssessedItr42),
  getIssueCustomer: () => ok({ facts: null, canEdit: true }),
  getSpareParts: () => ok({ parts: [], canEdit: true }),
};

describeWithBrowser('ITR issue panel in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  async function openPanel(options: BridgeStubOptions, colorScheme: Mode = options.colorMode) {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 160 }, colorScheme });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date(NOW));
    const calls = await installBridgeStub(page, options);
    await page.goto(app.url);
    return { page, calls, errors };
  }

  /** The panel of `state` for a viewer in `locale` and `colorMode` (the other sections quiet). */
  function panelOf(
    state: IssueItrState,
    locale: Locale,
    colorMode: Mode,
    resolvers: BridgeStubOptions['resolvers'] = {},
    timezone = locale === 'zh_CN' ? 'Asia/Shanghai' : 'America/New_York',
  ) {
    return openPanel({
      context: { locale, timezone, issueKey: state.issueKey },
      colorMode,
      resolvers: { getIssueItrState: () => ok(state), ...QUIET, ...resolvers },
    });
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }

  async function text(page: Page): Promise<string> {
    return page.locator('body').innerText();
  }

  /** The tooltip a hover on `trigger` shows (Atlaskit Tooltip, role="tooltip"). */
  async function tooltipOf(page: Page, trigger: Locator): Promise<string> {
    await trigger.hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    const shown = await tip.innerText();
    await page.mouse.move(0, 0);
    // Gone before the page is audited: a tooltip fading out has no contrast to speak of.
    await tip.waitFor({ state: 'detached' });
    return shown;
  }

  /** Computed style properties of the element (runs in the page: the tests compile without DOM types). */
  function styleOf(locator: Locator): Promise<Record<'fontSize' | 'fontWeight' | 'color' | 'backgroundColor', string>> {
    return locator.evaluate((el) => {
      type Style = Record<'fontSize' | 'fontWeight' | 'color' | 'backgroundColor', string>;
      const s = (globalThis as unknown as { getComputedStyle(e: unknown): Style }).getComputedStyle(el);
      return { fontSize: s.fontSize, fontWeight: s.fontWeight, color: s.color, backgroundColor: s.backgroundColor };
    });
  }

  /** Waits (up to 5 s) until `read` answers something defined. */
  async function eventually<T>(read: () => T | undefined): Promise<T> {
    for (let tries = 0; tries < 50; tries++) {
      const value = read();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('never happened');
  }

  /** Top-to-bottom order of the panel's parts, by test id. */
  async function orderOf(page: Page, testIds: string[]): Promise<string[]> {
    const tops = await Promise.all(
      testIds.map(async (id) => [id, (await page.getByTestId(id).first().boundingBox())?.y ?? Infinity] as const),
    );
    return [...tops].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }

  describe('clocks first', () => {
    it.each(LANGUAGES_AND_THEMES)(
      "%s %s: on track, the time left is the headline; the exact deadline in the user's zone on hover",
      async (locale, mode) => {
        const { page, calls, errors } = await panelOf(onTrackTechnicalServiceAtL2, locale, mode);
        const en = locale === 'en_US';
        const line = page.getByTestId('itr-clock-line');
        await line.waitFor();
        expect(await page.getByTestId('itr-clock-line-state').innerText()).toBe(en ? 'On track' : '正常');
        const body = page.getByTestId('itr-clock-line-body');
        // 210 working minutes left, larger and bolder than the panel's text, in its normal colour (not a grey aside).
        const headline = body.getByText(en ? '3 h 30 min left' : '剩余 3 小时 30 分钟', { exact: true });
        await headline.waitFor();
        const style = await styleOf(headline);
        const detail = await styleOf(page.getByTestId('itr-details').getByText('Wang Fang'));
        expect(parseFloat(style.fontSize)).toBeGreaterThan(parseFloat(detail.fontSize));
        expect(Number(style.fontWeight)).toBeGreaterThanOrEqual(600);
        expect(style.color).toBe(detail.color);
        expect(await line.innerText()).toContain(en ? 'Due in 4 hours' : '4小时后到期'); // 09:30Z, now 06:00Z
        // The exact deadline and the warning time only on hover, in the user's zone: 09:30Z is 4:30 AM in
        // New York and 17:30 in Shanghai; 08:00Z is 3:00 AM / 16:00.
        const tip = await tooltipOf(page, line.getByTestId('itr-clock-when'));
        if (en) {
          expect(tip).toMatch(/Due: Nov 24, 2026,? 4:30\s?AM/);
          expect(tip).toMatch(/Warning time: Nov 24, 2026,? 3:00\s?AM/);
        } else {
          expect(tip).toContain('截止时间：2026年11月24日 17:30');
          expect(tip).toContain('预警时间：2026年11月24日 16:00');
        }
        expect(await text(page)).not.toMatch(/UTC|Z\b/);
        // Keyboard users reach the same tooltip by focusing the time.
        await line.getByTestId('itr-clock-when').focus();
        await page.getByRole('tooltip').waitFor();
        await line.getByTestId('itr-clock-when').blur();
        await page.getByRole('tooltip').waitFor({ state: 'detached' });
        expect(await page.getAttribute('html', 'data-color-mode')).toBe(mode);
        // The clocks come before everything else the panel shows.
        expect(await orderOf(page, ['itr-clocks', 'itr-details', 'case-suggestions', 'handoff'])).toEqual([
          'itr-clocks',
          'itr-details',
          'handoff',
          'case-suggestions',
        ]);
        // No history is read on open: the histories are folded.
        expect(
          calls
            .map((c) => (c.payload as { functionKey?: string } | null)?.functionKey)
            .filter(Boolean)
            .sort(),
        ).toEqual([
          'getAssessment',
          'getDecisions',
          'getIssueCustomer',
          'getIssueItrState',
          'getSpareParts',
          'listHandoffs',
          'suggestCases',
        ]);
        expect(errors).toEqual([]);
        await shoot(page, `issue-panel-${locale}-${mode}`);
        await page.close();
      },
    );

    it.each(CROSSED)(
      '%s %s: past the warning time with 49 min left, "Due soon" says it and the time left stays the headline',
      async (locale, mode) => {
        const { page, errors } = await panelOf(dueSoonTechnicalServiceAtL2, locale, mode);
        const en = locale === 'en_US';
        const state = page.getByTestId('itr-clock-line-state');
        await state.waitFor();
        expect(await state.innerText()).toBe(en ? 'Due soon' : '即将到期');
        const card = await page.getByTestId('itr-clock-line').innerText();
        expect(card).toContain(en ? '49 min left' : '剩余 49 分钟');
        // The past warning time is not shown as an alarm of its own (it is in the deadline's tooltip).
        for (const alarm of en ? ['Warning', 'an hour ago', '1 hour ago'] : ['预警', '1小时前'])
          expect(await text(page)).not.toContain(alarm);
        expect(await tooltipOf(page, page.getByTestId('itr-clock-line').getByTestId('itr-clock-when'))).toContain(
          en ? 'Warning time:' : '预警时间：',
        );
        expect(errors).toEqual([]);
        await shoot(page, `issue-panel-${locale}-${mode}-due-soon`);
        await page.close();
      },
    );

    it.each(LANGUAGES_AND_THEMES)(
      '%s %s: an overdue line clock is breached, by how long ago it was due',
      async (locale, mode) => {
        const { page, errors } = await panelOf(overdueComplaintAtL3, locale, mode);
        const en = locale === 'en_US';
        await page.getByTestId('itr-clock-line-state').waitFor();
        expect(await page.getByTestId('itr-clock-line-state').innerText()).toBe(en ? 'Breached' : '已违约');
        const card = await page.getByTestId('itr-clock-line').innerText();
        expect(card).toContain(en ? 'Due 2 hours ago' : '2小时前到期');
        // Due 04:00Z: 11:00 PM the evening before in New York, noon in Shanghai, written out under it.
        expect(card).toMatch(en ? /Due: Nov 23, 2026,? 11:00\s?PM/ : /截止时间：2026年11月24日 12:00/);
        expect(card).toContain(en ? 'L3 · Third line' : '三线 (L3)');
        expect(errors).toEqual([]);
        await page.close();
      },
    );

    it.each(CROSSED)('%s %s: a paused clock: what it resumes with, and since when', async (locale, mode) => {
      const { page, errors } = await panelOf(pausedTechnicalServiceAtL2, locale, mode, {}, 'UTC');
      const en = locale === 'en_US';
      await page.getByTestId('itr-clock-line-state').waitFor();
      expect(await page.getByTestId('itr-clock-line-state').innerText()).toBe(en ? 'Paused' : '已暂停');
      const card = page.getByTestId('itr-clock-line');
      expect(await card.innerText()).toContain(en ? '2 h 30 min left when it resumes' : '恢复后剩余 2 小时 30 分钟');
      expect(await card.innerText()).toContain(
        en ? 'Waiting for the customer (paused 1 hour ago)' : '等待客户（1小时前暂停）',
      );
      expect(await tooltipOf(page, card.getByTestId('itr-clock-when'))).toMatch(
        en ? /Paused: Nov 24, 2026,? 5:00\s?AM/ : /暂停于：2026年11月24日 05:00/,
      );
      expect(errors).toEqual([]);
      await page.close();
    });

    it.each(LANGUAGES_AND_THEMES)(
      '%s %s: the response clock of an untriaged issue: running (due soon), then paused',
      async (locale, mode) => {
        const en = locale === 'en_US';
        const running = await panelOf(untriagedResponseWarning, locale, mode, {}, 'UTC');
        const card = running.page.getByTestId('itr-clock-response');
        await card.waitFor();
        expect(await card.innerText()).toContain(en ? 'Response (acceptance)' : '响应（受理）');
        expect(await running.page.getByTestId('itr-clock-response-state').innerText()).toBe(
          en ? 'Due soon' : '即将到期',
        );
        // No working minutes are known for this clock: its deadline, relative, is the headline.
        expect(await card.innerText()).toContain(en ? 'Due in 30 minutes' : '30分钟后到期');
        expect(await card.getByTestId('itr-clock-when').getAttribute('datetime')).toBe('2026-11-24T06:30:00Z');
        expect(running.errors).toEqual([]);
        await running.page.close();

        const stopped = await panelOf(untriagedResponsePaused, locale, mode, {}, 'UTC');
        await stopped.page.getByTestId('itr-clock-response-state').waitFor();
        expect(await stopped.page.getByTestId('itr-clock-response-state').innerText()).toBe(en ? 'Paused' : '已暂停');
        expect(await stopped.page.getByTestId('itr-clock-response').innerText()).toContain(
          en ? 'Waiting for the customer (paused 1 hour ago)' : '等待客户（1小时前暂停）',
        );
        expect(stopped.errors).toEqual([]);
        await stopped.page.close();
      },
    );

    it.each(CROSSED)(
      '%s %s: a done issue shows each clock met or breached and by how much, never a running state',
      async (locale, mode) => {
        const en = locale === 'en_US';
        const met = await panelOf(doneTechnicalServiceAtL2, locale, mode, {}, 'UTC');
        await met.page.getByTestId('itr-clock-line-state').waitFor();
        expect(await met.page.getByTestId('itr-clock-line-state').innerText()).toBe(en ? 'Met' : '已达成');
        expect(await met.page.getByTestId('itr-clock-line').innerText()).toContain(
          en ? 'Met, 1 h 35 min to spare' : '已达成，余 1 小时 35 分钟',
        );
        expect(await met.page.getByTestId('itr-clock-response').innerText()).toContain(
          en ? 'Met, 20 min to spare' : '已达成，余 20 分钟',
        );
        const body = await text(met.page);
        expect(body).not.toMatch(/On track|Due soon|min left|Due in|正常|即将到期|剩余|后到期/);
        expect(met.errors).toEqual([]);
        await met.page.close();

        const breached = await panelOf(breachedComplaintStampedV3, locale, mode, {}, 'UTC');
        await breached.page.getByTestId('itr-clock-line-state').waitFor();
        expect(await breached.page.getByTestId('itr-clock-line-state').innerText()).toBe(en ? 'Breached' : '已违约');
        expect(await breached.page.getByTestId('itr-clock-line').innerText()).toContain(
          en ? 'Breached by 2 h 5 min' : '已违约，超出 2 小时 5 分钟',
        );
        expect(await breached.page.getByTestId('itr-grade-version-differs').innerText()).toBe(
          en ? 'Stamped with v3; v4 in force until a recompute' : '按分级表 v3 计算；当前生效 v4，重新计算后更新',
        );
        expect(breached.errors).toEqual([]);
        await shoot(breached.page, `issue-panel-${locale}-${mode}-breached`);
        await breached.page.close();
      },
    );

    it("shows the issue's details under the clocks in the user's time zone (en, zh-CN)", async () => {
      const en = await panelOf(onTrackTechnicalServiceAtL2, 'en_US', 'light');
      const details = en.page.getByTestId('itr-details');
      await details.waitFor();
      const shown = await details.innerText();
      expect(shown).toContain('Technical service');
      expect(shown).toContain('Major · grading table v3'); // the grading table's label, not the grade id
      expect(shown).toContain('L2 · Second line');
      expect(shown).toContain('Wang Fang');
      expect(shown).toMatch(/Nov 23, 2026,? 8:30\s?PM/); // line started 01:30Z = 8:30 PM the evening before in New York
      await en.page.close();

      const zh = await panelOf(overdueComplaintAtL3, 'zh_CN', 'dark');
      await zh.page.getByTestId('itr-details').waitFor();
      const zhShown = await zh.page.getByTestId('itr-details').innerText();
      expect(zhShown).toContain('投诉');
      expect(zhShown).toContain('P1 · 分级表 v5');
      expect(await zh.page.getAttribute('html', 'lang')).toBe('zh-CN');
      // The surface comes from the dark theme's token, not the light fallback.
      expect(await zh.page.evaluate('getComputedStyle(document.body).backgroundColor')).not.toBe('rgb(255, 255, 255)');
      await zh.page.close();
    });

    it('shows "not started" for an issue whose line clock has not started', async () => {
      const { page } = await panelOf(notStartedSpareParts, 'en_US', 'light', {}, 'Europe/London');
      await page.getByTestId('itr-clock-line-state').waitFor();
      expect(await page.getByTestId('itr-clock-line-state').innerText()).toBe('Not started');
      expect(await page.getByTestId('itr-clock-line').innerText()).toContain(
        'Starts when the issue is graded and on a support line.',
      );
      // Grade, line, acceptance and line start; the owner reads "with triage".
      expect(await page.getByTestId('itr-details').getByText('Not set').count()).toBe(4);
      expect(await text(page)).toContain('No owner: with triage');
      await shoot(page, 'issue-panel-en-not-started');
      await page.close();
    });
  });

  describe('the one next step', () => {
    it.each(LANGUAGES_AND_THEMES)(
      "%s %s: the owner's next step is Accept, a primary button, right under the clocks; Enter accepts",
      async (locale, mode) => {
        const en = locale === 'en_US';
        const asked: unknown[] = [];
        const accepted: IssueItrState = {
          ...awaitingAnswerOfViewer,
          acceptance: 'accepted',
          canAnswer: false,
          ownerHistory: [
            ...awaitingAnswerOfViewer.ownerHistory,
            {
              id: '13',
              event: 'accepted',
              at: NOW,
              by: { accountId: 'acc-l2-agent', displayName: 'Wang Fang' },
              from: null,
              to: null,
              reason: null,
              reasonPending: false,
            },
          ],
        };
        const { page, errors } = await panelOf(awaitingAnswerOfViewer, locale, mode, {
          acceptFromPanel: (payload) => {
            asked.push(payload);
            return ok(accepted);
          },
        });
        const step = page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await step.waitFor();
        expect(await step.innerText()).toContain(
          en
            ? 'You own this issue: accept it, or decline it with a reason.'
            : '你是此事务的责任人：请受理，或说明原因后拒绝。',
        );
        expect(await orderOf(page, ['itr-clocks', 'itr-next-step', 'itr-details'])).toEqual([
          'itr-clocks',
          'itr-next-step',
          'itr-details',
        ]);
        const accept = step.getByRole('button', { name: en ? 'Accept' : '受理', exact: true });
        const decline = step.getByRole('button', { name: en ? 'Decline' : '拒绝', exact: true });
        // Primary: the brand's bold background; the other answer is a default (secondary) button.
        const background = async (b: Locator) => (await styleOf(b)).backgroundColor;
        expect(await background(accept)).not.toBe(await background(decline));
        expect(await background(accept)).not.toBe('rgba(0, 0, 0, 0)');
        await shoot(page, `issue-panel-${locale}-${mode}-accept`);
        await accept.focus();
        await page.keyboard.press('Enter');
        await step.waitFor({ state: 'detached' });
        expect(asked).toEqual([{ issueKey: 'ITR-42' }]);
        // The owner history is folded: its entry is there once unfolded.
        const history = page.getByRole('region', { name: en ? 'Owner history' : '责任人记录' });
        await history.getByRole('button').click();
        await history.getByText(en ? 'Wang Fang accepted' : 'Wang Fang 已受理').waitFor();
        expect(await text(page)).not.toMatch(/acc-[a-z0-9-]+/);
        expect(errors).toEqual([]);
        await page.close();
      },
    );

    it('declining asks for a reason in Chinese, sends it, and shows a refusal translated', async () => {
      const sent: unknown[] = [];
      const { page, errors } = await panelOf(awaitingAnswerOfViewer, 'zh_CN', 'dark', {
        declineFromPanel: (payload) => {
          sent.push(payload);
          return { success: false, errors: [{ code: 'DECLINE_ALREADY_ACCEPTED', message: 'already accepted' }] };
        },
      });
      await page.getByRole('button', { name: '拒绝', exact: true }).click();
      const reason = page.getByLabel('拒绝原因（问题将退回分诊）');
      await reason.waitFor();
      expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA'); // focus moves to the reason
      await page.keyboard.type('不是我的产品');
      await page.getByRole('button', { name: '拒绝并退回分诊' }).click();
      await page.getByRole('alert').getByText('此问题已受理，不能再拒绝。').waitFor();
      expect(sent).toEqual([{ issueKey: 'ITR-42', reason: '不是我的产品' }]);
      expect(errors).toEqual([]);
      await shoot(page, 'issue-panel-zh-CN-dark-decline');
      await page.close();
    });

    it('asks the person who reassigned in Jira for the reason, by name, and saves it', async () => {
      const sent: unknown[] = [];
      const { page, errors } = await panelOf(reassignedInJiraReasonPending, 'en_US', 'light', {
        saveForwardReason: (payload) => {
          sent.push(payload);
          const done = reassignedInJiraReasonPending.ownerHistory.map((e) =>
            e.id === '21' ? { ...e, reason: 'Wang Fang owns routing', reasonPending: false } : e,
          );
          return ok({ ...reassignedInJiraReasonPending, pendingForward: null, ownerHistory: done });
        },
      });
      const step = page.getByRole('region', { name: 'Next step' });
      await step.getByText('Li Lei reassigned this issue to Wang Fang in Jira. Why?').waitFor();
      const history = page.getByRole('region', { name: 'Owner history' });
      await history.getByRole('button', { name: 'Owner history' }).click();
      expect(await history.innerText()).toContain('Li Lei reassigned to Wang Fang in Jira: reason pending');
      // A deleted account reads as such, never as its id.
      expect(await history.innerText()).toContain('Unknown user declined: Not my product');
      await page.getByLabel('Reason for the reassignment').fill('Wang Fang owns routing');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await history.getByText('Li Lei reassigned to Wang Fang in Jira: Wang Fang owns routing').waitFor();
      expect(sent).toEqual([{ issueKey: 'ITR-42', entryId: '21', reason: 'Wang Fang owns routing' }]);
      expect(await page.getByLabel('Reason for the reassignment').count()).toBe(0);
      expect(await text(page)).not.toMatch(/acc-[a-z0-9-]+/);
      expect(errors).toEqual([]);
      await page.close();
    });

    it.each(CROSSED)(
      "%s %s: a problem's missing root cause is the next step, near the top; its button opens the form there",
      async (locale, mode) => {
        const en = locale === 'en_US';
        const { page, calls, errors } = await panelOf(overdueComplaintAtL3, locale, mode, {
          getRootCause: () =>
            ok({
              issueKey: 'ITR-7',
              classification: 'problem',
              draft: null,
              complete: false,
              issues: [],
              flags: [],
              overridden: false,
              savedBy: null,
              savedAt: null,
              versions: 0,
              canEdit: true,
            }),
        });
        const step = page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await step.waitFor();
        expect(await step.innerText()).toContain(en ? 'Root cause needed before resolving' : '解决前需填写根因');
        expect(await step.innerText()).toContain(
          en
            ? 'This problem cannot be resolved until its root cause and measures are complete.'
            : '此问题的根因与措施完整之前，事务不能解决。',
        );
        expect(await orderOf(page, ['itr-clocks', 'itr-next-step', 'itr-details', 'case-suggestions'])).toEqual([
          'itr-clocks',
          'itr-next-step',
          'itr-details',
          'case-suggestions',
        ]);
        // Not read until asked for: opening the panel costs no root-cause call.
        expect(calls.some((c) => (c.payload as { functionKey?: string } | null)?.functionKey === 'getRootCause')).toBe(
          false,
        );
        await shoot(page, `issue-panel-${locale}-${mode}-root-cause-step`);
        await step.getByRole('button', { name: en ? 'Fill in the root cause' : '填写根因' }).click();
        const form = page.getByTestId('root-cause-form');
        await form.locator('[data-path="whys.0"]').waitFor();
        // The form opens right under the step, above the details, with the focus in its first field.
        expect(await orderOf(page, ['itr-next-step', 'root-cause-form', 'itr-details'])).toEqual([
          'itr-next-step',
          'root-cause-form',
          'itr-details',
        ]);
        expect(await page.evaluate("document.activeElement.getAttribute('data-path')")).toBe('whys.0');
        expect(errors).toEqual([]);
        await page.close();
      },
    );

    it.each(LANGUAGES_AND_THEMES)(
      '%s %s: resolved with the return visit pending: a supervisor records it; the submitter and others are told who acts',
      async (locale, mode) => {
        const en = locale === 'en_US';
        const supervisor = await panelOf(
          resolvedItr42({ visitPending: true, viewerRecordsVisits: true }),
          locale,
          mode,
        );
        const step = supervisor.page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await step.waitFor();
        expect(await step.innerText()).toContain(en ? 'Return visit pending' : '回访待记录');
        await step.getByRole('button', { name: en ? 'Record the return visit' : '记录回访' }).click();
        // Forge's router opens the global page's Return visits subpage, as the manifest declares it.
        expect(await eventually(() => supervisor.calls.find((c) => c.name === 'navigate')?.payload)).toMatchObject({
          target: 'module',
          moduleKey: 'itr-home',
          path: '/return-visits',
        });
        expect(globalPageRoutes('itr-home')).toContain('return-visits');
        expect(supervisor.errors).toEqual([]);
        await shoot(supervisor.page, `issue-panel-${locale}-${mode}-record-visit`);
        await supervisor.page.close();

        // The submitter: closing waits for the visit (the reason, not "ask the submitter").
        const submitter = await panelOf(
          resolvedItr42({ visitPending: true, closeRefusal: 'visitPending' }),
          locale,
          mode,
        );
        const waiting = submitter.page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await waiting.waitFor();
        const told = await waiting.innerText();
        expect(told).toContain(
          en
            ? 'You can close this issue once a supervisor has recorded its return visit.'
            : '监督角色记录回访后，你即可关闭此事务。',
        );
        expect(told).not.toMatch(en ? /ask the submitter/i : /联系提单人/);
        expect(await waiting.getByRole('button').count()).toBe(0);
        await submitter.page.close();

        // Anyone else: who will close, by name.
        const other = await panelOf(resolvedItr42({ visitPending: true, closeRefusal: 'notSubmitter' }), locale, mode);
        const otherStep = other.page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await otherStep.waitFor();
        expect(await otherStep.innerText()).toContain(
          en
            ? 'Once the return visit is recorded, the submitter, Anna Schmidt, can close the issue.'
            : '回访记录后，提单人 Anna Schmidt 即可关闭此事务。',
        );
        await other.page.close();
      },
    );

    it.each(CROSSED)(
      '%s %s: the submitter closes from the panel; anyone else is told only the submitter, by name, may close',
      async (locale, mode) => {
        const en = locale === 'en_US';
        const closed: unknown[] = [];
        const ready = resolvedItr42({ closeRefusal: null });
        const submitter = await panelOf(ready, locale, mode, {
          closeFromPanel: (payload) => {
            closed.push(payload);
            return ok({ ...ready, closure: { ...ready.closure, stage: 'closed' } });
          },
        });
        const step = submitter.page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await step.waitFor();
        expect(await step.innerText()).toContain(en ? 'Ready to close' : '可以关闭');
        await shoot(submitter.page, `issue-panel-${locale}-${mode}-close`);
        await step.getByRole('button', { name: en ? 'Close the issue' : '关闭事务' }).click();
        await submitter.page.getByText(en ? 'Closed: nothing is left to do.' : '已关闭：无需其他操作。').waitFor();
        expect(closed).toEqual([{ issueKey: 'ITR-42' }]);
        expect(submitter.errors).toEqual([]);
        await submitter.page.close();

        const other = await panelOf(resolvedItr42({ closeRefusal: 'notSubmitter' }), locale, mode);
        const otherStep = other.page.getByRole('region', { name: en ? 'Next step' : '下一步' });
        await otherStep.waitFor();
        expect(await otherStep.innerText()).toContain(
          en ? 'Only the submitter, Anna Schmidt, may close this issue.' : '只有提单人 Anna Schmidt 可以关闭此事务。',
        );
        expect(await otherStep.getByRole('button').count()).toBe(0);
        await shoot(other.page, `issue-panel-${locale}-${mode}-only-submitter`);
        await other.page.close();
      },
    );

    it.each([
      ['en_US', 'light', 'The return visit is not recorded yet, so the issue cannot be closed.'],
      ['zh_CN', 'dark', '回访尚未记录，事务暂不能关闭。'],
    ] as const)('%s %s: a close Jira refuses meanwhile says why, translated', async (locale, mode, why) => {
      const { page, errors } = await panelOf(resolvedItr42({ closeRefusal: null }), locale, mode, {
        closeFromPanel: () => ({ success: false, errors: [{ code: 'CLOSE_VISIT_OPEN', message: 'visit open' }] }),
      });
      await page.getByTestId('next-close').click();
      await page.getByRole('alert').getByText(why).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    });

    it('hand-off is a secondary action: "Send to R&D" asks first, then shows the new linked item', async () => {
      const sent: unknown[] = [];
      const { page, errors } = await panelOf(onTrackTechnicalServiceAtL2, 'en_US', 'light', {
        sendHandoff: (payload) => {
          sent.push(payload);
          return ok({ key: 'IPD-7', target: 'rnd', summary: '[ITR-42] Router reboots', status: 'Open' });
        },
      });
      const section = page.getByRole('region', { name: 'Hand-off' });
      await section.getByText('Not handed off yet.').waitFor();
      expect(await page.getByRole('region', { name: 'Other actions' }).count()).toBe(1);
      await section.getByRole('button', { name: 'Send to R&D' }).click();
      const confirm = section.getByRole('alertdialog', { name: 'Send to R&D' });
      await confirm
        .getByText('Only the summary, product, grade and classification are copied.', { exact: false })
        .waitFor();
      expect(sent).toEqual([]);
      await confirm.getByRole('button', { name: 'Send', exact: true }).click();
      const item = section.getByRole('listitem');
      await item.getByText('IPD-7').waitFor();
      expect(await item.innerText()).toMatch(/R&D\s+IPD-7\s+Open/);
      expect(sent).toEqual([{ issueKey: 'ITR-42', target: 'rnd' }]);
      await section.getByText('Sent as IPD-7.').waitFor();
      expect(errors).toEqual([]);
      await shoot(page, 'issue-panel-en-handoff');
      await page.close();
    });
  });

  describe('history, folded', () => {
    it.each(LANGUAGES_AND_THEMES)(
      '%s %s: the line history is folded and read on first unfold: who held each line, when, time used, outcome',
      async (locale, mode) => {
        const en = locale === 'en_US';
        const { page, calls, errors } = await panelOf(overdueComplaintAtL3, locale, mode, {
          getLineHistory: () => ok(historyOfItr7),
        });
        const timeline = page.getByRole('region', { name: en ? 'Line history' : '处理线记录' });
        const show = timeline.getByRole('button', { name: en ? 'Show line history' : '显示处理线记录' });
        await show.waitFor();
        expect(await show.getAttribute('aria-expanded')).toBe('false');
        expect(
          calls.some((c) => (c.payload as { functionKey?: string } | null)?.functionKey === 'getLineHistory'),
        ).toBe(false);
        // Keyboard: the disclosure button takes focus and Enter unfolds it.
        await show.focus();
        await page.keyboard.press('Enter');
        await timeline.getByText(en ? 'Current line' : '当前处理线').waitFor();
        const items = timeline.getByRole('listitem');
        expect(await items.count()).toBe(3);
        const [l1, l2, l3] = [
          await items.nth(0).innerText(),
          await items.nth(1).innerText(),
          await items.nth(2).innerText(),
        ];
        // People by name; an account Jira no longer knows reads as such; no id anywhere.
        expect(l1).toContain('Li Lei');
        expect(l2).toContain('Wang Fang');
        expect(l3).toContain(en ? 'Unknown user' : '未知用户');
        await expectPageShowsNoAccountIds(page, ['acc-l1', 'acc-l2', 'acc-l3', 'acc-triage']);
        expect(l1).toContain(en ? '45 min' : '45 分钟');
        expect(l2).toContain(en ? '3 h 15 min' : '3 小时 15 分钟');
        if (en) expect(l1).toMatch(/Nov 23, 2026,? 1:00\s?PM – Nov 23, 2026,? 1:45\s?PM/); // 18:00Z in New York
        await shoot(page, `issue-panel-${locale}-${mode}-line-history`);
        const hide = timeline.getByRole('button', { name: en ? 'Hide line history' : '隐藏处理线记录' });
        expect(await hide.getAttribute('aria-expanded')).toBe('true');
        await page.keyboard.press('Enter');
        await show.waitFor();
        expect(await timeline.getByRole('listitem').count()).toBe(0);
        expect(errors).toEqual([]);
        await page.close();
      },
    );

    it('the owner and classification histories are folded under "History" too (en, zh-CN)', async () => {
      for (const [locale, mode, title, owner, classification] of [
        ['en_US', 'light', 'History', 'Owner history', 'Classification history'],
        ['zh_CN', 'dark', '历史', '责任人记录', '分类历史'],
      ] as const) {
        const { page, calls } = await panelOf(reassignedInJiraReasonPending, locale, mode);
        const history = page.getByRole('region', { name: title, exact: true });
        await history.waitFor();
        for (const name of [owner, classification]) {
          const fold = history.getByRole('region', { name });
          expect(await fold.getByRole('button').first().getAttribute('aria-expanded')).toBe('false');
          expect(await fold.getByRole('listitem').count()).toBe(0);
        }
        expect(
          calls.some((c) => (c.payload as { functionKey?: string } | null)?.functionKey === 'getClassificationHistory'),
        ).toBe(false);
        await page.close();
      }
    });
  });

  it('shows a translated error, and Tab + Enter on "Try again" loads the panel', async () => {
    let answers = 0;
    const { page } = await openPanel({
      context: { locale: 'en_US', timezone: 'UTC', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => (++answers === 1 ? notReady : ok(onTrackTechnicalServiceAtL2)),
        ...QUIET,
      },
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('ITR details are not available for this issue yet.');
    expect(await alert.innerText()).toContain('Error code: NOT_READY');
    await shoot(page, 'issue-panel-en-error');

    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Try again');
    // The focus ring is visible for keyboard users.
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('Enter');
    await page.getByTestId('itr-clock-line-state').getByText('On track').waitFor();
    // Focus moves to the new state's button instead of falling back to the top of the page.
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Refresh');
    expect(answers).toBe(2);
    await page.close();
  });

  it('shows the loading state while the resolver answers', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { page } = await openPanel({
      context: { locale: 'zh_CN', timezone: 'Asia/Shanghai', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: async () => {
          await answered;
          return ok(onTrackTechnicalServiceAtL2);
        },
        ...QUIET,
      },
    });
    await page.getByRole('status').getByText('正在加载 ITR 信息…').waitFor();
    expect(await page.getAttribute('section', 'aria-busy')).toBe('true');
    await shoot(page, 'issue-panel-zh-CN-loading');
    release();
    await page.getByTestId('itr-clock-line-state').getByText('正常').waitFor();
    expect(await text(page)).toContain('严重 · 分级表 v3'); // the grade's Chinese label
    await page.close();
  });

  it("explains, in the browser's language, that the page only works inside Jira when there is no bridge", async () => {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 240 }, locale: 'en-US' });
    await page.goto(app.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('This page only works inside Jira');
    await page.close();
  });
});
