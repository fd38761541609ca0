import { describe, expect, it } from 'vitest';
import { activityNames } from '../../../sim/model/activities.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig, PilotConfig } from '../../../sim/model/config.js';
import { annotate, crew, EVERY_DAY, eightWeekCase, pool } from './model-fixtures.js';

/**
 * Two annotators round the clock give each item two labels of 1 h each (one item an hour), an
 * adjudicator settles disagreements at once (0 h, never wrong): a pilot round of 10 items ends
 * exactly 10 h after it starts, and 100 items take 100 h of labelling.
 */
function piloted(errorRate: number, pilot: Partial<PilotConfig>): ModelConfig {
  const always = { shifts: [crew(2, 'UTC', '00:00', '24:00', EVERY_DAY)], pay: { kind: 'hourly' as const, perHour: 20 } };
  return eightWeekCase({
    horizonHours: 20 * 168,
    deadlineHours: null,
    work: [{ name: 'images', count: 100, arrival: { kind: 'backlog' }, complexity: 1, equivalentUnits: 1, workflow: ['annotate'], classes: { names: ['car', 'truck', 'bus'], prevalence: [0.6, 0.3, 0.1], confusion: 'uniform' } }],
    pools: [pool('annotators', 2, { ...always, errorRate }), pool('adjudicators', 1, { ...always, shifts: [crew(1, 'UTC', '00:00', '24:00', EVERY_DAY)] })],
    stages: [annotate('annotators', 1, { labels: 2, adjudication: 'adjudicate' }), annotate('adjudicators', 0, { name: 'adjudicate' })],
    pilot: { type: 0, batch: 10, agreement: 0.9, maxRounds: 5, revisionHours: 168, revisionCost: 1000, errorFactor: 0, ...pilot },
  });
}

describe('a pilot gate', () => {
  it('lets the bulk in once the first batch agrees well enough: no revision, no delay', () => {
    const r = simulateReplication(piloted(0, {}), 1, 0);
    expect(Array.from(r.pilotRounds)).toEqual([1]);
    expect(Array.from(r.pilotOpenHours)).toEqual([10]);
    expect(Array.from(r.pilotAgreement)).toEqual([1]);
    expect(Array.from(r.pilotPassed)).toEqual([1]);
    expect(Array.from(r.pilotRevisionCost)).toEqual([0]);
    expect(r.completionHours).toBe(100);
  });

  it('revises the guidelines between rounds, at their time and money, and measures each round on its own labels', () => {
    // Round 1: 30% of 20 labels wrong, so at most 7 of 10 items agree (< 90%). A week's revision
    // ($1,000) makes labels right (errorFactor 0): round 2 runs from 178 h to 188 h and agrees
    // fully, though the two rounds together would not. The other 80 items then take 80 h.
    const config = piloted(0.3, {});
    const r = simulateReplication(config, 1, 0);
    expect(Array.from(r.pilotRounds)).toEqual([2]);
    expect(Array.from(r.pilotOpenHours)).toEqual([10 + 168 + 10]);
    expect(Array.from(r.pilotAgreement)).toEqual([1]);
    expect(Array.from(r.pilotPassed)).toEqual([1]);
    expect(Array.from(r.pilotRevisionCost)).toEqual([1000]);
    expect(r.costByActivity[activityNames(config).indexOf('guidelineRevisions')]).toBe(1000);
    expect(r.completionHours).toBe(188 + 80);
    // After the revision nobody errs: the only wrong labels are round 1's 6.
    expect(r.errorsMade).toBe(6);
  });

  it('lets the bulk in after the last round allowed, whatever the agreement, and says it did not pass', () => {
    // Revisions that change nothing: three rounds of 10 h with two weeks of revision between them.
    const r = simulateReplication(piloted(0.3, { errorFactor: 1, maxRounds: 3 }), 1, 0);
    expect(Array.from(r.pilotRounds)).toEqual([3]);
    expect(Array.from(r.pilotOpenHours)).toEqual([3 * 10 + 2 * 168]);
    expect(r.pilotAgreement[0]).toBeLessThan(0.9);
    expect(Array.from(r.pilotPassed)).toEqual([0]);
    expect(Array.from(r.pilotRevisionCost)).toEqual([2000]);
    expect(r.completionHours).toBe(366 + 70);
  });

  it('in random mode measures what consensus labels agree on: about (1 - e)^2 + e^2 sum q^2 of pairs', () => {
    // e = 0.2, three classes, uniform confusion (q = 1/2 each): P(agree) = 0.64 + 0.04 x 0.5 = 0.66.
    const config = { ...piloted(0.2, { batch: 2000, agreement: 0.99, maxRounds: 1 }), deterministic: false };
    config.work = [{ ...config.work[0]!, count: 4000 }];
    const values = [0, 1, 2, 3].map((rep) => simulateReplication(config, 3, rep).pilotAgreement[0]!);
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    // 8,000 pairs: a standard error of sqrt(0.66 x 0.34 / 8000) = 0.0053.
    expect(Math.abs(mean - 0.66)).toBeLessThan(0.02);
  });
});
