import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { hasFinishLine } from '../../../sim/model/stopping-rule.js';
import { eightWeekCase, roundTheClock, pool, work } from './model-fixtures.js';

describe('a project with a target of N accepted items', () => {
  it('is done at the N-th acceptance: 320,000 of the 500,000 frames take exactly the eight weeks', () => {
    // 10 people x 100 frames an hour x 8 h = 8,000 frames a working day: 40 working days, ending
    // on the Friday of week 8 at 17:00 (t = 7 x 168 + 4 x 24 + 17 = 1,289 h).
    const r = simulateReplication(eightWeekCase({ target: { accepted: 320_000 } }), 1, 0);
    expect(r.completed).toBe(true);
    expect(r.completionHours).toBe(1289);
    expect(r.accepted).toBe(320_000);
    expect(r.acceptedByDeadline).toBe(320_000);
  });

  it('burns down from the target, not from the whole backlog', () => {
    const r = simulateReplication(eightWeekCase({ target: { accepted: 320_000 } }), 1, 0);
    expect(r.remainingByDay[0]).toBe(320_000 - 8_000);
    expect(r.remainingByDay[r.remainingByDay.length - 1]).toBe(0);
  });

  it('gives open-ended arrivals a finish line: 100 items of a stream at 2 an hour, served at once', () => {
    const config = eightWeekCase({
      work: [work(0, ['annotate'], { count: null, arrival: { kind: 'poisson', perHour: 2 } })],
      pools: [pool('annotators', 1, { shifts: [roundTheClock(1)] })],
      target: { accepted: 100 },
    });
    const r = simulateReplication(config, 1, 0);
    // Deterministic arrivals at k / 2 h, each labelled in 0.01 h: the 100th is done at 50.01 h.
    expect(r.completionHours).toBeCloseTo(50.01, 9);
    expect(r.accepted).toBe(100);
  });

  it('without a target, runs until every item is accepted, as before', () => {
    expect(simulateReplication(eightWeekCase(), 1, 0).completionHours).toBe(2077);
  });
});

describe('a finish line', () => {
  it('is there when every work type has a count, or when a target is set; an open stream has none', () => {
    const stream = work(0, ['annotate'], { count: null, arrival: { kind: 'poisson', perHour: 2 } });
    expect(hasFinishLine({ work: [work(10)] })).toBe(true);
    expect(hasFinishLine({ work: [stream] })).toBe(false);
    expect(hasFinishLine({ work: [stream], target: { accepted: 100 } })).toBe(true);
  });
});
