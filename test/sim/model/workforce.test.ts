import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { PoolConfig } from '../../../sim/model/config.js';
import { annotate, pool, roundTheClock, smallCase, work } from './model-fixtures.js';

const N = 1000;
const M = 0.01;

/** One person, 1,000 items of 0.01 h (10 h of work), deterministic. */
function onePerson(overrides: Partial<PoolConfig>) {
  return smallCase({ work: [work(N)], pools: [pool('a', 1, overrides)], stages: [annotate('a', M)] });
}

describe('a person’s speed', () => {
  it('is stretched by shrinkage: handling times grow by 1 / (1 - s)', () => {
    // s = 0.2: 10 h / 0.8 = 12.5 h of shift time, on a crew that never leaves.
    const r = simulateReplication(onePerson({ shifts: [roundTheClock(1)], shrinkage: 0.2 }), 1, 0);
    expect(r.completionHours).toBeCloseTo((N * M) / (1 - 0.2), 9);
  });

  it('follows the learning curve: the k-th item takes m (1 + (f0 - 1) 2^(-k / h))', () => {
    // f0 = 2, half-life 100 items: 10 h + 0.01 x sum_{k<1000} 2^(-k/100)
    //   = 10 + 0.01 (1 - 2^-10) / (1 - 2^-0.01) = 11.446 h.
    const r = simulateReplication(onePerson({ shifts: [roundTheClock(1)], learning: { initialFactor: 2, halfLifeItems: 100 } }), 1, 0);
    const ratio = Math.pow(2, -1 / 100);
    const expected = N * M + (M * (1 - Math.pow(ratio, N))) / (1 - ratio);
    expect(r.completionHours).toBeCloseTo(expected, 6);
  });

  it('ramps up from half to full speed over rampUpHours, costing a quarter of the ramp in lost output', () => {
    // Ramp 8 h from t = 0 on a crew that never leaves: output by t = 8 is about
    // the integral of (0.5 + 0.5 t / 8) dt = 6 h of work instead of 8, so 10 h of work ends near 12 h;
    // speed is fixed at each item's start, so a little later (a fraction of an item).
    const r = simulateReplication(onePerson({ shifts: [roundTheClock(1)], rampUpHours: 8 }), 1, 0);
    expect(r.completionHours).toBeGreaterThanOrEqual(12);
    expect(r.completionHours).toBeLessThan(12 + M);
  });
});

describe('a person hired later (startHours)', () => {
  it('starts at the first shift from startHours and is paid from then on', () => {
    // startHours 33 = Tuesday 09:00: 8 h on Tuesday, 2 h on Wednesday: done at 48 + 11 = 59.
    const r = simulateReplication(onePerson({ startHours: 33 }), 1, 0);
    expect(r.completionHours).toBe(48 + 11);
    // Salaried: 10 h scheduled from Tuesday 09:00 to Wednesday 11:00, all worked; no Monday pay.
    expect(r.cost).toBeCloseTo(10 * 20, 9);
    expect(r.costByActivity[Activity.idle]).toBeCloseTo(0, 9);
  });
});
