/**
 * Custom UI under Forge's Content-Security-Policy (platform-doubles/customUiCsp.ts), in headless Chromium
 * through the sandbox: with the manifest's `permissions.content` the panel is styled; with the policy
 * Forge applies when nothing is declared (no 'unsafe-inline' for styles) the same build renders
 * unstyled and the browser reports the refusal. Why the app declares it: docs/decisions/custom-ui-styles.md.
 */
import type { ConsoleMessage } from 'playwright-core';
import { customUiCsp, manifestCustomUiCsp } from '../../platform-doubles/customUiCsp';
import { chromiumAvailable } from '../static/bridgeStub';
import { useSandboxInBrowser } from './sandboxBrowser';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/** What a blocked inline style looks like in Chromium's console. */
const isCspRefusal = (m: ConsoleMessage): boolean => m.type() === 'error' && /Content Security Policy/.test(m.text());

describeWithBrowser('Custom UI under the manifest CSP', () => {
  const ui = useSandboxInBrowser({ name: 'csp', apps: ['issue-panel'], viewport: { width: 1280, height: 900 } });
  const panel = () => ui.frame('itr-issue-panel');

  /** The panel's base style (static/shared/theme.ts) sets body margin 0 and the token surface colour. */
  const bodyStyle = async (): Promise<unknown> =>
    panel()
      .locator('body')
      .evaluate((b) => {
        // Runs in the page (the tests compile without DOM types).
        const s = (
          globalThis as unknown as { getComputedStyle(e: unknown): { marginTop: string; boxSizing: string } }
        ).getComputedStyle(b);
        return `${s.marginTop} ${s.boxSizing}`;
      });

  it('serves every Custom UI resource with the CSP derived from manifest.yml, and the panel is styled', async () => {
    await ui.step('declared', async () => {
      const refusals: string[] = [];
      ui.page.on('console', (m) => {
        if (isCspRefusal(m)) refusals.push(m.text());
      });
      const csp = manifestCustomUiCsp();
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self';");
      const html = await fetch(`${ui.sandbox.url}/static/issue-panel/index.html`);
      expect(html.headers.get('content-security-policy')).toBe(csp);
      await ui.page.goto(`${ui.sandbox.url}/browse/ITR-1`);
      await panel().getByText('Breached', { exact: true }).waitFor();
      expect(await bodyStyle()).toBe('0px border-box');
      expect(refusals).toEqual([]);
      expect(ui.pageErrors).toEqual([]);
    });
  });

  it("renders unstyled and reports the refusal when the styles are not declared (Forge's default policy)", async () => {
    await ui.step('undeclared', async () => {
      // The same build, served with the CSP of a manifest without `permissions.content`.
      const bare = customUiCsp({});
      expect(bare).toContain("style-src 'self';");
      await ui.page.route('**/static/**', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': bare } });
      });
      const refusals: string[] = [];
      ui.page.on('console', (m) => {
        if (isCspRefusal(m)) refusals.push(m.text());
      });
      await ui.page.goto(`${ui.sandbox.url}/browse/ITR-1`);
      await panel().getByText('Breached', { exact: true }).waitFor();
      // The text is there (scripts are 'self'), the inline styles are not.
      // Chromium's defaults: the base styles (static/shared/theme.ts) were refused.
      expect(await bodyStyle()).toBe('8px content-box');
      expect(refusals.length).toBeGreaterThan(0);
      expect(refusals.join('\n')).toMatch(/style-src/);
    });
  });
});
