import { describe, expect, it } from 'vitest';
import { Activity } from '../../../../sim/model/activities.js';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import { DatedPrices } from '../../../../sim/model/pay/dated-prices.js';
import type { ModelConfig, PreLabelConfig, PriceChange } from '../../../../sim/model/config.js';
import { annotate, pool, roundTheClock, smallCase, work } from '../model-fixtures.js';

const WEEK = 168;

/**
 * Two hourly people at 10/h, Mon-Fri 09:00-17:00 UTC: 160 items of exactly 1 h finish on Friday
 * of week 2 at 17:00 (t = 281 h). Platform 73 a seat-month (0.1 an hour for each of the two
 * seats), management 168 a week (1 an hour).
 */
function team(priceChanges?: PriceChange[]): ModelConfig {
  return smallCase({
    work: [work(160)],
    pools: [pool('crew', 2, { pay: { kind: 'hourly', perHour: 10 } })],
    stages: [annotate('crew', 1)],
    costs: { platformPerSeatMonth: 73, seats: null, managementPerWeek: 168, fixed: [], ...(priceChanges === undefined ? {} : { priceChanges }) },
  });
}

describe('prices besides pay that change by date', () => {
  it('charges the stated prices without changes: platform 2 x 0.1 x 281 h = 56.20, management 281', () => {
    const r = simulateReplication(team(), 1, 0);
    expect(r.completionHours).toBe(WEEK + 4 * 24 + 17);
    expect(r.costByActivity[Activity.platform]).toBe(56.2);
    expect(r.costByActivity[Activity.management]).toBe(281);
    expect(r.cost).toBe(1600 + 56.2 + 281);
  });

  it('charges each hour of a time-driven price at the price of that hour, exactly', () => {
    // Platform 50% dearer from Monday of week 2: 2 x 0.1 x (168 + 1.5 x 113) = 67.50. Management
    // doubled for Monday and Tuesday of week 2: 281 + 48 = 329. Labour is untouched.
    const r = simulateReplication(
      team([
        { activity: 'platform', fromHours: WEEK, toHours: Infinity, factor: 1.5 },
        { activity: 'management', fromHours: WEEK, toHours: WEEK + 48, factor: 2 },
      ]),
      1,
      0,
    );
    expect(r.costByActivity[Activity.platform]).toBe(67.5);
    expect(r.costByActivity[Activity.management]).toBe(329);
    expect(r.costByActivity[Activity.annotation]).toBe(1600);
    expect(r.cost).toBe(1600 + 67.5 + 329);
  });

  it('multiplies overlapping changes of one price, and leaves a change after the end without effect', () => {
    const r = simulateReplication(
      team([
        { activity: 'platform', fromHours: WEEK, toHours: Infinity, factor: 1.5 },
        { activity: 'platform', fromHours: WEEK + 100, toHours: Infinity, factor: 2 },
        { activity: 'management', fromHours: 300, toHours: Infinity, factor: 5 },
      ]),
      1,
      0,
    );
    // 2 x 0.1 x (168 + 1.5 x 100 + 3 x 13) = 71.40.
    expect(r.costByActivity[Activity.platform]).toBe(71.4);
    expect(r.costByActivity[Activity.management]).toBe(281);
  });

  it('prices a retrain (a pre-label model, an API) at the price of the instant it is charged', () => {
    // One annotator always on shift, 2,000 items of 0.01 h: the first model is trained after the
    // 1,000th item is accepted, at t = 10 h, for 300.
    const preLabels: PreLabelConfig = { firstRetrainAfter: 1000, retrainEvery: 1_000_000, retrainHours: 5, retrainCost: 300, handlingFactor: 1, errorFactor: 1, improvement: 1, handlingFloor: 1, errorFloor: 1 };
    const m = (priceChanges: PriceChange[]) =>
      smallCase({
        horizonHours: 100,
        work: [work(2000)],
        pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], pay: { kind: 'hourly', perHour: 20 } })],
        stages: [annotate('annotator', 0.01)],
        preLabels,
        costs: { platformPerSeatMonth: 0, seats: null, managementPerWeek: 0, fixed: [], priceChanges },
      });
    expect(simulateReplication(m([]), 1, 0).costByActivity[Activity.retraining]).toBe(300);
    expect(simulateReplication(m([{ activity: 'retraining', fromHours: 9, toHours: Infinity, factor: 2 }]), 1, 0).costByActivity[Activity.retraining]).toBe(600);
    expect(simulateReplication(m([{ activity: 'retraining', fromHours: 11, toHours: Infinity, factor: 2 }]), 1, 0).costByActivity[Activity.retraining]).toBe(300);
    expect(simulateReplication(m([{ activity: 'retraining', fromHours: 0, toHours: 9, factor: 2 }]), 1, 0).costByActivity[Activity.retraining]).toBe(300);
  });

  it('integrates a time-driven price over its segments, and prices an instant by the changes covering it', () => {
    const clock = { now: 0 };
    const d = new DatedPrices([{ activity: 'platform', fromHours: 10, toHours: 20, factor: 3 }, { activity: 'platform', fromHours: 15, toHours: Infinity, factor: 0.5 }], ['annotation', 'platform'], clock);
    // 10 h at 1, 5 at 3, 5 at 1.5, 10 at 0.5.
    expect(d.pricedHours(1, 30)).toBe(10 + 15 + 7.5 + 5);
    expect(d.pricedHours(1, 12)).toBe(10 + 6);
    expect(d.pricedHours(0, 30)).toBe(30);
    expect([9.99, 10, 15, 20].map((t) => d.factorAt(1, t))).toEqual([1, 3, 1.5, 0.5]);
    clock.now = 16;
    expect(d.factorNow(1)).toBe(1.5);
    expect(d.factorNow(0)).toBe(1);
  });
});
