/**
 * The root-cause section of the issue panel in headless Chromium: the stand-in Forge host
 * (bridgeStub.ts) answers `getIssueItrState` from a fixture (an open problem: the root cause is its next
 * step) and routes `getRootCause` / `saveRootCause` to the real exported `issuePanelResolver` on the
 * platform harness (Jira double, MariaDB). In English and Simplified Chinese, light and dark:
 *  - saving an empty form is refused before any call: each field says "Required." and no success shows;
 *  - the labels are in the reader's language only (no Chinese in the English ones);
 *  - a root cause that blames the customer is flagged, the typed text stays, an override reason completes it.
 * Skipped when no Chromium is installed (outside CI).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { issuePanelResolver } from '../../src/index';
import { runMigrations } from '../../src/adapters/sql';
import { harness, invokeResolver } from '../../platform-doubles';
import { defineClosureFields } from '../app/closure/closureFields.fixtures';
import { chromiumAvailable, installBridgeStub } from './bridgeStub';
import { builtApp, screenshots } from './browserApp';
import { NOW, ok, onTrackTechnicalServiceAtL2, openProblemWithoutRootCause } from './issueItrState.fixtures';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const ENGINEER = 'acc-engineer';
const { jira, sql } = harness();
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

let ids: ReturnType<typeof defineClosureFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM root_cause_version');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  ids = defineClosureFields(jira);
  jira.seedIssue({ key: 'ITR-42', fields: { [ids.classification]: 'problem' } });
});

const versions = async (): Promise<number> => {
  const rows = await sql.raw<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM root_cause_version');
  return Number(rows[0]?.n ?? 0);
};

describeWithBrowser('root cause section in Chromium', () => {
  const app = builtApp('issue-panel', { screenshots: true });

  const real = (key: string) => (payload: unknown) =>
    invokeResolver(issuePanelResolver, key, payload, {
      accountId: ENGINEER,
      context: { extension: { issue: { key: 'ITR-42' } } },
    });

  /** The panel of ITR-42, an open problem whose root cause is its next step; the form opened from that step. */
  async function openForm(locale: string, colorMode: 'light' | 'dark') {
    const page = await app.browser.newPage({ viewport: { width: 560, height: 1400 }, colorScheme: colorMode });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date(NOW));
    const calls = await installBridgeStub(page, {
      context: { locale, timezone: 'Asia/Shanghai', issueKey: 'ITR-42', accountId: ENGINEER },
      colorMode,
      resolvers: {
        getIssueItrState: () => ok({ ...onTrackTechnicalServiceAtL2, closure: openProblemWithoutRootCause }),
        suggestCases: () =>
          ok({ issueKey: 'ITR-42', hits: [], resolved: false, product: null, grade: null, helpedCaseIds: [] }),
        listHandoffs: () => ok([]),
        getLastingFixes: real('getLastingFixes'),
        getRootCause: real('getRootCause'),
        saveRootCause: real('saveRootCause'),
      },
    });
    await page.goto(app.url);
    await page.getByTestId('next-fill-root-cause').click();
    const form = page.getByTestId('root-cause-form');
    await form.locator('[data-path="whys.0"]').waitFor();
    const saves = () =>
      calls.filter((c) => (c.payload as { functionKey?: string } | null)?.functionKey === 'saveRootCause').length;
    return { page, form, errors, saves };
  }

  const errorsAt = (page: Page, path: string) => page.getByTestId(`root-cause-error-${path}`);

  it.each([
    ['en_US', 'light', 'Required.', 'Nothing was saved: fill in the fields marked below.'],
    ['zh_CN', 'dark', '必填。', '尚未保存：请填写下方标出的字段。'],
    ['en_US', 'dark', 'Required.', 'Nothing was saved: fill in the fields marked below.'],
    ['zh_CN', 'light', '必填。', '尚未保存：请填写下方标出的字段。'],
  ] as const)(
    '%s %s: saving an empty form is refused: each field says what is missing, nothing is saved, no success',
    async (locale, mode, required, notSaved) => {
      const { page, form, errors, saves } = await openForm(locale, mode);
      await page.getByTestId('root-cause-save').click();
      const alert = page.getByTestId('root-cause-not-saved');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(notSaved);
      expect(await alert.getAttribute('role')).toBe('alert');
      for (const path of ['rootCause', 'shortTermMeasure', 'longTermMeasure', 'technicalZero', 'managementZero']) {
        expect(await errorsAt(page, path).innerText()).toBe(required);
        // The mark is tied to its field for screen readers.
        const field = form.locator(`[data-path="${path}"]`);
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        const describedBy = await field.getAttribute('aria-describedby');
        expect(await page.locator(`[id="${describedBy ?? ''}"]`).innerText()).toBe(required);
      }
      expect(await errorsAt(page, 'whys.0').count()).toBe(1);
      expect(await page.getByTestId('root-cause-saved').count()).toBe(0);
      expect(saves()).toBe(0);
      await page.screenshot({
        path: path.join(screenshots, `issue-panel-${locale}-${mode}-root-cause-empty.png`),
        fullPage: true,
      });
      expect(await versions()).toBe(0);
      expect(jira.issue('ITR-42').fields[ids.rootCause]).toBeUndefined();

      // Writing a field clears its mark at once; the others stay marked.
      await form.locator('[data-path="rootCause"]').fill('The console allows a reset without confirmation');
      expect(await errorsAt(page, 'rootCause').count()).toBe(0);
      expect(await errorsAt(page, 'shortTermMeasure').innerText()).toBe(required);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it.each([
    ['en_US', 'light'],
    ['zh_CN', 'dark'],
  ] as const)("%s %s: the labels are in the reader's language only", async (locale, mode) => {
    const { page, form, errors } = await openForm(locale, mode);
    const labels = await form.locator('label').allInnerTexts();
    if (locale === 'en_US') {
      expect(labels).toContain('Short-term measure (fire-fighting: stop the loss)');
      expect(labels).toContain('Long-term measure (fire prevention: make it impossible again)');
      for (const label of labels) expect(label).not.toMatch(CJK);
      expect(await form.innerText()).not.toMatch(CJK);
    } else {
      expect(labels).toContain('短期措施（灭火：止住客户损失）');
      expect(labels).toContain('长期措施（防火：杜绝再次发生）');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [
      'en_US',
      'light',
      'Customer misuse of the console',
      'This root cause points outside the company (the customer',
      'Saved (version 2). Complete: the issue may be resolved.',
    ],
    [
      'zh_CN',
      'dark',
      '客户操作不当导致设备重启',
      '此根因归咎于公司外部（客户',
      '已保存（第 2 版）。已完整：事务可以解决。',
    ],
  ] as const)(
    '%s %s: flags a customer-blaming root cause, keeps the text, accepts an override reason',
    async (locale, mode, rootCause, flagText, savedText) => {
      const { page, form, errors } = await openForm(locale, mode);
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
      // A flagged save shows its flag, not a success.
      expect(await page.getByTestId('root-cause-saved').count()).toBe(0);

      await flag.locator('[data-path="overrideReason"]').fill('Contract: the customer operates the device');
      await page.getByTestId('root-cause-save').click();
      await page.getByTestId('root-cause-saved').getByText(savedText).waitFor();
      expect(jira.issue('ITR-42').fields[ids.rootCause]).toBe('yes');
      // Complete: the next step no longer asks for the root cause, and the form stays where it was.
      expect(await page.getByTestId('itr-next-step').count()).toBe(0);
      expect(await form.locator('[data-path="rootCause"]').inputValue()).toBe(rootCause);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
