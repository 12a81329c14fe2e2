/**
 * Escalation by time in the sandbox, in headless Chromium: the demo issue ITR-15 (critical, 7 minutes
 * left on L1, past its warning time) is warned and then moved to L2 by the real `escalation-sweep`
 * trigger and `escalation-consumer`, on a sandbox clock the test moves by hand (`createManualClock`
 * with the process's `Date` following it, as `npm start -- --speed` does), and the issue page shows it.
 *
 * Skipped without Chromium (CHROMIUM_PATH, default /usr/bin/chromium), like sandbox.browser.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createManualClock, installFakeDate, type ManualClock } from '../../sandbox/clock';
import { DEMO_FIELD_IDS } from '../../sandbox/demoSite';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from '../static/bridgeStub';

const repoRoot = path.resolve(__dirname, '..', '..');
const screenshots = path.join(repoRoot, '.tmp', 'screenshots');
const PANEL = '[data-testid="forge-frame-itr-issue-panel"]';
const DEMO = 'ITR-15';
const MINUTE = 60_000;

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('escalation in the sandbox', () => {
  let outDir: string;
  let browser: Browser;
  let sandbox: RunningSandbox;
  let clock: ManualClock;
  let uninstallDate: () => void = () => undefined;
  let page: Page;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'itr-sandbox-esc-ui-'));
    const build = spawnSync(process.execPath, ['static/build.mjs', 'issue-panel', '--out', outDir], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`Custom UI build failed:\n${build.stdout}\n${build.stderr}`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(screenshots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    clock = createManualClock();
    sandbox = await startSandbox({ port: 0, clock, resourceDirs: { 'issue-panel': path.join(outDir, 'issue-panel') }, log: () => undefined });
    // The app reads "now" with `new Date()`: from here on it is the sandbox clock's (MariaDB is up).
    uninstallDate = installFakeDate(clock);
    page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  });

  afterEach(async () => {
    uninstallDate();
    await page?.close();
    await sandbox?.stop();
  });

  const panel = () => page.frameLocator(PANEL);
  const fields = () => sandbox.harness.jira.issue(DEMO).fields;
  const comments = (): string[] => sandbox.harness.jira.issue(DEMO).comments.map((c) => JSON.stringify(c.body));

  /** Five sandbox-minutes pass and the scheduled triggers run, as their fiveMinute timer would. */
  async function fiveMinutesLater(): Promise<void> {
    clock.advance(5 * MINUTE);
    await sandbox.runScheduledTriggers();
  }

  it('warns the demo issue on L1, then moves it to L2 when L1 runs out: fields, comments, panel and timeline', async () => {
    await page.goto(`${sandbox.url}/browse/${DEMO}`);
    await panel().getByText('Warning', { exact: true }).waitFor();
    expect(await page.getByTestId('field-itr-line').innerText()).toBe('L1');
    expect(await panel().locator('body').innerText()).toContain('L1 · First line');
    expect(comments()).toEqual([]);

    // First sweep: past the warning time, 2 minutes before due → the warning goes out, once.
    await fiveMinutesLater();
    expect(fields()[DEMO_FIELD_IDS.warnedLine]).toBe('L1');
    expect(fields()[DEMO_FIELD_IDS.line]).toBe('L1');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]).toContain('is about to time out on');

    // Second sweep: L1's 6 hours ran out 3 minutes ago → L2, its clock started when L1's ran out.
    await fiveMinutesLater();
    const f = fields();
    expect(f[DEMO_FIELD_IDS.line]).toBe('L2');
    expect(f[DEMO_FIELD_IDS.warnedLine] ?? null).toBeNull();
    expect(Date.parse(String(f[DEMO_FIELD_IDS.lineDueAt]))).toBe(Date.parse(String(f[DEMO_FIELD_IDS.lineEnteredAt])) + 504 * MINUTE);
    expect(comments()).toHaveLength(2);
    expect(comments()[1]).toContain('escalated to');

    // A third sweep finds nothing new: no second escalation, no further comment.
    await fiveMinutesLater();
    expect(fields()[DEMO_FIELD_IDS.line]).toBe('L2');
    expect(comments()).toHaveLength(2);

    await page.reload();
    expect(await page.getByTestId('field-itr-line').innerText()).toBe('L2');
    const timeline = panel().getByRole('region', { name: 'Line history' });
    await timeline.getByText('Timed out').waitFor();
    expect(await panel().locator('body').innerText()).toContain('L2 · Second line');
    const stays = timeline.getByRole('listitem');
    expect(await stays.count()).toBe(2);
    expect(await stays.nth(0).innerText()).toContain('6 h 0 min'); // L1 used its whole budget
    expect(await stays.nth(1).innerText()).toContain('Current line');
    await page.screenshot({ path: path.join(screenshots, 'sandbox-escalation-l2.png'), fullPage: true });
  }, 60_000);
});
