/**
 * Re-resolving an issue after its return visit was recorded (issue 13, section 3): the recorded visit
 * stands and the `itr-visit-open` mirror agrees with the row, so the submitter can still close. Before
 * the fix the trigger wrote `yes` again beside a `done` row, and nobody could clear it (only an open
 * row can be recorded).
 */
import { issueCreated, issueUpdated, returnVisitsResolver } from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { harness, invokeFunction, invokeResolver } from '../../harness';
import { defineClosureFields } from '../closure/closureFields.fixtures';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const L2 = 'acc-l2';
const SUPERVISOR = 'acc-supervisor';
let ids: ReturnType<typeof defineClosureFields>;

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM return_visit');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: L2, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  ids = defineClosureFields(jira);
});

const statusEvent = (issue: { id: string; key: string }, from: string, to: string) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: L2,
  changelog: { id: '1', items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to }] },
});

async function setStatus(issue: { id: string; key: string }, from: string, to: string): Promise<void> {
  jira.issue(issue.key).fields['status'] = { name: to } as never;
  await invokeFunction(issueUpdated, statusEvent(issue, from, to));
}

describe('re-resolve after the return visit was recorded', () => {
  it('keeps the recorded visit, and the visit flag agrees with it (no stuck "yes")', async () => {
    const issue = jira.seedIssue({ key: 'ITR-1', reporter: ENGINEER, fields: { [ids.kind]: 'complaint', [ids.grade]: 'minor' } });
    await invokeFunction(issueCreated, { eventType: 'avi:jira:created:issue', issue: { id: issue.id, key: issue.key, fields: {} }, atlassianId: ENGINEER });
    await setStatus(issue, 'In Progress', 'Resolved');
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('yes');
    const recorded = await invokeResolver(returnVisitsResolver, 'recordReturnVisit', { issueId: issue.id, satisfaction: 4, resolvedInCustomersView: true, customerWords: 'works now' }, { accountId: SUPERVISOR });
    expect(recorded).toMatchObject({ success: true, data: { status: 'done' } });
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('no');

    // Reopened, then resolved again (and the event delivered twice, as Forge may).
    await setStatus(issue, 'Resolved', 'In Progress');
    await setStatus(issue, 'In Progress', 'Resolved');
    await invokeFunction(issueUpdated, statusEvent(issue, 'In Progress', 'Resolved'));

    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('no');
    const rows = await sql.raw<Array<{ status: string; customer_words: string }>>('SELECT status, customer_words FROM return_visit');
    expect(rows).toEqual([{ status: 'done', customer_words: 'works now' }]);
    // Nothing is left open that someone would have to record.
    const open = (await invokeResolver(returnVisitsResolver, 'listReturnVisits', { status: 'open' }, { accountId: SUPERVISOR })) as { data: { visits: unknown[] } };
    expect(open.data.visits).toEqual([]);
  });
});
