/**
 * The sandbox over plain HTTP (no browser): Jira's REST API as the user chosen in the top bar, the demo
 * site's outsider and restricted project, `invoke` reaching only the calling frame's own resolver, and
 * the full pages at Jira's URLs with the sidebar of their subpages.
 * Security probes use the same routes (see sandbox/README.md).
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_FIELD_IDS, OUTSIDER, SEC_BROWSERS } from '../../sandbox/demoSite';
import { HARNESS_APP_ID, HARNESS_ENVIRONMENT_ID } from '../../platform-doubles/forgeRuntime';
import { cookieOf, demoAccountId as byName, invokeAs, restAs } from './sandboxHttp';

const ANNA = byName('Anna Schmidt');
const TOM = byName('Tom Baker');
const ADMIN = byName('陈静');

let sandbox: RunningSandbox;

beforeEach(async () => {
  // The harness resets the doubles before each test: a fresh demo site per test.
  sandbox = await startSandbox({ port: 0, demoHistory: false, log: () => undefined });
});

afterEach(async () => {
  await sandbox.stop();
});

const rest = (accountId: string, method: string, path: string, body?: unknown) =>
  restAs(sandbox.url, accountId, method, path, body);

async function invoke(
  accountId: string,
  frame: { moduleKey: string; issueKey?: string },
  functionKey: string,
  payload: unknown = {},
): Promise<{ status: number; json: unknown }> {
  const { status, text } = await invokeAs(sandbox.url, accountId, frame, functionKey, payload);
  return { status, json: JSON.parse(text) as unknown };
}

describe('demo site: an outsider and a restricted project', () => {
  it('lets only SEC_BROWSERS browse SEC, and the outsider no ITR project', async () => {
    expect(SEC_BROWSERS).toContain(ANNA);
    expect(SEC_BROWSERS).not.toContain(TOM);
    const keys = async (who: string): Promise<string[]> =>
      ((await rest(who, 'GET', '/rest/api/3/project/search')).json as { values: Array<{ key: string }> }).values
        .map((p) => p.key)
        .sort();
    expect(await keys(ANNA)).toEqual(expect.arrayContaining(['FLD', 'ITR', 'NET', 'SEC']));
    expect(await keys(TOM)).toEqual(expect.arrayContaining(['FLD', 'ITR', 'NET']));
    expect(await keys(TOM)).not.toContain('SEC');
    expect((await keys(OUTSIDER)).filter((k) => ['ITR', 'NET', 'FLD', 'SEC'].includes(k))).toEqual([]);
  });

  it('keeps the restricted project off the home page of who may not browse it', async () => {
    const home = async (who: string): Promise<string> =>
      (await fetch(`${sandbox.url}/`, { headers: { cookie: cookieOf(who) } })).text();
    expect(await home(ANNA)).toContain('/browse/SEC-1');
    expect(await home(TOM)).not.toContain('SEC-1');
    expect(await home(OUTSIDER)).not.toMatch(/\/browse\/(ITR|NET|FLD|SEC)-/);
  });
});

describe('/rest/api/3 as the acting user', () => {
  it('answers as the user of the cookie', async () => {
    expect(((await rest(TOM, 'GET', '/rest/api/3/myself')).json as { accountId: string }).accountId).toBe(TOM);
    expect(((await rest(OUTSIDER, 'GET', '/rest/api/3/myself')).json as { accountId: string }).accountId).toBe(
      OUTSIDER,
    );
  });

  it('shows an issue only to who may browse it, as Jira does (404 otherwise)', async () => {
    expect((await rest(ANNA, 'GET', '/rest/api/3/issue/SEC-1?fields=summary')).status).toBe(200);
    expect((await rest(TOM, 'GET', '/rest/api/3/issue/SEC-1?fields=summary')).status).toBe(404);
    expect((await rest(OUTSIDER, 'GET', '/rest/api/3/issue/ITR-1?fields=summary')).status).toBe(404);
    expect((await rest(TOM, 'GET', '/rest/api/3/issue/ITR-1?fields=summary')).status).toBe(200);
  });

  it('searches only what the user may browse', async () => {
    const found = async (who: string): Promise<string[]> => {
      const r = await rest(who, 'POST', '/rest/api/3/search/jql', {
        jql: 'summary ~ "admin"',
        fields: ['summary'],
        maxResults: 100,
      });
      expect(r.status).toBe(200);
      return (r.json as { issues: Array<{ key: string }> }).issues.map((i) => i.key);
    };
    expect(await found(ANNA)).toContain('SEC-1');
    expect(await found(TOM)).not.toContain('SEC-1');
    expect(await found(OUTSIDER)).toEqual([]);
  });

  it('writes as the user: an editor may set an issue property, who may not browse the issue may not', async () => {
    expect((await rest(TOM, 'PUT', '/rest/api/3/issue/SEC-1/properties/probe', { x: 1 })).status).toBe(404);
    expect(sandbox.harness.jira.issue('SEC-1').properties.get('probe')).toBeUndefined();
    expect((await rest(ANNA, 'PUT', '/rest/api/3/issue/SEC-1/properties/probe', { x: 1 })).status).toBeLessThan(300);
    expect(sandbox.harness.jira.issue('SEC-1').properties.get('probe')).toEqual({ x: 1 });
  });

  it('announces a created issue to the app’s triggers, as Jira would (the submitter is recorded)', async () => {
    const created = await rest(TOM, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ITR' }, issuetype: { name: 'Task' }, summary: 'Filed from the REST console' },
    });
    expect(created.status).toBe(201);
    const key = (created.json as { key: string }).key;
    expect(sandbox.harness.jira.issue(key).fields[DEMO_FIELD_IDS.submitter]).toEqual(
      expect.objectContaining({ accountId: TOM }),
    );
  });

  it('refuses creating an issue in a project the user may not browse', async () => {
    const created = await rest(OUTSIDER, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ITR' }, issuetype: { name: 'Task' }, summary: 'Outsider was here' },
    });
    expect(created.status).toBeGreaterThanOrEqual(400);
    expect(
      [...sandbox.harness.jira.model.issues.values()].some((i) => i.fields['summary'] === 'Outsider was here'),
    ).toBe(false);
  });

  it('refuses a write that is not JSON (Jira’s XSRF check)', async () => {
    const res = await fetch(`${sandbox.url}/rest/api/3/issue/ITR-1/properties/probe`, {
      method: 'PUT',
      headers: { cookie: cookieOf(ANNA), 'content-type': 'text/plain' },
      body: '{"x":1}',
    });
    expect(res.status).toBe(415);
    expect(sandbox.harness.jira.issue('ITR-1').properties.get('probe')).toBeUndefined();
  });

  it('records a request outside Jira’s REST spec as a contract violation', async () => {
    expect((await rest(ANNA, 'GET', '/rest/api/3/no-such-resource')).status).toBe(404);
    expect(sandbox.harness.jira.takeViolations().map((v) => v.kind)).toEqual(['unknown-route']);
  });
});

describe('invoke over the bridge reaches only the calling frame’s resolver', () => {
  it.each([
    'issue-created-trigger',
    'escalation-sweep-trigger',
    'regrade-queue-consumer',
    'analytics-backfill-queue-consumer',
  ])('refuses a frame claiming %s (no resolver)', async (moduleKey) => {
    const r = await invoke(ADMIN, { moduleKey }, 'anything');
    expect(r.status).toBe(403);
  });

  it('refuses an unknown module', async () => {
    expect((await invoke(ADMIN, { moduleKey: 'no-such-module' }, 'getIssueItrState')).status).toBe(400);
  });

  it('does not reach another module’s resolver through this frame', async () => {
    const r = await invoke(ADMIN, { moduleKey: 'itr-issue-panel', issueKey: 'ITR-1' }, 'runSetup', {
      projectKeys: ['ITR'],
    });
    expect(r.status).toBe(404);
  });

  it('refuses an admin page’s frame to a non-administrator', async () => {
    expect((await invoke(ANNA, { moduleKey: 'itr-setup' }, 'getSetupStatus')).status).toBe(403);
    expect((await invoke(ADMIN, { moduleKey: 'itr-setup' }, 'getSetupStatus')).status).toBe(200);
  });

  it('gives an issue frame only to who may browse the issue', async () => {
    expect(
      (
        await invoke(TOM, { moduleKey: 'itr-issue-panel', issueKey: 'SEC-1' }, 'getIssueItrState', {
          issueKey: 'SEC-1',
        })
      ).status,
    ).toBe(404);
    const ok = await invoke(ANNA, { moduleKey: 'itr-issue-panel', issueKey: 'SEC-1' }, 'getIssueItrState', {
      issueKey: 'SEC-1',
    });
    expect(ok.status).toBe(200);
    expect((ok.json as { result: { success: boolean } }).result.success).toBe(true);
  });
});

describe('full pages at Jira’s URLs, with their subpages', () => {
  const [appId, environmentId] = [HARNESS_APP_ID, HARNESS_ENVIRONMENT_ID];
  const get = (who: string, path: string) =>
    fetch(`${sandbox.url}${path}`, { headers: { cookie: cookieOf(who) }, redirect: 'manual' });
  const bridge = async (
    who: string,
    name: string,
    moduleKey: string,
    issueKey: string | null = null,
    payload: unknown = null,
  ) => {
    const res = await fetch(`${sandbox.url}/__bridge`, {
      method: 'POST',
      headers: { cookie: cookieOf(who), 'content-type': 'application/json' },
      body: JSON.stringify({ name, payload, frame: { moduleKey, issueKey, projectKey: null } }),
    });
    return { status: res.status, json: (await res.json()) as { result?: unknown } };
  };

  it('sends `/apps/<moduleKey>[/<route>]` of a full page to Jira’s URL, keeping the route', async () => {
    const home = await get(TOM, '/apps/itr-home/return-visits');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe(`/jira/apps/${appId}/${environmentId}/return-visits`);
    expect((await get(ADMIN, '/apps/itr-grading-admin')).headers.get('location')).toBe(
      `/jira/settings/apps/${appId}/${environmentId}`,
    );
    expect((await get(ADMIN, '/apps/itr-setup')).headers.get('location')).toBe(
      `/jira/settings/apps/get-started/${appId}/${environmentId}`,
    );
    // A project page stays where it was.
    expect((await get(TOM, '/apps/itr-supervision?project=ITR')).status).toBe(200);
  });

  it('draws Jira’s sidebar of the module’s pages, the current one marked, in the user’s language', async () => {
    const html = await (await get(TOM, `/jira/apps/${appId}/${environmentId}/case-library`)).text();
    const links = [...html.matchAll(/<a href="([^"]+)" data-route="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)];
    expect(links.map((l) => [l[1], l[4], l[3] !== undefined])).toEqual([
      [`/jira/apps/${appId}/${environmentId}/triage`, 'Triage', false],
      [`/jira/apps/${appId}/${environmentId}/case-library`, 'Case library', true],
      [`/jira/apps/${appId}/${environmentId}/return-visits`, 'Return visits', false],
    ]);
    // The module's own URL shows its first subpage, as the app does.
    expect(await (await get(TOM, `/jira/apps/${appId}/${environmentId}`)).text()).toContain(
      'data-route="triage" aria-current="page"',
    );
    const zh = await fetch(`${sandbox.url}/jira/settings/apps/${appId}/${environmentId}/closing`, {
      headers: {
        cookie: `itr_sandbox=${encodeURIComponent(new URLSearchParams({ accountId: ADMIN, lang: 'zh-CN', theme: 'dark' }).toString())}`,
      },
    });
    expect(await zh.text()).toContain('data-route="closing" aria-current="page">回访与关闭</a>');
  });

  it('answers 404 for another app’s or environment’s URL, and a route on a page without subpages', async () => {
    expect((await get(TOM, `/jira/apps/${appId}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await get(ADMIN, `/jira/settings/apps/get-started/${appId}/${environmentId}/more`)).status).toBe(404);
  });

  it('opens the admin page only to administrators, on every subpage', async () => {
    expect((await get(TOM, `/jira/settings/apps/${appId}/${environmentId}/closing`)).status).toBe(403);
    expect((await get(ADMIN, `/jira/settings/apps/${appId}/${environmentId}/closing`)).status).toBe(200);
  });

  it('gives view.createHistory to full pages only, routed below the module’s URL', async () => {
    expect(await bridge(TOM, 'createHistory', 'itr-home')).toEqual({
      status: 200,
      json: expect.objectContaining({ result: { basePath: `/jira/apps/${appId}/${environmentId}` } }),
    });
    expect((await bridge(ADMIN, 'createHistory', 'itr-grading-admin')).json.result).toEqual({
      basePath: `/jira/settings/apps/${appId}/${environmentId}`,
    });
    expect((await bridge(TOM, 'createHistory', 'itr-issue-panel', 'ITR-1')).status).toBe(400);
    expect((await bridge(TOM, 'createHistory', 'itr-supervision-gadget')).status).toBe(400);
  });

  it('router.navigate to a page module goes to its URL plus `path`; an unknown module or a bare path is refused', async () => {
    const go = (payload: unknown) => bridge(TOM, 'navigate', 'itr-issue-panel', 'ITR-1', payload);
    expect((await go({ target: 'module', moduleKey: 'itr-home', path: '/return-visits' })).json.result).toMatchObject({
      url: `/jira/apps/${appId}/${environmentId}/return-visits`,
    });
    expect((await go({ target: 'module', moduleKey: 'itr-return-visits' })).status).toBe(400);
    expect((await go({ target: 'module', moduleKey: 'itr-issue-panel' })).status).toBe(400);
    expect((await go({ target: 'module', moduleKey: 'itr-home', path: 'return-visits' })).status).toBe(400);
  });
});
