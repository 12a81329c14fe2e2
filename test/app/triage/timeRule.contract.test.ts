/**
 * Problems and requirements keep different time (issue 17): the time rule is stamped on the issue
 * (`itr-time-rule`) and the response clock runs on it. Through the exported resolvers (`itrHomeResolver`
 * for triage and its preview, `gradingAdminResolver` + `escalationConsumer` for the recalculation) on the
 * Jira double, KVS and MariaDB: with requirement times for `critical`, a requirement gets the requirement
 * response time and a problem the problem one; the preview shows what the save writes; a recalculation
 * after the table changed restamps the rule and moves the response clock with it.
 */
import { escalationConsumer, gradingAdminResolver, issuePanelResolver, itrHomeResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { chooseItrProjects, ITR_TYPE } from '../../fixtures/itrScope';

const { jira, queue, sql } = harness();
const TRIAGER = 'acc-triager';
const ADMIN = 'acc-admin';
const MINUTE = 60_000;

/** Answers the shipped table grades critical (problem response 30 min, on the always-on calendar). */
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
const PROBLEM_FACTS = {
  failsWithinSpecification: true,
  contractOrProcessNotFollowed: false,
  expectedByUserHabitOrIndustryNorm: false,
};
/** Nothing promised it: the rule says requirement. */
const REQUIREMENT_FACTS = { ...PROBLEM_FACTS, failsWithinSpecification: false };

const CRITICAL = DEFAULT_GRADING_TABLE.sla['critical']!;
const PROBLEM_RESPONSE = CRITICAL.responseMinutes;
const REQUIREMENT_RESPONSE = 240;
/** The shipped table, with requirement times for critical: the same calendar, a longer response time. */
const WITH_REQUIREMENT_TIMES: GradingTable = {
  ...DEFAULT_GRADING_TABLE,
  requirementTimes: {
    sla: { critical: { ...CRITICAL, responseMinutes: REQUIREMENT_RESPONSE, resolutionMinutes: 2 * 1440 } },
  },
};

type Envelope<T> = { success: boolean; data?: T; errors?: Array<{ code: string; path?: string }> };
const call = async <T>(functionKey: string, payload: unknown, accountId = TRIAGER) =>
  (await invokeResolver(itrHomeResolver, functionKey, payload, { accountId })) as Envelope<T>;

interface Preview {
  grade: string;
  timeRule: string;
  response: { dueAt: string | null; warnAt: string | null } | null;
}

const saveTable = (table: GradingTable) =>
  new ConfigStore().set(CONFIG_KEYS.gradingTable, table, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));

/** Whole seconds (Jira stores app datetimes so), `minutes` from now. */
const fromNow = (minutes: number): number => Math.floor((Date.now() + minutes * MINUTE) / 1000) * 1000;
const instant = (v: unknown): number => Date.parse(String(v));

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  await runMigrations();
  for (const table of ['classification_history', 'line_history', 'triage_dispatch', 'line_pause'])
    await sql.raw(`DELETE FROM ${table}`);
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({
    accountId: ADMIN,
    displayName: 'Admin',
    groups: ['jira-administrators'],
    globalPermissions: ['ADMINISTER'],
  });
  ids = defineItrFields(jira);
  await chooseItrProjects(['ITR']);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  await saveTable(WITH_REQUIREMENT_TIMES);
});

const triage = (issueKey: string, facts: typeof PROBLEM_FACTS) =>
  call('triageIssue', { issueKey, kind: 'technicalService', classification: { facts }, answers: OUTAGE });

describe('the time rule, stamped at triage, and the response clock on it', () => {
  it.each([
    ['a requirement gets the requirement response time', REQUIREMENT_FACTS, 'requirement', REQUIREMENT_RESPONSE],
    ['a problem gets the problem response time', PROBLEM_FACTS, 'problem', PROBLEM_RESPONSE],
  ])('%s, and its rule stamped on the issue', async (_label, facts, rule, minutes) => {
    const created = fromNow(-10);
    jira.seedIssue({ key: 'ITR-1', issueType: ITR_TYPE, created: new Date(created) });
    // The preview, asked with the classification the form would record, runs on the same rule.
    const classification = facts === PROBLEM_FACTS ? 'problem' : 'requirement';
    const preview = await call<Preview>('previewTriage', { issueKey: 'ITR-1', answers: OUTAGE, classification });
    expect(preview).toMatchObject({ success: true, data: { grade: 'critical', timeRule: rule } });

    expect(await triage('ITR-1', facts)).toMatchObject({ success: true, data: { grade: 'critical' } });
    const f = jira.issue('ITR-1').fields;
    expect(f[ids.timeRule]).toBe(rule);
    // The always-on calendar: the response time from creation, to the minute.
    expect(instant(f[ids.responseDueAt])).toBe(created + minutes * MINUTE);
    expect(instant(f[ids.responseDueAt])).toBe(Date.parse(preview.data?.response?.dueAt ?? ''));
    expect(instant(f[ids.responseWarnAt])).toBe(Date.parse(preview.data?.response?.warnAt ?? ''));
  });

  it("a preview without a classification follows the issue's own; a classification not known is refused", async () => {
    jira.seedIssue({
      key: 'ITR-2',
      issueType: ITR_TYPE,
      created: new Date(fromNow(-10)),
      fields: { [ids.classification]: 'requirement' },
    });
    const own = await call<Preview>('previewTriage', { issueKey: 'ITR-2', answers: OUTAGE });
    expect(own.data?.timeRule).toBe('requirement');
    const asProblem = await call<Preview>('previewTriage', {
      issueKey: 'ITR-2',
      answers: OUTAGE,
      classification: 'problem',
    });
    expect(asProblem.data?.timeRule).toBe('problem');
    expect(Date.parse(own.data?.response?.dueAt ?? '') - Date.parse(asProblem.data?.response?.dueAt ?? '')).toBe(
      (REQUIREMENT_RESPONSE - PROBLEM_RESPONSE) * MINUTE,
    );
    const refused = await call('previewTriage', { issueKey: 'ITR-2', answers: OUTAGE, classification: 'idea' });
    expect(refused).toMatchObject({ success: false, errors: [{ code: 'INVALID_PAYLOAD', path: 'classification' }] });
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(0);
  });

  it('a table without requirement times: a requirement runs on (and is stamped with) the problem times', async () => {
    await saveTable(DEFAULT_GRADING_TABLE);
    const created = fromNow(-10);
    jira.seedIssue({ key: 'ITR-3', issueType: ITR_TYPE, created: new Date(created) });
    expect(await triage('ITR-3', REQUIREMENT_FACTS)).toMatchObject({ success: true });
    const f = jira.issue('ITR-3').fields;
    expect(f[ids.classification]).toBe('requirement');
    expect(f[ids.timeRule]).toBe('problem');
    expect(instant(f[ids.responseDueAt])).toBe(created + PROBLEM_RESPONSE * MINUTE);
  });
});

describe('recalculation keeps the stamp and the response clock in step with the table', () => {
  it('the admin takes the requirement times away: the requirement is restamped and answers within the problem time', async () => {
    const created = fromNow(-10);
    jira.seedIssue({ key: 'ITR-4', issueType: ITR_TYPE, created: new Date(created) });
    expect(await triage('ITR-4', REQUIREMENT_FACTS)).toMatchObject({ success: true });
    expect(jira.issue('ITR-4').fields[ids.timeRule]).toBe('requirement');

    await saveTable(DEFAULT_GRADING_TABLE);
    const started = (await invokeResolver(
      gradingAdminResolver,
      'startEscalationRecalculation',
      { confirm: true },
      { accountId: ADMIN },
    )) as Envelope<{ jobId: string }>;
    expect(started.success).toBe(true);
    await queue.drain();

    const f = jira.issue('ITR-4').fields;
    expect(f[ids.timeRule]).toBe('problem');
    expect(instant(f[ids.responseDueAt])).toBe(created + PROBLEM_RESPONSE * MINUTE);
  });
});

describe('the issue panel names the stamped rule', () => {
  const panelRule = async (issueKey: string): Promise<unknown> => {
    const answer = (await invokeResolver(
      issuePanelResolver,
      'getIssueItrState',
      { issueKey },
      { accountId: TRIAGER, context: { extension: { type: 'jira:issuePanel', issue: { key: issueKey } } } },
    )) as Envelope<{ timeRule: unknown }>;
    expect(answer.success).toBe(true);
    return answer.data?.timeRule;
  };

  it('the stamp, with which the clocks were written, wins over what the table in force would give', async () => {
    const graded = { [ids.classification]: 'requirement', [ids.grade]: 'critical', [ids.gradingTableVersion]: 1 };
    jira.seedIssue({ key: 'ITR-6', issueType: ITR_TYPE, fields: { ...graded, [ids.timeRule]: 'problem' } });
    jira.seedIssue({ key: 'ITR-7', issueType: ITR_TYPE, fields: graded });
    expect(await panelRule('ITR-6')).toBe('problem');
    // Graded before the stamp existed: worked out from the classification and the table.
    expect(await panelRule('ITR-7')).toBe('requirement');
  });
});
