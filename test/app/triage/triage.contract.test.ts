/**
 * Triage through the exported `triageResolver`: the real @forge/api, @forge/kvs and @forge/sql against
 * the Jira double and MariaDB. The triage role is asked of Jira as the caller, never read from the payload.
 */
import { handler as triageResolver } from '../../../src/entry/triage-resolver';
import { issuePanelResolver } from '../../../src/index';
import { encodeGradingAnswers } from '../../../src/app/fields/gradingAnswers';
import { LEGACY_DISPATCH_PROPERTY } from '../../../src/app/triage/triage';
import { runMigrations } from '../../../src/adapters/sql';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../../src/domain';
import { harness, invokeResolver } from '../../harness';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql } = harness();
const TRIAGER = 'acc-triager';
const AGENT = 'acc-agent';
const OWNER = 'acc-owner';
const SUPERVISOR = 'acc-supervisor';
const WRITE = 'POST /rest/api/3/app/field/value';

const OUTAGE = { businessImpact: 'outage', duration: 'h1to4', scope: 'large', customerTier: 'standard', sensitivity: 'none' };
const HABIT = { failsWithinSpecification: false, contractOrProcessNotFollowed: false, expectedByUserHabitOrIndustryNorm: true };

const call = (functionKey: string, payload: unknown, accountId: string) => invokeResolver(triageResolver, functionKey, payload, { accountId });

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
      data: { kind: 'technicalService', classification: 'problem', classificationReason: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM', grade: 'critical', line: 'L1', tableVersion: 1 },
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
    const stays = await invokeResolver(issuePanelResolver, 'getLineHistory', { issueKey: 'ITR-1' }, { accountId: AGENT });
    expect(stays).toEqual({
      success: true,
      data: {
        issueKey: 'ITR-1',
        entries: [{ line: 'L1', enteredAt: new Date(entered).toISOString(), leftAt: null, holderAccountId: OWNER, enteredBy: TRIAGER, workingMinutesUsed: 0, outcome: null }],
      },
    });

    const history = (await call('getClassificationHistory', { issueKey: 'ITR-1' }, AGENT)) as { success: boolean; data: Array<Record<string, unknown>> };
    expect(history.success).toBe(true);
    expect(history.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'classification', oldValue: null, newValue: 'problem', reason: 'CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM', actorAccountId: TRIAGER }),
        expect.objectContaining({ field: 'grade', newValue: 'critical', actorAccountId: TRIAGER }),
      ]),
    );
  });

  it('records a reclassification against the rule with its justification', async () => {
    jira.seedIssue({ key: 'ITR-2' });
    await call('triageIssue', decision('ITR-2'), TRIAGER);
    const again = await call('triageIssue', decision('ITR-2', { classification: { facts: HABIT, chosen: 'requirement', justification: 'Contract excludes it' } }), TRIAGER);
    expect(again).toMatchObject({ success: true, data: { classification: 'requirement' } });
    const history = (await call('getClassificationHistory', { issueKey: 'ITR-2' }, TRIAGER)) as { data: Array<Record<string, unknown>> };
    const changes = history.data.filter((h) => h['field'] === 'classification');
    expect(changes.map((h) => [h['oldValue'], h['newValue']])).toEqual([[null, 'problem'], ['problem', 'requirement']]);
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
    expect(Date.parse(String(f[ids.lineDueAt]))).toBe(entered + lineBudget(DEFAULT_GRADING_TABLE, 'critical', 'L2').minutes * 60_000);
    expect(f[ids.lineDueAt]).not.toBe(firstDue);
    expect(jira.requestCount(WRITE)).toBe(2); // one bulk request per triage
    const stays = (await invokeResolver(issuePanelResolver, 'getLineHistory', { issueKey: 'ITR-7' }, { accountId: AGENT })) as {
      data: { entries: Array<Record<string, unknown>> };
    };
    expect(stays.data.entries.map((e) => [e['line'], e['outcome']])).toEqual([['L1', 'passed_on'], ['L2', null]]);
  });

  it('refuses a user without the triage role, whatever the payload claims, and writes nothing', async () => {
    jira.seedIssue({ key: 'ITR-3' });
    const answer = await call('triageIssue', { ...decision('ITR-3'), accountId: TRIAGER, groups: ['itr-triage'] }, AGENT);
    expect(answer).toEqual({ success: false, errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })] });
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('refuses unknown options and missing answers with one error per field, writing nothing', async () => {
    jira.seedIssue({ key: 'ITR-4' });
    const { scope: _dropped, ...withoutScope } = OUTAGE;
    const answer = await call('triageIssue', decision('ITR-4', { answers: { ...withoutScope, businessImpact: 'apocalypse' } }), TRIAGER);
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
    const answer = (await call('triageIssue', decision('ITR-5', { kind: 'gossip', line: 'L9', classification: { facts: HABIT, chosen: 'requirement' } }), TRIAGER)) as { errors: Array<{ code: string }> };
    expect(answer.errors.map((e) => e.code).sort()).toEqual(['CLASSIFICATION_JUSTIFICATION_REQUIRED', 'TRIAGE_INVALID_KIND', 'TRIAGE_INVALID_LINE']);
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('refuses to triage a closed issue', async () => {
    jira.seedIssue({ key: 'ITR-6', status: 'Closed' });
    const answer = await call('triageIssue', decision('ITR-6'), TRIAGER);
    expect(answer).toEqual({ success: false, errors: [expect.objectContaining({ code: 'TRIAGE_ISSUE_CLOSED' })] });
    expect(jira.requestCount(WRITE)).toBe(0);
  });
});

/** The app-owned acceptance clock (triage_dispatch), as triageIssue or reassignIssue would have written it. */
async function dispatched(issueKey: string, at: Date): Promise<void> {
  await sql.raw('INSERT INTO triage_dispatch (issue_id, dispatched_at, owner_account_id, by_account_id) VALUES (?, ?, ?, ?)', [
    Number(jira.issue(issueKey).id),
    at.toISOString().replace('T', ' ').replace('Z', ''),
    OWNER,
    TRIAGER,
  ]);
}

describe('listTriage and deemed acceptance', () => {
  it('lists untriaged and awaiting issues oldest first, and records deemed acceptance after the response time', async () => {
    const now = Date.now();
    jira.seedIssue({ key: 'ITR-10', created: new Date(now - 3 * 3600_000), summary: 'newer' });
    jira.seedIssue({ key: 'ITR-11', created: new Date(now - 5 * 3600_000), summary: 'older' });
    // Critical answers within 30 minutes on the 24×7 calendar: dispatched 40 minutes ago → deemed accepted.
    jira.seedIssue({
      key: 'ITR-12',
      created: new Date(now - 9 * 3600_000),
      fields: { [ids.kind]: 'complaint', [ids.line]: 'L1', [ids.grade]: 'critical', [ids.acceptance]: 'awaiting', [ids.owner]: { accountId: OWNER } },
    });
    await dispatched('ITR-12', new Date(now - 40 * 60_000));
    // Dispatched 10 minutes ago: still awaiting.
    jira.seedIssue({
      key: 'ITR-13',
      created: new Date(now - 8 * 3600_000),
      fields: { [ids.kind]: 'complaint', [ids.line]: 'L1', [ids.grade]: 'critical', [ids.acceptance]: 'awaiting', [ids.owner]: { accountId: OWNER } },
    });
    await dispatched('ITR-13', new Date(now - 10 * 60_000));
    jira.seedIssue({ key: 'ITR-14', fields: { [ids.kind]: 'complaint', [ids.line]: 'L1', [ids.acceptance]: 'accepted' } });
    jira.seedIssue({ key: 'ITR-15', status: 'Closed' });

    const answer = (await call('listTriage', {}, TRIAGER)) as { success: boolean; data: { items: Array<{ issueKey: string; acceptBy: string | null }>; deemedAccepted: string[] } };
    expect(answer.success).toBe(true);
    expect(answer.data.items.map((i) => i.issueKey)).toEqual(['ITR-13', 'ITR-11', 'ITR-10']);
    expect(answer.data.items[0]!.acceptBy).not.toBeNull();
    expect(answer.data.deemedAccepted).toEqual(['ITR-12']);
    expect(jira.issue('ITR-12').fields[ids.acceptance]).toBe('deemedAccepted');
    // The list's search, and the analytics projection's re-read of the issue the app just wrote
    // (writeItrFields: issue-updated ignores the app's own writes, so the writer syncs the facts).
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(2);

    const history = (await call('getClassificationHistory', { issueKey: 'ITR-12' }, TRIAGER)) as { data: Array<Record<string, unknown>> };
    expect(history.data).toEqual([expect.objectContaining({ field: 'acceptance', newValue: 'deemedAccepted', reason: 'ACCEPTANCE_TIMEOUT', actorAccountId: OWNER })]);

    // Read again: recorded once, not again.
    const again = (await call('listTriage', {}, TRIAGER)) as { data: { deemedAccepted: string[] } };
    expect(again.data.deemedAccepted).toEqual([]);
  });

  it('never trusts a dispatch time an editor wrote in the issue property: far future or past changes nothing', async () => {
    const awaiting = { [ids.kind]: 'complaint', [ids.line]: 'L1', [ids.grade]: 'critical', [ids.acceptance]: 'awaiting', [ids.owner]: { accountId: OWNER } };
    // Any editor may write issue properties (PUT /rest/api/3/issue/{key}/properties/{prop}).
    jira.seedIssue({ key: 'ITR-30', fields: awaiting, properties: { [LEGACY_DISPATCH_PROPERTY]: { dispatchedAt: '+275760-09-13T00:00:00.000Z', ownerAccountId: OWNER, by: TRIAGER } } });
    jira.seedIssue({ key: 'ITR-31', fields: awaiting, properties: { [LEGACY_DISPATCH_PROPERTY]: { dispatchedAt: '1970-01-01T00:00:00.000Z', ownerAccountId: OWNER, by: TRIAGER } } });
    await dispatched('ITR-30', new Date(Date.now() - 5 * 60_000));
    await dispatched('ITR-31', new Date(Date.now() - 5 * 60_000));

    const answer = (await call('listTriage', {}, TRIAGER)) as { success: boolean; data: { items: Array<{ issueKey: string; acceptBy: string | null }>; deemedAccepted: string[] } };
    expect(answer.success).toBe(true);
    expect(answer.data.deemedAccepted).toEqual([]);
    expect(answer.data.items.map((i) => i.issueKey).sort()).toEqual(['ITR-30', 'ITR-31']);
    // 30 minutes of the critical grade's 24×7 response time from the app's own clock, for both.
    for (const item of answer.data.items) expect(Date.parse(item.acceptBy ?? '') - Date.now()).toBeLessThan(26 * 60_000);
    expect(jira.issue('ITR-31').fields[ids.acceptance]).toBe('awaiting');
  });

  it('an issue dispatched before the clock moved to SQL starts its clock at the first look, once', async () => {
    const awaiting = { [ids.kind]: 'complaint', [ids.line]: 'L1', [ids.grade]: 'critical', [ids.acceptance]: 'awaiting', [ids.owner]: { accountId: OWNER } };
    jira.seedIssue({ key: 'ITR-32', fields: awaiting, properties: { [LEGACY_DISPATCH_PROPERTY]: { dispatchedAt: '2001-01-01T00:00:00.000Z', ownerAccountId: OWNER, by: TRIAGER } } });
    const first = (await call('listTriage', {}, TRIAGER)) as { data: { items: Array<{ acceptBy: string | null }>; deemedAccepted: string[] } };
    expect(first.data.deemedAccepted).toEqual([]);
    const acceptBy = first.data.items[0]?.acceptBy;
    expect(acceptBy).not.toBeNull();
    const second = (await call('listTriage', {}, TRIAGER)) as { data: { items: Array<{ acceptBy: string | null }> } };
    expect(second.data.items[0]?.acceptBy).toBe(acceptBy);
    const rows = await sql.raw<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM triage_dispatch');
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('refuses the list to a non-triage user', async () => {
    expect(await call('listTriage', {}, AGENT)).toEqual({ success: false, errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })] });
  });
});

describe('owner answers', () => {
  beforeEach(async () => {
    jira.seedIssue({ key: 'ITR-20' });
    await call('triageIssue', decision('ITR-20'), TRIAGER);
  });

  it('lets the owner escalate to a supervisor with a reason, recorded', async () => {
    const answer = await call('reassignIssue', { issueKey: 'ITR-20', mode: 'escalate', toAccountId: SUPERVISOR, reason: 'Not our product' }, OWNER);
    expect(answer).toMatchObject({ success: true, data: { ownerAccountId: SUPERVISOR } });
    expect(jira.issue('ITR-20').fields[ids.owner]).toEqual({ accountId: SUPERVISOR });
    const history = (await call('getClassificationHistory', { issueKey: 'ITR-20' }, OWNER)) as { data: Array<Record<string, unknown>> };
    expect(history.data.at(-1)).toMatchObject({ field: 'owner', oldValue: OWNER, newValue: SUPERVISOR, reason: 'escalate: Not our product', actorAccountId: OWNER });
    // Named for the page (one bulk look-up); an account Jira no longer knows has no name, never its id.
    expect(history.data.at(-1)).toMatchObject({ actorName: 'Owner', oldValueName: 'Owner', newValueName: 'Supervisor' });
    expect(history.data.find((e) => e['field'] === 'grade')).toMatchObject({ actorName: 'Zhao Triage', oldValueName: null, newValueName: null });
    jira.model.users.delete(SUPERVISOR);
    const later = (await call('getClassificationHistory', { issueKey: 'ITR-20' }, OWNER)) as { data: Array<Record<string, unknown>> };
    expect(later.data.at(-1)).toMatchObject({ newValue: SUPERVISOR, newValueName: null });
  });

  it('lists the owner by the display name Jira renders with the owner field', async () => {
    const list = (await call('listTriage', {}, TRIAGER)) as { data: { items: Array<{ issueKey: string; ownerAccountId: string | null; ownerName: string | null }> } };
    expect(list.data.items.find((i) => i.issueKey === 'ITR-20')).toMatchObject({ ownerAccountId: OWNER, ownerName: 'Owner' });
  });

  it('needs a reason, and refuses someone who is neither owner nor triage', async () => {
    expect(await call('reassignIssue', { issueKey: 'ITR-20', mode: 'forward', toAccountId: SUPERVISOR, reason: ' ' }, OWNER)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'TRIAGE_REASON_REQUIRED', path: 'reason' })],
    });
    expect(await call('reassignIssue', { issueKey: 'ITR-20', mode: 'forward', toAccountId: AGENT, reason: 'mine now' }, AGENT)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'TRIAGE_NOT_OWNER' })],
    });
  });

  it('lets the owner accept', async () => {
    expect(await call('acceptIssue', { issueKey: 'ITR-20' }, OWNER)).toEqual({ success: true, data: { issueKey: 'ITR-20', acceptance: 'accepted' } });
    expect(jira.issue('ITR-20').fields[ids.acceptance]).toBe('accepted');
  });
});

describe('getClassificationHistory', () => {
  it('answers ISSUE_NOT_FOUND to a user who may not browse the issue', async () => {
    jira.seedProject({ key: 'SEC', browsers: [TRIAGER] });
    jira.seedIssue({ key: 'SEC-1' });
    expect(await call('getClassificationHistory', { issueKey: 'SEC-1' }, AGENT)).toEqual({ success: false, errors: [expect.objectContaining({ code: 'ISSUE_NOT_FOUND' })] });
  });
});
