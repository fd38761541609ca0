import { MS_PER_DAY, MS_PER_HOUR, parseIsoDate } from './civil-time.js';
import type { ProjectClock } from './types.js';
import { assertTimeZone, localToUtcMs, zoneOffsetMs } from './zoned-time.js';

/*
 * Project hours against the civil calendar of the project's zone. Simulation time counts
 * elapsed hours from 00:00 of the start date, so across a clock change a whole number of days
 * is not a multiple of 24 hours: these functions go between the two. "Local ms" is a wall-clock
 * date-time written as if it were UTC, as in zoned-time.ts.
 */

/**
 * Project hour 0 of `clock` as a UTC instant (ms): 00:00 local time of the start date, which
 * may be any day of the week.
 *
 * @throws Error if the start date is malformed or the zone is unknown
 */
export function projectOriginUtcMs(clock: ProjectClock): number {
  const startDay = parseIsoDate(clock.startDate, 'project startDate');
  assertTimeZone(clock.timeZone, 'project clock');
  return localToUtcMs(clock.timeZone, startDay * MS_PER_DAY);
}

/**
 * The local wall-clock time (local ms) of the instant `hours` after the start.
 *
 * @param originUtcMs - projectOriginUtcMs(clock), for callers that convert many instants
 */
export function localMsAt(clock: ProjectClock, hours: number, originUtcMs = projectOriginUtcMs(clock)): number {
  const utc = originUtcMs + hours * MS_PER_HOUR;
  return utc + zoneOffsetMs(clock.timeZone, utc);
}

/**
 * Project hours of a local wall-clock time in the project's zone (a time skipped by a clock
 * change maps to the end of the gap, one that occurs twice to its first occurrence).
 */
export function hoursAtLocal(clock: ProjectClock, localMs: number): number {
  return (localToUtcMs(clock.timeZone, localMs) - projectOriginUtcMs(clock)) / MS_PER_HOUR;
}

/** How a local wall-clock time exists in a zone: once, never (spring forward) or twice (fall back). */
export type LocalTimeExistence = 'once' | 'skipped' | 'repeated';

/** Whether the local time `localMs` occurs once in `zone`, falls in a spring-forward gap, or occurs twice. */
export function localTimeExistence(zone: string, localMs: number): LocalTimeExistence {
  const utc = localToUtcMs(zone, localMs);
  if (utc + zoneOffsetMs(zone, utc) !== localMs) return 'skipped';
  // localToUtcMs picks the earlier of two occurrences: a later one has the offset in force after it.
  const later = localMs - zoneOffsetMs(zone, utc + MS_PER_DAY);
  return later !== utc && later + zoneOffsetMs(zone, later) === localMs ? 'repeated' : 'once';
}

/**
 * The day (an epoch day, see civil-time.ts) on which work that ends at the instant `hours`
 * after the start ended, in the project's zone: its local date, except that work ending at
 * midnight exactly ended on the day before (a shift to 24:00 on Friday finishes on Friday).
 */
export function finishDayAt(clock: ProjectClock, hours: number, originUtcMs = projectOriginUtcMs(clock)): number {
  const local = localMsAt(clock, hours, originUtcMs);
  const day = Math.floor(local / MS_PER_DAY);
  return local === day * MS_PER_DAY && hours > 0 ? day - 1 : day;
}

/** 'YYYY-MM-DD' of an epoch day. */
export function isoDateOfDay(day: number): string {
  // Hinnant's civil_from_days: sim/ builds no Date (it must be a pure function of config and seed).
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}
