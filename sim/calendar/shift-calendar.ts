import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, parseClockTime, parseIsoDate, weekdayOf } from './civil-time.js';
import { projectOriginUtcMs } from './project-clock.js';
import { WEEKDAYS, type CalendarSpec, type ProjectClock, type ShiftPattern, type Weekday } from './types.js';
import { mergeIntervals } from './working-time.js';
import { assertTimeZone, sequentialLocalToUtc } from './zoned-time.js';

/*
 * UTC offsets span UTC-12 to UTC+14, so a local day of the calendar's zone can reach up to
 * 26 hours into the neighbouring days of the clock's zone; three days of margin covers that.
 */
const MARGIN_DAYS = 3;

/** The shifts of one weekday: local times (minutes) in increasing order, and each shift as a pair of indexes into them. */
interface DayPlan {
  marks: number[];
  shifts: Array<[number, number]>;
}

function validateShift(shift: ShiftPattern): [number, number] {
  const start = parseClockTime(shift.start);
  const end = parseClockTime(shift.end);
  if (end <= start) {
    throw new Error(`Shift ${shift.start}-${shift.end} does not end after it starts; write an overnight shift as two shifts`);
  }
  for (const day of shift.days) {
    if (!WEEKDAYS.includes(day)) throw new Error(`Shift ${shift.start}-${shift.end} has unknown weekday ${JSON.stringify(day)}; use one of ${WEEKDAYS.join(', ')}`);
  }
  return [start, end];
}

function planWeek(shifts: ShiftPattern[]): Map<Weekday, DayPlan> {
  const ranges = shifts.map(validateShift);
  const plans = new Map<Weekday, DayPlan>();
  for (const weekday of WEEKDAYS) {
    const today = ranges.filter((_, i) => shifts[i].days.includes(weekday));
    if (today.length === 0) continue;
    // Sorted marks let the converter walk forward in time and reuse its last offset.
    const marks = [...new Set(today.flat())].sort((a, b) => a - b);
    plans.set(weekday, { marks, shifts: today.map(([s, e]) => [marks.indexOf(s), marks.indexOf(e)]) });
  }
  return plans;
}

function validateHorizon(horizonHours: number): void {
  if (!(horizonHours >= 0) || !Number.isFinite(horizonHours)) {
    throw new Error(`horizonHours must be a finite non-negative number, got ${horizonHours}`);
  }
}

/**
 * Open intervals of the calendar from t = 0 up to `horizonHours`, as a flat sorted Float64Array
 * [open0, close0, open1, close1, ...] in project hours. Overlapping or touching intervals are
 * merged, and everything is clipped to [0, horizonHours].
 *
 * Shift times are local to the calendar's zone, so across a daylight-saving change a shift keeps
 * its wall-clock hours and moves by the change in project hours.
 *
 * The calendar begins on the start date, whatever its weekday: a project that starts on a
 * Wednesday has its first shifts on that Wednesday.
 *
 * @throws Error naming the problem for a malformed start date, an unknown zone,
 * a malformed clock time, a shift that does not end after it starts, or a malformed holiday
 */
export function openIntervals(spec: CalendarSpec, clock: ProjectClock, horizonHours: number): Float64Array {
  // NOTE: speed: a replication builds every crew's calendar, and a zone with daylight saving asks
  // Intl for offsets day by day; every replication of a plan asks for the same calendars, so they
  // are kept (a copy is handed out, so no caller can change another's).
  const key = JSON.stringify([spec.timeZone, spec.shifts, spec.holidays, clock.startDate, clock.timeZone, horizonHours]);
  const known = CALENDARS.get(key);
  if (known !== undefined) return known.slice();
  const intervals = computeOpenIntervals(spec, clock, horizonHours);
  if (CALENDARS.size >= MAX_CACHED_CALENDARS) CALENDARS.delete(CALENDARS.keys().next().value!);
  CALENDARS.set(key, intervals);
  return intervals.slice();
}

/** Calendars computed so far, oldest first; a sweep of many plans keeps the most recent. */
const CALENDARS = new Map<string, Float64Array>();
const MAX_CACHED_CALENDARS = 512;

function computeOpenIntervals(spec: CalendarSpec, clock: ProjectClock, horizonHours: number): Float64Array {
  validateHorizon(horizonHours);
  const originUtc = projectOriginUtcMs(clock);
  assertTimeZone(spec.timeZone, 'calendar');
  const plans = planWeek(spec.shifts);
  const holidays = new Set(spec.holidays.map((date) => parseIsoDate(date, 'holiday')));
  const toUtc = sequentialLocalToUtc(spec.timeZone);

  const startDay = parseIsoDate(clock.startDate);
  const lastDay = startDay + Math.ceil(horizonHours / 24) + MARGIN_DAYS;
  const pairs: number[] = [];
  const hourOf: number[] = [];
  for (let day = startDay - MARGIN_DAYS; day <= lastDay; day++) {
    const plan = plans.get(weekdayOf(day));
    if (plan === undefined || holidays.has(day)) continue;
    for (let i = 0; i < plan.marks.length; i++) {
      hourOf[i] = (toUtc(day * MS_PER_DAY + plan.marks[i] * MS_PER_MINUTE) - originUtc) / MS_PER_HOUR;
    }
    for (const [open, close] of plan.shifts) {
      pairs.push(Math.max(0, hourOf[open]), Math.min(horizonHours, hourOf[close]));
    }
  }
  return mergeIntervals(pairs);
}

/**
 * A calendar that is always open: [0, horizonHours], or no interval at all for a zero horizon.
 *
 * @throws Error if the horizon is negative or not finite
 */
export function alwaysOpen(horizonHours: number): Float64Array {
  validateHorizon(horizonHours);
  return horizonHours > 0 ? Float64Array.of(0, horizonHours) : new Float64Array(0);
}
