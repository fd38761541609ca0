/**
 * Learning curve: handling time against the annotator's count of items done before, in the
 * model's own form (sim/model/workforce.ts): t(n) = b (1 + e 2^(-n/h)), e = initialFactor - 1,
 * h = halfLife. For each h on a log-spaced grid the model is linear in (b, b e), so it is fitted
 * by least squares and h chosen by the smallest residual sum of squares.
 *
 * "When the data show one": the curve is kept only if the excess is material (e >= 5%) and its
 * coefficient stands well clear of noise (t-statistic of b e above 4, a conservative bar for a
 * parameter picked from a grid).
 */
export interface LearningFit {
  /** Steady-state mean seconds b of the fitted curve. */
  baseSeconds: number;
  initialFactor: number;
  halfLife: number;
  /** t-statistic of the excess coefficient. */
  t: number;
  shown: boolean;
  /** Mean time in log-spaced bins of experience, for the page: [items before, mean seconds, count]. */
  bins: Array<[number, number, number]>;
}

export const MIN_EXCESS = 0.05;
export const MIN_T = 4;

export function fitLearning(seconds: Float64Array, experience: Int32Array): LearningFit | null {
  const n = seconds.length;
  if (n < 50) return null;
  let maxExp = 0;
  for (let i = 0; i < n; i++) if (experience[i] > maxExp) maxExp = experience[i];
  if (maxExp < 20) return null;
  // Sufficient statistics per experience level: the grid then costs the levels, not the annotations.
  const count = new Float64Array(maxExp + 1);
  const sumY = new Float64Array(maxExp + 1);
  let sy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    count[experience[i]]++;
    sumY[experience[i]] += seconds[i];
    sy += seconds[i];
    syy += seconds[i] * seconds[i];
  }
  let best: { sse: number; b: number; c: number; h: number; t: number } | null = null;
  for (let h = 2; h <= maxExp; h *= 1.15) {
    // Least squares of y = b + c g, g = 2^(-n/h).
    let sg = 0, sgg = 0, sgy = 0;
    for (let e = 0; e <= maxExp; e++) {
      if (count[e] === 0) continue;
      const g = Math.pow(2, -e / h);
      sg += g * count[e]; sgg += g * g * count[e]; sgy += g * sumY[e];
    }
    const det = n * sgg - sg * sg;
    if (det <= 0) continue;
    const c = (n * sgy - sg * sy) / det;
    const b = (sy - c * sg) / n;
    const sse = syy - b * sy - c * sgy;
    const sigma2 = Math.max(sse, 0) / (n - 2);
    const t = c / Math.sqrt((sigma2 * n) / det);
    if (best === null || sse < best.sse) best = { sse, b, c, h, t };
  }
  if (best === null || best.b <= 0) return null;
  const e = best.c / best.b;
  return { baseSeconds: best.b, initialFactor: 1 + Math.max(0, e), halfLife: Math.max(1, Math.round(best.h)), t: best.t, shown: e >= MIN_EXCESS && best.t >= MIN_T, bins: bins(seconds, experience, maxExp) };
}

/** The learning factor of the model at experience n. */
export function learningFactor(fit: LearningFit, n: number): number {
  return 1 + (fit.initialFactor - 1) * Math.pow(2, -n / fit.halfLife);
}

function bins(seconds: Float64Array, experience: Int32Array, maxExp: number): Array<[number, number, number]> {
  const edges = [0];
  for (let e = 1; e <= maxExp + 1; e = Math.ceil(e * 1.5)) edges.push(e);
  edges.push(maxExp + 1);
  const sum = new Float64Array(edges.length);
  const count = new Float64Array(edges.length);
  for (let i = 0; i < seconds.length; i++) {
    let b = 0;
    while (b + 1 < edges.length && experience[i] >= edges[b + 1]) b++;
    sum[b] += seconds[i];
    count[b]++;
  }
  const out: Array<[number, number, number]> = [];
  for (let b = 0; b < edges.length; b++) if (count[b] > 0) out.push([edges[b], sum[b] / count[b], count[b]]);
  return out;
}
