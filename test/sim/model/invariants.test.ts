import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import { annotate, pool, roundTheClock, work } from './model-fixtures.js';
import { operation } from './operations.js';

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

function expectBooksBalance(config: ModelConfig, r: ReplicationResult): void {
  const count = config.work.reduce((n, w) => n + (w.count ?? 0), 0);
  // Items are conserved: none invented, all of them in when the run completes.
  expect(r.accepted).toBeLessThanOrEqual(count);
  expect(r.accurate).toBeGreaterThanOrEqual(0);
  expect(r.accurate).toBeLessThanOrEqual(r.accepted);
  expect(r.acceptedByDeadline).toBeLessThanOrEqual(r.accepted);
  if (r.completed) {
    expect(r.completionHours).toBeGreaterThanOrEqual(0);
    expect(r.completionHours).toBeLessThanOrEqual(config.horizonHours);
    for (const t of r.completionByType) expect(t).toBeLessThanOrEqual(r.completionHours);
  } else {
    expect(r.completionHours).toBeNaN();
    expect(r.accepted).toBeLessThan(count);
  }
  // A share of the accepted items: unknown (NaN, not 0) when none was accepted.
  if (r.accepted === 0) expect(r.residualErrorRate).toBeNaN();
  else {
    expect(r.residualErrorRate).toBeGreaterThanOrEqual(0);
    expect(r.residualErrorRate).toBeLessThanOrEqual(1);
  }
  expect(r.errorsFound).toBeLessThanOrEqual(r.errorsMade);
  // Waits are never negative.
  for (const w of [...r.waitMean, ...r.waitP95]) {
    expect(Number.isFinite(w)).toBe(true);
    expect(w).toBeGreaterThanOrEqual(0);
  }
  // Every cost is a finite number. (That the bill is right, and that each item is accepted once,
  // is checked against a record of what the replication did: recorder-checks.test.ts.)
  for (const c of [...r.costByActivity, ...r.costByActivityAtDeadline]) expect(Number.isFinite(c)).toBe(true);
  // Costs by work type are the same money split another way.
  expect(Math.abs(sum(r.costByType) - r.cost)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.cost)));
  // Work cannot exceed the hours people were on shift.
  for (let p = 0; p < r.utilization.length; p++) {
    expect(r.busyHours[p]).toBeGreaterThanOrEqual(0);
    expect(r.utilization[p]).toBeLessThanOrEqual(1 + 1e-9);
  }
  // What is left at each day's end never grows, starts at most at the count and ends at what was left.
  expect(r.remainingByDay.length).toBe(Math.ceil(config.horizonHours / 24));
  for (let d = 0; d < r.remainingByDay.length; d++) {
    expect(r.remainingByDay[d]).toBeGreaterThanOrEqual(count - r.accepted);
    expect(r.remainingByDay[d]).toBeLessThanOrEqual(d === 0 ? count : r.remainingByDay[d - 1]);
  }
  expect(r.remainingByDay[r.remainingByDay.length - 1]).toBe(count - r.accepted);
}

describe('for any small operation', () => {
  it('conserves items, balances the books and never lets the remaining work grow', () => {
    fc.assert(
      fc.property(operation, (config) => {
        expectBooksBalance(config, simulateReplication(config, 17, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same replication twice', () => {
    fc.assert(
      fc.property(operation, fc.integer({ min: 0, max: 1000 }), (config, replication) => {
        expect(simulateReplication(config, 5, replication)).toEqual(simulateReplication(config, 5, replication));
      }),
      { numRuns: 30 },
    );
  });

  it('gets a non-negative demand, available hours and load from the capacity check for every pool', () => {
    fc.assert(
      fc.property(operation, (config) => {
        for (const p of capacityCheck(config)) {
          // Not quite 0: with a label error rate near 0, the disagreement share 1 - (1 - e)^k - e^k w
          // rounds to -5e-324, a denormal below zero (harmless, hence the tolerance).
          expect(p.demandHours).toBeGreaterThanOrEqual(-1e-12);
          expect(p.availableHours).toBeGreaterThanOrEqual(0);
          expect(p.load).toBeGreaterThanOrEqual(-1e-12);
          expect(p.load).not.toBeNaN();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('on a day boundary', () => {
  it('counts an item accepted at exactly a day’s end as done by that day', () => {
    // One person always on shift; items of 20 h and 28 h (complexities 20 and 28 of a 1 h task):
    // the second is accepted at t = 48, the very end of day 1, so day 1 ends with nothing left.
    const config: ModelConfig = {
      clock: { startDate: '2027-01-04', timeZone: 'UTC' },
      horizonHours: 24 * 5,
      warmupHours: 0,
      deadlineHours: null,
      deterministic: true,
      currency: 'USD',
      work: [work(1, ['annotate'], { name: 'a', complexity: 20 }), work(1, ['annotate'], { name: 'b', complexity: 28 })],
      pools: [pool('annotator', 1, { shifts: [roundTheClock(1)] })],
      stages: [annotate('annotator', 1)],
      preLabels: null,
      costs: { platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [] },
    };
    const r = simulateReplication(config, 1, 0);
    expect(r.completionHours).toBe(48);
    expect(Array.from(r.remainingByDay)).toEqual([1, 0, 0, 0, 0]);
  });

  it('fills the days past a horizon that falls inside a day with what was left at the horizon', () => {
    // The eight-week case stopped at t = 100 (Friday 04:00): 4 days x 8,000 frames done; the
    // day ending at t = 120 is past the horizon and must not show the full 500,000 again.
    const config: ModelConfig = {
      clock: { startDate: '2027-01-04', timeZone: 'UTC' },
      horizonHours: 100,
      warmupHours: 0,
      deadlineHours: null,
      deterministic: true,
      currency: 'USD',
      work: [work(500_000)],
      pools: [pool('annotators', 10)],
      stages: [annotate('annotators', 0.01)],
      preLabels: null,
      costs: { platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [] },
    };
    const r = simulateReplication(config, 1, 0);
    expect(r.completed).toBe(false);
    expect(Array.from(r.remainingByDay)).toEqual([492_000, 484_000, 476_000, 468_000, 468_000]);
  });
});
