/**
 * `npm run soak` in small: the first 36 five-minute ticks (three hours) of the simulated day (sandbox
 * handlers, seeded faults; one regrade and one backfill), then the same invariants. Bounded by ticks, not wall time, so a loaded
 * machine runs the same work. The full run is `npm run soak` (about a minute).
 */
import { runSoak } from '../../scripts/soak';

it('three simulated hours of soak with faults keep every invariant', async () => {
  const figures = await runSoak({ wallMs: 120_000, maxTicks: 36, seed: 9, days: 1 });
  expect(figures.ticks).toBe(36);
  expect(Object.values(figures.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // One regrade (hour 1) and one backfill (hour 3) ran to the end, and their invariants were checked.
  expect(figures.jobs.regrade.done).toBeGreaterThanOrEqual(1);
  expect(figures.jobs.backfill.done).toBeGreaterThanOrEqual(1);
  for (const name of ['regradeReaches100Percent', 'backfillReaches100Percent', 'projectionMatchesRebuild'])
    expect(figures.invariants[name]?.checked ?? 0).toBeGreaterThan(0);
  for (const [name, v] of Object.entries(figures.invariants))
    expect({ name, violations: v.violations }).toEqual({ name, violations: [] });
  expect(figures.ok).toBe(true);
});
