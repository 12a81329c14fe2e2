/**
 * The root-cause section of the issue panel in headless Chromium: the stand-in Forge host
 * (bridgeStub.ts) answers `getIssueItrState` from a fixture and routes `getRootCause` /
 * `saveRootCause` to the real exported `issuePanelResolver` on the platform harness (Jira double,
 * MariaDB). A root cause that blames the customer is flagged in English and in Simplified Chinese,
 * and the typed text stays in the form. Skipped when no Chromium is installed (outside CI).
 */
import { issuePanelResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp } from './browserApp';
import { ok, onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ENGINEER = 'acc-engineer';
const { jira, sql } = harness();

let ids: ReturnType<typeof defineClosureFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM root_cause_version');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  ids = defineClosureFields(jira);
  jira.seedIssue({ key: 'ITR-42', fields: { [ids.classification]: 'problem' } });
});

describeWithBrowser('root cause section in Chromium', () => {
  const app = builtApp('issue-panel');

  const real = (key: string) => (payload: unknown) =>
    invokeResolver(issuePanelResolver, key, payload, {
      accountId: ENGINEER,
      context: { extension: { issue: { key: 'ITR-42' } } },
    });

  it.each([
    [
      'en_US',
      'Customer misuse of the console',
      'This root cause points outside the company (the customer',
      'Complete: the issue may be resolved.',
    ],
    ['zh_CN', '客户操作不当导致设备重启', '此根因归咎于公司外部（客户', '已完整：问题单可以解决。'],
  ])(
    '%s: flags a customer-blaming root cause, keeps the text, accepts an override reason',
    async (locale, rootCause, flagText, completeText) => {
      const page = await app.browser.newPage({ viewport: { width: 560, height: 1400 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await installBridgeStub(page, {
        context: { locale, timezone: 'Asia/Shanghai', issueKey: 'ITR-42', accountId: ENGINEER },
        colorMode: 'light',
        resolvers: {
          getIssueItrState: () => ok({ ...onTrackTechnicalServiceAtL2, issueKey: 'ITR-42' }),
          getRootCause: real('getRootCause'),
          saveRootCause: real('saveRootCause'),
        },
      });
      await page.goto(app.url);
      await page.getByTestId('root-cause-toggle').click();
      const form = page.getByTestId('root-cause-form');
      await form.locator('[data-path="whys.0"]').waitFor();
      await form.locator('[data-path="whys.0"]').fill('The router rebooted');
      await page.getByTestId('root-cause-add-why').click();
      await form.locator('[data-path="whys.1"]').fill('The console allowed a factory reset without confirmation');
      await form.locator('[data-path="rootCause"]').fill(rootCause);
      await form.locator('[data-path="shortTermMeasure"]').fill('Restored the configuration');
      await form.locator('[data-path="longTermMeasure"]').fill('Factory reset asks for confirmation');
      await form.locator('[data-path="technicalZero"]').fill('Fixed in 4.3.1');
      await form.locator('[data-path="managementZero"]').fill('UI review checklist covers destructive actions');
      await page.getByTestId('root-cause-save').click();

      const flag = page.getByTestId('root-cause-flag');
      await flag.waitFor();
      expect(await flag.innerText()).toContain(flagText);
      expect(await form.locator('[data-path="rootCause"]').inputValue()).toBe(rootCause); // nothing typed is lost
      expect(jira.issue('ITR-42').fields[ids.rootCause]).toBe('no');

      await flag.locator('[data-path="overrideReason"]').fill('Contract: the customer operates the device');
      await page.getByTestId('root-cause-save').click();
      await page.getByText(completeText).waitFor();
      expect(jira.issue('ITR-42').fields[ids.rootCause]).toBe('yes');
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
