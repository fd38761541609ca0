import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import type { ExchangeRatePath, ModelConfig, PayModel, PoolConfig } from '../../../../sim/model/config.js';
import { poolActivityNames } from '../../../../sim/model/activities.js';
import { annotate, pool, smallCase, work } from '../model-fixtures.js';

const WEEK = 168;

/**
 * Two people, Mon-Fri 09:00-17:00 UTC: 80 person-hours a week. 160 items of exactly 1 h: week 1
 * and week 2 each do 80 (a task never straddles a week: 8 fill a shift). Paid 100 PHP an hour.
 */
function team(pay: PayModel, fx: ExchangeRatePath, more: Partial<PoolConfig> = {}): ModelConfig {
  return smallCase({
    work: [work(160)],
    pools: [pool('manila', 2, { pay, currency: 'PHP', ...more })],
    stages: [annotate('manila', 1)],
    exchangeRates: { PHP: fx },
  });
}

const schedule: ExchangeRatePath = { kind: 'schedule', steps: [{ fromHours: 0, rate: 0.02 }, { fromHours: WEEK, rate: 0.025 }] };

describe('pay in a pool currency, reported in the experiment currency', () => {
  it('prices each week at its exchange rate: 80 h x 100 PHP x 0.02 + 80 h x 100 PHP x 0.025 = USD 360', () => {
    const r = simulateReplication(team({ kind: 'hourly', perHour: 100 }, schedule), 1, 0);
    expect(r.completionHours).toBe(WEEK + 4 * 24 + 17);
    expect(r.cost).toBe(360);
    expect(r.costByActivity[0]).toBe(360);
  });

  it('adds a raise by date on top: 10% from Wednesday of week 2 makes 160 + 80 + 48 x 100 x 0.025 x 1.1 = USD 372', () => {
    const raise = { payChanges: [{ fromHours: WEEK + 48, toHours: Infinity, factor: 1.1 }] };
    const r = simulateReplication(team({ kind: 'hourly', perHour: 100 }, schedule, raise), 1, 0);
    expect(r.cost).toBe(372);
    const lines = poolActivityNames(team({ kind: 'hourly', perHour: 100 }, schedule, raise));
    expect(r.costByPoolActivity[lines.indexOf('manila/annotation')]).toBeCloseTo(372, 9);
  });

  it('charges a piece rate at the rate of the day it is earned: 160 items x 50 PHP, half at 0.02 and half at 0.025 = USD 180', () => {
    const r = simulateReplication(team({ kind: 'per-item', perItem: 50, penaltyPerError: 0 }, schedule), 1, 0);
    expect(r.cost).toBe(180);
  });

  it('pays salaried idle time at the rate of the week it falls in', () => {
    // 8 items of 1 h arrive every midnight for 10 days (Monday of week 1 to Wednesday of week 2);
    // two salaried people clear each weekday's batch by 13:00, the weekend's on Monday by 15:00,
    // and finish on Wednesday of week 2 at 13:00. Week 1: 80 h scheduled, 40 worked, 40 idle at
    // 100 x 0.02; week 2: 40 scheduled to the end, all worked, at 100 x 0.025.
    const m = smallCase({
      work: [work(80, ['annotate'], { arrival: { kind: 'schedule', firstHours: 0, everyHours: 24, batch: 8 } })],
      pools: [pool('manila', 2, { pay: { kind: 'salaried', perHour: 100 }, currency: 'PHP' })],
      stages: [annotate('manila', 1)],
      exchangeRates: { PHP: schedule },
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.completionHours).toBe(WEEK + 48 + 13);
    expect(r.costByActivity[6]).toBe(40 * 100 * 0.02);
    expect(r.cost).toBe(40 * 100 * 0.02 + 40 * 100 * 0.02 + 40 * 100 * 0.025);
  });

  it('holds a fixed rate: pay in PHP at 0.0175 is pay in USD times 0.0175', () => {
    const r = simulateReplication(team({ kind: 'hourly', perHour: 100 }, { kind: 'fixed', rate: 0.0175 }), 1, 0);
    expect(r.cost).toBe(280);
  });
});

describe('an exchange rate as a seeded random walk', () => {
  const walk: ExchangeRatePath = { kind: 'random-walk', start: 0.02, volatility: 0.3 };
  const m = { ...team({ kind: 'hourly', perHour: 100 }, walk), deterministic: false };

  it('draws the same path for the same replication in any plan (common random numbers), another for the next', () => {
    const a = simulateReplication(m, 9, 0).cost;
    expect(simulateReplication(structuredClone(m), 9, 0).cost).toBe(a);
    expect(simulateReplication(m, 9, 1).cost).not.toBe(a);
  });

  it('keeps its expected rate at the start (no drift): the mean cost over replications is near 160 h x 100 x 0.02', () => {
    const costs = Array.from({ length: 200 }, (_, k) => simulateReplication(m, 3, k).cost);
    const mean = costs.reduce((s, x) => s + x, 0) / costs.length;
    const sd = Math.sqrt(costs.reduce((s, x) => s + (x - mean) ** 2, 0) / (costs.length - 1));
    expect(sd).toBeGreaterThan(0);
    expect(Math.abs(mean - 320)).toBeLessThan((3 * sd) / Math.sqrt(costs.length));
  });

  it('is flat in deterministic mode', () => {
    expect(simulateReplication({ ...m, deterministic: true }, 3, 0).cost).toBe(320);
  });
});
