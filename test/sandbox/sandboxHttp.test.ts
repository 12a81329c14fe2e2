/**
 * The sandbox over plain HTTP (no browser): Jira's REST API as the user chosen in the top bar, the demo
 * site's outsider and restricted project, and `invoke` reaching only the calling frame's own resolver.
 * Security probes use the same routes (see sandbox/README.md).
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_FIELD_IDS, OUTSIDER, SEC_BROWSERS } from '../../sandbox/demoSite';
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
