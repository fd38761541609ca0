import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { confidenceInterval, covers } from '../../support/statistics.js';
import { annotate, crew, pool, smallCase, work } from './model-fixtures.js';

const N = 1000;
const M = 0.01;
const ADJUDICATION_HOURS = 0.02;

/**
 * Two labels per item from two hourly annotators working in step (so an item's two labels, one
 * from each, are consecutive outcomes), disagreements settled by a separate adjudicator.
 */
function consensus(errorRate: number, adjudicatorError: number, deterministic = true): ModelConfig {
  return smallCase({
    deterministic,
    work: [work(N)],
    pools: [
      pool('annotators', 2, { errorRate, pay: { kind: 'hourly', perHour: 20 } }),
      pool('adjudicators', 1, { errorRate: adjudicatorError, pay: { kind: 'hourly', perHour: 40 } }),
    ],
    stages: [
      annotate('annotators', M, { labels: 2, adjudication: 'adjudicate' }),
      annotate('adjudicators', ADJUDICATION_HOURS, { name: 'adjudicate' }),
    ],
  });
}

describe('two-label consensus with adjudication, deterministic', () => {
  // e = 0.1: the credit says "wrong" to exactly every 10th label, so no item's two consecutive
  // labels are both wrong, and each of the 2 x 1,000 x 0.1 = 200 wrong labels makes one
  // disagreement (independent draws would give 1,000 x (1 - 0.9^2) = 190, 10 of them double-wrong).
  const r = simulateReplication(consensus(0.1, 0.05), 1, 0);

  it('sends one item per wrong label, 200, to adjudication', () => {
    expect(r.errorsMade).toBe(200 + 200 * 0.05);
    expect(r.served[1]).toBe(200);
    expect(r.busyHours[1]).toBeCloseTo(200 * ADJUDICATION_HOURS, 9);
    expect(r.costByActivity[Activity.adjudication]).toBeCloseTo(200 * ADJUDICATION_HOURS * 40, 9);
  });

  it('costs two label tasks per item', () => {
    expect(r.served[0]).toBe(2 * N);
    expect(r.busyHours[0]).toBeCloseTo(2 * N * M, 9);
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(2 * N * M * 20, 9);
  });

  it('delivers the adjudicator’s errors only: 5% of 200 = 10 wrong items of 1,000', () => {
    expect(r.accepted).toBe(N);
    expect(r.accurate).toBe(N - 10);
    expect(r.residualErrorRate).toBeCloseTo(10 / N, 12);
  });

  it('delivers no error at all with a perfect adjudicator, however wrong the annotators', () => {
    const perfect = simulateReplication(consensus(0.3, 0), 1, 0);
    expect(perfect.accurate).toBe(N);
    // e = 0.3: 600 wrong labels among 2,000; an item is double-wrong only when the credit says yes
    // twice in a row, which at 0.3 < 0.5 it never does, so 600 disagreements.
    expect(perfect.errorsMade).toBe(600);
    expect(perfect.served[1]).toBe(600);
  });

  it('is budgeted by the capacity check with the independent-draw share 1 - (1 - e)^2', () => {
    const [, adjudicators] = capacityCheck(consensus(0.1, 0.05));
    expect(adjudicators.demandHours).toBeCloseTo(N * (1 - 0.9 ** 2) * ADJUDICATION_HOURS, 9); // 190 x 0.02 h
  });
});

describe('two-label consensus with adjudication, random', () => {
  it('sends about N (1 - (1 - e)^2) items to adjudication', () => {
    // e = 0.1: 1,000 x 0.19 = 190 expected, binomial sd sqrt(1000 x 0.19 x 0.81) = 12.4.
    const adjudicated: number[] = [];
    for (let rep = 0; rep < 20; rep++) adjudicated.push(simulateReplication(consensus(0.1, 0.05, false), 3, rep).served[1]);
    const ci = confidenceInterval(adjudicated);
    expect(covers(ci, N * (1 - 0.9 ** 2))).toBe(true);
    expect(ci.halfWidth).toBeLessThan(10);
  });

  it('lets double-wrong labels that agree through unadjudicated, at share wrongAgreement', () => {
    // e = 0.3 and wrongAgreement 1: every double-wrong item (0.09 of them) is accepted wrong, the
    // rest of the disagreements go to a perfect adjudicator, so about 9% are delivered wrong.
    const config = consensus(0.3, 0, false);
    (config.stages[0] as { wrongAgreement: number }).wrongAgreement = 1;
    const residual: number[] = [];
    for (let rep = 0; rep < 20; rep++) residual.push(simulateReplication(config, 3, rep).residualErrorRate);
    expect(covers(confidenceInterval(residual), 0.3 ** 2)).toBe(true);
  });
});

describe('consensus labels come from distinct people', () => {
  /** Two labels per item from a pool of two people on consecutive shifts: Ann 09:00-13:00, Ben 13:00-17:00. */
  function relay(deadlineHours: number | null = null): ModelConfig {
    return smallCase({
      deadlineHours,
      work: [work(400)],
      pools: [
        pool('annotators', 0, { shifts: [crew(1, 'UTC', '09:00', '13:00'), crew(1, 'UTC', '13:00', '17:00')] }),
        pool('adjudicators', 1),
      ],
      stages: [annotate('annotators', M, { labels: 2, adjudication: 'adjudicate' }), annotate('adjudicators', ADJUDICATION_HOURS, { name: 'adjudicate' })],
    });
  }

  it('accepts nothing while only one person is on shift: each second copy waits for the other', () => {
    // Ann labels one copy of each of the 400 items in her 4 hours; Ben the other copy in his.
    const r = simulateReplication(relay(13), 1, 0);
    expect(r.acceptedByDeadline).toBe(0);
    expect(r.accepted).toBe(400);
    expect(r.completionHours).toBe(17);
    expect(r.served[0]).toBe(800);
  });

  it('lets later items pass a copy that waits, so the first person stays busy all shift', () => {
    const r = simulateReplication(relay(), 1, 0);
    // Both people fully busy, 4 h each: 800 labels of 0.01 h.
    expect(r.busyHours[0]).toBeCloseTo(800 * M, 9);
    expect(r.utilization[0]).toBeCloseTo(1, 9);
  });

  /** Two labels per item from a careful person (10% wrong) and a careless one (30%) sharing one queue. */
  function carefulAndCareless(carefulPace: number, carelessPace: number): ModelConfig {
    return smallCase({
      deterministic: false,
      work: [work(N)],
      pools: [
        pool('careful', 1, { errorRate: 0.1, pace: carefulPace }),
        pool('careless', 1, { errorRate: 0.3, pace: carelessPace }),
        pool('adjudicators', 1),
      ],
      stages: [
        annotate('careful', M, { pools: ['careful', 'careless'], labels: 2, adjudication: 'adjudicate' }),
        annotate('adjudicators', ADJUDICATION_HOURS, { name: 'adjudicate' }),
      ],
    });
  }

  it('draws each label’s error from the person who made it: who finishes first changes no label', () => {
    const a = simulateReplication(carefulAndCareless(1, 1.5), 5, 0);
    const b = simulateReplication(carefulAndCareless(1.5, 1), 5, 0);
    // Each item is labelled once by each person: about 100 + 300 wrong labels, the same ones in both plans.
    expect(Math.abs(a.errorsMade - N * (0.1 + 0.3))).toBeLessThan(4 * Math.sqrt(N * (0.1 * 0.9 + 0.3 * 0.7)));
    expect(b.errorsMade).toBe(a.errorsMade);
    expect(b.served[1]).toBe(a.served[1]); // the same items disagree and go to adjudication
  });

  it('leaves the items unfinished, without running away, when the pool has fewer people than labels', () => {
    const config = consensus(0, 0);
    config.pools[0].shifts[0].headcount = 1; // as `solve` or a sensitivity study may set it
    const r = simulateReplication(config, 1, 0);
    expect(r.completed).toBe(false);
    expect(r.accepted).toBe(0);
    expect(r.served[0]).toBe(0);
  });
});
