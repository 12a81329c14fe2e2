/**
 * The `issue-created` trigger through its exported handler: records the creator as the ITR submitter in
 * the app-only field, once, even when the event is delivered twice or the Reporter is someone else.
 */
import { issueCreated } from '../../src/index';
import { harness, invokeFunction } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';

const { jira } = harness();
const ENGINEER = 'acc-engineer';
const CUSTOMER = 'acc-customer';

let ids: ReturnType<typeof defineItrFields>;
beforeEach(() => {
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: CUSTOMER, displayName: 'Customer', accountType: 'customer' });
  ids = defineItrFields(jira);
});

/** The payload Forge delivers for `avi:jira:created:issue` (the fields the handler reads). */
const createdEvent = (issue: { id: string; key: string }, atlassianId: string) => ({
  eventType: 'avi:jira:created:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId,
});

describe('issueCreated trigger', () => {
  it('records the engineer who filed the issue, not the reporter set on the customer’s behalf', async () => {
    const issue = jira.seedIssue({ key: 'ITR-1', reporter: CUSTOMER });
    await invokeFunction(issueCreated, createdEvent(issue, ENGINEER));
    expect(jira.issue('ITR-1').fields[ids.submitter]).toEqual({ accountId: ENGINEER });
  });

  it('is idempotent: a duplicate delivery writes nothing', async () => {
    const issue = jira.seedIssue({ key: 'ITR-2' });
    await invokeFunction(issueCreated, createdEvent(issue, ENGINEER));
    const writes = jira.requestCount('POST /rest/api/3/app/field/value');
    await invokeFunction(issueCreated, createdEvent(issue, CUSTOMER));
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(writes);
    expect(jira.issue('ITR-2').fields[ids.submitter]).toEqual({ accountId: ENGINEER });
  });

  it('ignores an event without an issue or creator', async () => {
    await invokeFunction(issueCreated, { eventType: 'avi:jira:created:issue' });
    expect(jira.requestCount()).toBe(0);
  });
});
