/**
 * The supervision dashboard gadget in headless Chromium against the real gadget resolver (harness: Jira
 * double, MariaDB), in English and Chinese, light and dark: "Loading…" until its numbers are in (never a
 * blank gadget), then the open and breached counts Jira's search finds, each opening its issues in Jira;
 * a failure is one error message with a Retry that loads the numbers.
 */
import { supervisionGadgetResolver } from '../../src/index';
import { harness } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { chromiumAvailable, installBridgeStub, type ResolverStub } from './bridgeStub';
import { builtApp, realResolvers } from './browserApp';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;
const SUPERVISOR = 'acc-supervisor';

const { jira } = harness();

beforeEach(() => {
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhang Wei' });
  const ids = defineItrFields(jira);
  for (let i = 1; i <= 12; i++) {
    jira.seedIssue({
      key: `ITR-${i}`,
      created: new Date(Date.UTC(2026, 0, i, 8)),
      fields: {
        [ids.kind]: 'complaint',
        // A quarter of them past their line's due time.
        ...(i % 4 === 0 ? { [ids.breachedAt]: '2026-01-20T08:00:00.000+0000' } : {}),
        ...(i > 9 ? { resolutiondate: '2026-01-25T08:00:00.000+0000', resolution: { name: 'Done' } } : {}),
      },
    });
  }
});

describeWithBrowser('supervision gadget in Chromium', () => {
  const app = builtApp('gadget');

  it.each<[string, 'light' | 'dark', { loading: string; open: string; retry: string }]>([
    ['en_US', 'light', { loading: 'Loading…', open: 'Open', retry: 'Try again' }],
    ['zh_CN', 'dark', { loading: '加载中…', open: '未关闭', retry: '重试' }],
  ])(
    '%s %s: loading, then the numbers, each opening its issues; a failure retries',
    async (locale, mode, words) => {
      let release: () => void = () => undefined;
      let gate = new Promise<void>((resolve) => (release = resolve));
      let fail = false;
      const real = realResolvers(supervisionGadgetResolver, ['getGadgetNumbers'], { accountId: SUPERVISOR });
      const page = await app.browser.newPage({ viewport: { width: 600, height: 300 }, colorScheme: mode });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const calls = await installBridgeStub(page, {
        context: {
          locale,
          timezone: 'UTC',
          issueKey: null,
          accountId: SUPERVISOR,
          moduleKey: 'itr-supervision-gadget',
        },
        colorMode: mode,
        resolvers: {
          getGadgetNumbers: async (payload) => {
            await gate;
            if (fail) throw new Error('the function timed out');
            return (real['getGadgetNumbers'] as ResolverStub)(payload);
          },
        },
      });
      await page.goto(app.url);
      await page.getByTestId('gadget-loading').getByText(words.loading).waitFor();
      release();
      // Nine open (three resolved), two of them breached (the third breached one is resolved).
      await page.getByTestId('gadget-open').waitFor();
      expect(await page.getByTestId('gadget-open').innerText()).toBe('9');
      expect(await page.getByTestId('gadget-breached').innerText()).toBe('2');
      expect(await page.getByTestId('gadget-open').getAttribute('aria-label')).toBe(`${words.open}: 9`);
      await page.getByTestId('gadget-breached').click();
      await page.waitForTimeout(200);
      const navigations = calls.filter((c) => c.name === 'navigate').map((c) => JSON.stringify(c.payload));
      expect(navigations.some((n) => n.includes('IS%20NOT%20EMPTY'))).toBe(true);

      // A failure: one error message, whose Retry loads the numbers.
      fail = true;
      gate = Promise.resolve();
      await page.reload();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').count()).toBe(1);
      fail = false;
      await page.getByRole('button', { name: words.retry }).click();
      await page.getByTestId('gadget-open').waitFor();
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );
});
