/**
 * A requirement's value assessment through the exported issue panel handler (real @forge/resolver,
 * Jira double checked against Jira's OpenAPI spec, KVS double, MariaDB): recorded with who and when,
 * the clock paused while it is pending when the grading table says so, refused whole with clear
 * messages in English and Chinese, and carried by the hand-off to R&D.
 */
import { issuePanelResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import { CONFIG_KEYS, gradingTableCodec } from '../../../src/app/config/itrConfig';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type GradingTable } from '../../../src/domain';
import { createI18n, errorMessageKey } from '../../../static/shared/i18n';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { handOffTo } from '../../fixtures/itrScope';

const { jira, sql } = harness();
const PM = 'acc-pm';
const OUTSIDER = 'acc-outsider';
const READER = 'acc-reader';

type Envelope =
  | { success: true; data: Record<string, unknown> }
  | { success: false; errors: Array<{ code: string; path?: string; params?: Record<string, string | number> }> };

function call(fn: string, payload: Record<string, unknown>, accountId = PM, issueKey = 'ITR-1'): Promise<Envelope> {
  return invokeResolver(issuePanelResolver, fn, payload, {
    accountId,
    context: { extension: { type: 'jira:issuePanel', issue: { key: issueKey } } },
  }) as Promise<Envelope>;
}

const GOOD = {
  expectedValue: 'Three hospitals renew: about 1.2 M CNY a year',
  cost: '25 engineer-days in R&D',
  decision: 'pending',
  reason: '',
};

async function useTable(pauseWhileAssessing: boolean | undefined): Promise<void> {
  const table: GradingTable =
    pauseWhileAssessing === undefined
      ? DEFAULT_GRADING_TABLE
      : { ...DEFAULT_GRADING_TABLE, requirementTimes: { pauseWhileAssessing } };
  await new ConfigStore().set(CONFIG_KEYS.gradingTable, table, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
}

let ids: ReturnType<typeof defineItrFields>;
const DUE = '2030-01-10T08:00:00.000+0000';
beforeEach(async () => {
  await runMigrations();
  for (const t of ['requirement_assessment', 'line_pause', 'itr_handoff']) await sql.raw(`DELETE FROM ${t}`);
  jira.seedUser({ accountId: PM, displayName: 'Chen Jing' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  // May browse the ITR project but not edit its issues.
  jira.seedUser({ accountId: READER, displayName: 'Sun Li', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
  jira.seedProject({ key: 'ITR', browsers: [PM, READER] });
  jira.seedProject({ key: 'IPD', browsers: [] });
  ids = defineItrFields(jira);
  const onL1 = {
    [ids.grade]: 'minor',
    [ids.line]: 'L1',
    [ids.lineEnteredAt]: '2030-01-02T08:00:00.000+0000',
    [ids.lineDueAt]: DUE,
    [ids.lineWarnAt]: '2030-01-08T08:00:00.000+0000',
    [ids.acceptance]: 'accepted',
    [ids.product]: 'PACS-3',
  };
  jira.seedIssue({
    key: 'ITR-1',
    summary: 'Export studies to the regional archive',
    fields: { ...onL1, [ids.classification]: 'requirement' },
  });
  jira.seedIssue({ key: 'ITR-2', summary: 'Viewer crashes', fields: { ...onL1, [ids.classification]: 'problem' } });
});

afterEach(() => jira.assertNoViolations());

describe('saveAssessment / getAssessment through issuePanelResolver', () => {
  it('records the assessment with who and when; pending pauses the clock, the decision resumes it', async () => {
    await useTable(true);
    const empty = await call('getAssessment', { issueKey: 'ITR-1' });
    expect(empty).toEqual({
      success: true,
      data: {
        issueKey: 'ITR-1',
        classification: 'requirement',
        current: null,
        history: [],
        pausesWhileAssessing: true,
      },
    });

    const pending = await call('saveAssessment', { issueKey: 'ITR-1', assessment: GOOD });
    expect(pending).toMatchObject({
      success: true,
      data: { current: { ...GOOD, assessedBy: { accountId: PM, displayName: 'Chen Jing' } }, history: [] },
    });
    // The one pause mechanism: a line_pause row opened, the due and warning fields cleared.
    expect(await sql.raw('SELECT line, to_at FROM line_pause')).toEqual([{ line: 'L1', to_at: null }]);
    expect(jira.issue('ITR-1').fields[ids.lineDueAt] ?? null).toBeNull();

    const decided = await call('saveAssessment', {
      issueKey: 'ITR-1',
      assessment: { ...GOOD, decision: 'handToRnd', reason: '  Fits the 2027 imaging roadmap  ' },
    });
    expect(decided).toMatchObject({
      success: true,
      data: {
        current: { decision: 'handToRnd', reason: 'Fits the 2027 imaging roadmap' },
        history: [{ decision: 'pending' }],
      },
    });
    const rows = await sql.raw<Array<{ to_at: unknown }>>('SELECT to_at FROM line_pause');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.to_at).not.toBeNull();
    // Resumed: the due time is back (recomputed from the line's entry, pushed out by the pause).
    expect(jira.issue('ITR-1').fields[ids.lineDueAt]).toEqual(expect.any(String));
    expect(await sql.raw('SELECT assessed_by, decision FROM requirement_assessment ORDER BY id')).toEqual([
      { assessed_by: PM, decision: 'pending' },
      { assessed_by: PM, decision: 'handToRnd' },
    ]);
  });

  it('with the option off (or a table saved before requirement times), pending leaves the clock running', async () => {
    for (const option of [false, undefined]) {
      await sql.raw('DELETE FROM requirement_assessment');
      await useTable(option);
      expect(await call('saveAssessment', { issueKey: 'ITR-1', assessment: GOOD })).toMatchObject({
        success: true,
        data: { pausesWhileAssessing: false },
      });
      expect(await sql.raw('SELECT * FROM line_pause')).toEqual([]);
      expect(jira.issue('ITR-1').fields[ids.lineDueAt]).toBe(DUE);
    }
  });

  it('refuses bad input as a whole with messages in both languages, and loses nothing saved before', async () => {
    await useTable(true);
    await call('saveAssessment', { issueKey: 'ITR-1', assessment: GOOD });
    const before = await sql.raw('SELECT * FROM requirement_assessment');

    const refused = await call('saveAssessment', {
      issueKey: 'ITR-1',
      assessment: { expectedValue: 'More sites', cost: '   ', decision: 'decline', reason: '' },
    });
    if (refused.success) throw new Error('expected a refusal');
    expect(refused.errors.map((e) => `${e.path}: ${e.code}`)).toEqual([
      'cost: ASSESSMENT_FIELD_REQUIRED',
      'reason: ASSESSMENT_REASON_REQUIRED',
    ]);
    const shown: Record<string, string[]> = {};
    for (const locale of ['en', 'zh_CN']) {
      const { t } = createI18n(locale, 'UTC');
      shown[locale] = refused.errors.map((e) => t(errorMessageKey(e.code), e.params ?? {}));
      for (const [i, text] of (shown[locale] ?? []).entries()) {
        expect(text).not.toBe(errorMessageKey(refused.errors[i]?.code ?? ''));
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(shown['en']).toEqual(['Enter this value (at most 1000 characters).', 'A decision needs its reason.']);
    expect(shown['zh_CN']).toEqual(['请填写此项（最多 1000 个字符）。', '做出决定需要填写理由。']);

    // Nothing written, the pending assessment (and its pause) untouched.
    expect(await sql.raw('SELECT * FROM requirement_assessment')).toEqual(before);
    expect(await sql.raw('SELECT to_at FROM line_pause')).toEqual([{ to_at: null }]);
    expect(await call('getAssessment', { issueKey: 'ITR-1' })).toMatchObject({
      success: true,
      data: { current: { decision: 'pending', cost: GOOD.cost } },
    });
  });

  it.each<[string, Record<string, unknown>, string, string, string]>([
    ['a problem', { issueKey: 'ITR-2', assessment: GOOD }, 'ITR-2', 'ASSESSMENT_NOT_REQUIREMENT', 'classification'],
    [
      'an unknown decision',
      { issueKey: 'ITR-1', assessment: { ...GOOD, decision: 'maybe' } },
      'ITR-1',
      'INVALID_PAYLOAD',
      'decision',
    ],
    ['a missing field', { issueKey: 'ITR-1', assessment: { ...GOOD, cost: 7 } }, 'ITR-1', 'INVALID_PAYLOAD', 'cost'],
  ])('refuses %s and writes nothing', async (_name, payload, panelKey, code, path) => {
    await useTable(true);
    expect(await call('saveAssessment', payload, PM, panelKey)).toMatchObject({
      success: false,
      errors: [{ code, path }],
    });
    expect(await sql.raw('SELECT * FROM requirement_assessment')).toEqual([]);
    expect(await sql.raw('SELECT * FROM line_pause')).toEqual([]);
  });

  it('someone who may not browse the issue learns nothing; a reader may look but not assess', async () => {
    expect(await call('getAssessment', { issueKey: 'ITR-1' }, OUTSIDER)).toMatchObject({
      success: false,
      errors: [{ code: 'ISSUE_NOT_FOUND' }],
    });
    expect(await call('saveAssessment', { issueKey: 'ITR-1', assessment: GOOD }, READER)).toMatchObject({
      success: false,
      errors: [{ code: 'ASSESSMENT_NOT_EDITOR' }],
    });
    expect(await sql.raw('SELECT * FROM requirement_assessment')).toEqual([]);
  });
});

describe('the hand-off to R&D carries the assessment', () => {
  it('in the created issue’s description and in the hand-off record', async () => {
    await useTable(true);
    await handOffTo('IPD');
    const decided = await call('saveAssessment', {
      issueKey: 'ITR-1',
      assessment: { ...GOOD, decision: 'handToRnd', reason: 'Fits the 2027 imaging roadmap' },
    });
    const id = (decided as unknown as { data: { current: { id: number } } }).data.current.id;
    const sent = await call('sendHandoff', { issueKey: 'ITR-1', target: 'rnd' });
    if (!sent.success) throw new Error(JSON.stringify(sent));
    const created = JSON.stringify(jira.issue(String(sent.data['key'])).fields['description']);
    for (const part of [
      GOOD.expectedValue,
      GOOD.cost,
      'hand to R&D (IPD)',
      'Fits the 2027 imaging roadmap',
      'Chen Jing',
    ])
      expect(created).toContain(part);
    expect(created).not.toContain(PM); // a person by name, never the account id
    expect(await sql.raw('SELECT assessment_id FROM itr_handoff')).toEqual([{ assessment_id: id }]);
  });

  it('a problem’s hand-off carries none', async () => {
    await handOffTo('IPD');
    const sent = await call('sendHandoff', { issueKey: 'ITR-2', target: 'rnd' }, PM, 'ITR-2');
    if (!sent.success) throw new Error(JSON.stringify(sent));
    expect(JSON.stringify(jira.issue(String(sent.data['key'])).fields['description'])).not.toContain(
      'Value assessment',
    );
    expect(await sql.raw('SELECT assessment_id FROM itr_handoff')).toEqual([{ assessment_id: null }]);
  });
});
