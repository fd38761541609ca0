import { describe, expect, it } from 'vitest';
import { Activity } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { annotate, pool, review, smallCase, work } from './model-fixtures.js';

const N = 200;
const M = 0.01;
const REWORK_FACTOR = 0.5;
const REVIEW_HOURS = 0.005;
const ESCALATION_HOURS = 0.05;

/** A reviewer who rejects every label (falseReject 1, no label wrong); items escalate after 2 failed reviews. */
function rejectEverything(escalation: string | null, horizonHours = 12 * 168): ModelConfig {
  return smallCase({
    horizonHours,
    work: [work(N, ['annotate', 'review'])],
    pools: [
      pool('annotators', 2, { pay: { kind: 'hourly', perHour: 20 } }),
      pool('reviewers', 1, { pay: { kind: 'hourly', perHour: 25 } }),
      pool('leads', 1, { pay: { kind: 'hourly', perHour: 50 } }),
    ],
    stages: [
      annotate('annotators', M, { maxAttempts: 2, escalation, reworkFactor: REWORK_FACTOR }),
      review('reviewers', REVIEW_HOURS, { falseReject: 1 }),
      annotate('leads', ESCALATION_HOURS, { name: 'escalate' }),
    ],
  });
}

describe('escalation after maxAttempts failed reviews', () => {
  const r = simulateReplication(rejectEverything('escalate'), 1, 0);

  it('escalates every item after its second rejection and then accepts it: no endless loop', () => {
    expect(r.completed).toBe(true);
    expect(r.accepted).toBe(N);
    // Two rejections per item: after the first pass and after the one rework.
    expect(r.reworks).toBe(2 * N);
    expect(r.served[2]).toBe(N);
    expect(r.busyHours[2]).toBeCloseTo(N * ESCALATION_HOURS, 9);
  });

  it('counts the passes: N first labels, N reworks, 2N reviews, N escalations', () => {
    expect(r.served[0]).toBe(2 * N);
    expect(r.served[1]).toBe(2 * N);
    expect(r.busyHours[0]).toBeCloseTo(N * M + N * M * REWORK_FACTOR, 9);
    expect(r.busyHours[1]).toBeCloseTo(2 * N * REVIEW_HOURS, 9);
  });

  it('costs each pass under its own activity', () => {
    expect(r.costByActivity[Activity.annotation]).toBeCloseTo(N * M * 20, 9); // $40
    expect(r.costByActivity[Activity.rework]).toBeCloseTo(N * M * REWORK_FACTOR * 20, 9); // $20
    expect(r.costByActivity[Activity.review]).toBeCloseTo(2 * N * REVIEW_HOURS * 25, 9); // $50
    expect(r.costByActivity[Activity.escalation]).toBeCloseTo(N * ESCALATION_HOURS * 50, 9); // $500
  });

  it('finds no errors: every rejection was a false one', () => {
    expect(r.errorsFound).toBe(0);
    expect(r.accurate).toBe(N);
  });
});

describe('without an escalation stage, a reviewer who rejects everything', () => {
  it('keeps the items looping until the horizon, which censors the run', () => {
    // Horizon one working day: 8 h of annotators and reviewer ping-ponging the same items.
    const r = simulateReplication(rejectEverything(null, 24), 1, 0);
    expect(r.completed).toBe(false);
    expect(r.completionHours).toBeNaN();
    expect(r.accepted).toBe(0);
    expect(r.reworks).toBeGreaterThan(N);
    expect(r.remainingByDay[0]).toBe(N);
  });
});
