/**
 * The clocks' settings through the exported grading admin handler: which ITR workflow statuses pause
 * the clocks, and the grade an untriaged issue's response clock runs on. Saved settings drive the one
 * pause mechanism (issue-updated → pauseClocks).
 */
import { gradingAdminResolver, issueUpdated } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import { loadClockSettings } from '../../../src/app/escalation';
import { createI18n, errorMessageKey } from '../../../static/shared/i18n';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { ITR_TYPE } from '../../fixtures/itrScope';

const { jira, sql } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

type Answer =
  | {
      success: true;
      data: {
        settings: { pauseStatuses: string[]; untriagedGrade: string | null; projectGrades: Record<string, string> };
        revision: number;
        statusOptions: string[];
        grades: Array<{ id: string }>;
      };
    }
  | { success: false; errors: Array<{ code: string; path?: string; params?: Record<string, string | number> }> };

const call = (fn: string, payload: unknown, accountId = ADMIN): Promise<Answer> =>
  invokeResolver(gradingAdminResolver, fn, payload, { accountId }) as Promise<Answer>;

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM line_pause');
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  ids = defineItrFields(jira);
});

describe('clock settings', () => {
  it('shows the defaults and the choices: the ITR workflow’s statuses outside Done, the table’s grades', async () => {
    const answer = await call('getClockSettings', {});
    if (!answer.success) throw new Error(JSON.stringify(answer));
    expect(answer.data.revision).toBe(0);
    // The built-in defaults as the ITR workflow spells them (they also match other workflows' spellings
    // until saved), so saving the page unchanged is accepted.
    expect(answer.data.settings).toEqual({
      pauseStatuses: ['Waiting for Customer'],
      untriagedGrade: null,
      projectGrades: {},
    });
    expect(await call('saveClockSettings', { expectedRevision: 0, settings: answer.data.settings })).toMatchObject({
      success: true,
      data: { revision: 1 },
    });
    expect(answer.data.statusOptions).toContain('Waiting for Customer');
    expect(answer.data.statusOptions).not.toContain('Resolved');
    expect(answer.data.statusOptions).not.toContain('Closed');
    expect(answer.data.grades.map((g) => g.id)).toEqual(['critical', 'major', 'minor', 'suggestion']);
  });

  it('saves statuses in the workflow’s spelling and grades of the table; the pause mechanism uses them at once', async () => {
    const saved = await call('saveClockSettings', {
      expectedRevision: 0,
      settings: {
        pauseStatuses: ['waiting for customer', 'L2 Handling'],
        untriagedGrade: 'major',
        projectGrades: { SUP: 'minor' },
      },
    });
    expect(saved).toMatchObject({
      success: true,
      data: {
        revision: 1,
        settings: {
          pauseStatuses: ['Waiting for Customer', 'L2 Handling'],
          untriagedGrade: 'major',
          projectGrades: { SUP: 'minor' },
        },
      },
    });
    expect((await loadClockSettings(new ConfigStore())).pauseStatuses).toEqual(['Waiting for Customer', 'L2 Handling']);

    // Into a status the admin chose: the untriaged issue's response clock stops.
    const issue = jira.seedIssue({
      key: 'ITR-1',
      issueType: ITR_TYPE,
      fields: {
        [ids.responseDueAt]: '2030-01-01T00:00:00.000+0000',
        [ids.responseWarnAt]: '2029-12-31T00:00:00.000+0000',
      },
    });
    await invokeFunction(issueUpdated, {
      eventType: 'avi:jira:updated:issue',
      issue: { id: issue.id, key: issue.key, fields: {} },
      atlassianId: AGENT,
      changelog: {
        id: '1',
        items: [
          {
            field: 'status',
            fieldId: 'status',
            fieldtype: 'jira',
            from: '1',
            fromString: 'Accept',
            to: '2',
            toString: 'L2 Handling',
          },
        ],
      },
    });
    expect(jira.issue('ITR-1').fields[ids.responseDueAt] ?? null).toBeNull();
  });

  it('refuses statuses outside the ITR workflow or in Done, duplicates, unknown grades and bad project keys, in both languages, and stores nothing', async () => {
    const answer = await call('saveClockSettings', {
      expectedRevision: 0,
      settings: {
        pauseStatuses: ['Waiting for Customer', 'Resolved', 'Pending vendor', 'WAITING FOR CUSTOMER'],
        untriagedGrade: 'blocker',
        projectGrades: { sup: 'minor', ITR: 'none' },
      },
    });
    if (answer.success) throw new Error('expected a refusal');
    expect(answer.errors[0]).toMatchObject({ code: 'SETTINGS_INVALID', params: { count: 6 } });
    expect(answer.errors.slice(1).map((e) => `${e.path}: ${e.code}`)).toEqual([
      'pauseStatuses.1: SETTINGS_PAUSE_STATUS_UNKNOWN',
      'pauseStatuses.2: SETTINGS_PAUSE_STATUS_UNKNOWN',
      'pauseStatuses.3: SETTINGS_PAUSE_STATUS_DUPLICATE',
      'untriagedGrade: SETTINGS_GRADE_UNKNOWN',
      'projectGrades.sup: SETTINGS_PROJECT_KEY_INVALID',
      'projectGrades.ITR: SETTINGS_GRADE_UNKNOWN',
    ]);
    for (const locale of ['en', 'zh_CN']) {
      const { t } = createI18n(locale, 'UTC');
      for (const e of answer.errors.slice(1)) {
        const text = t(errorMessageKey(e.code), e.params ?? {});
        expect(text).not.toBe(errorMessageKey(e.code));
        expect(text).not.toMatch(/\{\w+\}/);
        if (e.code !== 'SETTINGS_PROJECT_KEY_INVALID') expect(text).toContain(String(e.params?.['value'])); // that one explains the format
      }
    }
    expect((await call('getClockSettings', {})) as { data: { revision: number } }).toMatchObject({
      data: { revision: 0 },
    });
  });

  it('is for Jira administrators only', async () => {
    expect(await call('getClockSettings', {}, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(
      await call(
        'saveClockSettings',
        { expectedRevision: 0, settings: { pauseStatuses: [], untriagedGrade: null, projectGrades: {} } },
        AGENT,
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  });
});
