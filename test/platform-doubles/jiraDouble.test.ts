/**
 * The Jira double through the real `@forge/api`: spec enforcement (unknown routes, bad bodies),
 * asApp/asUser attribution, JQL search and paging, permissions, writes and their changelog.
 */
import api, { route, type APIResponse } from '@forge/api';
import { harness } from '../../platform-doubles/index';
import { readFileSync } from 'node:fs';
import { APP_ACCOUNT_ID, DOCUMENTED_RULE_KEYS } from '../../platform-doubles/jiraModel';
import { specPathFromEnv } from '../../platform-doubles/openapiIndex';

const { jira, runtime } = harness();

type RequestJira = ReturnType<typeof api.asUser>['requestJira'];

/** `asUser()` in an invocation by `accountId`: an explicit `asUser(accountId)` would be impersonation. */
function userCall(accountId: string): { requestJira: RequestJira } {
  return {
    requestJira: (...args: Parameters<RequestJira>) =>
      runtime.runAs(accountId, () => api.asUser().requestJira(...args)),
  };
}

const ALICE = '5b10ac8d82e05b22cc7d4ef5';
const BOB = '5b10ac8d82e05b22cc7d4ef6';
const DEADLINE = 'customfield_10001';

async function json(res: { json: () => Promise<unknown> }): Promise<Record<string, unknown>> {
  const body = await res.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('expected an object');
  return body as Record<string, unknown>;
}

function searchBody(
  jql: string,
  extra: Record<string, unknown> = {},
): { method: string; headers: Record<string, string>; body: string } {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jql, ...extra }) };
}

beforeEach(() => {
  jira.setNow(Date.parse('2026-03-02T10:00:00Z'));
  jira.seedUser({
    accountId: ALICE,
    displayName: 'Alice',
    locale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    groups: ['jira-administrators'],
  });
  jira.seedUser({ accountId: BOB, displayName: 'Bob' });
  jira.seedProject({ key: 'ITR', name: 'ITR' });
  jira.seedProject({ key: 'SEC', name: 'Secret', browsers: [ALICE] });
  jira.defineField({ id: DEADLINE, name: 'Line deadline', type: 'datetime' });
  jira.seedIssue({
    key: 'ITR-1',
    issueType: 'Incident',
    status: 'Open',
    fields: { [DEADLINE]: '2026-03-01T00:00:00.000+0000' },
  });
  jira.seedIssue({
    key: 'ITR-2',
    issueType: 'Incident',
    status: 'In Progress',
    fields: { [DEADLINE]: '2026-03-05T00:00:00.000+0000' },
  });
  jira.seedIssue({
    key: 'ITR-3',
    issueType: 'Task',
    status: 'Closed',
    fields: { [DEADLINE]: '2026-02-01T00:00:00.000+0000' },
  });
  jira.seedIssue({ key: 'ITR-4', issueType: 'Service Request', status: 'Open' });
  jira.seedIssue({ key: 'SEC-1', issueType: 'Incident', status: 'Open' });
});

describe('spec enforcement', () => {
  it('records a violation and answers 404 for a route Jira does not have', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/nonsense`);
    expect(res.status).toBe(404);
    const violations = jira.takeViolations();
    expect(violations).toEqual([
      expect.objectContaining({ kind: 'unknown-route', method: 'GET', path: '/rest/api/3/nonsense' }),
    ]);
  });

  it('records a violation for a method the path does not allow', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/myself`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(jira.takeViolations().map((v) => v.kind)).toEqual(['method-not-allowed']);
  });

  it('records a violation and answers 400 for a body that breaks the operation schema', async () => {
    // `maxResult` is a typo: SearchAndReconcileRequestBean has additionalProperties: false.
    const res = await api
      .asApp()
      .requestJira(route`/rest/api/3/search/jql`, searchBody('project = ITR', { maxResult: 10 }));
    expect(res.status).toBe(400);
    const [v] = jira.takeViolations();
    expect(v?.kind).toBe('invalid-request-body');
    expect(v?.message).toMatch(/maxResult/);
  });

  it('records a violation for a query parameter of the wrong type', async () => {
    await api.asApp().requestJira(route`/rest/api/3/issue/ITR-1?updateHistory=${'yes'}`);
    expect(jira.takeViolations().map((v) => v.kind)).toEqual(['invalid-query']);
  });

  it('fails the test through assertNoViolations when a violation is left behind', async () => {
    await api.asApp().requestJira(route`/rest/api/3/nonsense`);
    expect(() => jira.assertNoViolations()).toThrow(/unknown-route.*nonsense/s);
    expect(jira.violations).toHaveLength(0);
  });

  it('matches literal path segments before templated ones', () => {
    const m = jira.spec.match('GET', '/rest/api/3/issue/createmeta');
    expect(m.kind === 'matched' && m.match.operation.template).toBe('/rest/api/3/issue/createmeta');
  });
});

describe('search/jql', () => {
  it('evaluates project, issuetype, status and datetime comparisons', async () => {
    const res = await api
      .asApp()
      .requestJira(
        route`/rest/api/3/search/jql`,
        searchBody(
          'project = ITR AND issuetype in (Incident, "Service Request") AND status != Closed ORDER BY key DESC',
          { fields: ['summary'] },
        ),
      );
    const body = await json(res);
    expect((body['issues'] as Array<{ key: string }>).map((i) => i.key)).toEqual(['ITR-4', 'ITR-2', 'ITR-1']);
    expect(body['isLast']).toBe(true);
  });

  it('compares datetime custom fields with now() and with literals, skipping empty values', async () => {
    const overdue = await json(
      await api
        .asApp()
        .requestJira(route`/rest/api/3/search/jql`, searchBody(`cf[10001] < now() ORDER BY key`, { fields: ['key'] })),
    );
    expect((overdue['issues'] as Array<{ key: string }>).map((i) => i.key)).toEqual(['ITR-1', 'ITR-3']);
    const before = await json(
      await api
        .asApp()
        .requestJira(
          route`/rest/api/3/search/jql`,
          searchBody(`"cf[10001]" <= "2026-03-01 00:00" ORDER BY key`, { fields: ['key'] }),
        ),
    );
    expect((before['issues'] as Array<{ key: string }>).map((i) => i.key)).toEqual(['ITR-1', 'ITR-3']);
  });

  it('reads date literals in the searching user’s time zone', async () => {
    // Alice is in Asia/Shanghai (UTC+8): "2026-03-01 08:00" there is 00:00 UTC.
    const res = await userCall(ALICE).requestJira(
      route`/rest/api/3/search/jql`,
      searchBody(`cf[10001] <= "2026-03-01 07:59"`, { fields: ['key'] }),
    );
    expect(((await json(res))['issues'] as Array<{ key: string }>).map((i) => i.key)).toEqual(['ITR-3']);
  });

  it('rejects an ISO-8601 date literal as Jira does', async () => {
    const res = await api
      .asApp()
      .requestJira(route`/rest/api/3/search/jql`, searchBody(`cf[10001] < "2026-03-01T00:00:00Z"`));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/Valid formats include/);
  });

  it('rejects unbounded queries', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/search/jql`, searchBody('ORDER BY key'));
    expect(res.status).toBe(400);
  });

  it('returns ids only by default and pages with nextPageToken', async () => {
    for (let n = 5; n <= 12; n++) jira.seedIssue({ key: `ITR-${n}` });
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const body = await json(
        await api
          .asApp()
          .requestJira(
            route`/rest/api/3/search/jql`,
            searchBody('project = ITR ORDER BY key', { maxResults: 5, ...(token ? { nextPageToken: token } : {}) }),
          ),
      );
      const issues = body['issues'] as Array<Record<string, unknown>>;
      expect(Object.keys(issues[0] ?? {})).toEqual(['id']);
      keys.push(...issues.map((i) => String(i['id'])));
      token = typeof body['nextPageToken'] === 'string' ? body['nextPageToken'] : undefined;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(keys).size).toBe(12);
  });

  it('hides issues of projects the user cannot browse; the app sees them', async () => {
    const asBob = await json(
      await userCall(BOB).requestJira(
        route`/rest/api/3/search/jql`,
        searchBody('issuetype = Incident', { fields: ['key'] }),
      ),
    );
    expect((asBob['issues'] as Array<{ key: string }>).map((i) => i.key).sort()).toEqual(['ITR-1', 'ITR-2']);
    const asApp = await json(
      await api
        .asApp()
        .requestJira(route`/rest/api/3/search/jql`, searchBody('issuetype = Incident', { fields: ['key'] })),
    );
    expect((asApp['issues'] as unknown[]).length).toBe(3);
  });

  it('answers 400 and records a violation for JQL the double does not support', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/search/jql`, searchBody('status WAS Open'));
    expect(res.status).toBe(400);
    expect(jira.takeViolations().map((v) => v.kind)).toEqual(['unsupported-jql']);
  });
});

describe('issues', () => {
  it('records whether a call was made as the app or as which user', async () => {
    await api.asApp().requestJira(route`/rest/api/3/issue/ITR-1`);
    await runtime.runAs(BOB, () => api.asUser().requestJira(route`/rest/api/3/issue/ITR-1`));
    expect(jira.calls.map((c) => [c.actor, c.accountId])).toEqual([
      ['app', undefined],
      ['user', BOB],
    ]);
  });

  it('answers 404 for an issue the user cannot see', async () => {
    const res = await userCall(BOB).requestJira(route`/rest/api/3/issue/SEC-1`);
    expect(res.status).toBe(404);
  });

  it('returns selected fields, properties and the changelog', async () => {
    jira.seedIssue({ key: 'ITR-9', properties: { 'itr.state': { line: 'L1' } } });
    const res = await api
      .asApp()
      .requestJira(route`/rest/api/3/issue/ITR-9?fields=status,${DEADLINE}&properties=itr.state&expand=changelog`);
    const body = await json(res);
    const fields = body['fields'] as Record<string, unknown>;
    expect(Object.keys(fields).sort()).toEqual([DEADLINE, 'status'].sort());
    expect(fields[DEADLINE]).toBeNull();
    expect(body['properties']).toEqual({ 'itr.state': { line: 'L1' } });
    expect(body['changelog']).toEqual({ startAt: 0, maxResults: 0, total: 0, histories: [] });
  });

  it('edits fields, logs the change, and refuses the app’s read-only fields', async () => {
    const ok = await userCall(BOB).requestJira(route`/rest/api/3/issue/ITR-1`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { summary: 'Printer on fire', assignee: { accountId: BOB } } }),
    });
    expect(ok.status).toBe(204);
    const issue = jira.issue('ITR-1');
    expect(issue.fields['summary']).toBe('Printer on fire');
    expect(issue.changelog[0]?.authorAccountId).toBe(BOB);
    expect(issue.changelog[0]?.items.map((i) => i.field).sort()).toEqual(['assignee', 'summary']);

    const refused = await api.asApp().requestJira(route`/rest/api/3/issue/ITR-1`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { [DEADLINE]: '2026-04-01T00:00:00.000+0000' } }),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/read-only app field/);
  });

  it('writes app field values in bulk (POST /rest/api/3/app/field/value) only as the app', async () => {
    const request = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        updates: [
          { customField: DEADLINE, issueIds: [Number(jira.issue('ITR-4').id)], value: '2026-04-01T12:00:00.789Z' },
        ],
      }),
    };
    expect((await userCall(ALICE).requestJira(route`/rest/api/3/app/field/value`, request)).status).toBe(403);
    expect((await api.asApp().requestJira(route`/rest/api/3/app/field/value`, request)).status).toBe(204);
    expect(jira.issue('ITR-4').fields[DEADLINE]).toBe('2026-04-01T12:00:00.000+0000');
    expect(jira.issue('ITR-4').changelog[0]?.authorAccountId).toBe(APP_ACCOUNT_ID);
  });

  it('creates issues, comments as the acting user, and transitions', async () => {
    const created = await userCall(ALICE).requestJira(route`/rest/api/3/issue`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'ITR' }, issuetype: { name: 'Incident' }, summary: 'New' } }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    expect(key).toBe('ITR-5');

    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'escalated to L2' }] }],
    };
    const comment = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/comment`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: doc }),
    });
    expect(comment.status).toBe(201);
    expect(((await comment.json()) as { author: { accountId: string } }).author.accountId).toBe(APP_ACCOUNT_ID);

    const transitions = await json(await api.asApp().requestJira(route`/rest/api/3/issue/${key}/transitions`));
    const resolve = (transitions['transitions'] as Array<{ id: string; name: string }>).find(
      (t) => t.name === 'Resolved',
    );
    const done = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/transitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ transition: { id: resolve?.id } }),
    });
    expect(done.status).toBe(204);
    expect(jira.issue(key).fields['status']).toEqual({ id: '5', name: 'Resolved' });
    expect(jira.issue(key).fields['resolution']).toEqual({ id: '10000', name: 'Done' });
  });

  it('stores issue properties with 201 then 200', async () => {
    const put = (): Promise<{ status: number }> =>
      api.asApp().requestJira(route`/rest/api/3/issue/ITR-1/properties/itr.state`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ line: 'L2' }),
      });
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    const got = await json(await api.asApp().requestJira(route`/rest/api/3/issue/ITR-1/properties/itr.state`));
    expect(got).toEqual({ key: 'itr.state', value: { line: 'L2' } });
  });
});

describe('users and permissions', () => {
  it('answers myself for the acting user, with groups on request', async () => {
    const me = await json(await userCall(ALICE).requestJira(route`/rest/api/3/myself?expand=groups`));
    expect(me).toMatchObject({
      accountId: ALICE,
      locale: 'zh_CN',
      groups: { size: 1, items: [{ name: 'jira-administrators' }] },
    });
  });

  it('answers mypermissions per project and the bulk check', async () => {
    const mine = await json(
      await userCall(BOB).requestJira(
        route`/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER&projectKey=SEC`,
      ),
    );
    expect(mine['permissions']).toMatchObject({
      BROWSE_PROJECTS: { havePermission: false },
      ADMINISTER: { havePermission: false },
    });
    const bulk = await json(
      await api.asApp().requestJira(route`/rest/api/3/permissions/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          accountId: ALICE,
          globalPermissions: ['ADMINISTER'],
          projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [Number(jira.issue('SEC-1').id)] }],
        }),
      }),
    );
    expect(bulk).toEqual({
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permission: 'EDIT_ISSUES', projects: [], issues: [Number(jira.issue('SEC-1').id)] }],
    });
  });

  it('answers 401 and flags an asUser call for a user nobody seeded', async () => {
    const res = await userCall('nobody').requestJira(route`/rest/api/3/myself`);
    expect(res.status).toBe(401);
    expect(jira.takeViolations().map((v) => v.kind)).toEqual(['unknown-user']);
  });
});

describe('notifications', () => {
  it('records issue notifications', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/ITR-2/notify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        subject: 'Escalated to L2',
        textBody: 'ITR-2 moved to L2',
        to: { assignee: true, users: [{ accountId: BOB }] },
      }),
    });
    expect(res.status).toBe(204);
    expect(jira.model.notifications).toEqual([
      expect.objectContaining({ issueKey: 'ITR-2', actorAccountId: APP_ACCOUNT_ID }),
    ]);
  });
});

describe('faults and counters', () => {
  it('adds latency to every request', async () => {
    jira.latencyMs = 30;
    const started = Date.now();
    await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('injects 429 with Retry-After on the chosen route and counts requests per route', async () => {
    jira.failNext(1, { status: 429, retryAfter: 2, route: 'GET /rest/api/3/serverInfo' });
    const first = await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await api.asApp().requestJira(route`/rest/api/3/serverInfo`)).status).toBe(200);
    expect(jira.countsByRoute()).toEqual({ 'GET /rest/api/3/serverInfo': 2 });
  });
});

describe('response validation (the double held to the spec)', () => {
  it('flags a body the documented schema rejects and an undocumented status', () => {
    const m = jira.spec.match('GET', '/rest/api/3/issue/ITR-1');
    if (m.kind !== 'matched') throw new Error('expected a match');
    const op = m.match.operation;
    expect(jira.spec.validateResponse(op, 200, { id: 10001, key: 'ITR-1' }, true)).toEqual([
      expect.stringMatching(/\/id must be string/),
    ]);
    expect(jira.spec.validateResponse(op, 200, { id: '10001', bogus: true }, true)).toEqual([
      expect.stringMatching(/additional properties "bogus"/),
    ]);
    expect(jira.spec.validateResponse(op, 418, {}, true)).toEqual([
      expect.stringMatching(/status 418 is not documented/),
    ]);
    expect(jira.spec.validateResponse(op, 200, { id: '10001', key: 'ITR-1', fields: {} }, true)).toEqual([]);
  });
});

describe('workflows drive transitions and Resolution', () => {
  const post = (path: ReturnType<typeof route>, body: unknown): Promise<APIResponse> =>
    api.asApp().requestJira(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  /** A small ITR-like workflow through `/workflows/create`, mapped to ITR's Incident type by a scheme. */
  async function createWorkflow(transitions: Array<Record<string, unknown>>): Promise<APIResponse> {
    return post(route`/rest/api/3/workflows/create`, {
      scope: { type: 'GLOBAL' },
      statuses: [
        { name: 'Accept', statusCategory: 'TODO', statusReference: 'accept' },
        { name: 'Working', statusCategory: 'IN_PROGRESS', statusReference: 'work' },
        { name: 'Fixed', statusCategory: 'DONE', statusReference: 'fixed' },
        { name: 'Shut', statusCategory: 'DONE', statusReference: 'shut' },
      ],
      workflows: [
        {
          name: 'Strict',
          statuses: ['accept', 'work', 'fixed', 'shut'].map((statusReference) => ({ statusReference, properties: {} })),
          transitions: [
            { id: '1', name: 'Create', type: 'INITIAL', toStatusReference: 'accept', links: [], properties: {} },
            ...transitions,
          ],
        },
      ],
    });
  }

  async function runOnStrict(transitions: Array<Record<string, unknown>>): Promise<void> {
    const made = await createWorkflow(transitions);
    expect(made.status).toBe(200);
    const incident = jira.model.issueTypes.find((t) => t.name === 'Incident')?.id ?? '';
    const scheme = await post(route`/rest/api/3/workflowscheme`, {
      name: 'Strict scheme',
      defaultWorkflow: 'jira',
      issueTypeMappings: { [incident]: 'Strict' },
    });
    expect(scheme.status).toBe(201);
    const project = jira.model.findProject('NEW');
    if (project === undefined) throw new Error('no project NEW');
    jira.model.site.workflowSchemeOfProject.set(project.id, ((await scheme.json()) as { id: number }).id);
  }

  const link = (from: string): { fromStatusReference: string } => ({ fromStatusReference: from });
  const transitionsOf = async (key: string): Promise<Array<{ id: string; name: string }>> =>
    (await json(await api.asApp().requestJira(route`/rest/api/3/issue/${key}/transitions`)))['transitions'] as Array<{
      id: string;
      name: string;
    }>;
  const transition = (key: string, body: unknown): Promise<APIResponse> =>
    post(route`/rest/api/3/issue/${key}/transitions`, body);

  beforeEach(() => {
    jira.seedProject({ key: 'NEW', name: 'New' });
  });

  it('offers and performs only the transitions the workflow has from the current status; a forced one is refused (400)', async () => {
    await runOnStrict([
      { id: '11', name: 'Start', type: 'DIRECTED', toStatusReference: 'work', links: [link('accept')] },
      { id: '21', name: 'Fix', type: 'DIRECTED', toStatusReference: 'fixed', links: [link('work')] },
    ]);
    const created = await post(route`/rest/api/3/issue`, {
      fields: { project: { key: 'NEW' }, issuetype: { name: 'Incident' }, summary: 'x' },
    });
    const { key } = (await created.json()) as { key: string };
    expect(jira.issue(key).fields['status']).toMatchObject({ name: 'Accept' }); // the initial transition's target
    expect((await transitionsOf(key)).map((t) => t.name)).toEqual(['Start']);
    const forced = await transition(key, { transition: { id: '21' } }); // Fix exists, but not from Accept
    expect(forced.status).toBe(400);
    expect(jira.issue(key).fields['status']).toMatchObject({ name: 'Accept' });
    expect((await transition(key, { transition: { id: '999' } })).status).toBe(400); // not in the workflow at all
    expect((await transition(key, {})).status).toBe(400); // no transition specified
    expect((await transition(key, { transition: { id: '11' } })).status).toBe(204);
    expect((await transitionsOf(key)).map((t) => t.name)).toEqual(['Fix']);
  });

  it('sets Resolution only through the workflow: a Done status without a rule leaves it empty', async () => {
    await runOnStrict([
      { id: '11', name: 'Start', type: 'DIRECTED', toStatusReference: 'work', links: [link('accept')] },
      { id: '21', name: 'Fix', type: 'DIRECTED', toStatusReference: 'fixed', links: [link('work')] },
    ]);
    jira.seedIssue({ key: 'NEW-1', issueType: 'Incident', status: 'Working' });
    expect((await transition('NEW-1', { transition: { id: '21' } })).status).toBe(204);
    expect(jira.issue('NEW-1').fields['status']).toMatchObject({ name: 'Fixed' });
    expect(jira.issue('NEW-1').fields['resolution']).toBeNull();
    expect(jira.issue('NEW-1').fields['resolutiondate']).toBeNull();
    // … and statusCategory still tells JQL it is done.
    const done = await json(
      await api
        .asApp()
        .requestJira(route`/rest/api/3/search/jql`, searchBody('project = NEW AND statusCategory = Done')),
    );
    expect((done['issues'] as unknown[]).length).toBe(1);
    const open = await json(
      await api
        .asApp()
        .requestJira(
          route`/rest/api/3/search/jql`,
          searchBody('project = NEW AND resolution IS EMPTY AND statusCategory != Done'),
        ),
    );
    expect(open['issues']).toEqual([]);
  });

  it('sets Resolution by a system:update-field post function and clears it by an empty one (reopen)', async () => {
    await runOnStrict([
      {
        id: '21',
        name: 'Fix',
        type: 'DIRECTED',
        toStatusReference: 'fixed',
        links: [link('work')],
        actions: [
          { ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '10000', mode: 'replace' } },
        ],
      },
      {
        id: '31',
        name: 'Reopen',
        type: 'DIRECTED',
        toStatusReference: 'work',
        links: [link('fixed')],
        actions: [{ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '', mode: 'replace' } }],
      },
    ]);
    jira.seedIssue({ key: 'NEW-1', issueType: 'Incident', status: 'Working' });
    expect((await transition('NEW-1', { transition: { id: '21' } })).status).toBe(204);
    expect(jira.issue('NEW-1').fields['resolution']).toEqual({ id: '10000', name: 'Done' });
    expect(jira.issue('NEW-1').fields['resolutiondate']).toBe('2026-03-02T10:00:00.000+0000');
    expect((await transition('NEW-1', { transition: { id: '31' } })).status).toBe(204);
    expect(jira.issue('NEW-1').fields['resolution']).toBeNull();
    expect(jira.issue('NEW-1').fields['resolutiondate']).toBeNull();
  });

  it('takes Resolution from the request only when the transition screen has it; any other field is refused', async () => {
    jira.model.site.screens.push({
      id: 7,
      name: 'Resolve screen',
      tabs: [{ id: 70, name: 'Tab', fieldIds: ['resolution'] }],
    });
    await runOnStrict([
      {
        id: '21',
        name: 'Fix',
        type: 'DIRECTED',
        toStatusReference: 'fixed',
        links: [link('work')],
        transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '7' } },
      },
      { id: '41', name: 'Shut', type: 'DIRECTED', toStatusReference: 'shut', links: [link('work')] },
    ]);
    jira.seedIssue({ key: 'NEW-1', issueType: 'Incident', status: 'Working' });
    const offScreen = await transition('NEW-1', { transition: { id: '41' }, fields: { resolution: { name: 'Done' } } });
    expect(offScreen.status).toBe(400);
    expect(await offScreen.json()).toMatchObject({
      errors: { resolution: expect.stringContaining('not on the appropriate screen') },
    });
    expect((await transition('NEW-1', { transition: { id: '21' }, fields: { summary: 'changed' } })).status).toBe(400);
    expect(
      (await transition('NEW-1', { transition: { id: '21' }, fields: { resolution: { name: 'Nope' } } })).status,
    ).toBe(400);
    expect(jira.issue('NEW-1').fields['status']).toMatchObject({ name: 'Working' });
    expect(
      (await transition('NEW-1', { transition: { id: '21' }, fields: { resolution: { name: "Won't Do" } } })).status,
    ).toBe(204);
    expect(jira.issue('NEW-1').fields['resolution']).toEqual({ id: '10001', name: "Won't Do" });
  });

  it('refuses a workflow whose rules the spec does not document, or that names a missing resolution or screen', async () => {
    const bad = async (t: Record<string, unknown>): Promise<number> =>
      (
        await createWorkflow([
          { id: '21', name: 'Fix', type: 'DIRECTED', toStatusReference: 'fixed', links: [link('work')], ...t },
        ])
      ).status;
    expect(await bad({ actions: [{ ruleKey: 'system:set-resolution', parameters: {} }] })).toBe(400);
    expect(await bad({ validators: [{ ruleKey: 'forge:validator', parameters: {} }] })).toBe(400);
    expect(
      await bad({ conditions: { operation: 'ALL', conditions: [{ ruleKey: 'app:condition', parameters: {} }] } }),
    ).toBe(400);
    expect(
      await bad({
        actions: [
          { ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '99999', mode: 'replace' } },
        ],
      }),
    ).toBe(400);
    expect(
      await bad({ transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '404' } } }),
    ).toBe(400);
    expect(jira.model.site.workflows).toEqual([]);
    const ok = await bad({
      validators: [
        {
          ruleKey: 'forge:expression-validator',
          parameters: { key: 'ari:cloud:ecosystem::extension/a/b/static/v', config: '{}' },
        },
      ],
    });
    expect(ok).toBe(200);
    const read = await json(await post(route`/rest/api/3/workflows`, { workflowNames: ['Strict'] }));
    expect(read['workflows']).toMatchObject([
      {
        transitions: expect.arrayContaining([
          expect.objectContaining({ validators: [expect.objectContaining({ ruleKey: 'forge:expression-validator' })] }),
        ]),
      },
    ]);
  });

  it('knows exactly the rule keys /workflows/capabilities documents', () => {
    const spec = JSON.parse(readFileSync(specPathFromEnv(), 'utf8')) as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    const text = spec.paths['/rest/api/3/workflows/capabilities']?.['get']?.description ?? '';
    const documented = new Set(
      [...text.matchAll(/"ruleKey"\s*:\s*"((?:system|connect|forge):[a-z-]+)"/g)].map((m) => m[1] ?? ''),
    );
    for (const k of [
      'connect:expression-condition',
      'connect:remote-workflow-function',
      'forge:expression-condition',
      'forge:workflow-post-function',
    ]) {
      expect(text).toContain(k); // listed in prose beside the example
      documented.add(k);
    }
    expect([...DOCUMENTED_RULE_KEYS].sort()).toEqual([...documented].sort());
  });

  it('keeps the default workflow as seeded: Done statuses set Resolution Done, the others clear it', async () => {
    const list = await transitionsOf('ITR-3');
    const reopen = list.find((t) => t.name === 'In Progress');
    expect((await transition('ITR-3', { transition: { id: reopen?.id } })).status).toBe(204);
    expect(jira.issue('ITR-3').fields['resolution']).toBeNull();
  });
});

describe('GET /issue/{id}/comment/{id} (getComment) and the commented event', () => {
  const doc = (text: string): Record<string, unknown> => ({
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  const addComment = (
    caller: { requestJira: RequestJira },
    key: string,
    body: Record<string, unknown>,
  ): Promise<APIResponse> =>
    caller.requestJira(route`/rest/api/3/issue/${key}/comment`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers the comment with its author, body and times; Jira fires avi:jira:commented:issue for it', async () => {
    jira.issueEvents.length = 0;
    const added = await json(await addComment(userCall(BOB), 'ITR-1', { body: doc('firmware 2.3.1') }));
    expect(jira.issueEvents).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:commented:issue',
        issueKey: 'ITR-1',
        causedBy: BOB,
        byApp: false,
        commentId: added['id'],
      }),
    ]);
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/ITR-1/comment/${String(added['id'])}`);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      id: added['id'],
      author: { accountId: BOB },
      body: doc('firmware 2.3.1'),
      created: '2026-03-02T10:00:00.000+0000',
    });
    expect(jira.takeViolations()).toEqual([]); // the answer matches the spec's Comment schema
  });

  it("the app's own comment fires the event as self-generated", async () => {
    jira.issueEvents.length = 0;
    expect((await addComment(api.asApp(), 'ITR-1', { body: doc('escalated') })).status).toBe(201);
    expect(jira.issueEvents).toEqual([expect.objectContaining({ eventType: 'avi:jira:commented:issue', byApp: true })]);
  });

  it('refuses as Jira does: 404 for an unknown comment, an issue the caller cannot browse, a restricted comment', async () => {
    const open = await json(await addComment(userCall(ALICE), 'ITR-1', { body: doc('hello') }));
    const secret = await json(await addComment(userCall(ALICE), 'SEC-1', { body: doc('secret') }));
    const restricted = await json(
      await addComment(userCall(ALICE), 'ITR-1', {
        body: doc('admins only'),
        visibility: { type: 'group', value: 'jira-administrators' },
      }),
    );
    const get = (caller: { requestJira: RequestJira }, key: string, id: unknown): Promise<APIResponse> =>
      caller.requestJira(route`/rest/api/3/issue/${key}/comment/${String(id)}`);
    expect((await get(userCall(BOB), 'ITR-1', open['id'])).status).toBe(200);
    expect((await get(userCall(BOB), 'ITR-1', '99999')).status).toBe(404);
    // A comment of another issue is not this issue's.
    expect((await get(userCall(ALICE), 'ITR-1', secret['id'])).status).toBe(404);
    expect((await get(userCall(BOB), 'SEC-1', secret['id'])).status).toBe(404);
    expect((await get(userCall(ALICE), 'SEC-1', secret['id'])).status).toBe(200);
    expect((await get(userCall(BOB), 'ITR-1', restricted['id'])).status).toBe(404);
    expect((await get(userCall(ALICE), 'ITR-1', restricted['id'])).status).toBe(200);
    expect((await get(userCall(BOB), 'NOPE-1', open['id'])).status).toBe(404);
  });
});
