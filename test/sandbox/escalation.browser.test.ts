/**
 * Escalation by time in the sandbox, in headless Chromium: the demo issue ITR-15 (critical, 7 minutes
 * left on L1, past its warning time) is warned and then moved to L2 by the real `escalation-sweep`
 * trigger and `escalation-consumer`, on a sandbox clock the test moves by hand (`createManualClock`
 * with the process's `Date` following it, as `npm start -- --speed` does), and the issue page shows it.
 *
 * Skipped without Chromium (CHROMIUM_PATH, default /usr/bin/chromium), like sandbox.browser.test.ts.
 */
import { createManualClock, installFakeDate, type ManualClock } from '../../sandbox/clock';
import { DEMO_FIELD_IDS } from '../../sandbox/demoSite';
import { chromiumAvailable } from '../static/bridgeStub';
import { useSandboxInBrowser } from './sandboxBrowser';

const DEMO = 'ITR-15';
const MINUTE = 60_000;

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

describeWithBrowser('escalation in the sandbox', () => {
  let clock: ManualClock = createManualClock();
  // The app reads "now" with `new Date()`: once the sandbox is up (MariaDB too) it is the sandbox clock's.
  const ui = useSandboxInBrowser({
    name: 'escalation',
    apps: ['issue-panel'],
    viewport: { width: 1280, height: 1100 },
    sandboxOptions: () => ({ clock: (clock = createManualClock()) }),
    onStarted: () => installFakeDate(clock),
  });

  const panel = () => ui.frame('itr-issue-panel');
  const fields = () => ui.sandbox.harness.jira.issue(DEMO).fields;
  const comments = (): string[] => ui.sandbox.harness.jira.issue(DEMO).comments.map((c) => JSON.stringify(c.body));

  /** Five sandbox-minutes pass and the scheduled triggers run, as their fiveMinute timer would. */
  async function fiveMinutesLater(): Promise<void> {
    clock.advance(5 * MINUTE);
    await ui.sandbox.runScheduledTriggers();
  }

  it('warns the demo issue on L1, then moves it to L2 when L1 runs out: fields, comments, panel and timeline', async () => {
    await ui.page.goto(`${ui.sandbox.url}/browse/${DEMO}`);
    // Past the warning time with time left: the lozenge says "Due soon" (the time left stays the headline).
    await panel().getByText('Due soon', { exact: true }).waitFor();
    expect(await ui.page.getByTestId('field-itr-line').innerText()).toBe('Line 1 (regional support) / 一线'); // the field's formatter
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
    expect(Date.parse(String(f[DEMO_FIELD_IDS.lineDueAt]))).toBe(
      Date.parse(String(f[DEMO_FIELD_IDS.lineEnteredAt])) + 504 * MINUTE,
    );
    expect(comments()).toHaveLength(2);
    expect(comments()[1]).toContain('escalated to');

    // A third sweep finds nothing new: no second escalation, no further comment.
    await fiveMinutesLater();
    expect(fields()[DEMO_FIELD_IDS.line]).toBe('L2');
    expect(comments()).toHaveLength(2);

    await ui.page.reload();
    expect(await ui.page.getByTestId('field-itr-line').innerText()).toBe('Line 2 (headquarters experts) / 二线');
    const timeline = panel().getByRole('region', { name: 'Line history' });
    await timeline.getByRole('button', { name: 'Show line history' }).click(); // folded, read on first unfold
    await timeline.getByText('Timed out').waitFor();
    expect(await panel().locator('body').innerText()).toContain('L2 · Second line');
    const stays = timeline.getByRole('listitem');
    expect(await stays.count()).toBe(2);
    expect(await stays.nth(0).innerText()).toContain('6 h 0 min'); // L1 used its whole budget
    expect(await stays.nth(1).innerText()).toContain('Current line');
    await ui.shoot('sandbox-escalation-l2');
  }, 60_000);
});
