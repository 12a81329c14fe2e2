/**
 * The issue panel's resolver end to end: the exported handler, the real @forge/api and @forge/kvs,
 * the Jira double (checked against Jira's OpenAPI spec) and the domain computing the deadlines.
 */
import { issuePanelResolver } from '../../src/index';
import { ConfigStore } from '../../src/adapters/kvs';
import { CONFIG_KEYS, gradingTableCodec } from '../../src/app/config/itrConfig';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, lineBudget, type GradingTable } from '../../src/domain';
import { runMigrations } from '../../src/adapters/sql';
import { harness, invokeResolver } from '../harness';
import { defineItrFields } from '../fixtures/itrFields';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const OUTSIDER = 'acc-outsider';

function panel(issueKey: string, accountId: string): Promise<unknown> {
  return invokeResolver(issuePanelResolver, 'getIssueItrState', { issueKey }, {
    accountId,
    context: { extension: { type: 'jira:issuePanel', issue: { key: issueKey } } },
  });
}

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  // Issue ids restart at 10000 in every test; pauses in SQL outlive the double.
  await runMigrations();
  await sql.raw('DELETE FROM line_pause');
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
      },
    });
  });

  it('waiting for the customer: closed pauses push the deadlines out, an open pause stops the clock', async () => {
    const minute = 60_000;
    const now = Math.floor(Date.now() / 1000) * 1000;
    const ago = (m: number): Date => new Date(now - m * minute);
    const issue = jira.seedIssue({
      key: 'ITR-6',
      fields: { [ids.kind]: 'complaint', [ids.grade]: critical, [ids.line]: 'L1', [ids.lineEnteredAt]: ago(30).toISOString() },
    });
    const pause = (from: Date, to: Date | null) =>
      sql.raw('INSERT INTO line_pause (issue_id, line, from_at, to_at) VALUES (?, ?, ?, ?)', [Number(issue.id), 'L1', from, to]);
    await pause(ago(25), ago(15));
    // The app rewrote the due time when the pause closed (src/app/escalation/pauses.ts).
    jira.issue('ITR-6').fields[ids.lineDueAt] = new Date(now - 30 * minute + (l1.minutes + 10) * minute).toISOString();
    const resumed = (await panel('ITR-6', ENGINEER)) as { data: Record<string, unknown> };
    expect(resumed.data).toMatchObject({ status: 'onTrack', pausedSince: null, dueAt: new Date(now - 30 * minute + (l1.minutes + 10) * minute).toISOString() });
    await pause(ago(5), null);
    jira.issue('ITR-6').fields[ids.lineDueAt] = null; // nulled while paused, as the app does
    const paused = (await panel('ITR-6', ENGINEER)) as { data: Record<string, unknown> };
    // 30 minutes on the line, 10 + 5 of them waiting: 15 working minutes used on the 24×7 calendar.
    expect(paused.data).toMatchObject({ status: 'paused', pausedSince: ago(5).toISOString(), dueAt: null, warnAt: null, remainingMinutes: l1.minutes - 15 });
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
    expect(done.data).toMatchObject({ status: 'done', dueAt: null, warnAt: null, pausedSince: null, remainingMinutes: l1.minutes - 40, lineFinal: { outcome: 'met', spareMinutes: l1.minutes - 40, stoppedAt: new Date(entered + 40 * minute).toISOString() } });
    // The same issue still in progress runs its clock.
    jira.seedIssue({ key: 'ITR-8', status: 'In Progress', fields: { [ids.kind]: 'complaint', [ids.grade]: critical, [ids.line]: 'L1', [ids.lineEnteredAt]: new Date(entered).toISOString(), [ids.lineDueAt]: new Date(entered + l1.minutes * minute).toISOString() } });
    expect(((await panel('ITR-8', ENGINEER)) as { data: Record<string, unknown> }).data).toMatchObject({ status: 'onTrack', remainingMinutes: l1.minutes - 100, lineFinal: null });
  });

  it('says notStarted for an issue that was not triaged yet', async () => {
    jira.seedIssue({ key: 'ITR-2' });
    const answer = await panel('ITR-2', ENGINEER);
    expect(answer).toMatchObject({ success: true, data: { kind: null, grade: null, gradeLabel: null, line: null, dueAt: null, status: 'notStarted' } });
  });

  it('keeps the due time the issue was stamped with and says which table version it was, when another is in force', async () => {
    // Version 2 gives Critical's L1 five more points; the issue was stamped under version 1.
    const sla = DEFAULT_GRADING_TABLE.sla[critical]!;
    const { L1, L2, L3 } = sla.ola.lines;
    const table: GradingTable = {
      ...DEFAULT_GRADING_TABLE,
      version: 2,
      sla: { ...DEFAULT_GRADING_TABLE.sla, [critical]: { ...sla, ola: { ...sla.ola, lines: { L1: { ...L1, amount: L1.amount + 5 }, L2: { ...L2, amount: L2.amount - 5 }, L3 } } } },
    };
    await new ConfigStore().set(CONFIG_KEYS.gradingTable, table, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
    expect(lineBudget(table, critical, 'L1').minutes).toBeGreaterThan(l1.minutes);
    const entered = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    const stampedDue = new Date(entered + l1.minutes * 60_000).toISOString();
    jira.seedIssue({ key: 'ITR-3', fields: { [ids.kind]: 'complaint', [ids.grade]: critical, [ids.gradingTableVersion]: 1, [ids.line]: 'L1', [ids.lineEnteredAt]: new Date(entered).toISOString(), [ids.lineDueAt]: stampedDue } });
    const answer = (await panel('ITR-3', ENGINEER)) as { data: Record<string, unknown> };
    // The field's due time, the one the sweep escalates by: not a recomputation under version 2.
    expect(answer.data).toMatchObject({ dueAt: stampedDue, gradingTableVersion: 1, gradingTableInForce: 2, status: 'onTrack' });
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
