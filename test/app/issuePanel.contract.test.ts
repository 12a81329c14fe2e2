/**
 * The issue panel's resolver end to end: the exported handler, the real @forge/api and @forge/kvs,
 * the Jira double (checked against Jira's OpenAPI spec) and the domain computing the deadlines.
 */
import { escalationConsumer, escalationSweep, issuePanelResolver } from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../src/app/config/itrConfig';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, lineBudget, type GradingTable } from '../../src/domain';
import { runMigrations } from '../../src/adapters/sql';
import { repositories } from '../../src/app/ports';
import type { ResponseClock } from '../../src/contract/issuePanel';
import { harness, invokeFunction, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { ITR_TYPE } from '../fixtures/itrScope';

const { jira, queue, sql } = harness();
const ENGINEER = 'acc-engineer';
const OUTSIDER = 'acc-outsider';

function panel(issueKey: string, accountId: string): Promise<unknown> {
  return invokeResolver(
    issuePanelResolver,
    'getIssueItrState',
    { issueKey },
    {
      accountId,
      context: { extension: { type: 'jira:issuePanel', issue: { key: issueKey } } },
    },
  );
}

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  // Issue ids restart at 10000 in every test; pauses in SQL outlive the double.
  await runMigrations();
  await sql.raw('DELETE FROM line_pause');
  await sql.raw('DELETE FROM classification_history');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang', locale: 'zh_CN' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER] });
  ids = defineItrFields(jira);
});

// Critical runs on the 24×7 calendar, so its deadlines are plain arithmetic on elapsed time.
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const l1 = lineBudget(DEFAULT_GRADING_TABLE, critical, 'L1');

describe('getIssueItrState through issuePanelResolver', () => {
  it('shows the line deadlines the app stamped on the issue, the owner by name, and the status', async () => {
    // 80 % of the budget used: past the 75 % warning, before due. Whole seconds, as Jira stores them.
    const entered = new Date(Math.floor((Date.now() - l1.minutes * 0.8 * 60_000) / 1000) * 1000);
    jira.seedIssue({
      key: 'ITR-1',
      fields: {
        [ids.kind]: 'complaint',
        [ids.grade]: critical,
        [ids.gradingTableVersion]: DEFAULT_GRADING_TABLE.version,
        [ids.line]: 'L1',
        [ids.lineEnteredAt]: entered.toISOString(),
        // What the app stamped when the issue entered the line (the panel shows these, never its own).
        [ids.lineDueAt]: new Date(entered.getTime() + l1.minutes * 60_000).toISOString(),
        [ids.lineWarnAt]: new Date(entered.getTime() + Math.floor(l1.minutes * 0.75) * 60_000).toISOString(),
        [ids.owner]: { accountId: ENGINEER },
        [ids.acceptance]: 'accepted',
      },
    });
    const answer = await panel('ITR-1', ENGINEER);
    const enteredSecond = entered.getTime();
    expect(answer).toEqual({
      success: true,
      data: {
        issueKey: 'ITR-1',
        kind: 'complaint',
        grade: critical,
        gradeLabel: { en: 'Critical', 'zh-CN': '紧急' },
        gradingTableVersion: DEFAULT_GRADING_TABLE.version,
        // Not classified: the problem times (the only ones the shipped table has).
        timeRule: 'problem',
        line: 'L1',
        lineEnteredAt: new Date(enteredSecond).toISOString(),
        dueAt: new Date(enteredSecond + l1.minutes * 60_000).toISOString(),
        warnAt: new Date(enteredSecond + Math.floor(l1.minutes * 0.75) * 60_000).toISOString(),
        pausedSince: null,
        remainingMinutes: Math.round(l1.minutes * 0.2),
        status: 'warning',
        gradingTableInForce: DEFAULT_GRADING_TABLE.version,
        lineFinal: null,
        response: null,
        owner: { accountId: ENGINEER, displayName: 'Wang Fang' },
        acceptance: 'accepted',
        canAnswer: false,
        pendingForward: null,
        ownerHistory: [],
        // Not classified, no submitter recorded: nothing on the way to Closed yet, and the viewer is not the submitter.
        closure: {
          classification: null,
          rootCauseComplete: false,
          stage: 'open',
          visitPending: false,
          submitter: null,
          closeRefusal: 'notSubmitter',
          viewerRecordsVisits: false,
        },
      },
    });
  });

  it('waiting for the customer: closed pauses push the deadlines out, an open pause stops the clock', async () => {
    const minute = 60_000;
    const now = Math.floor(Date.now() / 1000) * 1000;
    const ago = (m: number): Date => new Date(now - m * minute);
    const issue = jira.seedIssue({
      key: 'ITR-6',
      fields: {
        [ids.kind]: 'complaint',
        [ids.grade]: critical,
        [ids.line]: 'L1',
        [ids.lineEnteredAt]: ago(30).toISOString(),
      },
    });
    const pause = (from: Date, to: Date | null) =>
      sql.raw('INSERT INTO line_pause (issue_id, line, from_at, to_at) VALUES (?, ?, ?, ?)', [
        Number(issue.id),
        'L1',
        from,
        to,
      ]);
    await pause(ago(25), ago(15));
    // The app rewrote the due time when the pause closed (src/app/escalation/pauses.ts).
    jira.issue('ITR-6').fields[ids.lineDueAt] = new Date(now - 30 * minute + (l1.minutes + 10) * minute).toISOString();
    const resumed = (await panel('ITR-6', ENGINEER)) as { data: Record<string, unknown> };
    expect(resumed.data).toMatchObject({
      status: 'onTrack',
      pausedSince: null,
      dueAt: new Date(now - 30 * minute + (l1.minutes + 10) * minute).toISOString(),
    });
    await pause(ago(5), null);
    jira.issue('ITR-6').fields[ids.lineDueAt] = null; // nulled while paused, as the app does
    const paused = (await panel('ITR-6', ENGINEER)) as { data: Record<string, unknown> };
    // 30 minutes on the line, 10 + 5 of them waiting: 15 working minutes used on the 24×7 calendar.
    expect(paused.data).toMatchObject({
      status: 'paused',
      pausedSince: ago(5).toISOString(),
      dueAt: null,
      warnAt: null,
      remainingMinutes: l1.minutes - 15,
    });
  });

  it('on a site whose workflow never sets Resolution, an issue in a Done-category status shows its final clock: done, the time left when it became done', async () => {
    const minute = 60_000;
    const now = Math.floor(Date.now() / 1000) * 1000;
    const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');
    const entered = now - 100 * minute; // 100 minutes on L1 …
    jira.seedIssue({
      key: 'ITR-7',
      status: 'Closed', // Done category
      fields: {
        resolution: null,
        resolutiondate: null,
        statuscategorychangedate: iso(entered + 40 * minute), // … but done after 40 of them
        [ids.kind]: 'complaint',
        [ids.grade]: critical,
        [ids.line]: 'L1',
        [ids.lineEnteredAt]: new Date(entered).toISOString(),
      },
    });
    const done = (await panel('ITR-7', ENGINEER)) as { data: Record<string, unknown> };
    // No due time stored (never stamped): the final state is counted from the budget.
    expect(done.data).toMatchObject({
      status: 'done',
      dueAt: null,
      warnAt: null,
      pausedSince: null,
      remainingMinutes: l1.minutes - 40,
      lineFinal: {
        outcome: 'met',
        spareMinutes: l1.minutes - 40,
        stoppedAt: new Date(entered + 40 * minute).toISOString(),
      },
    });
    // The same issue still in progress runs its clock.
    jira.seedIssue({
      key: 'ITR-8',
      status: 'In Progress',
      fields: {
        [ids.kind]: 'complaint',
        [ids.grade]: critical,
        [ids.line]: 'L1',
        [ids.lineEnteredAt]: new Date(entered).toISOString(),
        [ids.lineDueAt]: new Date(entered + l1.minutes * minute).toISOString(),
      },
    });
    expect(((await panel('ITR-8', ENGINEER)) as { data: Record<string, unknown> }).data).toMatchObject({
      status: 'onTrack',
      remainingMinutes: l1.minutes - 100,
      lineFinal: null,
    });
  });

  it('says notStarted for an issue that was not triaged yet', async () => {
    jira.seedIssue({ key: 'ITR-2' });
    const answer = await panel('ITR-2', ENGINEER);
    expect(answer).toMatchObject({
      success: true,
      data: { kind: null, grade: null, gradeLabel: null, line: null, dueAt: null, status: 'notStarted' },
    });
  });

  it('keeps the due time the issue was stamped with and says which table version it was, when another is in force', async () => {
    // Version 2 gives Critical's L1 five more points; the issue was stamped under version 1.
    const sla = DEFAULT_GRADING_TABLE.sla[critical]!;
    const { L1, L2, L3 } = sla.ola.lines;
    const table: GradingTable = {
      ...DEFAULT_GRADING_TABLE,
      version: 2,
      sla: {
        ...DEFAULT_GRADING_TABLE.sla,
        [critical]: {
          ...sla,
          ola: {
            ...sla.ola,
            lines: { L1: { ...L1, amount: L1.amount + 5 }, L2: { ...L2, amount: L2.amount - 5 }, L3 },
          },
        },
      },
    };
    await new ConfigStore().set(CONFIG_KEYS.gradingTable, table, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
    expect(lineBudget(table, critical, 'L1').minutes).toBeGreaterThan(l1.minutes);
    const entered = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    const stampedDue = new Date(entered + l1.minutes * 60_000).toISOString();
    jira.seedIssue({
      key: 'ITR-3',
      fields: {
        [ids.kind]: 'complaint',
        [ids.grade]: critical,
        [ids.gradingTableVersion]: 1,
        [ids.line]: 'L1',
        [ids.lineEnteredAt]: new Date(entered).toISOString(),
        [ids.lineDueAt]: stampedDue,
      },
    });
    const answer = (await panel('ITR-3', ENGINEER)) as { data: Record<string, unknown> };
    // The field's due time, the one the sweep escalates by: not a recomputation under version 2.
    expect(answer.data).toMatchObject({
      dueAt: stampedDue,
      gradingTableVersion: 1,
      gradingTableInForce: 2,
      status: 'onTrack',
    });
  });

  it('names the owner and the history by display name through one bulk look-up; an account Jira no longer knows has no name (the UI says "Unknown user")', async () => {
    const GONE = 'acc-deleted';
    const issue = jira.seedIssue({
      key: 'ITR-11',
      fields: { [ids.kind]: 'complaint', [ids.owner]: { accountId: GONE }, [ids.acceptance]: 'accepted' },
    });
    await repositories().classificationHistory.appendHistory([
      {
        issueId: issue.id,
        issueKey: 'ITR-11',
        field: 'owner',
        oldValue: ENGINEER,
        newValue: GONE,
        reason: 'forward: network team',
        actorAccountId: ENGINEER,
        at: new Date(Date.now() - 60_000),
      },
    ]);
    const before = jira.requestCount('GET /rest/api/3/user/bulk');
    const answer = (await panel('ITR-11', ENGINEER)) as { data: { owner: unknown; ownerHistory: unknown[] } };
    expect(answer.data.owner).toEqual({ accountId: GONE, displayName: null });
    expect(answer.data.ownerHistory).toEqual([
      expect.objectContaining({
        event: 'forwarded',
        by: { accountId: ENGINEER, displayName: 'Wang Fang' },
        from: { accountId: ENGINEER, displayName: 'Wang Fang' },
        to: { accountId: GONE, displayName: null },
        reason: 'network team',
      }),
    ]);
    expect(jira.requestCount('GET /rest/api/3/user/bulk') - before).toBe(1);
  });

  it('answers ISSUE_NOT_FOUND to a viewer who may not browse the issue, without leaking it', async () => {
    jira.seedIssue({ key: 'ITR-4', fields: { [ids.kind]: 'complaint' } });
    const answer = await panel('ITR-4', OUTSIDER);
    expect(answer).toEqual({ success: false, errors: [expect.objectContaining({ code: 'ISSUE_NOT_FOUND' })] });
    expect(JSON.stringify(answer)).not.toContain('complaint');
  });

  it('answers FIELDS_NOT_INSTALLED when Jira lists none of the app fields', async () => {
    jira.reset();
    jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
    jira.seedIssue({ key: 'ITR-5' });
    const answer = await panel('ITR-5', ENGINEER);
    expect(answer).toEqual({ success: false, errors: [expect.objectContaining({ code: 'FIELDS_NOT_INSTALLED' })] });
  });
});

/**
 * The response (acceptance) clock: the promise to the customer, from the issue's creation. Critical's
 * response time is 30 minutes on the 24×7 calendar (warning at 22), so the times are plain arithmetic.
 * The panel reads the due and warning times from the issue's fields and the answer's time from the
 * classification history, as the sweep and triage record them.
 */
describe('the response clock in the panel', () => {
  const MINUTE = 60_000;
  const RESPONSE = DEFAULT_GRADING_TABLE.sla[critical]!.responseMinutes;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const jiraTime = (ms: number): string => iso(ms).replace('Z', '+0000');
  /** The fields the app writes at creation for an issue created at `created` (whole seconds). */
  const stamped = (created: number) => ({
    [ids.responseDueAt]: iso(created + RESPONSE * MINUTE),
    [ids.responseWarnAt]: iso(created + 22 * MINUTE),
  });
  // Functions: the field ids are defined anew before each test.
  const triaged = () => ({
    [ids.kind]: 'complaint',
    [ids.grade]: critical,
    [ids.line]: 'L1',
    [ids.owner]: { accountId: ENGINEER },
  });

  interface Case {
    name: string;
    created: number;
    status?: string;
    fields: () => Record<string, unknown>;
    /** The acceptance rows as triage (`accepted`) or the sweep (`deemedAccepted`, at the deadline) record them. */
    answers?: Array<{ value: 'accepted' | 'deemedAccepted' | 'declined'; at: number }>;
    pauses?: Array<{ from: number; to: number | null }>;
    expected: ResponseClock | null;
  }
  // Created 40 minutes ago: due 10 minutes ago.
  const c40 = now - 40 * MINUTE;
  const due40 = c40 + RESPONSE * MINUTE;
  const cases: Case[] = [
    {
      name: 'running before triage: on track, the stored times',
      created: now - 10 * MINUTE,
      fields: () => stamped(now - 10 * MINUTE),
      expected: {
        dueAt: iso(now + 20 * MINUTE),
        warnAt: iso(now + 12 * MINUTE),
        status: 'onTrack',
        pausedSince: null,
        final: null,
      },
    },
    {
      name: 'past the warning time, awaiting the owner: warning',
      created: now - 25 * MINUTE,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'awaiting', ...stamped(now - 25 * MINUTE) }),
      expected: {
        dueAt: iso(now + 5 * MINUTE),
        warnAt: iso(now - 3 * MINUTE),
        status: 'warning',
        pausedSince: null,
        final: null,
      },
    },
    {
      name: 'past the deadline and still untriaged: overdue',
      created: c40,
      fields: () => stamped(c40),
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'overdue',
        pausedSince: null,
        final: null,
      },
    },
    {
      name: 'accepted 12 minutes before the deadline: met, 12 minutes to spare',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'accepted', ...stamped(c40) }),
      answers: [{ value: 'accepted', at: due40 - 12 * MINUTE }],
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'met',
        pausedSince: null,
        final: { outcome: 'met', spareMinutes: 12, stoppedAt: iso(due40 - 12 * MINUTE) },
      },
    },
    {
      name: 'accepted 7 minutes after the deadline: breached by 7',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'accepted', ...stamped(c40) }),
      answers: [{ value: 'accepted', at: due40 + 7 * MINUTE }],
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'breached',
        pausedSince: null,
        final: { outcome: 'breached', overMinutes: 7, stoppedAt: iso(due40 + 7 * MINUTE) },
      },
    },
    {
      // Timeout consent: the owner is taken to have accepted AT the deadline, which keeps the promise.
      name: 'deemed accepted by the sweep at the deadline: met with nothing to spare, not breached by 0',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'deemedAccepted', ...stamped(c40) }),
      answers: [{ value: 'deemedAccepted', at: due40 }],
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'met',
        pausedSince: null,
        final: { outcome: 'met', spareMinutes: 0, stoppedAt: iso(due40) },
      },
    },
    {
      name: 'deemed accepted at a dispatch 5 minutes after the deadline: breached by 5 (passing the issue on buys no time)',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'deemedAccepted', ...stamped(c40) }),
      answers: [{ value: 'deemedAccepted', at: due40 + 5 * MINUTE }],
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'breached',
        pausedSince: null,
        final: { outcome: 'breached', overMinutes: 5, stoppedAt: iso(due40 + 5 * MINUTE) },
      },
    },
    {
      name: 'accepted, declined, accepted again: the latest acceptance stopped the clock',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'accepted', ...stamped(c40) }),
      answers: [
        { value: 'accepted', at: c40 + 5 * MINUTE },
        { value: 'declined', at: c40 + 10 * MINUTE },
        { value: 'accepted', at: due40 + 2 * MINUTE },
      ],
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'breached',
        pausedSince: null,
        final: { outcome: 'breached', overMinutes: 2, stoppedAt: iso(due40 + 2 * MINUTE) },
      },
    },
    {
      name: 'done before anyone answered, 4 minutes before the deadline: met, never "on track" on a closed issue',
      created: c40,
      status: 'Closed',
      fields: () => ({ ...stamped(c40), resolutiondate: jiraTime(due40 - 4 * MINUTE) }),
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'met',
        pausedSince: null,
        final: { outcome: 'met', spareMinutes: 4, stoppedAt: iso(due40 - 4 * MINUTE) },
      },
    },
    {
      name: 'done unanswered 9 minutes after the deadline (Done category, no Resolution): breached by 9',
      created: c40,
      status: 'Closed',
      fields: () => ({
        ...stamped(c40),
        resolution: null,
        resolutiondate: null,
        statuscategorychangedate: jiraTime(due40 + 9 * MINUTE),
      }),
      expected: {
        dueAt: iso(due40),
        warnAt: iso(c40 + 22 * MINUTE),
        status: 'breached',
        pausedSince: null,
        final: { outcome: 'breached', overMinutes: 9, stoppedAt: iso(due40 + 9 * MINUTE) },
      },
    },
    {
      name: 'waiting for the customer (the app cleared the times): paused, since when',
      created: now - 10 * MINUTE,
      fields: () => ({ [ids.responseDueAt]: null, [ids.responseWarnAt]: null }),
      pauses: [{ from: now - 3 * MINUTE, to: null }],
      expected: { dueAt: null, warnAt: null, status: 'paused', pausedSince: iso(now - 3 * MINUTE), final: null },
    },
    {
      name: 'accepted while waiting for the customer: its budget from creation minus the wait, 20 minutes to spare',
      created: c40,
      fields: () => ({
        ...triaged(),
        [ids.acceptance]: 'accepted',
        [ids.responseDueAt]: null,
        [ids.responseWarnAt]: null,
      }),
      pauses: [{ from: c40 + 10 * MINUTE, to: null }],
      answers: [{ value: 'accepted', at: c40 + 20 * MINUTE }],
      expected: {
        dueAt: null,
        warnAt: null,
        status: 'met',
        pausedSince: null,
        final: { outcome: 'met', spareMinutes: 20, stoppedAt: iso(c40 + 20 * MINUTE) },
      },
    },
    {
      name: 'no response times stored and no wait (an issue from before the clock): no clock, none invented',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'accepted' }),
      answers: [{ value: 'accepted', at: c40 + 5 * MINUTE }],
      expected: null,
    },
    {
      name: 'accepted with no recorded time: met or breached cannot be told, no clock shown',
      created: c40,
      fields: () => ({ ...triaged(), [ids.acceptance]: 'accepted', ...stamped(c40) }),
      expected: null,
    },
  ];

  it.each(cases)('$name', async (c) => {
    const issue = jira.seedIssue({
      key: 'ITR-20',
      issueType: ITR_TYPE,
      created: new Date(c.created),
      ...(c.status === undefined ? {} : { status: c.status }),
      fields: c.fields(),
    });
    await repositories().classificationHistory.appendHistory(
      (c.answers ?? []).map((a) =>
        a.value === 'declined'
          ? {
              issueId: issue.id,
              issueKey: 'ITR-20',
              field: 'owner',
              oldValue: ENGINEER,
              newValue: null,
              reason: 'decline: not mine',
              actorAccountId: ENGINEER,
              at: new Date(a.at),
            }
          : {
              issueId: issue.id,
              issueKey: 'ITR-20',
              field: 'acceptance',
              oldValue: 'awaiting',
              newValue: a.value,
              reason: a.value === 'deemedAccepted' ? 'ACCEPTANCE_TIMEOUT' : null,
              actorAccountId: ENGINEER,
              at: new Date(a.at),
            },
      ),
    );
    for (const p of c.pauses ?? []) {
      await sql.raw('INSERT INTO line_pause (issue_id, line, from_at, to_at) VALUES (?, ?, ?, ?)', [
        Number(issue.id),
        'untriaged',
        new Date(p.from),
        p.to === null ? null : new Date(p.to),
      ]);
    }
    const answer = (await panel('ITR-20', ENGINEER)) as { success: boolean; data: { response: unknown } };
    expect(answer.success).toBe(true);
    expect(answer.data.response).toEqual(c.expected);
  });

  it('after the real sweep applies timeout consent, the panel shows the response met at the deadline, as the history row says', async () => {
    queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
    jira.seedIssue({
      key: 'ITR-21',
      issueType: ITR_TYPE,
      created: new Date(c40),
      fields: { ...triaged(), [ids.acceptance]: 'awaiting', ...stamped(c40) },
    });
    const before = (await panel('ITR-21', ENGINEER)) as { data: { response: ResponseClock } };
    expect(before.data.response).toMatchObject({ status: 'overdue', final: null });
    await invokeFunction(escalationSweep, {});
    await queue.drain();
    expect(jira.issue('ITR-21').fields[ids.acceptance]).toBe('deemedAccepted');
    const after = (await panel('ITR-21', ENGINEER)) as {
      data: { response: ResponseClock; ownerHistory: Array<{ event: string; at: string }> };
    };
    expect(after.data.response).toEqual({
      dueAt: iso(due40),
      warnAt: iso(c40 + 22 * MINUTE),
      status: 'met',
      pausedSince: null,
      final: { outcome: 'met', spareMinutes: 0, stoppedAt: iso(due40) },
    });
    expect(after.data.ownerHistory).toEqual([expect.objectContaining({ event: 'deemedAccepted', at: iso(due40) })]);
  });
});
