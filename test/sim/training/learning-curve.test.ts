import { describe, expect, it } from 'vitest';
import { accuracyAt, curveProblems, labelsFor, type LearningCurve } from '../../../sim/training/learning-curve.js';

// a = 0.9, b = 0.5, c = 0.25: the gap a - acc is 0.5 / n^(1/4), so n = 10^4 leaves a gap of 0.05.
const curve: LearningCurve = { a: 0.9, b: 0.5, c: 0.25 };

describe('accuracyAt: acc(n) = a - b n^(-c)', () => {
  it('equals the power law at hand-computed points', () => {
    expect(accuracyAt(curve, 1)).toBeCloseTo(0.4, 12); // 0.9 - 0.5
    expect(accuracyAt(curve, 16)).toBeCloseTo(0.65, 12); // 0.9 - 0.5 / 2
    expect(accuracyAt(curve, 10_000)).toBeCloseTo(0.85, 12); // 0.9 - 0.5 / 10
    expect(accuracyAt(curve, 1e8)).toBeCloseTo(0.895, 12); // 0.9 - 0.5 / 100
  });

  it('is 0 below one label, where there is no model yet', () => {
    expect(accuracyAt(curve, 0)).toBe(0);
    expect(accuracyAt(curve, 0.99)).toBe(0);
    expect(accuracyAt(curve, -5)).toBe(0);
  });

  it('is floored at 0 where the law dips below it (b > a at a handful of labels)', () => {
    const steep: LearningCurve = { a: 0.9, b: 2, c: 0.5 };
    expect(accuracyAt(steep, 1)).toBe(0); // 0.9 - 2 < 0
    expect(accuracyAt(steep, 4)).toBe(0); // 0.9 - 1 < 0
    expect(accuracyAt(steep, 16)).toBeCloseTo(0.4, 12); // 0.9 - 0.5
  });

  it('rises with n and stays below the asymptote', () => {
    let previous = 0;
    for (const n of [1, 2, 10, 100, 1e3, 1e4, 1e6, 1e9]) {
      const acc = accuracyAt(curve, n);
      expect(acc).toBeGreaterThan(previous);
      expect(acc).toBeLessThan(curve.a);
      previous = acc;
    }
  });
});

describe('labelsFor: n = (b / (a - acc))^(1/c)', () => {
  it('equals the closed form at hand-computed targets', () => {
    expect(labelsFor(curve, 0.85)).toBeCloseTo(10_000, 6); // (0.5 / 0.05)^4
    expect(labelsFor(curve, 0.65)).toBeCloseTo(16, 9); // (0.5 / 0.25)^4
    expect(labelsFor(curve, 0.895)).toBeCloseTo(1e8, 0); // (0.5 / 0.005)^4
    expect(labelsFor({ a: 0.95, b: 0.8, c: 0.5 }, 0.87)).toBeCloseTo(100, 9); // (0.8 / 0.08)^2
  });

  it('inverts accuracyAt across the curve', () => {
    for (const c of [curve, { a: 0.97, b: 0.6, c: 0.62 }, { a: 0.75, b: 0.4, c: 0.08 }]) {
      for (const n of [1.5, 7, 100, 1234.5, 5e4, 3e6]) {
        expect(labelsFor(c, accuracyAt(c, n)) / n).toBeCloseTo(1, 7);
      }
      for (const acc of [c.a - c.b + 1e-3, (c.a + Math.max(0, c.a - c.b)) / 2, c.a - 1e-3]) {
        expect(accuracyAt(c, labelsFor(c, acc))).toBeCloseTo(acc, 10);
      }
    }
  });

  it('is Infinity for a target at or above the asymptote: it is approached, never reached', () => {
    expect(labelsFor(curve, 0.9)).toBe(Infinity);
    expect(labelsFor(curve, 0.95)).toBe(Infinity);
    expect(labelsFor({ a: 1, b: 0.5, c: 0.3 }, 1)).toBe(Infinity);
  });

  it('is 1 for a target that one label already reaches (at or below a - b)', () => {
    expect(labelsFor(curve, 0.4)).toBe(1);
    expect(labelsFor(curve, 0.2)).toBe(1);
    expect(labelsFor(curve, 0)).toBe(1);
  });

  it('is the smallest n at least 1 reaching the target where the law starts below 0', () => {
    const steep: LearningCurve = { a: 0.9, b: 2, c: 0.5 };
    expect(labelsFor(steep, 0)).toBe(1); // accuracyAt is floored at 0, so one label reaches 0
    expect(labelsFor(steep, 0.4)).toBeCloseTo(16, 9); // (2 / 0.5)^2
    const n = labelsFor(steep, 0.1);
    expect(accuracyAt(steep, n)).toBeCloseTo(0.1, 12);
    expect(accuracyAt(steep, n * (1 - 1e-9))).toBeLessThan(0.1);
  });
});

describe('curveProblems', () => {
  it('finds nothing wrong with a valid curve, an asymptote of exactly 1 included', () => {
    expect(curveProblems(curve)).toEqual([]);
    expect(curveProblems({ a: 1, b: 0.3, c: 2 })).toEqual([]);
  });

  it('names the asymptote when it is not in (0, 1]', () => {
    for (const a of [1.02, 0, -0.5, NaN, Infinity]) {
      const problems = curveProblems({ a, b: 0.5, c: 0.3 });
      expect(problems.map(([field]) => field)).toEqual(['a']);
      expect(problems[0][1]).toMatch(/above 0 and at most 1/);
    }
  });

  it('names b when it is not above 0 and c when it is not above 0', () => {
    for (const b of [0, -0.2, NaN, Infinity]) expect(curveProblems({ a: 0.9, b, c: 0.3 }).map(([f]) => f)).toEqual(['b']);
    for (const c of [0, -0.3, NaN, -Infinity]) expect(curveProblems({ a: 0.9, b: 0.5, c }).map(([f]) => f)).toEqual(['c']);
    expect(curveProblems({ a: 0.9, b: 0, c: 0.3 })[0][1]).toMatch(/above 0/);
    expect(curveProblems({ a: 0.9, b: 0.5, c: -1 })[0][1]).toMatch(/exponent above 0/);
  });

  it('lists every problem, in the order a, b, c', () => {
    expect(curveProblems({ a: 2, b: -1, c: 0 }).map(([f]) => f)).toEqual(['a', 'b', 'c']);
  });
});
