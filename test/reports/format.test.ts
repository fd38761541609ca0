import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  durationUnit,
  escapeHtml,
  percentDigits,
  formatChance,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedMoney,
  formatTimestamp,
  formatWallTime,
  formatWeeks,
  MINUS,
  projectOrigin,
  shortHash,
  signed,
  toWeeks,
} from '../../reports/format.js';

describe('report number formatting', () => {
  it('writes project hours as weeks of 168 hours, whole weeks without a decimal', () => {
    expect(formatWeeks(1948.8)).toBe('11.6 weeks');
    expect(formatWeeks(1344)).toBe('8 weeks');
    expect(formatWeeks(168)).toBe('1 week');
    expect(formatWeeks(100)).toBe('0.6 weeks');
    expect(toWeeks(2077)).toBeCloseTo(12.3631, 4);
  });

  it('writes money in the experiment currency with its symbol, cents for most amounts and more digits below ten cents', () => {
    expect(formatMoney(0.9134, 'USD')).toBe('$0.91');
    expect(formatMoney(155298.4, 'USD')).toBe('$155,298');
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(0.01234, 'USD')).toBe('$0.0123');
    expect(formatMoney(1234.5, 'USD', 2)).toBe('$1,234.50');
    expect(formatMoney(-0.0742, 'USD', 4)).toBe('−$0.0742');
  });

  it('writes every negative number with the true minus sign (U+2212), never a hyphen, and a figure that rounds to zero unsigned', () => {
    expect(MINUS).toBe('\u2212');
    expect(formatNumber(-1234.5, 1)).toBe('−1,234.5');
    expect(formatPercent(-0.0044, 2)).toBe('−0.44%');
    expect(formatMoney(-0.1502, 'USD', 4)).toBe('−$0.1502');
    expect(formatMoney(-12_340, 'EUR')).toBe('−€12,340');
    expect(formatWeeks(-5.26 * 168, 2)).toBe('−5.26 weeks');
    expect(formatDuration(-3.4)).toBe('−3.4 h');
    expect(formatDuration(-60)).toBe('−2.5 days');
    expect(signed('$0.04', -0.04)).toBe('−$0.04');
    expect(signed('1.2 weeks', 0.2)).toBe('+1.2 weeks');
    expect(formatSigned(-0.44, 2)).toBe('−0.44');
    expect(formatSigned(5.26, 2)).toBe('+5.26');
    expect(formatSignedMoney(-0.0739, 'USD', 4)).toBe('−$0.0739');
    expect(formatSignedMoney(0.29, 'USD', 4)).toBe('+$0.2900');
    // Rounded to nothing: no "−0.00", no "+$0".
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatPercent(-0.00001, 2)).toBe('0.00%');
    expect(formatSigned(-0.001, 2)).toBe('0.00');
    expect(formatSignedMoney(-0.2, 'USD', 0)).toBe('$0');
    for (const text of [formatNumber(-2), formatPercent(-0.5), formatMoney(-3, 'USD'), formatWeeks(-400), formatDuration(-0.5), formatSigned(-1, 1), formatSignedMoney(-1, 'USD')]) expect(text).not.toContain('-');
  });

  it('falls back to the currency code for a code Intl does not know', () => {
    expect(formatMoney(3.5, 'XYZ')).toMatch(/XYZ\s?3\.50/);
  });

  it('writes a missing figure as n/a, never as null or NaN', () => {
    for (const f of [formatWeeks, formatPercent, formatChance, formatDuration, formatNumber, formatWallTime]) {
      expect(f(null)).toBe('n/a');
      expect(f(Number.NaN)).toBe('n/a');
    }
    expect(formatMoney(null, 'USD')).toBe('n/a');
    expect(calendarDate(null, '2027-04-05', 'Europe/Berlin')).toBe('n/a');
  });

  it('writes probabilities as whole percentages that never round a possibility to 0% or 100%', () => {
    expect(formatChance(0.042)).toBe('4%');
    expect(formatChance(0.003)).toBe('<1%');
    expect(formatChance(0.998)).toBe('>99%');
    expect(formatChance(0)).toBe('0%');
    expect(formatChance(1)).toBe('100%');
    expect(formatPercent(0.0156, 2)).toBe('1.56%');
  });

  it('writes waits in the unit that reads best', () => {
    expect(formatDuration(0.005)).toBe('18 s');
    expect(formatDuration(0.0449)).toBe('2.7 min');
    expect(formatDuration(0.67)).toBe('40 min');
    expect(formatDuration(3.4)).toBe('3.4 h');
    expect(formatDuration(60)).toBe('2.5 days');
    expect(formatDuration(623)).toBe('3.7 weeks');
    expect(durationUnit(1000)).toEqual({ name: 'weeks', perHour: 1 / 168 });
    expect(durationUnit(30).name).toBe('hours');
    expect(durationUnit(0.2).name).toBe('minutes');
  });

  it('writes wall time and run timestamps for people', () => {
    expect(formatWallTime(4.23)).toBe('4.2 s');
    expect(formatWallTime(48.4)).toBe('48 s');
    expect(formatWallTime(192)).toBe('3 min 12 s');
    expect(formatWallTime(3900)).toBe('1 h 05 min');
    expect(formatTimestamp('2026-11-22T23:25:02.666Z')).toBe('22 Nov 2026, 23:25 UTC');
  });

  it('turns project hours into calendar dates in the project time zone, daylight saving included', () => {
    // t = 0 is Monday 5 April 2027, 00:00 in Berlin (CEST, UTC+2).
    expect(projectOrigin('2027-04-05', 'Europe/Berlin')).toBe(Date.UTC(2027, 3, 4, 22));
    expect(calendarDate(0, '2027-04-05', 'Europe/Berlin')).toBe('Mon 5 Apr 2027');
    expect(calendarDate(8 * 168, '2027-04-05', 'Europe/Berlin')).toBe('Mon 31 May 2027');
    // The brief's 2,077-hour case: Wednesday of week 13, 13:00.
    expect(calendarDate(2077, '2027-04-05', 'Europe/Berlin')).toBe('Wed 30 Jun 2027, 13:00');
    // Across the end of summer time (31 Oct 2027) a day has 25 hours.
    expect(calendarDate(30 * 168 + 1, '2027-04-05', 'Europe/Berlin')).toBe('Mon 1 Nov 2027');
    expect(calendarDate(168, '2027-04-05', 'Europe/Berlin', { weekday: false, year: false, time: false })).toBe('12 Apr');
  });

  it('escapes text for HTML and shortens hashes', () => {
    expect(escapeHtml('<b>"a" & \'b\'</b>')).toBe('&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;');
    expect(shortHash('64504fbd58f2cebf425fcb649a2cc3da')).toBe('64504fbd58f2');
  });
});

describe('a share as a percentage', () => {
  it('rounds a decimal tie away from zero, as written, where toFixed would round the double below it down', () => {
    expect((100 * 0.01555).toFixed(2)).toBe('1.55');
    expect(percentDigits(0.01555, 2)).toBe('1.56');
    expect(percentDigits(-0.01555, 2)).toBe('-1.56');
    expect(percentDigits(0.0155496, 2)).toBe('1.55');
    expect(percentDigits(0.125, 0)).toBe('13');
    expect(percentDigits(0.0001, 1)).toBe('0.0');
  });
});
