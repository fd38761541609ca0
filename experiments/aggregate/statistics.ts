import { mean, probit, quantileSorted, sampleStandardDeviation } from 'simple-statistics';

export interface Interval {
  mean: number;
  low: number;
  high: number;
}

/**
 * The q-quantile of replications where some did not finish (censored at the horizon): they
 * rank above every finished one, so a quantile falling among them is unknown (null), never the
 * horizon itself. Linear interpolation between order statistics (Hyndman & Fan type 7).
 */
export function censoredQuantile(finished: number[], total: number, q: number): number | null {
  if (total === 0) return null;
  const sorted = [...finished].sort((a, b) => a - b);
  const h = (total - 1) * q;
  const hi = Math.ceil(h);
  if (hi >= sorted.length) return null;
  if (sorted.length === total) return quantileSorted(sorted, q);
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The value of the replication at rank ceil(q * n) of all n replications (1 = the earliest),
 * those not finished (NaN or infinite) ranking last: an order statistic, a time one of the
 * replications actually reached, where censoredQuantile interpolates between two. Null when
 * that rank falls among the replications not finished, or there are none.
 */
export function rankedValue(values: number[], q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  // The tolerance keeps 0.85 * 20 (17.000000000000004 in binary) at rank 17.
  const rank = Math.max(1, Math.ceil(q * n - 1e-9));
  const finished = values.filter(Number.isFinite).sort((a, b) => a - b);
  return rank <= finished.length ? finished[rank - 1] : null;
}

/** Quantile of finite values, null when there are none. */
export function quantile(values: number[], q: number): number | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length === 0 ? null : quantileSorted(finite, q);
}

/** Mean of finite values, null when there are none. */
export function finiteMean(values: number[]): number | null {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? null : mean(finite);
}

/** Two-sided 97.5% Student t quantile by the Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5); exact to ~1e-4 for df >= 3. */
export function tQuantile975(df: number): number {
  return tFromNormal(probit(0.975), df);
}

/** Student's t quantile with df degrees of freedom at the probability whose normal quantile is z (>= 0), by the same expansion. */
export function tFromNormal(z: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e6) return z;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Mean with a 95% t confidence interval; null when fewer than one finite value. */
export function meanInterval(values: number[]): Interval | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const m = mean(finite);
  if (finite.length < 2) return { mean: m, low: m, high: m };
  const half = (tQuantile975(finite.length - 1) * sampleStandardDeviation(finite)) / Math.sqrt(finite.length);
  return { mean: m, low: m - half, high: m + half };
}

/** Wilson score interval for a binomial proportion (Wilson 1927), 95%: honest near 0 and 1. */
export function wilson(successes: number, n: number): Interval | null {
  return wilsonWith(successes, n, probit(0.975));
}

/** The Wilson interval with normal quantile z (1.96 for 95%). */
export function wilsonWith(successes: number, n: number, z: number): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { mean: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Mean and 95% interval of plan-minus-baseline differences, paired by replication index (the
 * same random world), over the replications where both values are finite.
 */
export function pairedDifference(plan: number[], baseline: number[]): Interval | null {
  const d: number[] = [];
  for (let k = 0; k < Math.min(plan.length, baseline.length); k++) {
    const x = plan[k] - baseline[k];
    if (Number.isFinite(x)) d.push(x);
  }
  return meanInterval(d);
}
