/**
 * The Forge platform boundary, rebuilt for tests.
 *
 * The real `@forge/*` SDKs never open sockets themselves: they call two globals that Atlassian's
 * runtime wrapper installs before the app's code loads.
 *  - `global.__forge_fetch__(descriptor, path, init)` → WHATWG `Response`. The descriptor says where
 *    the call goes (`{type:'fpp', provider:'app'|'user', remote:'jira'}` for `requestJira`,
 *    `{type:'fpp', remote:'stargate'}` for `@forge/events`, `{type:'kvs'}`, `{type:'sql'}`).
 *  - `global.__forge_runtime__`: appContext, proxy, metrics, tracing, lambdaContext, principal.
 * This module installs both and routes each call by its descriptor to a backend (the Jira double, the
 * queue double, the KVS double, the SQL bridge). A descriptor nobody handles throws: an app that
 * starts talking to a new remote must get a double for it, never a silent success.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { type DoubleRequest, isRecord, toDoubleRequest, toForgeFetchInit } from './http';
import { manifestScopes, type ManifestScopes } from './manifestPermissions';

/** The first argument of `__forge_fetch__`, as the SDKs build it. */
export interface FetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
  service?: string;
}

/**
 * Who a product call acts as. `asApp()` calls act as the app; `asUser()` acts as the invocation's
 * principal; `asUser(id)` (impersonation) acts as `id` only where the manifest allows it.
 */
export type Actor = { kind: 'app' } | { kind: 'user'; accountId: string | undefined };

export interface RoutedRequest extends DoubleRequest {
  descriptor: FetchDescriptor;
  actor: Actor;
}

export type Backend = (req: RoutedRequest) => Promise<Response>;

export type BackendName = 'jira' | 'queue' | 'appEvents' | 'kvs' | 'sql';

export interface HarnessAppContext {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  invocationId: string;
  installationId: string;
  moduleKey: string;
  license: { isActive: boolean } | undefined;
  installation: { id: string; contexts?: unknown[] } | undefined;
  permissions: { scopes: string[]; external: Record<string, unknown> };
}

/** One platform call, as recorded for assertions ("which remote, as whom, which path"). */
export interface PlatformCall {
  backend: BackendName;
  descriptor: FetchDescriptor;
  actor: Actor;
  method: string;
  path: string;
  status: number;
}

export interface MetricEvent {
  kind: 'counter' | 'timing' | 'gauge' | 'histogram';
  name: string;
  tags: Record<string, string> | undefined;
  value?: number;
}

/** Remaining invocation time: a fixed number, or a function (e.g. a countdown). */
export type RemainingTime = number | (() => number);

/** Forge's default function timeout (25 s), used when a test sets nothing. */
export const DEFAULT_REMAINING_TIME_MS = 25_000;

export const HARNESS_SITE_ID = '00000000-0000-4000-8000-000000000001';
export const HARNESS_CLOUD_ARI = `ari:cloud:jira::site/${HARNESS_SITE_ID}`;
export const HARNESS_APP_ID = '11111111-2222-4333-8444-555555555555';
export const HARNESS_ENVIRONMENT_ID = '66666666-7777-4888-8999-000000000000';

function defaultAppContext(): HarnessAppContext {
  return {
    appId: HARNESS_APP_ID,
    appVersion: '1.0.0',
    environmentId: HARNESS_ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    invocationId: randomUUID(),
    installationId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    moduleKey: 'itr-test-module',
    license: { isActive: true },
    installation: { id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', contexts: [HARNESS_CLOUD_ARI] },
    permissions: { scopes: [], external: {} },
  };
}

function toDescriptor(raw: unknown): FetchDescriptor {
  if (!isRecord(raw) || typeof raw['type'] !== 'string') {
    throw new Error(`[forge harness] __forge_fetch__ called with a malformed descriptor: ${JSON.stringify(raw)}`);
  }
  const pick = (k: string): string | undefined => {
    const v = raw[k];
    return typeof v === 'string' ? v : undefined;
  };
  const d: FetchDescriptor = { type: raw['type'] };
  const provider = pick('provider');
  const remote = pick('remote');
  const accountId = pick('accountId');
  const contextAri = pick('contextAri');
  const service = pick('service');
  if (provider !== undefined) d.provider = provider;
  if (remote !== undefined) d.remote = remote;
  if (accountId !== undefined) d.accountId = accountId;
  if (contextAri !== undefined) d.contextAri = contextAri;
  if (service !== undefined) d.service = service;
  return d;
}

/** `asUser(accountId)` without `allowImpersonation` on any scope of the manifest. */
export class ImpersonationRefusedError extends Error {
  readonly code = 'IMPERSONATION_NOT_ALLOWED';
  constructor(
    readonly accountId: string,
    descriptor: FetchDescriptor,
  ) {
    super(
      `[forge harness] asUser('${accountId}') on ${JSON.stringify(descriptor)} is offline user impersonation: ` +
        'the manifest declares no scope with allowImpersonation: true. Call asUser() (the invoking user) or asApp().',
    );
    this.name = 'ImpersonationRefusedError';
  }
}

export class ForgeRuntimeHarness {
  appContext: HarnessAppContext = defaultAppContext();
  readonly calls: PlatformCall[] = [];
  readonly metrics: MetricEvent[] = [];
  private readonly backends = new Map<BackendName, Backend>();
  private readonly principalScope = new AsyncLocalStorage<{ accountId: string | undefined }>();
  private defaultPrincipal: string | undefined;
  private remainingTime: RemainingTime = DEFAULT_REMAINING_TIME_MS;
  private scopes: ManifestScopes = manifestScopes();

  setBackend(name: BackendName, backend: Backend): void {
    this.backends.set(name, backend);
  }

  /** Resets per-test state (principal, time, logs, app context); backends stay registered. */
  reset(): void {
    this.appContext = defaultAppContext();
    this.calls.length = 0;
    this.metrics.length = 0;
    this.defaultPrincipal = undefined;
    this.remainingTime = DEFAULT_REMAINING_TIME_MS;
    this.scopes = manifestScopes();
  }

  /** Overrides the manifest's `permissions.scopes` for this test (reset() reads manifest.yml again). */
  setManifestScopes(scopes: ManifestScopes): void {
    this.scopes = { scopes: [...scopes.scopes], impersonationScopes: [...scopes.impersonationScopes] };
  }

  /** The principal for code running outside `runAs` (a resolver call from a user, say). */
  setPrincipal(accountId: string | undefined): void {
    this.defaultPrincipal = accountId;
  }

  /**
   * Runs `fn` as `accountId` (the invocation's principal). Scoped with AsyncLocalStorage so that
   * concurrent invocations in one test do not see each other's user.
   */
  runAs<T>(accountId: string | undefined, fn: () => Promise<T>): Promise<T> {
    return this.principalScope.run({ accountId }, fn);
  }

  get principalAccountId(): string | undefined {
    const scoped = this.principalScope.getStore();
    return scoped ? scoped.accountId : this.defaultPrincipal;
  }

  /** What `getAppContext().invocationRemainingTimeInMillis()` answers. */
  setRemainingTimeMillis(value: RemainingTime): void {
    this.remainingTime = value;
  }

  /**
   * Makes the remaining time fall by `stepMs` on every query, starting at `startMs`: a loop that
   * checks the time before each unit of work runs out after about `startMs / stepMs` units,
   * deterministically, without touching the clock.
   */
  countdown(startMs: number, stepMs: number): void {
    let left = startMs;
    this.remainingTime = () => {
      const now = left;
      left = Math.max(0, left - stepMs);
      return now;
    };
  }

  getRemainingTimeInMillis(): number {
    return typeof this.remainingTime === 'function' ? this.remainingTime() : this.remainingTime;
  }

  /** Installs the two globals. Must run before any `@forge/*` module is first loaded. */
  install(): void {
    const g = globalThis as Record<string, unknown>;
    g['__forge_fetch__'] = (descriptor: unknown, path: unknown, init: unknown): Promise<Response> =>
      this.fetch(descriptor, path, init);
    g['__forge_runtime__'] = this.buildRuntimeObject();
  }

  private buildRuntimeObject(): Record<string, unknown> {
    // The runtime object is read by the SDKs at call time (except @forge/kvs, which looks at
    // `kvs.url` once at import): getters let tests change the principal, time and app context later.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below have their own `this`
    const self = this;
    const noopTimer = { stop: (): void => undefined };
    return {
      get appContext() {
        return self.appContext;
      },
      get principal() {
        const accountId = self.principalAccountId;
        return accountId === undefined ? undefined : { accountId };
      },
      contextAri: HARNESS_CLOUD_ARI,
      proxy: { token: 'forge-harness-token', url: 'https://forge-harness.invalid' },
      tracing: { traceId: 'harness-trace', spanId: 'harness-span' },
      lambdaContext: {
        getRemainingTimeInMillis: (): number => self.getRemainingTimeInMillis(),
      },
      metrics: {
        counter: (name: string, tags?: Record<string, string>) => ({
          incr: (): void => {
            self.metrics.push({ kind: 'counter', name, tags });
          },
          decr: (): void => {
            self.metrics.push({ kind: 'counter', name, tags, value: -1 });
          },
        }),
        timing: (name: string, tags?: Record<string, string>) => ({
          measure: () => {
            self.metrics.push({ kind: 'timing', name, tags });
            return noopTimer;
          },
        }),
        gauge: (name: string, tags?: Record<string, string>) => ({
          set: (value: number): void => {
            self.metrics.push({ kind: 'gauge', name, tags, value });
          },
        }),
        histogram: (name: string, tags?: Record<string, string>) => ({
          record: (value: number): void => {
            self.metrics.push({ kind: 'histogram', name, tags, value });
          },
        }),
      },
    };
  }

  private backendFor(d: FetchDescriptor, path: string): BackendName {
    if (d.type === 'fpp' && d.remote === 'jira') return 'jira';
    if (d.type === 'fpp' && d.remote === 'stargate' && path.startsWith('/webhook/queue/')) return 'queue';
    if (d.type === 'fpp' && d.remote === 'stargate' && path === '/forge/events/v1/app-events') return 'appEvents';
    if (d.type === 'kvs') return 'kvs';
    if (d.type === 'sql') return 'sql';
    throw new Error(
      `[forge harness] no double for descriptor ${JSON.stringify(d)} (path ${path}). ` +
        'Add a backend to platform-doubles before the app uses this remote.',
    );
  }

  private actorFor(d: FetchDescriptor): Actor {
    if (d.provider === 'user' && d.accountId !== undefined) return this.impersonate(d, d.accountId);
    if (d.provider === 'user') return { kind: 'user', accountId: this.principalAccountId };
    if (d.provider === 'app' || d.type === 'kvs' || d.type === 'sql') return { kind: 'app' };
    throw new Error(
      `[forge harness] provider "${String(d.provider)}" on ${JSON.stringify(d)}: call asApp() or asUser() ` +
        'explicitly; the bare requestJira() has no defined actor in a backend function.',
    );
  }

  /**
   * `asUser(accountId)` puts the id in the descriptor: offline user impersonation, allowed only for
   * scopes the manifest declares with `allowImpersonation: true`. Which scope a route needs is not
   * modelled: any such scope lets the call through. The platform's exact refusal is undocumented, so
   * the double throws (its own choice): loud in every test.
   */
  private impersonate(d: FetchDescriptor, accountId: string): Actor {
    // forge-docs: manifest-reference/permissions (allowImpersonation), security (user impersonation)
    if (this.scopes.impersonationScopes.length > 0) return { kind: 'user', accountId };
    throw new ImpersonationRefusedError(accountId, d);
  }

  private async fetch(rawDescriptor: unknown, rawPath: unknown, rawInit: unknown): Promise<Response> {
    const descriptor = toDescriptor(rawDescriptor);
    if (typeof rawPath !== 'string') throw new Error(`[forge harness] path must be a string, got ${typeof rawPath}`);
    const name = this.backendFor(descriptor, rawPath);
    const actor = this.actorFor(descriptor);
    const backend = this.backends.get(name);
    if (!backend) throw new Error(`[forge harness] backend "${name}" is not registered (path ${rawPath})`);
    const req = toDoubleRequest(rawPath, toForgeFetchInit(rawInit));
    const response = await backend({ ...req, descriptor, actor });
    this.calls.push({ backend: name, descriptor, actor, method: req.method, path: rawPath, status: response.status });
    return response;
  }
}
