import { describe, expect, it } from 'vitest';
import { openHoursBetween } from '../../../sim/calendar/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import { confidenceInterval, covers } from '../../support/statistics.js';
import { annotate, calendarOf, crew, EVERY_DAY, pool, review, smallCase, work } from './model-fixtures.js';

/** Everything random at once: handling, errors, review sampling, rework, absences, paces, learning. */
function busyRandomCase(): ModelConfig {
  return smallCase({
    deterministic: false,
    work: [work(400, ['annotate', 'review'])],
    pools: [
      pool('annotators', 4, { errorRate: 0.08, absenceRate: 0.1, speedCv: 0.3, learning: { initialFactor: 1.5, halfLifeItems: 50 } }),
      pool('reviewers', 1, { pay: { kind: 'hourly', perHour: 30 } }),
    ],
    stages: [
      annotate('annotators', 0.05, { handling: { kind: 'gamma', mean: 0.05, cv: 0.6 }, goldShare: 0.05 }),
      review('reviewers', 0.01, { handling: { kind: 'exponential', mean: 0.01 }, sampleRate: 0.5, detection: 0.8, falseReject: 0.05 }),
    ],
  });
}

describe('a replication in random mode', () => {
  it('is a pure function of (config, seed, replication): every field repeats', () => {
    const a = simulateReplication(busyRandomCase(), 42, 3);
    const b = simulateReplication(busyRandomCase(), 42, 3);
    expect(b).toEqual(a);
    // toEqual on typed arrays compares element by element; check every key is there too.
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const key of Object.keys(a) as Array<keyof typeof a>) expect(b[key], key).toEqual(a[key]);
  });

  it('differs from another replication of the same seed', () => {
    const a = simulateReplication(busyRandomCase(), 42, 3);
    const b = simulateReplication(busyRandomCase(), 42, 4);
    expect(b.completionHours).not.toBe(a.completionHours);
    expect(b.busyHours[0]).not.toBe(a.busyHours[0]);
    expect(b.cost).not.toBe(a.cost);
  });

  it('differs from the same replication of another seed', () => {
    const a = simulateReplication(busyRandomCase(), 42, 3);
    const b = simulateReplication(busyRandomCase(), 43, 3);
    expect(b.busyHours[0]).not.toBe(a.busyHours[0]);
  });
});

describe('absences', () => {
  // Five people every day 09:00-17:00; 8,000 items of 0.05 h = 400 person-hours = 80 shift hours
  // of the crew with everyone present. Items fit a shift exactly (160 per person), so none is left
  // paused with a person who then misses the next shift.
  const shifts = crew(5, 'UTC', '09:00', '17:00', EVERY_DAY);
  const withAbsence = (absenceRate: number, deterministic: boolean) =>
    smallCase({
      deterministic,
      work: [work(8000)],
      pools: [pool('annotators', 5, { shifts: [shifts], absenceRate })],
      stages: [annotate('annotators', 0.05)],
    });
  const calendar = calendarOf(withAbsence(0, true), shifts);

  it('take no one away in deterministic mode: 80 shift hours', () => {
    const r = simulateReplication(withAbsence(0.2, true), 1, 0);
    expect(openHoursBetween(calendar, 0, r.completionHours)).toBe(400 / 5);
  });

  it('at 20% stretch the shift hours to completion by about 1 / (1 - 0.2): 80 -> 100', () => {
    const hours: number[] = [];
    for (let rep = 0; rep < 40; rep++) hours.push(openHoursBetween(calendar, 0, simulateReplication(withAbsence(0.2, false), 7, rep).completionHours));
    const ci = confidenceInterval(hours);
    expect(covers(ci, 80 / (1 - 0.2))).toBe(true);
    expect(ci.halfWidth).toBeLessThan(5);
  });

  it('cost salaried pay all the same: the absent are paid for their shifts', () => {
    const r = simulateReplication(withAbsence(0.2, false), 7, 0);
    // Paid = 5 people x the crew's shift hours up to completion, at $20.
    expect(r.cost).toBeCloseTo(5 * openHoursBetween(calendar, 0, r.completionHours) * 20, 6);
    expect(r.busyHours[0]).toBeCloseTo(400, 6);
  });
});

describe('a spread of personal speeds (speedCv 0.3)', () => {
  const N = 2000;
  const M = 0.05;
  const spread = (headcount: number) =>
    smallCase({
      deterministic: false,
      horizonHours: 52 * 168,
      work: [work(N)],
      pools: [pool('annotators', headcount, { speedCv: 0.3 })],
      stages: [annotate('annotators', M)],
    });

  it('keeps the mean busy hours of one person doing all the work at N m = 100 h', () => {
    // Busy hours = N m x pace, and paces have mean 1: sd 30 h a replication. 400 replications and
    // a 99.9% band (z = 3.29): with dozens of fixed-seed interval checks in the suite, each must
    // rarely be the unlucky one when a random stream changes.
    const busy: number[] = [];
    for (let rep = 0; rep < 400; rep++) busy.push(simulateReplication(spread(1), 9, rep).busyHours[0]);
    const mean = busy.reduce((a, b) => a + b, 0) / busy.length;
    const sd = Math.sqrt(busy.reduce((a, b) => a + (b - mean) ** 2, 0) / (busy.length - 1));
    const half = (3.29 * sd) / Math.sqrt(busy.length);
    expect(Math.abs(mean - N * M)).toBeLessThan(half);
    expect(half).toBeLessThan(6);
  });

  it('lowers the busy hours of ten people sharing a backlog towards N m / (1 + cv^2), as fast people take more items', () => {
    // All ten work until the end, each finishing items at rate 1 / (m pace): the total busy time
    // H T solves N = T sum(1 / (m pace)), and E[1 / pace] = 1 + cv^2 for a lognormal of mean 1,
    // so busy hours ~ N m / (1 + 0.09) = 91.7 h, not 100.
    const busy: number[] = [];
    for (let rep = 0; rep < 40; rep++) busy.push(simulateReplication(spread(10), 9, rep).busyHours[0]);
    const ci = confidenceInterval(busy);
    expect(ci.upper).toBeLessThan(N * M);
    expect(Math.abs(ci.mean - (N * M) / (1 + 0.3 ** 2))).toBeLessThan(ci.halfWidth + 0.02 * N * M);
  });
});
