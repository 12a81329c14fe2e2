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
 * What the host does, as Jira would:
 *  - pages: `/` (projects, issues, create), `/browse/<KEY>` (issue view with the app's fields and
 *    issue-view modules in iframes), `/apps/<moduleKey>` (any page module: admin, global, project);
 *  - `/static/<resource>/…`: the Custom UI builds, with `window.__bridge` injected before the
 *    app's scripts; `/__bridge` answers getContext, invoke (the real resolver), enableTheming, and
 *    no-ops for the view calls (refresh, close, …);
 *  - `/rest/api/3/…` (GET, POST, PUT, DELETE): Jira's REST API as the user chosen in the top bar, like
 *    a browser console on a real site (the Jira double answers with that user's permissions);
 *  - product events: user actions go to the Jira double as that user, then the manifest's
 *    `trigger` modules subscribed to the event are called with a Forge-shaped payload;
 *  - `scheduledTrigger` modules run on the sandbox clock (`speed` sandbox seconds per second).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { installHarness, invokeFunction, invokeResolver, type Harness } from '../platform-doubles';
import { HARNESS_CLOUD_ARI } from '../platform-doubles/forgeRuntime';
import { manifestCustomUiCsp } from '../platform-doubles/customUiCsp';
import type { StoredIssue } from '../platform-doubles/jiraModel';
import { createClock, type SandboxClock } from './clock';
import {
  adfParagraph,
  DEMO_FIELD_IDS,
  DEMO_LINE_ROUTING,
  DEMO_PROJECTS,
  DEMO_USERS,
  seedDemoDirectory,
  seedDemoIssues,
  type DemoUser,
} from './demoSite';
import {
  DEMO_CASES,
  DEMO_DEPARTMENTS,
  DEMO_HISTORY_LABEL,
  HANDOFF_PROJECTS,
  seedDemoHistory,
  staysOf as staysOfHistory,
} from './demoHistory';
import { formatAppField } from './appFieldFormatter';
import { transitionVerdict } from './expressions';
import {
  ISSUE_VIEW_MODULE_TYPES,
  loadManifest,
  translate,
  type ManifestModule,
  type SandboxManifest,
} from './manifest';
import {
  avatar,
  esc,
  hostText,
  layout,
  statusLozenge,
  THEME_ATTRS,
  type ColorMode,
  type Lang,
  type Prefs,
} from './pages';
import {
  isRuleEntry,
  isWorkflowRuleModule,
  RULE_CONFIG_MAX_CHARS,
  ruleExtension,
  rulePageBody,
  ruleResource,
  saveRuleConfig,
  savedRuleConfig,
} from './workflowRules';
import { ITR_ISSUE_TYPE_NAMES } from '../src/app/setup/plan';
import { ITR_OFF_SCREEN_FIELDS } from '../src/app/fields/fieldLabels';
import { ITR_FIELDS } from '../src/app/fields/itrFields';

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
  runScheduledTriggers(): Promise<void>;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const CLOUD_ID = HARNESS_CLOUD_ARI.split('/').pop() ?? 'sandbox';
const COOKIE = 'itr_sandbox';
const INTERVAL_SECONDS: Record<string, number> = { fiveMinute: 300, hour: 3600, day: 86_400, week: 604_800 };
/** Modules that are pages of their own (anything with a resource that is not on the issue view). */
const FIELD_TYPES = new Set(['string', 'number', 'user', 'group', 'date', 'datetime', 'object']);

type AppExports = Record<string, unknown>;
type Handler = (...args: unknown[]) => unknown;

interface FrameInfo {
  moduleKey: string;
  issueKey: string | null;
  projectKey: string | null;
  /** A workflow rule's page: `create`, `edit` or `view` (sandbox/workflowRules.ts). */
  entry?: string | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The design-token CSS Jira provides to the page and (after enableTheming) to Custom UI iframes. */
function tokenThemeCss(): string {
  return ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']
    .map((name) => (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string }).default)
    .join('\n');
}

// Runs in each Custom UI iframe before the app's own scripts: the host side of @forge/bridge. Served as
// /__bridge.js, not inline: the Custom UI's CSP (script-src 'self') refuses inline scripts, as in Jira.
const BRIDGE_SCRIPT = `
(() => {
  const q = new URLSearchParams(location.search);
  const frame = { moduleKey: q.get('moduleKey'), issueKey: q.get('issueKey'), projectKey: q.get('projectKey'), entry: q.get('entry') };
  window.__bridge = {
    callBridge: async (name, payload) => {
      if (name === 'setWorkflowRuleConfigurationCallback') {
        // @forge/jira-bridge's workflowRules.onConfigure: the callback stays in the frame (a function does not
        // cross JSON); the host page's Add / Update button calls it (sandbox/workflowRules.ts).
        const fn = payload && payload.data && payload.data.onConfigure;
        window.__sandboxWorkflowRuleOnConfigure = typeof fn === 'function' ? fn : undefined;
        return typeof fn === 'function';
      }
      const res = await fetch('/__bridge', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, payload: payload === undefined ? null : payload, frame }) });
      const body = await res.json();
      if (!res.ok) throw new Error(body.message || ('callBridge ' + name + ' failed'));
      if (name === 'enableTheming') {
        for (const [k, v] of Object.entries(body.result.attrs)) document.documentElement.setAttribute(k, v);
        return undefined;
      }
      if (name === 'navigate') {
        // router.navigate / router.open: the host page (not the iframe) goes there, as in Jira.
        if (body.result.type === 'new-tab') window.open(body.result.url, '_blank');
        else window.top.location.href = body.result.url;
        return undefined;
      }
      return body.result;
    },
  };
})();
`;

function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location: to, ...headers }).end();
}

function safeBack(back: string | null): string {
  return back !== null && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const h = installHarness();
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const manifest: SandboxManifest = loadManifest(REPO_ROOT);
  for (const [key, dir] of Object.entries(options.resourceDirs ?? {})) manifest.resources.set(key, path.resolve(dir));
  const csp = options.contentSecurityPolicy ?? manifestCustomUiCsp({ fresh: true });
  // The app, loaded only now that the platform globals exist.
  const app = require(path.join(REPO_ROOT, 'src', 'index')) as AppExports;
  const forgeApi = require('@forge/api') as typeof import('@forge/api');
  const clock = options.clock ?? createClock(options.speed ?? 1);

  h.reset();
  // Users, projects and fields first: the issues follow once setup has run (see runDemoSetup below).
  seedDemoDirectory(h.jira, manifest);
  for (const p of HANDOFF_PROJECTS) h.jira.seedProject({ key: p.key, name: p.name });
  const jira = h.jira;
  // The `itr-close` app property the close/resolve rules' expressions read (field ids, fallback closers).
  // The app publishes it lazily (issue-created trigger, admin page); an installed site has had issues
  // created long before, so the demo site starts with it published, by the app's own use case.
  const { publishCloseProperty } = require(
    path.join(REPO_ROOT, 'src', 'app', 'closure', 'closeProperty'),
  ) as typeof import('../src/app/closure/closeProperty');
  await invokeFunction(() => publishCloseProperty(), undefined, { context: { moduleKey: 'issue-created' } });
  const tokensCss = tokenThemeCss();
  let baseUrl = '';

  const handlerOf = (m: ManifestModule): Handler => {
    const fn = m.handlerExport === undefined ? undefined : app[m.handlerExport];
    if (typeof fn !== 'function')
      throw new Error(`module ${m.key}: src/index.ts has no export "${String(m.handlerExport)}"`);
    return fn as Handler;
  };
  const moduleByKey = (key: string): ManifestModule | undefined => manifest.modules.find((m) => m.key === key);
  /** Configurations saved through a rule's page while no workflow carries the rule (else they live on the rule itself). */
  const unattachedRuleConfigs = new Map<string, string>();
  const withModuleKey = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    h.runtime.appContext = { ...h.runtime.appContext, moduleKey: key };
    return fn();
  };

  /**
   * The demo site runs the ITR workflow the app's own setup creates, as an admin's first step on a new
   * site: the setup page's resolver, as the admin, for the ITR projects (issue types, the workflow
   * with its Resolution rules, the projects' workflow schemes, screen fields). It runs before any
   * issue exists, since Jira assigns a workflow scheme by REST only to a project without issues.
   */
  const runDemoSetup = async (): Promise<void> => {
    const page = moduleByKey('itr-setup');
    const admin = DEMO_USERS.find((u) => u.role === 'admin')?.accountId;
    if (page === undefined || admin === undefined) throw new Error('sandbox: no itr-setup module or admin user');
    const call = (fn: string, payload: unknown): Promise<unknown> =>
      withModuleKey(page.key, () =>
        invokeResolver(handlerOf(page), fn, payload, { accountId: admin, context: { moduleKey: page.key } }),
      );
    let answer = (await call('runSetup', { projectKeys: DEMO_PROJECTS.map((p) => p.key) })) as {
      success: boolean;
      data?: { state: string };
      errors?: unknown;
    };
    while (answer.success && answer.data?.state === 'running')
      answer = (await call('resumeSetup', {})) as typeof answer;
    if (!answer.success || answer.data?.state !== 'done')
      throw new Error(`sandbox: setup did not finish: ${JSON.stringify(answer)}`);
  };
  await runDemoSetup();

  /**
   * The demo's support lines (demoSite.ts `DEMO_LINE_ROUTING`: a round-robin group, a person, unassigned
   * with a group told; a status per line), saved as the admin saves the "Support lines" tab: through the
   * admin page's resolver, so the app checks the people, groups and statuses and stores them itself.
   */
  const saveDemoLineRouting = async (): Promise<void> => {
    const page = moduleByKey('itr-grading-admin');
    const admin = DEMO_USERS.find((u) => u.role === 'admin')?.accountId;
    if (page === undefined || admin === undefined)
      throw new Error('sandbox: no itr-grading-admin module or admin user');
    const payload = { settings: DEMO_LINE_ROUTING, expectedRevision: 0 };
    const answer = (await withModuleKey(page.key, () =>
      invokeResolver(handlerOf(page), 'saveSupportLineSettings', payload, {
        accountId: admin,
        context: { moduleKey: page.key },
      }),
    )) as { success: boolean };
    if (!answer.success) throw new Error(`sandbox: the demo support lines were refused: ${JSON.stringify(answer)}`);
  };
  await saveDemoLineRouting();
  seedDemoIssues(h.jira, clock.now());

  // ----- prefs and context ---------------------------------------------------------------------

  const prefsOf = (req: IncomingMessage): Prefs => {
    const q = new URLSearchParams(parseCookies(req)[COOKIE] ?? '');
    const accountId = DEMO_USERS.some((u) => u.accountId === q.get('accountId'))
      ? (q.get('accountId') as string)
      : (DEMO_USERS[0] as DemoUser).accountId;
    const lang: Lang = q.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
    const theme: ColorMode = q.get('theme') === 'dark' ? 'dark' : 'light';
    return { accountId, lang, theme };
  };
  /** Whether `accountId` may browse the project (the host's pages show only what Jira would). */
  const mayBrowse = (accountId: string, projectKey: string): boolean => {
    const p = jira.model.projects.get(projectKey);
    return p !== undefined && (p.browsers === undefined || p.browsers.includes(accountId));
  };
  const userOf = (accountId: string): DemoUser =>
    DEMO_USERS.find((u) => u.accountId === accountId) ?? (DEMO_USERS[0] as DemoUser);
  const displayName = (ref: unknown): string | null => {
    const id = typeof ref === 'object' && ref !== null ? (ref as { accountId?: unknown }).accountId : undefined;
    if (typeof id !== 'string') return null;
    return jira.model.users.get(id)?.displayName ?? id;
  };

  /** The FullContext @forge/bridge's getContext() returns, built by the host (never by the iframe). */
  const frameContext = (prefs: Prefs, frame: FrameInfo): Record<string, unknown> => {
    const module = moduleByKey(frame.moduleKey);
    if (module === undefined) throw new HttpError(400, `unknown module ${frame.moduleKey}`);
    const user = userOf(prefs.accountId);
    // Jira renders an admin page only for administrators, and an issue's modules only to who may see it:
    // a frame (and so its context and its resolver) exists for nobody else.
    if (module.type === 'jira:adminPage' && !user.groups.includes('jira-administrators'))
      throw new HttpError(403, `${module.key} is an admin page`);
    // A workflow rule's pages live in the workflow editor, which only administrators open.
    if (isWorkflowRuleModule(module) && !user.groups.includes('jira-administrators'))
      throw new HttpError(403, `${module.key} is configured in the workflow editor`);
    const ruleEntry = isWorkflowRuleModule(module) && isRuleEntry(frame.entry) ? frame.entry : undefined;
    const issue = frame.issueKey === null ? undefined : jira.model.findIssue(frame.issueKey);
    if (frame.issueKey !== null && (issue === undefined || !mayBrowse(prefs.accountId, issue.projectKey)))
      throw new HttpError(404, `issue ${frame.issueKey} does not exist or you may not see it`);
    const projectKey = issue?.projectKey ?? frame.projectKey;
    const project = projectKey === null ? undefined : jira.model.projects.get(projectKey);
    const issueType = issue?.fields['issuetype'] as { id: string; name: string } | undefined;
    return {
      accountId: user.accountId,
      cloudId: CLOUD_ID,
      environmentId: h.runtime.appContext.environmentId,
      environmentType: 'DEVELOPMENT',
      localId: `sandbox/${module.key}/${issue?.key ?? projectKey ?? 'site'}`,
      locale: prefs.lang === 'zh-CN' ? 'zh_CN' : 'en_US',
      moduleKey: module.key,
      siteUrl: baseUrl,
      timezone: user.timeZone,
      theme: {
        colorMode: prefs.theme,
        dark: 'dark',
        light: 'light',
        spacing: 'spacing',
        typography: 'typography',
        shape: 'shape',
      },
      extension: {
        type: module.type,
        ...(issue === undefined
          ? {}
          : {
              issue: { id: issue.id, key: issue.key, type: issueType?.name, typeId: issueType?.id },
              isNewToIssue: false,
            }),
        ...(project === undefined ? {} : { project: { id: project.id, key: project.key, type: 'software' } }),
        ...(ruleEntry === undefined
          ? {}
          : ruleExtension(
              module,
              ruleEntry,
              savedRuleConfig(jira.model.site.workflows, unattachedRuleConfigs, module.key),
            )),
      },
    };
  };

  const bridge = async (prefs: Prefs, name: string, payload: unknown, frame: FrameInfo): Promise<unknown> => {
    const context = frameContext(prefs, frame);
    switch (name) {
      case 'getContext':
        return context;
      case 'enableTheming':
        // The token CSS is already linked into the frame; Jira sets these attributes on <html>.
        return { attrs: { 'data-color-mode': prefs.theme, 'data-theme': THEME_ATTRS } };
      case 'invoke': {
        const module = moduleByKey(frame.moduleKey);
        if (module === undefined) throw new HttpError(400, `unknown module ${frame.moduleKey}`);
        // forge-docs: apis-reference/ui-api-bridge/invoke — invoke runs the calling module's resolver
        // (`resolver.function`), never a trigger's, a consumer's or another module's function.
        const resolverFunction = (module.raw['resolver'] as { function?: unknown } | undefined)?.function;
        if (typeof resolverFunction !== 'string' || (module.resource === undefined && !isWorkflowRuleModule(module)))
          throw new HttpError(403, `module ${module.key} has no resolver to invoke`);
        const { functionKey, payload: resolverPayload } = (payload ?? {}) as {
          functionKey?: unknown;
          payload?: unknown;
        };
        if (typeof functionKey !== 'string') throw new HttpError(400, 'invoke without functionKey');
        const handler = handlerOf(module);
        const { accountId, localId, moduleKey, extension, cloudId, locale, timezone } = context;
        return withModuleKey(module.key, () =>
          invokeResolver(handler, functionKey, resolverPayload, {
            accountId: prefs.accountId,
            context: { accountId, localId, moduleKey, extension, cloudId, locale, timezone, siteUrl: baseUrl },
          }),
        ).catch((e: unknown) => {
          // A function key this module's resolver does not define (another module's, say) is not found.
          if (e instanceof Error && e.message.startsWith('Resolver has no definition for'))
            throw new HttpError(404, e.message);
          throw e;
        });
      }
      // View calls with nothing to do in a single-page host.
      case 'refresh':
      case 'close':
      case 'submit':
      case 'emitReadyEvent':
      case 'changeWindowTitle':
      case 'showFlag':
      case 'closeFlag':
      case 'on':
      case 'onClose':
      case 'emitFrontendCustomMetric':
        return null;
      case 'navigate': {
        // Only the site's own pages: a relative path, or an absolute URL on this host.
        const { url, type } = (payload ?? {}) as { url?: unknown; type?: unknown };
        if (typeof url !== 'string') throw new HttpError(400, 'navigate without url');
        const target = new URL(url, baseUrl);
        if (target.origin !== new URL(baseUrl).origin) throw new HttpError(400, `navigate off the site: ${url}`);
        return { url: `${target.pathname}${target.search}`, type: type === 'new-tab' ? 'new-tab' : 'same-tab' };
      }
      case 'getFrameId':
        return `sandbox-frame-${frame.moduleKey}`;
      default:
        throw new HttpError(501, `callBridge("${name}") is not provided by the sandbox`);
    }
  };

  // ----- product events ------------------------------------------------------------------------

  const eventIssue = (issue: StoredIssue): Record<string, unknown> => {
    const f = issue.fields;
    const user = (ref: unknown): unknown => {
      const name = displayName(ref);
      return name === null ? null : { accountId: (ref as { accountId: string }).accountId, displayName: name };
    };
    return {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: f['summary'],
        issuetype: f['issuetype'],
        project: f['project'],
        status: f['status'],
        priority: f['priority'],
        labels: f['labels'],
        created: f['created'],
        updated: f['updated'],
        creator: user(f['reporter']),
        reporter: user(f['reporter']),
        assignee: user(f['assignee']),
      },
    };
  };

  // Product events go through the platform double (platform-doubles/productEvents.ts): the manifest's
  // `filter` (ignoreSelf, expression) and the documented retries (a returned InvocationError up to 4
  // times, a thrown error never), delivered at once on the virtual clock.
  h.productEvents.deliveryMode = 'immediate';
  for (const m of manifest.modules.filter((x) => x.type === 'trigger' && x.handlerExport !== undefined)) {
    const rawFilter = m.raw['filter'];
    const handler = handlerOf(m);
    h.productEvents.registerTrigger({
      key: m.key,
      events: m.events,
      handler: (event, context) => withModuleKey(m.key, async () => await handler(event, context)),
      ...(typeof rawFilter === 'object' && rawFilter !== null ? { filter: rawFilter } : {}),
    });
  }

  /** Delivers a Jira product event caused by a user's action to the subscribed `trigger` modules (awaited, outcomes logged). */
  const deliverEvent = async (
    eventType: string,
    actor: string,
    issue: StoredIssue,
    extra: Record<string, unknown> = {},
  ): Promise<void> => {
    // The sandbox fires events for the user actions it performs; the Jira double's own journal is not replayed.
    jira.issueEvents.length = 0;
    const payload = {
      atlassianId: actor,
      issue: eventIssue(issue),
      associatedUsers: [{ accountId: actor }],
      ...extra,
      context: { cloudId: CLOUD_ID },
      contextToken: 'sandbox-context-token',
    };
    const from = h.productEvents.deliveries.length;
    await h.productEvents.emit(eventType, payload, { selfGenerated: false });
    for (const d of h.productEvents.deliveries.slice(from)) {
      const why =
        d.error instanceof Error
          ? `: ${d.error.stack ?? d.error.message}`
          : d.reason !== undefined
            ? ` (${d.reason})`
            : '';
      log(`[event] ${eventType} ${issue.key} → ${d.triggerKey} ${d.outcome.toUpperCase()}${why}`);
    }
  };

  /** A Jira REST call as the acting user, through the real @forge/api and the Jira double. */
  const asUser = async (
    accountId: string,
    method: string,
    pathAndQuery: ReturnType<typeof forgeApi.route>,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> => {
    const res = await h.runtime.runAs(accountId, () =>
      forgeApi.asUser().requestJira(pathAndQuery, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const text = await res.text();
    return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  /**
   * `/rest/api/3/…` as the acting user, like a browser console on a real site: the request goes through
   * the real `@forge/api` `asUser()` to the Jira double, which answers with that user's permissions and
   * records contract violations as for the app. Writes Jira would announce (create, edit, transition)
   * reach the app's triggers; a transition passes the workflow's rules first, as in Jira.
   */
  const restAsUser = async (req: IncomingMessage, res: ServerResponse, prefs: Prefs, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) throw new HttpError(405, `${method} is not answered here`);
    const text = method === 'GET' ? '' : await readBody(req);
    // Jira's XSRF check: a cookie-authenticated write must be JSON, which a cross-site form cannot send.
    if (text !== '' && !(req.headers['content-type'] ?? '').startsWith('application/json'))
      throw new HttpError(415, 'Jira REST takes application/json');
    const issuePath = /^\/rest\/api\/3\/issue\/([^/]+)(\/transitions)?$/.exec(url.pathname);
    const before = issuePath?.[1] === undefined ? undefined : jira.model.findIssue(decodeURIComponent(issuePath[1]));
    const body =
      text === ''
        ? undefined
        : (() => {
            try {
              return JSON.parse(text) as unknown;
            } catch {
              return undefined;
            }
          })();
    const transitionId = (body as { transition?: { id?: unknown } } | undefined)?.transition?.id;
    if (
      method === 'POST' &&
      issuePath?.[2] !== undefined &&
      before !== undefined &&
      typeof transitionId === 'string' &&
      mayBrowse(prefs.accountId, before.projectKey)
    ) {
      const verdict = transitionVerdict('perform', {
        accountId: prefs.accountId,
        issueKey: before.key,
        transitionId,
        lang: prefs.lang,
      });
      if (verdict !== true)
        return void res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errorMessages: [verdict], errors: {} }));
    }
    const snapshot = before === undefined ? undefined : structuredClone(before.fields);
    const answer = await h.runtime.runAs(prefs.accountId, () =>
      forgeApi.asUser().requestJira(forgeApi.assumeTrustedRoute(url.pathname + url.search), {
        method,
        headers: { accept: 'application/json', ...(text === '' ? {} : { 'content-type': 'application/json' }) },
        ...(text === '' ? {} : { body: text }),
      }),
    );
    const out = await answer.text();
    // Events are delivered before the answer (Jira sends them later): a client sees their effects at once.
    if (answer.status < 300) await announce(method, url, prefs, out, before, snapshot, issuePath?.[2] !== undefined);
    res
      .writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
      })
      .end(out);
  };

  /** The product events a successful REST write causes: issue created, issue updated (with its changelog). */
  const announce = async (
    method: string,
    url: URL,
    prefs: Prefs,
    out: string,
    before: StoredIssue | undefined,
    snapshot: Record<string, unknown> | undefined,
    isTransition: boolean,
  ): Promise<void> => {
    if (method === 'POST' && url.pathname === '/rest/api/3/issue') {
      const key = (JSON.parse(out) as { key?: unknown }).key;
      const created = typeof key === 'string' ? jira.model.findIssue(key) : undefined;
      if (created !== undefined) await deliverEvent('avi:jira:created:issue', prefs.accountId, created);
    } else if (before !== undefined && snapshot !== undefined && (method === 'PUT' || isTransition)) {
      const after = jira.issue(before.key);
      const shown = (v: unknown): string | null =>
        v === null || v === undefined
          ? null
          : typeof v === 'object'
            ? (((v as { name?: unknown }).name as string | undefined) ?? JSON.stringify(v))
            : String(v);
      const items = Object.keys({ ...snapshot, ...after.fields })
        .filter((id) => id !== 'updated' && JSON.stringify(snapshot[id]) !== JSON.stringify(after.fields[id]))
        .map((id) => ({
          field: id,
          fieldId: id,
          fieldtype: id.startsWith('customfield_') ? 'custom' : 'jira',
          from: null,
          fromString: shown(snapshot[id]),
          to: null,
          toString: shown(after.fields[id]),
        }));
      if (items.length > 0)
        await deliverEvent('avi:jira:updated:issue', prefs.accountId, after, {
          changelog: { id: 'sandbox-rest', items },
        });
    }
  };

  const jiraErrorText = (json: unknown): string => {
    const j = (json ?? {}) as { errorMessages?: string[]; errors?: Record<string, string> };
    return [...(j.errorMessages ?? []), ...Object.values(j.errors ?? {})].join(' ') || 'Jira refused the request';
  };

  // ----- scheduled triggers --------------------------------------------------------------------

  const timers: NodeJS.Timeout[] = [];
  const scheduled = manifest.modules.filter((x) => x.type === 'scheduledTrigger');
  /** Runs one scheduled trigger as the platform would (no user), logging the outcome. */
  const runScheduled = (m: ManifestModule): Promise<void> =>
    withModuleKey(m.key, () =>
      invokeFunction(handlerOf(m), {
        context: { cloudId: CLOUD_ID, moduleKey: m.key },
        contextToken: 'sandbox-context-token',
      }),
    ).then(
      () => log(`[schedule] ${m.key} ran at sandbox time ${new Date(clock.now()).toISOString()}`),
      (e: unknown) => log(`[schedule] ${m.key} FAILED: ${e instanceof Error ? e.message : String(e)}`),
    );
  for (const m of scheduled) {
    const seconds = INTERVAL_SECONDS[m.interval ?? ''];
    if (seconds === undefined) {
      log(`[schedule] ${m.key}: unknown interval "${String(m.interval)}", not scheduled`);
      continue;
    }
    const realMs = Math.max(250, (seconds * 1000) / clock.speed);
    const timer = setInterval(() => void runScheduled(m), realMs);
    timer.unref();
    timers.push(timer);
    log(`[schedule] ${m.key} every ${m.interval} (${realMs} ms real)`);
  }

  // ----- async events (`consumer` modules) ----------------------------------------------------
  // Pushes are delivered inline to the consumer the manifest names for the queue, as the platform
  // would shortly after the push (function consumers, or resolver consumers with their `method`).
  for (const m of manifest.modules.filter((x) => x.type === 'consumer')) {
    const queue = m.raw['queue'];
    if (typeof queue !== 'string' || m.handlerExport === undefined) continue;
    const resolver = m.raw['resolver'];
    const method =
      typeof resolver === 'object' && resolver !== null ? (resolver as { method?: unknown }).method : undefined;
    const handler = handlerOf(m);
    h.queue.registerConsumer(
      queue,
      typeof method === 'string' ? { handler, mode: 'resolver', functionKey: method } : { handler },
    );
    log(`[queue] ${queue} → ${m.key}`);
  }
  h.queue.deliveryMode = 'immediate';

  // ----- demo data the app keeps itself (sandbox/demoHistory.ts) --------------------------------
  if (options.demoHistory !== false) await seedAppDemoData();

  /**
   * A year of finished work, its line stays and return visits, supervision settings, a few cases and
   * the analytics projection, written through the app's own stores, resolvers and backfill consumer.
   */
  async function seedAppDemoData(): Promise<void> {
    const started = Date.now();
    const history = seedDemoHistory(jira, clock.now());
    const admin = DEMO_USERS.find((u) => u.role === 'admin')?.accountId ?? '';
    const { recordStays } = require(
      path.join(REPO_ROOT, 'src', 'app', 'history', 'lineHistoryStore'),
    ) as typeof import('../src/app/history/lineHistoryStore');
    const visits = require(
      path.join(REPO_ROOT, 'src', 'app', 'returnVisits', 'visitStore'),
    ) as typeof import('../src/app/returnVisits/visitStore');
    const settings = require(
      path.join(REPO_ROOT, 'src', 'app', 'analytics', 'settings'),
    ) as typeof import('../src/app/analytics/settings');
    const { ConfigStore } = require(
      path.join(REPO_ROOT, 'src', 'adapters', 'kvs'),
    ) as typeof import('../src/adapters/kvs');
    const sql = require(path.join(REPO_ROOT, 'src', 'adapters', 'sql')) as typeof import('../src/adapters/sql');
    const { CaseLibrary } = require(
      path.join(REPO_ROOT, 'src', 'app', 'cases', 'caseLibrary'),
    ) as typeof import('../src/app/cases/caseLibrary');
    await invokeFunction(
      async () => {
        const withIds = history.map((hi) => ({ hi, id: jira.issue(hi.key).id }));
        await recordStays(withIds.flatMap(({ hi, id }) => staysOfHistory(id, hi)));
        for (const { hi, id } of withIds) {
          if (hi.satisfaction === null) continue;
          const f = jira.issue(hi.key).fields;
          await visits.openVisit({
            issueId: id,
            issueKey: hi.key,
            reason: 'sampled',
            kind: String(f[DEMO_FIELD_IDS.kind]),
            grade: String(f[DEMO_FIELD_IDS.grade]),
            resolvedAt: hi.resolvedAt,
            internalView: 'Resolved',
          });
          await visits.recordVisit({
            issueId: id,
            satisfaction: hi.satisfaction,
            resolvedInCustomersView: hi.satisfaction >= 3,
            customerWords: '',
            viewsDiffer: hi.satisfaction < 3,
            by: admin,
            at: new Date(hi.resolvedAt.getTime() + 86_400_000),
          });
        }
        const value = {
          ...settings.DEFAULT_ANALYTICS_SETTINGS,
          departments: { ...DEMO_DEPARTMENTS },
          ipd: { projectKey: 'RND', issueType: 'Task' },
          ltc: { projectKey: 'SAL', issueType: 'Task' },
        };
        await new ConfigStore().set(settings.ANALYTICS_SETTINGS_KEY, value, settings.analyticsSettingsCodec, {
          updatedBy: admin,
        });
      },
      undefined,
      { context: { moduleKey: 'issue-updated' } },
    );
    const supervision = moduleByKey('itr-supervision');
    const home = moduleByKey('itr-home');
    if (supervision === undefined || home === undefined)
      throw new Error('manifest changed: no itr-supervision / itr-home module');
    await withModuleKey(supervision.key, () =>
      invokeResolver(
        handlerOf(supervision),
        'startAnalyticsBackfill',
        {},
        { accountId: admin, context: { moduleKey: supervision.key } },
      ),
    );
    // Through the case library's own create (index included); keyed so a restart on the same database adds none twice.
    await withModuleKey(home.key, () =>
      invokeFunction(
        async () => {
          const library = new CaseLibrary();
          for (const [i, c] of DEMO_CASES.entries()) {
            const externalId = `sandbox-demo-${i + 1}`;
            const known = async (): Promise<boolean> =>
              (await sql.query('SELECT id FROM itr_case WHERE external_id = ?', [externalId], (r) => r['id'])).length >
              0;
            if (await known()) continue;
            // Another sandbox on the same database may insert it between the check and the insert.
            await library.createCase(c.author, c.content, c.sourceIssues, externalId).catch(async (e: unknown) => {
              if (!(await known())) throw e;
            });
          }
        },
        undefined,
        { context: { moduleKey: home.key } },
      ),
    );
    // Last week's summary, as the weekly trigger would have left it.
    const weekly = scheduled.find((m) => m.key === 'analytics-weekly-report-trigger');
    if (weekly !== undefined) await runScheduled(weekly);
    log(
      `[demo] ${history.length} resolved issues of the past year, ${DEMO_CASES.length} cases, analytics backfilled (${Date.now() - started} ms)`,
    );
  }

  // ----- pages ---------------------------------------------------------------------------------

  const pageModules = manifest.modules.filter(
    (m) =>
      m.resource !== undefined && !ISSUE_VIEW_MODULE_TYPES.includes(m.type) && !FIELD_TYPES.has(String(m.raw['type'])),
  );
  const moduleTitle = (m: ManifestModule, lang: Lang): string =>
    m.title === undefined ? m.key : translate(manifest, lang === 'zh-CN' ? 'zh-CN' : 'en-US', m.title);

  const page = (req: IncomingMessage, prefs: Prefs, title: string, body: string): string => {
    const acting = userOf(prefs.accountId);
    const isAdmin = acting.groups.includes('jira-administrators');
    return layout({
      prefs,
      title,
      users: DEMO_USERS,
      actingUser: acting,
      appLinks: pageModules
        .filter((m) => m.type !== 'jira:adminPage' || isAdmin)
        .map((m) => ({ href: `/apps/${encodeURIComponent(m.key)}`, label: moduleTitle(m, prefs.lang) })),
      nowMs: clock.now(),
      speed: clock.speed,
      back: req.url ?? '/',
      body,
    });
  };

  const fmtDate = (prefs: Prefs, value: unknown): string => {
    if (typeof value !== 'string') return '';
    const d = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (Number.isNaN(d.getTime())) return esc(value);
    const tz = userOf(prefs.accountId).timeZone;
    return `<time datetime="${d.toISOString()}">${esc(new Intl.DateTimeFormat(prefs.lang, { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(d))}</time>`;
  };

  /** A field value rendered as Jira's issue view shows it. */
  const fieldValue = (prefs: Prefs, type: string, value: unknown): string => {
    if (value === null || value === undefined || value === '')
      return `<span class="subtle">${esc(hostText(prefs.lang, 'none'))}</span>`;
    if (type === 'user') {
      const name = displayName(value) ?? '';
      return `${avatar(name)}${esc(name)}`;
    }
    if (type === 'datetime' || type === 'date') return fmtDate(prefs, value);
    return esc(typeof value === 'object' ? JSON.stringify(value) : value);
  };

  /** An app field through its manifest formatter, as Jira's views show it (sandbox/appFieldFormatter.ts). */
  const appFieldValue = (prefs: Prefs, issue: StoredIssue, moduleKey: string, type: string, value: unknown): string => {
    const shown =
      value === null || value === undefined || value === ''
        ? undefined
        : formatAppField(manifest, jira.model, moduleKey, issue, prefs.accountId);
    return shown === undefined ? fieldValue(prefs, type, value) : esc(shown);
  };

  const visibleIssues = (prefs: Prefs): StoredIssue[] =>
    [...jira.model.issues.values()].filter((i) => mayBrowse(prefs.accountId, i.projectKey));

  const appFieldName = (lang: Lang, moduleKey: string): string => {
    const m = manifest.modules.find((x) => x.type === 'jira:customField' && x.key === moduleKey);
    const name = m?.raw['name'] as { i18n?: string } | string | undefined;
    if (typeof name === 'string') return name;
    return name?.i18n === undefined ? moduleKey : translate(manifest, lang === 'zh-CN' ? 'zh-CN' : 'en-US', name.i18n);
  };

  const homePage = (req: IncomingMessage, prefs: Prefs, url: URL, error?: string): string => {
    const t = (k: Parameters<typeof hostText>[1]): string => hostText(prefs.lang, k);
    const only = url.searchParams.get('project');
    const showHistory = url.searchParams.get('history') === '1';
    const isHistory = (i: StoredIssue): boolean =>
      Array.isArray(i.fields['labels']) && (i.fields['labels'] as unknown[]).includes(DEMO_HISTORY_LABEL);
    const inProject = visibleIssues(prefs).filter((i) => only === null || i.projectKey === only);
    const hidden = showHistory ? 0 : inProject.filter(isHistory).length;
    const issues = inProject.filter((i) => showHistory || !isHistory(i)).sort((a, b) => Number(b.id) - Number(a.id));
    const ids = DEMO_FIELD_IDS;
    const projectRows = DEMO_PROJECTS.filter((p) => mayBrowse(prefs.accountId, p.key))
      .map((p) => {
        const count = visibleIssues(prefs).filter((i) => i.projectKey === p.key).length;
        return `<tr><td><a href="/?project=${p.key}">${esc(p.key)}</a></td><td>${esc(p.name)}</td><td>${count}</td></tr>`;
      })
      .join('');
    const issueRows = issues
      .map((i) => {
        const f = i.fields;
        const status = f['status'] as { name: string };
        const category = jira.model.statuses.find((s) => s.name === status.name)?.category ?? 'new';
        return `<tr data-testid="issue-row"><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(f['summary'])}</td>
<td>${statusLozenge({ name: status.name, category })}</td><td>${appFieldValue(prefs, i, 'itr-kind', 'string', f[ids.kind])}</td>
<td>${appFieldValue(prefs, i, 'itr-grade', 'string', f[ids.grade])}</td><td>${appFieldValue(prefs, i, 'itr-line', 'string', f[ids.line])}</td>
<td>${fieldValue(prefs, 'user', f[ids.submitter])}</td></tr>`;
      })
      .join('');
    // ITR types first, so the form's default creates ITR work (triage lists only ITR types).
    const itrTypes = new Set<string>(Object.values(ITR_ISSUE_TYPE_NAMES));
    const typeOptions = [...jira.model.issueTypes]
      .sort((a, b) => Number(itrTypes.has(b.name)) - Number(itrTypes.has(a.name)))
      .map((it) => `<option>${esc(it.name)}</option>`)
      .join('');
    const body = `
<h1>${esc(t('projects'))}</h1>
<table><thead><tr><th>${esc(t('key'))}</th><th>${esc(t('name'))}</th><th>${esc(t('count'))}</th></tr></thead><tbody>${projectRows}</tbody></table>
<h2>${esc(t('createIssue'))}</h2>
${error === undefined ? '' : `<p class="error" role="alert">${esc(error)}</p>`}
<form class="create" method="post" action="/__create" data-testid="create-form">
  <label for="c-project">${esc(t('project'))}</label>
  <select id="c-project" name="project">${DEMO_PROJECTS.filter((p) => mayBrowse(prefs.accountId, p.key))
    .map((p) => `<option value="${p.key}"${p.key === only ? ' selected' : ''}>${esc(p.name)} (${p.key})</option>`)
    .join('')}</select>
  <label for="c-type">${esc(t('issueType'))}</label><select id="c-type" name="issuetype">${typeOptions}</select>
  <label for="c-summary">${esc(t('summary'))}</label><input id="c-summary" type="text" name="summary" required>
  <label for="c-description">${esc(t('description'))}</label><textarea id="c-description" name="description"></textarea>
  <div class="actions"><button class="primary" type="submit">${esc(t('create'))}</button></div>
</form>
<h2>${esc(t('issues'))}${only === null ? '' : ` · ${esc(only)} <a href="/" class="subtle">(${esc(t('allProjects'))})</a>`}</h2>
<table><thead><tr><th>${esc(t('key'))}</th><th>${esc(t('summary'))}</th><th>${esc(t('status'))}</th>
<th>${esc(appFieldName(prefs.lang, 'itr-kind'))}</th><th>${esc(appFieldName(prefs.lang, 'itr-grade'))}</th>
<th>${esc(appFieldName(prefs.lang, 'itr-line'))}</th><th>${esc(appFieldName(prefs.lang, 'itr-submitter'))}</th></tr></thead>
<tbody>${issueRows}</tbody></table>
${hidden === 0 ? '' : `<p class="subtle"><a href="/?${new URLSearchParams({ ...(only === null ? {} : { project: only }), history: '1' }).toString()}" data-testid="show-history">${esc(t('showHistory').replace('{n}', String(hidden)))}</a></p>`}`;
    return page(req, prefs, t('issues'), body);
  };

  const iframeFor = (m: ManifestModule, lang: Lang, frame: { issueKey?: string; projectKey?: string }): string => {
    const q = new URLSearchParams({
      moduleKey: m.key,
      ...(frame.issueKey === undefined ? {} : { issueKey: frame.issueKey }),
      ...(frame.projectKey === undefined ? {} : { projectKey: frame.projectKey }),
    });
    const title = moduleTitle(m, lang);
    const icon =
      typeof m.raw['icon'] === 'string' && m.raw['icon'].startsWith('resource:')
        ? m.raw['icon'].slice('resource:'.length).split(';')
        : undefined;
    const iconHtml =
      icon !== undefined && icon.length === 2 ? `<img alt="" src="/static/${esc(icon[0])}/${esc(icon[1])}">` : '';
    return `<section class="app-panel" data-module-key="${esc(m.key)}">
<header>${iconHtml}<span>${esc(title)}</span></header>
<iframe class="forge-app" title="${esc(title)}" data-testid="forge-frame-${esc(m.key)}" src="/static/${esc(m.resource)}/index.html?${esc(q.toString())}"></iframe>
</section>`;
  };

  /** Jira's issue search (`/issues/?jql=…`), as the acting user, through the Jira double's REST search. */
  const searchPage = async (req: IncomingMessage, prefs: Prefs, jql: string): Promise<string> => {
    const t = (k: Parameters<typeof hostText>[1]): string => hostText(prefs.lang, k);
    const found: Array<{ key: string; fields: Record<string, unknown> }> = [];
    let error: string | undefined;
    let nextPageToken: string | undefined;
    do {
      const answer = await asUser(prefs.accountId, 'POST', forgeApi.route`/rest/api/3/search/jql`, {
        jql,
        fields: ['summary', 'status'],
        maxResults: 100,
        ...(nextPageToken === undefined ? {} : { nextPageToken }),
      });
      if (answer.status !== 200) {
        error = jiraErrorText(answer.json);
        break;
      }
      const page = answer.json as {
        issues?: Array<{ key: string; fields: Record<string, unknown> }>;
        nextPageToken?: string;
      };
      found.push(...(page.issues ?? []));
      nextPageToken = page.nextPageToken;
    } while (nextPageToken !== undefined);
    const rows = found
      .map(
        (i) =>
          `<tr data-testid="search-row"><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(i.fields['summary'])}</td><td>${esc((i.fields['status'] as { name?: string } | undefined)?.name ?? '')}</td></tr>`,
      )
      .join('');
    const body = `
<h1>${esc(t('searchResults'))}</h1>
<p><code data-testid="search-jql">${esc(jql)}</code></p>
${error === undefined ? `<p>${esc(t('found'))}: <strong data-testid="search-count">${found.length}</strong></p>` : `<p class="error" role="alert">${esc(error)}</p>`}
<table><thead><tr><th>${esc(t('key'))}</th><th>${esc(t('summary'))}</th><th>${esc(t('status'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
    return page(req, prefs, t('searchResults'), body);
  };

  const issuePage = (req: IncomingMessage, prefs: Prefs, key: string, error?: string): string => {
    const t = (k: Parameters<typeof hostText>[1]): string => hostText(prefs.lang, k);
    const issue = jira.model.findIssue(key);
    const project = issue === undefined ? undefined : jira.model.projects.get(issue.projectKey);
    if (
      issue === undefined ||
      project === undefined ||
      (project.browsers !== undefined && !project.browsers.includes(prefs.accountId))
    ) {
      return page(req, prefs, key, `<h1>${esc(key)}</h1><p>${esc(t('notFound'))}</p>`);
    }
    const f = issue.fields;
    const status = f['status'] as { name: string };
    const category = jira.model.statuses.find((s) => s.name === status.name)?.category ?? 'new';
    const description = (() => {
      const texts: string[] = [];
      const walk = (n: unknown): void => {
        if (typeof n !== 'object' || n === null) return;
        const node = n as { text?: unknown; content?: unknown };
        if (typeof node.text === 'string') texts.push(node.text);
        if (Array.isArray(node.content)) node.content.forEach(walk);
      };
      walk(f['description']);
      return texts.join(' ');
    })();
    // Setup leaves these off the projects' screens, so Jira's issue view does not show them.
    const offScreen = new Set<string>(ITR_OFF_SCREEN_FIELDS.map((name) => ITR_FIELDS[name].moduleKey));
    const appFields = manifest.modules
      .filter((m) => m.type === 'jira:customField' && !offScreen.has(m.key))
      .map((m) => {
        const def = [...jira.model.fields.values()].find((d) => d.forgeModuleKey === m.key);
        // Jira's issue view hides empty custom fields.
        if (def === undefined || f[def.id] === null || f[def.id] === undefined || f[def.id] === '') return '';
        return `<dt>${esc(appFieldName(prefs.lang, m.key))}</dt><dd data-testid="field-${esc(m.key)}">${appFieldValue(prefs, issue, m.key, def.type, f[def.id])}</dd>`;
      })
      .join('');
    // Jira hides a transition whose workflow conditions (Jira expressions) are false for the user.
    // The transitions the issue's own workflow offers from its status (the ITR workflow, for ITR types).
    const transitions = jira.model
      .availableTransitions(issue)
      .filter(
        (tr) =>
          transitionVerdict('show', {
            accountId: prefs.accountId,
            issueKey: issue.key,
            transitionId: tr.id,
            lang: prefs.lang,
          }) === true,
      )
      .map((tr) => `<button type="submit" name="transition" value="${esc(tr.id)}">${esc(tr.name)}</button>`)
      .join('');
    const issueModules = ISSUE_VIEW_MODULE_TYPES.flatMap((type) =>
      manifest.modules.filter((m) => m.type === type && m.resource !== undefined),
    );
    const body = `
<nav class="breadcrumbs"><a href="/">${esc(t('projects'))}</a><span>/</span><a href="/?project=${esc(project.key)}">${esc(project.name)}</a><span>/</span><a href="/browse/${esc(issue.key)}">${esc(issue.key)}</a></nav>
<h1 data-testid="issue-summary">${esc(f['summary'])}</h1>
${error === undefined ? '' : `<p class="error" role="alert">${esc(error)}</p>`}
<div class="actions-row">
  <form class="transitions" method="post" action="/browse/${esc(issue.key)}/transition">${statusLozenge({ name: status.name, category })} <span class="subtle">${esc(t('moveTo'))}:</span> ${transitions}</form>
  <details class="edit"><summary>${esc(t('editSummary'))}</summary>
    <form method="post" action="/browse/${esc(issue.key)}/edit" data-testid="edit-form"><input type="text" name="summary" value="${esc(f['summary'])}" required> <button class="primary" type="submit">${esc(t('save'))}</button></form>
  </details>
</div>
<div class="issue">
  <div>
    <h2>${esc(t('description'))}</h2>
    <p data-testid="issue-description">${description === '' ? `<span class="subtle">${esc(t('none'))}</span>` : esc(description)}</p>
    ${issueModules.map((m) => iframeFor(m, prefs.lang, { issueKey: issue.key })).join('')}
  </div>
  <aside>
    <div class="card"><header>${esc(t('details'))}</header><div class="body"><dl class="fields">
      <dt>${esc(t('assignee'))}</dt><dd>${f['assignee'] == null ? `<span class="subtle">${esc(t('unassigned'))}</span>` : fieldValue(prefs, 'user', f['assignee'])}</dd>
      <dt>${esc(t('reporter'))}</dt><dd data-testid="issue-reporter">${fieldValue(prefs, 'user', f['reporter'])}</dd>
      <dt>${esc(t('type'))}</dt><dd>${esc((f['issuetype'] as { name: string }).name)}</dd>
      ${appFields}
      <dt>${esc(t('created'))}</dt><dd>${fmtDate(prefs, f['created'])}</dd>
      <dt>${esc(t('updated'))}</dt><dd>${fmtDate(prefs, f['updated'])}</dd>
    </dl></div></div>
  </aside>
</div>`;
    return page(req, prefs, `${issue.key} ${String(f['summary'])}`, body);
  };

  const appPage = (req: IncomingMessage, prefs: Prefs, moduleKey: string, projectKey: string | null): string => {
    const m = pageModules.find((x) => x.key === moduleKey);
    if (m === undefined) throw new HttpError(404, `no page module ${moduleKey}`);
    if (m.type === 'jira:adminPage' && !userOf(prefs.accountId).groups.includes('jira-administrators')) {
      throw new HttpError(403, 'Only Jira administrators may open this page');
    }
    return page(
      req,
      prefs,
      moduleTitle(m, prefs.lang),
      `<h1>${esc(moduleTitle(m, prefs.lang))}</h1>${iframeFor(m, prefs.lang, projectKey === null ? {} : { projectKey })}`,
    );
  };

  /** A workflow rule's create/edit/view page with the host's Add / Update button (sandbox/workflowRules.ts). */
  const workflowRulePage = (
    req: IncomingMessage,
    prefs: Prefs,
    moduleKey: string,
    entry: string | undefined,
  ): string => {
    const m = moduleByKey(moduleKey);
    if (m === undefined || !isWorkflowRuleModule(m) || !isRuleEntry(entry))
      throw new HttpError(404, `no workflow rule page ${moduleKey}/${String(entry)}`);
    const resource = ruleResource(m, entry);
    if (resource === undefined) throw new HttpError(404, `${moduleKey} has no ${entry} page`);
    if (!userOf(prefs.accountId).groups.includes('jira-administrators'))
      throw new HttpError(403, 'Only Jira administrators edit workflows');
    const name = m.raw['name'] as { i18n?: string } | string | undefined;
    const title =
      typeof name === 'string'
        ? name
        : name?.i18n === undefined
          ? m.key
          : translate(manifest, prefs.lang === 'zh-CN' ? 'zh-CN' : 'en-US', name.i18n);
    const q = new URLSearchParams({ moduleKey: m.key, entry });
    const frame = `<iframe class="forge-app" title="${esc(title)}" data-testid="forge-frame-${esc(m.key)}" src="/static/${esc(resource)}/index.html?${esc(q.toString())}"></iframe>`;
    return page(req, prefs, title, rulePageBody({ moduleKey: m.key, entry, title, frame, lang: prefs.lang }));
  };

  // ----- static Custom UI ----------------------------------------------------------------------

  const serveResource = async (res: ServerResponse, resourceKey: string, rest: string): Promise<void> => {
    const base = manifest.resources.get(resourceKey);
    if (base === undefined) throw new HttpError(404, `no resource ${resourceKey}`);
    const file = path.resolve(base, rest === '' ? 'index.html' : rest);
    if (file !== base && !file.startsWith(base + path.sep)) throw new HttpError(403, 'forbidden');
    let body: Buffer;
    try {
      body = await fs.promises.readFile(file);
    } catch {
      throw new HttpError(404, `not found: ${rest} (is static/${resourceKey} built? npm run build:ui)`);
    }
    if (path.extname(file) === '.html') {
      const injected = `<link rel="stylesheet" href="/__tokens.css"><script src="/__bridge.js"></script>`;
      const html = body.toString('utf8').replace(/<head([^>]*)>/i, (m) => `${m}${injected}`);
      res
        .writeHead(200, {
          'content-type': CONTENT_TYPES['.html'] ?? 'text/html',
          'cache-control': 'no-store',
          'content-security-policy': csp,
        })
        .end(html);
      return;
    }
    // forge-docs: custom-ui (Security): every Custom UI resource is served with the app's CSP.
    res
      .writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
      })
      .end(body);
  };

  // ----- routing -------------------------------------------------------------------------------

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const prefs = prefsOf(req);
    const html = (s: string, status = 200): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(s);
    };
    const p = url.pathname;
    if (req.method === 'GET' && p === '/') return html(homePage(req, prefs, url));
    if (req.method === 'GET' && p === '/__tokens.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }).end(tokensCss);
      return;
    }
    if (req.method === 'GET' && p === '/__bridge.js') {
      res
        .writeHead(200, { 'content-type': CONTENT_TYPES['.js'] ?? 'text/javascript', 'cache-control': 'no-store' })
        .end(BRIDGE_SCRIPT);
      return;
    }
    if (req.method === 'GET' && p === '/__clock') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ now: new Date(clock.now()).toISOString(), speed: clock.speed }));
      return;
    }
    if (req.method === 'GET' && (p === '/issues' || p === '/issues/'))
      return html(await searchPage(req, prefs, url.searchParams.get('jql') ?? ''));
    let m = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(p);
    if (req.method === 'GET' && m?.[1] !== undefined) return html(issuePage(req, prefs, m[1]));
    m = /^\/apps\/([^/]+)$/.exec(p);
    if (req.method === 'GET' && m?.[1] !== undefined)
      return html(appPage(req, prefs, decodeURIComponent(m[1]), url.searchParams.get('project')));
    m = /^\/static\/([^/]+)\/(.*)$/.exec(p);
    if (req.method === 'GET' && m?.[1] !== undefined) return serveResource(res, m[1], decodeURIComponent(m[2] ?? ''));

    if (p.startsWith('/rest/api/3/')) return restAsUser(req, res, prefs, url);
    m = /^\/workflow-rules\/([^/]+)\/([a-z]+)$/.exec(p);
    if (req.method === 'GET' && m?.[1] !== undefined)
      return html(workflowRulePage(req, prefs, decodeURIComponent(m[1]), m[2]));
    if (req.method === 'POST' && p === '/__workflowRule') {
      const body = JSON.parse(await readBody(req)) as { moduleKey?: unknown; config?: unknown };
      const module = moduleByKey(String(body.moduleKey));
      if (module === undefined || !isWorkflowRuleModule(module))
        throw new HttpError(404, `no workflow rule ${String(body.moduleKey)}`);
      if (!userOf(prefs.accountId).groups.includes('jira-administrators'))
        throw new HttpError(403, 'Only Jira administrators edit workflows');
      if (typeof body.config !== 'string') throw new HttpError(400, 'config must be the string onConfigure returned');
      // forge-docs: manifest-reference/modules/jira-workflow-validator ("New workflow editor": configuration limited to 32KB)
      if (body.config.length > RULE_CONFIG_MAX_CHARS)
        throw new HttpError(
          400,
          `configuration is ${body.config.length} characters; the workflow editor saves at most ${RULE_CONFIG_MAX_CHARS}`,
        );
      const updated = saveRuleConfig(jira.model.site.workflows, unattachedRuleConfigs, module.key, body.config);
      log(
        `[workflow] ${userOf(prefs.accountId).displayName} saved the configuration of ${module.key} (${updated} rule(s))`,
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { updated } }));
      return;
    }
    if (req.method === 'POST' && p === '/__bridge') {
      const body = JSON.parse(await readBody(req)) as { name?: unknown; payload?: unknown; frame?: Partial<FrameInfo> };
      const frame: FrameInfo = {
        moduleKey: String(body.frame?.moduleKey ?? ''),
        issueKey: typeof body.frame?.issueKey === 'string' ? body.frame.issueKey : null,
        projectKey: typeof body.frame?.projectKey === 'string' ? body.frame.projectKey : null,
        entry: typeof body.frame?.entry === 'string' ? body.frame.entry : null,
      };
      const result = await bridge(prefs, String(body.name), body.payload, frame);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: result ?? null }));
      return;
    }
    if (req.method !== 'POST') throw new HttpError(404, 'not found');
    const form = new URLSearchParams(await readBody(req));
    if (p === '/__prefs') {
      const next = new URLSearchParams({
        accountId: form.get('accountId') ?? prefs.accountId,
        lang: form.get('lang') ?? prefs.lang,
        theme: form.get('theme') ?? prefs.theme,
      });
      return redirect(res, safeBack(form.get('back')), {
        'set-cookie': `${COOKIE}=${encodeURIComponent(next.toString())}; Path=/; SameSite=Lax`,
      });
    }
    if (p === '/__create') {
      const fields = {
        project: { key: form.get('project') ?? '' },
        issuetype: { name: form.get('issuetype') ?? 'Task' },
        summary: form.get('summary') ?? '',
        description: adfParagraph(form.get('description') ?? ''),
      };
      const created = await asUser(prefs.accountId, 'POST', forgeApi.route`/rest/api/3/issue`, { fields });
      if (created.status !== 201) return html(homePage(req, prefs, url, jiraErrorText(created.json)), created.status);
      const key = (created.json as { key: string }).key;
      log(`[jira] ${userOf(prefs.accountId).displayName} created ${key}`);
      await deliverEvent('avi:jira:created:issue', prefs.accountId, jira.issue(key));
      return redirect(res, `/browse/${key}`);
    }
    m = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)\/(edit|transition)$/.exec(p);
    if (m?.[1] !== undefined) {
      const key = m[1];
      const before = jira.issue(key);
      if (m[2] === 'edit') {
        const oldSummary = String(before.fields['summary']);
        const summary = form.get('summary') ?? '';
        const r = await asUser(prefs.accountId, 'PUT', forgeApi.route`/rest/api/3/issue/${key}`, {
          fields: { summary },
        });
        if (r.status !== 204) return html(issuePage(req, prefs, key, jiraErrorText(r.json)), r.status);
        await deliverEvent('avi:jira:updated:issue', prefs.accountId, jira.issue(key), {
          changelog: {
            id: 'sandbox',
            items: [
              {
                field: 'summary',
                fieldId: 'summary',
                fieldtype: 'jira',
                from: null,
                fromString: oldSummary,
                to: null,
                toString: summary,
              },
            ],
          },
        });
        return redirect(res, `/browse/${key}`);
      }
      const transitionId = form.get('transition') ?? '';
      const target = jira.model.availableTransitions(before).find((tr) => tr.id === transitionId);
      const fromStatus = (before.fields['status'] as { name: string }).name;
      // Jira evaluates the transition's conditions and expression validators here (see expressions.ts);
      // a refusal shows the rule's message in the user's language.
      const verdict = transitionVerdict('perform', {
        accountId: prefs.accountId,
        issueKey: key,
        transitionId,
        lang: prefs.lang,
      });
      if (verdict !== true) return html(issuePage(req, prefs, key, verdict), 400);
      const r = await asUser(prefs.accountId, 'POST', forgeApi.route`/rest/api/3/issue/${key}/transitions`, {
        transition: { id: transitionId },
      });
      if (r.status !== 204) return html(issuePage(req, prefs, key, jiraErrorText(r.json)), r.status);
      await deliverEvent('avi:jira:updated:issue', prefs.accountId, jira.issue(key), {
        changelog: {
          id: 'sandbox',
          items: [
            {
              field: 'status',
              fieldId: 'status',
              fieldtype: 'jira',
              from: null,
              fromString: fromStatus,
              to: null,
              toString: target?.to ?? '',
            },
          ],
        },
      });
      return redirect(res, `/browse/${key}`);
    }
    throw new HttpError(404, 'not found');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status >= 500)
        log(
          `[sandbox] ${req.method ?? ''} ${req.url ?? ''}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      if (res.headersSent) return void res.end();
      const message = e instanceof Error ? e.message : String(e);
      if ((req.url ?? '').startsWith('/__bridge'))
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
      else if ((req.url ?? '').startsWith('/rest/'))
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errorMessages: [message], errors: {} }));
      else res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock,
    harness: h,
    runScheduledTriggers: async () => {
      for (const m of scheduled) await runScheduled(m);
    },
    stop: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
