import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ClassConfig, ModelConfig } from '../../../sim/model/config.js';
import { ClassDraws } from '../../../sim/model/draw-keys.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { feasibilityWarnings } from '../../../sim/model/feasibility.js';
import { LabelClasses, confusionShares, wrongLabelsAgreeShare } from '../../../sim/model/label-classes.js';
import { confidenceInterval, covers } from '../../support/statistics.js';
import { annotate, pool, smallCase, work } from './model-fixtures.js';

const N = 2000;

function withClasses(classes: ClassConfig | undefined, labels: number, errorRate: number, deterministic = false, wrongAgreement = 0): ModelConfig {
  return smallCase({
    deterministic,
    work: [work(N, ['annotate'], classes === undefined ? {} : { classes })],
    pools: [pool('annotators', 3, { errorRate, pay: { kind: 'hourly', perHour: 20 } }), pool('adjudicators', 1, { pay: { kind: 'hourly', perHour: 40 } })],
    stages: [annotate('annotators', 0.01, { labels, adjudication: labels > 1 ? 'adjudicate' : null, wrongAgreement }), annotate('adjudicators', 0.02, { name: 'adjudicate' })],
  });
}

describe('true classes and wrong classes', () => {
  const classes: ClassConfig = { names: ['car', 'truck', 'bus'], prevalence: [0.6, 0.3, 0.1], confusion: [[0, 0.9, 0.1], [0.8, 0, 0.2], [0.5, 0.5, 0]] };
  const work1 = [work(N, ['annotate'], { classes })];

  it('draws true classes in their prevalences (20,000 items, within 4 binomial sd)', () => {
    const lc = new LabelClasses(work1, new ClassDraws(7, 0));
    const counts = [0, 0, 0];
    const n = 20_000;
    for (let s = 0; s < n; s++) counts[lc.trueClass(0, s)]!++;
    classes.prevalence.forEach((p, c) => expect(Math.abs(counts[c]! - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p))));
  });

  it('picks a wrong class by the true class\'s confusion row, never the true class itself', () => {
    const lc = new LabelClasses(work1, new ClassDraws(7, 0));
    const counts = [0, 0, 0];
    const n = 20_000;
    for (let s = 0; s < n; s++) counts[lc.wrongClass(0, 1, s, 0, s % 3, 0, 0)]!++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0]! - 0.8 * n)).toBeLessThan(4 * Math.sqrt(n * 0.8 * 0.2));
  });

  it('keys the true class to the item alone: asked in another order, every item keeps its class', () => {
    const forward = new LabelClasses(work1, new ClassDraws(7, 3));
    const backward = new LabelClasses(work1, new ClassDraws(7, 3));
    const first = Array.from({ length: 100 }, (_, s) => forward.trueClass(0, s));
    const second = Array.from({ length: 100 }, (_, i) => backward.trueClass(0, 99 - i)).reverse();
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('spreads classes exactly by prevalence in deterministic mode (van der Corput): 1,024 items of shares 1/2, 1/4, 1/4', () => {
    const even = new LabelClasses([work(N, ['annotate'], { classes: { names: ['a', 'b', 'c'], prevalence: [0.5, 0.25, 0.25], confusion: 'uniform' } })], null);
    const counts = [0, 0, 0];
    for (let s = 0; s < 1024; s++) counts[even.trueClass(0, s)]!++;
    expect(counts).toEqual([512, 256, 256]);
  });

  it('reads uniform confusion as 1 / (k - 1) for each other class', () => {
    expect(confusionShares({ names: ['a', 'b', 'c'], prevalence: [1 / 3, 1 / 3, 1 / 3], confusion: 'uniform' })).toEqual([[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]]);
  });
});

describe('a model with classes', () => {
  const two: ClassConfig = { names: ['yes', 'no'], prevalence: [0.5, 0.5], confusion: 'uniform' };

  it('without consensus changes nothing but adds the residual error by class: every other result is the same as without classes', () => {
    const withoutClassOutputs = ({ acceptedByClass: _a, residualErrorByClass: _b, ...rest }: ReturnType<typeof simulateReplication>) => rest;
    for (const rep of [0, 1]) {
      const classes = simulateReplication(withClasses(two, 1, 0.1), 5, rep);
      expect(classes.acceptedByClass.length).toBe(2);
      expect(withoutClassOutputs(classes)).toEqual(withoutClassOutputs(simulateReplication(withClasses(undefined, 1, 0.1), 5, rep)));
    }
  });

  it('gives a model without classes no agreement figures', () => {
    const r = simulateReplication(withClasses(undefined, 2, 0.1), 5, 0);
    expect(r.fleissKappa.length).toBe(0);
    expect(r.percentAgreement.length).toBe(0);
  });

  it('settles consensus by class, not by wrongAgreement: with two classes, two wrong labels always agree', () => {
    // e = 0.2: an item goes to adjudication only when exactly one label is wrong, 2 e (1 - e) = 0.32,
    // whatever wrongAgreement says (here 0, which without classes would add e^2 = 0.04).
    const adjudicated: number[] = [];
    for (let rep = 0; rep < 20; rep++) adjudicated.push(simulateReplication(withClasses(two, 2, 0.2, false, 0), 11, rep).served[1]!);
    const ci = confidenceInterval(adjudicated);
    expect(covers(ci, N * 2 * 0.2 * 0.8)).toBe(true);
    expect(ci.halfWidth).toBeLessThan(0.04 * N / 4);
  });

  it('in deterministic mode agrees by hand: every 5th label wrong, never two of one item, so 2 x 2,000 x 0.2 = 800 items disagree', () => {
    const r = simulateReplication(withClasses(two, 2, 0.2, true), 1, 0);
    expect(r.served[1]).toBe(800);
    expect(r.percentAgreement[0]).toBeCloseTo(1 - 800 / N, 12);
    expect(r.accurate).toBe(N);
  });

  it('delivers the wrong label of items whose wrong labels agree (two classes, e = 0.2: e^2 of items)', () => {
    const wrong: number[] = [];
    for (let rep = 0; rep < 20; rep++) {
      const r = simulateReplication(withClasses(two, 2, 0.2, false, 0), 11, rep);
      wrong.push(r.accepted - r.accurate);
    }
    expect(covers(confidenceInterval(wrong), N * 0.2 ** 2)).toBe(true);
  });
});

describe('the capacity check and the warnings with classes', () => {
  const vehicles: ClassConfig = { names: ['car', 'truck', 'bus'], prevalence: [0.6, 0.3, 0.1], confusion: [[0, 0.9, 0.1], [0.8, 0, 0.2], [0.5, 0.5, 0]] };

  it('budgets adjudication for the items whose labels disagree by class: 1 - (1 - e)^2 - e^2 sum_c pi_c sum_j q_cj^2', () => {
    // sum_c pi_c sum_j q_cj^2 = 0.6 x 0.82 + 0.3 x 0.68 + 0.1 x 0.5 = 0.746.
    expect(wrongLabelsAgreeShare(vehicles, 2)).toBeCloseTo(0.746, 12);
    const [, adjudicators] = capacityCheck(withClasses(vehicles, 2, 0.2, false, 0.9));
    expect(adjudicators!.demandHours).toBeCloseTo(N * (1 - 0.8 ** 2 - 0.04 * 0.746) * 0.02, 9);
  });

  it('keeps the budget of a file without classes (wrongAgreement as stated)', () => {
    const [, adjudicators] = capacityCheck(withClasses(undefined, 2, 0.2, false, 0.5));
    expect(adjudicators!.demandHours).toBeCloseTo(N * (1 - 0.8 ** 2 - 0.04 * 0.5) * 0.02, 9);
  });

  it('warns when classes change nothing (one label) and when they override wrongAgreement', () => {
    expect(feasibilityWarnings(withClasses(vehicles, 1, 0.2))).toEqual([
      'work type "items" declares classes, but stage "annotate" asks for one label: no labels are compared, so there is no agreement to report',
    ]);
    expect(feasibilityWarnings(withClasses(vehicles, 2, 0.2, false, 0.3))).toEqual([
      'stage "annotate" sets wrongAgreement, which work type "items" ignores: with classes, wrong labels agree as the confusion pattern makes them',
    ]);
    expect(feasibilityWarnings(withClasses(vehicles, 2, 0.2))).toEqual([]);
    expect(feasibilityWarnings(withClasses(undefined, 2, 0.2, false, 0.3))).toEqual([]);
  });
});
