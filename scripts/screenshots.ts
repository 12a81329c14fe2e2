/**
 * `npm run screenshots`: the screenshot gallery of every page, made from the sandbox with its demo data
 * (so the Marketplace listing and the README show the real thing), in English on the light theme and
 * in Simplified Chinese on the dark one, into docs/screenshots/<page>.<locale>-<theme>.png.
 *
 *   npm run screenshots [-- --out docs/screenshots] [--only supervision]
 *
 * Builds the Custom UI, starts `npm start` on a free port (MariaDB and the UI build as the sandbox does them), waits for its
 * URL, then drives Debian's Chromium through each page as the user who may see it. The Chinese pages
 * need a CJK font (Debian: fonts-wqy-zenhei or fonts-noto-cjk), or every character is a box.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/static/bridgeStub';

const REPO_ROOT = path.resolve(__dirname, '..');
const ADMIN = '557058:sandbox-chenjing';
const TRIAGE = '557058:sandbox-maria';
const L1 = '557058:sandbox-liwei';

interface Shot {
  name: string;
  path: string;
  /** Who looks: the page's audience (admin pages only open for administrators). */
  as: string;
  /** Something on the page that says it finished loading (a frame's text or a host selector). */
  ready: (page: Page) => Promise<void>;
}

const frameText = (page: Page): Promise<void> =>
  page
    .frameLocator('iframe')
    .first()
    .locator('body *')
    .first()
    .waitFor({ timeout: 30_000 })
    .then(() => page.waitForTimeout(2_500)); // charts and lists load after the frame's first paint

const SHOTS: readonly Shot[] = [
  { name: 'home', path: '/', as: L1, ready: (p) => p.locator('body').waitFor() },
  { name: 'issue-panel', path: '/browse/ITR-1', as: L1, ready: frameText },
  // The full pages' subpages: `/apps/<moduleKey>/<route>` sends to Jira's URL (sandbox/pages/fullPages.ts).
  { name: 'triage', path: '/apps/itr-home/triage', as: TRIAGE, ready: frameText },
  { name: 'case-library', path: '/apps/itr-home/case-library', as: TRIAGE, ready: frameText },
  { name: 'supervision', path: '/apps/itr-supervision', as: ADMIN, ready: frameText },
  { name: 'return-visits', path: '/apps/itr-home/return-visits', as: ADMIN, ready: frameText },
  { name: 'setup', path: '/apps/itr-setup', as: ADMIN, ready: frameText },
  { name: 'grading-admin', path: '/apps/itr-grading-admin/grading-table', as: ADMIN, ready: frameText },
  { name: 'admin-closing', path: '/apps/itr-grading-admin/closing', as: ADMIN, ready: frameText },
];

const VARIANTS = [
  { lang: 'en', theme: 'light', label: 'en-light' },
  { lang: 'zh-CN', theme: 'dark', label: 'zh-CN-dark' },
] as const;

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i < 0 ? undefined : args[i + 1];
}

/** Starts the sandbox as `npm start` does and answers its URL once it listens. */
function startSandbox(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/run-ts.js', 'sandbox/main.ts', '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ITR sandbox running at (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`the sandbox stopped before it listened (exit ${String(code)})`)));
  });
}

/** Refuses to draw Chinese pages as boxes: a CJK font must be installed for Chromium. */
function requireCjkFont(): void {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() !== '') return;
  throw new Error('No Chinese font for Chromium: install one, e.g. `apt-get install -y fonts-wqy-zenhei`.');
}

/** The pages as the code is now: the sandbox would serve whatever build is lying around. */
function buildUi(): void {
  const r = spawnSync('npm', ['run', 'build:ui'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:ui failed');
}

async function main(): Promise<void> {
  requireCjkFont();
  buildUi();
  const out = path.resolve(REPO_ROOT, argValue('out') ?? 'docs/screenshots');
  const only = argValue('only');
  mkdirSync(out, { recursive: true });
  const { url, child } = await startSandbox();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const written: string[] = [];
  try {
    for (const shot of SHOTS.filter((s) => only === undefined || s.name === only)) {
      for (const v of VARIANTS) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: v.lang });
        await context.addCookies([
          {
            name: 'itr_sandbox',
            value: encodeURIComponent(`accountId=${shot.as}&lang=${v.lang}&theme=${v.theme}`),
            url,
          },
        ]);
        const page = await context.newPage();
        await page.goto(`${url}${shot.path}`);
        await shot.ready(page);
        const file = path.join(out, `${shot.name}.${v.label}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(path.relative(REPO_ROOT, file));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  process.stdout.write(`${JSON.stringify({ screenshots: written }, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
