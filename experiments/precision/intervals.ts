import { inverseNormalCdf } from '../../sim/random/distribution.js';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tFromNormal, wilsonWith, type Interval } from '../aggregate/statistics.js';

/*
 * The confidence intervals a precision-driven run stops on, at any confidence level. Each is
 * the usual fixed-sample interval recomputed at every look; the README says what looking
 * repeatedly costs in coverage and how the first round guards against it.
 */

/** The two-sided normal quantile of a confidence level (1.95996 for 95%), by Acklam's inverse normal CDF. */
export function normalQuantile(confidence: number): number {
  return inverseNormalCdf(1 - (1 - confidence) / 2);
}

/** Mean of the finite values with its Student t interval; null when there are fewer than two. */
export function tInterval(values: number[], confidence: number): Interval | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const m = mean(finite);
  const half = (tFromNormal(normalQuantile(confidence), finite.length - 1) * sampleStandardDeviation(finite)) / Math.sqrt(finite.length);
  return { mean: m, low: m - half, high: m + half };
}

/** The Wilson score interval (Wilson 1927) of successes in n at the confidence level. */
export function wilsonInterval(successes: number, n: number, confidence: number): Interval | null {
  return wilsonWith(successes, n, normalQuantile(confidence));
}

/**
 * The distribution-free interval of the q-quantile from order statistics (e.g. Conover,
 * Practical Nonparametric Statistics, 3rd ed., section 3.2): with B ~ Binomial(n, q),
 * [X(l), X(u)] covers the quantile with probability at least P(l <= B <= u - 1), so l is the
 * largest rank with P(B <= l - 1) <= alpha/2 and u the smallest with P(B <= u - 1) >= 1 - alpha/2.
 * `finished` are the values seen; the other `total - finished.length` replications did not
 * finish and rank above all of them (infinite). An end beyond the data is null (unbounded).
 */
export function quantileInterval(finished: number[], total: number, q: number, confidence: number): { low: number | null; high: number | null } {
  if (total === 0) return { low: null, high: null };
  const sorted = [...finished].sort((a, b) => a - b);
  const alpha = 1 - confidence;
  const cdf = binomialCdf(total, q);
  let l = 0;
  for (let j = 1; j <= total && cdf[j - 1] <= alpha / 2; j++) l = j;
  let u = total + 1;
  for (let j = 1; j <= total; j++) {
    if (cdf[j - 1] >= 1 - alpha / 2) {
      u = j;
      break;
    }
  }
  const at = (rank: number) => (rank >= 1 && rank <= sorted.length ? sorted[rank - 1] : null);
  return { low: l === 0 ? null : at(l), high: u > total ? null : at(u) };
}

/** P(B <= j) for j = 0..n, B ~ Binomial(n, p), summed from the log pmf so large n neither underflows nor overflows. */
export function binomialCdf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  const logOdds = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  let sum = 0;
  for (let j = 0; j <= n; j++) {
    sum += Math.exp(logPmf);
    out[j] = Math.min(1, sum);
    logPmf += Math.log((n - j) / (j + 1)) + logOdds;
  }
  return out;
}
