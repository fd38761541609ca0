import { describe, expect, it } from 'vitest';
import { distributionProblems, meanOf, sampler, scaled, type Distribution } from '../../../sim/random/distribution.js';
import { randomStream } from '../../../sim/random/stream.js';
import { chiSquareQuantile, confidenceInterval, covers, formatInterval, mean, replicate, sampleCv } from '../../support/statistics.js';

/** Theoretical mean and coefficient of variation, from the textbook moments of each family. */
function theory(d: Distribution): { mean: number; cv: number } {
  switch (d.kind) {
    case 'deterministic':
      return { mean: d.value, cv: 0 };
    case 'exponential':
      return { mean: d.mean, cv: 1 };
    case 'lognormal':
    case 'gamma':
      return { mean: d.mean, cv: d.cv };
    case 'uniform': {
      const m = (d.min + d.max) / 2;
      return { mean: m, cv: (d.max - d.min) / Math.sqrt(12) / m };
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const m = (a + b + c) / 3;
      const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
      return { mean: m, cv: Math.sqrt(variance) / m };
    }
    case 'empirical': {
      // Resampling the observations: the population moments of the sample itself.
      const m = d.samples.reduce((s, x) => s + x, 0) / d.samples.length;
      const variance = d.samples.reduce((s, x) => s + (x - m) ** 2, 0) / d.samples.length;
      return { mean: m, cv: Math.sqrt(variance) / m };
    }
  }
}

/**
 * R = 30 batches, each an independent stream randomStream(seed, batch, purpose) of n draws; the
 * batch mean and the batch CV are the per-replication statistics. The sample CV is biased low by
 * O(1/n) for heavy tails (lognormal cv 1.2 especially), so n is large enough for that bias to be
 * small against the interval's half-width, which shrinks only as 1/sqrt(nR).
 */
const BATCHES = 30;
const PER_BATCH = 20_000;

const cases: Array<[string, Distribution]> = [
  ['exponential(mean 2)', { kind: 'exponential', mean: 2 }],
  ['lognormal(mean 3, cv 0.5)', { kind: 'lognormal', mean: 3, cv: 0.5 }],
  ['lognormal(mean 0.25, cv 1.2)', { kind: 'lognormal', mean: 0.25, cv: 1.2 }],
  ['gamma(mean 2, cv 0.5)', { kind: 'gamma', mean: 2, cv: 0.5 }],
  ['gamma(mean 2, cv 1.5), shape below 1', { kind: 'gamma', mean: 2, cv: 1.5 }],
  ['uniform(1, 4)', { kind: 'uniform', min: 1, max: 4 }],
  ['triangular(1, 2, 6)', { kind: 'triangular', min: 1, mode: 2, max: 6 }],
  ['triangular(0.5, 3, 3), mode at the maximum', { kind: 'triangular', min: 0.5, mode: 3, max: 3 }],
  ['empirical([1, 2, 2, 5, 10])', { kind: 'empirical', samples: [1, 2, 2, 5, 10] }],
];

describe('sampled distributions', () => {
  for (const [name, d] of cases) {
    describe(name, () => {
      const expected = theory(d);
      let stats: { mean: number[]; cv: number[] } | undefined;
      const batches = () =>
        (stats ??= replicate(BATCHES, (b) => {
          const draw = sampler(d, randomStream(31, b, name));
          const xs = new Float64Array(PER_BATCH);
          for (let i = 0; i < PER_BATCH; i++) xs[i] = draw();
          return { mean: mean(xs), cv: sampleCv(xs) };
        }));

      it('has a sample mean whose 95% confidence interval contains the theoretical mean', () => {
        const ci = confidenceInterval(batches().mean);
        expect(covers(ci, expected.mean), `mean ${expected.mean.toFixed(4)} vs ${formatInterval(ci)}`).toBe(true);
      });

      it('has a sample CV whose 95% confidence interval contains the theoretical CV', () => {
        const ci = confidenceInterval(batches().cv);
        expect(covers(ci, expected.cv), `cv ${expected.cv.toFixed(4)} vs ${formatInterval(ci)}`).toBe(true);
      });

      it('stays within its support', () => {
        const draw = sampler(d, randomStream(31, 0, `${name} support`));
        const lo = d.kind === 'uniform' || d.kind === 'triangular' ? d.min : d.kind === 'empirical' ? Math.min(...d.samples) : 0;
        const hi = d.kind === 'uniform' || d.kind === 'triangular' ? d.max : d.kind === 'empirical' ? Math.max(...d.samples) : Infinity;
        for (let i = 0; i < 10_000; i++) {
          const x = draw();
          if (!(x >= lo && x <= hi)) expect.fail(`draw ${x} outside [${lo}, ${hi}]`);
        }
      });

      it('reports the theoretical mean through meanOf', () => {
        expect(meanOf(d)).toBeCloseTo(expected.mean, 12);
      });
    });
  }

  it('draws only the listed observations from an empirical distribution, each as often as listed (chi-square at 1%)', () => {
    const samples = [1, 2, 2, 5, 10];
    const draw = sampler({ kind: 'empirical', samples }, randomStream(31, 0, 'empirical-values'));
    const n = 50_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = draw();
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const values = [...new Set(samples)].sort((a, b) => a - b);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(values);
    let x2 = 0;
    for (const v of values) {
      const expected = (n * samples.filter((s) => s === v).length) / samples.length;
      x2 += ((counts.get(v) ?? 0) - expected) ** 2 / expected;
    }
    expect(x2).toBeLessThan(chiSquareQuantile(0.99, values.length - 1));
  });
});

describe('degenerate distributions', () => {
  it('deterministic returns its value every time', () => {
    const draw = sampler({ kind: 'deterministic', value: 2.5 }, randomStream(1, 0, 'x'));
    for (let i = 0; i < 100; i++) expect(draw()).toBe(2.5);
  });

  it('lognormal and gamma with cv 0 return their mean', () => {
    for (const kind of ['lognormal', 'gamma'] as const) {
      const draw = sampler({ kind, mean: 1.75, cv: 0 }, randomStream(1, 0, 'x'));
      for (let i = 0; i < 10; i++) expect(draw()).toBe(1.75);
    }
  });

  it('uniform and triangular with zero width return their point', () => {
    expect(sampler({ kind: 'uniform', min: 3, max: 3 }, randomStream(1, 0, 'x'))()).toBe(3);
    expect(sampler({ kind: 'triangular', min: 3, mode: 3, max: 3 }, randomStream(1, 0, 'x'))()).toBe(3);
  });

  it('reproduce the same draws from the same stream', () => {
    const d: Distribution = { kind: 'gamma', mean: 2, cv: 0.7 };
    const a = sampler(d, randomStream(5, 2, 'review'));
    const b = sampler(d, randomStream(5, 2, 'review'));
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
});

describe('scaling a distribution', () => {
  it('multiplies its mean by the factor and keeps its CV', () => {
    for (const [, d] of cases) {
      const s = scaled(d, 2.5);
      expect(theory(s).mean).toBeCloseTo(2.5 * theory(d).mean, 12);
      expect(theory(s).cv).toBeCloseTo(theory(d).cv, 12);
      expect(meanOf(s)).toBeCloseTo(2.5 * meanOf(d), 12);
    }
    expect(scaled({ kind: 'deterministic', value: 2 }, 3)).toEqual({ kind: 'deterministic', value: 6 });
  });
});

describe('distribution validation', () => {
  it('accepts sensible parameters', () => {
    for (const [, d] of cases) expect(distributionProblems(d)).toEqual([]);
  });

  it('names the fields that are wrong', () => {
    expect(distributionProblems({ kind: 'exponential', mean: 0 })).toEqual([['mean', 'a finite number > 0']]);
    expect(distributionProblems({ kind: 'lognormal', mean: 1, cv: -1 })).toEqual([['cv', 'a finite number >= 0']]);
    expect(distributionProblems({ kind: 'uniform', min: 2, max: 1 }).map(([f]) => f)).toEqual(['max']);
    expect(distributionProblems({ kind: 'triangular', min: 1, mode: 5, max: 3 }).map(([f]) => f)).toEqual(['mode']);
    expect(distributionProblems({ kind: 'empirical', samples: [] }).map(([f]) => f)).toEqual(['samples']);
    expect(distributionProblems({ kind: 'deterministic', value: Number.NaN }).map(([f]) => f)).toEqual(['value']);
  });
});
