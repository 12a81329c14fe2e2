/**
 * axe-core in every browser test: each page a test opens is audited when the test closes it (or when
 * the test ends, for a page left open), and the test fails on a serious or critical violation of
 * WCAG 2.1 A/AA. The audit runs through the DevTools protocol, so the Custom UI's CSP (no inline
 * scripts) does not stop it and the page under test loads nothing extra.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
  }>;
}

/** The serious and critical WCAG 2.1 A/AA violations of the page as it is now. */
export async function auditPage(page: Page): Promise<AxeFinding[]> {
  // Into every frame: axe audits a Custom UI iframe (the sandbox's host pages) through its own copy there.
  for (const frame of page.frames()) await frame.evaluate(AXE_SOURCE).catch(() => undefined);
  const result = await page.evaluate<AxeResult>(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  })`);
  return result.violations
    .filter((v) => v.impact !== null && BLOCKING.has(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      // Generated class names say little: the element's opening tag and axe's reason (ratio, colours) do.
      targets: v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.map(String).join(' ')} ${n.html.slice(0, 160)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`,
        ),
    }));
}

export function formatFindings(findings: readonly AxeFinding[]): string {
  return findings.map((f) => `${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

/**
 * Audits every page `browser` opens (through `newPage` or a new context): before the page closes and,
 * for pages still open, after each test. Call once per launched browser; the returned `afterEach`
 * body throws with the findings of the test that just ran.
 */
export function auditEveryPage(browser: Browser): () => Promise<void> {
  const open = new Set<Page>();
  let findings: Array<AxeFinding & { url: string }> = [];

  const audit = async (page: Page): Promise<void> => {
    if (page.isClosed()) return;
    try {
      const url = page.url();
      if (!url.startsWith('http')) return; // about:blank and the like: nothing of ours
      // A plain-text answer (a refusal the browser shows as <pre>) is not a page anyone styled.
      if ((await page.evaluate('document.contentType')) !== 'text/html') return;
      for (const f of await auditPage(page)) findings.push({ ...f, url });
    } catch (e) {
      // A page that navigates away or crashed mid-audit is the test's own failure to report, not ours.
      if (!page.isClosed() && !/context|navigat|Target/.test(String(e))) throw e;
    }
  };
  const instrument = (page: Page): void => {
    open.add(page);
    const close = page.close.bind(page);
    page.close = async (options) => {
      if (open.delete(page)) await audit(page);
      return close(options);
    };
  };
  const instrumentContext = (context: BrowserContext): BrowserContext => {
    context.on('page', instrument);
    return context;
  };

  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    if (!open.has(page)) instrument(page);
    return page;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => instrumentContext(await newContext(options));

  return async () => {
    // Pages still open are audited now, once: closing them later does not audit them again.
    for (const page of [...open]) {
      open.delete(page);
      await audit(page);
    }
    const found = findings;
    findings = [];
    if (found.length > 0) {
      throw new Error(
        `accessibility (axe-core, WCAG 2.1 AA): ${found.length} serious or critical violation(s)\n` +
          found.map((f) => `${f.url}\n  ${formatFindings([f])}`).join('\n'),
      );
    }
  };
}
