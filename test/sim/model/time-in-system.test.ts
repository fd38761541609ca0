import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { DURATION_BIN_RELATIVE_ERROR, binnedQuantile } from '../../../sim/stats/duration-bins.js';

/**
 * Time in system, weekly throughput, delivery turnaround and the wait figures on a case worked by
 * hand: one person on duty around the clock, no randomness, items of exactly 1 h each, delivered
 * in two batches of 5 at t = 0 and t = 5 h. The person labels item k of each batch from k - 1 h
 * after the batch arrives: the first batch's items are accepted at 1, ..., 5 h, the second's at
 * 6, ..., 10 h.
 */
const FILE = `
name: by-hand
deterministic: true
timeZone: UTC
horizon: 3w
waitThresholds: [0s, 2h]
work:
  items:
    count: 10
    arrival: { schedule: { first: 0h, every: 5h, batch: 5, sla: 4h } }
pools:
  one:
    headcount: 1
    shifts: always
    pay: none
stages:
  annotate:
    kind: annotate
    pool: one
    handling: { lognormal: { mean: 1h, cv: 0.5 } }
`;

const model = parseExperiment(FILE, 'by-hand.yaml').plans[0].model;
const r = simulateReplication(model, 1, 0);

describe('a replication worked by hand', () => {
  it('times each item from its batch arrival to its acceptance: 1 to 5 h, twice', () => {
    const length = r.timeInSystemBins.length;
    expect(r.timeInSystemBins.reduce((a, b) => a + b, 0)).toBe(10);
    // Sorted: 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 h: the median (rank 5) is 3 h, p85 (rank 9) is 5 h.
    for (const [q, exact] of [[0.5, 3], [0.85, 5], [0.1, 1]] as const) {
      expect(Math.abs(binnedQuantile(r.timeInSystemBins, 0, length, q) - exact)).toBeLessThanOrEqual(exact * DURATION_BIN_RELATIVE_ERROR);
    }
  });

  it('turns each batch around in 5 h, from its arrival to its last acceptance', () => {
    expect(Array.from(r.deliveryTurnaround)).toEqual([5, 5]);
  });

  it('accepts all ten items in the first week and leaves no queue at any week end', () => {
    expect(r.acceptedByWeek[0]).toBe(10);
    expect(Array.from(r.acceptedByWeek.subarray(1))).toEqual([0, 0]);
    expect(Array.from(r.queueByWeek)).toEqual([0, 0, 0]);
  });

  it('starts the first item of each batch at once and the others after 1 to 4 h: P(wait) = 0.8, P(wait <= 0) = 0.2, P(wait <= 2 h) = 0.6', () => {
    expect(r.waitProbability[0]).toBeCloseTo(0.8, 12);
    expect(Array.from(r.serviceLevel)).toEqual([0.2, 0.6]);
  });

  it("keeps the model's event count free of the week-end reads: each more item of a backlog is one more event, each more day one more", () => {
    // 100 items end at 100 h, before the first week end; 400 end at 400 h, after two of them.
    const backlog = (count: number) => simulateReplication({ ...model, work: [{ ...model.work[0], count, arrival: { kind: 'backlog' } }] }, 1, 0);
    const [short, long] = [backlog(100), backlog(400)];
    expect(long.completionHours).toBe(400);
    // At 168 h the 168th item is in hand (the read comes before the completion due then): 232 wait.
    expect(long.queueByWeek[0]).toBe(400 - 168);
    // 300 more task completions and 12 more day ends (24 h to 384 h against 24 h to 96 h); the two week ends read, uncounted.
    expect(long.events - short.events).toBe(300 + 12);
  });
});
