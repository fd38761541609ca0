import { randomExponential, randomGamma, randomLogNormal, randomUniform, randomInt } from 'd3-random';
import type { RandomSource } from './stream.js';

/** A probability distribution as plain data (hours for durations). */
export type Distribution =
  | { kind: 'deterministic'; value: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; mean: number; cv: number }
  | { kind: 'gamma'; mean: number; cv: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'empirical'; samples: number[] };

/** Draws one value. */
export type Sampler = () => number;

/** Expected value of a distribution. */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'deterministic':
      return d.value;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical':
      return d.samples.reduce((s, x) => s + x, 0) / d.samples.length;
  }
}

/** The same distribution with its scale multiplied by `factor` (a complexity multiplier, say). */
export function scaled(d: Distribution, factor: number): Distribution {
  switch (d.kind) {
    case 'deterministic':
      return { kind: 'deterministic', value: d.value * factor };
    case 'exponential':
      return { kind: 'exponential', mean: d.mean * factor };
    case 'lognormal':
    case 'gamma':
      return { ...d, mean: d.mean * factor };
    case 'uniform':
      return { kind: 'uniform', min: d.min * factor, max: d.max * factor };
    case 'triangular':
      return { kind: 'triangular', min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
    case 'empirical':
      return { kind: 'empirical', samples: d.samples.map((x) => x * factor) };
  }
}

/**
 * A sampler drawing from `source`. Parameterised by mean and coefficient of variation where
 * people think that way (handling times); converted here to the library's native parameters.
 *
 * `keyed: true` is for a source that is repositioned before every draw (KeyedRandom): each draw
 * must then depend on that position alone. d3-random's normal keeps the second value of each
 * polar pair for the next call, which would hand one item's number to the next item, so the
 * normal family (lognormal, gamma) is drawn statelessly there: Box-Muller without a cache, and
 * Marsaglia-Tsang on top of it. The stateless d3 samplers (exponential, uniform, int) are used as they are.
 */
export function sampler(d: Distribution, source: RandomSource, options: { keyed?: boolean } = {}): Sampler {
  if (options.keyed && (d.kind === 'lognormal' || d.kind === 'gamma') && d.cv > 0) return statelessSampler(d, source);
  switch (d.kind) {
    case 'deterministic': {
      const v = d.value;
      return () => v;
    }
    case 'exponential':
      return randomExponential.source(source)(1 / d.mean);
    case 'lognormal': {
      if (d.cv === 0) return sampler({ kind: 'deterministic', value: d.mean }, source);
      // For X = exp(N(mu, sigma^2)): E[X] = exp(mu + sigma^2/2), CV^2 = exp(sigma^2) - 1.
      const sigma2 = Math.log(1 + d.cv * d.cv);
      const mu = Math.log(d.mean) - sigma2 / 2;
      return randomLogNormal.source(source)(mu, Math.sqrt(sigma2));
    }
    case 'gamma': {
      if (d.cv === 0) return sampler({ kind: 'deterministic', value: d.mean }, source);
      // Shape k = 1/CV^2, scale theta = mean/k.
      const k = 1 / (d.cv * d.cv);
      return randomGamma.source(source)(k, d.mean / k);
    }
    case 'uniform':
      return randomUniform.source(source)(d.min, d.max);
    case 'triangular':
      return triangular(d.min, d.mode, d.max, source);
    case 'empirical': {
      // Resampling the observations (a bootstrap), the usual choice when a platform export is all there is.
      const xs = Float64Array.from(d.samples);
      const pick = randomInt.source(source)(0, xs.length);
      return () => xs[pick()];
    }
  }
}

/** Lognormal and gamma from a fixed number of uniforms per normal, with no state between draws. */
function statelessSampler(d: Extract<Distribution, { kind: 'lognormal' | 'gamma' }>, source: RandomSource): Sampler {
  // Box-Muller (1958): one standard normal from two uniforms; 1 - u keeps the logarithm finite.
  const normal = () => Math.sqrt(-2 * Math.log(1 - source())) * Math.cos(2 * Math.PI * source());
  if (d.kind === 'lognormal') {
    const sigma2 = Math.log(1 + d.cv * d.cv);
    const mu = Math.log(d.mean) - sigma2 / 2;
    const sigma = Math.sqrt(sigma2);
    return () => Math.exp(mu + sigma * normal());
  }
  // Marsaglia & Tsang (2000), "A simple method for generating gamma variables"; shape < 1 by
  // drawing shape + 1 and scaling with u^(1/shape).
  const shape = 1 / (d.cv * d.cv);
  const scale = d.mean / shape;
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const dd = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * dd);
  return () => {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - source();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) {
        const g = dd * v * scale;
        return boost ? g * Math.pow(1 - source(), 1 / shape) : g;
      }
    }
  };
}

/** Inverse-CDF sampling of the triangular distribution (d3-random has none). */
function triangular(min: number, mode: number, max: number, source: RandomSource): Sampler {
  const range = max - min;
  if (range === 0) return () => min;
  const split = (mode - min) / range;
  return () => {
    const u = source();
    return u < split ? min + Math.sqrt(u * range * (mode - min)) : max - Math.sqrt((1 - u) * range * (max - mode));
  };
}

/** Checks a distribution's parameters, returning a list of problems as (field, expected) pairs. */
export function distributionProblems(d: Distribution): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const positive = (field: string, v: number) => {
    if (!(Number.isFinite(v) && v > 0)) problems.push([field, 'a finite number > 0']);
  };
  const nonNegative = (field: string, v: number) => {
    if (!(Number.isFinite(v) && v >= 0)) problems.push([field, 'a finite number >= 0']);
  };
  switch (d.kind) {
    case 'deterministic':
      nonNegative('value', d.value);
      break;
    case 'exponential':
      positive('mean', d.mean);
      break;
    case 'lognormal':
    case 'gamma':
      positive('mean', d.mean);
      nonNegative('cv', d.cv);
      break;
    case 'uniform':
      nonNegative('min', d.min);
      if (!(d.max >= d.min)) problems.push(['max', `a number >= min (${d.min})`]);
      break;
    case 'triangular':
      nonNegative('min', d.min);
      if (!(d.mode >= d.min && d.mode <= d.max)) problems.push(['mode', 'a number between min and max']);
      break;
    case 'empirical':
      if (d.samples.length === 0) problems.push(['samples', 'at least one observation']);
      d.samples.forEach((x, i) => nonNegative(`samples[${i}]`, x));
      break;
  }
  return problems;
}
