/**
 * The return-visits page in headless Chromium, every `invoke` routed to the real exported
 * `returnVisitsResolver` on the platform harness: a supervisor records a visit of a resolved complaint
 * (the difference of views is flagged, the close mirror flips to 'no'); an engineer is refused in
 * Simplified Chinese. Skipped when no Chromium is installed (outside CI).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { issueCreated, issueUpdated, returnVisitsResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { harness, invokeFunction, invokeResolver } from '../harness';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable, installBridgeStub, serveStatic, type StaticServer } from './bridgeStub';

const repoRoot = path.resolve(__dirname, '..', '..');
const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ENGINEER = 'acc-engineer';
const SUPERVISOR = 'acc-supervisor';
const FUNCTIONS = ['listReturnVisits', 'recordReturnVisit', 'getClosureAdmin', 'saveReturnVisitSettings', 'setFallbackClosers', 'publishCloseProperty'];
const { jira, sql } = harness();

let ids: ReturnType<typeof defineClosureFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM return_visit');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  ids = defineClosureFields(jira);
  const issue = jira.seedIssue({ key: 'ITR-9', fields: { [ids.kind]: 'complaint', status: { name: 'Resolved' } } });
  await invokeFunction(issueCreated, { eventType: 'avi:jira:created:issue', issue: { id: issue.id, key: issue.key, fields: {} }, atlassianId: ENGINEER });
  await invokeFunction(issueUpdated, {
    eventType: 'avi:jira:updated:issue',
    issue: { id: issue.id, key: issue.key, fields: {} },
    atlassianId: ENGINEER,
    changelog: { id: '1', items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', from: '3', fromString: 'In Progress', to: '5', toString: 'Resolved' }] },
  });
});

describeWithBrowser('return-visits page in Chromium', () => {
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'itr-ui-'));
    const build = spawnSync(process.execPath, ['static/build.mjs', 'return-visits', '--out', outDir], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`Custom UI build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveStatic(path.join(outDir, 'return-visits'));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  async function open(accountId: string, locale: string) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = Object.fromEntries(FUNCTIONS.map((key) => [key, (payload: unknown) => invokeResolver(returnVisitsResolver, key, payload, { accountId })]));
    await installBridgeStub(page, { context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-return-visits' }, colorMode: 'light', resolvers });
    await page.goto(server.url);
    return { page, errors };
  }

  it('a supervisor records the visit; a refused save keeps the text; differing views are flagged', async () => {
    expect(jira.issue('ITR-9').fields[ids.visitOpen]).toBe('yes');
    const { page, errors } = await open(SUPERVISOR, 'en_US');
    const card = page.getByTestId('visit-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('ITR-9');
    await page.getByTestId('visit-words').fill('Fixed, but it took three days');
    await page.getByTestId('visit-record').click(); // no satisfaction chosen yet
    await page.getByText('Choose a satisfaction from 1 to 5.').waitFor();
    expect(await page.getByTestId('visit-words').inputValue()).toBe('Fixed, but it took three days');
    await page.getByTestId('visit-satisfaction').selectOption('2');
    await page.getByTestId('visit-record').click();
    await page.getByText('Visit recorded for ITR-9.').waitFor();
    expect(jira.issue('ITR-9').fields[ids.visitOpen]).toBe('no');

    await page.getByTestId('visits-tab-done').click();
    await page.getByTestId('visit-differs').waitFor();
    expect(await page.getByTestId('visit-customer-view').innerText()).toContain('2/5');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses an engineer, in Simplified Chinese', async () => {
    const { page, errors } = await open(ENGINEER, 'zh_CN');
    await page.getByTestId('visits-error').waitFor();
    expect(await page.getByTestId('visits-error').innerText()).toContain('只有监督角色');
    expect(await page.getByTestId('visit-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
