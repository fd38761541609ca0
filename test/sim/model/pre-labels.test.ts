import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig, PreLabelConfig } from '../../../sim/model/config.js';
import { annotate, pool, roundTheClock, smallCase, work } from './model-fixtures.js';

const ITEMS = 2000;
const M = 0.01;
const RATE = 20;

/** One hourly annotator who never leaves (always on shift), 2,000 items of 0.01 h. */
function oneAnnotator(preLabels: PreLabelConfig | null, errorRate = 0): ModelConfig {
  return smallCase({
    horizonHours: 100,
    work: [work(ITEMS)],
    pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate, pay: { kind: 'hourly', perHour: RATE } })],
    stages: [annotate('annotator', M)],
    preLabels,
  });
}

/** A first model after 1,000 accepted items, 5 h to train, halving handling time; no later improvement. */
const halving: PreLabelConfig = {
  firstRetrainAfter: 1000,
  retrainEvery: 1_000_000,
  retrainHours: 5,
  retrainCost: 300,
  handlingFactor: 0.5,
  errorFactor: 1,
  improvement: 1,
  handlingFloor: 0.5,
  errorFloor: 1,
};

describe('pre-labels', () => {
  it('are absent from the baseline: 2,000 items x 0.01 h take 20 h', () => {
    const r = simulateReplication(oneAnnotator(null), 1, 0);
    expect(r.completionHours).toBe(ITEMS * M);
  });

  it('cut handling time only once the first model is trained: 10 + 5 + 2.5 = 17.5 h', () => {
    // 1,000 items at full speed take 10 h; training starts then and takes 5 h, during which
    // 500 more items go at full speed; the last 500 take 0.005 h each: 2.5 h.
    const beforeTraining = 1000 * M;
    const whileTraining = halving.retrainHours; // = 500 items x 0.01 h
    const afterDeploy = (ITEMS - 1000 - halving.retrainHours / M) * M * halving.handlingFactor;
    const expected = beforeTraining + whileTraining + afterDeploy;
    expect(expected).toBe(17.5);
    const r = simulateReplication(oneAnnotator(halving), 1, 0);
    expect(r.completionHours).toBe(expected);
    expect(r.busyHours[0]).toBeCloseTo(expected, 9);
  });

  it('book the retraining cost under retraining and the shorter hours under annotation', () => {
    const r = simulateReplication(oneAnnotator(halving), 1, 0);
    expect(r.costByActivity[Activity.retraining]).toBe(halving.retrainCost);
    // An hourly annotator is paid for the 17.5 h worked.
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(17.5 * RATE, 9);
    expect(r.cost).toBeCloseTo(17.5 * RATE + halving.retrainCost, 9);
  });

  it('change nothing when the project ends before the first model is trained', () => {
    // The first retrain would start after 2,000 accepted items: there are no more to label.
    const r = simulateReplication(oneAnnotator({ ...halving, firstRetrainAfter: ITEMS }), 1, 0);
    expect(r.completionHours).toBe(ITEMS * M);
  });

  it('retrain again every retrainEvery items, each retrain costing retrainCost', () => {
    // Deployed at t = 15 with 1,500 accepted; the next retrain starts at 1,500 + 200 = 1,700
    // accepted (t = 15 + 200 x 0.005 = 16) and is deployed at 21, after the project ends at 17.5.
    const r = simulateReplication(oneAnnotator({ ...halving, retrainEvery: 200 }), 1, 0);
    expect(r.completionHours).toBe(17.5);
    expect(r.costByActivity[Activity.retraining]).toBe(2 * halving.retrainCost);
  });

  it('scale the error rate by errorFactor from the first model on', () => {
    // 10% errors: 1,500 labels before deployment give 150 wrong; the last 500 at 10% x 0.4 = 4% give 20.
    const r = simulateReplication(oneAnnotator({ ...halving, errorFactor: 0.4, errorFloor: 0.4 }, 0.1), 1, 0);
    expect(r.errorsMade).toBe(1500 * 0.1 + 500 * 0.1 * 0.4);
    expect(r.accurate).toBe(ITEMS - 170);
  });
});
