/**
 * The bootstrap every browser test shares: build one Custom UI app into its own temp dir (so a
 * parallel test rebuilding static/*\/build cannot pull files away mid-test), serve it, launch headless
 * Chromium, and clean up afterwards; plus wiring the bridge stub's `invoke` to a real exported resolver
 * under the platform harness.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { invokeResolver } from '../../platform-doubles';
import { auditEveryPage } from './axe';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveStatic, type ResolverStub, type StaticServer } from './bridgeStub';

export const repoRoot = path.resolve(__dirname, '..', '..');
/** Where browser tests put screenshots for a person to look at (gitignored). */
export const screenshots = path.join(repoRoot, '.tmp', 'screenshots');

export interface BrowserApp {
  /** The launched Chromium (available once the suite's beforeAll ran). */
  readonly browser: Browser;
  /** The URL serving the built app. */
  readonly url: string;
}

/**
 * Call inside a `describe`: registers the beforeAll that builds `app` (a folder of static/) and launches
 * Chromium (creating the screenshots folder when asked), the afterEach that fails a test whose pages
 * have a serious or critical accessibility violation (./axe.ts), and the afterAll that closes and
 * removes it all.
 */
export function builtApp(app: string, options: { screenshots?: boolean } = {}): BrowserApp {
  let outDir: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let accessibility: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'itr-ui-'));
    const build = spawnSync(process.execPath, ['static/build.mjs', app, '--out', outDir], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`Custom UI build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveStatic(path.join(outDir, app));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    accessibility = auditEveryPage(browser);
    if (options.screenshots === true) mkdirSync(screenshots, { recursive: true });
  }, 180_000);

  afterEach(async () => {
    await accessibility?.();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error(`Chromium for ${app} is not launched yet`);
      return browser;
    },
    get url(): string {
      if (server === undefined) throw new Error(`${app} is not served yet`);
      return server.url;
    },
  };
}

/** Bridge-stub resolvers that run each of `functionKeys` through the real exported `handler` under the harness. */
export function realResolvers(
  handler: Parameters<typeof invokeResolver>[0],
  functionKeys: readonly string[],
  options: Parameters<typeof invokeResolver>[3],
): Record<string, ResolverStub> {
  return Object.fromEntries(
    functionKeys.map((key) => [key, (payload: unknown) => invokeResolver(handler, key, payload, options)]),
  );
}
