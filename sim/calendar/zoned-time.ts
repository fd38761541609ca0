import { epochDay, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil-time.js';

/*
 * "Local ms" below means a wall-clock date-time written as if it were UTC:
 * epochDay(y, m, d) * MS_PER_DAY + time of day in ms. Offsets are local minus UTC, in ms.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a DateTimeFormat costs far more than formatting with it.
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      // 'h23' because hour12: false renders midnight as '24' on some engines.
      hourCycle: 'h23',
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

/** Whether `zone` is a time-zone name this runtime's zone database knows, e.g. 'Europe/Berlin' or 'UTC'. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws unless `zone` is a known time zone.
 *
 * @param what - names the field in the error message
 */
export function assertTimeZone(zone: string, what = 'time zone'): void {
  if (!isValidTimeZone(zone)) {
    throw new Error(`Unknown time zone ${JSON.stringify(zone)} in ${what}: expected an IANA name such as 'Europe/Berlin' or 'UTC'`);
  }
}

/** Offset of `zone` from UTC (local minus UTC, in ms) at the instant `utcMs`. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  // The formatter shows whole seconds, so compare against the instant truncated the same way.
  const whole = Math.floor(utcMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(zone).formatToParts(whole)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  const local = epochDay(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000;
  return local - whole;
}

interface Resolved {
  utc: number;
  /** Offset in force at `utc`; NaN when the local time fell into a gap. */
  offset: number;
}

/*
 * Ambiguity is settled on the assumption that a zone's offset changes at most once within
 * about a day, which holds for every daylight-saving rule in the zone database.
 */
const OVERLAP_LOOKBACK_MS = MS_PER_DAY;

function resolveLocal(zone: string, localMs: number): Resolved {
  // Two refinements of the guess reach the answer whenever the local time exists.
  const firstOffset = zoneOffsetMs(zone, localMs);
  const firstGuess = localMs - firstOffset;
  const secondOffset = zoneOffsetMs(zone, firstGuess);
  const secondGuess = localMs - secondOffset;
  const check = secondOffset === firstOffset ? secondOffset : zoneOffsetMs(zone, secondGuess);
  if (check !== secondOffset) {
    // Neither offset fits, so the two guesses straddle a spring-forward transition.
    return { utc: transitionBetween(zone, firstGuess, secondGuess), offset: Number.NaN };
  }
  // In a fall-back overlap the guesses may land on the later occurrence; prefer the earlier.
  const before = zoneOffsetMs(zone, secondGuess - OVERLAP_LOOKBACK_MS);
  if (before > secondOffset) {
    const earlier = localMs - before;
    if (zoneOffsetMs(zone, earlier) === before) return { utc: earlier, offset: before };
  }
  return { utc: secondGuess, offset: secondOffset };
}

/** First whole second, between two instants with different offsets, that has the later one's offset. */
function transitionBetween(zone: string, a: number, b: number): number {
  // Offsets are constant within each whole second, so search over seconds.
  let lo = Math.floor(Math.min(a, b) / 1000);
  let hi = Math.floor(Math.max(a, b) / 1000);
  const after = zoneOffsetMs(zone, hi * 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetMs(zone, mid * 1000) === after) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/**
 * Converts a local wall-clock time in `zone` to a UTC instant (ms since the epoch).
 *
 * A local time skipped by a spring-forward change maps to the first instant after the gap;
 * a local time that occurs twice (fall-back) maps to the earlier occurrence.
 *
 * @param localMs - the local date-time written as if it were UTC, e.g. `epochDay(y, m, d) * 86_400_000 + minutes * 60_000`
 */
export function localToUtcMs(zone: string, localMs: number): number {
  return resolveLocal(zone, localMs).utc;
}

/*
 * The converter below trusts that two lookups at most this far apart which return the same
 * offset bracket no change at all, i.e. that no zone changes its offset and back within four
 * days; daylight-saving periods last weeks at the very least.
 */
const TRUSTED_GAP_MS = 4 * MS_PER_DAY;
const PROBE_AHEAD_MS = 3 * MS_PER_DAY;

/**
 * Returns a converter with the same results as {@link localToUtcMs} that is much cheaper when
 * called with local times close together, as when walking a calendar day by day: it remembers a
 * span of instants over which the offset is known to be constant and answers from it without
 * consulting the zone database, probing a few days ahead when the span runs out.
 */
export function sequentialLocalToUtc(zone: string): (localMs: number) => number {
  // Each span starts at an instant resolved by resolveLocal, so the span's offset can only
  // yield the earliest occurrence of a local time: an earlier one would mean the span's own
  // first local time lay in an overlap and had resolved to before the span.
  let spanStart = Number.NaN;
  let spanEnd = Number.NaN;
  let spanOffset = Number.NaN;
  return (localMs: number): number => {
    const utc = localMs - spanOffset;
    if (utc >= spanStart && utc <= spanEnd) return utc;
    if (utc > spanEnd) {
      const probe = utc + PROBE_AHEAD_MS;
      if (probe - spanEnd <= TRUSTED_GAP_MS && zoneOffsetMs(zone, probe) === spanOffset) {
        spanEnd = probe;
        return utc;
      }
    }
    const resolved = resolveLocal(zone, localMs);
    // After a gap the result has no offset of its own to extend a span with.
    spanStart = Number.isNaN(resolved.offset) ? Number.NaN : resolved.utc;
    spanEnd = spanStart;
    spanOffset = resolved.offset;
    return resolved.utc;
  };
}
