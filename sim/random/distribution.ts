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
 * normal family (lognormal, gamma) is drawn statelessly there: the inverse normal CDF of one
 * uniform, and Marsaglia-Tsang on top of it. The stateless d3 samplers (exponential, uniform, int) are used as they are.
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
  // One standard normal from one uniform by the inverse CDF: no pair to cache, one draw per value.
  const normal = () => inverseNormalCdf(source());
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

// Coefficients of Acklam's rational approximation to the inverse normal CDF (relative error
// below 1.2e-9 over (0, 1)); P. J. Acklam, "An algorithm for computing the inverse normal
// cumulative distribution function", 2003; p_low = 0.02425. The coefficients are written into the
// expressions: module-level arrays or constants cost a load (and a check) each per draw.

/**
 * The standard normal quantile of u in [0, 1). NOTE: speed chose this over Box-Muller: in the
 * central 95% it is one rational function (no logarithm, root or cosine) and it needs one
 * uniform per normal instead of two. u = 0 (probability 2^-32) is nudged to the smallest draw.
 */
export function inverseNormalCdf(u: number): number {
  const p = u <= 0 ? 2.3283064365386963e-10 : u;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((-7.784894002430293e-3 * q + -3.223964580411365e-1) * q + -2.400758277161838) * q + -2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) / ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((-7.784894002430293e-3 * q + -3.223964580411365e-1) * q + -2.400758277161838) * q + -2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) / ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r + -2.759285104469687e2) * r + 1.38357751867269e2) * r + -3.066479806614716e1) * r + 2.506628277459239) * q) / (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r + -1.556989798598866e2) * r + 6.680131188771972e1) * r + -1.328068155288572e1) * r + 1);
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
