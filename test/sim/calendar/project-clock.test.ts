import { describe, expect, it } from 'vitest';
import { epochDay, finishDayAt, hoursAtLocal, isoDateOfDay, localMsAt, localTimeExistence, MS_PER_DAY, type ProjectClock } from '../../../sim/calendar/index.js';

const MS_PER_MINUTE = 60_000;
/** Berlin: summer time from 2027-03-28 02:00 (to 03:00) until 2027-10-31 03:00 (back to 02:00). */
const BERLIN_MARCH: ProjectClock = { startDate: '2027-03-01', timeZone: 'Europe/Berlin' };
const local = (y: number, m: number, d: number, minutes = 0) => epochDay(y, m, d) * MS_PER_DAY + minutes * MS_PER_MINUTE;

describe('project hours against the civil calendar', () => {
  it('counts 70 calendar days from Monday 1 March 2027 in Berlin as 1,679 h: the clocks lose an hour on 28 March', () => {
    expect(hoursAtLocal(BERLIN_MARCH, local(2027, 5, 10))).toBe(70 * 24 - 1);
    // And back: project hour 1,679 reads 00:00 on Monday 10 May; 1,680 (10 x 168 h) reads 01:00.
    expect(localMsAt(BERLIN_MARCH, 1679)).toBe(local(2027, 5, 10));
    expect(localMsAt(BERLIN_MARCH, 1680)).toBe(local(2027, 5, 10, 60));
  });

  it('counts 70 calendar days from Monday 23 August 2027 as 1,681 h: the clocks gain an hour on 31 October', () => {
    expect(hoursAtLocal({ startDate: '2027-08-23', timeZone: 'Europe/Berlin' }, local(2027, 11, 1))).toBe(70 * 24 + 1);
  });

  it('knows which local times a clock change skips or repeats', () => {
    expect(localTimeExistence('Europe/Berlin', local(2027, 3, 28, 150))).toBe('skipped'); // 02:30
    expect(localTimeExistence('Europe/Berlin', local(2027, 10, 31, 150))).toBe('repeated'); // 02:30, twice
    for (const minutes of [90, 180, 720]) {
      expect(localTimeExistence('Europe/Berlin', local(2027, 3, 28, minutes))).toBe('once');
      expect(localTimeExistence('Europe/Berlin', local(2027, 10, 31, minutes))).toBe('once');
    }
    // The day before either change, the same times exist once.
    expect(localTimeExistence('Europe/Berlin', local(2027, 10, 30, 150))).toBe('once');
    expect(localTimeExistence('UTC', local(2027, 10, 31, 150))).toBe('once');
  });

  it('gives work that ends at midnight exactly to the day before, and any other end to its own day', () => {
    const utc: ProjectClock = { startDate: '2027-01-06', timeZone: 'UTC' }; // a Wednesday
    expect(isoDateOfDay(finishDayAt(utc, 3 * 24))).toBe('2027-01-08'); // Friday 24:00 is Friday's
    expect(isoDateOfDay(finishDayAt(utc, 3 * 24 + 1e-6))).toBe('2027-01-09');
    expect(isoDateOfDay(finishDayAt(utc, 2 * 24 + 17))).toBe('2027-01-08');
    expect(isoDateOfDay(finishDayAt(utc, 0))).toBe('2027-01-06');
    // In Berlin, project hour 1,679 from 1 March is midnight on the wall clock: Sunday 9 May's.
    expect(isoDateOfDay(finishDayAt(BERLIN_MARCH, 1679))).toBe('2027-05-09');
    expect(isoDateOfDay(finishDayAt(BERLIN_MARCH, 1680))).toBe('2027-05-10');
  });
});

describe('isoDateOfDay', () => {
  it('is the proleptic Gregorian date of an epoch day, leap days and centuries included', () => {
    expect(isoDateOfDay(0)).toBe('1970-01-01');
    expect(isoDateOfDay(epochDay(2000, 2, 29))).toBe('2000-02-29');
    expect(isoDateOfDay(epochDay(2100, 3, 1))).toBe('2100-03-01');
    expect(isoDateOfDay(epochDay(1969, 12, 31))).toBe('1969-12-31');
    for (let day = -100_000; day < 100_000; day += 997) expect(isoDateOfDay(day)).toBe(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  });
});
