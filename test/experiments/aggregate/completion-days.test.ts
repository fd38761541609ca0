import { describe, expect, it } from 'vitest';
import { completionDays, finishDate } from '../../../experiments/aggregate/completion-days.js';
import { censoredQuantile, rankedValue } from '../../../experiments/aggregate/statistics.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { minimalDocument, parseDoc } from '../load/helpers.js';

const UTC_MONDAY = { startDate: '2027-01-04', timeZone: 'UTC' };
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 Sunday .. 6 Saturday

describe('the replication at a rank', () => {
  it('is the one at rank ceil(p x n), earliest first, with the replications not finished ranked last', () => {
    const values = [5, 1, 4, 2, 3, 9, 8, 7, 6, 10];
    expect(rankedValue(values, 0.5)).toBe(5);
    expect(rankedValue(values, 0.85)).toBe(9); // ceil(8.5) = 9
    expect(rankedValue(values, 0.95)).toBe(10);
    // 0.85 x 20 is 17.000000000000004 in binary: still rank 17.
    expect(rankedValue(Array.from({ length: 20 }, (_, i) => i + 1), 0.85)).toBe(17);
    const censored = [1, 2, 3, 4, 5, 6, 7, 8, NaN, NaN];
    expect(rankedValue(censored, 0.8)).toBe(8);
    expect(rankedValue(censored, 0.85)).toBeNull();
    expect(rankedValue([], 0.5)).toBeNull();
  });
});

describe('percentile dates', () => {
  it('fall on the Friday the ranked replication finished where the interpolated p85 falls on a Saturday night', () => {
    // 17 replications finish on Friday 8 January at 17:00 (t = 113), 3 on Monday 11 January at 10:00 (t = 178).
    const values = [...Array(17).fill(113), ...Array(3).fill(178)];
    // Type 7 interpolates at 19 x 0.85 = 16.15 between the 17th and 18th: 113 + 0.15 x 65 = 122.75, Saturday 02:45.
    const interpolated = censoredQuantile(values, 20, 0.85)!;
    expect(interpolated).toBeCloseTo(122.75, 9);
    expect(finishDate(UTC_MONDAY, interpolated)).toBe('2027-01-09');
    // Ranks 10, 17 and 19.
    expect(completionDays(values, UTC_MONDAY)).toEqual({ p50: '2027-01-08', p85: '2027-01-08', p95: '2027-01-11' });
  });

  it('never fall on a day nobody works, and are the finishing days of the ranked replications of a simulated plan', () => {
    // Four people Monday to Friday 09:00-17:00 from Wednesday 6 January; some 40 hours of work, each item 1 h on average.
    const doc: Record<string, any> = { ...minimalDocument(), start: '2027-01-06', deadline: '2w' };
    doc.work = { frames: { count: 160, workflow: ['annotate'] } };
    doc.stages = { annotate: { kind: 'annotate', pool: 'annotators', handling: { lognormal: { mean: '1h', cv: 0.8 } } } };
    doc.pools.annotators.absence = '20%';
    const model = parseDoc(doc).plans[0].model;
    const values = Array.from({ length: 40 }, (_, k) => simulateReplication(model, 3, k).completionHours);
    const days = completionDays(values, model.clock);
    const sorted = [...values].sort((a, b) => a - b);
    for (const [key, q] of [['p50', 0.5], ['p85', 0.85], ['p95', 0.95]] as const) {
      const ranked = sorted[Math.ceil(q * 40) - 1];
      // UTC and shifts ending at 17:00: the finishing day is the day of the hour count.
      const expected = new Date(Date.UTC(2027, 0, 6) + Math.floor(ranked / 24) * 86_400_000).toISOString().slice(0, 10);
      expect(days[key]).toBe(expected);
      expect([1, 2, 3, 4, 5]).toContain(weekday(days[key]!));
    }
    // The finishes spread over several days.
    expect(new Set(values.map((v) => finishDate(model.clock, v))).size).toBeGreaterThan(2);
    for (const v of values) expect([1, 2, 3, 4, 5]).toContain(weekday(finishDate(model.clock, v)!));
  });

  it('give a finish at midnight exactly to the day that ended, and none to a replication not finished', () => {
    // A shift to 24:00: the finish of Friday 8 January at 24:00 (t = 120) is Friday's.
    expect(finishDate(UTC_MONDAY, 120)).toBe('2027-01-08');
    expect(finishDate(UTC_MONDAY, NaN)).toBeNull();
    expect(completionDays([100, NaN, NaN], UTC_MONDAY)).toEqual({ p50: null, p85: null, p95: null });
  });
});
