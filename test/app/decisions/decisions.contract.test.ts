/**
 * Decisions that are not one person's (issue 17), through the exported issue panel handler on the
 * harness (Jira double checked against Jira's OpenAPI spec, KVS, MariaDB for Forge SQL):
 *  - the iron triangle: opened when the admin's rule asks, signed by members of each role's groups,
 *    agreed at three roles, quality told once; escalation does not wait for it;
 *  - cost approval: a bad request is refused whole and saves nothing; only approver-group members
 *    approve or refuse, once;
 *  - clarification: asking the submitter comments and notifies them by name and pauses the clocks;
 *    only the submitter answers, and the clocks restart.
 * Every refusal reads in English and Chinese without a placeholder left.
 */
import { escalationConsumer, escalationSweep, issuePanelResolver, supervisionResolver } from '../../../src/index';
import { enterLine } from '../../../src/app/escalation';
import { answerFromComment } from '../../../src/app/decisions/decisions';
import { runMigrations } from '../../../src/adapters/sql';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../../src/domain';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { createI18n, errorMessageKey, MESSAGES } from '../../../static/shared/i18n';
import { defineItrFields } from '../../fixtures/itrFields';
import type { CostSummaryView, DecisionsView } from '../../../src/contract/decisions';

const { jira, queue, sql } = harness();

const ENGINEER = 'acc-engineer';
const SUBMITTER = 'acc-submitter';
const SALES = 'acc-sales';
const TECH = 'acc-tech';
const DELIVERY = 'acc-delivery';
const APPROVER = 'acc-approver';
/** May browse the issue, not edit it. */
const READER = 'acc-reader';

const MINUTE = 60_000;
const T0 = new Date('2026-03-02T08:00:00.000Z');
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const minor = DEFAULT_GRADING_TABLE.grades[2]!.id;
const budget = lineBudget(DEFAULT_GRADING_TABLE, critical, 'L1').minutes;
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);

type Envelope<T = DecisionsView> =
  | { success: true; data: T }
  | { success: false; errors: Array<{ code: string; path?: string; params?: Record<string, string | number> }> };

let ids: ReturnType<typeof defineItrFields>;

function call(functionKey: string, payload: Record<string, unknown>, accountId = ENGINEER, key = 'ITR-1') {
  return invokeResolver(
    issuePanelResolver,
    functionKey,
    { issueKey: key, ...payload },
    {
      accountId,
      context: { extension: { type: 'jira:issuePanel', issue: { key } } },
    },
  ) as Promise<Envelope>;
}

/** The refusal's codes, each with a message in both languages that names its parameters. */
function refusal(answer: Envelope<unknown>): string[] {
  if (answer.success) throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
  for (const locale of ['en', 'zh_CN']) {
    const { t } = createI18n(locale, 'UTC');
    for (const e of answer.errors) {
      const key = errorMessageKey(e.code);
      expect(key).toBe(`errorCode.${e.code}`);
      const text = t(key, e.params ?? {});
      expect(text).not.toMatch(/\{\w+\}/);
    }
  }
  for (const e of answer.errors)
    expect(MESSAGES['zh-CN'][errorMessageKey(e.code)]).not.toBe(MESSAGES.en[errorMessageKey(e.code)]);
  return answer.errors.map((e) => (e.path === undefined ? e.code : `${e.path}: ${e.code}`));
}

function data<T = DecisionsView>(answer: Envelope<T>): T {
  if (!answer.success) throw new Error(`expected success, got ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

async function seedOnL1(key: string, grade: string, enteredMinutes = 0) {
  const issue = jira.seedIssue({
    key,
    fields: { [ids.kind]: 'complaint', [ids.grade]: grade, [ids.submitter]: { accountId: SUBMITTER } },
  });
  await invokeFunction(
    () => enterLine({ issueId: issue.id, grade, line: 'L1', at: at(enteredMinutes), actor: ENGINEER }),
    {},
  );
  return issue;
}

const rows = (table: string) => sql.raw<Array<Record<string, unknown>>>(`SELECT * FROM ${table}`);

beforeEach(async () => {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  jest.setSystemTime(T0);
  await runMigrations();
  for (const table of [
    'itr_decision',
    'itr_decision_signoff',
    'itr_cost_action',
    'itr_clarification',
    'line_history',
    'line_pause',
    'escalation_action',
    'escalation_audit',
  ])
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Liu Yang' });
  jira.seedUser({ accountId: SALES, displayName: 'Chen Jie', groups: ['jira-software-users', 'itr-sales'] });
  jira.seedUser({ accountId: TECH, displayName: 'Zhao Lei', groups: ['jira-software-users', 'itr-technical'] });
  jira.seedUser({ accountId: DELIVERY, displayName: 'Sun Li', groups: ['jira-software-users', 'itr-delivery'] });
  jira.seedUser({
    accountId: APPROVER,
    displayName: 'Zhou Min',
    groups: ['jira-software-users', 'itr-cost-approvers'],
  });
  jira.seedUser({ accountId: READER, displayName: 'Wu Hao', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
  jira.model.seedGroup('itr-quality');
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
});

afterEach(() => {
  jest.useRealTimers();
  jira.assertNoViolations();
});

describe('iron triangle (铁三角)', () => {
  it('is opened by an editor when the rule asks, signed by three roles, and quality is told once', async () => {
    await seedOnL1('ITR-1', critical);
    const view = data(await call('getDecisions', {}));
    expect(view.ironTriangle).toEqual({ reasons: ['grade'], decision: null, viewerRoles: [] });
    expect(data(await call('getDecisions', {}, SALES)).ironTriangle.viewerRoles).toEqual(['sales']);

    // A reader may not open it; an empty proposal is refused; neither saves anything.
    expect(refusal(await call('openDecision', { proposal: 'Replace the board', money: false }, READER))).toEqual([
      'NOT_AUTHORIZED',
    ]);
    expect(refusal(await call('openDecision', { proposal: '   ', money: false }))).toEqual([
      'proposal: DECISION_TEXT_REQUIRED',
    ]);
    expect(await rows('itr_decision')).toEqual([]);

    const opened = data(await call('openDecision', { proposal: 'Replace the board on site', money: false }));
    expect(opened.ironTriangle.decision).toMatchObject({
      proposal: 'Replace the board on site',
      status: 'pending',
      rolesMissing: 3,
      openedBy: { displayName: 'Wang Fang' },
    });
    // A second opening changes nothing of the first.
    expect(refusal(await call('openDecision', { proposal: 'Something else', money: true }))).toEqual([
      'DECISION_ALREADY_OPEN',
    ]);

    // Only a member of the role's groups signs for it; a level beyond three is refused.
    expect(
      refusal(await call('signDecision', { role: 'technical', level: 1, verdict: 'agree', note: '' }, SALES)),
    ).toEqual(['DECISION_NOT_ROLE_MEMBER']);
    expect(refusal(await call('signDecision', { role: 'sales', level: 4, verdict: 'agree', note: '' }, SALES))).toEqual(
      ['level: DECISION_LEVEL_OUT_OF_RANGE'],
    );
    expect(await rows('itr_decision_signoff')).toEqual([]);

    data(await call('signDecision', { role: 'sales', level: 1, verdict: 'agree', note: '' }, SALES));
    const two = data(await call('signDecision', { role: 'technical', level: 1, verdict: 'agree', note: 'ok' }, TECH));
    expect(two.ironTriangle.decision).toMatchObject({ status: 'pending', rolesMissing: 1, agreedAt: null });
    expect(jira.model.notifications).toEqual([]);

    jest.setSystemTime(at(30));
    const three = data(
      await call('signDecision', { role: 'delivery', level: 2, verdict: 'agree', note: '' }, DELIVERY),
    );
    expect(three.ironTriangle.decision).toMatchObject({
      status: 'agreed',
      rolesMissing: 0,
      highestLevel: 2,
      agreedAt: at(30).toISOString(),
      qualityInformedAt: expect.any(String),
    });
    expect(three.ironTriangle.decision?.signOffs.map((s) => s.by.displayName)).toEqual([
      'Chen Jie',
      'Zhao Lei',
      'Sun Li',
    ]);
    // Quality is told: a comment on the issue and a notification to the configured group.
    expect(JSON.stringify(jira.issue('ITR-1').comments)).toContain('Replace the board on site');
    expect(jira.model.notifications).toHaveLength(1);
    expect(jira.model.notifications[0]!.body).toMatchObject({ to: { groups: [{ name: 'itr-quality' }] } });

    // Recorded with who, when and what; closed once agreed.
    expect(await sql.raw('SELECT role, level, verdict, by_account_id FROM itr_decision_signoff ORDER BY id')).toEqual([
      { role: 'sales', level: 1, verdict: 'agree', by_account_id: SALES },
      { role: 'technical', level: 1, verdict: 'agree', by_account_id: TECH },
      { role: 'delivery', level: 2, verdict: 'agree', by_account_id: DELIVERY },
    ]);
    expect(
      refusal(await call('signDecision', { role: 'sales', level: 3, verdict: 'object', note: 'no' }, SALES)),
    ).toEqual(['level: DECISION_CLOSED']);
    expect(jira.model.notifications).toHaveLength(1);
  });

  it('is refused where the rule does not ask for one (a minor issue of one department)', async () => {
    await seedOnL1('ITR-1', minor);
    expect(data(await call('getDecisions', {})).ironTriangle.reasons).toEqual([]);
    expect(refusal(await call('openDecision', { proposal: 'Replace the board', money: false }))).toEqual([
      'DECISION_NOT_NEEDED',
    ]);
  });

  it('does not hold up escalation: a pending decision changes no due time, the sweep escalates on time', async () => {
    await seedOnL1('ITR-1', critical);
    const dueBefore = jira.issue('ITR-1').fields[ids.lineDueAt];
    data(await call('openDecision', { proposal: 'Credit the customer', money: true }));
    data(await call('signDecision', { role: 'sales', level: 1, verdict: 'agree', note: '' }, SALES));
    expect(jira.issue('ITR-1').fields[ids.lineDueAt]).toEqual(dueBefore);

    jest.setSystemTime(at(budget + 1));
    await invokeFunction(escalationSweep, {});
    await queue.drain();
    expect(jira.issue('ITR-1').fields[ids.line]).toBe('L2');
    // Still pending after the escalation: the decision and the clock are independent.
    expect(data(await call('getDecisions', {})).ironTriangle.decision?.status).toBe('pending');
  });
});

describe('cost approval', () => {
  it('refuses a bad request whole, keeps what was saved, and lets only an approver decide, once', async () => {
    await seedOnL1('ITR-1', critical);
    data(
      await call('requestCost', {
        kind: 'onSiteVisit',
        amountMinor: 80000,
        currency: 'CNY',
        description: 'Engineer visit to Shenzhen site',
      }),
    );
    const before = await rows('itr_cost_action');

    expect(
      refusal(await call('requestCost', { kind: 'bribe', amountMinor: -5, currency: 'cny', description: ' ' })),
    ).toEqual([
      'COST_INVALID',
      'kind: COST_KIND_INVALID',
      'amountMinor: COST_AMOUNT_INVALID',
      'currency: COST_CURRENCY_INVALID',
      'description: COST_DESCRIPTION_REQUIRED',
    ]);
    expect(
      refusal(
        await call('requestCost', { kind: 'credit', amountMinor: 100, currency: 'CNY', description: 'x'.repeat(1001) }),
      ),
    ).toEqual(['COST_INVALID', 'description: DECISION_TEXT_TOO_LONG']);
    expect(await rows('itr_cost_action')).toEqual(before);

    const action = data(await call('getDecisions', {})).costs.items[0]!;
    expect(action).toMatchObject({ status: 'pending', requestedBy: { displayName: 'Wang Fang' }, amountMinor: 80000 });

    // The engineer is no approver; a pending action is not carried out before approval.
    expect(refusal(await call('moveCost', { costId: action.id, move: 'approve', note: '' }))).toEqual([
      'COST_NOT_APPROVER',
    ]);
    expect(refusal(await call('moveCost', { costId: action.id, move: 'markDone', note: '' }))).toEqual([
      'COST_MOVE_NOT_ALLOWED',
    ]);
    expect(refusal(await call('moveCost', { costId: action.id, move: 'refuse', note: '' }, APPROVER))).toEqual([
      'note: DECISION_TEXT_REQUIRED',
    ]);
    expect((await rows('itr_cost_action'))[0]).toMatchObject({ status: 'pending', decided_by: null });

    const approved = data(await call('moveCost', { costId: action.id, move: 'approve', note: 'Go ahead' }, APPROVER));
    expect(approved.costs.items[0]).toMatchObject({
      status: 'approved',
      decidedBy: { displayName: 'Zhou Min' },
      decisionNote: 'Go ahead',
    });
    expect(approved.costs.viewerMayApprove).toBe(true);
    expect(refusal(await call('moveCost', { costId: action.id, move: 'refuse', note: 'late' }, APPROVER))).toEqual([
      'COST_MOVE_NOT_ALLOWED',
    ]);
    const done = data(await call('moveCost', { costId: action.id, move: 'markDone', note: '' }));
    expect(done.costs.items[0]).toMatchObject({ status: 'done', doneBy: { displayName: 'Wang Fang' } });
  });

  it('shows supervision the count and amount per status', async () => {
    await seedOnL1('ITR-1', critical);
    const ask = (amountMinor: number) =>
      call('requestCost', { kind: 'replacementPart', amountMinor, currency: 'CNY', description: 'Power supply' });
    await ask(1000);
    await ask(2500);
    const third = data(await ask(400)).costs.items[2]!;
    await call('moveCost', { costId: third.id, move: 'refuse', note: 'Under warranty' }, APPROVER);
    const summary = (await invokeResolver(
      supervisionResolver,
      'getCostSummary',
      {},
      { accountId: ENGINEER },
    )) as Envelope<CostSummaryView>;
    expect(data(summary)).toMatchObject({
      pending: { count: 2, amountByCurrency: { CNY: 3500 } },
      refused: { count: 1, amountByCurrency: { CNY: 400 } },
      approved: { count: 0 },
    });
  });
});

describe('clarification with the submitter', () => {
  it('asks the submitter by name, pauses the clocks, and resumes on their answer only', async () => {
    const issue = await seedOnL1('ITR-1', critical);
    const due0 = Date.parse(String(jira.issue('ITR-1').fields[ids.lineDueAt]));
    expect(refusal(await call('askSubmitter', { question: '' }))).toEqual(['question: DECISION_TEXT_REQUIRED']);
    expect(refusal(await call('askSubmitter', { question: 'Which firmware?' }, READER))).toEqual(['NOT_AUTHORIZED']);
    expect(await rows('itr_clarification')).toEqual([]);

    jest.setSystemTime(at(10));
    const asked = data(await call('askSubmitter', { question: 'Which firmware version runs on the router?' }));
    expect(asked.clarification.items[0]).toMatchObject({
      question: 'Which firmware version runs on the router?',
      submitter: { displayName: 'Liu Yang' },
      answer: null,
    });
    // A comment naming the submitter (a mention), as the engineer; a notification to the submitter.
    const comment = JSON.stringify(jira.issue('ITR-1').comments.at(-1));
    expect(comment).toContain('Which firmware version');
    expect(comment).toContain(SUBMITTER);
    expect(jira.model.notifications.at(-1)!.body).toMatchObject({ to: { users: [{ accountId: SUBMITTER }] } });
    // The same pause as waiting for the customer: the due time is cleared, a pause is open.
    expect(jira.issue('ITR-1').fields[ids.lineDueAt] ?? null).toBeNull();
    expect(await sql.raw('SELECT line, to_at FROM line_pause WHERE issue_id = ?', [Number(issue.id)])).toEqual([
      { line: 'L1', to_at: null },
    ]);
    expect(refusal(await call('askSubmitter', { question: 'And the serial?' }))).toEqual([
      'CLARIFICATION_ALREADY_OPEN',
    ]);

    // Only the submitter answers; an empty answer keeps the question open.
    jest.setSystemTime(at(70));
    expect(refusal(await call('answerSubmitter', { answer: 'v2.3' }))).toEqual(['CLARIFICATION_NOT_SUBMITTER']);
    expect(refusal(await call('answerSubmitter', { answer: '' }, SUBMITTER))).toEqual([
      'answer: DECISION_TEXT_REQUIRED',
    ]);
    const answered = data(await call('answerSubmitter', { answer: 'Firmware 2.3.1' }, SUBMITTER));
    expect(answered.clarification.items[0]).toMatchObject({
      answer: 'Firmware 2.3.1',
      answeredBy: { displayName: 'Liu Yang' },
      answeredVia: 'panel',
    });
    // The clocks run again, pushed out by the hour they waited.
    expect(Date.parse(String(jira.issue('ITR-1').fields[ids.lineDueAt]))).toBe(due0 + 60 * MINUTE);
    expect(refusal(await call('answerSubmitter', { answer: 'again' }, SUBMITTER))).toEqual(['CLARIFICATION_NOT_OPEN']);
  });

  it("takes the submitter's Jira comment as the answer (the use case a comment trigger calls); others' comments change nothing", async () => {
    const issue = await seedOnL1('ITR-1', critical);
    const due0 = Date.parse(String(jira.issue('ITR-1').fields[ids.lineDueAt]));
    jest.setSystemTime(at(10));
    data(await call('askSubmitter', { question: 'Which firmware version runs on the router?' }));
    jest.setSystemTime(at(40));
    const comment = (author: string, minute: number) =>
      invokeFunction(
        () => answerFromComment(issue.id, { authorAccountId: author, text: ' Firmware 2.3.1 ', createdAt: at(minute) }),
        {},
      );
    expect(await comment(ENGINEER, 40)).toBe('ignored');
    expect(await comment(SUBMITTER, 5)).toBe('ignored'); // written before the question
    expect(jira.issue('ITR-1').fields[ids.lineDueAt] ?? null).toBeNull();
    expect(await comment(SUBMITTER, 40)).toBe('answered');
    expect(data(await call('getDecisions', {})).clarification.items[0]).toMatchObject({
      answer: 'Firmware 2.3.1',
      answeredVia: 'comment',
      answeredBy: { displayName: 'Liu Yang' },
    });
    expect(Date.parse(String(jira.issue('ITR-1').fields[ids.lineDueAt]))).toBe(due0 + 30 * MINUTE);
    expect(await comment(SUBMITTER, 41)).toBe('ignored');
  });

  it('cannot ask an issue without a recorded submitter', async () => {
    jira.seedIssue({ key: 'ITR-1', fields: { [ids.kind]: 'complaint', [ids.grade]: critical } });
    expect(refusal(await call('askSubmitter', { question: 'Which firmware?' }))).toEqual([
      'CLARIFICATION_NO_SUBMITTER',
    ]);
  });
});
