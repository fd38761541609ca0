/**
 * Small statistics toolkit for the validation tests: replication means with Student-t confidence
 * intervals, and the quantiles they need, computed here rather than copied from tables.
 *
 * References:
 * - Student t CDF through the regularized incomplete beta function, evaluated by its continued
 *   fraction with the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.4).
 * - log Gamma by the Lanczos approximation, g = 7, n = 9 (Numerical Recipes, §6.1; coefficients
 *   as used by Boost and many others; ~15 significant digits).
 * - Normal quantile by Acklam's rational approximation (relative error < 1.15e-9) with one
 *   Halley refinement step.
 * - Chi-square quantile by the Wilson–Hilferty cube-root normal approximation (Wilson & Hilferty,
 *   PNAS 17, 1931), accurate to a fraction of a percent for 50+ degrees of freedom.
 */

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Sample variance (n - 1 denominator). */
export function sampleVariance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}

/** Sample coefficient of variation: sample standard deviation over sample mean. */
export function sampleCv(xs: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(xs)) / mean(xs);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the Gamma function for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) return h;
  }
  throw new Error('incomplete beta continued fraction did not converge');
}

/** Regularized incomplete beta function I_x(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** CDF of Student's t distribution with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t distribution (inverts the CDF by bisection to ~1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`probability must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Standard normal CDF through the regularized lower incomplete gamma function (Numerical Recipes §6.2). */
function normalCdf(z: number): number {
  // Phi(z) = 1/2 * (1 + sign(z) * P(1/2, z^2/2)) with P the regularized lower incomplete gamma.
  const p = regularizedLowerGamma(0.5, (z * z) / 2);
  return z >= 0 ? 0.5 * (1 + p) : 0.5 * (1 - p);
}

function regularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(lnFront);
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lnFront) * h;
}

/** Standard normal quantile: Acklam's rational approximation refined by one Halley step. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`probability must be in (0, 1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // Halley refinement.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Upper quantile of the chi-square distribution with `df` degrees of freedom (Wilson–Hilferty). */
export function chiSquareQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const v = 2 / (9 * df);
  return df * (1 - v + z * Math.sqrt(v)) ** 3;
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
export function chiSquareUniformStatistic(counts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  const expected = n / counts.length;
  let x2 = 0;
  for (let i = 0; i < counts.length; i++) x2 += (counts[i] - expected) ** 2 / expected;
  return x2;
}

export interface ConfidenceInterval {
  mean: number;
  halfWidth: number;
  lower: number;
  upper: number;
  /** Number of observations (replications). */
  n: number;
  level: number;
}

/** Student-t confidence interval for the mean of independent observations (one per replication). */
export function confidenceInterval(xs: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  const n = xs.length;
  if (n < 2) throw new Error('a confidence interval needs at least two observations');
  const m = mean(xs);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  const halfWidth = t * Math.sqrt(sampleVariance(xs) / n);
  return { mean: m, halfWidth, lower: m - halfWidth, upper: m + halfWidth, n, level };
}

/** True when `value` lies in the interval (bounds included). */
export function covers(ci: ConfidenceInterval, value: number): boolean {
  return value >= ci.lower && value <= ci.upper;
}

export function formatInterval(ci: ConfidenceInterval, digits = 4): string {
  return `${ci.mean.toFixed(digits)} ± ${ci.halfWidth.toFixed(digits)} (${(ci.level * 100).toFixed(0)}% CI over ${ci.n} replications: [${ci.lower.toFixed(digits)}, ${ci.upper.toFixed(digits)}])`;
}

/**
 * Runs `replications` independent replications (indices 0..R-1) and gathers each named
 * per-replication statistic into an array, one entry per replication.
 */
export function replicate<K extends string>(replications: number, run: (replication: number) => Record<K, number>): Record<K, number[]> {
  const out = {} as Record<K, number[]>;
  for (let r = 0; r < replications; r++) {
    const stats = run(r);
    for (const k of Object.keys(stats) as K[]) (out[k] ??= []).push(stats[k]);
  }
  return out;
}
