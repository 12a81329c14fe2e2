/**
 * The line stay an issue is resolved on ends at its resolution, through the exported `issue-updated`
 * trigger: the line history shows it closed (`resolved`, the working time up to the resolution), a
 * duplicate event changes nothing, and a status change that does not make the issue done ends nothing.
 * Critical runs on the 24×7 calendar, so the minutes are plain arithmetic.
 */
import { issuePanelResolver, issueUpdated } from '../../../src/index';
import { enterLine } from '../../../src/app/escalation';
import { DEFAULT_GRADING_TABLE } from '../../../src/domain';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import type { LineHistory } from '../../../src/contract/escalation';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql } = harness();

const ENGINEER = 'acc-engineer';
const MINUTE = 60_000;
const T0 = new Date('2026-03-02T08:00:00.000Z');
const critical = DEFAULT_GRADING_TABLE.grades[0]!.id;
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);
const jiraTime = (d: Date): string => d.toISOString().replace('Z', '+0000');

let ids: ReturnType<typeof defineItrFields>;

const statusEvent = (issue: { id: string; key: string }, to: string) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: ENGINEER,
  changelog: {
    id: '1',
    items: [
      {
        field: 'status',
        fieldId: 'status',
        fieldtype: 'jira',
        from: '1',
        fromString: 'L1 Handling',
        to: '2',
        toString: to,
      },
    ],
  },
});

async function history(key: string) {
  const result = (await invokeResolver(
    issuePanelResolver,
    'getLineHistory',
    { issueKey: key },
    { accountId: ENGINEER },
  )) as { success: boolean; data: LineHistory };
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.data.entries.map((e) => ({
    line: e.line,
    leftAt: e.leftAt,
    outcome: e.outcome,
    minutes: e.workingMinutesUsed,
  }));
}

beforeEach(async () => {
  jira.seedUser({ accountId: ENGINEER, displayName: 'Wang Fang' });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  for (const table of ['line_history', 'line_pause', 'return_visit'])
    await sql.raw(`DELETE FROM ${table}`).catch(() => undefined);
});

describe('the line stay ends at the resolution', () => {
  it('resolving closes the open stay at the resolution time with the working minutes used; a duplicate event changes nothing', async () => {
    const issue = jira.seedIssue({ key: 'ITR-1', fields: { [ids.kind]: 'complaint', [ids.grade]: critical } });
    await invokeFunction(
      () => enterLine({ issueId: issue.id, grade: critical, line: 'L1', at: at(0), actor: ENGINEER }),
      {},
    );
    expect(await history('ITR-1')).toEqual([{ line: 'L1', leftAt: null, outcome: null, minutes: 0 }]);

    const fields = jira.issue('ITR-1').fields;
    fields['status'] = { name: 'Resolved', statusCategory: { key: 'done' } };
    fields['resolution'] = { name: 'Done' };
    fields['resolutiondate'] = jiraTime(at(20));
    fields['statuscategorychangedate'] = jiraTime(at(20));
    await invokeFunction(issueUpdated, statusEvent(issue, 'Resolved'));
    const closed = [{ line: 'L1', leftAt: at(20).toISOString(), outcome: 'resolved', minutes: 20 }];
    expect(await history('ITR-1')).toEqual(closed);

    await invokeFunction(issueUpdated, statusEvent(issue, 'Resolved'));
    expect(await history('ITR-1')).toEqual(closed);
  });

  it('a status change that leaves the issue open ends no stay', async () => {
    const issue = jira.seedIssue({ key: 'ITR-2', fields: { [ids.kind]: 'complaint', [ids.grade]: critical } });
    await invokeFunction(
      () => enterLine({ issueId: issue.id, grade: critical, line: 'L1', at: at(0), actor: ENGINEER }),
      {},
    );
    jira.issue('ITR-2').fields['status'] = { name: 'L2 Handling', statusCategory: { key: 'indeterminate' } };
    await invokeFunction(issueUpdated, statusEvent(issue, 'L2 Handling'));
    expect(await history('ITR-2')).toEqual([{ line: 'L1', leftAt: null, outcome: null, minutes: 0 }]);
  });
});
