import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOpenHours, mergeIntervals, openHoursBetween, unionIntervals } from '../../../sim/calendar/working-time.js';

/** Monday and Tuesday 09:00-17:00. */
const TWO_DAYS = Float64Array.of(9, 17, 33, 41);

describe('openHoursBetween', () => {
  it('counts only the open parts of [from, to)', () => {
    // 10..17 on Monday is 7 hours, 33..35 on Tuesday 2 more.
    expect(openHoursBetween(TWO_DAYS, 10, 35)).toBe(9);
    expect(openHoursBetween(TWO_DAYS, 17, 33)).toBe(0);
    expect(openHoursBetween(TWO_DAYS, -100, 1000)).toBe(16);
    expect(openHoursBetween(TWO_DAYS, 35, 10)).toBe(0);
    expect(openHoursBetween(new Float64Array(0), 0, 10)).toBe(0);
  });
});

describe('addOpenHours', () => {
  it('works through open time only, resuming at the next opening', () => {
    // From 12:00 Monday: 5 hours to 17:00, the remaining 1 from 09:00 Tuesday (t = 33).
    expect(addOpenHours(TWO_DAYS, 12, 6)).toBe(34);
    // Starting while closed waits for the opening.
    expect(addOpenHours(TWO_DAYS, 0, 1)).toBe(10);
    // Work that fills an interval exactly ends at its close.
    expect(addOpenHours(TWO_DAYS, 9, 8)).toBe(17);
  });

  it('returns Infinity when the intervals run out and `from` for zero work', () => {
    expect(addOpenHours(TWO_DAYS, 0, 16.5)).toBe(Number.POSITIVE_INFINITY);
    expect(addOpenHours(TWO_DAYS, 41, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(addOpenHours(TWO_DAYS, 20, 0)).toBe(20);
  });

  it('rejects negative work', () => {
    expect(() => addOpenHours(TWO_DAYS, 0, -1)).toThrow(/workHours must be a non-negative number, got -1/);
    expect(() => addOpenHours(TWO_DAYS, 0, Number.NaN)).toThrow(/workHours/);
  });

  it('is undone by openHoursBetween for any calendar, start and amount of work', () => {
    const calendar = fc
      .array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 })
      .map((points) => mergeIntervals(points));
    fc.assert(
      fc.property(calendar, fc.integer({ min: -50, max: 1100 }), fc.integer({ min: 0, max: 600 }), (intervals, from, work) => {
        const end = addOpenHours(intervals, from, work);
        const available = openHoursBetween(intervals, from, Number.POSITIVE_INFINITY);
        if (work > available) expect(end).toBe(Number.POSITIVE_INFINITY);
        else expect(openHoursBetween(intervals, from, end)).toBe(work);
      }),
    );
  });
});

describe('mergeIntervals and unionIntervals', () => {
  it('sorts pairs, merges overlapping and touching ones and drops empty ones', () => {
    expect(Array.from(mergeIntervals([20, 30, 1, 5, 4, 8, 8, 9, 12, 12, 15, 14]))).toEqual([1, 9, 20, 30]);
    expect(Array.from(mergeIntervals([0, 10, 2, 3]))).toEqual([0, 10]);
  });

  it('is open whenever any calendar is', () => {
    expect(Array.from(unionIntervals(Float64Array.of(2, 10), TWO_DAYS, Float64Array.of(15, 23)))).toEqual([2, 23, 33, 41]);
    expect(unionIntervals().length).toBe(0);
  });
});
