import { describe, expect, it } from 'vitest';
import { binomialCdf, normalQuantile, quantileInterval, tInterval, wilsonInterval } from '../../../experiments/precision/intervals.js';

/** P(B <= j) by summing C(n, i) p^i (1 - p)^(n - i) directly, the coefficient built up as a product. */
function cdfByHand(n: number, p: number, j: number): number {
  let sum = 0;
  for (let i = 0; i <= j; i++) {
    let c = 1;
    for (let k = 1; k <= i; k++) c = (c * (n - i + k)) / k;
    sum += c * p ** i * (1 - p) ** (n - i);
  }
  return sum;
}

describe('the intervals a precision-driven run stops on', () => {
  it('uses the normal quantile of the confidence level', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.99)).toBeCloseTo(2.575829, 6);
  });

  it('sums the binomial distribution as the formula does', () => {
    const cdf = binomialCdf(60, 0.85);
    for (const j of [40, 45, 50, 55, 60]) expect(cdf[j]).toBeCloseTo(cdfByHand(60, 0.85, j), 12);
    // Large n neither underflows nor overflows: the median of Binomial(100000, 0.85) is 85000.
    const big = binomialCdf(100_000, 0.85);
    expect(big[84_999]).toBeLessThan(0.5);
    expect(big[85_000]).toBeGreaterThan(0.5);
  });

  it('gives the order statistics whose ranks cover the p85 with at least the stated probability', () => {
    const n = 100;
    const values = Array.from({ length: n }, (_, i) => i + 1); // the value of rank r is r
    const { low, high } = quantileInterval(values, n, 0.85, 0.95);
    const l = low!;
    const u = high!;
    // The ranks by hand: l the largest with P(B <= l - 1) <= 2.5%, u the smallest with P(B <= u - 1) >= 97.5%.
    expect(cdfByHand(n, 0.85, l - 1)).toBeLessThanOrEqual(0.025);
    expect(cdfByHand(n, 0.85, l)).toBeGreaterThan(0.025);
    expect(cdfByHand(n, 0.85, u - 1)).toBeGreaterThanOrEqual(0.975);
    expect(cdfByHand(n, 0.85, u - 2)).toBeLessThan(0.975);
    expect(cdfByHand(n, 0.85, u - 1) - cdfByHand(n, 0.85, l - 1)).toBeGreaterThanOrEqual(0.95);
    expect([l, u]).toEqual([78, 93]);
  });

  it('leaves an end unbounded when there are too few replications, or it falls among those not finished', () => {
    // 20 replications: the upper rank would be beyond the 20th.
    expect(quantileInterval(Array.from({ length: 20 }, (_, i) => i), 20, 0.85, 0.95).high).toBeNull();
    // 100 replications of which 10 did not finish: rank 93 is one of them.
    const r = quantileInterval(Array.from({ length: 90 }, (_, i) => i + 1), 100, 0.85, 0.95);
    expect(r.low).toBe(78);
    expect(r.high).toBeNull();
  });

  it("gives a Student t interval of the mean (t with 9 degrees of freedom at 95%: 2.262)", () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - 5.5) ** 2, 0) / 9);
    const ci = tInterval(xs, 0.95)!;
    expect(ci.mean).toBe(5.5);
    expect(ci.high - ci.mean).toBeCloseTo((2.262 * sd) / Math.sqrt(10), 2);
    expect(tInterval([1], 0.95)).toBeNull();
  });

  it('gives the Wilson interval at the stated confidence', () => {
    // 45 of 50 at 90%: centre (p + z^2 / 2n) / (1 + z^2 / n), half z sqrt(p (1 - p) / n + z^2 / 4n^2) / (1 + z^2 / n).
    const z = 1.6448536;
    const p = 0.9;
    const n = 50;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    const w = wilsonInterval(45, 50, 0.9)!;
    expect(w.low).toBeCloseTo(centre - half, 6);
    expect(w.high).toBeCloseTo(centre + half, 6);
  });
});
