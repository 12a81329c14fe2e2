/**
 * The return-visit queue, the global page's "Return visits" subpage (itr-home at route
 * `/return-visits`), in headless Chromium, every `invoke` routed to the real exported `itrHomeResolver`
 * on the platform harness. In English/light and Simplified Chinese/dark: 26 visits, newest first, 20 a
 * page with Newer/Older; each card with the issue's key (a link), summary, customer, contact, status and
 * resolution as Jira names them for the viewer; an issue the supervisor may not browse shows no
 * details; a supervisor records a visit (a refused save keeps the text; the close mirror flips to
 * 'no'; differing views are flagged on the recorded tab, newest recorded first); an engineer is
 * refused. Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { issueCreated, issueUpdated, itrHomeResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { sqlRepositories } from '../../src/adapters/sql/repositories';
import { createI18n } from '../../static/shared/i18n';
import { harness, invokeFunction } from '../../platform-doubles';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';
import { chromiumAvailable, installBridgeStub, navigateSubpage } from './bridgeStub';
import { builtApp, realResolvers, screenshots } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ENGINEER = 'acc-engineer';
const SUPERVISOR = 'acc-supervisor';
const SUPERVISOR_NAME = 'Zhao Min';
const ADMIN = '557058:0b6f9c2e-8d1a-4c3e-9f70-1a2b3c4d5e0a';
const CUSTOMER = '5b10ac8d82e05b22cc7d4e0c';
const FUNCTIONS = ['listReturnVisits', 'recordReturnVisit', 'getTriageOptions', 'listTriage'];
const HOUR = 3_600_000;
/** Sampled visits besides ITR-9 (resolved through the triggers) and SEC-1 (not browsable by the supervisor). */
const OLDER = 24;
const { jira, sql } = harness();

let ids: ReturnType<typeof defineClosureFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM return_visit');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: SUPERVISOR_NAME, groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['itr-supervisors', 'jira-administrators'] });
  jira.seedUser({ accountId: CUSTOMER, displayName: 'Wang Fang', emailAddress: 'wang.fang@example.com' });
  ids = defineClosureFields(jira);
  const issue = jira.seedIssue({
    key: 'ITR-9',
    summary: 'Printer jams after the firmware update',
    reporter: CUSTOMER,
    status: 'Resolved',
    fields: {
      [ids.kind]: 'complaint',
      [ids.customerTier]: 'strategic',
      [ids.product]: 'Field Equipment',
      [ids.region]: 'East China',
    },
  });
  await invokeFunction(issueCreated, {
    eventType: 'avi:jira:created:issue',
    issue: { id: issue.id, key: issue.key, fields: {} },
    atlassianId: ENGINEER,
  });
  await invokeFunction(issueUpdated, {
    eventType: 'avi:jira:updated:issue',
    issue: { id: issue.id, key: issue.key, fields: {} },
    atlassianId: ENGINEER,
    changelog: {
      id: '1',
      items: [
        {
          field: 'status',
          fieldId: 'status',
          fieldtype: 'jira',
          from: '3',
          fromString: 'In Progress',
          to: '5',
          toString: 'Resolved',
        },
      ],
    },
  });
  // Older sampled visits, opened as the resolution trigger does (src/app/returnVisits/onResolved.ts).
  const now = Date.now();
  jira.seedProject({ key: 'SEC', browsers: [ADMIN] });
  const secret = jira.seedIssue({ key: 'SEC-1', summary: 'Leaked credentials', status: 'Resolved' });
  await sqlRepositories.returnVisits.openVisit({
    issueId: secret.id,
    issueKey: secret.key,
    reason: 'sampled',
    kind: 'technicalService',
    grade: 'minor',
    resolvedAt: new Date(now - HOUR / 2),
    internalView: 'Done',
  });
  for (let i = 1; i <= OLDER; i++) {
    const older = jira.seedIssue({ key: `ITR-${100 + i}`, summary: `Older issue ${i}`, status: 'Resolved' });
    await sqlRepositories.returnVisits.openVisit({
      issueId: older.id,
      issueKey: older.key,
      reason: 'sampled',
      kind: 'technicalService',
      grade: 'minor',
      resolvedAt: new Date(now - i * HOUR),
      internalView: 'Done',
    });
  }
});

describeWithBrowser('return-visit queue (itr-home, Return visits) in Chromium', () => {
  const app = builtApp('itr-home', { screenshots: true });

  async function open(accountId: string, locale: string, colorMode: 'light' | 'dark', route = '/return-visits') {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 1000 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-home' },
      colorMode,
      resolvers: realResolvers(itrHomeResolver, FUNCTIONS, { accountId }),
      route,
    });
    await page.goto(app.url);
    return { page, errors };
  }

  const keysOnPage = async (page: Page) =>
    Promise.all((await page.getByTestId('visit-card').all()).map((card) => card.getAttribute('data-issue')));

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)(
    '%s, %s: newest first, 20 a page, the issue as Jira shows it, record a visit',
    async (locale, colorMode) => {
      const { t } = createI18n(locale, 'Asia/Shanghai');
      expect(jira.issue('ITR-9').fields[ids.visitOpen]).toBe('yes');
      const { page, errors } = await open(SUPERVISOR, locale, colorMode);
      const card = page.locator('[data-testid="visit-card"][data-issue="ITR-9"]');
      await card.waitFor();

      // Newest first: ITR-9 (resolved now), SEC-1 (half an hour ago), then ITR-101, ITR-102, …
      expect(await keysOnPage(page)).toEqual([
        'ITR-9',
        'SEC-1',
        ...Array.from({ length: 18 }, (_, i) => `ITR-${101 + i}`),
      ]);
      expect(await page.getByTestId('visits-range').innerText()).toBe(
        t('visits.range', { from: 1, to: 20, total: OLDER + 2 }),
      );
      expect(await page.getByTestId('visits-previous').isDisabled()).toBe(true);

      // The card: key as a link to the issue, summary, status and resolution as Jira names them,
      // the customer (tier label in the viewer's language, product, region) and whom to call.
      expect(await card.getByTestId('visit-issue-link').getAttribute('href')).toBe(
        'https://example.atlassian.net/browse/ITR-9',
      );
      expect(await card.getByTestId('visit-summary').innerText()).toBe('Printer jams after the firmware update');
      expect(await card.getByTestId('visit-status').innerText()).toMatch(/^resolved$/i);
      expect(await card.getByTestId('visit-resolution').innerText()).toBe(
        t('visits.resolution', { resolution: 'Done' }),
      );
      expect(await card.getByTestId('visit-customer').innerText()).toBe(
        t('visits.customer', {
          customer: `${locale === 'zh_CN' ? '战略客户' : 'Strategic'} · Field Equipment · East China`,
        }),
      );
      expect(await card.getByTestId('visit-contact').innerText()).toBe(
        `${t('visits.contact', { name: 'Wang Fang' })} · wang.fang@example.com`,
      );
      // An issue the supervisor may not browse: the visit is listed, its details are not.
      const secret = page.locator('[data-testid="visit-card"][data-issue="SEC-1"]');
      expect(await secret.getByTestId('visit-hidden').innerText()).toBe(t('visits.hidden'));
      expect(await secret.innerText()).not.toContain('Leaked credentials');
      await shoot(page, `return-visits-${locale}-${colorMode}-open`);

      // Older: the last six; Newer goes back.
      await page.getByTestId('visits-next').click();
      await page.locator('[data-testid="visit-card"][data-issue="ITR-124"]').waitFor();
      expect(await keysOnPage(page)).toEqual(Array.from({ length: 6 }, (_, i) => `ITR-${119 + i}`));
      expect(await page.getByTestId('visits-next').isDisabled()).toBe(true);
      expect(await page.getByTestId('visits-range').innerText()).toBe(
        t('visits.range', { from: 21, to: 26, total: OLDER + 2 }),
      );
      await page.getByTestId('visits-previous').click();
      await card.waitFor();

      // Record ITR-9: refused without a satisfaction (the words stay), then recorded.
      await card.getByTestId('visit-words').fill('修好了，但等了三天');
      await card.getByTestId('visit-record').click();
      await card.getByTestId('visit-error').waitFor();
      expect(await card.getByTestId('visit-words').inputValue()).toBe('修好了，但等了三天');
      await card.getByTestId('visit-satisfaction').selectOption('2');
      await card.getByTestId('visit-record').click();
      await page.getByText(t('visits.recorded', { issueKey: 'ITR-9' })).waitFor();
      await card.waitFor({ state: 'detached' });
      expect(jira.issue('ITR-9').fields[ids.visitOpen]).toBe('no');
      expect((await keysOnPage(page))[0]).toBe('SEC-1');

      // The recorded tab: ITR-9 on top, its views differ (2/5, solved).
      await page.locator('#visits-tab-done').click();
      const done = page.locator('[data-testid="visit-card"][data-issue="ITR-9"]');
      await done.getByTestId('visit-differs').waitFor();
      expect(await done.getByTestId('visit-customer-view').innerText()).toContain('2/5');
      // Who recorded it, by name.
      expect(await done.getByTestId('visit-recorded').innerText()).toContain(SUPERVISOR_NAME);
      expect(await keysOnPage(page)).toEqual(['ITR-9']);
      await expectPageShowsNoAccountIds(page, [ADMIN, SUPERVISOR, ENGINEER, CUSTOMER]);
      await shoot(page, `return-visits-${locale}-${colorMode}-recorded`);
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );

  it('follows Jira’s sidebar: the queue appears when the history moves to /return-visits', async () => {
    const { page, errors } = await open(SUPERVISOR, 'en_US', 'light', '/');
    // The module's own URL shows triage (the first subpage); no queue is asked for.
    await page.locator('[data-subpage="triage"]').waitFor();
    expect(await page.getByTestId('visit-card').count()).toBe(0);
    await navigateSubpage(page, '/return-visits');
    await page.locator('[data-testid="visit-card"][data-issue="ITR-9"]').waitFor();
    expect(await page.locator('[data-subpage="triage"]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses an engineer, in Simplified Chinese', async () => {
    const { page, errors } = await open(ENGINEER, 'zh_CN', 'dark');
    await page.getByTestId('visits-error').waitFor();
    expect(await page.getByTestId('visits-error').innerText()).toContain('只有监督角色');
    expect(await page.getByTestId('visit-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  }
});
