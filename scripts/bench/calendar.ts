/**
 * Calendar speed check, run by hand (`npm run bench:calendar`), never in unit tests: timings
 * depend on the machine. Prints one JSON object; medians of RUNS calls after WARMUP calls.
 * "cold" is the very first call per calendar, which also fills the zone-offset cache.
 */
import os from 'os';
import { addWorkingTime, DEFAULT_CALENDARS, workingMinutesBetween } from '../../src/domain/calendar';

const RUNS = 201;
const WARMUP = 20;
/** A working month: 22 days of 7.5 h. */
const MONTH_MINUTES = 22 * 7.5 * 60;
const START = new Date('2026-01-01T00:00:00Z');
const YEAR_END = new Date('2027-01-01T00:00:00Z');
const DECADE_END = new Date('2036-01-01T00:00:00Z');

function micros(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function measure(fn: () => unknown): { coldUs: number; medianUs: number } {
  const coldUs = micros(fn);
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(micros(fn));
  const round = (n: number): number => Math.round(n * 10) / 10;
  return { coldUs: round(coldUs), medianUs: round(median(samples)) };
}

const results = DEFAULT_CALENDARS.map(({ id, calendar }) => ({
  calendar: id,
  // Cold first: countYear warms the caches that addMonth then reuses.
  countYear: measure(() => workingMinutesBetween(calendar, START, YEAR_END)),
  addMonth: measure(() => addWorkingTime(calendar, START, MONTH_MINUTES)),
  countDecade: measure(() => workingMinutesBetween(calendar, START, DECADE_END)),
  addYearOfWork: measure(() => addWorkingTime(calendar, START, 250 * 8 * 60)),
}));

console.log(
  JSON.stringify(
    {
      bench: 'calendar',
      unit: 'microseconds per call',
      runs: RUNS,
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      results,
    },
    null,
    2,
  ),
);
