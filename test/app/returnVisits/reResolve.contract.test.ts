/**
 * Return visits open on resolution (issue 14): when the issue becomes done, by its status category or a
 * Resolution, whatever the status is called; resolving again after a recorded visit opens a new round
 * (the first fix did not hold), kept apart from the recorded one; a redelivered event or a move between
 * two Done statuses is the same resolution. Through the exported trigger, the Jira double and MariaDB.
 */
import { issueCreated, issueUpdated, itrHomeResolver } from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineClosureFields } from '../closure/closureFields.fixtures';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const L2 = 'acc-l2';
const SUPERVISOR = 'acc-supervisor';
let ids: ReturnType<typeof defineClosureFields>;

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM return_visit');
  await sql.raw('DELETE FROM return_visit_past');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: L2, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  ids = defineClosureFields(jira);
});

const changeEvent = (issue: { id: string; key: string }, item: Record<string, unknown>) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: L2,
  changelog: { id: '1', items: [{ fieldtype: 'jira', from: '1', to: '2', ...item }] },
});

let clock = Date.parse('2026-03-02T08:00:00Z');
/** Moves the issue to a status (category from the double's workflow) as Jira would, then delivers the event. */
async function setStatus(
  issue: { id: string; key: string },
  from: string,
  to: string,
  category: 'done' | 'indeterminate',
): Promise<void> {
  const fields = jira.issue(issue.key).fields;
  const before = jira.model.statusCategoryOf(jira.issue(issue.key));
  fields['status'] = { name: to };
  clock += 3_600_000;
  if (before !== category) fields['statuscategorychangedate'] = new Date(clock).toISOString().replace('Z', '+0000');
  await invokeFunction(
    issueUpdated,
    changeEvent(issue, { field: 'status', fieldId: 'status', fromString: from, toString: to }),
  );
}

async function record(issueId: string, words: string) {
  return invokeResolver(
    itrHomeResolver,
    'recordReturnVisit',
    { issueId, satisfaction: 4, resolvedInCustomersView: true, customerWords: words },
    { accountId: SUPERVISOR },
  );
}

const rows = () =>
  sql.raw<Array<{ status: string; round: number; customer_words: string | null }>>(
    'SELECT status, round, customer_words FROM return_visit',
  );
const pastRows = () =>
  sql.raw<Array<{ round: number; customer_words: string }>>(
    'SELECT round, customer_words FROM return_visit_past ORDER BY round',
  );

describe('return visits open on resolution', () => {
  it('a Done-category status not called "Resolved" opens the visit; a status change within open work does not', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-2',
      reporter: ENGINEER,
      status: 'Open',
      fields: { [ids.kind]: 'complaint', [ids.grade]: 'minor' },
    });
    await setStatus(issue, 'Open', 'In Progress', 'indeterminate');
    expect(await rows()).toEqual([]);
    await setStatus(issue, 'In Progress', 'Closed', 'done');
    expect(await rows()).toEqual([{ status: 'open', round: 1, customer_words: null }]);
    expect(jira.issue('ITR-2').fields[ids.visitOpen]).toBe('yes');
  });

  it('a Resolution set while the status stays in progress opens the visit', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-3',
      reporter: ENGINEER,
      status: 'In Progress',
      fields: { [ids.kind]: 'complaint', [ids.grade]: 'minor' },
    });
    const fields = jira.issue('ITR-3').fields;
    fields['resolution'] = { id: '10000', name: 'Done' };
    fields['resolutiondate'] = '2026-03-03T09:00:00.000+0000';
    await invokeFunction(
      issueUpdated,
      changeEvent(issue, { field: 'resolution', fieldId: 'resolution', fromString: null, toString: 'Done' }),
    );
    expect(await rows()).toEqual([{ status: 'open', round: 1, customer_words: null }]);
  });
});

describe('re-resolve after the return visit was recorded', () => {
  it('opens a new round, keeps the recorded one, and the flag follows the current round', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-1',
      reporter: ENGINEER,
      status: 'In Progress',
      fields: { [ids.kind]: 'complaint', [ids.grade]: 'minor' },
    });
    await invokeFunction(issueCreated, {
      eventType: 'avi:jira:created:issue',
      issue: { id: issue.id, key: issue.key, fields: {} },
      atlassianId: ENGINEER,
    });
    await setStatus(issue, 'In Progress', 'Resolved', 'done');
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('yes');
    expect(await record(issue.id, 'works now')).toMatchObject({ success: true, data: { status: 'done' } });
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('no');

    // Resolved → Closed is the same resolution: nothing new to visit.
    await setStatus(issue, 'Resolved', 'Closed', 'done');
    expect(await rows()).toEqual([{ status: 'done', round: 1, customer_words: 'works now' }]);
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('no');

    // Reopened, then resolved again (and the event delivered twice, as Forge may).
    await setStatus(issue, 'Closed', 'In Progress', 'indeterminate');
    await setStatus(issue, 'In Progress', 'Resolved', 'done');
    await invokeFunction(
      issueUpdated,
      changeEvent(issue, { field: 'status', fieldId: 'status', fromString: 'In Progress', toString: 'Resolved' }),
    );

    expect(await rows()).toEqual([{ status: 'open', round: 2, customer_words: null }]);
    expect(await pastRows()).toEqual([{ round: 1, customer_words: 'works now' }]);
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('yes');
    const open = (await invokeResolver(
      itrHomeResolver,
      'listReturnVisits',
      { status: 'open' },
      { accountId: SUPERVISOR },
    )) as { data: { visits: Array<{ issueKey: string }> } };
    expect(open.data.visits.map((v) => v.issueKey)).toEqual(['ITR-1']);

    // The new round is recorded like the first, and the submitter may close again.
    expect(await record(issue.id, 'fixed for good')).toMatchObject({
      success: true,
      data: { status: 'done', customerWords: 'fixed for good' },
    });
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('no');
    expect(await pastRows()).toEqual([{ round: 1, customer_words: 'works now' }]);
  });
});
