/**
 * The Jira adapter against the Jira double, through the real `@forge/api` (no mocks): paging,
 * retries on 429 / 5xx with an injected sleep, typed errors, and the writes the app needs.
 */
import { JiraError, JiraErrorCode, jiraAsApp, jiraAsUser, MAX_RECONCILE_ISSUES } from '../../src/adapters/jira';
import type { JiraIssue } from '../../src/adapters/jira';
import { harness } from '../../platform-doubles';

const { jira, runtime } = harness();

const AGENT = '5b10ac8d82e05b22cc7d4e01';
const LINE_DEADLINE = 'customfield_10050';

/** A sleep that records instead of waiting. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

async function collect(pages: AsyncIterable<{ issues: JiraIssue[] }>): Promise<JiraIssue[]> {
  const out: JiraIssue[] = [];
  for await (const page of pages) out.push(...page.issues);
  return out;
}

async function caught(p: Promise<unknown>): Promise<JiraError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof JiraError) return e;
    throw e;
  }
  throw new Error('expected a JiraError');
}

beforeEach(() => {
  jira.seedUser({ accountId: AGENT, displayName: 'Agent Li', locale: 'zh_CN', groups: ['itr-agents'] });
  jira.seedProject({ key: 'ITR' });
  jira.defineField({ id: LINE_DEADLINE, name: 'Line deadline', type: 'datetime' });
});

describe('searchJql', () => {
  it('pages over 250 issues with pageSize 100 in 3 requests', async () => {
    for (let n = 1; n <= 250; n++) jira.seedIssue({ key: `ITR-${n}`, issueType: 'Incident' });
    const client = jiraAsApp();
    const issues = await collect(
      client.searchJql('project = ITR AND issuetype = Incident ORDER BY key', {
        fields: ['summary', 'status'],
        pageSize: 100,
      }),
    );
    expect(issues).toHaveLength(250);
    expect(issues[0]?.key).toBe('ITR-1');
    expect(issues[249]?.key).toBe('ITR-250');
    expect(issues[0]?.fields['status']).toMatchObject({ name: 'Open' });
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(3);
  });

  it('follows the token when Jira returns fewer than asked (fields cap pages at 100)', async () => {
    for (let n = 1; n <= 150; n++) jira.seedIssue({ key: `ITR-${n}` });
    const issues = await collect(jiraAsApp().searchJql('project = ITR', { fields: ['summary'], pageSize: 1000 }));
    expect(issues).toHaveLength(150);
    expect(jira.requestCount('POST /rest/api/3/search/jql')).toBe(2);
  });

  it('stops fetching when the caller stops iterating', async () => {
    for (let n = 1; n <= 30; n++) jira.seedIssue({ key: `ITR-${n}` });
    for await (const page of jiraAsApp().searchJql('project = ITR', { pageSize: 10 })) {
      expect(page.issues).toHaveLength(10);
      break;
    }
    expect(jira.requestCount()).toBe(1);
  });

  it('turns bad JQL into JIRA_BAD_REQUEST with Jira’s messages', async () => {
    const e = await caught(collect(jiraAsApp().searchJql('project = ITR AND cf[10050] < "31/12/2026"')));
    expect(e.code).toBe(JiraErrorCode.BadRequest);
    expect(e.status).toBe(400);
    expect(e.errorMessages.join()).toMatch(/Valid formats include/);
  });

  it('sends reconcileIssues for ids just written, and refuses more than Jira takes (50) before sending', async () => {
    for (let n = 1; n <= 3; n++) jira.seedIssue({ key: `ITR-${n}` });
    const ids = (await collect(jiraAsApp().searchJql('project = ITR'))).map((i) => Number(i.id));
    await collect(jiraAsApp().searchJql(`id IN (${ids.join(', ')})`, { reconcileIssues: ids }));
    expect(jira.calls.at(-1)?.body).toMatchObject({ reconcileIssues: ids });
    const before = jira.requestCount();
    await expect(
      collect(
        jiraAsApp().searchJql('project = ITR', {
          reconcileIssues: Array.from({ length: MAX_RECONCILE_ISSUES + 1 }, (_, i) => i + 1),
        }),
      ),
    ).rejects.toThrow(RangeError);
    expect(jira.requestCount()).toBe(before);
  });
});

describe('retries', () => {
  beforeEach(() => {
    jira.seedIssue({ key: 'ITR-1' });
  });

  it('waits Retry-After seconds on 429, then succeeds', async () => {
    jira.failNext(1, { status: 429, retryAfter: 2 });
    const { sleep, waits } = recordingSleep();
    const issue = await jiraAsApp({ sleep }).getIssue('ITR-1', { fields: ['summary'] });
    expect(issue.key).toBe('ITR-1');
    expect(waits).toEqual([2000]);
    expect(jira.requestCount('GET /rest/api/3/issue/{issueIdOrKey}')).toBe(2);
  });

  it('does not wait a Retry-After longer than the policy allows: JIRA_RATE_LIMITED with retryAfterSeconds', async () => {
    jira.failNext(1, { status: 429, retryAfter: 120 });
    const { sleep, waits } = recordingSleep();
    const e = await caught(jiraAsApp({ sleep }).getIssue('ITR-1'));
    expect(e).toMatchObject({ code: JiraErrorCode.RateLimited, status: 429, retryAfterSeconds: 120, attempts: 1 });
    expect(waits).toEqual([]);
  });

  it('does not wait past the invocation’s remaining time', async () => {
    runtime.setRemainingTimeMillis(6_000);
    jira.failNext(1, { status: 429, retryAfter: 5 });
    const { sleep, waits } = recordingSleep();
    const client = jiraAsApp({ sleep, remainingTimeMs: () => runtime.getRemainingTimeInMillis() });
    const e = await caught(client.getIssue('ITR-1'));
    expect(e.code).toBe(JiraErrorCode.RateLimited);
    expect(waits).toEqual([]);
  });

  it('gives up on 429 after maxAttempts', async () => {
    jira.failNext(10, { status: 429, retryAfter: 1 });
    const { sleep, waits } = recordingSleep();
    const e = await caught(jiraAsApp({ sleep, retry: { maxAttempts: 3 } }).getIssue('ITR-1'));
    expect(e).toMatchObject({ code: JiraErrorCode.RateLimited, attempts: 3 });
    expect(waits).toEqual([1000, 1000]);
  });

  it('retries 5xx with backoff, then raises JIRA_SERVER_ERROR', async () => {
    jira.failNext(10, { status: 500 });
    const { sleep, waits } = recordingSleep();
    const e = await caught(jiraAsApp({ sleep }).getIssue('ITR-1'));
    expect(e).toMatchObject({
      code: JiraErrorCode.ServerError,
      status: 500,
      method: 'GET',
      path: '/rest/api/3/issue/ITR-1',
      attempts: 4,
    });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('recovers from a transient 503', async () => {
    jira.failNext(1, { status: 503 });
    const { sleep, waits } = recordingSleep();
    await expect(jiraAsApp({ sleep }).getMyself()).resolves.toMatchObject({ accountId: expect.any(String) });
    expect(waits).toEqual([500]);
  });
});

describe('typed errors', () => {
  it('maps 404 to JIRA_NOT_FOUND with method and path', async () => {
    const e = await caught(jiraAsApp().getIssue('ITR-404'));
    expect(e).toMatchObject({
      code: JiraErrorCode.NotFound,
      status: 404,
      method: 'GET',
      path: '/rest/api/3/issue/ITR-404',
    });
  });

  it('maps 403 to JIRA_FORBIDDEN (a user without edit permission)', async () => {
    jira.seedIssue({ key: 'ITR-1' });
    jira.seedUser({ accountId: 'viewer', displayName: 'Viewer', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
    const e = await caught(runtime.runAs('viewer', () => jiraAsUser().updateIssueFields('ITR-1', { summary: 'x' })));
    expect(e.code).toBe(JiraErrorCode.Forbidden);
  });

  it('maps a rejected field to JIRA_BAD_REQUEST with the field error', async () => {
    jira.seedIssue({ key: 'ITR-1' });
    const e = await caught(jiraAsApp().updateIssueFields('ITR-1', { [LINE_DEADLINE]: '2026-01-01T00:00:00Z' }));
    expect(e.code).toBe(JiraErrorCode.BadRequest);
    expect(Object.keys(e.fieldErrors)).toEqual([LINE_DEADLINE]);
  });
});

describe('writes and reads', () => {
  beforeEach(() => {
    for (let n = 1; n <= 3; n++) jira.seedIssue({ key: `ITR-${n}` });
  });

  it('sets app field values on many issues in one request', async () => {
    const ids = [1, 2, 3].map((n) => jira.issue(`ITR-${n}`).id);
    await jiraAsApp().setAppFieldValues([{ fieldId: LINE_DEADLINE, issueIds: ids, value: '2026-05-01T08:00:00.000Z' }]);
    expect(jira.requestCount()).toBe(1);
    for (const n of [1, 2, 3])
      expect(jira.issue(`ITR-${n}`).fields[LINE_DEADLINE]).toBe('2026-05-01T08:00:00.000+0000');
  });

  it('edits fields without notifying users', async () => {
    await jiraAsApp().updateIssueFields('ITR-1', { summary: 'Renamed' }, { notifyUsers: false });
    expect(jira.issue('ITR-1').fields['summary']).toBe('Renamed');
    expect(jira.calls[0]?.path).toBe('/rest/api/3/issue/ITR-1?notifyUsers=false');
  });

  it('adds an ADF comment as the acting user', async () => {
    const doc = {
      type: 'doc' as const,
      version: 1 as const,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '已升级到二线' }] }],
    };
    const { id } = await runtime.runAs(AGENT, () => jiraAsUser().addComment('ITR-2', doc));
    expect(jira.issue('ITR-2').comments.find((c) => c.id === id)?.authorAccountId).toBe(AGENT);
  });

  it('reads and writes issue properties; a missing one reads as undefined', async () => {
    const client = jiraAsApp();
    expect(await client.getIssueProperty('ITR-1', 'itr.line')).toBeUndefined();
    await client.setIssueProperty('ITR-1', 'itr.line', { line: 'L2', since: '2026-03-02T10:00:00Z' });
    expect(await client.getIssueProperty('ITR-1', 'itr.line')).toEqual({ line: 'L2', since: '2026-03-02T10:00:00Z' });
  });

  it('answers myself for the invocation’s user, with locale and groups', async () => {
    const me = await runtime.runAs(AGENT, () => jiraAsUser().getMyself({ groups: true }));
    expect(me).toEqual({
      accountId: AGENT,
      displayName: 'Agent Li',
      locale: 'zh_CN',
      timeZone: 'UTC',
      groups: ['itr-agents'],
    });
    expect(jira.calls[0]).toMatchObject({ actor: 'user', accountId: AGENT });
  });

  it('lists and performs transitions', async () => {
    const client = jiraAsApp();
    const transitions = await client.getTransitions('ITR-3');
    const toProgress = transitions.find((t) => t.toStatusName === 'In Progress');
    expect(toProgress).toBeDefined();
    await client.transitionIssue('ITR-3', toProgress?.id ?? '');
    expect(jira.issue('ITR-3').fields['status']).toMatchObject({ name: 'In Progress' });
  });
});

describe('acting for someone who is not the invocation’s user', () => {
  it('asks Jira for another person’s rights as the app (POST /permissions/check), globally and on one issue', async () => {
    jira.seedUser({ accountId: 'admin-1', displayName: 'Admin', groups: ['jira-administrators'] });
    jira.seedUser({ accountId: 'guest', displayName: 'Guest' });
    jira.seedProject({ key: 'SEC', browsers: ['admin-1'] });
    const issueId = jira.seedIssue({ key: 'SEC-1' }).id;
    const app = jiraAsApp();
    expect(await app.userPermissions('admin-1', ['ADMINISTER'])).toEqual({ ADMINISTER: true });
    expect(await app.userPermissions('guest', ['ADMINISTER'])).toEqual({ ADMINISTER: false });
    expect(await app.userPermissions('admin-1', ['BROWSE_PROJECTS'], { issueId })).toEqual({ BROWSE_PROJECTS: true });
    expect(await app.userPermissions('guest', ['BROWSE_PROJECTS', 'EDIT_ISSUES'], { issueId })).toEqual({
      BROWSE_PROJECTS: false,
      EDIT_ISSUES: false,
    });
    expect(runtime.calls.every((c) => c.actor.kind === 'app')).toBe(true);
  });

  it('never impersonates: a user client acts only as the invocation’s user', async () => {
    jira.seedUser({ accountId: 'guest', displayName: 'Guest' });
    const me = await runtime.runAs('guest', () => jiraAsUser().getMyself());
    expect(me.accountId).toBe('guest');
    expect(runtime.calls.map((c) => c.descriptor.accountId)).toEqual([undefined]);
  });
});

describe('people: directory look-ups and assignment', () => {
  const BOB = 'acc-bob';
  const GONE = 'acc-gone';
  const VIEWER = 'acc-viewer';
  const adf = {
    type: 'doc' as const,
    version: 1 as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'To L2 / 转二线' }] }],
  };

  beforeEach(() => {
    jira.seedUser({ accountId: BOB, displayName: 'Bob Stone', groups: ['itr-l2'] });
    jira.seedUser({ accountId: GONE, displayName: 'Bob Gone', active: false, groups: ['itr-l2'] });
    jira.seedUser({ accountId: VIEWER, displayName: 'Bob Viewer', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
    jira.seedIssue({ key: 'ITR-1', issueType: 'Incident', status: 'Open' });
  });

  it('searches users as the caller, with the 24×24 avatar; assignable users by project or issue', async () => {
    const found = await runtime.runAs(AGENT, () => jiraAsUser().searchUsers('bob', 10));
    expect(found).toEqual([
      {
        accountId: BOB,
        displayName: 'Bob Stone',
        avatarUrl: expect.stringMatching(/^https:/),
        active: true,
        accountType: 'atlassian',
      },
      {
        accountId: VIEWER,
        displayName: 'Bob Viewer',
        avatarUrl: expect.stringMatching(/^https:/),
        active: true,
        accountType: 'atlassian',
      },
    ]);
    expect(jira.calls[0]?.path).toBe('/rest/api/3/user/search?query=bob&maxResults=10');
    const app = jiraAsApp();
    expect((await app.findAssignableUsers({ query: 'bob', projectKey: 'ITR' })).map((u) => u.accountId)).toEqual([BOB]);
    expect(
      (await app.findAssignableUsers({ query: 'bob', issueKey: 'ITR-1', max: 5 })).map((u) => u.accountId),
    ).toEqual([BOB]);
    // no query: everyone assignable (Jira refuses a call without query or accountId, so '' is sent)
    expect((await app.findAssignableUsers({ projectKey: 'ITR' })).map((u) => u.accountId)).toContain(AGENT);
    await expect(app.findAssignableUsers({ query: 'bob' })).rejects.toThrow(RangeError);
    await expect(app.searchUsers('bob', 0)).rejects.toThrow(RangeError);
  });

  it('searches groups (any case) and reads every page of a group’s active members', async () => {
    for (let i = 0; i < 55; i++)
      jira.seedUser({
        accountId: `acc-m${i}`,
        displayName: `Member ${String(i).padStart(2, '0')}`,
        groups: ['itr-l2'],
      });
    const app = jiraAsApp();
    expect(await app.searchGroups('L2')).toEqual([{ groupId: expect.any(String), name: 'itr-l2' }]);
    const members = await app.groupMembers('itr-l2');
    expect(members).toHaveLength(56); // Bob and 55 members; Bob Gone is inactive
    expect(members.every((m) => m.active)).toBe(true);
    expect(jira.requestCount('GET /rest/api/3/group/member')).toBe(2);
    expect(await caught(app.groupMembers('no-such-group'))).toMatchObject({ code: JiraErrorCode.NotFound });
  });

  it('assigns and unassigns; Jira’s refusal of a target who cannot be assigned is a JIRA_BAD_REQUEST with its message', async () => {
    const app = jiraAsApp();
    await app.assignIssue('ITR-1', BOB);
    expect(jira.issue('ITR-1').fields['assignee']).toEqual({ accountId: BOB });
    await app.assignIssue('ITR-1', null);
    expect(jira.issue('ITR-1').fields['assignee']).toBeNull();
    const refused = await caught(app.assignIssue('ITR-1', VIEWER));
    expect(refused).toMatchObject({
      code: JiraErrorCode.BadRequest,
      fieldErrors: { assignee: "User 'Bob Viewer' cannot be assigned issues." },
    });
  });

  it('transitions with fields and a comment in one request', async () => {
    jira.model.setWorkflow(
      [
        { id: '1', name: 'Open', category: 'new' },
        { id: '3', name: 'L2 handling', category: 'indeterminate' },
      ],
      [{ id: '21', name: 'Escalate', to: 'L2 handling', from: ['Open'], screenFieldIds: ['assignee'] }],
    );
    await jiraAsApp().transitionIssue('ITR-1', '21', {
      fields: { assignee: { accountId: BOB } },
      update: { comment: [{ add: { body: adf } }] },
    });
    const issue = jira.issue('ITR-1');
    expect(issue.fields['status']).toMatchObject({ name: 'L2 handling' });
    expect(issue.fields['assignee']).toEqual({ accountId: BOB });
    expect(issue.comments.map((c) => c.body)).toEqual([adf]);
    expect(jira.requestCount()).toBe(1);
  });
});
