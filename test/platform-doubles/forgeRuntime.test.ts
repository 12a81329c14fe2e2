/** The platform globals as the real SDKs see them. */
import api, { getAppContext, route } from '@forge/api';
import Resolver from '@forge/resolver';
import { harness, invokeFunction, invokeResolver } from '../../platform-doubles/index';
import { ImpersonationRefusedError } from '../../platform-doubles/forgeRuntime';
import { manifestScopes, scopesOf } from '../../platform-doubles/manifestPermissions';

const { runtime, jira } = harness();

function forgeFetch(): (descriptor: unknown, path: string, init?: unknown) => Promise<Response> {
  return (globalThis as unknown as { __forge_fetch__: (d: unknown, p: string, i?: unknown) => Promise<Response> })
    .__forge_fetch__;
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
    await expect(forgeFetch()({ type: 'tpp', provider: 'github', remote: 'github' }, '/repos')).rejects.toThrow(
      /no double for descriptor/,
    );
  });

  it('refuses the bare requestJira(): asApp() or asUser() must be explicit', async () => {
    await expect(api.requestJira(route`/rest/api/3/myself`)).rejects.toThrow(/asApp\(\) or asUser\(\)/);
  });

  it('invokes a real @forge/resolver definition with the platform payload and the user as principal', async () => {
    jira.seedUser({ accountId: 'u-1', displayName: 'User One' });
    const resolver = new Resolver();
    resolver.define('whoAmI', async ({ payload, context }: { payload: unknown; context: unknown }) => {
      const res = await api.asUser().requestJira(route`/rest/api/3/myself`);
      const me = (await res.json()) as { displayName: string };
      return { payload, accountId: (context as { accountId?: string }).accountId, displayName: me.displayName };
    });
    const result = await invokeResolver(
      resolver.getDefinitions(),
      'whoAmI',
      { issueKey: 'ITR-1' },
      { accountId: 'u-1' },
    );
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
    const [x, y] = await Promise.all([
      invokeFunction(me, undefined, { accountId: 'a' }),
      invokeFunction(me, undefined, { accountId: 'b' }),
    ]);
    expect([x, y]).toEqual(['A', 'B']);
  });

  it('records every platform call with its backend and actor', async () => {
    await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
    expect(runtime.calls).toEqual([
      expect.objectContaining({
        backend: 'jira',
        actor: { kind: 'app' },
        method: 'GET',
        path: '/rest/api/3/serverInfo',
        status: 200,
      }),
    ]);
  });

  describe('user calls (forge-docs: manifest-reference/permissions, allowImpersonation)', () => {
    const me = (r: { json(): Promise<unknown> }): Promise<string> =>
      r.json().then((u) => (u as { accountId: string }).accountId);

    beforeEach(() => {
      jira.seedUser({ accountId: 'caller', displayName: 'Caller' });
      jira.seedUser({ accountId: 'victim', displayName: 'Victim' });
    });

    it('reads the real manifest: its scopes allow no impersonation', () => {
      const scopes = manifestScopes();
      expect(scopes.scopes).toContain('read:jira-work');
      expect(scopes.impersonationScopes).toEqual([]);
    });

    it('reads both documented shapes of permissions.scopes', () => {
      expect(scopesOf({ permissions: { scopes: ['read:jira-work'] } })).toEqual({
        scopes: ['read:jira-work'],
        impersonationScopes: [],
      });
      expect(
        scopesOf({
          permissions: {
            scopes: {
              'read:jira-work': { allowImpersonation: true },
              'write:jira-work': { allowImpersonation: false },
              'storage:app': {},
            },
          },
        }),
      ).toEqual({
        scopes: ['read:jira-work', 'write:jira-work', 'storage:app'],
        impersonationScopes: ['read:jira-work'],
      });
    });

    it('refuses asUser(accountId) when the manifest does not allow impersonation, even from a user invocation', async () => {
      const call = invokeFunction(() => api.asUser('victim').requestJira(route`/rest/api/3/myself`), undefined, {
        accountId: 'caller',
      });
      await expect(call).rejects.toBeInstanceOf(ImpersonationRefusedError);
      await expect(
        invokeFunction(() => api.asUser('caller').requestJira(route`/rest/api/3/myself`), undefined, {
          accountId: 'caller',
        }),
      ).rejects.toThrow(/offline user impersonation/);
      expect(jira.calls).toHaveLength(0);
    });

    it('asUser() with no argument acts as the invocation’s principal', async () => {
      const seen = await invokeFunction(
        () =>
          api
            .asUser()
            .requestJira(route`/rest/api/3/myself`)
            .then(me),
        undefined,
        { accountId: 'caller' },
      );
      expect(seen).toBe('caller');
      expect(runtime.calls[0]?.actor).toEqual({ kind: 'user', accountId: 'caller' });
    });

    it('asUser() outside any user invocation (a trigger, a consumer) is not authenticated', async () => {
      const res = await invokeFunction(() => api.asUser().requestJira(route`/rest/api/3/myself`), undefined);
      expect(res.status).toBe(401);
    });

    it('lets asUser(accountId) through only when a scope says allowImpersonation: true', async () => {
      runtime.setManifestScopes(
        scopesOf({ permissions: { scopes: { 'read:jira-user': { allowImpersonation: true } } } }),
      );
      const seen = await invokeFunction(
        () =>
          api
            .asUser('victim')
            .requestJira(route`/rest/api/3/myself`)
            .then(me),
        undefined,
      );
      expect(seen).toBe('victim');
    });
  });
});
