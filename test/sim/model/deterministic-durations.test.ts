import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { annotate, crew, EVERY_DAY, pool, roundTheClock, smallCase, work } from './model-fixtures.js';

/**
 * Deterministic mode must reproduce hand arithmetic for durations that no binary or decimal time
 * grid holds exactly (25 min = 0.41666... h, 0.1 s = 1/36,000 h, arrivals at 7/h): a chain of
 * such jobs that ends on a shift close by hand must end on it in the simulation too.
 */
function oneStage(count: number, hours: number, crews: ModelConfig['pools'][number]['shifts'], deadlineHours: number | null): ModelConfig {
  return smallCase({
    deadlineHours,
    work: [work(count)],
    pools: [pool('agents', 0, { shifts: crews })],
    stages: [annotate('agents', hours)],
  });
}

describe('25-minute cases, 9 agents on a 09:00-14:30 weekday shift', () => {
  // 5 shifts of 5.5 h = 27.5 h = 66 cases of 25 min: each agent's 66th case ends as Friday's shift closes.
  const config = oneStage(600, 25 / 60, [crew(9, 'UTC', '09:00', '14:30')], 168);
  const r = simulateReplication(config, 1, 0);

  it('does 9 x 66 = 594 by a deadline at the end of the week, not 585', () => {
    expect(r.acceptedByDeadline).toBe(594);
  });

  it('does the other 6 in Monday’s first 25 minutes', () => {
    expect(r.accepted).toBe(600);
    expect(r.completionHours).toBeCloseTo(168 + 9 + 25 / 60, 9);
  });

  it('does the 594 by a deadline at Friday’s close itself (t = 4 x 24 + 14.5 h)', () => {
    const atClose = simulateReplication(oneStage(600, 25 / 60, [crew(9, 'UTC', '09:00', '14:30')], 4 * 24 + 14.5), 1, 0);
    expect(atClose.acceptedByDeadline).toBe(594);
  });
});

describe('other durations that are not whole nanohours', () => {
  it('fits 480 jobs of 13 minutes into 13 shifts of 8 h, finishing as the 13th closes (Wednesday of week 3, 17:00)', () => {
    // 13 x 480 min = 480 x 13 min: the jobs line up with a shift close only after 13 shifts.
    const r = simulateReplication(oneStage(480, 13 / 60, [crew(1)], 2 * 168 + 2 * 24 + 17), 1, 0);
    expect(r.completionHours).toBe(2 * 168 + 2 * 24 + 17);
    expect(r.acceptedByDeadline).toBe(480);
  });

  it('fits 36,000 jobs of 0.1 s into each one-hour shift: 72,000 are done as Tuesday 10:00 closes', () => {
    const r = simulateReplication(oneStage(72_000, 0.1 / 3600, [crew(1, 'UTC', '09:00', '10:00', EVERY_DAY)], 24 + 10), 1, 0);
    expect(r.completionHours).toBe(24 + 10);
    expect(r.acceptedByDeadline).toBe(72_000);
  });

  it('accepts all 70 items arriving at 7/h by a deadline at 10 h, the last at 10 h exactly', () => {
    const config = smallCase({
      deadlineHours: 10,
      work: [work(70, ['annotate'], { arrival: { kind: 'poisson', perHour: 7 } })],
      pools: [pool('agents', 0, { shifts: [roundTheClock(1)] })],
      stages: [annotate('agents', 0)],
    });
    const r = simulateReplication(config, 1, 0);
    expect(r.acceptedByDeadline).toBe(70);
    expect(r.completionHours).toBe(10);
  });
});
