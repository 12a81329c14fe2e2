/**
 * The triage page's read-only companions through the exported `triageResolver` (real SDKs, Jira double,
 * MariaDB): the selected issue as reported, and the live preview, whose grade and deadlines must be the
 * ones the save then writes (the save is the oracle, so the preview cannot drift from the rules).
 */
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { runMigrations } from '../../../src/adapters/sql';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { chooseItrProjects, ITR_TYPE } from '../../fixtures/itrScope';

const { jira, sql } = harness();
const TRIAGER = 'acc-triager';
const AGENT = 'acc-agent';
const SUBMITTER = 'acc-submitter';
const WRITE = 'POST /rest/api/3/app/field/value';

/** Answers the shipped table grades critical (30 min response, 6 h on L1, both on the 24×7 calendar). */
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
/** Answers the shipped table grades lower than critical. */
const SINGLE_USER = { ...OUTAGE, businessImpact: 'minor', scope: 'small', duration: 'upTo1h' };

type Envelope<T> = { success: boolean; data?: T; errors?: Array<{ code: string; path?: string }> };
const call = async <T>(functionKey: string, payload: unknown, accountId: string) =>
  (await invokeResolver(triageResolver, functionKey, payload, { accountId })) as Envelope<T>;

interface Preview {
  grade: string;
  tableVersion: number;
  response: { dueAt: string | null; warnAt: string | null } | null;
  line: string;
  entersLine: boolean;
  lineStartAt: string;
  lineDueAt: string | null;
  lineWarnAt: string | null;
}

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  await sql.raw('DELETE FROM line_history');
  await sql.raw('DELETE FROM triage_dispatch');
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Agent' });
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Anna Submitter' });
  ids = defineItrFields(jira);
  await chooseItrProjects(['ITR']);
});

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('getTriageIssue', () => {
  it('answers the description as plain text and the submitter by name, never an account id', async () => {
    jira.seedIssue({
      key: 'ITR-1',
      issueType: ITR_TYPE,
      summary: 'Router reboots',
      created: '2026-03-02T08:00:00.000+0000',
      reporter: AGENT,
      fields: {
        description: doc('It reboots every hour.', '<b>not markup</b>'),
        [ids.submitter]: { accountId: SUBMITTER },
      },
    });
    const answer = await call<Record<string, unknown>>('getTriageIssue', { issueKey: 'ITR-1' }, TRIAGER);
    expect(answer).toEqual({
      success: true,
      data: {
        issueKey: 'ITR-1',
        summary: 'Router reboots',
        description: 'It reboots every hour.\n\n<b>not markup</b>',
        submitterName: 'Anna Submitter',
        created: '2026-03-02T08:00:00.000Z',
      },
    });
    expect(JSON.stringify(answer)).not.toContain(SUBMITTER);
  });

  it("falls back to Jira's reporter before the submitter is recorded, and to nothing without a description", async () => {
    jira.seedIssue({ key: 'ITR-2', issueType: ITR_TYPE, reporter: AGENT });
    const answer = await call<Record<string, unknown>>('getTriageIssue', { issueKey: 'ITR-2' }, TRIAGER);
    expect(answer.data).toMatchObject({ description: '', submitterName: 'Agent' });
  });

  it('refuses a user without the triage role', async () => {
    jira.seedIssue({ key: 'ITR-3', issueType: ITR_TYPE });
    const answer = await call('getTriageIssue', { issueKey: 'ITR-3' }, AGENT);
    expect(answer).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  });
});

describe('previewTriage', () => {
  it('previews the grade and deadlines the save then writes, and writes nothing itself', async () => {
    const created = Date.now() - 2 * 3600_000;
    jira.seedIssue({ key: 'ITR-4', issueType: ITR_TYPE, created: new Date(created) });
    const before = Date.now();
    const preview = await call<Preview>('previewTriage', { issueKey: 'ITR-4', answers: OUTAGE }, TRIAGER);
    expect(preview.success).toBe(true);
    const p = preview.data as Preview;
    expect(p).toMatchObject({ grade: 'critical', tableVersion: 1, line: 'L1', entersLine: true });
    expect(jira.requestCount(WRITE)).toBe(0);
    // The line clock starts at the save: now, to the second.
    expect(Date.parse(p.lineStartAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(p.lineDueAt ?? '') - Date.parse(p.lineStartAt)).toBe(
      lineBudget(DEFAULT_GRADING_TABLE, 'critical', 'L1').minutes * 60_000,
    );

    const saved = await call(
      'triageIssue',
      {
        issueKey: 'ITR-4',
        kind: 'technicalService',
        classification: {
          facts: {
            failsWithinSpecification: true,
            contractOrProcessNotFollowed: false,
            expectedByUserHabitOrIndustryNorm: false,
          },
        },
        answers: OUTAGE,
      },
      TRIAGER,
    );
    expect(saved).toMatchObject({ success: true, data: { grade: p.grade } });
    const f = jira.issue('ITR-4').fields;
    // The response clock runs from creation: the preview's times are the written ones exactly.
    expect(Date.parse(String(f[ids.responseDueAt]))).toBe(Date.parse(p.response?.dueAt ?? ''));
    expect(Date.parse(String(f[ids.responseWarnAt]))).toBe(Date.parse(p.response?.warnAt ?? ''));
    // The line clock: the same budget from the save's own start.
    const entered = Date.parse(String(f[ids.lineEnteredAt]));
    expect(Date.parse(String(f[ids.lineDueAt])) - entered).toBe(
      Date.parse(p.lineDueAt ?? '') - Date.parse(p.lineStartAt),
    );
    expect(Date.parse(String(f[ids.lineWarnAt])) - entered).toBe(
      Date.parse(p.lineWarnAt ?? '') - Date.parse(p.lineStartAt),
    );

    // Triaged again on the same line with other answers: its clock runs on from the entry it has.
    const again = await call<Preview>(
      'previewTriage',
      { issueKey: 'ITR-4', answers: SINGLE_USER, line: 'L1' },
      TRIAGER,
    );
    expect(again.data).toMatchObject({ entersLine: false, lineStartAt: new Date(entered).toISOString() });
    expect(again.data?.grade).not.toBe('critical');
    expect(Date.parse(again.data?.lineDueAt ?? '')).toBeGreaterThan(Date.parse(String(f[ids.lineDueAt])));
    // Onto another line it would enter that one now.
    const l2 = await call<Preview>('previewTriage', { issueKey: 'ITR-4', answers: OUTAGE, line: 'L2' }, TRIAGER);
    expect(l2.data).toMatchObject({ line: 'L2', entersLine: true });
  });

  it('refuses missing answers and a bad line at their paths, and a user without the triage role', async () => {
    jira.seedIssue({ key: 'ITR-5', issueType: ITR_TYPE });
    const { scope: _missing, ...partial } = OUTAGE;
    const answer = await call('previewTriage', { issueKey: 'ITR-5', answers: partial, line: 'L9' }, TRIAGER);
    expect(answer.success).toBe(false);
    expect(answer.errors?.map((e) => [e.code, e.path])).toEqual([
      ['TRIAGE_INVALID_LINE', 'line'],
      ['GRADING_ANSWER_MISSING', 'answers.scope'],
    ]);
    const refused = await call('previewTriage', { issueKey: 'ITR-5', answers: OUTAGE }, AGENT);
    expect(refused).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  });
});
