import { describe, expect, it } from 'vitest';
import { epochDay, parseClockTime, parseIsoDate, weekdayOf } from '../../../sim/calendar/civil-time.js';

describe('civil dates', () => {
  it('counts days from 1970-01-01, leap days included', () => {
    expect(epochDay(1970, 1, 1)).toBe(0);
    // 2000-03-01: 30 years of 365 days plus 7 leap days (1972..1996) = 10957, then Jan 31 + Feb 29 = 60.
    expect(epochDay(2000, 3, 1)).toBe(10_957 + 60);
    expect(epochDay(1969, 12, 31)).toBe(-1);
  });

  it('knows 2027-01-04 is a Monday and 2027-01-06 a Wednesday', () => {
    expect(weekdayOf(parseIsoDate('2027-01-04'))).toBe('mon');
    expect(weekdayOf(parseIsoDate('2027-01-06'))).toBe('wed');
    // 1970-01-01 was a Thursday, so the day before was a Wednesday.
    expect(weekdayOf(-1)).toBe('wed');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => parseIsoDate('2027-1-6', 'holiday')).toThrow(/Invalid holiday "2027-1-6": expected 'YYYY-MM-DD'/);
    expect(() => parseIsoDate('2027-02-29')).toThrow(/no such calendar date/);
    expect(parseIsoDate('2028-02-29')).toBe(parseIsoDate('2028-03-01') - 1);
  });
});

describe('parseClockTime', () => {
  it('reads HH:MM as minutes since midnight, 24:00 included', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('09:30')).toBe(9 * 60 + 30);
    expect(parseClockTime('24:00')).toBe(1440);
  });

  it('names the problem in what it rejects', () => {
    expect(() => parseClockTime('17:60')).toThrow(/"17:60": minutes must be 00-59/);
    expect(() => parseClockTime('25:00')).toThrow(/"25:00": hours must be 00-23/);
    expect(() => parseClockTime('24:30')).toThrow(/"24:30": hours must be 00-23 \(or exactly '24:00'\)/);
    expect(() => parseClockTime('9am')).toThrow(/"9am": expected 'HH:MM'/);
    expect(() => parseClockTime('9:00')).toThrow(/expected 'HH:MM'/);
  });
});
