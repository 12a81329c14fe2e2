/**
 * The Jira double's directory and assignment, through the real `@forge/api`: user search, assignable
 * search, group picker and members, and the assignee rules (PUT assignee, edit, create, transitions),
 * each refusal as platform-v3 documents it. Every answer is also checked against the spec's schema
 * (setupAfterEnv fails a test that leaves a violation).
 */
import api, { route } from '@forge/api';
import { harness } from '../../platform-doubles/index';
import { GROUP_MEMBER_PAGE_CAP } from '../../platform-doubles/jiraDouble';

const { jira, runtime } = harness();

type RequestJira = ReturnType<typeof api.asUser>['requestJira'];

/** `asUser()` in an invocation by `accountId`. */
function as(accountId: string): { requestJira: RequestJira } {
  return {
    requestJira: (...args: Parameters<RequestJira>) =>
      runtime.runAs(accountId, () => api.asUser().requestJira(...args)),
  };
}

const ADMIN = 'acc-admin';
const BOB = 'acc-bob';
const ZHANG = 'acc-zhang';
const GONE = 'acc-gone';
/** Browses ITR but holds neither Assign Issues nor Assignable User there. */
const VIEWER = 'acc-viewer';
/** No Browse users and groups (USER_PICKER): Jira shows them no directory. */
const OUTSIDER = 'acc-outsider';

const json = (body: unknown): { method: string; headers: Record<string, string>; body: string } => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const post = (body: unknown): { method: string; headers: Record<string, string>; body: string } => ({
  ...json(body),
  method: 'POST',
});
const adf = (text: string): Record<string, unknown> => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function names(res: { json: () => Promise<unknown> }): Promise<string[]> {
  const body = (await res.json()) as Array<{ displayName: string }>;
  return body.map((u) => u.displayName);
}

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-administrators', 'itr-l2'] });
  jira.seedUser({ accountId: BOB, displayName: 'Bob Stone', emailAddress: 'bob@example.com', groups: ['itr-l2'] });
  jira.seedUser({ accountId: ZHANG, displayName: '张伟', emailAddress: 'wei.zhang@example.com', groups: ['itr-L1'] });
  jira.seedUser({ accountId: GONE, displayName: 'Bob Gone', active: false, groups: ['itr-l2'] });
  jira.seedUser({
    accountId: VIEWER,
    displayName: 'Vic Viewer',
    projectPermissions: { ITR: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'TRANSITION_ISSUES'] },
  });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Olga Outsider', globalPermissions: [] });
  jira.seedProject({ key: 'ITR' });
  jira.seedProject({ key: 'SEC', browsers: [ADMIN] });
  jira.seedIssue({ key: 'ITR-1', issueType: 'Incident', status: 'Open' });
  jira.seedIssue({ key: 'SEC-1', issueType: 'Incident', status: 'Open' });
});

describe('GET /user/search (findUsers)', () => {
  it('matches the prefix of the display name, a word of it or the email, any case; active users only; with avatars', async () => {
    const res = await as(ADMIN).requestJira(route`/rest/api/3/user/search?query=${'bob'}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Array<{ accountId: string; avatarUrls: Record<string, string> }>;
    expect(body.map((u) => u.accountId)).toEqual([BOB]); // Bob Gone is inactive
    expect(body[0]?.avatarUrls['24x24']).toMatch(/^https?:/);
    expect(await names(await as(ADMIN).requestJira(route`/rest/api/3/user/search?query=${'STONE'}`))).toEqual([
      'Bob Stone',
    ]);
    expect(await names(await as(ADMIN).requestJira(route`/rest/api/3/user/search?query=${'wei.z'}`))).toEqual(['张伟']);
    expect(await names(await as(ADMIN).requestJira(route`/rest/api/3/user/search?query=${'张'}`))).toEqual(['张伟']);
    // a prefix, not a substring
    expect(await names(await as(ADMIN).requestJira(route`/rest/api/3/user/search?query=${'tone'}`))).toEqual([]);
  });

  it('answers a caller without Browse users and groups with an empty list, as platform-v3 says', async () => {
    const res = await as(OUTSIDER).requestJira(route`/rest/api/3/user/search?query=${'bob'}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });

  it('refuses a call with neither query nor accountId, or with both (400)', async () => {
    expect((await as(ADMIN).requestJira(route`/rest/api/3/user/search`)).status).toBe(400);
    expect((await as(ADMIN).requestJira(route`/rest/api/3/user/search?query=${'b'}&accountId=${BOB}`)).status).toBe(
      400,
    );
    expect(await names(await as(ADMIN).requestJira(route`/rest/api/3/user/search?accountId=${BOB}`))).toEqual([
      'Bob Stone',
    ]);
  });
});

describe('GET /user/assignable/search (findAssignableUsers)', () => {
  it('lists only active users holding Assignable User in the project or the issue’s project', async () => {
    const inItr = await names(
      await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?project=ITR&query=`),
    );
    expect(inItr).toEqual(expect.arrayContaining(['Ada Admin', 'Bob Stone', '张伟', 'Olga Outsider']));
    expect(inItr).not.toContain('Vic Viewer'); // no Assignable User in ITR
    expect(inItr).not.toContain('Bob Gone'); // inactive
    // SEC is browsed by the admin alone, so only the admin may be assigned there (besides the app's own
    // account, which holds every project permission in the double: src/app/people offers people only)
    const inSec = await names(
      await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?issueKey=SEC-1&query=`),
    );
    expect(inSec.filter((n) => n !== 'ITR for Jira')).toEqual(['Ada Admin']);
    expect(
      await names(await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?issueKey=ITR-1&query=${'bo'}`)),
    ).toEqual(['Bob Stone']);
  });

  it('filters the requested range, so fewer than maxResults may come back (platform-v3)', async () => {
    // the first two in display-name order are Ada Admin and Bob Gone; Bob Gone is inactive, never in range
    const two = await names(
      await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?project=ITR&query=&maxResults=2`),
    );
    expect(two.length).toBeLessThanOrEqual(2);
    const viewerFirst = await names(
      await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?project=ITR&query=${'vic'}&maxResults=1`),
    );
    expect(viewerFirst).toEqual([]);
  });

  it('refuses without a project or issue (400), with neither query nor accountId (400); unknown project 404', async () => {
    expect((await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?query=${'b'}`)).status).toBe(400);
    expect((await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?project=ITR`)).status).toBe(400);
    expect((await as(ADMIN).requestJira(route`/rest/api/3/user/assignable/search?project=NOPE&query=`)).status).toBe(
      404,
    );
    // a project the caller cannot browse is not found either
    expect((await as(BOB).requestJira(route`/rest/api/3/user/assignable/search?project=SEC&query=`)).status).toBe(404);
  });

  it('answers a caller with neither Browse users and groups nor Assign Issues with an empty list', async () => {
    jira.seedUser({
      accountId: 'acc-nobody',
      displayName: 'Nobody',
      globalPermissions: [],
      projectPermissions: { ITR: ['BROWSE_PROJECTS'] },
    });
    const res = await as('acc-nobody').requestJira(route`/rest/api/3/user/assignable/search?project=ITR&query=`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    // Assign Issues alone is enough (the outsider holds it in ITR by the default scheme)
    expect(
      await names(await as(OUTSIDER).requestJira(route`/rest/api/3/user/assignable/search?project=ITR&query=${'bob'}`)),
    ).toEqual(['Bob Stone']);
  });
});

describe('GET /groups/picker (findGroups)', () => {
  it('finds groups whose name contains the query, sorted, case-insensitive when asked, with exclusions', async () => {
    const res = await as(ADMIN).requestJira(route`/rest/api/3/groups/picker?query=${'itr'}`);
    const body = (await res.json()) as {
      groups: Array<{ name: string; groupId: string; html: string }>;
      total: number;
      header: string;
    };
    expect(body.groups.map((g) => g.name)).toEqual(['itr-L1', 'itr-l2']);
    expect(body.groups[0]?.html).toBe('<b>itr</b>-L1');
    expect(body.total).toBe(2);
    const exact = (await (await as(ADMIN).requestJira(route`/rest/api/3/groups/picker?query=${'l1'}`)).json()) as {
      groups: unknown[];
    };
    expect(exact.groups).toEqual([]); // case-sensitive by default
    const any = (await (
      await as(ADMIN).requestJira(
        route`/rest/api/3/groups/picker?query=${'R'}&caseInsensitive=true&exclude=${'itr-l2'}`,
      )
    ).json()) as { groups: Array<{ name: string }> };
    expect(any.groups.map((g) => g.name)).toEqual(['itr-L1', 'jira-administrators', 'jira-software-users']);
  });

  it('shows a caller without Browse users and groups only an exact name, and one who browses no project nothing', async () => {
    const partial = (await (
      await as(OUTSIDER).requestJira(route`/rest/api/3/groups/picker?query=${'itr'}`)
    ).json()) as { groups: unknown[] };
    expect(partial.groups).toEqual([]);
    const exact = (await (
      await as(OUTSIDER).requestJira(route`/rest/api/3/groups/picker?query=${'itr-l2'}`)
    ).json()) as { groups: Array<{ name: string }> };
    expect(exact.groups.map((g) => g.name)).toEqual(['itr-l2']);
    jira.seedUser({ accountId: 'acc-blind', displayName: 'Blind', projectPermissions: { ITR: [] } });
    jira.model.projects.delete('SEC');
    const none = (await (
      await as('acc-blind').requestJira(route`/rest/api/3/groups/picker?query=${'itr'}`)
    ).json()) as { groups: unknown[] };
    expect(none.groups).toEqual([]);
  });

  it('knows a group seeded without members', async () => {
    jira.model.seedGroup('itr-l3');
    const body = (await (await as(ADMIN).requestJira(route`/rest/api/3/groups/picker?query=${'l3'}`)).json()) as {
      groups: Array<{ name: string }>;
    };
    expect(body.groups.map((g) => g.name)).toEqual(['itr-l3']);
    const bulk = (await (await as(ADMIN).requestJira(route`/rest/api/3/group/bulk?groupName=${'ITR-L3'}`)).json()) as {
      values: Array<{ name: string }>;
    };
    expect(bulk.values.map((g) => g.name)).toEqual(['itr-l3']);
    const members = (await (
      await as(ADMIN).requestJira(route`/rest/api/3/group/member?groupname=${'itr-l3'}`)
    ).json()) as { values: unknown[]; isLast: boolean };
    expect(members).toMatchObject({ values: [], isLast: true });
  });
});

describe('GET /group/member (getUsersFromGroup)', () => {
  it('pages at most 50 members, isLast on the last page; active members unless includeInactiveUsers', async () => {
    for (let i = 0; i < 60; i++)
      jira.seedUser({
        accountId: `acc-m${i}`,
        displayName: `Member ${String(i).padStart(2, '0')}`,
        groups: ['big-team'],
      });
    const first = (await (
      await as(ADMIN).requestJira(route`/rest/api/3/group/member?groupname=${'big-team'}&maxResults=100`)
    ).json()) as { values: unknown[]; isLast: boolean; maxResults: number; total: number };
    expect(first.values).toHaveLength(GROUP_MEMBER_PAGE_CAP);
    expect(first).toMatchObject({ isLast: false, maxResults: 50, total: 60 });
    const second = (await (
      await as(ADMIN).requestJira(route`/rest/api/3/group/member?groupname=${'big-team'}&startAt=50`)
    ).json()) as { values: unknown[]; isLast: boolean };
    expect(second.values).toHaveLength(10);
    expect(second.isLast).toBe(true);
    const l2 = (await (await as(ADMIN).requestJira(route`/rest/api/3/group/member?groupname=${'itr-l2'}`)).json()) as {
      values: Array<{ displayName: string }>;
    };
    expect(l2.values.map((u) => u.displayName)).toEqual(['Ada Admin', 'Bob Stone']);
    const withGone = (await (
      await as(ADMIN).requestJira(route`/rest/api/3/group/member?groupname=${'itr-l2'}&includeInactiveUsers=true`)
    ).json()) as { values: unknown[] };
    expect(withGone.values).toHaveLength(3);
  });

  it('refuses without a group (400), an outsider (403) and an unknown group (404)', async () => {
    expect((await as(ADMIN).requestJira(route`/rest/api/3/group/member`)).status).toBe(400);
    expect((await as(OUTSIDER).requestJira(route`/rest/api/3/group/member?groupname=${'itr-l2'}`)).status).toBe(403);
    expect((await as(ADMIN).requestJira(route`/rest/api/3/group/member?groupname=${'no-such'}`)).status).toBe(404);
    // Browse users and groups alone is enough
    expect((await as(BOB).requestJira(route`/rest/api/3/group/member?groupname=${'itr-l2'}`)).status).toBe(200);
  });
});

describe('PUT /issue/{id}/assignee (assignIssue)', () => {
  it('assigns, logs the change with the display name, fires the updated event; null unassigns', async () => {
    expect(
      (await as(BOB).requestJira(route`/rest/api/3/issue/ITR-1/assignee`, json({ accountId: ZHANG }))).status,
    ).toBe(204);
    expect(jira.issue('ITR-1').fields['assignee']).toEqual({ accountId: ZHANG });
    expect(jira.issue('ITR-1').changelog.at(-1)?.items).toEqual([
      expect.objectContaining({ fieldId: 'assignee', from: null, to: ZHANG, toString: '张伟' }),
    ]);
    expect(jira.issueEvents.at(-1)).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issueKey: 'ITR-1',
      causedBy: BOB,
    });
    expect((await as(BOB).requestJira(route`/rest/api/3/issue/ITR-1/assignee`, json({ accountId: null }))).status).toBe(
      204,
    );
    expect(jira.issue('ITR-1').fields['assignee']).toBeNull();
    expect(jira.issue('ITR-1').changelog.at(-1)?.items[0]).toMatchObject({ from: ZHANG, to: null });
    expect(jira.takeViolations()).toEqual([]); // the documented null passes the request check
  });

  it('refuses a caller without Assign Issues (403) and hides an issue the caller cannot browse (404)', async () => {
    expect(
      (await as(VIEWER).requestJira(route`/rest/api/3/issue/ITR-1/assignee`, json({ accountId: BOB }))).status,
    ).toBe(403);
    expect((await as(BOB).requestJira(route`/rest/api/3/issue/SEC-1/assignee`, json({ accountId: BOB }))).status).toBe(
      404,
    );
    expect(jira.issue('ITR-1').fields['assignee']).toBeNull();
  });

  it.each([
    ['not holding Assignable User', VIEWER, "User 'Vic Viewer' cannot be assigned issues."],
    ['inactive', GONE, "User 'Bob Gone' cannot be assigned issues."],
    ['unknown', 'acc-nobody', "User 'acc-nobody' does not exist."],
  ])('refuses a target %s with 400 and Jira’s message', async (_what, target, message) => {
    const res = await as(ADMIN).requestJira(route`/rest/api/3/issue/ITR-1/assignee`, json({ accountId: target }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: { assignee: message } });
    expect(jira.issue('ITR-1').fields['assignee']).toBeNull();
  });

  it('refuses a body without accountId (400)', async () => {
    expect((await as(ADMIN).requestJira(route`/rest/api/3/issue/ITR-1/assignee`, json({}))).status).toBe(400);
  });

  it('refuses a target who cannot browse the issue’s project', async () => {
    const res = await as(ADMIN).requestJira(route`/rest/api/3/issue/SEC-1/assignee`, json({ accountId: BOB }));
    expect(res.status).toBe(400);
  });
});

describe('the assignee through edit, create and transitions', () => {
  it('edit: a non-assignable target is refused and nothing changes; a caller without Assign Issues cannot set the field', async () => {
    const refused = await as(BOB).requestJira(
      route`/rest/api/3/issue/ITR-1`,
      json({ fields: { assignee: { accountId: VIEWER }, summary: 'changed' } }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: { assignee: "User 'Vic Viewer' cannot be assigned issues." },
    });
    expect(jira.issue('ITR-1').fields['summary']).not.toBe('changed');
    const noRight = await as(VIEWER).requestJira(
      route`/rest/api/3/issue/ITR-1`,
      json({ fields: { assignee: { accountId: BOB } } }),
    );
    expect(noRight.status).toBe(400);
    expect(await noRight.json()).toMatchObject({ errors: { assignee: expect.stringMatching(/cannot be set/) } });
    expect(
      (await as(BOB).requestJira(route`/rest/api/3/issue/ITR-1`, json({ fields: { assignee: { accountId: ZHANG } } })))
        .status,
    ).toBe(204);
    expect(jira.issue('ITR-1').fields['assignee']).toEqual({ accountId: ZHANG });
  });

  it('create: a non-assignable assignee is refused and no issue is made', async () => {
    const before = jira.model.issues.size;
    const res = await as(BOB).requestJira(
      route`/rest/api/3/issue`,
      post({
        fields: {
          project: { key: 'ITR' },
          issuetype: { name: 'Incident' },
          summary: 'Printer down',
          assignee: { accountId: GONE },
        },
      }),
    );
    expect(res.status).toBe(400);
    expect(jira.model.issues.size).toBe(before);
  });

  describe('transitions', () => {
    beforeEach(() => {
      jira.model.setWorkflow(
        [
          { id: '1', name: 'Open', category: 'new' },
          { id: '3', name: 'L2 handling', category: 'indeterminate' },
          { id: '5', name: 'Resolved', category: 'done' },
        ],
        [
          { id: '21', name: 'Escalate to L2', to: 'L2 handling', from: ['Open'], screenFieldIds: ['assignee'] },
          { id: '31', name: 'Resolve', to: 'Resolved', from: undefined },
        ],
      );
    });

    it('moves status and assignee and adds the comment in one request, one changelog entry', async () => {
      const res = await as(BOB).requestJira(
        route`/rest/api/3/issue/ITR-1/transitions`,
        post({
          transition: { id: '21' },
          fields: { assignee: { accountId: ZHANG } },
          update: { comment: [{ add: { body: adf('Escalated to L2 / 已升级到二线') } }] },
        }),
      );
      expect(res.status).toBe(204);
      const issue = jira.issue('ITR-1');
      expect(issue.fields['status']).toMatchObject({ name: 'L2 handling' });
      expect(issue.fields['assignee']).toEqual({ accountId: ZHANG });
      expect(issue.comments.map((c) => [c.authorAccountId, c.body])).toEqual([
        [BOB, adf('Escalated to L2 / 已升级到二线')],
      ]);
      expect(
        issue.changelog
          .at(-1)
          ?.items.map((i) => i.fieldId)
          .sort(),
      ).toEqual(['assignee', 'status']);
      expect(jira.requestCount()).toBe(1);
    });

    it('refuses a non-assignable assignee: status, assignee and comments unchanged', async () => {
      const res = await as(BOB).requestJira(
        route`/rest/api/3/issue/ITR-1/transitions`,
        post({
          transition: { id: '21' },
          fields: { assignee: { accountId: VIEWER } },
          update: { comment: [{ add: { body: adf('x') } }] },
        }),
      );
      expect(res.status).toBe(400);
      expect(jira.issue('ITR-1').fields['status']).toMatchObject({ name: 'Open' });
      expect(jira.issue('ITR-1').comments).toEqual([]);
    });

    it('takes a comment on a transition without a screen, but no field', async () => {
      const ok = await as(BOB).requestJira(
        route`/rest/api/3/issue/ITR-1/transitions`,
        post({ transition: { id: '31' }, update: { comment: [{ add: { body: adf('Fixed') } }] } }),
      );
      expect(ok.status).toBe(204);
      expect(jira.issue('ITR-1').comments).toHaveLength(1);
      jira.seedIssue({ key: 'ITR-2', issueType: 'Incident', status: 'Open' });
      const field = await as(BOB).requestJira(
        route`/rest/api/3/issue/ITR-2/transitions`,
        post({ transition: { id: '31' }, fields: { assignee: { accountId: ZHANG } } }),
      );
      expect(field.status).toBe(400);
    });

    it.each([
      ['an edit of a comment', { comment: [{ edit: { id: '1', body: adf('x') } }] }],
      ['a comment that is not ADF', { comment: [{ add: { body: 'plain text' } }] }],
      ['another update operation', { labels: [{ add: 'x' }], comment: [{ add: { body: adf('x') } }] }],
    ])('refuses %s (400) and leaves the issue as it was', async (_what, update) => {
      const res = await as(BOB).requestJira(
        route`/rest/api/3/issue/ITR-1/transitions`,
        post({ transition: { id: '31' }, update }),
      );
      expect(res.status).toBe(400);
      expect(jira.issue('ITR-1').fields['status']).toMatchObject({ name: 'Open' });
      expect(jira.issue('ITR-1').comments).toEqual([]);
    });

    it('refuses a comment from a caller without Add Comments (400, as POST /comment) and does not move the issue', async () => {
      const res = await as(VIEWER).requestJira(
        route`/rest/api/3/issue/ITR-1/transitions`,
        post({ transition: { id: '31' }, update: { comment: [{ add: { body: adf('x') } }] } }),
      );
      expect(res.status).toBe(400);
      expect(jira.issue('ITR-1').fields['status']).toMatchObject({ name: 'Open' });
    });
  });
});
