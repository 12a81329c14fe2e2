/**
 * The ITR issue panel in headless Chromium against a stand-in Forge host (bridgeStub.ts).
 * Screenshots go to .tmp/screenshots/ (gitignored) for a person to look at.
 * Skipped when no Chromium is installed (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, installBridgeStub, type BridgeStubOptions } from './bridgeStub';
import { builtApp, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import {
  NOW,
  historyOfItr42TimedOutToL2,
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
} from './issueItrState.fixtures';
import type { IssueItrState } from '../../src/contract/issuePanel';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn(`issue panel browser tests skipped: no Chromium at ${CHROMIUM_PATH}`);

describeWithBrowser('ITR issue panel in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  async function openPanel(options: BridgeStubOptions, colorScheme: 'light' | 'dark' = options.colorMode) {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 160 }, colorScheme });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date(NOW));
    const calls = await installBridgeStub(page, options);
    await page.goto(app.url);
    return { page, calls, errors };
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }

  async function text(page: Page): Promise<string> {
    return page.locator('body').innerText();
  }

  it("shows an on-track issue in English, light theme, in the user's time zone", async () => {
    const { page, calls, errors } = await openPanel({
      context: { locale: 'en_US', timezone: 'America/New_York', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
      },
    });
    await page.getByText('On track').waitFor();
    await page.getByText('Current line').waitFor();
    const body = await text(page);
    expect(body).toContain('Technical service');
    // The grading table's label in the user's language, not the grade id.
    expect(body).toContain('Major · grading table v3');
    expect(body).toContain('L2 · Second line');
    // 01:30Z is 20:30 the evening before in New York (EST, UTC−5).
    expect(body).toMatch(/Nov 23, 2026,? 8:30\s?PM/);
    expect(body).toMatch(/Nov 24, 2026,? 4:30\s?AM/); // due 09:30Z
    expect(body).toContain('(in 2 hours)'); // warning at 08:00Z, now 06:00Z
    expect(body).toContain('(in 4 hours)'); // due 09:30Z: 3.5 h rounds to 4
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('light');
    expect(await page.getByRole('region', { name: 'ITR details for ITR-42' }).count()).toBe(1);
    // Then the case suggestions (static/issue-panel/src/cases) ask for this issue's cases.
    // …and the hand-off section (static/issue-panel/src/handoff) lists what was handed off.
    expect(calls.map((c) => c.name)).toEqual(['enableTheming', 'getContext', 'invoke', 'invoke', 'invoke', 'invoke']);
    expect(calls[2]?.payload).toMatchObject({ functionKey: 'getIssueItrState', payload: { issueKey: 'ITR-42' } });
    expect(calls[3]?.payload).toMatchObject({ functionKey: 'getLineHistory', payload: { issueKey: 'ITR-42' } });
    expect(calls[4]?.payload).toMatchObject({ functionKey: 'suggestCases', payload: { issueKey: 'ITR-42' } });
    expect(calls[5]?.payload).toMatchObject({ functionKey: 'listHandoffs', payload: { issueKey: 'ITR-42' } });
    expect(errors).toEqual([]);
    await shoot(page, 'issue-panel-en-light');
    await page.close();
  });

  it('shows an overdue issue in Simplified Chinese, dark theme', async () => {
    const { page, errors } = await openPanel({
      context: { locale: 'zh_CN', timezone: 'Asia/Shanghai', issueKey: 'ITR-7' },
      colorMode: 'dark',
      resolvers: { getIssueItrState: () => ok(overdueComplaintAtL3), getLineHistory: () => ok(historyOfItr7) },
    });
    await page.getByText('已超时').waitFor();
    await page.getByText('当前处理线').waitFor();
    const body = await text(page);
    expect(body).toContain('投诉');
    expect(body).toContain('三线 (L3)');
    expect(body).toContain('P1 · 分级表 v5');
    expect(body).toContain('2026年11月24日 12:00'); // due 04:00Z is noon in Shanghai
    expect(body).toContain('2小时前');
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    // The surface comes from the dark theme's token, not the light fallback.
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
    await shoot(page, 'issue-panel-zh-CN-dark');
    await page.close();
  });

  it('shows a paused clock: since when, and the working time it will resume with (en, then zh-CN)', async () => {
    for (const [locale, paused, since, left] of [
      ['en_US', 'Paused', 'Waiting for the customer since', '2 h 30 min'],
      ['zh_CN', '已暂停', '等待客户自', '2 小时 30 分钟'],
    ] as const) {
      const { page, errors } = await openPanel({
        context: { locale, timezone: 'UTC', issueKey: 'ITR-42' },
        colorMode: 'light',
        resolvers: {
          getIssueItrState: () => ok(pausedTechnicalServiceAtL2),
          getLineHistory: () => ok(historyOfItr42TimedOutToL2),
        },
      });
      await page.getByText(paused, { exact: true }).waitFor();
      const body = await text(page);
      expect(body).toContain(since);
      expect(body).toContain(left);
      expect(await page.getByTestId('itr-status-paused').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows the response clock of an untriaged issue: running with its due time, then paused while waiting for the customer (en, then zh-CN)', async () => {
    for (const [locale, response, warning, paused, since] of [
      ['en_US', 'Response (acceptance)', 'Warning', 'Paused', 'Waiting for the customer since'],
      ['zh_CN', '响应（受理）', '预警', '已暂停', '等待客户自'],
    ] as const) {
      const running = await openPanel({
        context: { locale, timezone: 'UTC', issueKey: 'ITR-9' },
        colorMode: 'light',
        resolvers: { getIssueItrState: () => ok(untriagedResponseWarning) },
      });
      await running.page.getByText(response, { exact: true }).waitFor();
      expect(await running.page.getByTestId('itr-status-warning').innerText()).toBe(warning);
      expect(await text(running.page)).toMatch(/06:30|6:30/); // due 06:30Z, as the field holds it
      expect(await running.page.getByTestId('itr-response-paused').count()).toBe(0);
      expect(running.errors).toEqual([]);
      await running.page.close();

      const stopped = await openPanel({
        context: { locale, timezone: 'UTC', issueKey: 'ITR-9' },
        colorMode: 'light',
        resolvers: { getIssueItrState: () => ok(untriagedResponsePaused) },
      });
      await stopped.page.getByTestId('itr-response-paused').waitFor();
      const row = await stopped.page.getByTestId('itr-response-paused').innerText();
      expect(row).toContain(paused);
      expect(row).toContain(since);
      expect(row).toMatch(/05:00|5:00/);
      expect(stopped.errors).toEqual([]);
      await stopped.page.close();
    }
  });

  it('shows each clock\'s final state on a done issue: met with time to spare, never "On track" (en, then zh-CN)', async () => {
    for (const [locale, done, line, lineText, response, responseText] of [
      ['en_US', 'Done', 'Line clock', 'Met, 1 h 35 min to spare', 'Response (acceptance)', 'Met, 20 min to spare'],
      ['zh_CN', '已完成', '处理线时钟', '已达成，余 1 小时 35 分钟', '响应（受理）', '已达成，余 20 分钟'],
    ] as const) {
      const { page, errors } = await openPanel({
        context: { locale, timezone: 'UTC', issueKey: 'ITR-42' },
        colorMode: 'light',
        resolvers: {
          getIssueItrState: () => ok(doneTechnicalServiceAtL2),
          getLineHistory: () => ok(historyOfItr42TimedOutToL2),
        },
      });
      await page.getByText(done, { exact: true }).waitFor();
      const body = await text(page);
      expect(body).toContain(line);
      expect(await page.getByTestId('itr-line-final').innerText()).toContain(lineText);
      expect(body).toContain(response);
      expect(await page.getByTestId('itr-response-final').innerText()).toContain(responseText);
      for (const running of ['On track', 'Overdue', '正常', '已超时', 'Due', '到期时间'])
        expect(body).not.toContain(running);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows a breach and by how much, and that the issue keeps the table version it was stamped with (en, zh-CN dark)', async () => {
    for (const [locale, colorMode, breached, versionNote] of [
      ['en_US', 'light', 'Breached by 2 h 5 min', 'Stamped with v3; v4 in force until a recompute'],
      ['zh_CN', 'dark', '已违约，超出 2 小时 5 分钟', '按分级表 v3 计算；当前生效 v4，重新计算后更新'],
    ] as const) {
      const { page, errors } = await openPanel({
        context: { locale, timezone: 'UTC', issueKey: 'ITR-7' },
        colorMode,
        resolvers: { getIssueItrState: () => ok(breachedComplaintStampedV3), getLineHistory: () => ok(historyOfItr7) },
      });
      await page.getByTestId('itr-line-final').waitFor();
      expect(await page.getByTestId('itr-line-final').innerText()).toContain(breached);
      expect(await page.getByTestId('itr-grade-version-differs').innerText()).toBe(versionNote);
      expect(errors).toEqual([]);
      await shoot(page, `issue-panel-${locale}-${colorMode}-breached`);
      await page.close();
    }
  });

  it("the owner accepts with the keyboard; the answer's state replaces the panel's", async () => {
    const asked: unknown[] = [];
    const { page, errors } = await openPanel({
      context: { locale: 'en_US', timezone: 'UTC', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => ok(awaitingAnswerOfViewer),
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
        acceptFromPanel: (payload) => {
          asked.push(payload);
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
          return ok(accepted);
        },
      },
    });
    const history = page.getByRole('region', { name: 'Owner history' });
    await history.getByText('Accepted by timeout: no answer in time').waitFor();
    expect(await history.innerText()).toContain('Li Lei forwarded to Wang Fang: Needs the L2 network team');
    const accept = page.getByRole('button', { name: 'Accept', exact: true });
    await accept.focus();
    await page.keyboard.press('Enter');
    await history.getByText('Wang Fang accepted').waitFor();
    expect(asked).toEqual([{ issueKey: 'ITR-42' }]);
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    expect(await text(page)).not.toMatch(/acc-[a-z0-9-]+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('declining asks for a reason in Chinese, sends it, and shows a refusal translated', async () => {
    const sent: unknown[] = [];
    const { page, errors } = await openPanel({
      context: { locale: 'zh_CN', timezone: 'Asia/Shanghai', issueKey: 'ITR-42' },
      colorMode: 'dark',
      resolvers: {
        getIssueItrState: () => ok(awaitingAnswerOfViewer),
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
        declineFromPanel: (payload) => {
          sent.push(payload);
          return { success: false, errors: [{ code: 'DECLINE_ALREADY_ACCEPTED', message: 'already accepted' }] };
        },
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
    const { page, errors } = await openPanel({
      context: { locale: 'en_US', timezone: 'UTC', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => ok(reassignedInJiraReasonPending),
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
        saveForwardReason: (payload) => {
          sent.push(payload);
          const done = reassignedInJiraReasonPending.ownerHistory.map((e) =>
            e.id === '21' ? { ...e, reason: 'Wang Fang owns routing', reasonPending: false } : e,
          );
          return ok({ ...reassignedInJiraReasonPending, pendingForward: null, ownerHistory: done });
        },
      },
    });
    await page.getByText('Li Lei reassigned this issue to Wang Fang in Jira. Why?').waitFor();
    const history = page.getByRole('region', { name: 'Owner history' });
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

  it('shows "not set" for an issue whose clock has not started', async () => {
    const { page } = await openPanel({
      context: { locale: 'en_GB', timezone: 'Europe/London', issueKey: 'ITR-9' },
      colorMode: 'light',
      resolvers: { getIssueItrState: () => ok(notStartedSpareParts) },
    });
    await page.getByText('Not started').waitFor();
    // Grade, line, acceptance, line start, warning and due time; the owner reads "with triage".
    expect(await page.getByText('Not set').count()).toBe(6);
    expect(await text(page)).toContain('No owner: with triage');
    await shoot(page, 'issue-panel-en-not-started');
    await page.close();
  });

  it('shows a translated error, and Tab + Enter on "Try again" loads the panel', async () => {
    let answers = 0;
    const { page } = await openPanel({
      context: { locale: 'en_US', timezone: 'UTC', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => (++answers === 1 ? notReady : ok(onTrackTechnicalServiceAtL2)),
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
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
    await page.getByText('On track').waitFor();
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
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
      },
    });
    await page.getByRole('status').getByText('正在加载 ITR 信息…').waitFor();
    expect(await page.getAttribute('section', 'aria-busy')).toBe('true');
    await shoot(page, 'issue-panel-zh-CN-loading');
    release();
    await page.getByText('正常').waitFor();
    expect(await text(page)).toContain('严重 · 分级表 v3'); // the grade's Chinese label
    await page.close();
  });

  it('hand-off: "Send to R&D" asks first, then shows the new linked item with its status', async () => {
    const sent: unknown[] = [];
    const { page, errors } = await openPanel({
      context: { locale: 'en_US', timezone: 'UTC', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        getLineHistory: () => ok(historyOfItr42TimedOutToL2),
        suggestCases: () =>
          ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
        listHandoffs: () => ok([]),
        sendHandoff: (payload) => {
          sent.push(payload);
          return ok({ key: 'IPD-7', target: 'rnd', summary: '[ITR-42] Router reboots', status: 'Open' });
        },
      },
    });
    const section = page.getByRole('region', { name: 'Hand-off' });
    await section.getByText('Not handed off yet.').waitFor();
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

  it('shows the line-history timeline: who held each line, when, working time used, outcome; Enter folds it', async () => {
    const { page, errors } = await openPanel({
      context: { locale: 'en_US', timezone: 'UTC', issueKey: 'ITR-7' },
      colorMode: 'light',
      resolvers: { getIssueItrState: () => ok(overdueComplaintAtL3), getLineHistory: () => ok(historyOfItr7) },
    });
    const timeline = page.getByRole('region', { name: 'Line history' });
    await timeline.getByText('Current line').waitFor();
    const items = timeline.getByRole('listitem');
    expect(await items.count()).toBe(3);
    const [l1, l2, l3] = [
      await items.nth(0).innerText(),
      await items.nth(1).innerText(),
      await items.nth(2).innerText(),
    ];
    expect(l1).toContain('L1 · First line');
    expect(l1).toContain('Passed on');
    // People by name; an account Jira no longer knows reads as such; no id anywhere.
    expect(l1).toContain('Li Lei');
    expect(l2).toContain('Wang Fang');
    expect(l3).toContain('Unknown user');
    await expectPageShowsNoAccountIds(page, ['acc-l1', 'acc-l2', 'acc-l3', 'acc-triage']);
    expect(l1).toContain('45 min');
    expect(l1).toMatch(/Nov 23, 2026,? 6:00\s?PM – Nov 23, 2026,? 6:45\s?PM/);
    expect(l2).toContain('L2 · Second line');
    expect(l2).toContain('Timed out');
    expect(l2).toContain('3 h 15 min');
    expect(l3).toContain('L3 · Third line');
    expect(l3).toContain('Current line');
    expect(l3).toContain('Escalated by time');
    expect(l3).toMatch(/– now/);
    await shoot(page, 'issue-panel-en-line-history');

    // Keyboard: the disclosure button takes focus and Enter folds and unfolds the list.
    const toggle = timeline.getByRole('button', { name: 'Hide line history' });
    await toggle.focus();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await timeline.getByRole('button', { name: 'Show line history' }).waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(0);
    expect(await timeline.getByRole('button', { name: 'Show line history' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    await page.keyboard.press('Enter');
    await timeline.getByText('Current line').waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(3);
    expect(errors).toEqual([]);
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
