/**
 * Escalation by time, end to end through the exported handlers: the `escalation-sweep` scheduled
 * trigger, the `escalation-consumer` queue consumer (real @forge/events, @forge/kvs, @forge/sql on
 * MariaDB, the Jira double checked against Jira's OpenAPI spec), and the recalculation on the
 * grading admin resolver.
 *
 * The grade used (Critical) runs on the 24×7 calendar, so deadlines are plain arithmetic.
 */
import { escalationConsumer, escalationSweep, gradingAdminResolver, issuePanelResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { escalationSettingsCodec, ESCALATION_SETTINGS_KEY, enterLine, platformDeps } from '../../../src/app/escalation';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, lineBudget, type GradingTable } from '../../../src/domain';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue, sql, runtime } = harness();

const ADMIN = 'acc-admin';
const ENGINEER = 'acc-engineer';
const L2_EXPERT = 'acc-l2';
const L3_DEV = 'acc-l3';
const MANAGER = 'acc-manager';
const MINUTE = 60_000;

const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const budget = (line: 'L1' | 'L2' | 'L3'): number => lineBudget(DEFAULT_GRADING_TABLE, critical, line).minutes;

let ids: ReturnType<typeof defineItrFields>;

/** Whole seconds, as Jira stores app datetime values. */
const ago = (minutes: number): Date => new Date(Math.floor((Date.now() - minutes * MINUTE) / 1000) * 1000);

function seedOnLine(
  key: string,
  line: 'L1' | 'L2' | 'L3',
  enteredAt: Date,
  extra: Record<string, unknown> = {},
  status?: string,
) {
  return jira.seedIssue({
    key,
    ...(status === undefined ? {} : { status }),
    fields: {
      [ids.kind]: 'complaint',
      [ids.grade]: critical,
      [ids.line]: line,
      [ids.lineEnteredAt]: enteredAt.toISOString(),
      [ids.lineDueAt]: new Date(enteredAt.getTime() + budget(line) * MINUTE).toISOString(),
      [ids.lineWarnAt]: new Date(enteredAt.getTime() + Math.floor(budget(line) * 0.75) * MINUTE).toISOString(),
      ...extra,
    },
  });
}

async function sweepAndDrain(): Promise<void> {
  await invokeFunction(escalationSweep, {});
  await queue.drain();
}

function comments(key: string): string[] {
  return jira.issue(key).comments.map((c) => JSON.stringify(c.body));
}

/** Account ids mentioned (ADF `mention` nodes) in the issue's comments: Jira notifies each of them. */
function mentions(key: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const n = node as { type?: unknown; attrs?: { id?: unknown }; content?: unknown };
      if (n.type === 'mention' && typeof n.attrs?.id === 'string') found.push(n.attrs.id);
      walk(n.content);
    }
  };
  for (const c of jira.issue(key).comments) walk(c.body);
  return found;
}

async function historyRows(issueId: string): Promise<Array<Record<string, unknown>>> {
  return sql.raw<Array<Record<string, unknown>>>(
    'SELECT line, outcome, entered_by, holder_account_id, working_minutes_used FROM line_history WHERE issue_id = ? ORDER BY entered_at',
    [Number(issueId)],
  );
}

beforeEach(async () => {
  for (const [accountId, displayName] of [
    [ENGINEER, 'Wang Fang'],
    [L2_EXPERT, 'Li Lei'],
    [L3_DEV, 'Zhao Min'],
    [MANAGER, 'Chen Jie'],
  ] as const) {
    jira.seedUser({ accountId, displayName });
  }
  jira.seedUser({
    accountId: ADMIN,
    displayName: 'Admin',
    groups: ['jira-administrators'],
    globalPermissions: ['ADMINISTER'],
  });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  await new ConfigStore().set(
    ESCALATION_SETTINGS_KEY,
    {
      lines: {
        L1: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [ENGINEER],
          notifyGroups: [],
        },
        L2: {
          assignment: { mode: 'person', accountId: L2_EXPERT },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L3: {
          assignment: { mode: 'person', accountId: L3_DEV },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
      },
      managementAccountIds: [MANAGER],
      managementGroups: [],
      locale: 'zh-CN',
    },
    escalationSettingsCodec,
  );
  // Every test starts from an empty history (issue ids repeat because the Jira double is reset).
  await platformDeps().loadSettings(); // warm nothing; the tables are created by the first use
  for (const table of ['line_history', 'escalation_action', 'escalation_audit']) {
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
  }
});

describe('escalation sweep and consumer', () => {
  it('moves an issue past its L1 due time to L2: fields, one history change, one comment mentioning whom to tell', async () => {
    const entered = ago(budget('L1') + 30);
    const issue = seedOnLine('ITR-1', 'L1', entered, { [ids.owner]: { accountId: ENGINEER } });
    await sweepAndDrain();

    const fields = jira.issue('ITR-1').fields;
    const l1Due = new Date(entered.getTime() + budget('L1') * MINUTE);
    expect(fields[ids.line]).toBe('L2');
    expect(Date.parse(String(fields[ids.lineEnteredAt]))).toBe(l1Due.getTime()); // L2's clock starts when L1's ran out
    expect(Date.parse(String(fields[ids.lineDueAt]))).toBe(l1Due.getTime() + budget('L2') * MINUTE);
    expect(fields[ids.owner]).toMatchObject({ accountId: L2_EXPERT });
    expect(await historyRows(issue.id)).toEqual([
      {
        line: 'L1',
        outcome: 'timed_out',
        entered_by: null,
        holder_account_id: ENGINEER,
        working_minutes_used: budget('L1'),
      },
      { line: 'L2', outcome: null, entered_by: 'app', holder_account_id: L2_EXPERT, working_minutes_used: 0 },
    ]);
    expect(comments('ITR-1')).toHaveLength(1);
    expect(comments('ITR-1')[0]).toContain('二线'); // the site's language (zh-CN in the settings)
    // L2's assignee is told by the mention (Jira notifies mentioned users): no separate /notify.
    expect(mentions('ITR-1')).toEqual([L2_EXPERT]);
    expect(jira.model.notifications).toEqual([]);
  });

  it('warns once per line: past the warning time → one warning; a second sweep sends none', async () => {
    seedOnLine('ITR-2', 'L1', ago(Math.floor(budget('L1') * 0.8)));
    await sweepAndDrain();
    expect(jira.issue('ITR-2').fields[ids.warnedLine]).toBe('L1');
    expect(jira.issue('ITR-2').fields[ids.line]).toBe('L1');
    expect(comments('ITR-2')).toHaveLength(1);
    expect(mentions('ITR-2')).toEqual([ENGINEER]);

    jira.calls.length = 0;
    await sweepAndDrain();
    expect(comments('ITR-2')).toHaveLength(1);
    expect(mentions('ITR-2')).toEqual([ENGINEER]);
    // The warned issue no longer matches the sweep's JQL: no event, no re-read (the second search is
    // the response clocks', src/app/escalation/sweep.ts responseDueJql; nothing matches it here).
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(2);
  });

  it('marks an issue past its L3 due time breached and notifies management; it is not swept again', async () => {
    const entered = ago(budget('L3') + 5);
    seedOnLine('ITR-3', 'L3', entered);
    await sweepAndDrain();
    const fields = jira.issue('ITR-3').fields;
    expect(Date.parse(String(fields[ids.breachedAt]))).toBe(entered.getTime() + budget('L3') * MINUTE);
    expect(fields[ids.line]).toBe('L3');
    expect(mentions('ITR-3')).toEqual([MANAGER]);
    await sweepAndDrain();
    expect(comments('ITR-3')).toHaveLength(1);
  });

  it('never escalates twice: duplicate sweeps and duplicate deliveries give one move and one comment', async () => {
    seedOnLine('ITR-4', 'L1', ago(budget('L1') + 1));
    queue.duplicateNext(5);
    await invokeFunction(escalationSweep, {});
    await invokeFunction(escalationSweep, {}); // an overlapping run before the consumer got to it
    await queue.drain();
    expect(jira.issue('ITR-4').fields[ids.line]).toBe('L2'); // not L3: no line skipped either
    expect(comments('ITR-4')).toHaveLength(1);
    expect(mentions('ITR-4')).toEqual([L2_EXPERT]);
    expect((await historyRows(jira.issue('ITR-4').id)).map((r) => r['line'])).toEqual(['L1', 'L2']);
    expect(queue.deliveries.map((d) => d.outcome)).toEqual(['success', 'success']); // two events, each delivered twice
  });

  it('hands the rest back to the queue when the consumer runs low on time, and finishes on redelivery', async () => {
    for (let i = 1; i <= 4; i++) seedOnLine(`ITR-${10 + i}`, 'L1', ago(budget('L1') + i));
    let deliveries = 0;
    queue.registerConsumer('escalation', (payload) => {
      deliveries += 1;
      // First delivery: 30 s left, falling 6 s per look (enough for 3 issues' comments); later: plenty.
      if (deliveries === 1) runtime.countdown(30_000, 6_000);
      else runtime.setRemainingTimeMillis(120_000);
      return escalationConsumer(payload as never);
    });
    await sweepAndDrain();
    expect(deliveries).toBe(2);
    expect(queue.pushes.at(-1)!.events[0]!.body).toMatchObject({ kind: 'check', issueIds: [expect.any(String)] });
    for (let i = 1; i <= 4; i++) {
      expect(jira.issue(`ITR-${10 + i}`).fields[ids.line]).toBe('L2');
      expect(comments(`ITR-${10 + i}`)).toHaveLength(1);
    }
    expect([1, 2, 3, 4].flatMap((i) => mentions(`ITR-${10 + i}`))).toEqual([
      L2_EXPERT,
      L2_EXPERT,
      L2_EXPERT,
      L2_EXPERT,
    ]);
  });

  it('waits out a 429 for Retry-After (short waits in the client, long ones as a queue retry)', async () => {
    seedOnLine('ITR-20', 'L1', ago(budget('L1') + 1));
    seedOnLine('ITR-21', 'L1', ago(budget('L1') + 1));
    // Short: the Jira client sleeps 1 s and retries the same request.
    jira.failNext(1, { status: 429, retryAfter: 1, route: 'POST /rest/api/3/app/field/value' });
    const started = Date.now();
    await sweepAndDrain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(jira.calls.filter((c) => c.route === 'POST /rest/api/3/app/field/value').map((c) => c.status)).toEqual([
      429, 204,
    ]);
    expect(jira.issue('ITR-20').fields[ids.line]).toBe('L2');

    // Long (600 s > what a consumer may wait): the consumer hands the event back with retryAfter 600.
    seedOnLine('ITR-22', 'L1', ago(budget('L1') + 1));
    queue.deliveries.length = 0;
    await invokeFunction(escalationSweep, {});
    jira.failNext(1, { status: 429, retryAfter: 600, route: 'POST /rest/api/3/search/jql' });
    const before = queue.now;
    await queue.drain();
    expect(queue.deliveries.map((d) => d.outcome)).toEqual(['retry', 'success']);
    expect(queue.now - before).toBeGreaterThanOrEqual(600_000);
    expect(jira.issue('ITR-22').fields[ids.line]).toBe('L2');
    expect(comments('ITR-22')).toHaveLength(1);
  });

  it('never fetches issues that are not due: one id-only JQL search, re-reads only of the due ones', async () => {
    for (let i = 1; i <= 30; i++) seedOnLine(`ITR-${100 + i}`, 'L1', ago(5)); // fresh: far from due
    const due = seedOnLine('ITR-200', 'L1', ago(budget('L1') + 2));
    seedOnLine('ITR-201', 'L1', ago(budget('L1') + 2), {}, 'Closed'); // resolved: never swept
    await sweepAndDrain();
    // The projection's own re-read after the app's field write (writeItrFields) is not the escalation's.
    const searches = jira.calls.filter(
      (c) =>
        c.route === 'POST /rest/api/3/search/jql' &&
        !((c.body as { fields?: string[] }).fields ?? []).includes('statuscategorychangedate'),
    );
    expect(searches).toHaveLength(3);
    // The line clocks' search, the response clocks' (ids only, none due), the re-read of the due issue.
    const [sweepSearch, responseSearch, reRead] = searches.map((c) => c.body as { jql: string; fields?: string[] });
    expect(responseSearch!.fields).toEqual(['id']);
    expect(sweepSearch!.jql).toMatch(
      /^\(resolution IS EMPTY AND statusCategory != Done\) AND cf\[\d+\] IS EMPTY AND \(cf\[\d+\] <= now\(\) OR/,
    );
    expect(sweepSearch!.fields).toEqual(['id']);
    expect(reRead!.jql).toBe(`id in (${due.id}) AND (resolution IS EMPTY AND statusCategory != Done)`);
    expect(jira.requestCount('GET /rest/api/3/issue/{issueIdOrKey}')).toBe(0);
    expect(jira.issue('ITR-101').fields[ids.line]).toBe('L1');
    expect(jira.issue('ITR-201').fields[ids.line]).toBe('L1');
    // Requests for the one escalated issue: field list + 2 sweep searches + re-read + bulk write + Jira's
    // assignee (L2's person) + comment (its mention tells them; no /notify without notification groups)
    // + the projection's re-read of the written issue (writeItrFields); once per run, who may be
    // assigned in the project (the L2 person is checked before being made the owner).
    expect(jira.countsByRoute()).toEqual({
      'GET /rest/api/3/field': 1,
      'POST /rest/api/3/search/jql': 4,
      'POST /rest/api/3/app/field/value': 1,
      'GET /rest/api/3/user/assignable/search': 1,
      'PUT /rest/api/3/issue/{issueIdOrKey}/assignee': 1,
      'POST /rest/api/3/issue/{issueIdOrKey}/comment': 1,
    });
    expect(jira.issue('ITR-200').fields['assignee']).toMatchObject({ accountId: L2_EXPERT });
    expect(jira.issue('ITR-200').fields[ids.owner]).toMatchObject({ accountId: L2_EXPERT });
  });

  it('on a site whose workflow never sets Resolution, an issue in a Done-category status is never escalated, warned or breached', async () => {
    // Closed is in the Done category; the workflow left Resolution empty (no post function, no screen).
    seedOnLine('ITR-210', 'L1', ago(budget('L1') + 2), { resolution: null, resolutiondate: null }, 'Closed');
    seedOnLine('ITR-211', 'L3', ago(budget('L3') + 2), { resolution: null, resolutiondate: null }, 'Resolved');
    const open = seedOnLine('ITR-212', 'L1', ago(budget('L1') + 2), { resolution: null, resolutiondate: null });
    await sweepAndDrain();
    expect(jira.issue('ITR-210').fields[ids.line]).toBe('L1');
    expect(jira.issue('ITR-211').fields[ids.breachedAt] ?? null).toBeNull();
    expect(comments('ITR-210')).toEqual([]);
    expect(comments('ITR-211')).toEqual([]);
    expect(jira.issue(open.key).fields[ids.line]).toBe('L2'); // the open one still escalates
  });

  it('emails notification groups through /notify (groups cannot be mentioned), users still by mention', async () => {
    const settings = await platformDeps().loadSettings();
    await new ConfigStore().set(
      ESCALATION_SETTINGS_KEY,
      { ...settings, managementGroups: ['itr-management'] },
      escalationSettingsCodec,
    );
    seedOnLine('ITR-30', 'L3', ago(budget('L3') + 5));
    await sweepAndDrain();
    expect(mentions('ITR-30')).toEqual([MANAGER]);
    expect(jira.model.notifications).toHaveLength(1);
    const body = jira.model.notifications[0]!.body as { to: Record<string, unknown> };
    expect(body.to).toEqual({ groups: [{ name: 'itr-management' }] }); // users are not told twice
    expect(jira.requestCount('POST /rest/api/3/issue/{issueIdOrKey}/notify')).toBe(1);
  });
});

describe('enterLine and the line history', () => {
  it('writes the line and its deadlines, records the change, and shows the timeline to browsers only', async () => {
    jira.seedProject({ key: 'SEC', browsers: [ENGINEER] });
    const issue = jira.seedIssue({ key: 'SEC-1', fields: { [ids.kind]: 'complaint', [ids.grade]: critical } });
    const at = new Date('2026-03-02T08:00:00.000Z');
    const entered = await invokeFunction(
      () => enterLine({ issueId: issue.id, grade: critical, line: 'L1', at, actor: ENGINEER }),
      {},
    );
    expect(entered).toEqual({
      issueId: issue.id,
      line: 'L1',
      enteredAt: at.toISOString(),
      dueAt: new Date(at.getTime() + budget('L1') * MINUTE).toISOString(),
      warnAt: new Date(at.getTime() + Math.floor(budget('L1') * 0.75) * MINUTE).toISOString(),
      // L1 assigns nobody: Jira's assignee and the owner are cleared together.
      holderAccountId: null,
      notifyGroup: null,
      statusNotMoved: null,
    });
    expect(jira.issue('SEC-1').fields[ids.line]).toBe('L1');
    expect(jira.issue('SEC-1').fields['assignee'] ?? null).toBeNull();
    // Moved on by hand to L2 an hour later: L1's stay closes as passed on.
    await invokeFunction(
      () =>
        enterLine({
          issueId: issue.id,
          grade: critical,
          line: 'L2',
          at: new Date(at.getTime() + 60 * MINUTE),
          actor: ENGINEER,
        }),
      {},
    );
    const answer = await invokeResolver(
      issuePanelResolver,
      'getLineHistory',
      { issueKey: 'SEC-1' },
      { accountId: ENGINEER },
    );
    expect(answer).toEqual({
      success: true,
      data: {
        issueKey: 'SEC-1',
        entries: [
          {
            line: 'L1',
            enteredAt: at.toISOString(),
            leftAt: '2026-03-02T09:00:00.000Z',
            holderAccountId: null,
            holderName: null,
            enteredBy: ENGINEER,
            enteredByName: 'Wang Fang',
            workingMinutesUsed: 60,
            outcome: 'passed_on',
          },
          // L2's person may not browse SEC, so Jira cannot assign them there: L2 holds it unassigned.
          {
            line: 'L2',
            enteredAt: '2026-03-02T09:00:00.000Z',
            leftAt: null,
            holderAccountId: null,
            holderName: null,
            enteredBy: ENGINEER,
            enteredByName: 'Wang Fang',
            workingMinutesUsed: 0,
            outcome: null,
          },
        ],
      },
    });
    const outsider = await invokeResolver(
      issuePanelResolver,
      'getLineHistory',
      { issueKey: 'SEC-1' },
      { accountId: MANAGER },
    );
    expect(outsider).toEqual({ success: false, errors: [expect.objectContaining({ code: 'ISSUE_NOT_FOUND' })] });
  });
});

describe('recalculation', () => {
  it('is for Jira admins, and recomputes the due times of open issues only', async () => {
    const entered = ago(10);
    seedOnLine('ITR-300', 'L1', entered);
    seedOnLine('ITR-301', 'L1', entered, {}, 'Closed');
    const oldDue = jira.issue('ITR-301').fields[ids.lineDueAt];

    // The admin moves 5 points of Critical's time from L2 to L1.
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

    const refused = await invokeResolver(
      gradingAdminResolver,
      'startEscalationRecalculation',
      { confirm: true },
      { accountId: ENGINEER },
    );
    expect(refused).toEqual({ success: false, errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })] });

    const started = (await invokeResolver(
      gradingAdminResolver,
      'startEscalationRecalculation',
      { confirm: true },
      { accountId: ADMIN },
    )) as { data: { jobId: string } };
    expect(started).toMatchObject({ success: true, data: { status: 'running', startedBy: ADMIN } });
    await queue.drain();

    const newL1 = lineBudget(table, critical, 'L1').minutes;
    expect(Date.parse(String(jira.issue('ITR-300').fields[ids.lineDueAt]))).toBe(entered.getTime() + newL1 * MINUTE);
    expect(jira.issue('ITR-300').fields[ids.line]).toBe('L1');
    expect(jira.issue('ITR-301').fields[ids.lineDueAt]).toBe(oldDue);
    const progress = await invokeResolver(
      gradingAdminResolver,
      'getEscalationRecalculation',
      { jobId: started.data.jobId },
      { accountId: ADMIN },
    );
    expect(progress).toMatchObject({ success: true, data: { status: 'done', processed: 1, changed: 1, skipped: 0 } });
    const audit = await sql.raw<Array<Record<string, unknown>>>(
      'SELECT kind, actor_account_id FROM escalation_audit ORDER BY id',
    );
    expect(audit).toEqual([
      { kind: 'recalculation-started', actor_account_id: ADMIN },
      { kind: 'recalculation-done', actor_account_id: ADMIN },
    ]);
  });
});
