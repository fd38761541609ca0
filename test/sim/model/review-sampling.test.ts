import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { confidenceInterval, mean } from '../../support/statistics.js';
import { annotate, pool, review, smallCase, work } from './model-fixtures.js';

const ITEMS = 500;
const ERROR_RATE = 0.1;
const DETECTION = 0.9;
const REPLICATIONS = 20;
const SEED = 11;

/** Random mode: 500 items, 10% wrong labels, one review tier sampling `sampleRate` of them. */
function withSample(sampleRate: number, falseReject: number): ModelConfig {
  return smallCase({
    deterministic: false,
    work: [work(ITEMS, ['annotate', 'review'])],
    pools: [
      pool('annotators', 5, { errorRate: ERROR_RATE, pay: { kind: 'hourly', perHour: 20 } }),
      pool('reviewers', 2, { pay: { kind: 'hourly', perHour: 25 } }),
    ],
    stages: [
      annotate('annotators', 0.05, { handling: { kind: 'lognormal', mean: 0.05, cv: 0.5 } }),
      review('reviewers', 0.02, { handling: { kind: 'lognormal', mean: 0.02, cv: 0.5 }, sampleRate, detection: DETECTION, falseReject }),
    ],
  });
}

/** Residual wrong items and cost of each replication of a config (same seeds: common random numbers). */
function outcomes(config: ModelConfig) {
  const runs = Array.from({ length: REPLICATIONS }, (_, rep) => simulateReplication(config, SEED, rep));
  return {
    runs,
    residual: runs.map((r) => r.residualErrorRate),
    wrongDelivered: runs.map((r) => r.accepted - r.accurate),
    cost: runs.map((r) => r.cost),
  };
}

describe('raising a review tier’s sample rate from 20% to 80%', () => {
  const low = outcomes(withSample(0.2, 0.02));
  const high = outcomes(withSample(0.8, 0.02));

  it('finishes every replication of both plans', () => {
    for (const r of [...low.runs, ...high.runs]) {
      expect(r.completed).toBe(true);
      expect(r.accepted).toBe(ITEMS);
    }
  });

  it('raises the cost in every replication, and the review cost by about the sample ratio', () => {
    // Items sampled at 20% (keyed uniform < 0.2) are also sampled at 80%, with the same draws,
    // so the 80% plan does all the work of the 20% plan and more.
    for (let rep = 0; rep < REPLICATIONS; rep++) expect(high.cost[rep]).toBeGreaterThan(low.cost[rep]);
    // First reviews: 500 x s x 0.02 h x $25 = $50 at 20%, $200 at 80%, plus re-reviews of reworked items.
    const reviewCost = (o: typeof low) => mean(o.runs.map((r) => r.costByActivity[Activity.review]));
    expect(reviewCost(low)).toBeGreaterThan(50 * 0.8);
    expect(reviewCost(high)).toBeGreaterThan(200 * 0.8);
    expect(reviewCost(high) / reviewCost(low)).toBeGreaterThan(3);
  });

  it('lowers the mean residual error rate, a paired difference whose interval excludes zero', () => {
    const difference = low.residual.map((x, rep) => x - high.residual[rep]);
    const ci = confidenceInterval(difference);
    expect(ci.lower).toBeGreaterThan(0);
    expect(mean(high.residual)).toBeLessThan(mean(low.residual));
  });

  it('leaves about e (1 - s d) of the labels wrong: 8.2% at 20%, 2.8% at 80%', () => {
    // A first label is wrong with e = 0.1 and slips through unless sampled (s) and caught (d = 0.9):
    // e (1 - 0.2 x 0.9) = 0.082 and e (1 - 0.8 x 0.9) = 0.028; reworked labels are re-reviewed,
    // so their few errors (and 2% false rejections) only add terms of order e^2: 0.002 of slack.
    const lowCi = confidenceInterval(low.residual);
    const highCi = confidenceInterval(high.residual);
    const expectedLow = ERROR_RATE * (1 - 0.2 * DETECTION);
    const expectedHigh = ERROR_RATE * (1 - 0.8 * DETECTION);
    expect(Math.abs(lowCi.mean - expectedLow)).toBeLessThan(lowCi.halfWidth + 0.002);
    expect(Math.abs(highCi.mean - expectedHigh)).toBeLessThan(highCi.halfWidth + 0.002);
  });
});

describe('with no false rejections, a larger review sample', () => {
  const low = outcomes(withSample(0.2, 0));
  const high = outcomes(withSample(0.8, 0));

  it('never delivers more wrong items in the same replication', () => {
    // Common random numbers: the same labels are wrong in both plans, and each wrong label the
    // 20% sample catches the 80% sample catches too, so the larger sample only removes errors.
    for (let rep = 0; rep < REPLICATIONS; rep++) expect(high.wrongDelivered[rep]).toBeLessThanOrEqual(low.wrongDelivered[rep]);
    expect(mean(high.wrongDelivered)).toBeLessThan(mean(low.wrongDelivered));
  });
});
