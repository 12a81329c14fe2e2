/**
 * Conversion between real instants and wall-clock time in an IANA zone, using only
 * `Intl.DateTimeFormat` (no tz library, no ambient zone).
 *
 * Vocabulary: an *instant* is epoch milliseconds (what `Date#getTime` returns). A *wall-clock*
 * value is the local date and time read as if it were UTC, also in milliseconds: for
 * 2026-03-08 03:00 in New York it is `Date.UTC(2026, 2, 8, 3)`. So `wall = instant + offset`.
 *
 * Intl is slow (microseconds per call) and only maps instant -> wall clock. So per zone we
 * cache the offset transitions, found once per 32-day chunk by sampling daily and bisecting to
 * the second. Every later offset lookup is arithmetic. The one assumption: a zone never changes
 * its offset twice within one day (true of every tzdb zone we know of; tests compare the cache
 * with Intl hour by hour).
 */

import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR, MS_PER_SECOND } from './civilDate';

/**
 * Bound on |offset| used to search around a wall-clock value. Real offsets stay within
 * -12h..+14h today; local mean time before 1900 reached about ±16h, so 26h is safe.
 * A larger bound only widens searches, it never changes results.
 */
export const MAX_OFFSET_MS = 26 * MS_PER_HOUR;

/** The largest |instant| a Date can hold (ECMAScript time value range). */
export const MAX_INSTANT_MS = 8.64e15;

/**
 * Span of one cache entry. Any size works; 32 days keeps a chunk at ~33 Intl calls while a
 * month-long SLA touches one or two chunks. Default 32 days.
 */
const CHUNK_MS = 32 * MS_PER_DAY;
/**
 * Sampling step for offset changes. Must be shorter than the gap between two changes of one
 * zone (else a change and its undo in one step go unseen). Range 1 h..1 day; default 1 day.
 */
const SAMPLE_MS = MS_PER_DAY;
/** Chunks cached per zone before the zone's cache is dropped (2048 = about 180 years). */
const MAX_CHUNKS_PER_ZONE = 2048;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // h23 avoids "24" at midnight; era lets years before 1 AD read correctly.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * True when the runtime knows `zone` as an IANA name. Offset strings ("+08:00") are rejected:
 * they carry no daylight-saving rules, so they are almost always a mistake in a calendar.
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0 || /^[+-]/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Offset at a whole-second instant straight from Intl (slow; the cache below calls it). */
function intlOffsetMs(zone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / MS_PER_SECOND) * MS_PER_SECOND;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatterFor(zone).formatToParts(whole)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MS_PER_SECOND;
  return wall - whole;
}

interface Chunk {
  /** Offset in force at the chunk start. */
  firstOffset: number;
  /** Instants (ascending, inside the chunk) at which the offset changes. */
  transitions: number[];
  /** offsets[i] is in force from transitions[i]. */
  offsets: number[];
}

const chunksByZone = new Map<string, Map<number, Chunk>>();

function clampInstant(ms: number): number {
  return Math.min(MAX_INSTANT_MS, Math.max(-MAX_INSTANT_MS, ms));
}

function buildChunk(zone: string, index: number): Chunk {
  const start = clampInstant(index * CHUNK_MS);
  const end = clampInstant((index + 1) * CHUNK_MS);
  const firstOffset = intlOffsetMs(zone, start);
  const transitions: number[] = [];
  const offsets: number[] = [];
  let lo = start;
  let loOffset = firstOffset;
  while (lo < end) {
    const hi = Math.min(lo + SAMPLE_MS, end);
    const hiOffset = intlOffsetMs(zone, hi);
    if (hiOffset !== loOffset) {
      // Bisect to the second: the first instant whose offset is no longer loOffset.
      let a = lo;
      let b = hi;
      while (b - a > MS_PER_SECOND) {
        const mid = a + Math.floor((b - a) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
        if (intlOffsetMs(zone, mid) === loOffset) a = mid;
        else b = mid;
      }
      // A transition exactly at the chunk end belongs to the next chunk's firstOffset.
      if (b < end) {
        transitions.push(b);
        offsets.push(hiOffset);
      }
    }
    lo = hi;
    loOffset = hiOffset;
  }
  return { firstOffset, transitions, offsets };
}

function chunkAt(zone: string, index: number): Chunk {
  let chunks = chunksByZone.get(zone);
  if (!chunks) {
    chunks = new Map();
    chunksByZone.set(zone, chunks);
  }
  let chunk = chunks.get(index);
  if (!chunk) {
    if (chunks.size >= MAX_CHUNKS_PER_ZONE) chunks.clear();
    chunk = buildChunk(zone, index);
    chunks.set(index, chunk);
  }
  return chunk;
}

function chunkIndexOf(instantMs: number): number {
  return Math.floor(instantMs / CHUNK_MS);
}

/** UTC offset (ms, east positive) in force at `instantMs`. */
export function offsetAt(zone: string, instantMs: number): number {
  const chunk = chunkAt(zone, chunkIndexOf(instantMs));
  let offset = chunk.firstOffset;
  for (let i = 0; i < chunk.transitions.length; i++) {
    if ((chunk.transitions[i] as number) > instantMs) break;
    offset = chunk.offsets[i] as number;
  }
  return offset;
}

/** Wall-clock milliseconds of `instantMs` in `zone` (see the file comment). */
export function wallClockOf(zone: string, instantMs: number): number {
  return instantMs + offsetAt(zone, instantMs);
}

/**
 * First offset change in (afterMs, untilMs], or undefined. Scans cached chunks, so spans of
 * years cost a few dozen lookups.
 */
export function nextTransition(zone: string, afterMs: number, untilMs: number): number | undefined {
  for (let index = chunkIndexOf(afterMs); index <= chunkIndexOf(untilMs); index++) {
    for (const t of chunkAt(zone, index).transitions) {
      if (t > untilMs) return undefined;
      if (t > afterMs) return t;
    }
  }
  return undefined;
}

/** A stretch of instants [start, end) with one offset. */
interface Piece {
  start: number;
  end: number;
  offset: number;
}

/** The constant-offset pieces covering [fromMs, toMs); the outer ones are cut at the bounds. */
function piecesBetween(zone: string, fromMs: number, toMs: number): Piece[] {
  const pieces: Piece[] = [];
  let start = fromMs;
  let offset = offsetAt(zone, fromMs);
  for (;;) {
    const t = nextTransition(zone, start, toMs);
    if (t === undefined || t >= toMs) {
      pieces.push({ start, end: toMs, offset });
      return pieces;
    }
    pieces.push({ start, end: t, offset });
    start = t;
    offset = offsetAt(zone, t);
  }
}

/**
 * All instants whose wall clock lies in [wallStart, wallEnd), as ascending disjoint [start, end)
 * ranges. This is the one rule for daylight saving: a window covers exactly the real instants
 * whose local reading falls inside it. So in a skipped hour the window starts at the first real
 * instant after the gap, and a repeated hour counts twice (two ranges, or one longer range).
 */
export function instantRangesForWallClock(zone: string, wallStart: number, wallEnd: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (wallEnd <= wallStart) return ranges;
  for (const piece of piecesBetween(zone, wallStart - MAX_OFFSET_MS, wallEnd + MAX_OFFSET_MS)) {
    const start = Math.max(piece.start, wallStart - piece.offset);
    const end = Math.min(piece.end, wallEnd - piece.offset);
    if (start >= end) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}

/**
 * The earliest instant whose wall clock reads `wall` or later. For a wall clock inside a
 * skipped hour that is the transition itself; for a repeated hour, its first occurrence.
 */
export function firstInstantAtOrAfterWallClock(zone: string, wall: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const piece of piecesBetween(zone, wall - MAX_OFFSET_MS, wall + MAX_OFFSET_MS)) {
    const candidate = Math.max(piece.start, wall - piece.offset);
    if (candidate < piece.end && candidate < best) best = candidate;
  }
  return best;
}

/**
 * The instants that read exactly `wall`: none in a skipped hour, two in a repeated hour.
 */
export function instantsForWallClock(zone: string, wall: number): number[] {
  const found: number[] = [];
  for (const piece of piecesBetween(zone, wall - MAX_OFFSET_MS, wall + MAX_OFFSET_MS)) {
    const candidate = wall - piece.offset;
    if (candidate >= piece.start && candidate < piece.end) found.push(candidate);
  }
  return found;
}

/** Local calendar day number (days since 1970-01-01 in that zone) of an instant. */
export function localDayOf(zone: string, instantMs: number): number {
  return Math.floor(wallClockOf(zone, instantMs) / MS_PER_DAY);
}
