import { digamma, gammaP, logGamma as logGammaOf, normalCdf, normalQuantile, trigamma } from './special.js';

/**
 * Maximum-likelihood fits of handling times, from sufficient statistics so that a million
 * annotations cost one pass and no copy.
 */

export interface Moments {
  n: number;
  sum: number;
  sumLog: number;
  sumLog2: number;
}

export function moments(x: ArrayLike<number>): Moments {
  let sum = 0;
  let sumLog = 0;
  let sumLog2 = 0;
  for (let i = 0; i < x.length; i++) {
    const l = Math.log(x[i]);
    sum += x[i];
    sumLog += l;
    sumLog2 += l * l;
  }
  return { n: x.length, sum, sumLog, sumLog2 };
}

export interface LognormalFit {
  kind: 'lognormal';
  /** Parameters of log X: mean mu and standard deviation sigma (the MLE divides by n). */
  mu: number;
  sigma: number;
  /** The same as the experiment file states it: mean and coefficient of variation of X. */
  mean: number;
  cv: number;
}

/** Closed form: mu and sigma^2 are the mean and the (1/n) variance of the logs. */
export function fitLognormal(m: Moments): LognormalFit {
  const mu = m.sumLog / m.n;
  const sigma = Math.sqrt(Math.max(0, m.sumLog2 / m.n - mu * mu));
  return { kind: 'lognormal', mu, sigma, mean: Math.exp(mu + (sigma * sigma) / 2), cv: Math.sqrt(Math.expm1(sigma * sigma)) };
}

export interface GammaFit {
  kind: 'gamma';
  shape: number;
  scale: number;
  mean: number;
  cv: number;
}

/**
 * Shape k solves ln k - psi(k) = s, s = ln(mean) - mean(ln x) (Choi & Wette 1969), by Newton's
 * method from Minka's closed-form start (Minka, "Estimating a Gamma distribution", 2002); scale =
 * mean / k.
 */
export function fitGamma(m: Moments): GammaFit {
  const mean = m.sum / m.n;
  const s = Math.log(mean) - m.sumLog / m.n;
  let k = s > 0 ? (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s) : 1e6;
  for (let i = 0; i < 100 && s > 0; i++) {
    const f = Math.log(k) - digamma(k) - s;
    const step = f / (1 / k - trigamma(k));
    const next = k - step;
    k = next > 0 ? next : k / 2;
    if (Math.abs(step) < 1e-12 * k) break;
  }
  return { kind: 'gamma', shape: k, scale: mean / k, mean, cv: 1 / Math.sqrt(k) };
}

export type ParametricFit = LognormalFit | GammaFit;

export function cdf(fit: ParametricFit, x: number): number {
  if (x <= 0) return 0;
  if (fit.kind === 'lognormal') return fit.sigma === 0 ? (Math.log(x) >= fit.mu ? 1 : 0) : normalCdf((Math.log(x) - fit.mu) / fit.sigma);
  return gammaP(fit.shape, x / fit.scale);
}

export function quantile(fit: ParametricFit, p: number): number {
  if (fit.kind === 'lognormal') return Math.exp(fit.mu + fit.sigma * normalQuantile(p));
  // Bisection on the CDF in log space: monotone, and 80 halvings reach double precision.
  let lo = Math.log(fit.mean) - 50;
  let hi = Math.log(fit.mean) + 50;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(fit.shape, Math.exp(mid) / fit.scale) < p) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

export function logLikelihood(fit: ParametricFit, m: Moments): number {
  if (fit.kind === 'lognormal') {
    const { mu, sigma } = fit;
    // sum of -ln x - ln(sigma sqrt(2 pi)) - (ln x - mu)^2 / (2 sigma^2)
    const ss = m.sumLog2 - 2 * mu * m.sumLog + m.n * mu * mu;
    return -m.sumLog - m.n * Math.log(sigma * Math.sqrt(2 * Math.PI)) - ss / (2 * sigma * sigma);
  }
  const { shape: k, scale: t } = fit;
  return (k - 1) * m.sumLog - m.sum / t - m.n * (k * Math.log(t) + logGammaOf(k));
}
