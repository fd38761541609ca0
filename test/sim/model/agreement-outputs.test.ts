import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ClassConfig, ModelConfig } from '../../../sim/model/config.js';
import { confidenceInterval, covers } from '../../support/statistics.js';
import { annotate, pool, smallCase, work } from './model-fixtures.js';

/**
 * The agreement figures of a consensus stage against their expectation. Two labels of an item
 * are independent given its true class c (prevalence pi_c): each is right with probability 1 - e,
 * or wrong and then class j with probability q_cj (the confusion row). So two labels agree with
 *
 *   P(agree) = sum_c pi_c [ (1 - e)^2 + e^2 sum_j q_cj^2 ],
 *
 * a label is class j with p_j = sum_c pi_c [ (1 - e) [c = j] + e q_cj ], chance agreement is
 * P_e = sum_j p_j^2, and kappa = (P(agree) - P_e) / (1 - P_e). With k labels every pair is such
 * a pair, so Fleiss' mean P_i has the same expectation; Cohen's kappa (two labellers alike) and
 * Krippendorff's alpha tend to the same value as items grow.
 */
function expected(classes: ClassConfig, e: number, q: number[][]): { agree: number; chance: number; kappa: number } {
  const pi = classes.prevalence;
  const k = pi.length;
  let agree = 0;
  for (let c = 0; c < k; c++) agree += pi[c]! * ((1 - e) ** 2 + e ** 2 * q[c]!.reduce((s, x) => s + x * x, 0));
  let chance = 0;
  for (let j = 0; j < k; j++) {
    let p = 0;
    for (let c = 0; c < k; c++) p += pi[c]! * ((1 - e) * (c === j ? 1 : 0) + e * q[c]![j]!);
    chance += p * p;
  }
  return { agree, chance, kappa: (agree - chance) / (1 - chance) };
}

const N = 2000;
const REPLICATIONS = 60;

function consensus(classes: ClassConfig, labels: number, e: number): ModelConfig {
  return smallCase({
    deterministic: false,
    work: [work(N, ['annotate'], { classes })],
    pools: [pool('annotators', 4, { errorRate: e, pay: { kind: 'hourly', perHour: 20 } }), pool('adjudicators', 1, { pay: { kind: 'hourly', perHour: 40 } })],
    stages: [annotate('annotators', 0.01, { labels, adjudication: 'adjudicate' }), annotate('adjudicators', 0.02, { name: 'adjudicate' })],
  });
}

function figures(config: ModelConfig) {
  const out = { percentAgreement: [] as number[], cohensKappa: [] as number[], fleissKappa: [] as number[], krippendorffAlpha: [] as number[], adjudicated: [] as number[] };
  for (let rep = 0; rep < REPLICATIONS; rep++) {
    const r = simulateReplication(config, 17, rep);
    out.percentAgreement.push(r.percentAgreement[0]!);
    out.cohensKappa.push(r.cohensKappa[0]!);
    out.fleissKappa.push(r.fleissKappa[0]!);
    out.krippendorffAlpha.push(r.krippendorffAlpha[0]!);
    out.adjudicated.push(r.served[1]!);
  }
  return out;
}

const MATRIX = [
  [0, 0.9, 0.1],
  [0.8, 0, 0.2],
  [0.5, 0.5, 0],
];
const VEHICLES: ClassConfig = { names: ['car', 'truck', 'bus'], prevalence: [0.6, 0.3, 0.1], confusion: MATRIX };

describe('simulated agreement against its expectation from error rate, prevalences and confusion', () => {
  const theory = expected(VEHICLES, 0.2, MATRIX);

  it('derives the expectation of the shipped example by hand: P(agree) = 0.66984, P_e = 0.42842, kappa = 0.42237', () => {
    // car: 0.64 + 0.04 (0.81 + 0.01) = 0.6728; truck: 0.64 + 0.04 (0.64 + 0.04) = 0.6672; bus: 0.64 + 0.04 x 0.5 = 0.66.
    expect(theory.agree).toBeCloseTo(0.6 * 0.6728 + 0.3 * 0.6672 + 0.1 * 0.66, 12);
    // p = (0.48 + 0.048 + 0.01, 0.108 + 0.24 + 0.01, 0.012 + 0.012 + 0.08) = (0.538, 0.358, 0.104).
    expect(theory.chance).toBeCloseTo(0.538 ** 2 + 0.358 ** 2 + 0.104 ** 2, 12);
    expect(theory.kappa).toBeCloseTo(0.42237, 5);
  });

  describe('two labels per item', () => {
    const f = figures(consensus(VEHICLES, 2, 0.2));
    it('percent agreement covers P(agree) with its 95% interval', () => {
      expect(covers(confidenceInterval(f.percentAgreement), theory.agree)).toBe(true);
      expect(confidenceInterval(f.percentAgreement).halfWidth).toBeLessThan(0.01);
    });
    it("Cohen's kappa, Fleiss' kappa and Krippendorff's alpha cover the expected kappa", () => {
      for (const xs of [f.cohensKappa, f.fleissKappa, f.krippendorffAlpha]) {
        const ci = confidenceInterval(xs);
        expect(covers(ci, theory.kappa), `${ci.mean} ± ${ci.halfWidth} vs ${theory.kappa}`).toBe(true);
        expect(ci.halfWidth).toBeLessThan(0.01);
        // Precise enough to tell the confusion pattern apart: uniform confusion would give 0.43764.
        expect(covers(ci, expected(VEHICLES, 0.2, [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]]).kappa)).toBe(false);
      }
    });
    it('sends the disagreeing share 1 - P(agree) of items to adjudication', () => {
      expect(covers(confidenceInterval(f.adjudicated), N * (1 - theory.agree))).toBe(true);
    });
  });

  describe('three labels per item', () => {
    const f = figures(consensus(VEHICLES, 3, 0.2));
    it("Fleiss' kappa and Krippendorff's alpha cover the same expected kappa (every pair of labels is such a pair)", () => {
      for (const xs of [f.fleissKappa, f.krippendorffAlpha]) expect(covers(confidenceInterval(xs), theory.kappa)).toBe(true);
      expect(covers(confidenceInterval(f.percentAgreement), theory.agree)).toBe(true);
    });
    it("gives no Cohen's kappa (it is for two raters)", () => {
      expect(f.cohensKappa.every(Number.isNaN)).toBe(true);
    });
  });

  it('a uniform confusion pattern spreads mistakes: lower P(agree) of wrong pairs, and its kappa is covered too', () => {
    const uniform: ClassConfig = { names: ['a', 'b', 'c', 'd'], prevalence: [0.4, 0.3, 0.2, 0.1], confusion: 'uniform' };
    const q = [0, 1, 2, 3].map((c) => [0, 1, 2, 3].map((j) => (j === c ? 0 : 1 / 3)));
    const t = expected(uniform, 0.15, q);
    const f = figures(consensus(uniform, 2, 0.15));
    expect(covers(confidenceInterval(f.fleissKappa), t.kappa)).toBe(true);
    expect(covers(confidenceInterval(f.percentAgreement), t.agree)).toBe(true);
  });

  it('perfect annotators agree perfectly: every figure is 1', () => {
    const r = simulateReplication(consensus(VEHICLES, 2, 0), 17, 0);
    for (const v of [r.percentAgreement[0], r.cohensKappa[0], r.fleissKappa[0], r.krippendorffAlpha[0]]) expect(v).toBeCloseTo(1, 12);
  });
});

describe('agreement per pool', () => {
  it("equals the stage's percent agreement when one pool gives every label (two and three labels)", () => {
    for (const labels of [2, 3]) {
      const r = simulateReplication(consensus(VEHICLES, labels, 0.2), 17, 0);
      // Only the annotators label at the consensus stage: the adjudicators are not a consensus pool.
      expect(r.poolAgreement.length).toBe(1);
      expect(r.poolAgreement[0]).toBeCloseTo(r.percentAgreement[0]!, 12);
      if (labels === 2) expect(Math.abs(r.poolKappa[0]! - r.cohensKappa[0]!)).toBeLessThan(0.01);
    }
  });

  it('tells a careless pool from a careful one sharing the queue: each within its partners\' bounds', () => {
    // P(agree) of a pair erring at e1 and e2: sum_c pi_c [(1 - e1)(1 - e2) + e1 e2 sum_j q_cj^2].
    const pair = (e1: number, e2: number) =>
      VEHICLES.prevalence.reduce((s, pi, c) => s + pi * ((1 - e1) * (1 - e2) + e1 * e2 * MATRIX[c]!.reduce((t, x) => t + x * x, 0)), 0);
    const config = smallCase({
      deterministic: false,
      work: [work(N, ['annotate'], { classes: VEHICLES })],
      pools: [
        pool('careful', 3, { errorRate: 0.05, pay: { kind: 'hourly', perHour: 20 } }),
        pool('careless', 3, { errorRate: 0.3, pay: { kind: 'hourly', perHour: 20 } }),
        pool('adjudicators', 1, { pay: { kind: 'hourly', perHour: 40 } }),
      ],
      stages: [annotate('careful', 0.01, { pools: ['careful', 'careless'], labels: 2, adjudication: 'adjudicate' }), annotate('adjudicators', 0.02, { name: 'adjudicate' })],
    });
    const careful: number[] = [];
    const careless: number[] = [];
    for (let rep = 0; rep < 30; rep++) {
      const r = simulateReplication(config, 5, rep);
      careful.push(r.poolAgreement[0]!);
      careless.push(r.poolAgreement[1]!);
    }
    const a = confidenceInterval(careful);
    const b = confidenceInterval(careless);
    // Each pool's partner is a careful or a careless person: its agreement lies between the two pair values.
    expect(a.mean - a.halfWidth).toBeGreaterThan(pair(0.05, 0.3));
    expect(a.mean + a.halfWidth).toBeLessThan(pair(0.05, 0.05));
    expect(b.mean - b.halfWidth).toBeGreaterThan(pair(0.3, 0.3));
    expect(b.mean + b.halfWidth).toBeLessThan(pair(0.3, 0.05));
  });
});

