/**
 * The Jira double's `POST /rest/api/3/issue` refuses what Jira refuses (issue 17, lasting fixes are
 * created as the caller): an issue type the project's issue type scheme does not offer (platform-v3
 * createIssue, 400 with `errors.issuetype`), no Create Issues permission (403), an assignee who may not
 * be assigned in the project (400 with `errors.assignee`); a due date in the past is Jira's to accept.
 */
import api, { route } from '@forge/api';
import { harness } from '../../platform-doubles/index';

const { jira, runtime } = harness();
const ALICE = '5b10ac8d82e05b22cc7d4ef5';
const BOB = '5b10ac8d82e05b22cc7d4ef6';

async function create(accountId: string, fields: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const res = await runtime.runAs(accountId, () =>
    api.asUser().requestJira(route`/rest/api/3/issue`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        fields: { project: { key: 'QI' }, summary: 'Fix', issuetype: { name: 'Task' }, ...fields },
      }),
    }),
  );
  return { status: res.status, body: await res.json() };
}

beforeEach(() => {
  jira.seedUser({ accountId: ALICE, displayName: 'Alice' });
  jira.seedUser({ accountId: BOB, displayName: 'Bob' });
  const qi = jira.seedProject({ key: 'QI', browsers: [ALICE] });
  jira.model.site.issueTypeSchemes.push({ id: '10600', name: 'QI scheme', isDefault: false, issueTypeIds: ['10001'] });
  jira.model.site.issueTypeSchemeOfProject.set(qi.id, '10600');
});

afterEach(() => jira.assertNoViolations());

describe('POST /rest/api/3/issue', () => {
  it("refuses an issue type the project's scheme does not offer, and accepts one it does", async () => {
    expect(await create(ALICE, { issuetype: { name: 'Problem' } })).toEqual({
      status: 400,
      body: expect.objectContaining({ errors: { issuetype: 'Specify a valid issue type' } }),
    });
    expect((await create(ALICE, {})).status).toBe(201);
  });

  it('refuses a caller without Create Issues', async () => {
    jira.seedUser({ accountId: ALICE, displayName: 'Alice', projectPermissions: { QI: ['BROWSE_PROJECTS'] } });
    expect((await create(ALICE, {})).status).toBe(403);
  });

  it('refuses an assignee who may not be assigned in the project; takes a due date in the past', async () => {
    const refused = await create(ALICE, { assignee: { accountId: BOB } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: { assignee: "User 'Bob' cannot be assigned issues." } });
    const past = await create(ALICE, { assignee: { accountId: ALICE }, duedate: '2020-01-31' });
    expect(past.status).toBe(201);
  });
});
