/**
 * The sandbox clock: sandbox time runs `speed` times faster than real time from the moment the
 * sandbox starts (speed 1 = real time). It drives scheduled triggers and the time in the top bar.
 *
 * With `installFakeDate`, the whole sandbox process (the app's code included, which reads the time
 * with `new Date()` / `Date.now()`) sees sandbox time. Only `Date.now()` and `new Date()` without
 * arguments are replaced: parsing, formatting and `new Date(ms)` behave as usual, and timers
 * (`setTimeout`) keep real time, so MariaDB connections and HTTP keep working. Install it only
 * after MariaDB is up (its start-up loop measures timeouts with `Date.now()`).
 */
export interface SandboxClock {
  /** Sandbox time, epoch ms. */
  now(): number;
  /** Sandbox seconds per real second; ≥ 1 in practice, default 1. */
  readonly speed: number;
  /** Real epoch ms at which the sandbox started (sandbox time = real time there). */
  readonly startedAt: number;
}

const REAL_DATE = Date;
const realNow = (): number => REAL_DATE.now();

export function createClock(speed = 1, startedAt: number = realNow()): SandboxClock {
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`--speed must be a positive number, got ${speed}`);
  return {
    speed,
    startedAt,
    now: () => (speed === 1 ? realNow() : startedAt + (realNow() - startedAt) * speed),
  };
}

/** A clock moved by hand (tests): sandbox time = real time + everything `advance` added. */
export interface ManualClock extends SandboxClock {
  readonly manual: true;
  advance(ms: number): void;
}

/**
 * For tests that step through time: `speed` is 1, so the sandbox's own timers fire at real-time
 * intervals (five real minutes for a `fiveMinute` trigger: never during a test); the test advances the
 * clock and runs the triggers itself (`RunningSandbox.runScheduledTriggers`).
 */
export function createManualClock(startedAt: number = realNow()): ManualClock {
  let offset = 0;
  return {
    manual: true,
    speed: 1,
    startedAt,
    now: () => realNow() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`the sandbox clock only moves forward, got ${ms} ms`);
      offset += ms;
    },
  };
}

/** Replaces the global `Date` so that "now" is the sandbox clock's. Returns an uninstall function. */
export function installFakeDate(clock: SandboxClock): () => void {
  if (clock.speed === 1 && !('manual' in clock)) return () => undefined;
  class SandboxDate extends REAL_DATE {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return clock.now();
    }
  }
  globalThis.Date = SandboxDate as DateConstructor;
  return () => {
    globalThis.Date = REAL_DATE;
  };
}
