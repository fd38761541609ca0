import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, sampler } from '../../../sim/random/distribution.js';
import { KeyedRandom } from '../../../sim/random/keyed-random.js';

describe('the inverse normal CDF behind keyed lognormal and gamma draws', () => {
  it('matches tabulated standard normal quantiles to 1e-8', () => {
    // Quantiles from Abramowitz & Stegun table 26.5 / any statistics table.
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963985, 8);
    expect(inverseNormalCdf(0.025)).toBeCloseTo(-1.959963985, 8);
    expect(inverseNormalCdf(0.999)).toBeCloseTo(3.090232306, 8);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306, 8);
    expect(inverseNormalCdf(0.8413447461)).toBeCloseTo(1, 7);
  });

  it('stays finite at the ends of the uniform range', () => {
    expect(Number.isFinite(inverseNormalCdf(0))).toBe(true);
    expect(Number.isFinite(inverseNormalCdf(1 - 2 ** -32))).toBe(true);
  });
});

describe('keyed samplers', () => {
  it('give each key the same draw whatever was drawn before (no value carried between keys)', () => {
    const random = new KeyedRandom(3, 0, 'handling');
    const draw = sampler({ kind: 'lognormal', mean: 1, cv: 0.5 }, random.source, { keyed: true });
    const forward = [1, 2, 3, 4, 5].map((k) => (random.at(k), draw()));
    const backward = [5, 4, 3, 2, 1].map((k) => (random.at(k), draw())).reverse();
    expect(backward).toEqual(forward);
    const gamma = sampler({ kind: 'gamma', mean: 2, cv: 0.7 }, random.source, { keyed: true });
    const g1 = [7, 8, 9].map((k) => (random.at(k), gamma()));
    const g2 = [9, 8, 7].map((k) => (random.at(k), gamma())).reverse();
    expect(g2).toEqual(g1);
  });

  it('reproduce the lognormal mean and coefficient of variation', () => {
    const random = new KeyedRandom(5, 1, 'handling');
    const draw = sampler({ kind: 'lognormal', mean: 36, cv: 0.4 }, random.source, { keyed: true });
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let k = 0; k < n; k++) {
      random.at(k);
      const x = draw();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    // Standard error of the mean is 36 * 0.4 / sqrt(n) = 0.032; four of them is a generous band.
    expect(Math.abs(mean - 36)).toBeLessThan(4 * 0.032);
    expect(sd / mean).toBeCloseTo(0.4, 2);
  });
});
