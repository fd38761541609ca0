import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { annotate, pool, review, smallCase, work } from './model-fixtures.js';

const N = 1000;
const M = 0.01; // hours per first-pass label
const REVIEW_HOURS = 0.004;

/** Full review that catches every wrong label and never rejects a right one; deterministic. */
function reworkCase(errorRate: number, reworkFactor: number): ModelConfig {
  return smallCase({
    work: [work(N, ['annotate', 'review'])],
    pools: [pool('annotators', 2, { errorRate, pay: { kind: 'hourly', perHour: 20 } }), pool('reviewers', 1, { pay: { kind: 'hourly', perHour: 30 } })],
    stages: [annotate('annotators', M, { reworkFactor }), review('reviewers', REVIEW_HOURS)],
  });
}

describe('rework after a full review with perfect detection', () => {
  // Every label is wrong with chance e and every wrong one comes back, so an item takes a
  // geometric number of rework passes with mean e / (1 - e): N e / (1 - e) reworks in all.
  const cases = [
    { e: 0.2, f: 0.5 }, // 1000 x 0.25 = 250 reworks; busy 10 + 250 x 0.005 = 11.25 h
    { e: 0.1, f: 1 }, // 1000 / 9 = 111.1 reworks; busy 10 + 1.111 = 11.11 h
    { e: 0.25, f: 0.3 }, // 1000 / 3 = 333.3 reworks; busy 10 + 1 = 11 h
  ];

  for (const { e, f } of cases) {
    const expectedReworks = (N * e) / (1 - e);
    const expectedBusy = N * M * (1 + (f * e) / (1 - e));

    it(`raises annotator hours by 1 + f e/(1-e) for e = ${e}, f = ${f}, to within one item`, () => {
      const r = simulateReplication(reworkCase(e, f), 1, 0);
      expect(r.completed).toBe(true);
      // Deterministic credits round the rework count to a whole item either way.
      expect(Math.abs(r.reworks - expectedReworks)).toBeLessThanOrEqual(1);
      expect(Math.abs(r.busyHours[0] - expectedBusy)).toBeLessThanOrEqual(M * f + 1e-9);
      // Review sees every first pass and every rework: N + reworks tasks.
      expect(r.busyHours[1]).toBeCloseTo((N + r.reworks) * REVIEW_HOURS, 9);
      expect(r.served[1]).toBe(N + r.reworks);
      // Nothing wrong gets through a review that catches everything.
      expect(r.accurate).toBe(N);
      expect(r.errorsFound).toBe(r.reworks);
      expect(r.errorsMade).toBe(r.reworks);
    });

    it(`gives the capacity check the same annotator demand, N m (1 + f e/(1-e)), for e = ${e}, f = ${f}`, () => {
      const [annotators, reviewers] = capacityCheck(reworkCase(e, f));
      expect(annotators.demandHours).toBeCloseTo(expectedBusy, 9);
      expect(reviewers.demandHours).toBeCloseTo((N + expectedReworks) * REVIEW_HOURS, 9);
    });
  }

  it('costs the extra passes under rework: 250 x 0.005 h x $20 for e = 0.2, f = 0.5', () => {
    const r = simulateReplication(reworkCase(0.2, 0.5), 1, 0);
    // 1000 x 0.2 / 0.8 = 250 reworks exactly (250 = 0.2 x 1250 labels in all).
    expect(r.reworks).toBe(250);
    expect(r.busyHours[0]).toBeCloseTo(11.25, 9);
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(N * M * 20, 9);
    expect(r.costByActivity[Activity.rework]).toBeCloseTo(250 * M * 0.5 * 20, 9);
    expect(r.costByActivity[Activity.review]).toBeCloseTo(1250 * REVIEW_HOURS * 30, 9);
  });

  it('does no rework when no label is wrong', () => {
    const r = simulateReplication(reworkCase(0, 0.5), 1, 0);
    expect(r.reworks).toBe(0);
    expect(r.busyHours[0]).toBeCloseTo(N * M, 9);
    expect(r.costByActivity[Activity.rework]).toBe(0);
  });
});
