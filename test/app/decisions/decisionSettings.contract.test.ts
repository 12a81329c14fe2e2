/**
 * The admin's decision settings (src/app/decisions/settings.ts) through the exported admin page
 * handler: Jira admins only; every bad field named at once (a group Jira does not know included), in
 * English and Chinese, and nothing saved; a stale revision refused; groups stored as Jira spells them.
 */
import { gradingAdminResolver } from '../../../src/index';
import { loadDecisionSettings, DEFAULT_DECISION_SETTINGS } from '../../../src/app/decisions/settings';
import type { DecisionSettingsState } from '../../../src/contract/decisions';
import { harness, invokeResolver } from '../../../platform-doubles';
import { createI18n, errorMessageKey } from '../../../static/shared/i18n';

const { jira } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

type Envelope =
  | { success: true; data: DecisionSettingsState }
  | { success: false; errors: Array<{ code: string; path?: string; params?: Record<string, string | number> }> };

const call = (functionKey: string, payload: unknown, accountId = ADMIN) =>
  invokeResolver(gradingAdminResolver, functionKey, payload, { accountId }) as Promise<Envelope>;

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  for (const g of [
    'ITR-Sales',
    'itr-technical',
    'itr-delivery',
    'itr-finance',
    'itr-procurement',
    'itr-quality',
    'itr-cost-approvers',
  ])
    jira.model.seedGroup(g);
});
afterEach(() => jira.assertNoViolations());

describe('decision settings on the admin page', () => {
  it('shows the defaults with the grading table grades to pick from, to admins only', async () => {
    const answer = await call('getDecisionSettings', {});
    if (!answer.success) throw new Error(JSON.stringify(answer.errors));
    expect(answer.data.settings).toEqual(DEFAULT_DECISION_SETTINGS);
    expect(answer.data.revision).toBe(0);
    expect(answer.data.gradeOptions[0]).toMatchObject({ id: 'critical', label: { en: 'Critical', 'zh-CN': '紧急' } });
    expect(await call('getDecisionSettings', {}, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
  });

  it("names every bad field in both languages and saves nothing; then saves with Jira's spelling", async () => {
    const bad = {
      ...DEFAULT_DECISION_SETTINGS,
      crossDepartment: 'yes',
      roleGroups: { ...DEFAULT_DECISION_SETTINGS.roleGroups, sales: [] },
      costApproverGroups: ['no-such-group'],
    };
    const refused = await call('saveDecisionSettings', { settings: bad, expectedRevision: 0 });
    if (refused.success) throw new Error('expected a refusal');
    expect(refused.errors.map((e) => `${e.path ?? ''}: ${e.code}`)).toEqual([
      ': SETTINGS_INVALID',
      'crossDepartment: SETTINGS_NOT_AN_OBJECT',
      'roleGroups.sales: SETTINGS_GROUP_NAME_REQUIRED',
    ]);
    for (const locale of ['en', 'zh_CN'])
      for (const e of refused.errors)
        expect(createI18n(locale, 'UTC').t(errorMessageKey(e.code), e.params ?? {})).not.toMatch(/\{\w+\}/);
    // Shape fine, a group Jira does not know: named by its path.
    const unknown = await call('saveDecisionSettings', {
      settings: { ...DEFAULT_DECISION_SETTINGS, costApproverGroups: ['no-such-group'] },
      expectedRevision: 0,
    });
    expect(unknown).toMatchObject({
      success: false,
      errors: [{ code: 'SETTINGS_INVALID' }, { code: 'SETTINGS_GROUP_NOT_FOUND', path: 'costApproverGroups.0' }],
    });
    expect((await loadDecisionSettings()).revision).toBe(0);

    const saved = await call('saveDecisionSettings', {
      settings: {
        ...DEFAULT_DECISION_SETTINGS,
        grades: ['critical', 'major'],
        roleGroups: { ...DEFAULT_DECISION_SETTINGS.roleGroups, sales: ['itr-sales'] },
      },
      expectedRevision: 0,
    });
    expect(saved).toMatchObject({
      success: true,
      data: { revision: 1, settings: { grades: ['critical', 'major'], roleGroups: { sales: ['ITR-Sales'] } } },
    });
    expect(
      await call('saveDecisionSettings', { settings: DEFAULT_DECISION_SETTINGS, expectedRevision: 0 }),
    ).toMatchObject({ success: false, errors: [{ code: 'SETTINGS_REVISION_CONFLICT' }] });
    expect(
      await call('saveDecisionSettings', { settings: DEFAULT_DECISION_SETTINGS, expectedRevision: 1 }, AGENT),
    ).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  });
});
