/**
 * The case-library habit (issue 17) through the exported handlers on the platform harness: the panel's
 * searches of the case library are recorded for the panel's issue, with the caller from the Forge
 * context (never the payload); the panel says whether the first search came before work started; the
 * case decision at resolution is recorded and shown; the admin sets each line's target share; the
 * supervision page answers the habit per person and department, the lines against their targets, the
 * first-contact share and the satisfaction trend. Refusals read in English and in Chinese.
 */
import {
  analyticsBackfillConsumer,
  gradingAdminResolver,
  issuePanelResolver,
  itrHomeResolver,
  supervisionResolver,
} from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { BACKFILL_QUEUE } from '../../../src/app/analytics/backfill';
import type { CaseHabitChart, CaseHabitView, LineOutcomeChart } from '../../../src/contract/caseHabit';
import { createI18n, errorMessageKey, MESSAGES } from '../../../static/shared/i18n';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql, queue } = harness();
const ENGINEER = 'acc-li';
const OUTSIDER = 'acc-out';
const ADMIN = 'acc-admin';
let ids: ReturnType<typeof defineItrFields>;

type Envelope<T> =
  | { success: true; data: T }
  | {
      success: false;
      errors: Array<{ code: string; message: string; path?: string; params?: Record<string, string | number> }>;
    };

const panelContext = (key: string) => ({ extension: { type: 'jira:issuePanel', issue: { key } } });
const panel = <T>(fn: string, payload: object, accountId: string, key = 'ITR-1') =>
  invokeResolver(issuePanelResolver, fn, payload, { accountId, context: panelContext(key) }) as Promise<Envelope<T>>;
const habitOf = async (accountId = ENGINEER, key = 'ITR-1'): Promise<CaseHabitView> => {
  const a = await panel<CaseHabitView>('getCaseHabit', { issueKey: key }, accountId, key);
  if (!a.success) throw new Error(JSON.stringify(a.errors));
  return a.data;
};
const codes = (a: Envelope<unknown>): string[] => (a.success ? [] : a.errors.map((e) => e.code));
const searchRows = () =>
  sql.raw<Array<{ account_id: string; query_text: string; source: string }>>(
    'SELECT account_id, query_text, source FROM case_search_record ORDER BY searched_at, id',
  );

/** Every error of a refusal reads as its own message in English and in Chinese, placeholders filled. */
function expectTranslated(answer: Envelope<unknown>): void {
  if (answer.success) throw new Error('expected a refusal');
  for (const locale of ['en', 'zh_CN']) {
    const { t } = createI18n(locale, 'UTC');
    for (const e of answer.errors) {
      expect(errorMessageKey(e.code)).toBe(`errorCode.${e.code}`);
      expect(t(errorMessageKey(e.code), e.params ?? {})).not.toMatch(/\{\w+\}/);
    }
  }
  const key = errorMessageKey(answer.errors[answer.errors.length - 1]?.code ?? '');
  expect(MESSAGES['zh-CN'][key]).not.toBe(MESSAGES.en[key]);
}

function seedIssue(key: string, resolved: boolean, created = new Date(Date.UTC(2026, 0, 5, 8))): string {
  return jira.seedIssue({
    key,
    created,
    status: resolved ? 'Resolved' : 'In Progress',
    summary: `Kiosk freezes after reboot (${key})`,
    fields: {
      [ids.kind]: 'technicalService',
      [ids.grade]: 'minor',
      [ids.owner]: { accountId: ENGINEER },
      ...(resolved
        ? {
            resolution: { id: '10000', name: 'Done' },
            resolutiondate: new Date(created.getTime() + 86_400_000).toISOString().replace('Z', '+0000'),
          }
        : {}),
    },
  }).id;
}

async function publishedCase(title: string): Promise<number> {
  const a = (await invokeResolver(
    issuePanelResolver,
    'saveCase',
    {
      content: {
        title,
        symptom: 'The kiosk freezes after reboot',
        product: '',
        productVersion: '',
        environment: '',
        rootCause: 'Watchdog disabled',
        shortTermMeasure: 'Reboot twice',
        longTermMeasure: 'Enable the watchdog',
        language: 'en',
        tags: [],
        status: 'published',
      },
    },
    { accountId: ADMIN, context: panelContext('ITR-1') },
  )) as Envelope<{ id: number }>;
  if (!a.success) throw new Error(JSON.stringify(a.errors));
  return a.data.id;
}

beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  for (const table of ['case_search_record', 'case_decision', 'classification_history', 'line_history'])
    await sql.raw(`DELETE FROM ${table}`);
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators', 'itr-triage'] });
  jira.seedProject({ key: 'ITR', browsers: [ENGINEER, ADMIN] });
  ids = defineItrFields(jira);
});

describe('the panel records searches of the case library', () => {
  it('records who (from the context, not the payload), when and what; the panel names them', async () => {
    seedIssue('ITR-1', false);
    const a = await panel('searchCases', { text: 'kiosk freeze', issueKey: 'ITR-1', accountId: ADMIN }, ENGINEER);
    expect(a.success).toBe(true);
    expect(await searchRows()).toEqual([{ account_id: ENGINEER, query_text: 'kiosk freeze', source: 'search' }]);
    const habit = await habitOf();
    expect(habit).toMatchObject({
      firstSearch: { by: { displayName: 'Li Lei' }, query: 'kiosk freeze', source: 'search' },
      searchCount: 1,
      workStartedAt: null,
      searchedBeforeWork: true,
      resolved: false,
      decision: null,
    });
    // The panel's case section reads the habit with its suggestions, in one round trip.
    expect(await panel('suggestCases', { issueKey: 'ITR-1' }, ENGINEER)).toMatchObject({
      success: true,
      data: { habit: { searchCount: 1, searchedBeforeWork: true } },
    });
  });

  it('a search after the holder accepted is not before work; one before it is', async () => {
    const id = seedIssue('ITR-1', false);
    await sql.raw(
      `INSERT INTO classification_history (issue_id, issue_key, field, old_value, new_value, actor_account_id, at)
       VALUES (?, 'ITR-1', 'acceptance', 'awaiting', 'accepted', ?, ?)`,
      [Number(id), ENGINEER, '2020-01-01 09:00:00.000'],
    );
    await panel('searchCases', { text: 'kiosk', issueKey: 'ITR-1' }, ENGINEER);
    expect(await habitOf()).toMatchObject({ searchedBeforeWork: false, workStartedAt: '2020-01-01T09:00:00.000Z' });
    await sql.raw("UPDATE case_search_record SET searched_at = '2020-01-01 08:30:00.000'");
    expect((await habitOf()).searchedBeforeWork).toBe(true);
  });

  it('judging a suggested case counts as consulting the library, with the case’s title', async () => {
    seedIssue('ITR-1', false);
    const caseId = await publishedCase('Kiosk watchdog');
    await panel('markCaseHelpful', { id: caseId, issueKey: 'ITR-1' }, ENGINEER);
    expect(await searchRows()).toEqual([{ account_id: ENGINEER, query_text: 'Kiosk watchdog', source: 'suggestion' }]);
    expect((await habitOf()).candidateCases).toEqual([{ id: caseId, title: 'Kiosk watchdog', relation: 'usedOn' }]);
  });

  it('records nothing for a library-page search, a blank one, another issue than the panel’s, or an issue the caller may not browse', async () => {
    seedIssue('ITR-1', false);
    seedIssue('ITR-2', false);
    expect((await panel('searchCases', { text: 'kiosk' }, ENGINEER)).success).toBe(true);
    expect((await panel('searchCases', { text: '  ', issueKey: 'ITR-1' }, ENGINEER)).success).toBe(true);
    const other = await panel('searchCases', { text: 'kiosk', issueKey: 'ITR-2' }, ENGINEER, 'ITR-1');
    expect(codes(other)).toEqual(['INVALID_PAYLOAD']);
    const hidden = await panel('searchCases', { text: 'kiosk', issueKey: 'ITR-1' }, OUTSIDER);
    expect(codes(hidden)).toEqual(['ISSUE_NOT_FOUND']);
    expectTranslated(hidden);
    expect(await searchRows()).toEqual([]);
  });
});

describe('the case-library page records searches for the issue the user works on', () => {
  const pageContext = { extension: { type: 'jira:globalPage' } };
  const page = <T>(fn: string, payload: object, accountId: string) =>
    invokeResolver(itrHomeResolver, fn, payload, { accountId, context: pageContext }) as Promise<Envelope<T>>;

  it('names the issue as the caller sees it and records the page’s searches for it, before work like the panel’s', async () => {
    seedIssue('ITR-1', false);
    expect(await page('getCaseSearchIssue', { issueKey: 'ITR-1' }, ENGINEER)).toEqual({
      success: true,
      data: {
        issueKey: 'ITR-1',
        summary: 'Kiosk freezes after reboot (ITR-1)',
        searchedBeforeWork: false,
        searchCount: 0,
      },
    });
    expect((await page('searchCases', { text: 'kiosk reboot', issueKey: 'ITR-1' }, ENGINEER)).success).toBe(true);
    expect(await searchRows()).toEqual([{ account_id: ENGINEER, query_text: 'kiosk reboot', source: 'search' }]);
    expect(await page('getCaseSearchIssue', { issueKey: 'ITR-1' }, ENGINEER)).toMatchObject({
      success: true,
      data: { searchedBeforeWork: true, searchCount: 1 },
    });
    // The panel counts it as the habit on the issue, by the caller.
    expect(await habitOf()).toMatchObject({
      firstSearch: { by: { displayName: 'Li Lei' }, query: 'kiosk reboot' },
      searchedBeforeWork: true,
    });
  });

  it('records nothing for an issue the caller may not browse, one that does not exist, or a search without an issue', async () => {
    seedIssue('ITR-1', false);
    const named = await page('getCaseSearchIssue', { issueKey: 'ITR-1' }, OUTSIDER);
    expect(codes(named)).toEqual(['ISSUE_NOT_FOUND']);
    expectTranslated(named);
    const searched = await page('searchCases', { text: 'kiosk', issueKey: 'ITR-1' }, OUTSIDER);
    expect(codes(searched)).toEqual(['ISSUE_NOT_FOUND']);
    expect(codes(await page('searchCases', { text: 'kiosk', issueKey: 'ITR-99' }, ENGINEER))).toEqual([
      'ISSUE_NOT_FOUND',
    ]);
    expect(codes(await page('getCaseSearchIssue', { issueKey: 'not a key' }, ENGINEER))).toEqual(['INVALID_PAYLOAD']);
    expect((await page('searchCases', { text: 'kiosk' }, ENGINEER)).success).toBe(true);
    expect(await searchRows()).toEqual([]);
  });
});

describe('the case decision at resolution', () => {
  it('is asked for only once the issue is resolved', async () => {
    seedIssue('ITR-1', false);
    const a = await panel('saveCaseDecision', { issueKey: 'ITR-1', decision: 'none', reason: 'one-off' }, ENGINEER);
    expect(codes(a)).toEqual(['CASE_DECISION_NOT_RESOLVED']);
    expectTranslated(a);
  });

  it.each([
    ['no case without a reason', { decision: 'none', reason: ' ' }, ['CASE_DECISION_REASON_REQUIRED']],
    ['an improved case without the case', { decision: 'improvedCase' }, ['CASE_DECISION_CASE_REQUIRED']],
    ['a reason too long', { decision: 'none', reason: 'x'.repeat(2001) }, ['CASE_DECISION_REASON_TOO_LONG']],
  ])('refuses %s, in both languages, and records nothing', async (_name, payload, expected) => {
    seedIssue('ITR-1', true);
    const a = await panel('saveCaseDecision', { issueKey: 'ITR-1', ...payload }, ENGINEER);
    expect(codes(a)).toEqual(expected);
    expectTranslated(a);
    expect(await sql.raw('SELECT * FROM case_decision')).toEqual([]);
  });

  it('is recorded by who may edit the issue: browsing it is not enough, and who may not browse it gets no issue', async () => {
    seedIssue('ITR-1', true);
    const VIEWER = 'acc-viewer';
    jira.seedUser({ accountId: VIEWER, displayName: 'Zhao Min', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
    jira.seedProject({ key: 'ITR', browsers: [ENGINEER, ADMIN, VIEWER] });
    const payload = { issueKey: 'ITR-1', decision: 'none', reason: 'one-off' };
    const viewer = await panel('saveCaseDecision', payload, VIEWER);
    expect(codes(viewer)).toEqual(['CASE_DECISION_NOT_EDITOR']);
    expectTranslated(viewer);
    expect(codes(await panel('saveCaseDecision', payload, OUTSIDER))).toEqual(['ISSUE_NOT_FOUND']);
    expect(await sql.raw('SELECT * FROM case_decision')).toEqual([]);
    expect((await habitOf(VIEWER)).decision).toBeNull();
  });

  it('refuses an unknown decision and a case that does not exist', async () => {
    seedIssue('ITR-1', true);
    expect(codes(await panel('saveCaseDecision', { issueKey: 'ITR-1', decision: 'maybe' }, ENGINEER))).toEqual([
      'INVALID_PAYLOAD',
    ]);
    expect(
      codes(await panel('saveCaseDecision', { issueKey: 'ITR-1', decision: 'newCase', caseId: 987654 }, ENGINEER)),
    ).toEqual(['CASE_NOT_FOUND']);
  });

  it('records the decision by the caller and shows it; a new decision replaces it', async () => {
    seedIssue('ITR-1', true);
    const none = await panel<CaseHabitView>(
      'saveCaseDecision',
      { issueKey: 'ITR-1', decision: 'none', reason: 'A typo in one site’s config', decidedBy: ADMIN },
      ENGINEER,
    );
    expect(none).toMatchObject({
      success: true,
      data: {
        resolved: true,
        decision: {
          decision: 'none',
          caseId: null,
          reason: 'A typo in one site’s config',
          by: { displayName: 'Li Lei' },
        },
      },
    });
    const caseId = await publishedCase('Kiosk watchdog');
    const improved = await panel<CaseHabitView>(
      'saveCaseDecision',
      { issueKey: 'ITR-1', decision: 'improvedCase', caseId },
      ENGINEER,
    );
    expect(improved).toMatchObject({
      success: true,
      data: { decision: { decision: 'improvedCase', caseId, caseTitle: 'Kiosk watchdog' } },
    });
    expect(await sql.raw('SELECT decision, case_id, decided_by FROM case_decision')).toEqual([
      { decision: 'improvedCase', case_id: caseId, decided_by: ENGINEER },
    ]);
  });
});

describe('line targets (admin page)', () => {
  const admin = <T>(fn: string, payload: object, accountId = ADMIN) =>
    invokeResolver(gradingAdminResolver, fn, payload, { accountId }) as Promise<Envelope<T>>;

  it('defaults to 80 % per line, saves with the revision, and is refused to a non-admin', async () => {
    expect(await admin('getLineTargets', {})).toMatchObject({
      success: true,
      data: { targets: { L1: 0.8, L2: 0.8, L3: 0.8 }, revision: 0 },
    });
    expect(
      await admin('saveLineTargets', { targets: { L1: 0.85, L2: 0.8, L3: 0.6 }, expectedRevision: 0 }),
    ).toMatchObject({ success: true, data: { targets: { L1: 0.85, L3: 0.6 }, revision: 1 } });
    expect(codes(await admin('getLineTargets', {}, ENGINEER))).toEqual(['NOT_AUTHORIZED']);
  });

  it('names each invalid share at its line, in both languages', async () => {
    const a = await admin('saveLineTargets', { targets: { L1: 0.8, L2: 1.2, L3: 'high' }, expectedRevision: 0 });
    expect(a.success ? [] : a.errors.map((e) => [e.code, e.path])).toEqual([
      ['SETTINGS_INVALID', undefined],
      ['SETTINGS_TARGET_SHARE_INVALID', 'L2'],
      ['SETTINGS_TARGET_SHARE_INVALID', 'L3'],
    ]);
    expectTranslated(a);
  });
});

describe('supervision: habit, lines against their targets, first contact, satisfaction', () => {
  const FILTER = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', granularity: 'month' };
  const chart = async <T>(name: string, accountId = ADMIN): Promise<T> => {
    const a = (await invokeResolver(
      supervisionResolver,
      'getSupervisionChart',
      { chart: name, filter: FILTER },
      { accountId },
    )) as Envelope<{ data: T }>;
    if (!a.success) throw new Error(JSON.stringify(a.errors));
    return a.data.data;
  };
  const stay = (id: string, line: string, entered: string, left: string | null, outcome: string | null) =>
    sql.raw(
      `INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, working_minutes_used, outcome, entered_by)
       VALUES (?, ?, ?, ?, ?, 0, ?, 'app')`,
      [Number(id), line, entered, left, ENGINEER, outcome],
    );

  it('answers the shares per person and department and flags the line under its target', async () => {
    queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
    await sql.raw('DELETE FROM itr_issue_fact');
    await sql.raw('DELETE FROM itr_stay_fact');
    // Five resolved issues: ITR-1..3 resolved on L1 at first contact, ITR-4 and ITR-5 passed on to L2.
    const issueIds: string[] = [];
    for (let i = 1; i <= 5; i++) issueIds.push(seedIssue(`ITR-${i}`, true));
    for (const [i, id] of issueIds.entries()) {
      if (i < 3) await stay(id, 'L1', '2026-01-05 08:00:00', '2026-01-05 12:00:00', 'resolved');
      else {
        await stay(id, 'L1', '2026-01-05 08:00:00', '2026-01-05 10:00:00', 'passed_on');
        await stay(id, 'L2', '2026-01-05 10:00:00', '2026-01-05 12:00:00', 'resolved');
      }
    }
    // ITR-1 searched before work; ITR-2 after the first line change; decisions on ITR-1 and ITR-2.
    await panel('searchCases', { text: 'kiosk', issueKey: 'ITR-1' }, ENGINEER, 'ITR-1');
    await panel('searchCases', { text: 'kiosk', issueKey: 'ITR-2' }, ENGINEER, 'ITR-2');
    await sql.raw("UPDATE case_search_record SET searched_at = '2026-01-05 07:00:00' WHERE issue_id = ?", [
      Number(issueIds[0]),
    ]);
    await sql.raw("UPDATE case_search_record SET searched_at = '2026-01-05 13:00:00' WHERE issue_id = ?", [
      Number(issueIds[1]),
    ]);
    await panel('saveCaseDecision', { issueKey: 'ITR-1', decision: 'none', reason: 'one-off' }, ENGINEER, 'ITR-1');
    await invokeResolver(
      gradingAdminResolver,
      'saveLineTargets',
      {
        targets: { L1: 0.8, L2: 0.8, L3: 0.8 },
        expectedRevision: 0,
      },
      { accountId: ADMIN },
    );
    await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
    await queue.drain();

    const habit = await chart<CaseHabitChart>('caseHabit');
    expect(habit.person).toEqual([
      {
        key: ENGINEER,
        label: 'Li Lei',
        issues: 5,
        searchedBeforeWork: 1,
        searchedShare: 0.2,
        resolved: 5,
        decisions: { newCase: 0, improvedCase: 0, none: 1 },
        undecided: 4,
      },
    ]);
    expect(habit.truncated).toBe(false);

    const outcomes = await chart<LineOutcomeChart>('lineOutcomes');
    // L1: 3 of 5 ended stays resolved (60 %) under 80 %: flagged. L2: 2 of 2, too few stays to flag anyway.
    expect(outcomes.lines).toEqual([
      { line: 'L1', ended: 5, resolved: 3, share: 0.6, target: 0.8, belowTarget: true },
      { line: 'L2', ended: 2, resolved: 2, share: 1, target: 0.8, belowTarget: false },
    ]);
    expect(outcomes.periods).toEqual([
      { period: '2026-01', resolved: 5, firstContact: 3, firstContactShare: 0.6, visited: 0, satisfactionAvg: null },
    ]);
  });

  it('hides the per-person habit from a caller who may not see people figures', async () => {
    seedIssue('ITR-1', true);
    expect(await chart<CaseHabitChart | null>('caseHabit', ENGINEER)).toBeNull();
  });
});
