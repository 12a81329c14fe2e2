/**
 * The sandbox host: a Jira-shaped web site running the REAL app (src/index.ts, the handlers the
 * manifest names) on the same platform doubles as the tests (platform-doubles: Jira double checked
 * against the OpenAPI spec, KVS, queue, Forge SQL on MariaDB).
 *
 *   startSandbox({ port, speed }) → { url, stop }
 *
 * Order matters: the harness globals are installed before any app module or `@forge/*` SDK is
 * loaded (see test/harness/setup.ts), so app code and `@forge/api` are `require`d lazily here.
 * Under jest the harness is already installed by setupFiles and `installHarness()` returns it.
 *
 * What the host does, as Jira would (the wiring is here; each part has its own module):
 *  - pages (routes/pages.ts, pages/): `/` (projects, issues, create), `/browse/<KEY>` (issue view with
 *    the app's fields and issue-view modules in iframes), `/apps/<moduleKey>` (any page module);
 *  - `/static/<resource>/…` (routes/customUi.ts): the Custom UI builds, with `window.__bridge`
 *    injected before the app's scripts; `/__bridge` (bridge.ts) answers getContext, invoke (the real
 *    resolver), enableTheming, and no-ops for the view calls (refresh, close, …);
 *  - `/rest/api/3/…` (routes/rest.ts; GET, POST, PUT, DELETE): Jira's REST API as the user chosen in
 *    the top bar, like a browser console on a real site (the Jira double answers with their permissions);
 *  - product events (productEvents.ts): user actions go to the Jira double as that user, then the
 *    manifest's `trigger` modules subscribed to the event are called with a Forge-shaped payload;
 *  - `scheduledTrigger` modules run on the sandbox clock (scheduledTriggers.ts), `consumer` modules
 *    take the queue's pushes inline (queueConsumers.ts).
 */
import { createServer } from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { installHarness, type Harness } from '../platform-doubles';
import { manifestCustomUiCsp } from '../platform-doubles/customUiCsp';
import { createClock, type SandboxClock } from './clock';
import { seedAppDemoData } from './demoAppData';
import { HANDOFF_PROJECTS } from './demoHistory';
import { setUpDemoSite } from './demoSetup';
import { seedDemoDirectory } from './demoSite';
import { answerError } from './http';
import { loadManifest } from './manifest';
import { registerTriggers } from './productEvents';
import { registerConsumers } from './queueConsumers';
import { bridgeRoutes } from './routes/bridge';
import { customUiRoutes } from './routes/customUi';
import { formRoutes } from './routes/forms';
import { hostAssetRoutes } from './routes/hostAssets';
import { pageRoutes } from './routes/pages';
import { restRoutes } from './routes/rest';
import { dispatch, type Route } from './routes/route';
import { workflowRuleRoutes } from './routes/workflowRule';
import { scheduleTriggers } from './scheduledTriggers';
import { REPO_ROOT, SandboxSite, type AppExports, type ForgeApi } from './site';

export interface SandboxOptions {
  /** 0 = any free port. Default 3000. */
  port?: number;
  /** Sandbox seconds per real second (scheduled triggers, top-bar clock). Default 1. */
  speed?: number;
  /** Clock to use (main.ts passes the one it installed as the process's `Date`). */
  clock?: SandboxClock;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Resource key → folder, overriding the manifest's `resources` paths (tests use a private build). */
  resourceDirs?: Record<string, string>;
  log?: (line: string) => void;
  /** Seed a year of history, cases and the analytics projection (default true; tests that need none save the time). */
  demoHistory?: boolean;
  /** The Content-Security-Policy of every Custom UI resource; default: Forge's, from manifest.yml (platform-doubles/customUiCsp.ts). */
  contentSecurityPolicy?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  clock: SandboxClock;
  harness: Harness;
  /**
   * Runs every `scheduledTrigger` once, now, one after the other (queue pushes are delivered inline,
   * so their consumers have run too when it resolves). Tests use it with a `createManualClock()` clock
   * instead of waiting for the timers.
   */
  runScheduledTriggers: () => Promise<void>;
  stop: () => Promise<void>;
}

/** The site with its demo data, before it serves: the app, loaded only now that the platform globals exist. */
function openSite(options: SandboxOptions): SandboxSite {
  const h = installHarness();
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const manifest = loadManifest(REPO_ROOT);
  for (const [key, dir] of Object.entries(options.resourceDirs ?? {})) manifest.resources.set(key, path.resolve(dir));
  const app = require(path.join(REPO_ROOT, 'src', 'index')) as AppExports;
  const forgeApi = require('@forge/api') as ForgeApi;
  const clock = options.clock ?? createClock(options.speed ?? 1);
  h.reset();
  // Users, projects and fields first: the issues follow once setup has run (sandbox/demoSetup.ts).
  seedDemoDirectory(h.jira, manifest);
  for (const p of HANDOFF_PROJECTS) h.jira.seedProject({ key: p.key, name: p.name });
  return new SandboxSite(h, manifest, app, forgeApi, clock, log);
}

/** Every route of the host, in the order they are tried. */
function routesOf(site: SandboxSite, csp: string): Route[] {
  return [
    ...pageRoutes(site),
    ...hostAssetRoutes(site),
    ...customUiRoutes(site, csp),
    ...restRoutes(site),
    ...workflowRuleRoutes(site),
    ...bridgeRoutes(site),
    ...formRoutes(site),
  ];
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const site = openSite(options);
  await setUpDemoSite(site);
  registerTriggers(site);
  const scheduled = scheduleTriggers(site);
  registerConsumers(site);
  if (options.demoHistory !== false) await seedAppDemoData(site, scheduled);

  const routes = routesOf(site, options.contentSecurityPolicy ?? manifestCustomUiCsp({ fresh: true }));
  const server = createServer((req, res) => {
    dispatch(routes, req, res).catch((e: unknown) => answerError(req, res, e, site.log));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  site.baseUrl = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock: site.clock,
    harness: site.harness,
    runScheduledTriggers: () => scheduled.runAll(),
    stop: async () => {
      scheduled.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
