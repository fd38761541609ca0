import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { cdf, fitGamma, fitLognormal, logLikelihood, moments, quantile } from '../../../../experiments/calibrate/fit/distributions.js';
import { ksPValue, ksStatistic } from '../../../../experiments/calibrate/fit/goodness.js';
import { gammaP, logGamma, normalCdf } from '../../../../experiments/calibrate/fit/special.js';

function lognormalSample(n: number, mu: number, sigma: number, seed: string): Float64Array {
  const r = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())));
}

/** Gamma(k, 1) by Marsaglia and Tsang (2000), for k >= 1. */
function gammaSample(n: number, k: number, scale: number, seed: string): Float64Array {
  const r = seedrandom.alea(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return Float64Array.from({ length: n }, () => {
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(1 - r()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
    }
  });
}

describe('maximum-likelihood fits of handling times', () => {
  it('fits a lognormal by the closed form: mu the mean of the logs, sigma their standard deviation dividing by n', () => {
    const x = lognormalSample(5000, Math.log(30), 0.45, 'ln');
    const logs = Array.from(x, Math.log);
    const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sigma = Math.sqrt(logs.reduce((a, b) => a + (b - mu) ** 2, 0) / logs.length);
    const fit = fitLognormal(moments(x));
    expect(fit.mu).toBeCloseTo(mu, 10);
    expect(fit.sigma).toBeCloseTo(sigma, 10);
    expect(fit.mean).toBeCloseTo(Math.exp(mu + sigma ** 2 / 2), 8);
    expect(fit.cv).toBeCloseTo(Math.sqrt(Math.exp(sigma ** 2) - 1), 10);
    // and the estimates are near the truth the sample came from
    expect(fit.sigma).toBeGreaterThan(0.43);
    expect(fit.sigma).toBeLessThan(0.47);
  });

  it('fits a gamma whose shape maximises the likelihood, found here by golden-section search on the profile likelihood instead of Newton', () => {
    const x = gammaSample(4000, 3.2, 12, 'ga');
    const m = moments(x);
    const fit = fitGamma(m);
    const mean = m.sum / m.n;
    // The profile log-likelihood of the shape with the scale at its MLE mean / k.
    const profile = (k: number) => (k - 1) * m.sumLog - (m.sum * k) / mean - m.n * (k * Math.log(mean / k) + logGamma(k));
    let lo = 0.1;
    let hi = 50;
    const g = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 200; i++) {
      const a = hi - g * (hi - lo);
      const b = lo + g * (hi - lo);
      if (profile(a) > profile(b)) hi = b;
      else lo = a;
    }
    expect(fit.shape).toBeCloseTo((lo + hi) / 2, 5);
    expect(fit.scale).toBeCloseTo(mean / fit.shape, 8);
    expect(fit.mean).toBeCloseTo(mean, 10);
    expect(fit.shape).toBeGreaterThan(3.0);
    expect(fit.shape).toBeLessThan(3.4);
    expect(logLikelihood(fit, m)).toBeCloseTo(profile(fit.shape), 6);
  });

  it('computes the special functions as tables give them', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    // P(1, x) = 1 - e^-x; P(3, 2) = 1 - e^-2 (1 + 2 + 2) (Poisson sums)
    expect(gammaP(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 12);
    expect(gammaP(3, 2)).toBeCloseTo(1 - Math.exp(-2) * 5, 12);
    expect(gammaP(3, 20)).toBeCloseTo(1 - Math.exp(-20) * (1 + 20 + 200), 12);
  });

  it('inverts its CDFs: the quantile at p has CDF p', () => {
    const ln = fitLognormal(moments(lognormalSample(500, 3, 0.6, 'q')));
    const ga = fitGamma(moments(gammaSample(500, 2.5, 10, 'q')));
    for (const p of [0.01, 0.25, 0.5, 0.85, 0.99]) {
      expect(cdf(ln, quantile(ln, p))).toBeCloseTo(p, 6);
      expect(cdf(ga, quantile(ga, p))).toBeCloseTo(p, 6);
    }
  });
});

describe('the Kolmogorov-Smirnov statistic', () => {
  it('is the largest gap between the empirical and the fitted CDF, on either side of each step', () => {
    const fit = { kind: 'lognormal' as const, mu: 0, sigma: 1, mean: Math.exp(0.5), cv: Math.sqrt(Math.E - 1) };
    const sorted = [0.5, 1, 2, 4];
    const F = sorted.map((x) => normalCdf(Math.log(x)));
    const byHand = Math.max(...F.map((f, i) => Math.max((i + 1) / 4 - f, f - i / 4)));
    expect(ksStatistic(sorted, fit)).toBeCloseTo(byHand, 12);
  });

  it('gives the 5% point of the Kolmogorov distribution (lambda 1.358) a p-value of 0.05', () => {
    const n = 10_000;
    const d = 1.3581 / (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n));
    expect(ksPValue(d, n)).toBeCloseTo(0.05, 3);
  });

  it('passes a lognormal sample as lognormal and fails it as gamma once the sample is large', () => {
    const x = lognormalSample(20_000, Math.log(40), 0.5, 'judge').sort();
    const m = moments(x);
    expect(ksPValue(ksStatistic(x, fitLognormal(m)), x.length)).toBeGreaterThan(0.05);
    expect(ksPValue(ksStatistic(x, fitGamma(m)), x.length)).toBeLessThan(0.01);
  });
});
