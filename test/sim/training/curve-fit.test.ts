import { randomNormal } from 'd3-random';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { CurveFitError, MAX_ASYMPTOTE_DRAWS, drawCurve, fitLearningCurve, type CurveFit, type CurvePoint } from '../../../sim/training/curve-fit.js';
import type { LearningCurve } from '../../../sim/training/learning-curve.js';
import { mean, sampleVariance, studentTQuantile } from '../../support/statistics.js';

const PARAMETERS = ['a', 'b', 'c'] as const;
const law = (curve: LearningCurve, n: number) => curve.a - curve.b * n ** -curve.c;
const exactPoints = (curve: LearningCurve, ns: number[]): CurvePoint[] => ns.map((n) => ({ n, accuracy: law(curve, n) }));

/** A pilot's learning curve: eight doublings of the training set from 25 to 3,200 labels. */
const TRUTH: LearningCurve = { a: 0.93, b: 0.9, c: 0.5 };
const SIZES = [25, 50, 100, 200, 400, 800, 1600, 3200];

/**
 * Measured points with the error model weighted least squares assumes: the j-th of m sizes has
 * noise sd sigma / sqrt(j/m) under position weights (the smallest training set is the noisiest),
 * sigma everywhere under equal weights.
 */
function noisyPoints(weighting: 'position' | 'equal', sigma: number, normal: () => number): CurvePoint[] {
  return SIZES.map((n, j) => {
    const sd = weighting === 'position' ? sigma / Math.sqrt((j + 1) / SIZES.length) : sigma;
    return { n, accuracy: law(TRUTH, n) + sd * normal() };
  });
}

describe('fitLearningCurve', () => {
  it('recovers the parameters of the curve that generated exact points', () => {
    const cases: Array<[LearningCurve, number[]]> = [
      [TRUTH, SIZES],
      [{ a: 0.8, b: 2.5, c: 0.3 }, [100, 300, 1000, 3000, 10_000, 30_000]],
      [{ a: 0.99, b: 0.35, c: 0.9 }, [10, 30, 100, 300]],
    ];
    for (const [curve, ns] of cases) {
      for (const weighting of ['position', 'equal'] as const) {
        const fit = fitLearningCurve(exactPoints(curve, ns), { weighting });
        for (const k of PARAMETERS) expect(Math.abs(fit.estimate[k] - curve[k])).toBeLessThan(1e-6);
        expect(fit.residualSd).toBeLessThan(1e-9);
      }
    }
  });

  it('weights the j-th of m distinct sizes by j/m: the same estimate as equal weights with point j counted j times', () => {
    const normal = randomNormal.source(seedrandom.alea('position weights'))(0, 0.004);
    const points = SIZES.map((n) => ({ n, accuracy: law(TRUTH, n) + normal() }));
    const repeated = points.flatMap((p, j) => Array.from({ length: j + 1 }, () => p));
    const weighted = fitLearningCurve(points).estimate;
    const counted = fitLearningCurve(repeated, { weighting: 'equal' }).estimate;
    for (const k of PARAMETERS) expect(weighted[k]).toBeCloseTo(counted[k], 8);
    // Reversed input order changes nothing but rounding: the weights follow n, not the order given.
    const reversed = fitLearningCurve([...points].reverse()).estimate;
    for (const k of PARAMETERS) expect(reversed[k]).toBeCloseTo(weighted[k], 8);
  });

  it('reports the covariance s^2 (J^T W J)^-1 at the solution, its standard errors and t intervals on m - 3 degrees of freedom', () => {
    const normal = randomNormal.source(seedrandom.alea('covariance'))(0, 1);
    for (const m of [4, 5, 6, 8]) {
      const points = noisyPoints('position', 0.003, normal).slice(SIZES.length - m);
      const fit = fitLearningCurve(points);
      const { a, b, c } = fit.estimate;
      // Computed here from the definition: J in (a, b, c), W = diag(j/m), s^2 = sum w r^2 / (m - 3).
      const w = points.map((_, j) => (j + 1) / m);
      const jac = points.map((p) => [1, -(p.n ** -c), b * p.n ** -c * Math.log(p.n)]);
      const s2 = points.reduce((s, p, j) => s + w[j] * (p.accuracy - law(fit.estimate, p.n)) ** 2, 0) / (m - 3);
      const h = [0, 1, 2].map((p) => [0, 1, 2].map((q) => jac.reduce((s, row, j) => s + w[j] * row[p] * row[q], 0)));
      const expected = inverse3(h).map((row) => row.map((v) => v * s2));
      for (let p = 0; p < 3; p++) {
        for (let q = 0; q < 3; q++) expect(fit.covariance[p][q] / expected[p][q]).toBeCloseTo(1, 5);
      }
      expect(fit.residualSd).toBeCloseTo(Math.sqrt(s2), 12);
      PARAMETERS.forEach((k, i) => expect(fit.standardErrors[k]).toBeCloseTo(Math.sqrt(expected[i][i]), 10));
      // a: estimate +- t se; b and c on the log scale, where drawCurve draws them.
      const t = studentTQuantile(0.975, m - 3);
      expect(fit.interval95.a.low).toBeCloseTo(a - t * fit.standardErrors.a, 8);
      expect(fit.interval95.a.high).toBeCloseTo(a + t * fit.standardErrors.a, 8);
      for (const [k, v] of [['b', b], ['c', c]] as const) {
        const half = (t * fit.standardErrors[k]) / v;
        expect(fit.interval95[k].low / (v * Math.exp(-half))).toBeCloseTo(1, 8);
        expect(fit.interval95[k].high / (v * Math.exp(half))).toBeCloseTo(1, 8);
      }
      // logCovariance is the same matrix on (a, log b, log c): divide rows and columns by b and c.
      const scale = [1, b, c];
      for (let p = 0; p < 3; p++) {
        for (let q = 0; q < 3; q++) expect(fit.logCovariance[p][q] * scale[p] * scale[q]).toBeCloseTo(fit.covariance[p][q], 14);
      }
    }
  });

  it('covers the true parameters with its 95% intervals in about 95% of 200 noisy pilots', () => {
    for (const weighting of ['position', 'equal'] as const) {
      const normal = randomNormal.source(seedrandom.alea(`coverage ${weighting}`))(0, 1);
      const fits = 200;
      const covered = { a: 0, b: 0, c: 0 };
      for (let r = 0; r < fits; r++) {
        const fit = fitLearningCurve(noisyPoints(weighting, 0.002, normal), { weighting });
        for (const k of PARAMETERS) if (fit.interval95[k].low <= TRUTH[k] && TRUTH[k] <= fit.interval95[k].high) covered[k]++;
      }
      // 95% of 200 is 190 with a binomial sd of about 3: 176 to 198 is 88% to 99%.
      for (const k of PARAMETERS) {
        expect(covered[k], `${weighting} weights, ${k}: ${covered[k]} of ${fits} covered`).toBeGreaterThanOrEqual(176);
        expect(covered[k], `${weighting} weights, ${k}: ${covered[k]} of ${fits} covered`).toBeLessThanOrEqual(198);
      }
    }
  });

  describe('refuses points it cannot fit, saying what is wrong', () => {
    const good = exactPoints(TRUTH, [100, 200, 400, 800]);
    const fails = (points: CurvePoint[], message: RegExp, options = {}) => expect(() => fitLearningCurve(points, options)).toThrow(message);

    it('fewer than four points (three determine the curve and leave nothing for its uncertainty)', () => {
      fails([], /at least four measured points.*got 0/);
      fails(good.slice(0, 2), /at least four measured points.*got 2/);
      fails(good.slice(0, 3), /three determine a, b and c exactly.*got 3/);
    });

    it('a training-set size that is not a positive number, naming the point', () => {
      fails([...good, { n: 0, accuracy: 0.5 }], /point 5: n must be a positive number of training labels, got 0/);
      fails([{ n: -10, accuracy: 0.5 }, ...good], /point 1: n must be a positive number.*got -10/);
      fails([...good, { n: NaN, accuracy: 0.5 }], /point 5: n must be.*got NaN/);
      try {
        fitLearningCurve([...good.slice(0, 2), { n: Infinity, accuracy: 0.9 }, good[3]]);
      } catch (error) {
        expect(error).toBeInstanceOf(CurveFitError);
        expect((error as CurveFitError).point).toBe(2);
      }
    });

    it('an accuracy outside (0, 1), naming the point', () => {
      fails([...good.slice(0, 2), { n: 300, accuracy: 1 }, good[3]], /point 3: accuracy must be between 0 and 1 \(exclusive\), got 1/);
      fails([{ n: 50, accuracy: 0 }, ...good], /point 1: accuracy must be between 0 and 1.*got 0/);
      fails([...good, { n: 5000, accuracy: 93 }], /point 5: accuracy.*got 93/);
    });

    it('points at fewer than three distinct sizes', () => {
      fails(
        [100, 100, 200, 200, 200].map((n, i) => ({ n, accuracy: 0.8 + i * 0.01 })),
        /only 2 distinct training-set sizes: .* needs at least three different n/,
      );
      fails([0.7, 0.71, 0.72, 0.73].map((accuracy) => ({ n: 500, accuracy })), /only 1 distinct training-set size:/);
    });

    it('accuracies that do not rise with the training labels', () => {
      fails(exactPoints({ a: 0.5, b: -0.3, c: 0.4 }, [100, 200, 400, 800]), /do not rise with the training labels/);
    });

    it('points that have not levelled off below perfect accuracy', () => {
      fails(exactPoints({ a: 1.05, b: 1.2, c: 0.3 }, [100, 200, 400, 800, 1600]), /fitted asymptote is 1\.05, above 1.*measure at larger training sets/);
    });

    it('a search that does not converge in the iterations allowed', () => {
      const normal = randomNormal.source(seedrandom.alea('not converged'))(0, 1);
      fails(noisyPoints('position', 0.002, normal), /fit to 8 points did not converge/, { maxIterations: 1 });
    });
  });
});

/** A fit with a chosen estimate and uncertainty on (a, log b, log c), for drawing from directly. */
function fitWith(estimate: LearningCurve, logCovariance: number[][]): CurveFit {
  const scale = [1, estimate.b, estimate.c];
  const covariance = logCovariance.map((row, i) => row.map((v, j) => v * scale[i] * scale[j]));
  const se = (i: number) => Math.sqrt(covariance[i][i]);
  const none = { low: NaN, high: NaN };
  return { estimate, covariance, logCovariance, standardErrors: { a: se(0), b: se(1), c: se(2) }, interval95: { a: none, b: none, c: none }, residualSd: NaN, points: [] };
}

describe('drawCurve', () => {
  const normal = randomNormal.source(seedrandom.alea('pilot'))(0, 1);
  const fit = fitLearningCurve(noisyPoints('position', 0.003, normal));
  const DRAWS = 20_000;
  const uniform = seedrandom.alea('draws');
  const draws = Array.from({ length: DRAWS }, () => drawCurve(fit, uniform));

  it('draws curves centred on the estimate with its standard errors (a normal; b and c log-normal)', () => {
    const a = draws.map((d) => d.a);
    const logB = draws.map((d) => Math.log(d.b));
    const logC = draws.map((d) => Math.log(d.c));
    const logSe = [0, 1, 2].map((i) => Math.sqrt(fit.logCovariance[i][i]));
    // Means within 4 standard errors of the mean of DRAWS draws.
    expect(Math.abs(mean(a) - fit.estimate.a)).toBeLessThan((4 * logSe[0]) / Math.sqrt(DRAWS));
    expect(Math.abs(mean(logB) - Math.log(fit.estimate.b))).toBeLessThan((4 * logSe[1]) / Math.sqrt(DRAWS));
    expect(Math.abs(mean(logC) - Math.log(fit.estimate.c))).toBeLessThan((4 * logSe[2]) / Math.sqrt(DRAWS));
    // A sample sd of 20,000 normals has a relative sampling sd of 1/sqrt(2 * 20,000) = 0.5%.
    expect(Math.abs(Math.sqrt(sampleVariance(a)) / fit.standardErrors.a - 1)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sampleVariance(logB)) / logSe[1] - 1)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sampleVariance(logC)) / logSe[2] - 1)).toBeLessThan(0.02);
    // On the natural scale: the log-normal's sd b sqrt(e^s^2 - 1) e^(s^2/2), to first order the delta method's se.
    for (const [k, i] of [['b', 1], ['c', 2]] as const) {
      const s2 = logSe[i] ** 2;
      const lognormalSd = fit.estimate[k] * Math.sqrt(Math.expm1(s2)) * Math.exp(s2 / 2);
      expect(Math.abs(Math.sqrt(sampleVariance(draws.map((d) => d[k]))) / lognormalSd - 1)).toBeLessThan(0.03);
      expect(lognormalSd / fit.standardErrors[k]).toBeCloseTo(1, 1);
    }
  });

  it('keeps the correlations of the fit (a and c trade off along the curve)', () => {
    const columns = [draws.map((d) => d.a), draws.map((d) => Math.log(d.b)), draws.map((d) => Math.log(d.c))];
    const corr = (x: number[], y: number[]) => {
      const mx = mean(x);
      const my = mean(y);
      const cov = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / (x.length - 1);
      return cov / Math.sqrt(sampleVariance(x) * sampleVariance(y));
    };
    const c = fit.logCovariance;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]]) {
      const expected = c[p][q] / Math.sqrt(c[p][p] * c[q][q]);
      // The sampling sd of a correlation r is about (1 - r^2) / sqrt(N): under 0.01 here.
      expect(Math.abs(corr(columns[p], columns[q]) - expected)).toBeLessThan(0.03);
    }
  });

  it('draws only valid curves: a in (0, 1], b > 0, c > 0', () => {
    for (const d of draws) {
      expect(d.a > 0 && d.a <= 1 && d.b > 0 && d.c > 0 && Number.isFinite(d.b) && Number.isFinite(d.c)).toBe(true);
    }
  });

  it('gives the same curve for the same uniform sequence, three uniforms per curve', () => {
    const first = Array.from({ length: 50 }, (_, i) => drawCurve(fit, seedrandom.alea(`replication ${i}`)));
    const again = Array.from({ length: 50 }, (_, i) => drawCurve(fit, seedrandom.alea(`replication ${i}`)));
    expect(again).toEqual(first);
    expect(new Set(first.map((d) => d.a)).size).toBe(50);
    let calls = 0;
    const source = seedrandom.alea('count');
    drawCurve(fit, () => (calls++, source()));
    expect(calls).toBe(3);
  });

  it('redraws an asymptote above 1: a near 1 comes out as the normal truncated at 1', () => {
    // a ~ N(0.99, 0.01^2) truncated above at 1 (beta = 1 sd): mean 0.99 - 0.01 phi(1) / Phi(1).
    const nearOne = fitWith({ a: 0.99, b: 0.5, c: 0.4 }, [[1e-4, 0, 0], [0, 1e-4, 0], [0, 0, 1e-4]]);
    const source = seedrandom.alea('near one');
    const a = Array.from({ length: DRAWS }, () => drawCurve(nearOne, source).a);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
    const phi = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);
    const Phi = 0.8413447460685429;
    const truncatedMean = 0.99 - (0.01 * phi) / Phi;
    const truncatedSd = 0.01 * Math.sqrt(1 - phi / Phi - (phi / Phi) ** 2);
    expect(Math.abs(mean(a) - truncatedMean)).toBeLessThan((4 * truncatedSd) / Math.sqrt(DRAWS));
    expect(a.filter((v) => v === 1)).toHaveLength(0);
  });

  it(`clamps the asymptote to 1 after ${MAX_ASYMPTOTE_DRAWS} draws above it`, () => {
    const aboveOne = fitWith({ a: 1.5, b: 0.5, c: 0.4 }, [[1e-6, 0, 0], [0, 1e-4, 0], [0, 0, 1e-4]]);
    let calls = 0;
    const source = seedrandom.alea('above one');
    const d = drawCurve(aboveOne, () => (calls++, source()));
    expect(d.a).toBe(1);
    expect(d.b).toBeGreaterThan(0);
    expect(d.c).toBeGreaterThan(0);
    expect(calls).toBe(3 * MAX_ASYMPTOTE_DRAWS);
  });

  it('returns the estimate itself when the fit is exact (zero covariance)', () => {
    const exact = fitLearningCurve(exactPoints(TRUTH, SIZES));
    const d = drawCurve(exact, seedrandom.alea('exact'));
    for (const k of PARAMETERS) expect(d[k]).toBeCloseTo(TRUTH[k], 6);
  });
});

/** Inverse of a 3x3 matrix by cofactors. */
function inverse3(m: number[][]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}
