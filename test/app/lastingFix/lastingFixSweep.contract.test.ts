/**
 * Lasting fixes without a user (issue 17), on the harness: the escalation sweep (the exported trigger)
 * records a fix done in Jira and reminds the assignee of a due fix once (a Jira notification, recorded
 * in `lasting_fix.reminded_at`); the supervision page's count (the exported resolver) gives problems
 * whose fix is not done, and overdue, per department, only to who may see per-person figures.
 */
import { escalationSweep, issuePanelResolver, supervisionResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import {
  ANALYTICS_SETTINGS_KEY,
  analyticsSettingsCodec,
  DEFAULT_ANALYTICS_SETTINGS,
} from '../../../src/app/analytics/settings';
import { sweepLastingFixes } from '../../../src/app/lastingFix/lastingFixSweep';
import { runMigrations } from '../../../src/adapters/sql';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const QUALITY = 'acc-quality';
const NETWORK = 'acc-network';
const SUPERVISOR = 'acc-supervisor';
const AGENT = 'acc-agent';
const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function createFix(issueKey: string, assignee: string, dueDate: string): Promise<string> {
  const answer = (await invokeResolver(
    issuePanelResolver,
    'createLastingFix',
    { issueKey, kind: 'longTerm', summary: `Prevent ${issueKey} from happening again`, assignee, dueDate },
    { accountId: ENGINEER, context: { extension: { issue: { key: issueKey } } } },
  )) as { success: boolean; data?: { fixes: Array<{ key: string }> } };
  expect(answer.success).toBe(true);
  return answer.data?.fixes[0]?.key ?? '';
}

const reminders = () => jira.model.notifications.filter((n) => n.issueKey.startsWith('QI-'));

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM lasting_fix');
  for (const [accountId, displayName] of [
    [ENGINEER, 'Wang Fang'],
    [QUALITY, 'Chen Jing'],
    [NETWORK, 'Liu Yang'],
    [AGENT, 'Sun Li'],
  ] as const)
    jira.seedUser({ accountId, displayName });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  jira.seedProject({ key: 'ITR' });
  jira.seedProject({ key: 'QI' });
  defineItrFields(jira); // the escalation sweep reads the app's fields first
  for (const n of [1, 2, 3]) jira.seedIssue({ key: `ITR-${n}`, summary: `Problem ${n}`, reporter: ENGINEER });
  await new ConfigStore().set(
    ANALYTICS_SETTINGS_KEY,
    {
      ...DEFAULT_ANALYTICS_SETTINGS,
      departments: { [QUALITY]: 'Quality', [NETWORK]: 'Network' },
      lastingFix: { projectKey: 'QI', issueType: 'Task' },
    },
    analyticsSettingsCodec,
  );
});

afterEach(() => jira.assertNoViolations());

describe('the sweep over lasting fixes', () => {
  it('reminds the assignee of a due fix once, records it, and records a fix done in Jira', async () => {
    const due = await createFix('ITR-1', QUALITY, day(0));
    const later = await createFix('ITR-2', NETWORK, day(30));
    const finished = await createFix('ITR-3', QUALITY, day(5));
    const done = jira.model.statuses.find((s) => s.category === 'done');
    if (done === undefined) throw new Error('the double has no done status');
    jira.issue(finished).fields['status'] = { id: done.id, name: done.name };

    await invokeFunction(escalationSweep, {});
    expect(reminders()).toEqual([
      expect.objectContaining({
        issueKey: due,
        body: expect.objectContaining({ to: { users: [{ accountId: QUALITY }] } }),
      }),
    ]);
    const text = JSON.stringify(reminders()[0]?.body);
    expect(text).toContain('ITR-1');
    expect(text).toContain(day(0));
    const rows = await sql.raw<Array<{ fix_key: string; reminded: number; done: number }>>(
      'SELECT fix_key, reminded_at IS NOT NULL AS reminded, done_at IS NOT NULL AS done FROM lasting_fix ORDER BY fix_key',
    );
    expect(rows.map((r) => [r.fix_key, Number(r.reminded), Number(r.done)])).toEqual(
      [
        [due, 1, 0],
        [later, 0, 0],
        [finished, 0, 1],
      ].sort(),
    );

    // Later sweeps (even days later) never send it again.
    await sweepLastingFixes(new Date(Date.now() + 3 * 86_400_000));
    await invokeFunction(escalationSweep, {});
    expect(reminders()).toHaveLength(1);
  });

  it('gives the claim back when Jira refuses the notification, so the next sweep sends it', async () => {
    await createFix('ITR-1', QUALITY, day(0));
    jira.failNext(1, { status: 400, route: 'POST /rest/api/3/issue/{issueIdOrKey}/notify' });
    await expect(sweepLastingFixes(new Date())).rejects.toThrow();
    expect(await sql.raw('SELECT reminded_at FROM lasting_fix')).toEqual([{ reminded_at: null }]);
    await sweepLastingFixes(new Date());
    expect(reminders()).toHaveLength(1);
  });
});

describe('getLastingFixCounts through supervisionResolver', () => {
  const counts = (accountId: string) => invokeResolver(supervisionResolver, 'getLastingFixCounts', {}, { accountId });

  it('counts problems whose fix is not done, and overdue, per department of the assignee', async () => {
    await createFix('ITR-1', QUALITY, day(1));
    await createFix('ITR-2', NETWORK, day(2));
    const finished = await createFix('ITR-3', QUALITY, day(3));
    await sql.raw(`UPDATE lasting_fix SET due_date = '${day(-2)}' WHERE issue_key = 'ITR-2'`);
    const done = jira.model.statuses.find((s) => s.category === 'done');
    jira.issue(finished).fields['status'] = { id: done?.id, name: done?.name };
    await sweepLastingFixes(new Date());

    expect(await counts(SUPERVISOR)).toEqual({
      success: true,
      data: {
        open: 2,
        overdue: 1,
        departments: [
          { department: 'Network', open: 1, overdue: 1 },
          { department: 'Quality', open: 1, overdue: 0 },
        ],
      },
    });
    // Not a per-person-figure viewer: refused, nothing shown.
    expect(await counts(AGENT)).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  });
});
