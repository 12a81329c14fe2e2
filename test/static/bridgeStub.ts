/**
 * A stand-in for the Forge host of a Custom UI iframe, for browser tests and screenshots.
 *
 * `@forge/bridge` talks to its host through one global, provided by Jira inside the iframe:
 *   globalThis.__bridge.callBridge(name, payload) → Promise
 * (looked up when @forge/bridge's modules load, so it must exist before the app's script runs).
 * The calls this app makes, as @forge/bridge 7.x sends them:
 *   - 'getContext'    (no payload) → the FullContext; the bridge then normalises `locale`
 *                     ("zh_CN" → "zh-CN") with @forge/i18n's ensureLocale.
 *   - 'invoke'        { functionKey, payload, metadata } → the resolver's return value as is
 *                     (metadata is undefined unless rate-limit info is asked for).
 *   - 'enableTheming' (no payload) → the host sets `data-color-mode` and `data-theme` on <html>
 *                     and provides the design-token CSS; here both come from @atlaskit/tokens.
 *   - 'createHistory' (no payload) → the module URL's history (view.createHistory of a full page with
 *                     subpages), kept in the page (functions do not cross to Node): it starts at
 *                     `route`; `navigateSubpage(page, path)` moves it as a click in Jira's sidebar does.
 *   - 'navigate'      { target, moduleKey, … , type } or { url, type } (router.navigate / open) →
 *                     recorded and answered, the page stays (a test reads where it asked to go).
 * Anything else is recorded and rejected, so a test sees an unexpected call.
 *
 * The page side is a plain script (addInitScript), the answers come from Node (exposeFunction),
 * so a test decides each resolver answer while the page runs (e.g. fail first, then succeed).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { manifestCustomUiCsp } from '../../platform-doubles/customUiCsp';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** In CI a missing browser must fail the browser tests, not skip them: there it always counts as present. */
export function chromiumAvailable(): boolean {
  if (process.env['CI'] === 'true') return true;
  return existsSync(CHROMIUM_PATH);
}

export type ColorMode = 'light' | 'dark';

/** The parts of a `jira:issuePanel` context a test chooses; the rest gets plausible values. */
export interface StubContext {
  /** As Jira sends it, e.g. "en_US" or "zh_CN". */
  locale: string;
  /** IANA zone from the user's Jira profile, e.g. "Asia/Shanghai". */
  timezone: string;
  /** `extension.issue.key`; null renders a context without an issue. */
  issueKey: string | null;
  accountId?: string;
  moduleKey?: string;
}

export type ResolverStub = (payload: unknown) => unknown;

export interface BridgeStubOptions {
  context: StubContext;
  colorMode: ColorMode;
  /** By function key (the name given to `resolver.define`); the return value is what `invoke` resolves to. */
  resolvers: Record<string, ResolverStub>;
  /** Where the module's URL history starts, relative to the module's URL (e.g. `/support-lines`); default `/`. */
  route?: string;
}

export interface BridgeCall {
  name: string;
  payload: unknown;
}

/** Builds the FullContext @forge/bridge's getContext() returns inside a Jira issue panel. */
export function issuePanelContext(context: StubContext, colorMode: ColorMode): Record<string, unknown> {
  const issue =
    context.issueKey === null ? undefined : { id: '10001', key: context.issueKey, type: 'Task', typeId: '10002' };
  return {
    accountId: context.accountId ?? '5b10ac8d82e05b22cc7d4ef5',
    cloudId: '00000000-0000-0000-0000-0000000000c1',
    environmentId: '00000000-0000-0000-0000-0000000000e1',
    environmentType: 'DEVELOPMENT',
    localId: 'stub-local-id',
    locale: context.locale,
    moduleKey: context.moduleKey ?? 'itr-issue-panel',
    siteUrl: 'https://example.atlassian.net',
    timezone: context.timezone,
    theme: { colorMode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' },
    extension: {
      type: 'jira:issuePanel',
      ...(issue === undefined ? {} : { issue }),
      project: { id: '10000', key: context.issueKey?.split('-')[0] ?? 'ITR', type: 'service_desk' },
      isNewToIssue: false,
    },
  };
}

/** The token CSS Jira provides once theming is enabled: colours of both modes, spacing, type, shape. */
function tokenThemeCss(): string {
  const themes = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];
  return themes
    .map((name) => {
      const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string };
      return mod.default;
    })
    .join('\n');
}

/** The <html> attributes Jira sets in the iframe (as @atlaskit/tokens' getThemeHtmlAttrs names them). */
function themeHtmlAttrs(colorMode: ColorMode): Record<string, string> {
  return {
    'data-color-mode': colorMode,
    'data-theme': 'dark:dark light:light shape:shape spacing:spacing typography:typography',
  };
}

/**
 * Installs `window.__bridge` in every document the page loads. Call before `page.goto`.
 * Returns the list of calls made, in order (live: it grows as the page calls).
 */
export async function installBridgeStub(page: Page, options: BridgeStubOptions): Promise<BridgeCall[]> {
  const calls: BridgeCall[] = [];
  await page.exposeFunction('__itrStubHost', async (name: string, payload: unknown) => {
    calls.push({ name, payload });
    switch (name) {
      case 'getContext':
        return issuePanelContext(options.context, options.colorMode);
      case 'enableTheming':
        return { css: tokenThemeCss(), attrs: themeHtmlAttrs(options.colorMode) };
      case 'createHistory':
        return null; // recorded; the history itself lives in the page (pageSide)
      case 'navigate':
        return null;
      case 'invoke': {
        const { functionKey, payload: resolverPayload } = payload as { functionKey: string; payload: unknown };
        const resolver = options.resolvers[functionKey];
        if (resolver === undefined) throw new Error(`bridge stub: no resolver for "${functionKey}"`);
        return await resolver(resolverPayload);
      }
      default:
        throw new Error(`bridge stub: callBridge("${name}") is not provided`);
    }
  });
  await page.addInitScript({ content: pageSide(options.route ?? '/') });
  return calls;
}

/** Moves the module URL's history to `path` (module-relative, e.g. `/return-visits`) as Jira's sidebar does. */
export async function navigateSubpage(page: Page, path: string): Promise<void> {
  await page.evaluate(`window.__itrStubHistory.navigate(${JSON.stringify(path)})`);
}

/** The module-relative path the page's history is at now (after the app's own pushes, too). */
export async function subpagePath(page: Page): Promise<string> {
  return String(await page.evaluate('window.__itrStubHistory.location.pathname'));
}

// Runs in the page before any of its scripts. Kept as text: the tests compile without DOM types.
const pageSide = (initialPath: string) => `
(() => {
  // The module URL's history (view.createHistory), shaped like the 'history' package's object.
  const listeners = new Set();
  // The route may carry a query (\`/case-library?issue=ITR-1\`): the first location's \`search\`.
  const [firstPath, firstQuery] = ${JSON.stringify(initialPath)}.split('?');
  const entries = [firstPath];
  let index = 0;
  const history = {
    action: 'POP',
    location: { pathname: entries[0], search: firstQuery === undefined ? '' : '?' + firstQuery, hash: '', state: undefined },
    listen: (fn) => { listeners.add(fn); return () => listeners.delete(fn); },
  };
  const moveTo = (action, pathname) => {
    history.action = action;
    history.location = { pathname, search: '', hash: '', state: undefined };
    for (const fn of [...listeners]) fn(history.location, action);
  };
  const pathOf = (to) => (typeof to === 'string' ? to : to.pathname);
  Object.assign(history, {
    push: (to) => { entries.splice(index + 1); entries.push(pathOf(to)); index += 1; moveTo('PUSH', pathOf(to)); },
    replace: (to) => { entries[index] = pathOf(to); moveTo('REPLACE', pathOf(to)); },
    go: (n) => { const i = Math.min(Math.max(index + n, 0), entries.length - 1); if (i !== index) { index = i; moveTo('POP', entries[i]); } },
    goBack: () => history.go(-1),
    goForward: () => history.go(1),
    createHref: (to) => pathOf(to),
    // A click in Jira's sidebar: Jira pushes the subpage's URL.
    navigate: (pathname) => history.push(pathname),
  });
  window.__itrStubHistory = history;
  const applyTheme = ({ css, attrs }) => {
    let style = document.getElementById('bridge-stub-tokens');
    if (!style) {
      style = document.createElement('style');
      style.id = 'bridge-stub-tokens';
      document.head.prepend(style);
    }
    style.textContent = css;
    for (const [name, value] of Object.entries(attrs)) document.documentElement.setAttribute(name, value);
  };
  window.__bridge = {
    callBridge: async (name, payload) => {
      if (name === 'createHistory') { await window.__itrStubHost(name, null); return history; }
      const answer = await window.__itrStubHost(name, payload === undefined ? null : payload);
      if (name === 'enableTheming') { applyTheme(answer); return undefined; }
      return answer;
    },
  };
})();
`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** Base URL ending in "/", e.g. http://127.0.0.1:41234/ — the app is served from a sub-path like on Forge. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 under a sub-path (`/forge/app/`), as Forge serves a Custom UI build
 * from a sub-path of its CDN: an absolute asset URL in the build would 404 here too.
 */
export async function serveStatic(root: string, subPath = '/forge/app/'): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(subPath)) {
        res.writeHead(404).end('not found');
        return;
      }
      const relative = decodeURIComponent(url.pathname.slice(subPath.length)) || 'index.html';
      const file = path.resolve(base, relative);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      try {
        const body = await readFile(file);
        // Served as Forge serves Custom UI: with the CSP the manifest's permissions give (platform-doubles/customUiCsp.ts).
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': manifestCustomUiCsp(),
        });
        res.end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${subPath}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
