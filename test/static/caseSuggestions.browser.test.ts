/**
 * The issue panel's case suggestions (static/issue-panel/src/cases) in headless Chromium. Resolver
 * answers are fixtures given through the stand-in Forge host (bridgeStub.ts): one `suggestCases` on
 * open with an English and a Chinese case and why each matched; "helped", free search, and the
 * resolved issue's prompt to add a case. Weak suggestions (no case sharing two words of its title with
 * the issue, none that helped) stay folded under a count; strong ones open (`isStrong`).
 */
import path from 'node:path';
import type { CaseHit, CaseRecord, CaseSuggestions } from '../../src/contract/cases';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, screenshots } from './browserApp';
import { notAssessedItr42, ok, onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

function record(id: number, title: string, symptom: string, extra: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    title,
    symptom,
    product: 'PrintHub',
    productVersion: '5.2',
    environment: '',
    rootCause: 'Driver 5.2 spools to a full disk',
    shortTermMeasure: 'Clear the spool folder',
    longTermMeasure: 'Move the spool to the data disk',
    language: 'en',
    tags: ['printer'],
    status: 'published',
    revision: 1,
    authorAccountId: 'acc-author',
    sourceIssues: ['ITR-3'],
    usedOnIssues: [],
    helpfulCount: 2,
    notRelevantCount: 0,
    usageCount: 2,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}
const printerQueueCase: CaseHit = {
  case: record(11, 'Printer queue stalls after driver update', 'Jobs stay queued after the driver update.'),
  matchedTerms: ['printer', 'queue'],
  highlights: {
    title: [
      { text: 'Printer', hit: true },
      { text: ' ', hit: false },
      { text: 'queue', hit: true },
      { text: ' stalls after driver update', hit: false },
    ],
    symptom: [{ text: 'Jobs stay queued after the driver update.', hit: false }],
  },
};
const chinesePrinterCase: CaseHit = {
  case: record(12, '网络打印机连接失败', '升级固件后打印机无法连接网络。', {
    language: 'zh-CN',
    rootCause: '固件重置了网络设置',
  }),
  matchedTerms: ['打印', '印机'],
  highlights: {
    title: [
      { text: '网络', hit: false },
      { text: '打印机', hit: true },
      { text: '连接失败', hit: false },
    ],
    symptom: [{ text: '升级固件后打印机无法连接网络。', hit: false }],
  },
};
const suggestionsForResolvedItr42: CaseSuggestions = {
  issueKey: 'ITR-42',
  hits: [printerQueueCase, chinesePrinterCase],
  resolved: true,
  product: 'PrintHub',
  grade: 'major',
  helpedCaseIds: [],
};

describeWithBrowser('case suggestions on the issue panel in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  it('shows an English and a Chinese case with why they matched; helped, search and add a case once resolved', async () => {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const calls = await installBridgeStub(page, {
      context: { locale: 'en_US', timezone: 'Asia/Shanghai', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        listHandoffs: () => ok([]),
        getAssessment: () => ok(notAssessedItr42),
        suggestCases: () => ok(suggestionsForResolvedItr42),
        markCaseHelpful: () =>
          ok({ ...printerQueueCase.case, helpfulCount: 3, usageCount: 3, usedOnIssues: ['ITR-42'] }),
        searchCases: () => ok([chinesePrinterCase]),
        createCaseFromIssue: () => ok(record(13, 'Printer offline', '', { status: 'draft', sourceIssues: ['ITR-42'] })),
      },
    });
    await page.goto(app.url);
    const section = page.getByTestId('case-suggestions');
    // Strong (two of the issue's words in the top case's title): open without asking.
    await section.getByTestId('case-hit').nth(1).waitFor();
    expect(await section.getByRole('button', { name: 'Hide similar cases' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    const hits = section.getByTestId('case-hit');
    expect(await hits.nth(0).locator('mark').allInnerTexts()).toEqual(['Printer', 'queue']);
    expect(await hits.nth(0).getByTestId('case-why').innerText()).toBe('Matched: printer, queue');
    expect(await hits.nth(1).locator('mark').allInnerTexts()).toEqual(['打印机']);
    // One resolver call for the suggestions.
    expect(
      calls.filter((c) => (c.payload as { functionKey?: string } | null)?.functionKey === 'suggestCases'),
    ).toHaveLength(1);

    // Open a case: root cause and measures.
    await hits.nth(0).getByRole('button', { name: 'Printer queue stalls after driver update' }).click();
    await hits.nth(0).getByText('Driver 5.2 spools to a full disk').waitFor();

    await hits.nth(0).getByRole('button', { name: 'This case helped' }).click();
    await page.getByTestId('case-notice').getByText('Marked as helpful.').waitFor();
    expect(await hits.nth(0).getByRole('button', { name: 'This case helped' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Resolved: offers to improve the case that helped, or to add a new one.
    const prompt = page.getByTestId('case-resolved-prompt');
    await prompt.getByRole('button', { name: 'Improve “Printer queue stalls after driver update”' }).waitFor();
    await prompt.getByRole('button', { name: 'Add a new case' }).click();
    await page.getByTestId('case-notice').getByText('Draft case 13 created from this issue.').waitFor();

    const box = section.getByRole('searchbox', { name: 'Search cases' });
    await box.fill('打印机');
    await box.press('Enter');
    // Polled from the test, not waitForFunction('…'): a string predicate is eval, which the page's CSP refuses.
    const searchHits = section.getByTestId('case-hit');
    for (let tries = 0; (await searchHits.count()) !== 1; tries++) {
      if (tries >= 100) throw new Error(`expected one case hit, saw ${await searchHits.count()}`);
      await page.waitForTimeout(100);
    }
    expect(await section.getByTestId('case-hit').innerText()).toContain('网络打印机连接失败');
    // One call per section and action; the panel's sections load in parallel, so their order is not fixed.
    expect(
      calls
        .map((c) => (c.payload as { functionKey?: string } | null)?.functionKey)
        .filter(Boolean)
        .sort(),
    ).toEqual(
      [
        'getIssueItrState',
        'suggestCases',
        'listHandoffs',
        'getAssessment',
        'getDecisions',
        'getIssueCustomer',
        'getSpareParts',
        'markCaseHelpful',
        'createCaseFromIssue',
        'searchCases',
      ].sort(),
    );
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'issue-panel-case-suggestions.png'), fullPage: true });
    await page.close();
  });

  /** One title word in common, nothing helped yet: a weak suggestion. */
  const weakPrinterCase: CaseHit = {
    ...printerQueueCase,
    highlights: {
      title: [
        { text: 'Printer', hit: true },
        { text: ' queue stalls after driver update', hit: false },
      ],
      symptom: printerQueueCase.highlights.symptom,
    },
  };

  it.each([
    ['en_US', 'light', 'Show similar cases (1)', 'Hide similar cases', '1 case'],
    ['zh_CN', 'dark', '显示 1 个相似案例', '隐藏相似案例', '1 个案例'],
    ['en_US', 'dark', 'Show similar cases (1)', 'Hide similar cases', '1 case'],
    ['zh_CN', 'light', '显示 1 个相似案例', '隐藏相似案例', '1 个案例'],
  ] as const)(
    '%s %s: weak suggestions stay folded under their count; the reader unfolds them',
    async (locale, mode, show, hide, count) => {
      const page = await app.browser.newPage({ viewport: { width: 560, height: 900 }, colorScheme: mode });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await installBridgeStub(page, {
        context: { locale, timezone: 'Asia/Shanghai', issueKey: 'ITR-42' },
        colorMode: mode,
        resolvers: {
          getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
          listHandoffs: () => ok([]),
          getAssessment: () => ok(notAssessedItr42),
          suggestCases: () => ok({ ...suggestionsForResolvedItr42, resolved: false, hits: [weakPrinterCase] }),
        },
      });
      await page.goto(app.url);
      const section = page.getByTestId('case-suggestions');
      const toggle = section.getByRole('button', { name: show });
      await toggle.waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await section.getByTestId('case-count').innerText()).toBe(count);
      expect(await section.getByTestId('case-hit').count()).toBe(0);
      await page.screenshot({
        path: path.join(screenshots, `issue-panel-${locale}-${mode}-cases-folded.png`),
        fullPage: true,
      });
      await toggle.click();
      await section.getByTestId('case-hit').waitFor();
      expect(await section.getByRole('button', { name: hide }).getAttribute('aria-expanded')).toBe('true');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('a case that already helped on this issue makes the suggestions strong (zh-CN, dark)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 900 }, colorScheme: 'dark' });
    await installBridgeStub(page, {
      context: { locale: 'zh_CN', timezone: 'Asia/Shanghai', issueKey: 'ITR-42' },
      colorMode: 'dark',
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        listHandoffs: () => ok([]),
        getAssessment: () => ok(notAssessedItr42),
        suggestCases: () =>
          ok({ ...suggestionsForResolvedItr42, resolved: false, hits: [weakPrinterCase], helpedCaseIds: [11] }),
      },
    });
    await page.goto(app.url);
    await page.getByTestId('case-suggestions').getByTestId('case-hit').waitFor();
    expect(
      await page
        .getByTestId('case-suggestions')
        .getByRole('button', { name: '隐藏相似案例' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    await page.close();
  });
});
