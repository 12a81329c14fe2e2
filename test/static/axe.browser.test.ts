/**
 * Probe for the accessibility audit every browser test runs (./axe.ts): it must find what it is there
 * to find, or a clean run means nothing.
 */
import { chromium, type Browser } from 'playwright-core';
import { auditPage } from './axe';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from './bridgeStub';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('axe-core audit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  const findingsOf = async (html: string): Promise<string[]> => {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      return (await auditPage(page)).map((f) => f.rule);
    } finally {
      await page.close();
    }
  };
  const doc = (body: string): string =>
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main>${body}</main></body></html>`;

  it.each([
    ['an unlabelled text field', '<input type="text">', 'label'],
    ['grey text on grey', '<p style="color:#999;background:#aaa">Time left</p>', 'color-contrast'],
    // Dark mode's failure as issue 16 found it: an inactive tab's dim text on the dark surface (about 2.3:1).
    [
      'dim text on a dark surface',
      '<div style="background:#1d2125"><p style="color:#505a64">Triage</p></div>',
      'color-contrast',
    ],
    ['a button inside an image', '<div role="img" aria-label="chart"><button>bar</button></div>', 'nested-interactive'],
  ])('finds %s', async (_what, body, rule) => {
    expect(await findingsOf(doc(body))).toContain(rule);
  });

  it('passes a labelled field and readable text', async () => {
    expect(
      await findingsOf(
        doc('<label for="x">Reason</label><input id="x" type="text"><p style="color:#172b4d">Time left</p>'),
      ),
    ).toEqual([]);
  });
});
