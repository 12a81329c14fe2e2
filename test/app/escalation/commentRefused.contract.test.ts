/**
 * Escalation in a project whose permission scheme lets the app browse and edit but not comment (a real
 * site has such projects: platform-doubles/siteProfile.ts). The line still moves; the refused comment is a
 * permanent answer, so it is given up (not retried for hours), and the other issues are told as usual.
 */
import { escalationConsumer, escalationSweep } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { escalationSettingsCodec, ESCALATION_SETTINGS_KEY, platformDeps } from '../../../src/app/escalation';
import { DEFAULT_GRADING_TABLE, lineBudget } from '../../../src/domain';
import { harness, invokeFunction } from '../../../platform-doubles';
import { KNOWN_PERMISSIONS } from '../../../platform-doubles/jiraModel';
import { restrictApp } from '../../../platform-doubles/siteProfile';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, queue, sql } = harness();
const ENGINEER = 'acc-engineer';
const L2_EXPERT = 'acc-l2';
const MINUTE = 60_000;
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const l1Budget = lineBudget(DEFAULT_GRADING_TABLE, critical, 'L1').minutes;

let ids: ReturnType<typeof defineItrFields>;
const overdueOnL1 = (key: string) => {
  const entered = new Date(Math.floor((Date.now() - (l1Budget + 30) * MINUTE) / 1000) * 1000);
  return jira.seedIssue({
    key,
    fields: {
      [ids.kind]: 'complaint',
      [ids.grade]: critical,
      [ids.line]: 'L1',
      [ids.lineEnteredAt]: entered.toISOString(),
      [ids.lineDueAt]: new Date(entered.getTime() + l1Budget * MINUTE).toISOString(),
      [ids.lineWarnAt]: new Date(entered.getTime() + Math.floor(l1Budget * 0.75) * MINUTE).toISOString(),
      [ids.owner]: { accountId: ENGINEER },
    },
  });
};

beforeEach(async () => {
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: L2_EXPERT, displayName: 'Li Lei' });
  jira.seedProject({ key: 'ITR' });
  jira.seedProject({ key: 'HR' });
  restrictApp(
    jira,
    'HR',
    Object.keys(KNOWN_PERMISSIONS).filter((k) => KNOWN_PERMISSIONS[k] === 'PROJECT' && k !== 'ADD_COMMENTS'),
  );
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
  await new ConfigStore().set(
    ESCALATION_SETTINGS_KEY,
    {
      lines: {
        L1: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [ENGINEER],
          notifyGroups: [],
        },
        L2: {
          assignment: { mode: 'person', accountId: L2_EXPERT },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L3: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
      },
      managementAccountIds: [],
      managementGroups: [],
      locale: 'en',
    },
    escalationSettingsCodec,
  );
  await platformDeps().loadSettings();
  for (const table of ['line_history', 'escalation_action', 'escalation_audit'])
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
});

it('moves the line where the app may not comment, gives the comment up, and still tells the others', async () => {
  overdueOnL1('HR-1');
  overdueOnL1('ITR-1');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await invokeFunction(escalationSweep, {});
    await queue.drain();
  } finally {
    warn.mockRestore();
  }
  expect(jira.issue('HR-1').fields[ids.line]).toBe('L2');
  expect(jira.issue('ITR-1').fields[ids.line]).toBe('L2');
  expect(jira.issue('HR-1').comments).toHaveLength(0);
  expect(jira.issue('ITR-1').comments).toHaveLength(1);
  // Refused once, not retried: Jira's answer will not change until an admin changes the scheme.
  expect(
    jira.calls.filter((c) => c.route === 'POST /rest/api/3/issue/{issueIdOrKey}/comment' && c.status === 400),
  ).toHaveLength(1);
});
