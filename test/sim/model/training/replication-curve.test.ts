import { describe, expect, it } from 'vitest';
import { fitLearningCurve } from '../../../../sim/training/curve-fit.js';
import { replicationCurve } from '../../../../sim/model/training/replication-curve.js';
import { labelsFor } from '../../../../sim/training/learning-curve.js';

/** Points measured on acc(n) = 0.94 - n^-0.35 with a measurement error of `noise` (alternating sign). */
function fitted(noise: number) {
  const points = [250, 500, 1000, 2000, 4000, 8000].map((n, j) => ({ n, accuracy: 0.94 - n ** -0.35 + (j % 2 === 0 ? noise : -noise) }));
  return { kind: 'fitted' as const, fit: fitLearningCurve(points) };
}

const spreadOfLabels = (noise: number) => {
  const needs = Array.from({ length: 400 }, (_, r) => labelsFor(replicationCurve(fitted(noise), { seed: 5, replication: r }), 0.9)).sort((a, b) => a - b);
  return needs[359] / needs[39]; // p90 / p10
};

describe("each replication's learning curve", () => {
  it('is the fixed curve when the file gives parameters, and the fit\'s estimate in deterministic mode', () => {
    const fixed = { kind: 'fixed' as const, curve: { a: 0.9, b: 1, c: 0.5 } };
    expect(replicationCurve(fixed, { seed: 1, replication: 3 })).toBe(fixed.curve);
    const f = fitted(0.002);
    expect(replicationCurve(f, null)).toEqual(f.fit.estimate);
  });

  it('is drawn per replication from the fit, the same in every plan (keyed to the seed and replication alone)', () => {
    const f = fitted(0.002);
    const a = replicationCurve(f, { seed: 5, replication: 7 });
    expect(replicationCurve(fitted(0.002), { seed: 5, replication: 7 })).toEqual(a);
    expect(replicationCurve(f, { seed: 5, replication: 8 })).not.toEqual(a);
  });

  it('carries the uncertainty of the fit into the labels needed: noisier pilots, wider spread', () => {
    const tight = spreadOfLabels(0.0005);
    const loose = spreadOfLabels(0.003);
    expect(tight).toBeGreaterThan(1);
    expect(loose).toBeGreaterThan(tight * 1.5);
  });
});
