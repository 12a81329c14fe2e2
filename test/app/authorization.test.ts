/** requireJiraAdmin asks Jira as the caller (real @forge/api, Jira double), never trusting the payload. */
import { NotAuthorizedError, requireJiraAdmin } from '../../src/app/auth/authorization';
import { harness } from '../../platform-doubles';

const { jira, runtime } = harness();

beforeEach(() => {
  jira.seedUser({
    accountId: 'acc-admin',
    displayName: 'Admin',
    groups: ['jira-administrators'],
    globalPermissions: ['ADMINISTER'],
  });
  jira.seedUser({ accountId: 'acc-agent', displayName: 'Agent' });
});

describe('requireJiraAdmin', () => {
  it('passes a Jira administrator', async () => {
    await expect(runtime.runAs('acc-admin', () => requireJiraAdmin('acc-admin'))).resolves.toBeUndefined();
    expect(jira.requestCount('GET /rest/api/3/mypermissions')).toBe(1);
  });

  it.each([
    ['an ordinary user', 'acc-agent'],
    ['no user at all', undefined],
  ])('refuses %s with NOT_AUTHORIZED', async (_label, who) => {
    await expect(runtime.runAs(who, () => requireJiraAdmin(who))).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});
