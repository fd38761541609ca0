import seedrandom from 'seedrandom';
import { fitGamma, fitLognormal, type Moments } from './fit/distributions.js';
import { quantileSorted } from './trim.js';

/**
 * The uncertainty of the fitted parameters from the sample itself: the nonparametric bootstrap
 * (Efron & Tibshirani, An Introduction to the Bootstrap, 1993). Each draw resamples the first
 * passes' times with replacement, their review outcomes and the rework passes, and refits the stage's handling in the
 * chosen family, the error rate and the rework factor. A run draws one of them per replication
 * (sim/model/parameter-draws.ts), so its completion spread includes "we do not know the team's
 * true speed yet". The draws are seeded: the same export and seed give the same fragment.
 */
export interface BootstrapInput {
  family: 'lognormal' | 'gamma' | 'empirical';
  empirical: number[];
  meanSeconds: number;
  /** The stage's handling times (steady state), one per first pass. */
  values: Float64Array;
  /** The first review of every reviewed first pass (trimmed or not: a timer left running says nothing of the label): 0 accepted, 1 rejected. */
  outcome: Int32Array;
  rework: Float64Array | null;
  firstRaw: Float64Array;
}

export interface ParameterDraw {
  handling: { family: 'lognormal' | 'gamma'; meanSeconds: number; cv: number } | { family: 'empirical'; samples: number[] };
  errorRate: number | null;
  reworkFactor: number | null;
}

export interface BootstrapResult {
  draws: ParameterDraw[];
  summary: { draws: number; workPerItem: { p05: number; p50: number; p95: number }; relativeHalfWidth: number };
}

export function bootstrapDraws(input: BootstrapInput, count: number, seed: number): BootstrapResult {
  const n = input.values.length;
  const logs = Float64Array.from(input.values, Math.log);
  const firstMean = input.firstRaw.reduce((s, x) => s + x, 0) / input.firstRaw.length;
  const draws: ParameterDraw[] = [];
  const work = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const random = seedrandom.alea(`labelsim calibrate bootstrap:${seed}:${b}`);
    const m: Moments = { n, sum: 0, sumLog: 0, sumLog2: 0 };
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      m.sum += input.values[j];
      m.sumLog += logs[j];
      m.sumLog2 += logs[j] * logs[j];
    }
    const reviewed = input.outcome.length;
    let rejected = 0;
    for (let i = 0; i < reviewed; i++) rejected += input.outcome[Math.floor(random() * reviewed)];
    let handling: ParameterDraw['handling'];
    let meanSeconds: number;
    if (input.family === 'lognormal') {
      const f = fitLognormal(m);
      handling = { family: 'lognormal', meanSeconds: f.mean, cv: f.cv };
      meanSeconds = f.mean;
    } else if (input.family === 'gamma') {
      const f = fitGamma(m);
      handling = { family: 'gamma', meanSeconds: f.mean, cv: f.cv };
      meanSeconds = f.mean;
    } else {
      // The empirical shape stays; its scale moves with the resampled mean.
      meanSeconds = m.sum / n;
      const factor = meanSeconds / input.meanSeconds;
      handling = { family: 'empirical', samples: input.empirical.map((x) => x * factor) };
    }
    let reworkFactor: number | null = null;
    if (input.rework !== null) {
      const r = input.rework;
      let sum = 0;
      for (let i = 0; i < r.length; i++) sum += r[Math.floor(random() * r.length)];
      reworkFactor = sum / r.length / firstMean;
    }
    const errorRate = reviewed > 0 ? rejected / reviewed : null;
    draws.push({ handling, errorRate, reworkFactor });
    work[b] = meanSeconds * (1 + (errorRate ?? 0) * (reworkFactor ?? 1));
  }
  const sorted = Float64Array.from(work).sort();
  const p05 = quantileSorted(sorted, 0.05);
  const p50 = quantileSorted(sorted, 0.5);
  const p95 = quantileSorted(sorted, 0.95);
  return { draws, summary: { draws: count, workPerItem: { p05, p50, p95 }, relativeHalfWidth: (p95 - p05) / 2 / p50 } };
}

/**
 * Pilot items needed for the p85 completion to be known within +-margin (90% of draws). For a
 * backlog worked at capacity the completion time moves in proportion to the work per item (mean
 * handling x (1 + rejection rate x rework factor)), and the bootstrap spread of a mean shrinks
 * as 1/sqrt(n) (the central limit theorem), so the half-width w0 at n0 items becomes
 * w0 sqrt(n0 / n): n = n0 (w0 / margin)^2. The uncertainty test checks the premise by
 * simulation (the completion interval narrows as the pilot grows).
 */
export function pilotSize(relativeHalfWidth: number, current: number, margin: number): { margin: number; items: number; current: number } {
  return { margin, items: Math.max(1, Math.ceil(current * (relativeHalfWidth / margin) ** 2)), current };
}
