/**
 * The sandbox clock (sandbox/clock.ts): sandbox time runs `speed` times faster from the start, and the
 * fake `Date` replaces only "now" (Date.now(), new Date()), never parsing or explicit instants.
 */
import { createClock, installFakeDate } from '../../sandbox/clock';

describe('sandbox clock', () => {
  it('runs `speed` sandbox seconds per real second from its start', () => {
    const start = Date.now() - 2_000; // started two real seconds ago
    const clock = createClock(60, start);
    const elapsed = clock.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(120_000);
    expect(elapsed).toBeLessThan(120_000 + 60 * 1_000); // within a real second of scheduling slack
  });

  it('is real time at speed 1, and rejects a speed that is not positive', () => {
    const clock = createClock(1);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
    expect(() => createClock(0)).toThrow(/positive/);
    expect(() => createClock(Number.NaN)).toThrow(/positive/);
  });

  it('fakes only "now" in Date, and uninstalls', () => {
    const RealDate = Date;
    const clock = createClock(3600, RealDate.now() - 1_000); // one real second = one sandbox hour
    const uninstall = installFakeDate(clock);
    try {
      expect(Date.now() - RealDate.now()).toBeGreaterThan(3_000_000);
      expect(new Date().getTime() - RealDate.now()).toBeGreaterThan(3_000_000);
      expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
      expect(new Date('2026-03-01T00:00:00Z').getTime()).toBe(RealDate.UTC(2026, 2, 1));
      expect(new Date() instanceof RealDate).toBe(true);
    } finally {
      uninstall();
    }
    expect(Date).toBe(RealDate);
    expect(installFakeDate(createClock(1))).toBeInstanceOf(Function); // speed 1: nothing installed
    expect(Date).toBe(RealDate);
  });
});
