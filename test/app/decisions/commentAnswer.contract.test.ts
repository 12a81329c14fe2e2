/**
 * Clarification answered by a plain Jira comment (issue 17), end to end: the submitter comments on
 * the issue through Jira (the double, checked against Jira's spec), Jira fires
 * `avi:jira:commented:issue`, the platform delivers it to the exported `issue-commented` trigger as the
 * manifest declares it (events, `filter.ignoreSelf`), and the trigger reads the comment again from
 * Jira as the app. Only the submitter in the app's field answers; someone else's comment or a forged
 * payload changes nothing; the clocks restart by exactly the time waited, and only when nothing else
 * holds the shared pause (a waiting-for-customer status, a pending value assessment).
 */
import api, { route } from '@forge/api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { escalationConsumer, issueCommented, issuePanelResolver, issueUpdated } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { enterLine } from '../../../src/app/escalation';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import type { TriggerFilter } from '../../../platform-doubles/productEvents';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { createI18n } from '../../../static/shared/i18n';
import { defineItrFields } from '../../fixtures/itrFields';
import type { DecisionsView } from '../../../src/contract/decisions';

const { jira, queue, sql, productEvents, runtime } = harness();

const ENGINEER = 'acc-engineer';
const SUBMITTER = 'acc-submitter';
/** The issue's reporter (editable by anyone who edits the issue), not the submitter the app recorded. */
const REPORTER = 'acc-reporter';
const COMMENTED = 'avi:jira:commented:issue';

const MINUTE = 60_000;
const T0 = new Date('2026-03-02T08:00:00.000Z');
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);

interface ManifestTrigger {
  key: string;
  function: string;
  events: string[];
  filter?: TriggerFilter;
}
const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as {
  modules: { trigger: ManifestTrigger[] };
};
const commentedTrigger = manifest.modules.trigger.find((t) => t.function === 'issue-commented');

type Envelope<T> = { success: true; data: T } | { success: false; errors: Array<{ code: string }> };

let ids: ReturnType<typeof defineItrFields>;

async function panel<T = DecisionsView>(fn: string, payload: Record<string, unknown>, accountId = ENGINEER) {
  const answer = (await invokeResolver(
    issuePanelResolver,
    fn,
    { issueKey: 'ITR-1', ...payload },
    { accountId, context: { extension: { type: 'jira:issuePanel', issue: { key: 'ITR-1' } } } },
  )) as Envelope<T>;
  if (!answer.success) throw new Error(`${fn} refused: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** `accountId` comments on ITR-1 in Jira (REST, as themselves); Jira's events are then delivered. */
async function commentAs(accountId: string, text: string, minute: number): Promise<string> {
  jest.setSystemTime(at(minute));
  const res = await runtime.runAs(accountId, () =>
    api.asUser().requestJira(route`/rest/api/3/issue/ITR-1/comment`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: doc(text) }),
    }),
  );
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await deliver();
  return id;
}

/** Delivers what Jira fired since the last call; returns the commented trigger's outcomes. */
async function deliver(): Promise<string[]> {
  const from = productEvents.deliveries.length;
  await productEvents.emitFromJira(jira);
  await productEvents.drain();
  return productEvents.deliveries
    .slice(from)
    .filter((d) => d.triggerKey === commentedTrigger?.key)
    .map((d) => (d.reason === undefined ? d.outcome : `${d.outcome}:${d.reason}`));
}

/** A status change in Jira, delivered to issue-updated as its changelog shows it. */
async function changeStatus(issue: { id: string; key: string }, from: string, to: string, minute: number) {
  jest.setSystemTime(at(minute));
  jira.issue(issue.key).fields['status'] = { name: to };
  await invokeFunction(issueUpdated, {
    eventType: 'avi:jira:updated:issue',
    issue: { id: issue.id, key: issue.key, fields: {} },
    atlassianId: ENGINEER,
    changelog: {
      id: '1',
      items: [
        { field: 'status', fieldId: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to },
      ],
    },
  });
}

async function ask(minute: number): Promise<void> {
  jest.setSystemTime(at(minute));
  await panel('askSubmitter', { question: 'Which firmware version runs on the router?' });
  // The question is the engineer's comment: delivered to the trigger, it answers nothing.
  expect(await deliver()).toEqual(['success']);
}

const dueAt = (): number | null => {
  const v = jira.issue('ITR-1').fields[ids.lineDueAt];
  return v === undefined || v === null ? null : Date.parse(String(v));
};
const openPauses = async () => sql.raw<Array<{ to_at: unknown }>>('SELECT to_at FROM line_pause WHERE to_at IS NULL');
const clarification = async () => (await panel('getDecisions', {})).clarification.items[0];

let due0: number;
let issue: { id: string; key: string };

async function seed(classification?: 'requirement'): Promise<void> {
  issue = jira.seedIssue({
    key: 'ITR-1',
    status: 'In Progress',
    fields: {
      [ids.kind]: 'complaint',
      [ids.grade]: critical,
      [ids.submitter]: { accountId: SUBMITTER },
      reporter: { accountId: REPORTER },
      ...(classification === undefined ? {} : { [ids.classification]: classification }),
    },
  });
  await invokeFunction(
    () => enterLine({ issueId: issue.id, grade: critical, line: 'L1', at: at(0), actor: ENGINEER }),
    {},
  );
  due0 = dueAt()!;
  jira.issueEvents.length = 0;
}

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
    'itr_clarification',
    'requirement_assessment',
    'line_history',
    'line_pause',
    'escalation_action',
    'escalation_audit',
  ])
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Liu Yang' });
  jira.seedUser({ accountId: REPORTER, displayName: 'Zhao Min' });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  if (commentedTrigger === undefined) throw new Error('manifest.yml has no trigger for issue-commented');
  // The trigger as the manifest declares it: its events and its filter.
  productEvents.registerTrigger({
    key: commentedTrigger.key,
    events: commentedTrigger.events,
    handler: issueCommented,
    ...(commentedTrigger.filter ? { filter: commentedTrigger.filter } : {}),
  });
});

afterEach(() => {
  jest.useRealTimers();
  jira.assertNoViolations();
});

describe('the manifest', () => {
  it('subscribes issue-commented to avi:jira:commented:issue, without the app’s own comments', () => {
    expect(commentedTrigger).toMatchObject({ events: [COMMENTED], filter: { ignoreSelf: true } });
  });
});

describe('the submitter answers with a plain Jira comment', () => {
  it('answers the open question and restarts the clocks by exactly the time waited', async () => {
    await seed();
    await ask(10);
    expect(dueAt()).toBeNull();
    await commentAs(SUBMITTER, ' Firmware 2.3.1 ', 40);
    expect(await clarification()).toMatchObject({
      answer: 'Firmware 2.3.1',
      answeredVia: 'comment',
      answeredBy: { displayName: 'Liu Yang' },
    });
    expect(dueAt()).toBe(due0 + 30 * MINUTE);
    expect(await openPauses()).toEqual([]);
    // A second comment answers nothing more (the question is closed): the clocks are untouched.
    await commentAs(SUBMITTER, 'Also: the serial is R-1234', 50);
    expect(dueAt()).toBe(due0 + 30 * MINUTE);
    // What the panel shows for it, in both languages, names no code.
    for (const [locale, text] of [
      ['en', 'Answered in a Jira comment.'],
      ['zh_CN', '通过 Jira 评论答复。'],
    ] as const)
      expect(createI18n(locale, 'UTC').t('clarification.viaComment', {})).toBe(text);
  });

  it('someone else’s comment (the engineer, the editable reporter) answers nothing; the clocks stay paused', async () => {
    await seed();
    await ask(10);
    expect(await commentAs(ENGINEER, 'Firmware 2.3.1, I think', 20)).toEqual(expect.any(String));
    await commentAs(REPORTER, 'Firmware 2.3.1', 25);
    expect(await clarification()).toMatchObject({ answer: null });
    expect(dueAt()).toBeNull();
    expect(await openPauses()).toHaveLength(1);
    // The submitter still can.
    await commentAs(SUBMITTER, 'Firmware 2.3.1', 70);
    expect(dueAt()).toBe(due0 + 60 * MINUTE);
  });

  it('a forged payload (the submitter claimed as author, a comment Jira does not have) answers nothing', async () => {
    await seed();
    await ask(10);
    const engineers = await commentAs(ENGINEER, 'Firmware 2.3.1', 20);
    const forged = (commentId: string) =>
      invokeFunction(issueCommented, {
        eventType: COMMENTED,
        selfGenerated: false,
        issue: { id: issue.id, key: issue.key, fields: {} },
        atlassianId: SUBMITTER,
        associatedUsers: [{ accountId: SUBMITTER }],
        comment: {
          id: commentId,
          author: { accountId: SUBMITTER },
          body: doc('Firmware 2.3.1'),
          created: at(20).toISOString(),
        },
      });
    jest.setSystemTime(at(30));
    await forged(engineers); // Jira says the engineer wrote it
    await forged('99999'); // Jira has no such comment
    expect(await clarification()).toMatchObject({ answer: null });
    expect(dueAt()).toBeNull();
    // The same delivery with the submitter's real comment does answer (the check can fail).
    await commentAs(SUBMITTER, 'Firmware 2.3.1', 45);
    expect(await clarification()).toMatchObject({ answer: 'Firmware 2.3.1', answeredVia: 'comment' });
  });

  it('with no question open, the submitter’s comment changes nothing', async () => {
    await seed();
    await commentAs(SUBMITTER, 'Router keeps rebooting', 5);
    expect(dueAt()).toBe(due0);
    expect(await openPauses()).toEqual([]);
  });

  it('a comment written before the question and delivered late (triggers may lag minutes) is not the answer', async () => {
    await seed();
    jest.setSystemTime(at(9));
    await runtime.runAs(SUBMITTER, () =>
      api.asUser().requestJira(route`/rest/api/3/issue/ITR-1/comment`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: doc('Router keeps rebooting') }),
      }),
    );
    jest.setSystemTime(at(10));
    await panel('askSubmitter', { question: 'Which firmware version runs on the router?' });
    expect(await deliver()).toEqual(['success', 'success']);
    expect(await clarification()).toMatchObject({ answer: null });
    expect(dueAt()).toBeNull();
  });

  it("the app's own comments never reach the trigger (filter.ignoreSelf)", async () => {
    await seed();
    await ask(10);
    await runtime.runAs(undefined, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/ITR-1/comment`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: doc('Escalation warning') }),
      }),
    );
    expect(await deliver()).toEqual(['filtered:ignoreSelf']);
  });
});

describe('the shared pause: the clocks restart only when nothing holds them any more', () => {
  it('leaving the waiting-for-customer status while the question is open keeps the clocks stopped', async () => {
    await seed();
    await ask(10);
    await changeStatus(issue, 'In Progress', 'Waiting for customer', 20);
    await changeStatus(issue, 'Waiting for customer', 'In Progress', 30);
    expect(dueAt()).toBeNull();
    expect(await openPauses()).toHaveLength(1);
    await commentAs(SUBMITTER, 'Firmware 2.3.1', 50);
    // One pause, from the question to the answer.
    expect(dueAt()).toBe(due0 + 40 * MINUTE);
  });

  it('an answer while the issue still waits for the customer leaves the pause to the status', async () => {
    await seed();
    await changeStatus(issue, 'In Progress', 'Waiting for customer', 10);
    await ask(20);
    await commentAs(SUBMITTER, 'Firmware 2.3.1', 30);
    expect(await clarification()).toMatchObject({ answer: 'Firmware 2.3.1' });
    expect(dueAt()).toBeNull();
    await changeStatus(issue, 'Waiting for customer', 'In Progress', 60);
    expect(dueAt()).toBe(due0 + 50 * MINUTE);
  });

  it('a pending value assessment holds the clocks past the waiting status and the answer; its decision restarts them', async () => {
    const table: GradingTable = { ...DEFAULT_GRADING_TABLE, requirementTimes: { pauseWhileAssessing: true } };
    await new ConfigStore().set(CONFIG_KEYS.gradingTable, table, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
    await seed('requirement');
    const assessment = {
      expectedValue: 'Three sites renew',
      cost: '20 engineer-days',
      decision: 'pending',
      reason: '',
    };
    jest.setSystemTime(at(10));
    await panel('saveAssessment', { assessment });
    expect(dueAt()).toBeNull();
    await changeStatus(issue, 'In Progress', 'Waiting for customer', 15);
    await changeStatus(issue, 'Waiting for customer', 'In Progress', 20);
    expect(dueAt()).toBeNull();
    await ask(25);
    await commentAs(SUBMITTER, 'Firmware 2.3.1', 30);
    expect(dueAt()).toBeNull();
    jest.setSystemTime(at(45));
    await panel('saveAssessment', { assessment: { ...assessment, decision: 'accept', reason: 'Fits the roadmap' } });
    expect(dueAt()).toBe(due0 + 35 * MINUTE);
    expect(await openPauses()).toEqual([]);
  });
});
