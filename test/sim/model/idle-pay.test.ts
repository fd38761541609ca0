import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig, PayModel } from '../../../sim/model/config.js';
import { annotate, pool, smallCase, work } from './model-fixtures.js';

const RATE = 20;
const BATCH = 100;
const M = 0.01;

/**
 * Two people on Mon-Fri 09:00-17:00 UTC; 100 items of 0.01 h delivered at every midnight from
 * Monday 00:00 to Friday 00:00 (500 in all). Each morning the pair clears the batch in 0.5 h.
 */
function trickle(pay: PayModel): ModelConfig {
  return smallCase({
    work: [work(5 * BATCH, ['annotate'], { arrival: { kind: 'schedule', firstHours: 0, everyHours: 24, batch: BATCH } })],
    pools: [pool('team', 2, { pay })],
    stages: [annotate('team', M)],
  });
}

// Friday's batch arrives at t = 96 and is done at 09:00 + 100 x 0.01 h / 2 people = 09:30: t = 105.5.
const COMPLETION = 4 * 24 + 9.5;
// Scheduled up to then: Mon-Thu 4 x 8 h x 2 people + Friday 0.5 h x 2 people = 65 person-hours.
const SCHEDULED = 4 * 8 * 2 + 0.5 * 2;
// Worked: 500 items x 0.01 h = 5 h.
const WORKED = 5 * BATCH * M;

describe('a team with little work', () => {
  it('finishes on Friday at 09:30', () => {
    const r = simulateReplication(trickle({ kind: 'salaried', perHour: RATE }), 1, 0);
    expect(r.completionHours).toBe(COMPLETION);
    expect(r.busyHours[0]).toBeCloseTo(WORKED, 9);
    // Every evening the day's batch is done: 400, 300, 200, 100 remain after Monday to Thursday.
    expect(Array.from(r.remainingByDay.slice(0, 5))).toEqual([400, 300, 200, 100, 0]);
  });

  it('costs every scheduled hour when salaried, the unused ones as idle', () => {
    const r = simulateReplication(trickle({ kind: 'salaried', perHour: RATE }), 1, 0);
    expect(r.cost).toBeCloseTo(SCHEDULED * RATE, 9); // 65 x $20 = $1,300
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(WORKED * RATE, 9); // $100
    expect(r.costByActivity[Activity.idle]).toBeCloseTo((SCHEDULED - WORKED) * RATE, 9); // 60 x $20 = $1,200
    expect(r.utilization[0]).toBeCloseTo(WORKED / SCHEDULED, 9);
  });

  it('costs only the hours worked when paid hourly', () => {
    const r = simulateReplication(trickle({ kind: 'hourly', perHour: RATE }), 1, 0);
    expect(r.completionHours).toBe(COMPLETION);
    expect(r.cost).toBeCloseTo(WORKED * RATE, 9); // 5 h x $20 = $100
    expect(r.costByActivity[Activity.idle]).toBe(0);
  });

  it('costs a fee per label when paid per item, whatever the hours', () => {
    const r = simulateReplication(trickle({ kind: 'per-item', perItem: 0.15, penaltyPerError: 0 }), 1, 0);
    expect(r.cost).toBeCloseTo(5 * BATCH * 0.15, 9); // 500 x $0.15 = $75
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(75, 9);
  });

  it('costs a fee per accepted item when paid per accepted item', () => {
    const r = simulateReplication(trickle({ kind: 'per-accepted', perItem: 0.25 }), 1, 0);
    expect(r.cost).toBeCloseTo(5 * BATCH * 0.25, 9); // 500 x $0.25 = $125
  });

  it('pays salaried idle time at the deadline too: Wednesday 00:00 is 2 days x 16 h scheduled, 2 h worked', () => {
    const config = { ...trickle({ kind: 'salaried', perHour: RATE }), deadlineHours: 48 };
    const r = simulateReplication(config, 1, 0);
    // Monday and Tuesday: 2 days x 8 h x 2 people = 32 h paid, 200 items x 0.01 = 2 h of them worked.
    expect(r.acceptedByDeadline).toBe(2 * BATCH);
    expect(r.costAtDeadline).toBeCloseTo(32 * RATE, 9);
    expect(r.costByActivityAtDeadline[Activity.idle]).toBeCloseTo((32 - 2) * RATE, 9);
  });
});
