/**
 * The return-visits page in headless Chromium, every `invoke` routed to the real exported
 * `returnVisitsResolver` on the platform harness: a supervisor records a visit of a resolved complaint
 * (the difference of views is flagged, the close mirror flips to 'no'); an engineer is refused in
 * Simplified Chinese. Skipped when no Chromium is installed (outside CI).
 */
import { issueCreated, issueUpdated, returnVisitsResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { harness, invokeFunction } from '../../platform-doubles';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, realResolvers } from './browserApp';
import { expectPageShowsNoAccountIds } from './accountIds';
import { pick, placeholderOf } from './peoplePicker';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ENGINEER = 'acc-engineer';
const SUPERVISOR = 'acc-supervisor';
const ADMIN = '557058:0b6f9c2e-8d1a-4c3e-9f70-1a2b3c4d5e0a';
const CLOSER = '5b10ac8d82e05b22cc7d4e0b';
const FUNCTIONS = [
  'listReturnVisits',
  'recordReturnVisit',
  'getClosureAdmin',
  'saveReturnVisitSettings',
  'setFallbackClosers',
  'publishCloseProperty',
  'searchPeople',
];
const { jira, sql } = harness();

let ids: ReturnType<typeof defineClosureFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM return_visit');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['itr-supervisors', 'jira-administrators'] });
  jira.seedUser({ accountId: CLOSER, displayName: 'Chen Jie' });
  ids = defineClosureFields(jira);
  const issue = jira.seedIssue({ key: 'ITR-9', fields: { [ids.kind]: 'complaint', status: { name: 'Resolved' } } });
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
});

describeWithBrowser('return-visits page in Chromium', () => {
  const app = builtApp('return-visits');

  async function open(accountId: string, locale: string) {
    const page = await app.browser.newPage({ viewport: { width: 900, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const resolvers = realResolvers(returnVisitsResolver, FUNCTIONS, { accountId });
    await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: null, accountId, moduleKey: 'itr-return-visits' },
      colorMode: 'light',
      resolvers,
    });
    await page.goto(app.url);
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

    await page.locator('#visits-tab-done').click();
    await page.getByTestId('visit-differs').waitFor();
    expect(await page.getByTestId('visit-customer-view').innerText()).toContain('2/5');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('an admin picks fallback closers by name, in Simplified Chinese; the history names people, never ids', async () => {
    const { page, errors } = await open(ADMIN, 'zh_CN');
    const admin = page.getByTestId('visits-admin');
    await admin.waitFor();
    const closers = page.locator('[data-path="accountIds"]');
    expect(await placeholderOf(page, closers)).toBe('输入姓名搜索');
    await pick(page, closers, 'Chen', 'Chen Jie');
    await page.getByTestId('fallback-closers-chips').getByText('Chen Jie').waitFor();
    await page.getByTestId('fallback-reason').fill('提单人已离职');
    await page.getByTestId('fallback-save').click();
    await page
      .getByTestId('fallback-history')
      .getByText(/Zhang Wei.*Chen Jie.*提单人已离职/)
      .waitFor();
    await expectPageShowsNoAccountIds(page, [ADMIN, CLOSER, SUPERVISOR, ENGINEER]);
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
