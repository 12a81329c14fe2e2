/**
 * `npm run soak` in small: five wall-clock seconds of the simulated day (sandbox handlers, seeded
 * faults), then the same invariants. The full run is `npm run soak` (about a minute).
 */
import { runSoak } from '../../scripts/soak';

it('a 5-second soak with faults keeps every invariant', async () => {
  const figures = await runSoak({ wallMs: 5_000, seed: 9, days: 1 });
  expect(figures.ticks).toBeGreaterThan(5);
  expect(Object.values(figures.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  for (const [name, v] of Object.entries(figures.invariants)) expect({ name, violations: v.violations }).toEqual({ name, violations: [] });
  expect(figures.ok).toBe(true);
});
