/**
 * Triage through the exported `triageResolver`: the real @forge/api, @forge/kvs and @forge/sql against
 * the Jira double and MariaDB. The triage role is asked of Jira as the caller, never read from the payload.
 */
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { issuePanelResolver } from '../../../src/index';
import { encodeGradingAnswers } from '../../../src/app/fields/gradingAnswers';
import { runMigrations } from '../../../src/adapters/sql';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { chooseItrProjects, handOffTo, ITR_TYPE } from '../../fixtures/itrScope';

const { jira, sql } = harness();
const TRIAGER = 'acc-triager';
const AGENT = 'acc-agent';
const OWNER = 'acc-owner';
const SUPERVISOR = 'acc-supervisor';
const WRITE = 'POST /rest/api/3/app/field/value';

const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
const HABIT = {
  failsWithinSpecification: false,
  contractOrProcessNotFollowed: false,
  expectedByUserHabitOrIndustryNorm: true,
};

const call = (functionKey: string, payload: unknown, accountId: string) =>
  invokeResolver(triageResolver, functionKey, payload, { accountId });

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  // The Jira double numbers issues from 10000 again in every test; the history table outlives it.
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  await sql.raw('DELETE FROM line_history');
  await sql.raw('DELETE FROM triage_dispatch');
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Agent' });
  jira.seedUser({ accountId: OWNER, displayName: 'Owner' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Supervisor' });
  ids = defineItrFields(jira);
  await chooseItrProjects(['ITR']);
});

const decision = (issueKey: string, over: Record<string, unknown> = {}) => ({
  issueKey,
  kind: 'technicalService',
  classification: { facts: HABIT },
  answers: OUTAGE,
  ownerAccountId: OWNER,
  warranty: 'in',
  product: 'Router X1',
  region: 'East China',
  ...over,
});

describe('triageIssue', () => {
  it('lets a triage user set the fields (grade by the domain, line L1, line clock started) and records history', async () => {
    jira.seedIssue({ key: 'ITR-1' });
    const answer = await call('triageIssue', decision('ITR-1'), TRIAGER);
    expect(answer).toMatchObject({
      success: true,
      data: {
        kind: 'technicalService',
        classification: 'problem',
        classificationReason: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM',
        grade: 'critical',
        line: 'L1',
        tableVersion: 1,
      },
    });
    const f = jira.issue('ITR-1').fields;
    expect(f[ids.kind]).toBe('technicalService');
    expect(f[ids.classification]).toBe('problem');
    expect(f[ids.grade]).toBe('critical');
    expect(f[ids.gradingTableVersion]).toBe(DEFAULT_GRADING_TABLE.version);
    expect(f[ids.gradingAnswers]).toBe(encodeGradingAnswers(OUTAGE));
    expect(f[ids.line]).toBe('L1');
    expect(f[ids.lineEnteredAt]).toBeTruthy();
    expect(f[ids.owner]).toEqual({ accountId: OWNER });
    expect(f[ids.acceptance]).toBe('awaiting');
    expect(f[ids.customerTier]).toBe('standard');
    expect(f[ids.warranty]).toBe('in');
    expect(jira.requestCount(WRITE)).toBe(1); // every field, due and warning times included, in one bulk request

    // Entering L1 started the line's clock: due and warning times on the line's calendar (Critical's
    // L1 runs on the 24×7 calendar, so they are plain arithmetic), searchable by the sweep.
    const entered = Date.parse(String(f[ids.lineEnteredAt]));
    expect(entered % 1000).toBe(0); // whole seconds, as Jira stores app datetimes
    const l1 = lineBudget(DEFAULT_GRADING_TABLE, 'critical', 'L1');
    expect(Date.parse(String(f[ids.lineDueAt]))).toBe(entered + l1.minutes * 60_000);
    expect(Date.parse(String(f[ids.lineWarnAt]))).toBe(entered + Math.floor(l1.minutes * 0.75) * 60_000);
    expect(f[ids.warnedLine] ?? null).toBeNull();
    // ... and the line history: one open stay on L1, held by the owner triage chose.
    const stays = await invokeResolver(
      issuePanelResolver,
      'getLineHistory',
      { issueKey: 'ITR-1' },
      { accountId: AGENT },
    );
    expect(stays).toEqual({
      success: true,
      data: {
        issueKey: 'ITR-1',
        entries: [
          {
            line: 'L1',
            enteredAt: new Date(entered).toISOString(),
            leftAt: null,
            holderAccountId: OWNER,
            holderName: 'Owner',
            enteredBy: TRIAGER,
            enteredByName: 'Zhao Triage',
            workingMinutesUsed: 0,
            outcome: null,
          },
        ],
      },
    });

    const history = (await call('getClassificationHistory', { issueKey: 'ITR-1' }, AGENT)) as {
      success: boolean;
      data: Array<Record<string, unknown>>;
    };
    expect(history.success).toBe(true);
    expect(history.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'classification',
          oldValue: null,
          newValue: 'problem',
          reason: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM',
          actorAccountId: TRIAGER,
        }),
        expect.objectContaining({ field: 'grade', newValue: 'critical', actorAccountId: TRIAGER }),
      ]),
    );
  });

  it('recomputes the response clock on the grade FROM CREATION, not from the dispatch (same bulk request)', async () => {
    const created = Date.now() - 2 * 3600_000;
    // Created two hours ago; its untriaged clock ran on a site default of Minor (one business day).
    jira.seedIssue({
      key: 'ITR-8',
      issueType: ITR_TYPE,
      created: new Date(created),
      fields: { [ids.responseDueAt]: jiraTime(created + 86_400_000), [ids.responseAlert]: 'warn' },
    });
    await call('triageIssue', decision('ITR-8'), TRIAGER);
    const f = jira.issue('ITR-8').fields;
    // Critical: 30 minutes on the 24×7 calendar from creation, long past; the warning alert still holds.
    expect(Date.parse(String(f[ids.responseDueAt]))).toBe(Math.floor(created / 1000) * 1000 + 30 * 60_000);
    expect(Date.parse(String(f[ids.responseWarnAt]))).toBe(Math.floor(created / 1000) * 1000 + 22 * 60_000);
    expect(f[ids.responseAlert]).toBe('warn');
    expect(jira.requestCount(WRITE)).toBe(1);
  });

  it('records a reclassification against the rule with its justification', async () => {
    jira.seedIssue({ key: 'ITR-2' });
    await call('triageIssue', decision('ITR-2'), TRIAGER);
    const again = await call(
      'triageIssue',
      decision('ITR-2', {
        classification: { facts: HABIT, chosen: 'requirement', justification: 'Contract excludes it' },
      }),
      TRIAGER,
    );
    expect(again).toMatchObject({ success: true, data: { classification: 'requirement' } });
    const history = (await call('getClassificationHistory', { issueKey: 'ITR-2' }, TRIAGER)) as {
      data: Array<Record<string, unknown>>;
    };
    const changes = history.data.filter((h) => h['field'] === 'classification');
    expect(changes.map((h) => [h['oldValue'], h['newValue']])).toEqual([
      [null, 'problem'],
      ['problem', 'requirement'],
    ]);
    expect(changes[1]!['reason']).toBe('CLASSIFICATION_CHOSEN_AGAINST_RULE: Contract excludes it');
  });

  it('re-triage onto another line passes the issue on: the old stay closes, the new line gets its own deadlines', async () => {
    jira.seedIssue({ key: 'ITR-7' });
    await call('triageIssue', decision('ITR-7'), TRIAGER);
    const firstDue = jira.issue('ITR-7').fields[ids.lineDueAt];
    const again = await call('triageIssue', decision('ITR-7', { line: 'L2' }), TRIAGER);
    expect(again).toMatchObject({ success: true, data: { line: 'L2' } });
    const f = jira.issue('ITR-7').fields;
    expect(f[ids.line]).toBe('L2');
    const entered = Date.parse(String(f[ids.lineEnteredAt]));
    expect(Date.parse(String(f[ids.lineDueAt]))).toBe(
      entered + lineBudget(DEFAULT_GRADING_TABLE, 'critical', 'L2').minutes * 60_000,
    );
    expect(f[ids.lineDueAt]).not.toBe(firstDue);
    expect(jira.requestCount(WRITE)).toBe(2); // one bulk request per triage
    const stays = (await invokeResolver(
      issuePanelResolver,
      'getLineHistory',
      { issueKey: 'ITR-7' },
      { accountId: AGENT },
    )) as {
      data: { entries: Array<Record<string, unknown>> };
    };
    expect(stays.data.entries.map((e) => [e['line'], e['outcome']])).toEqual([
      ['L1', 'passed_on'],
      ['L2', null],
    ]);
  });

  it('refuses a user without the triage role, whatever the payload claims, and writes nothing', async () => {
    jira.seedIssue({ key: 'ITR-3' });
    const answer = await call(
      'triageIssue',
      { ...decision('ITR-3'), accountId: TRIAGER, groups: ['itr-triage'] },
      AGENT,
    );
    expect(answer).toEqual({ success: false, errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })] });
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('refuses unknown options and missing answers with one error per field, writing nothing', async () => {
    jira.seedIssue({ key: 'ITR-4' });
    const { scope: _dropped, ...withoutScope } = OUTAGE;
    const answer = await call(
      'triageIssue',
      decision('ITR-4', { answers: { ...withoutScope, businessImpact: 'apocalypse' } }),
      TRIAGER,
    );
    expect(answer).toEqual({
      success: false,
      errors: expect.arrayContaining([
        expect.objectContaining({ code: 'GRADING_ANSWER_UNKNOWN_OPTION', path: 'answers.businessImpact' }),
        expect.objectContaining({ code: 'GRADING_ANSWER_MISSING', path: 'answers.scope' }),
      ]),
    });
    expect(jira.requestCount(WRITE)).toBe(0);
    expect(jira.issue('ITR-4').fields[ids.kind] ?? null).toBeNull();
  });

  it('refuses a bad kind, line and a reclassification without justification together', async () => {
    jira.seedIssue({ key: 'ITR-5' });
    const answer = (await call(
      'triageIssue',
      decision('ITR-5', { kind: 'gossip', line: 'L9', classification: { facts: HABIT, chosen: 'requirement' } }),
      TRIAGER,
    )) as { errors: Array<{ code: string }> };
    expect(answer.errors.map((e) => e.code).sort()).toEqual([
      'CLASSIFICATION_JUSTIFICATION_REQUIRED',
      'TRIAGE_INVALID_KIND',
      'TRIAGE_INVALID_LINE',
    ]);
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('refuses to triage a closed issue', async () => {
    jira.seedIssue({ key: 'ITR-6', status: 'Closed' });
    const answer = await call('triageIssue', decision('ITR-6'), TRIAGER);
    expect(answer).toEqual({ success: false, errors: [expect.objectContaining({ code: 'TRIAGE_ISSUE_CLOSED' })] });
    expect(jira.requestCount(WRITE)).toBe(0);
  });
});

/** Jira's datetime format, as the app writes its datetime fields. */
const jiraTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');

describe('listTriage: only reads, only ITR work', () => {
  it('lists untriaged and awaiting ITR issues oldest first with the response due time; a page load past the deadline changes nothing', async () => {
    const now = Date.now();
    jira.seedIssue({ key: 'ITR-10', issueType: ITR_TYPE, created: new Date(now - 3 * 3600_000), summary: 'newer' });
    jira.seedIssue({ key: 'ITR-11', issueType: ITR_TYPE, created: new Date(now - 5 * 3600_000), summary: 'older' });
    // Awaiting its owner with the response time run out: timeout consent is the sweep's, not this page's.
    const awaitingPast = {
      [ids.kind]: 'complaint',
      [ids.line]: 'L1',
      [ids.grade]: 'critical',
      [ids.acceptance]: 'awaiting',
      [ids.owner]: { accountId: OWNER },
    };
    jira.seedIssue({
      key: 'ITR-12',
      issueType: ITR_TYPE,
      created: new Date(now - 9 * 3600_000),
      fields: { ...awaitingPast, [ids.responseDueAt]: jiraTime(now - 8.5 * 3600_000) },
    });
    jira.seedIssue({
      key: 'ITR-13',
      issueType: ITR_TYPE,
      created: new Date(now - 8 * 3600_000),
      fields: { ...awaitingPast, [ids.responseDueAt]: jiraTime(now + 20 * 60_000) },
    });
    jira.seedIssue({
      key: 'ITR-14',
      issueType: ITR_TYPE,
      fields: { [ids.kind]: 'complaint', [ids.line]: 'L1', [ids.acceptance]: 'accepted' },
    });
    jira.seedIssue({ key: 'ITR-15', issueType: ITR_TYPE, status: 'Closed' });

    const answer = (await call('listTriage', {}, TRIAGER)) as {
      success: boolean;
      data: { items: Array<{ issueKey: string; acceptBy: string | null }>; deemedAccepted: string[] };
    };
    expect(answer.success).toBe(true);
    expect(answer.data.items.map((i) => i.issueKey)).toEqual(['ITR-12', 'ITR-13', 'ITR-11', 'ITR-10']);
    // acceptBy is the response due field as stored (one source of truth with the panel and the sweep).
    expect(answer.data.items[1]!.acceptBy).toBe(new Date(Math.floor((now + 20 * 60_000) / 1000) * 1000).toISOString());
    expect(answer.data.items[2]!.acceptBy).toBeNull();
    expect(answer.data.deemedAccepted).toEqual([]);
    expect(jira.issue('ITR-12').fields[ids.acceptance]).toBe('awaiting');
    // The list's one search; no field write, no SQL write.
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(0);
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(1);
    const rows = await sql.raw<Array<{ n: number | string }>>(
      'SELECT (SELECT COUNT(*) FROM classification_history) + (SELECT COUNT(*) FROM triage_dispatch) AS n',
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('lists only the ITR issue types of the projects the admin chose: never a hand-off target, another project or another type', async () => {
    await chooseItrProjects(['ITR', 'SUP', 'RND']);
    await handOffTo('RND'); // chosen by mistake at setup, but R&D's project is a hand-off target
    jira.seedIssue({ key: 'ITR-40', issueType: ITR_TYPE });
    jira.seedIssue({ key: 'SUP-1', issueType: 'ITR Customer Complaint' });
    jira.seedIssue({ key: 'ITR-41', issueType: 'Task' });
    jira.seedIssue({ key: 'RND-1', issueType: ITR_TYPE });
    jira.seedIssue({ key: 'OTHER-1', issueType: ITR_TYPE });
    const answer = (await call('listTriage', {}, TRIAGER)) as { data: { items: Array<{ issueKey: string }> } };
    expect(answer.data.items.map((i) => i.issueKey).sort()).toEqual(['ITR-40', 'SUP-1']);
  });

  it('lists nothing, without searching, before the admin chose any ITR project', async () => {
    await chooseItrProjects([]);
    jira.seedIssue({ key: 'ITR-42', issueType: ITR_TYPE });
    expect(await call('listTriage', {}, TRIAGER)).toEqual({
      success: true,
      data: { items: [], nextPageToken: null, deemedAccepted: [] },
    });
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(0);
  });

  it('refuses the list to a non-triage user', async () => {
    expect(await call('listTriage', {}, AGENT)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })],
    });
  });
});

describe('owner answers', () => {
  beforeEach(async () => {
    jira.seedIssue({ key: 'ITR-20', issueType: ITR_TYPE });
    await call('triageIssue', decision('ITR-20'), TRIAGER);
  });

  it('lets the owner escalate to a supervisor with a reason, recorded', async () => {
    const answer = await call(
      'reassignIssue',
      { issueKey: 'ITR-20', mode: 'escalate', toAccountId: SUPERVISOR, reason: 'Not our product' },
      OWNER,
    );
    expect(answer).toMatchObject({ success: true, data: { ownerAccountId: SUPERVISOR } });
    expect(jira.issue('ITR-20').fields[ids.owner]).toEqual({ accountId: SUPERVISOR });
    const history = (await call('getClassificationHistory', { issueKey: 'ITR-20' }, OWNER)) as {
      data: Array<Record<string, unknown>>;
    };
    expect(history.data.at(-1)).toMatchObject({
      field: 'owner',
      oldValue: OWNER,
      newValue: SUPERVISOR,
      reason: 'escalate: Not our product',
      actorAccountId: OWNER,
    });
    // Named for the page (one bulk look-up); an account Jira no longer knows has no name, never its id.
    expect(history.data.at(-1)).toMatchObject({
      actorName: 'Owner',
      oldValueName: 'Owner',
      newValueName: 'Supervisor',
    });
    expect(history.data.find((e) => e['field'] === 'grade')).toMatchObject({
      actorName: 'Zhao Triage',
      oldValueName: null,
      newValueName: null,
    });
    jira.model.users.delete(SUPERVISOR);
    const later = (await call('getClassificationHistory', { issueKey: 'ITR-20' }, OWNER)) as {
      data: Array<Record<string, unknown>>;
    };
    expect(later.data.at(-1)).toMatchObject({ newValue: SUPERVISOR, newValueName: null });
  });

  it('lists the owner by the display name Jira renders with the owner field', async () => {
    const list = (await call('listTriage', {}, TRIAGER)) as {
      data: { items: Array<{ issueKey: string; ownerAccountId: string | null; ownerName: string | null }> };
    };
    expect(list.data.items.find((i) => i.issueKey === 'ITR-20')).toMatchObject({
      ownerAccountId: OWNER,
      ownerName: 'Owner',
    });
  });

  it('needs a reason, and refuses someone who is neither owner nor triage', async () => {
    expect(
      await call('reassignIssue', { issueKey: 'ITR-20', mode: 'forward', toAccountId: SUPERVISOR, reason: ' ' }, OWNER),
    ).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'TRIAGE_REASON_REQUIRED', path: 'reason' })],
    });
    expect(
      await call(
        'reassignIssue',
        { issueKey: 'ITR-20', mode: 'forward', toAccountId: AGENT, reason: 'mine now' },
        AGENT,
      ),
    ).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'TRIAGE_NOT_OWNER' })],
    });
  });

  it('lets the owner accept', async () => {
    expect(await call('acceptIssue', { issueKey: 'ITR-20' }, OWNER)).toEqual({
      success: true,
      data: { issueKey: 'ITR-20', acceptance: 'accepted' },
    });
    expect(jira.issue('ITR-20').fields[ids.acceptance]).toBe('accepted');
  });
});

describe('getClassificationHistory', () => {
  it('answers ISSUE_NOT_FOUND to a user who may not browse the issue', async () => {
    jira.seedProject({ key: 'SEC', browsers: [TRIAGER] });
    jira.seedIssue({ key: 'SEC-1' });
    expect(await call('getClassificationHistory', { issueKey: 'SEC-1' }, AGENT)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'ISSUE_NOT_FOUND' })],
    });
  });
});
