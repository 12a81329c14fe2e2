/**
 * One setup for the sandbox's browser tests: the Custom UI apps a test needs built once into a
 * private folder (a parallel build of static/*\/build cannot pull files away mid-test), headless
 * Chromium, a fresh sandbox and page per test (the harness resets the doubles before each), and a
 * screenshot in test-results/ when a step fails. Call inside `describe`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server';
import { auditEveryPage } from '../static/axe';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../static/bridgeStub';
import { reportable, reported } from './reportableError';

const repoRoot = path.resolve(__dirname, '..', '..');
const failures = path.join(repoRoot, 'test-results');
/** Look-at-me screenshots (gitignored). */
const screenshots = path.join(repoRoot, '.tmp', 'screenshots');

export interface SandboxBrowserOptions {
  /** Names failure screenshots: `sandbox-<name>-<step>.png`. */
  name: string;
  /** Custom UI resources to build (manifest resource keys, e.g. `issue-panel`). */
  apps: readonly string[];
  viewport: { width: number; height: number };
  /** More sandbox options per test (a manual clock, say). */
  sandboxOptions?: () => Omit<SandboxOptions, 'port' | 'resourceDirs' | 'log'>;
  /** Runs once the sandbox is up; what it returns runs after the test (e.g. restoring `Date`). */
  onStarted?: () => (() => void) | void;
}

export interface SandboxInBrowser {
  readonly page: Page;
  readonly sandbox: RunningSandbox;
  /** Uncaught errors of the page during this test. */
  readonly pageErrors: string[];
  /** Runs a test step; on failure saves a screenshot of the page and rethrows. */
  step(name: string, body: () => Promise<void>): Promise<void>;
  /** The iframe of a Forge module (`forge-frame-<moduleKey>`). */
  frame(moduleKey: string): FrameLocator;
  /** Saves a look-at-me screenshot of the whole page as .tmp/screenshots/<file>.png. */
  shoot(file: string): Promise<void>;
  /** Acts as this user (and language) from the next page load on: the sandbox's preference cookie. */
  actAs(accountId: string, lang?: 'en' | 'zh-CN'): Promise<void>;
  /** Clicks a workflow transition on the sandbox issue page and waits for the page to reload. */
  transition(name: string): Promise<void>;
  /** Picks a value of a sandbox top-bar switch and waits for the reload. */
  switchTo(testId: 'switch-user' | 'switch-lang' | 'switch-theme', value: string): Promise<void>;
}

export function useSandboxInBrowser(options: SandboxBrowserOptions): SandboxInBrowser {
  let outDir: string | undefined;
  let browser: Browser | undefined;
  let sandbox: RunningSandbox | undefined;
  let page: Page | undefined;
  let undo: (() => void) | void;
  let pageErrors: string[] = [];
  let accessibility: (() => Promise<void>) | undefined;
  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is only available inside a test`);
    return v;
  };

  beforeAll(
    () =>
      reported(async () => {
        outDir = mkdtempSync(path.join(os.tmpdir(), `itr-sandbox-${options.name}-ui-`));
        const build = spawnSync(process.execPath, ['static/build.mjs', ...options.apps, '--out', outDir], {
          cwd: repoRoot,
          encoding: 'utf8',
        });
        if (build.status !== 0) throw new Error(`Custom UI build failed:\n${build.stdout}\n${build.stderr}`);
        browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
        accessibility = auditEveryPage(browser);
        mkdirSync(screenshots, { recursive: true });
      }),
    240_000,
  );

  afterAll(async () => {
    await browser?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  beforeEach(() =>
    reported(async () => {
      const dir = must(outDir, 'the UI build');
      const resourceDirs = Object.fromEntries(options.apps.map((a) => [a, path.join(dir, a)]));
      sandbox = await startSandbox({ ...options.sandboxOptions?.(), port: 0, resourceDirs, log: () => undefined });
      undo = options.onStarted?.();
      page = await must(browser, 'the browser').newPage({ viewport: options.viewport });
      pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
    }),
  );

  afterEach(async () => {
    try {
      await accessibility?.(); // serious or critical axe-core findings fail the test (test/static/axe.ts)
    } finally {
      if (typeof undo === 'function') undo();
      await page?.close();
      await sandbox?.stop();
    }
  });

  return {
    get page() {
      return must(page, 'page');
    },
    get sandbox() {
      return must(sandbox, 'sandbox');
    },
    get pageErrors() {
      return pageErrors;
    },
    async step(name, body) {
      try {
        await body();
      } catch (e) {
        mkdirSync(failures, { recursive: true });
        await page
          ?.screenshot({ path: path.join(failures, `sandbox-${options.name}-${name}.png`), fullPage: true })
          .catch(() => undefined);
        throw reportable(e);
      }
    },
    async shoot(file) {
      await must(page, 'page').screenshot({ path: path.join(screenshots, `${file}.png`), fullPage: true });
    },
    async actAs(accountId, lang = 'en') {
      const q = new URLSearchParams({ accountId, lang, theme: 'light' });
      await must(page, 'page')
        .context()
        .addCookies([
          { name: 'itr_sandbox', value: encodeURIComponent(q.toString()), url: must(sandbox, 'sandbox').url },
        ]);
    },
    async transition(name) {
      const p = must(page, 'page');
      await Promise.all([
        p.waitForNavigation(),
        p.locator('form.transitions button[name="transition"]', { hasText: name }).click(),
      ]);
    },
    frame: (moduleKey) => must(page, 'page').frameLocator(`[data-testid="forge-frame-${moduleKey}"]`),
    async switchTo(testId, value) {
      const p = must(page, 'page');
      await Promise.all([p.waitForNavigation(), p.selectOption(`[data-testid="${testId}"]`, value)]);
    },
  };
}

/** Fills the issue panel's root-cause form with a complete draft (two whys, both measures, both zeros) and saves. */
export async function fillRootCause(
  panel: FrameLocator,
  draft: {
    whys: [string, string];
    rootCause: string;
    shortTerm: string;
    longTerm: string;
    technicalZero: string;
    managementZero: string;
  },
): Promise<void> {
  // The root cause is the next step of an open problem without it (a button), else a fold (its toggle).
  const opener = panel.getByTestId('next-fill-root-cause').or(panel.getByTestId('root-cause-form-toggle'));
  await opener.first().click();
  const form = panel.getByTestId('root-cause-form');
  await form.locator('[data-path="whys.0"]').fill(draft.whys[0]);
  // A draft saved earlier may already have its second why.
  if ((await form.locator('[data-path="whys.1"]').count()) === 0) await panel.getByTestId('root-cause-add-why').click();
  await form.locator('[data-path="whys.1"]').fill(draft.whys[1]);
  await form.locator('[data-path="rootCause"]').fill(draft.rootCause);
  await form.locator('[data-path="shortTermMeasure"]').fill(draft.shortTerm);
  await form.locator('[data-path="longTermMeasure"]').fill(draft.longTerm);
  await form.locator('[data-path="technicalZero"]').fill(draft.technicalZero);
  await form.locator('[data-path="managementZero"]').fill(draft.managementZero);
  await panel.getByTestId('root-cause-save').click();
}
