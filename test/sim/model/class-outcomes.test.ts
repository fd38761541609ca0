import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ClassConfig, ModelConfig } from '../../../sim/model/config.js';
import { confidenceInterval, covers } from '../../support/statistics.js';
import { annotate, pool, smallCase, work } from './model-fixtures.js';

const MATRIX = [
  [0, 0.9, 0.1],
  [0.8, 0, 0.2],
  [0.5, 0.5, 0],
];
const VEHICLES: ClassConfig = { names: ['car', 'truck', 'bus'], prevalence: [0.6, 0.3, 0.1], confusion: MATRIX };
const N = 3000;
const E = 0.2;

/** Two labels per item at 20% error, disagreements to an adjudicator who never errs. */
function consensus(deterministic: boolean): ModelConfig {
  return smallCase({
    deterministic,
    work: [work(N, ['annotate'], { classes: VEHICLES })],
    pools: [pool('annotators', 4, { errorRate: E, pay: { kind: 'hourly', perHour: 20 } }), pool('adjudicators', 1, { pay: { kind: 'hourly', perHour: 40 } })],
    stages: [annotate('annotators', 0.01, { labels: 2, adjudication: 'adjudicate' }), annotate('adjudicators', 0.02, { name: 'adjudicate' })],
  });
}

describe('residual error by true class', () => {
  it('adds up to the residual error overall, and counts every accepted item once', () => {
    const r = simulateReplication(consensus(false), 3, 0);
    const accepted = r.acceptedByClass.reduce((s, x) => s + x, 0);
    const wrong = r.acceptedByClass.reduce((s, n, c) => s + n * r.residualErrorByClass[c]!, 0);
    expect(accepted).toBe(r.accepted);
    expect(wrong).toBeCloseTo(r.accepted - r.accurate, 9);
  });

  it('is what consensus lets through per class: both labels wrong in the same class, e^2 sum_j q_cj^2', () => {
    // car 0.04 x (0.81 + 0.01) = 0.0328, truck 0.04 x (0.64 + 0.04) = 0.0272, bus 0.04 x 0.5 = 0.02:
    // a class people confuse with one other class lets more errors through two labels.
    const expected = MATRIX.map((row) => E * E * row.reduce((s, q) => s + q * q, 0));
    const perClass: number[][] = [[], [], []];
    const prevalence: number[][] = [[], [], []];
    for (let rep = 0; rep < 40; rep++) {
      const r = simulateReplication(consensus(false), 9, rep);
      for (let c = 0; c < 3; c++) {
        perClass[c]!.push(r.residualErrorByClass[c]!);
        prevalence[c]!.push(r.acceptedByClass[c]! / N);
      }
    }
    for (let c = 0; c < 3; c++) {
      expect(covers(confidenceInterval(perClass[c]!), expected[c]!), `class ${c}: ${confidenceInterval(perClass[c]!).mean} vs ${expected[c]}`).toBe(true);
      expect(covers(confidenceInterval(prevalence[c]!), VEHICLES.prevalence[c]!)).toBe(true);
    }
    // The car class is told from the bus class: their intervals do not overlap.
    const car = confidenceInterval(perClass[0]!);
    const bus = confidenceInterval(perClass[2]!);
    expect(car.mean - car.halfWidth).toBeGreaterThan(bus.mean + bus.halfWidth);
  });

  it('in deterministic mode keys the true class to the item: prevalences met within the van der Corput discrepancy', () => {
    const r = simulateReplication(consensus(true), 1, 0);
    // N D*_N <= log2(N) / 3 + 1 for the van der Corput sequence (Bejian and Faure 1977), and an
    // interval's count is off by at most twice that: under 10 items of 3,000.
    const bound = 2 * (Math.log2(N) / 3 + 1);
    VEHICLES.prevalence.forEach((pi, c) => expect(Math.abs(r.acceptedByClass[c]! - pi * N)).toBeLessThanOrEqual(bound));
    // The same items get the same classes in another plan (the class is the item's, not the order's).
    const again = simulateReplication({ ...consensus(true), pools: consensus(true).pools.map((p) => (p.name === 'annotators' ? { ...p, shifts: [{ ...p.shifts[0]!, headcount: 2 }] } : p)) }, 1, 0);
    expect(Array.from(again.acceptedByClass)).toEqual(Array.from(r.acceptedByClass));
  });

  it('is empty for a work type without classes', () => {
    const r = simulateReplication(smallCase({ work: [work(100)], pools: [pool('annotators', 1)], stages: [annotate('annotators', 0.01)] }), 1, 0);
    expect(r.acceptedByClass.length).toBe(0);
    expect(r.residualErrorByClass.length).toBe(0);
  });
});
