import { cdf, quantile, type ParametricFit } from './distributions.js';

/**
 * Kolmogorov-Smirnov distance between sorted observations and a fitted distribution, and its
 * p-value from the Kolmogorov distribution with Stephens' small-sample factor
 * (sqrt(n) + 0.12 + 0.11/sqrt(n); Stephens 1970). The parameters come from the same data, which
 * makes the test conservative (it passes fits a little too easily: Lilliefors 1967); the page
 * says so beside the figure.
 */
export function ksStatistic(sorted: ArrayLike<number>, fit: ParametricFit): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(fit, sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

export function ksPValue(d: number, n: number): number {
  const lambda = (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * d;
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = 2 * (j % 2 === 1 ? 1 : -1) * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/** Points of a QQ plot: at most `points` pairs (observed quantile, fitted quantile) at plotting positions (i - 0.5)/n. */
export function qqPoints(sorted: ArrayLike<number>, fit: ParametricFit, points = 100): Array<[number, number]> {
  const n = sorted.length;
  const out: Array<[number, number]> = [];
  const step = Math.max(1, n / points);
  for (let at = step / 2; at < n; at += step) {
    const i = Math.floor(at);
    out.push([sorted[i], quantile(fit, (i + 0.5) / n)]);
  }
  return out;
}
