import { inverseNormalCdf } from '../random/distribution.js';
import type { LearningCurve } from './learning-curve.js';

/** One measured point of a learning curve: the model's accuracy after training on `n` labels. */
export interface CurvePoint {
  readonly n: number;
  readonly accuracy: number;
}

export interface CurveFitOptions {
  /**
   * How much each point counts. 'position' (the default) follows Figueroa et al. (2012), who give
   * points from larger training sets more weight, by position: with the distinct sizes sorted,
   * the j-th of m counts j/m, so the points nearest the extrapolation (and the least noisy) steer
   * the fit without the first ones vanishing, as weights proportional to n would make them.
   * 'equal' is ordinary least squares.
   */
  readonly weighting?: 'position' | 'equal';
  /** Levenberg-Marquardt iterations before the fit is declared not to converge. */
  readonly maxIterations?: number;
}

/** A learning curve fitted to measured points, with the uncertainty of its parameters. */
export interface CurveFit {
  readonly estimate: LearningCurve;
  /** Covariance of (a, b, c), row-major 3x3: residual variance x (J' W J)^-1 at the solution. */
  readonly covariance: ReadonlyArray<ReadonlyArray<number>>;
  readonly standardErrors: LearningCurve;
  /**
   * 95% intervals with Student's t on m - 3 degrees of freedom: for a, estimate +- t se; for b
   * and c on the log scale, where drawCurve draws them (exp(log est +- t se/est)), so they stay
   * positive and hold the middle 95% of the drawn curves.
   */
  readonly interval95: { readonly a: Interval; readonly b: Interval; readonly c: Interval };
  /** sqrt(sum w r^2 / (m - 3)), in accuracy units at weight 1 (the largest training set). */
  readonly residualSd: number;
  readonly points: ReadonlyArray<CurvePoint>;
  /**
   * Covariance of (a, log b, log c), row-major 3x3: the scale drawCurve draws on. The delta method
   * maps it exactly onto `covariance` (scale rows and columns of b and c by b and c).
   */
  readonly logCovariance: ReadonlyArray<ReadonlyArray<number>>;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** A fit that cannot be made; `point` is the index of the offending point when there is one. */
export class CurveFitError extends Error {
  constructor(
    message: string,
    readonly point?: number,
  ) {
    super(message);
    this.name = 'CurveFitError';
  }
}

/**
 * Fits acc(n) = a - b n^(-c) to measured points by weighted nonlinear least squares
 * (Figueroa et al. 2012), minimising sum w_j (accuracy_j - acc(n_j))^2 by Levenberg-Marquardt.
 *
 * The search runs on (a, log b, log c), so b and c stay positive without bounds, from the best
 * start of a grid over c (for fixed c the model is linear in a and b, solved exactly). Four
 * points at least: three determine the curve exactly and leave no degrees of freedom for its
 * uncertainty, which is what the replications draw from.
 *
 * NOTE: hand-written rather than ml-levenberg-marquardt (mljs): that library weights its
 * acceptance test by w^2 and its step by 1/w^2, always takes the step even when the error rises,
 * stops only at an absolute error threshold or the iteration cap without saying which, and gives
 * no Jacobian at the solution, which the covariance needs. Three parameters need no matrix library.
 */
export function fitLearningCurve(points: ReadonlyArray<CurvePoint>, options: CurveFitOptions = {}): CurveFit {
  checkPoints(points);
  const m = points.length;
  const n = points.map((p) => p.n);
  const y = points.map((p) => p.accuracy);
  const w = weightsOf(n, options.weighting ?? 'position');

  let theta = startingValues(n, y, w);
  let sse = weightedSse(theta, n, y, w);
  let lambda = 1e-3;
  let converged = false;
  const maxIterations = options.maxIterations ?? 500;
  for (let iteration = 0; iteration < maxIterations && !converged; iteration++) {
    const { h, g } = normalEquations(theta, n, y, w);
    if (gradientCosine(h, g, sse) <= 1e-10 || sse <= 1e-30) {
      converged = true;
      break;
    }
    // Marquardt's scaling: damp each direction by its own curvature, so the step is invariant to units.
    for (;;) {
      const damped = h.map((v, i) => (i % 4 === 0 ? v * (1 + lambda) : v));
      const step = solveSpd(damped, g);
      const next = step && theta.map((v, k) => v + step[k]);
      if (step && next && weightedSse(next, n, y, w) <= sse) {
        converged = Math.max(...step.map((s, k) => Math.abs(s) / (Math.abs(theta[k]) + 1e-8))) <= 1e-12;
        theta = next;
        sse = weightedSse(theta, n, y, w);
        lambda = Math.max(lambda / 10, 1e-12);
        break;
      }
      lambda *= 10;
      if (lambda > 1e16) {
        // No step lowers the error: a minimum to machine precision if the gradient is flat there.
        const again = normalEquations(theta, n, y, w);
        if (gradientCosine(again.h, again.g, sse) > 1e-6) throw notConverged(points);
        converged = true;
        break;
      }
    }
  }
  if (!converged) throw notConverged(points);

  const [a, logB, logC] = theta;
  const b = Math.exp(logB);
  const c = Math.exp(logC);
  if (a > 1) {
    throw new CurveFitError(
      `the fitted asymptote is ${round(a)}, above 1 (perfect accuracy): the points do not level off yet; measure at larger training sets`,
    );
  }
  const { h } = normalEquations(theta, n, y, w);
  const inverse = inverseSpd(h);
  if (inverse === null || !Number.isFinite(b) || !Number.isFinite(c) || c > 50) {
    throw new CurveFitError('the points do not pin the curve down (its parameters trade off against each other): measure over a wider range of training-set sizes');
  }
  const df = m - 3;
  const variance = sse / df;
  const logCovariance = rows(inverse.map((v) => v * variance));
  const scale = [1, b, c];
  const covariance = logCovariance.map((row, i) => row.map((v, j) => v * scale[i] * scale[j]));
  const se = [0, 1, 2].map((k) => Math.sqrt(covariance[k][k]));
  const seLog = [1, 2].map((k) => Math.sqrt(logCovariance[k][k]));
  const t = studentTQuantile(0.975, df);
  return {
    estimate: { a, b, c },
    covariance,
    standardErrors: { a: se[0], b: se[1], c: se[2] },
    interval95: {
      a: { low: a - t * se[0], high: a + t * se[0] },
      b: { low: b * Math.exp(-t * seLog[0]), high: b * Math.exp(t * seLog[0]) },
      c: { low: c * Math.exp(-t * seLog[1]), high: c * Math.exp(t * seLog[1]) },
    },
    residualSd: Math.sqrt(variance),
    points: points.map((p) => ({ n: p.n, accuracy: p.accuracy })),
    logCovariance,
  };
}

/** Attempts to draw an asymptote of at most 1 before the last draw is clamped to 1. */
export const MAX_ASYMPTOTE_DRAWS = 100;

/**
 * One curve drawn from the fit's uncertainty, for one replication: (a, log b, log c) from the
 * multivariate normal with the fit's estimate and logCovariance (Cholesky factor times three
 * standard normals, each the inverse normal CDF of one uniform from `uniform`), so b and c are
 * always positive. An asymptote outside (0, 1] is impossible for a classifier's accuracy, so
 * that draw is redrawn; after MAX_ASYMPTOTE_DRAWS tries the last draw's a is clamped into (0, 1].
 * A fit from fitLearningCurve has a <= 1, so at most half its draws fall above 1 and the clamp
 * is reached with probability below 2^-100; it guards hand-made fits. The truncation pulls the
 * mean of a below the estimate only when a is within a few standard errors of 1.
 *
 * Deterministic: the same uniform sequence gives the same curve. Each attempt takes three
 * uniforms, so a curve takes three unless its asymptote had to be redrawn.
 */
export function drawCurve(fit: CurveFit, uniform: () => number): LearningCurve {
  const { a, b, c } = fit.estimate;
  const centre = [a, Math.log(b), Math.log(c)];
  const l = choleskyFactor(fit.logCovariance.flat());
  let draw = centre;
  for (let attempt = 0; attempt < MAX_ASYMPTOTE_DRAWS; attempt++) {
    const z = [inverseNormalCdf(uniform()), inverseNormalCdf(uniform()), inverseNormalCdf(uniform())];
    draw = [0, 1, 2].map((i) => centre[i] + l[3 * i] * z[0] + l[3 * i + 1] * z[1] + l[3 * i + 2] * z[2]);
    if (draw[0] > 0 && draw[0] <= 1) break;
  }
  return { a: Math.min(Math.max(draw[0], Number.MIN_VALUE), 1), b: Math.exp(draw[1]), c: Math.exp(draw[2]) };
}

function checkPoints(points: ReadonlyArray<CurvePoint>): void {
  if (points.length < 4) {
    throw new CurveFitError(
      `a learning curve needs at least four measured points to fit (three determine a, b and c exactly and leave nothing to estimate their uncertainty); got ${points.length}`,
    );
  }
  points.forEach((p, i) => {
    if (!(Number.isFinite(p.n) && p.n > 0)) throw new CurveFitError(`point ${i + 1}: n must be a positive number of training labels, got ${p.n}`, i);
    if (!(p.accuracy > 0 && p.accuracy < 1)) throw new CurveFitError(`point ${i + 1}: accuracy must be between 0 and 1 (exclusive), got ${p.accuracy}`, i);
  });
  const distinct = new Set(points.map((p) => p.n)).size;
  if (distinct < 3) {
    throw new CurveFitError(`the points are at only ${distinct} distinct training-set size${distinct === 1 ? '' : 's'}: a curve with three parameters needs at least three different n`);
  }
}

/** Position weights j/m over the distinct sizes (points at the same n share a weight), or 1. */
function weightsOf(n: number[], weighting: 'position' | 'equal'): number[] {
  if (weighting === 'equal') return n.map(() => 1);
  const sizes = [...new Set(n)].sort((x, y) => x - y);
  return n.map((v) => (sizes.indexOf(v) + 1) / sizes.length);
}

/**
 * For fixed c the curve is linear in (a, b): weighted least squares in closed form. The best c of
 * a log-spaced grid from 0.01 to 5 with b > 0 starts the search near the global minimum.
 */
function startingValues(n: number[], y: number[], w: number[]): number[] {
  let best: number[] | null = null;
  let bestSse = Infinity;
  for (let i = 0; i <= 80; i++) {
    const c = 0.01 * 500 ** (i / 80);
    const x = n.map((v) => -(v ** -c));
    const sw = sum(w);
    const mx = sum(x.map((v, j) => w[j] * v)) / sw;
    const my = sum(y.map((v, j) => w[j] * v)) / sw;
    const sxx = sum(x.map((v, j) => w[j] * (v - mx) ** 2));
    const sxy = sum(x.map((v, j) => w[j] * (v - mx) * (y[j] - my)));
    const b = sxy / sxx;
    if (!(b > 0)) continue;
    const theta = [my - b * mx, Math.log(b), Math.log(c)];
    const s = weightedSse(theta, n, y, w);
    if (s < bestSse) {
      bestSse = s;
      best = theta;
    }
  }
  if (best === null) throw new CurveFitError('the accuracies do not rise with the training labels: a learning curve needs accuracy that grows with n');
  return best;
}

function weightedSse(theta: number[], n: number[], y: number[], w: number[]): number {
  const [a, b, c] = [theta[0], Math.exp(theta[1]), Math.exp(theta[2])];
  let s = 0;
  for (let j = 0; j < n.length; j++) s += w[j] * (y[j] - (a - b * n[j] ** -c)) ** 2;
  return s;
}

/** J' W J (row-major 3x3) and J' W r, with J the model's derivatives in (a, log b, log c). */
function normalEquations(theta: number[], n: number[], y: number[], w: number[]): { h: number[]; g: number[] } {
  const [a, b, c] = [theta[0], Math.exp(theta[1]), Math.exp(theta[2])];
  const h = new Array<number>(9).fill(0);
  const g = [0, 0, 0];
  for (let j = 0; j < n.length; j++) {
    const gap = b * n[j] ** -c;
    const d = [1, -gap, gap * c * Math.log(n[j])];
    const r = y[j] - (a - gap);
    for (let p = 0; p < 3; p++) {
      g[p] += w[j] * d[p] * r;
      for (let q = 0; q < 3; q++) h[3 * p + q] += w[j] * d[p] * d[q];
    }
  }
  return { h, g };
}

/** MINPACK's gtol measure: the largest cosine between the residuals and a column of the weighted Jacobian. */
function gradientCosine(h: number[], g: number[], sse: number): number {
  if (sse === 0) return 0;
  return Math.max(...g.map((v, k) => Math.abs(v) / Math.sqrt(h[4 * k] * sse)));
}

/** Lower Cholesky factor of a symmetric positive semi-definite 3x3 (a zero pivot leaves its column zero). */
function choleskyFactor(s: number[]): number[] {
  const l = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j <= i; j++) {
      let v = s[3 * i + j];
      for (let k = 0; k < j; k++) v -= l[3 * i + k] * l[3 * j + k];
      if (i === j) l[4 * i] = v > 0 ? Math.sqrt(v) : 0;
      else l[3 * i + j] = l[4 * j] > 0 ? v / l[4 * j] : 0;
    }
  }
  return l;
}

/** Solves S x = v for symmetric positive definite S; null when S is numerically singular. */
function solveSpd(s: number[], v: number[]): number[] | null {
  const l = choleskyFactor(s);
  for (let i = 0; i < 3; i++) if (!(l[4 * i] > 1e-12 * Math.sqrt(Math.abs(s[4 * i])))) return null;
  const z = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    let t = v[i];
    for (let k = 0; k < i; k++) t -= l[3 * i + k] * z[k];
    z[i] = t / l[4 * i];
  }
  const x = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let t = z[i];
    for (let k = i + 1; k < 3; k++) t -= l[3 * k + i] * x[k];
    x[i] = t / l[4 * i];
  }
  return x;
}

function inverseSpd(s: number[]): number[] | null {
  const columns = [0, 1, 2].map((k) => solveSpd(s, [0, 1, 2].map((i) => (i === k ? 1 : 0))));
  if (columns.some((col) => col === null)) return null;
  return [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => columns[j]![i]));
}

/**
 * Student's t quantile for p in (0.5, 1) and integer df >= 1, by bisection on the exact CDF:
 * P(|T| < t) as the finite trigonometric series for integer degrees of freedom (Abramowitz &
 * Stegun 26.7.3 and 26.7.4), with theta = atan(t / sqrt(df)).
 */
function studentTQuantile(p: number, df: number): number {
  const target = 2 * p - 1;
  const central = (t: number): number => {
    const theta = Math.atan(t / Math.sqrt(df));
    const s = Math.sin(theta);
    const c2 = Math.cos(theta) ** 2;
    let term = 1;
    let series = 1;
    if (df % 2 === 0) {
      for (let k = 2; k <= df - 2; k += 2) {
        term *= (c2 * (k - 1)) / k;
        series += term;
      }
      return s * series;
    }
    if (df === 1) return (2 / Math.PI) * theta;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      series += term;
    }
    return (2 / Math.PI) * (theta + s * Math.cos(theta) * series);
  };
  let lo = 0;
  let hi = 1;
  while (central(hi) < target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (central(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function notConverged(points: ReadonlyArray<CurvePoint>): CurveFitError {
  return new CurveFitError(`the learning-curve fit to ${points.length} points did not converge: the points may not follow a rising, levelling curve`);
}

const sum = (xs: number[]): number => xs.reduce((s, v) => s + v, 0);
const round = (v: number): string => String(Math.round(v * 1e4) / 1e4);
const rows = (flat: number[]): number[][] => [0, 1, 2].map((i) => flat.slice(3 * i, 3 * i + 3));
