import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { confidenceInterval, covers } from '../../support/statistics.js';
import { annotate, pool, smallCase, work } from './model-fixtures.js';

const N = 1000;
const M = 0.01;
const RATE = 20;

function withGold(goldShare: number, deterministic = true): ModelConfig {
  return smallCase({
    deterministic,
    work: [work(N)],
    pools: [pool('annotators', 3, { pay: { kind: 'hourly', perHour: RATE } })],
    stages: [annotate('annotators', M, { goldShare })],
  });
}

describe('gold items served between real ones', () => {
  for (const g of [0.2, 0.1, 0.05]) {
    it(`make a share g = ${g} of all tasks gold, so annotators work N m / (1 - g), to within one item`, () => {
      // Gold is g of all tasks: N real ones are (1 - g) of them, so N / (1 - g) tasks of m hours.
      const expectedBusy = (N * M) / (1 - g);
      const r = simulateReplication(withGold(g), 1, 0);
      expect(Math.abs(r.busyHours[0] - expectedBusy)).toBeLessThanOrEqual(M + 1e-9);
      // The extra hours are costed as gold, the real ones as annotation.
      const goldHours = r.busyHours[0] - N * M;
      expect(r.costByActivity[Activity.gold]).toBeCloseTo(goldHours * RATE, 9);
      expect(r.costByActivity[Activity.annotation]).toBeCloseTo(N * M * RATE, 9);
      // Gold yields nothing: still exactly N items accepted.
      expect(r.accepted).toBe(N);
      expect(capacityCheck(withGold(g))[0].demandHours).toBeCloseTo(expectedBusy, 9);
    });
  }

  it('add 250 gold tasks to 1,000 real ones at g = 0.2: 12.5 h of work, $50 of it gold', () => {
    // 250 = 0.2 x 1,250: a whole number, so the deterministic credit gives it exactly.
    const r = simulateReplication(withGold(0.2), 1, 0);
    expect(r.busyHours[0]).toBeCloseTo(12.5, 9);
    expect(r.costByActivity[Activity.gold]).toBeCloseTo(250 * M * RATE, 9);
  });

  it('cost nothing when the share is zero', () => {
    const r = simulateReplication(withGold(0), 1, 0);
    expect(r.busyHours[0]).toBeCloseTo(N * M, 9);
    expect(r.costByActivity[Activity.gold]).toBe(0);
  });

  it('average about N m g / (1 - g) extra hours in random mode', () => {
    // g = 0.2: 2.5 h of gold on 10 h of real work; the count of gold tasks is a sum of N geometric
    // draws with mean g / (1 - g) = 0.25 and variance g / (1 - g)^2 = 0.3125, so its sd is about
    // sqrt(1000 x 0.3125) = 17.7 tasks = 0.18 h a replication.
    const extra: number[] = [];
    for (let rep = 0; rep < 20; rep++) extra.push(simulateReplication(withGold(0.2, false), 5, rep).busyHours[0] - N * M);
    const ci = confidenceInterval(extra);
    expect(covers(ci, (N * M * 0.2) / (1 - 0.2))).toBe(true);
    expect(ci.halfWidth).toBeLessThan(0.15);
  });
});
