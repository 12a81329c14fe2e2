/**
 * The issue panel's Decisions section (static/issue-panel/src/decisions, issue 17) in headless Chromium,
 * resolver answers from fixtures (bridgeStub.ts): the iron triangle's sign-offs, cost approval and the
 * question to the submitter. English in light mode (an engineer with the sales role signs; a refused cost
 * request names every problem and keeps what was typed), Chinese in dark mode (the approver approves,
 * the submitter answers). People by name, times in the viewer's zone, no code or id on the page.
 */
import type { DecisionsView } from '../../src/contract/decisions';
import type { ResolverResult } from '../../src/contract/envelope';
import { chromiumAvailable, installBridgeStub, type BridgeStubOptions } from './bridgeStub';
import { builtApp } from './browserApp';
import { NOW, ok, onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

const WANG = { accountId: 'acc-wang', displayName: 'Wang Fang' };
const CHEN = { accountId: 'acc-chen', displayName: 'Chen Jie' };
const ZHAO = { accountId: 'acc-zhao', displayName: 'Zhao Lei' };
const LIU = { accountId: 'acc-liu', displayName: 'Liu Yang' };
const ZHOU = { accountId: 'acc-zhou', displayName: 'Zhou Min' };

/** A critical issue: a decision with sales' sign-off, one cost waiting, a question open for Liu Yang. */
const pendingDecisions: DecisionsView = {
  issueKey: 'ITR-42',
  ironTriangle: {
    reasons: ['grade'],
    decision: {
      proposal: 'Replace the controller board on site',
      money: false,
      openedBy: WANG,
      openedAt: '2026-11-24T02:00:00.000Z',
      status: 'pending',
      agreedRoles: ['sales'],
      rolesMissing: 2,
      moneyRoleMissing: false,
      highestLevel: 1,
      agreedAt: null,
      qualityInformedAt: null,
      signOffs: [{ role: 'sales', level: 1, verdict: 'agree', note: '', by: CHEN, at: '2026-11-24T03:00:00.000Z' }],
    },
    viewerRoles: ['technical'],
  },
  costs: {
    items: [
      {
        id: '7',
        kind: 'onSiteVisit',
        amountMinor: 80000,
        currency: 'CNY',
        description: 'Engineer visit to the Shenzhen site',
        status: 'pending',
        requestedBy: WANG,
        requestedAt: '2026-11-24T04:00:00.000Z',
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        doneBy: null,
        doneAt: null,
      },
    ],
    viewerMayApprove: false,
  },
  clarification: {
    items: [
      {
        id: '3',
        question: 'Which firmware version runs on the router?',
        askedBy: WANG,
        askedAt: '2026-11-24T05:00:00.000Z',
        submitter: LIU,
        answer: null,
        answeredBy: null,
        answeredAt: null,
        answeredVia: null,
      },
    ],
    submitter: LIU,
    viewerIsSubmitter: false,
  },
};

const refusedCost: ResolverResult<never> = {
  success: false,
  errors: [
    { code: 'COST_INVALID', message: 'refused', params: { count: 2 } },
    { code: 'COST_AMOUNT_INVALID', message: 'amount', path: 'amountMinor', params: { max: 1_000_000_000_000 } },
    { code: 'COST_DESCRIPTION_REQUIRED', message: 'description', path: 'description' },
  ],
};

describeWithBrowser('Decisions on the issue panel in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  async function open(options: Omit<BridgeStubOptions, 'resolvers'> & { resolvers: BridgeStubOptions['resolvers'] }) {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 1400 }, colorScheme: options.colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date(NOW));
    const calls = await installBridgeStub(page, {
      ...options,
      resolvers: {
        getIssueItrState: () => ok(onTrackTechnicalServiceAtL2),
        listHandoffs: () => ok([]),
        suggestCases: () =>
          ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
        ...options.resolvers,
      },
    });
    await page.goto(app.url);
    return { page, calls, errors };
  }

  it('en, light: signs for the technical role; a refused cost request names each problem and keeps the draft', async () => {
    const payloads: unknown[] = [];
    const { page, errors } = await open({
      context: { locale: 'en_US', timezone: 'America/New_York', issueKey: 'ITR-42' },
      colorMode: 'light',
      resolvers: {
        getDecisions: () => ok(pendingDecisions),
        signDecision: (p) => {
          payloads.push(p);
          const d = pendingDecisions.ironTriangle.decision!;
          return ok({
            ...pendingDecisions,
            ironTriangle: {
              ...pendingDecisions.ironTriangle,
              decision: {
                ...d,
                rolesMissing: 1,
                agreedRoles: ['sales', 'technical'],
                signOffs: [
                  ...d.signOffs,
                  { role: 'technical', level: 2, verdict: 'agree', note: 'Board in stock', by: ZHAO, at: NOW },
                ],
              },
            },
          });
        },
        requestCost: (p) => {
          payloads.push(p);
          return refusedCost;
        },
      },
    });
    const section = page.getByTestId('decisions');
    const triangle = section.getByTestId('iron-triangle');
    await triangle.getByText('Replace the controller board on site').waitFor();
    expect(await triangle.innerText()).toContain('Needed: this grade calls for a collective decision.');
    expect(await triangle.innerText()).toContain('2 more roles must agree.');
    // Chen Jie's sign-off by name, in New York time (03:00Z is 10:00 PM the day before).
    expect(await triangle.getByTestId('triangle-signoffs').innerText()).toMatch(
      /Sales, Level 1 \(team\): Chen Jie, Nov 23, 2026,? 10:00\s?PM\s+Agrees/,
    );
    expect(await triangle.innerText()).toContain('Escalation still follows time alone');

    await triangle.getByLabel('Level').selectOption('2');
    await triangle.getByLabel('Note (required to object)').fill('Board in stock');
    await triangle.getByRole('button', { name: 'Agrees' }).click();
    await triangle.getByText('One more role must agree.').waitFor();
    expect(payloads[0]).toEqual({
      issueKey: 'ITR-42',
      role: 'technical',
      level: 2,
      verdict: 'agree',
      note: 'Board in stock',
    });

    // The cost waits for an approver the viewer is not.
    const costs = section.getByTestId('cost-actions');
    expect(await costs.getByTestId('cost-list').innerText()).toContain('Waiting for approval');
    expect(await costs.getByTestId('cost-list').innerText()).toContain('CN¥800.00');
    expect(await costs.innerText()).toContain('Only the cost approvers may approve or refuse.');
    expect(await costs.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await costs.getByLabel('Kind').selectOption('replacementPart');
    await costs.getByLabel('Amount').fill('abc');
    await costs.getByLabel('What and why').fill('  ');
    await costs.getByRole('button', { name: 'Ask for approval' }).click();
    const alert = section.getByTestId('decisions-error');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      [
        'The request has 2 problems; nothing was saved.',
        'Enter an amount above zero.',
        'Say what the action is and why it is needed.',
      ].join('\n'),
    );
    expect(payloads[1]).toMatchObject({ kind: 'replacementPart', amountMinor: 0, currency: 'CNY' });
    // Nothing typed is lost.
    expect(await costs.getByLabel('Amount').inputValue()).toBe('abc');
    expect(await costs.getByLabel('Kind').inputValue()).toBe('replacementPart');

    // The open question: who is waited for, since when, and that the clocks are paused.
    expect(await section.getByTestId('clarification').innerText()).toMatch(
      /Waiting for Liu Yang since Nov 24, 2026,? 12:00\s?AM: the clocks are paused\./,
    );
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/acc-|onSiteVisit|COST_|UTC/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zh-CN, dark: the approver approves the cost; the submitter answers the question', async () => {
    const asApprover: DecisionsView = {
      ...pendingDecisions,
      ironTriangle: { ...pendingDecisions.ironTriangle, viewerRoles: [] },
      costs: { ...pendingDecisions.costs, viewerMayApprove: true },
      clarification: { ...pendingDecisions.clarification, viewerIsSubmitter: true },
    };
    const payloads: unknown[] = [];
    const { page, errors } = await open({
      context: { locale: 'zh_CN', timezone: 'Asia/Shanghai', issueKey: 'ITR-42' },
      colorMode: 'dark',
      resolvers: {
        getDecisions: () => ok(asApprover),
        moveCost: (p) => {
          payloads.push(p);
          return ok({
            ...asApprover,
            costs: {
              ...asApprover.costs,
              items: [
                {
                  ...asApprover.costs.items[0]!,
                  status: 'approved',
                  decidedBy: ZHOU,
                  decidedAt: NOW,
                  decisionNote: '同意',
                },
              ],
            },
          });
        },
        answerSubmitter: (p) => {
          payloads.push(p);
          return ok({
            ...asApprover,
            clarification: {
              ...asApprover.clarification,
              items: [
                {
                  ...asApprover.clarification.items[0]!,
                  answer: '固件 2.3.1',
                  answeredBy: LIU,
                  answeredAt: NOW,
                  answeredVia: 'panel',
                },
              ],
            },
          });
        },
      },
    });
    const section = page.getByTestId('decisions');
    await section.getByText('集体决策（铁三角）').waitFor();
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    expect(await section.getByTestId('iron-triangle').innerText()).toContain('您不在任何可签署角色的组中。');
    expect(await section.getByTestId('triangle-signoffs').innerText()).toContain('销售，第 1 层（团队）：Chen Jie');

    const costs = section.getByTestId('cost-actions');
    expect(await costs.innerText()).toContain('上门服务');
    await costs.getByLabel('说明（拒绝时必填）').fill('同意');
    await costs.getByRole('button', { name: '批准' }).click();
    await costs.getByText(/已批准：Zhou Min，2026年11月24日 14:00/).waitFor();
    expect(payloads[0]).toEqual({ issueKey: 'ITR-42', costId: '7', move: 'approve', note: '同意' });
    expect(await costs.getByRole('button', { name: '标记为已执行' }).count()).toBe(1);

    const clarification = section.getByTestId('clarification');
    expect(await clarification.innerText()).toContain('自 2026年11月24日 13:00 起等待 Liu Yang 答复：时钟已暂停。');
    await clarification.getByLabel('您的答复').fill('固件 2.3.1');
    await clarification.getByRole('button', { name: '发送答复' }).click();
    await clarification.getByText('固件 2.3.1', { exact: true }).waitFor();
    expect(payloads[1]).toEqual({ issueKey: 'ITR-42', answer: '固件 2.3.1' });
    expect(await clarification.getByLabel('您的答复').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/acc-|onSiteVisit|Approved|Waiting/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
