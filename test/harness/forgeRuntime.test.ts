/** The platform globals as the real SDKs see them. */
import api, { getAppContext, route } from '@forge/api';
import Resolver from '@forge/resolver';
import { harness, invokeFunction, invokeResolver } from './index';

const { runtime, jira } = harness();

function forgeFetch(): (descriptor: unknown, path: string, init?: unknown) => Promise<Response> {
  return (globalThis as unknown as { __forge_fetch__: (d: unknown, p: string, i?: unknown) => Promise<Response> }).__forge_fetch__;
}

describe('forge runtime harness', () => {
  it('serves getAppContext() from the harness app context', () => {
    const ctx = getAppContext();
    expect(String(ctx.appAri)).toBe(`ari:cloud:ecosystem::app/${runtime.appContext.appId}`);
    expect(String(ctx.installationAri)).toBe(`ari:cloud:ecosystem::installation/${runtime.appContext.installationId}`);
    expect(ctx.moduleKey).toBe('itr-test-module');
    expect(ctx.invocationRemainingTimeInMillis()).toBe(25_000);
  });

  it('lets a test run the remaining time down deterministically', () => {
    runtime.countdown(1_000, 300);
    const seen: number[] = [];
    while (getAppContext().invocationRemainingTimeInMillis() > 0) seen.push(runtime.getRemainingTimeInMillis());
    expect(seen).toEqual([700, 100]);
  });

  it('throws loudly for a descriptor no double handles', async () => {
    await expect(forgeFetch()({ type: 'tpp', provider: 'github', remote: 'github' }, '/repos')).rejects.toThrow(/no double for descriptor/);
  });

  it('refuses the bare requestJira(): asApp() or asUser() must be explicit', async () => {
    await expect(api.requestJira(route`/rest/api/3/myself`)).rejects.toThrow(/asApp\(\) or asUser\(\)/);
  });

  it('invokes a real @forge/resolver definition with the platform payload and the user as principal', async () => {
    jira.seedUser({ accountId: 'u-1', displayName: 'User One' });
    const resolver = new Resolver();
    resolver.define('whoAmI', async ({ payload, context }) => {
      const res = await api.asUser().requestJira(route`/rest/api/3/myself`);
      const me = (await res.json()) as { displayName: string };
      return { payload, accountId: (context as { accountId?: string }).accountId, displayName: me.displayName };
    });
    const result = await invokeResolver(resolver.getDefinitions(), 'whoAmI', { issueKey: 'ITR-1' }, { accountId: 'u-1' });
    expect(result).toEqual({ payload: { issueKey: 'ITR-1' }, accountId: 'u-1', displayName: 'User One' });
  });

  it('keeps concurrent invocations’ principals apart', async () => {
    jira.seedUser({ accountId: 'a', displayName: 'A' });
    jira.seedUser({ accountId: 'b', displayName: 'B' });
    const me = (): Promise<string> =>
      api
        .asUser()
        .requestJira(route`/rest/api/3/myself`)
        .then((r) => r.json() as Promise<{ displayName: string }>)
        .then((u) => u.displayName);
    const [x, y] = await Promise.all([invokeFunction(me, undefined, { accountId: 'a' }), invokeFunction(me, undefined, { accountId: 'b' })]);
    expect([x, y]).toEqual(['A', 'B']);
  });

  it('records every platform call with its backend and actor', async () => {
    await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
    expect(runtime.calls).toEqual([expect.objectContaining({ backend: 'jira', actor: { kind: 'app' }, method: 'GET', path: '/rest/api/3/serverInfo', status: 200 })]);
  });
});
