import { describe, expect, it } from 'vitest';
import {
  addOpenHours,
  alwaysOpen,
  openHoursBetween,
  openIntervals,
  unionIntervals,
  type CalendarSpec,
  type ProjectClock,
  type Weekday,
} from '../../../sim/calendar/index.js';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEK = 168;
/** 2027-01-04 is a Monday; Berlin is on CET (UTC+1) until 2027-03-28. */
const BERLIN: ProjectClock = { startDate: '2027-01-04', timeZone: 'Europe/Berlin' };

function officeHours(timeZone: string, holidays: string[] = []): CalendarSpec {
  return { timeZone, shifts: [{ days: WEEKDAYS, start: '09:00', end: '17:00' }], holidays };
}

/** Flat [open, close, ...] for the same daily window on Mon-Fri of `weeks` weeks. */
function weekdayWindows(weeks: number, open: number, close: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < weeks; w++) for (let d = 0; d < 5; d++) out.push(w * WEEK + d * 24 + open, w * WEEK + d * 24 + close);
  return out;
}

describe('openIntervals in the reference zone', () => {
  it('gives a Mon-Fri 09:00-17:00 calendar the intervals 9-17, 33-41, ... and 40 open hours a week', () => {
    const intervals = openIntervals(officeHours('Europe/Berlin'), BERLIN, 8 * WEEK);
    // Day d of week w opens at 168w + 24d + 9 and closes 8 hours later.
    expect(Array.from(intervals.subarray(0, 10))).toEqual([9, 17, 33, 41, 57, 65, 81, 89, 105, 113]);
    expect(Array.from(intervals)).toEqual(weekdayWindows(8, 9, 17));
    expect(openHoursBetween(intervals, 0, WEEK)).toBe(40);
    // 8 weeks x 5 days x 8 hours.
    expect(openHoursBetween(intervals, 0, 8 * WEEK)).toBe(320);
  });

  it('pauses work over the weekend: 3 hours from Friday 16:00 finish on Monday 11:00 of week 2', () => {
    const intervals = openIntervals(officeHours('Europe/Berlin'), BERLIN, 2 * WEEK);
    // Friday 16:00 is t = 4*24 + 16 = 112; one hour until 17:00, then two more from Monday 09:00 (t = 177).
    expect(addOpenHours(intervals, 4 * 24 + 16, 3)).toBe(WEEK + 11);
  });

  it('drops the shift on a holiday and so pushes completion back by exactly one working day', () => {
    const normal = openIntervals(officeHours('Europe/Berlin'), BERLIN, WEEK);
    const withHoliday = openIntervals(officeHours('Europe/Berlin', ['2027-01-06']), BERLIN, WEEK);
    // Wednesday 2027-01-06 (t = 57..65) is gone.
    expect(Array.from(withHoliday)).toEqual([9, 17, 33, 41, 81, 89, 105, 113]);
    expect(openHoursBetween(withHoliday, 0, WEEK)).toBe(32);
    // 20 hours: Mon 8 + Tue 8 + 4 on Wednesday -> 48 + 13 = 61; with the holiday the 4 fall on Thursday -> 72 + 13 = 85.
    expect(addOpenHours(normal, 0, 20)).toBe(61);
    expect(addOpenHours(withHoliday, 0, 20)).toBe(85);
  });

  it('ends 500 working hours from t = 0 at t = 2077 on a Mon-Fri 09:00-17:00 calendar', () => {
    const clock: ProjectClock = { startDate: '2027-01-04', timeZone: 'UTC' };
    const intervals = openIntervals(officeHours('UTC'), clock, 16 * WEEK);
    // 12 weeks give 480 hours; the remaining 20 are Mon 8 + Tue 8 + 4 on Wednesday of week 13: 12*168 + 2*24 + 13.
    expect(addOpenHours(intervals, 0, 500)).toBe(12 * 168 + 2 * 24 + 13);
    expect(addOpenHours(intervals, 0, 500)).toBe(2077);
    expect(openHoursBetween(intervals, 0, 1344)).toBe(320);
  });

  it('finishes the same 500 hours an hour earlier in Berlin because spring-forward falls inside them', () => {
    const intervals = openIntervals(officeHours('Europe/Berlin'), BERLIN, 16 * WEEK);
    // Week 13 starts on 2027-03-29, after the clocks went forward, so its 09:00 is 12*168 + 9 - 1 = 2024.
    expect(intervals[2 * 60]).toBe(2024);
    // Mon 8 + Tue 8 + 4 on Wednesday: 2024 + 48 + 4 = 2076.
    expect(addOpenHours(intervals, 0, 500)).toBe(2076);
  });

  it('merges overlapping and touching shifts and shifts that run through midnight', () => {
    const spec: CalendarSpec = {
      timeZone: 'UTC',
      shifts: [
        { days: ['mon'], start: '12:00', end: '17:00' },
        { days: ['mon'], start: '09:00', end: '13:00' },
        { days: ['mon'], start: '17:00', end: '18:00' },
        { days: ['tue'], start: '20:00', end: '24:00' },
        { days: ['wed'], start: '00:00', end: '02:00' },
      ],
      holidays: [],
    };
    const intervals = openIntervals(spec, { startDate: '2027-01-04', timeZone: 'UTC' }, WEEK);
    // Monday 09:00-18:00; Tuesday 20:00 (t = 44) to Wednesday 02:00 (t = 50).
    expect(Array.from(intervals)).toEqual([9, 18, 44, 50]);
  });

  it('clips intervals to [0, horizon]', () => {
    const spec: CalendarSpec = { timeZone: 'UTC', shifts: [{ days: ['sun', 'mon'], start: '00:00', end: '24:00' }], holidays: [] };
    // Berlin's Monday 00:00 is Sunday 23:00 UTC, so the Sunday shift reaches 1 hour past t = 0; the horizon cuts Monday at t = 10.
    expect(Array.from(openIntervals(spec, BERLIN, 10))).toEqual([0, 10]);
    expect(openIntervals(spec, BERLIN, 0).length).toBe(0);
  });

  it('is always open with alwaysOpen', () => {
    expect(Array.from(alwaysOpen(1344))).toEqual([0, 1344]);
    expect(alwaysOpen(0).length).toBe(0);
    expect(addOpenHours(alwaysOpen(1344), 100, 500)).toBe(600);
  });
});

describe('openIntervals across time zones', () => {
  const manila = openIntervals(officeHours('Asia/Manila'), BERLIN, 8 * WEEK);
  const berlin = openIntervals(officeHours('Europe/Berlin'), BERLIN, 8 * WEEK);
  const newYork = openIntervals(officeHours('America/New_York'), BERLIN, 8 * WEEK);

  it('opens Manila at t = 2 and New York at t = 15 on a Berlin clock', () => {
    // Manila is UTC+8 and Berlin UTC+1 in January: 09:00 Manila = 01:00 UTC = 02:00 Berlin; 17:00 -> 10:00 Berlin.
    expect(Array.from(manila.subarray(0, 4))).toEqual([2, 10, 26, 34]);
    expect(Array.from(manila)).toEqual(weekdayWindows(8, 2, 10));
    // New York is UTC-5 (its DST starts 2027-03-14, after the horizon): 09:00 = 14:00 UTC = 15:00 Berlin; 17:00 -> 23:00.
    expect(Array.from(newYork.subarray(0, 4))).toEqual([15, 23, 39, 47]);
    expect(Array.from(newYork)).toEqual(weekdayWindows(8, 15, 23));
  });

  it('gives follow-the-sun coverage from 02:00 to 23:00 Berlin time every weekday together with Berlin', () => {
    const team = unionIntervals(manila, berlin, newYork);
    // 2-10, 9-17 and 15-23 chain into 2-23 each weekday.
    expect(Array.from(team)).toEqual(weekdayWindows(8, 2, 23));
    // 21 hours a day, 105 a week: 3 x 40 = 120 minus the overlaps 9-10 and 15-17 (3 hours a day, 15 a week).
    expect(openHoursBetween(team, 0, WEEK)).toBe(105);
    expect(openHoursBetween(team, 0, 8 * WEEK)).toBe(8 * 105);
    // A 22-hour job started at Monday 02:00 runs to 23:00 and resumes Tuesday 02:00 (t = 26) for one hour.
    expect(addOpenHours(team, 0, 22)).toBe(27);
  });
});

describe('openIntervals across daylight-saving changes', () => {
  it('moves a Berlin calendar one hour earlier on a UTC clock after the last Sunday of March 2027', () => {
    const clock: ProjectClock = { startDate: '2027-03-22', timeZone: 'UTC' };
    const intervals = openIntervals(officeHours('Europe/Berlin'), clock, 2 * WEEK);
    // Week 1 on CET (UTC+1): 09:00-17:00 Berlin is 08:00-16:00 UTC.
    // 2027-03-28 switches to CEST (UTC+2): week 2 runs 07:00-15:00 UTC, i.e. 168 + 7 = 175 to 183 on Monday.
    expect(Array.from(intervals)).toEqual([
      8, 16, 32, 40, 56, 64, 80, 88, 104, 112,
      175, 183, 199, 207, 223, 231, 247, 255, 271, 279,
    ]);
    expect(openHoursBetween(intervals, 0, WEEK)).toBe(40);
    expect(openHoursBetween(intervals, WEEK, 2 * WEEK)).toBe(40);
  });

  it('starts a shift that begins inside the spring-forward gap at the first instant after it', () => {
    const clock: ProjectClock = { startDate: '2027-03-22', timeZone: 'UTC' };
    const gap = (start: string, end: string): CalendarSpec => ({ timeZone: 'Europe/Berlin', shifts: [{ days: ['sun'], start, end }], holidays: [] });
    // Sunday 2027-03-28 00:00 UTC is t = 144. 02:30 does not exist and becomes 03:00 CEST = 01:00 UTC (t = 145);
    // 03:30 CEST = 01:30 UTC (t = 145.5).
    expect(Array.from(openIntervals(gap('02:30', '03:30'), clock, WEEK))).toEqual([145, 145.5]);
    // 02:00-03:00 lies wholly in the gap: both ends map to 01:00 UTC and nothing is open.
    expect(openIntervals(gap('02:00', '03:00'), clock, WEEK).length).toBe(0);
  });

  it('starts a shift at the earlier of two identical local times at fall-back', () => {
    const clock: ProjectClock = { startDate: '2027-10-25', timeZone: 'UTC' };
    const spec: CalendarSpec = { timeZone: 'Europe/Berlin', shifts: [{ days: ['sun'], start: '02:30', end: '03:30' }], holidays: [] };
    // Sunday 2027-10-31 00:00 UTC is t = 144. 02:30 first happens in CEST at 00:30 UTC (t = 144.5);
    // 03:30 exists only in CET, at 02:30 UTC (t = 146.5): the shift lasts two hours that night.
    expect(Array.from(openIntervals(spec, clock, WEEK))).toEqual([144.5, 146.5]);
  });
});

describe('openIntervals input validation', () => {
  const good = officeHours('Europe/Berlin');

  it('rejects a clock time with 60 minutes', () => {
    const spec: CalendarSpec = { ...good, shifts: [{ days: ['mon'], start: '09:00', end: '17:60' }] };
    expect(() => openIntervals(spec, BERLIN, WEEK)).toThrow(/Invalid clock time "17:60": minutes must be 00-59/);
  });

  it('rejects a shift that starts after it ends', () => {
    const spec: CalendarSpec = { ...good, shifts: [{ days: ['mon'], start: '22:00', end: '06:00' }] };
    expect(() => openIntervals(spec, BERLIN, WEEK)).toThrow(/Shift 22:00-06:00 does not end after it starts; write an overnight shift as two shifts/);
    const empty: CalendarSpec = { ...good, shifts: [{ days: ['mon'], start: '09:00', end: '09:00' }] };
    expect(() => openIntervals(empty, BERLIN, WEEK)).toThrow(/does not end after it starts/);
  });

  it('rejects an unknown time zone in the calendar or the clock', () => {
    expect(() => openIntervals(officeHours('Mars/Olympus'), BERLIN, WEEK)).toThrow(/Unknown time zone "Mars\/Olympus" in calendar/);
    expect(() => openIntervals(good, { ...BERLIN, timeZone: 'Europe/Berln' }, WEEK)).toThrow(/Unknown time zone "Europe\/Berln" in project clock/);
  });

  it('begins on a start date of any weekday: from Wednesday 2027-01-06, day 0 is a Wednesday and the weekend is days 3-4', () => {
    const intervals = openIntervals(officeHours('Europe/Berlin'), { ...BERLIN, startDate: '2027-01-06' }, WEEK);
    // Wed, Thu, Fri of the first week at 9-17, 33-41, 57-65; then Mon 11 Jan (day 5) and Tue (day 6).
    expect(Array.from(intervals)).toEqual([9, 17, 33, 41, 57, 65, 129, 137, 153, 161]);
    // From Saturday 2027-01-09 the first shift is Monday's, two days in.
    expect(Array.from(openIntervals(officeHours('UTC'), { startDate: '2027-01-09', timeZone: 'UTC' }, 72))).toEqual([57, 65]);
  });

  it('rejects a start date that is no calendar date', () => {
    expect(() => openIntervals(good, { ...BERLIN, startDate: '2027-02-30' }, WEEK)).toThrow(/Invalid project startDate "2027-02-30": no such calendar date/);
  });

  it('rejects unknown weekdays, malformed holidays and bad horizons', () => {
    const monday = { ...good, shifts: [{ days: ['monday' as Weekday], start: '09:00', end: '17:00' }] };
    expect(() => openIntervals(monday, BERLIN, WEEK)).toThrow(/unknown weekday "monday"/);
    expect(() => openIntervals(officeHours('Europe/Berlin', ['06.01.2027']), BERLIN, WEEK)).toThrow(/Invalid holiday "06.01.2027"/);
    expect(() => openIntervals(good, BERLIN, -1)).toThrow(/horizonHours must be a finite non-negative number/);
    expect(() => openIntervals(good, BERLIN, Number.POSITIVE_INFINITY)).toThrow(/horizonHours/);
  });
});

describe('openIntervals over a long horizon', () => {
  it('covers a three-year horizon with two shifts a day at about 96 hours a week', () => {
    const spec: CalendarSpec = {
      timeZone: 'America/New_York',
      shifts: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '06:00', end: '14:00' },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:30', end: '22:30' },
      ],
      holidays: ['2027-07-05', '2027-12-24'],
    };
    const horizon = 3 * 365 * 24;
    const intervals = openIntervals(spec, BERLIN, horizon);
    // Roughly 7*8 + 5*8 = 96 hours a week; holidays and clipping take a little off.
    expect(openHoursBetween(intervals, 0, horizon) / (horizon / WEEK)).toBeCloseTo(96, 0);
  });
});
