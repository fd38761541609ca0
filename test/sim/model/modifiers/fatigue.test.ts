import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import type { ModelConfig, PoolConfig, PreLabelConfig } from '../../../../sim/model/config.js';
import type { Recorder } from '../../../../sim/model/recorder.js';
import { annotate, crew, pool, smallCase, work } from '../model-fixtures.js';

/** Tasks as they start and labels as they are submitted, with the hour of the 09:00-17:00 UTC shift they fall in. */
class ShiftHours implements Recorder {
  readonly starts: Array<{ into: number; hours: number }> = [];
  readonly labels: Array<{ into: number; wrong: boolean }> = [];
  private finishedAt = 0;
  taskStarted(_s: number, _st: number, _a: number, _p: number, _person: number, hours: number, _g: number, now: number): void {
    this.starts.push({ into: intoShift(now), hours });
  }
  taskFinished(_s: number, _st: number, _a: number, _p: number, _person: number, now: number): void {
    this.finishedAt = now;
  }
  labelled(_serial: number, _pool: number, wrong: boolean): void {
    this.labels.push({ into: intoShift(this.finishedAt), wrong });
  }
  reviewed(): void {}
  accepted(): void {}
  retrainStarted(_now: number): void {}
  busy(): void {}
}

/** Hours since 09:00 of the day (the shift's opening), for a time within a shift. */
const intoShift = (t: number) => (((t % 24) + 24) % 24) - 9;

function project(over: Partial<PoolConfig>, items: number, handling: number, deterministic: boolean, people = 1, preLabels: PreLabelConfig | null = null): ModelConfig {
  return smallCase({
    preLabels,
    deterministic,
    horizonHours: 40 * 168,
    work: [work(items)],
    pools: [pool('annotators', people, { shifts: [crew(people, 'UTC', '09:00', '17:00')], pay: { kind: 'hourly', perHour: 20 }, ...over })],
    stages: [annotate('annotators', handling)],
  });
}

describe('fatigue', () => {
  it('stretches a task by pacePerHour for every hour into the shift beyond `after`, read when it starts', () => {
    const record = new ShiftHours();
    simulateReplication(project({ fatigue: { afterHours: 4, pacePerHour: 0.1, errorPerHour: 0 } }, 200, 0.25, true), 1, 0, { recorder: record });
    expect(record.starts.length).toBe(200);
    for (const s of record.starts) expect(s.hours).toBeCloseTo(0.25 * (1 + 0.1 * Math.max(0, s.into - 4)), 12);
    // Some tasks start tired, some rested.
    expect(record.starts.some((s) => s.into > 5)).toBe(true);
    expect(record.starts.some((s) => s.into < 4)).toBe(true);
  });

  it('raises the error rate of late-shift labels by the configured amount (within sampling error)', () => {
    const record = new ShiftHours();
    const over = { errorRate: 0.1, fatigue: { afterHours: 4, pacePerHour: 0, errorPerHour: 0.25 } };
    simulateReplication(project(over, 30_000, 0.02, false, 3), 11, 0, { recorder: record });
    const share = (xs: Array<{ wrong: boolean }>) => xs.filter((x) => x.wrong).length / xs.length;
    const rested = record.labels.filter((l) => l.into < 4);
    const late = record.labels.filter((l) => l.into > 6);
    // Rested labels keep the pool's 10%; from 6 h to 8 h into the shift the rate is 10% x (1 + 0.25 x (h - 4)): 17.5% on average.
    const expectedLate = late.reduce((sum, l) => sum + 0.1 * (1 + 0.25 * (l.into - 4)), 0) / late.length;
    expect(expectedLate).toBeCloseTo(0.175, 2);
    expect(Math.abs(share(rested) - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / rested.length));
    expect(Math.abs(share(late) - expectedLate)).toBeLessThan(4 * Math.sqrt((expectedLate * (1 - expectedLate)) / late.length));
  });

  it('changes nothing for a pool without it: the same replication as before', () => {
    const plain = simulateReplication(project({ errorRate: 0.05 }, 2000, 0.05, false), 3, 0);
    const none = simulateReplication(project({ errorRate: 0.05, fatigue: { afterHours: 0, pacePerHour: 0, errorPerHour: 0 } }, 2000, 0.05, false), 3, 0);
    expect(none.completionHours).toBe(plain.completionHours);
    expect(none.accurate).toBe(plain.accurate);
  });
});

/** A model deployed after 50 accepted items and 1 h of training, whose pre-labels change nothing by themselves (factors of 1). */
const neutralPreLabels: PreLabelConfig = {
  firstRetrainAfter: 50,
  retrainEvery: 1_000_000,
  retrainHours: 1,
  retrainCost: 0,
  handlingFactor: 1,
  errorFactor: 1,
  improvement: 1,
  handlingFloor: 1,
  errorFloor: 1,
};

describe('pre-labels damping fatigue', () => {
  it('remove preLabelDamping of the slowdown on tasks started once a model is deployed, and none before', () => {
    let deployedAt = Infinity;
    const starts: Array<{ at: number; into: number; hours: number }> = [];
    class Starts extends ShiftHours {
      override taskStarted(_s: number, _st: number, _a: number, _p: number, _person: number, hours: number, _g: number, now: number): void {
        starts.push({ at: now, into: intoShift(now), hours });
      }
      override retrainStarted(now: number): void {
        deployedAt = now + neutralPreLabels.retrainHours;
      }
    }
    const over = { fatigue: { afterHours: 4, pacePerHour: 0.1, errorPerHour: 0 }, preLabelDamping: 0.5 };
    simulateReplication(project(over, 400, 0.25, true, 1, neutralPreLabels), 1, 0, { recorder: new Starts() });
    expect(Number.isFinite(deployedAt)).toBe(true);
    const before = starts.filter((s) => s.at < deployedAt);
    const after = starts.filter((s) => s.at >= deployedAt);
    for (const s of before) expect(s.hours).toBeCloseTo(0.25 * (1 + 0.1 * Math.max(0, s.into - 4)), 12);
    // Half of the 10% per hour remains: 0.25 x (1 + 0.05 x (h - 4)).
    for (const s of after) expect(s.hours).toBeCloseTo(0.25 * (1 + 0.05 * Math.max(0, s.into - 4)), 12);
    expect(after.filter((s) => s.into > 5).length).toBeGreaterThan(20);
    expect(before.filter((s) => s.into > 5).length).toBeGreaterThan(5);
  });

  it('halve the extra errors of late-shift labels at 50% damping (within sampling error)', () => {
    const record = new ShiftHours();
    const over = { errorRate: 0.1, fatigue: { afterHours: 4, pacePerHour: 0, errorPerHour: 0.25 }, preLabelDamping: 0.5 };
    // The model is deployed after the first 50 of 30,000 labels: nearly every label is shown a pre-label.
    simulateReplication(project(over, 30_000, 0.02, false, 3, neutralPreLabels), 11, 0, { recorder: record });
    const late = record.labels.filter((l) => l.into > 6);
    const expectedLate = late.reduce((sum, l) => sum + 0.1 * (1 + 0.5 * 0.25 * (l.into - 4)), 0) / late.length;
    expect(expectedLate).toBeCloseTo(0.1375, 2);
    const share = late.filter((l) => l.wrong).length / late.length;
    expect(Math.abs(share - expectedLate)).toBeLessThan(4 * Math.sqrt((expectedLate * (1 - expectedLate)) / late.length) + 50 / late.length);
  });

  it('leave drift undamped on a pool without preLabelDamping', () => {
    const plain = simulateReplication(project({ drift: { pacePerWeek: 0.05, errorPerWeek: 0 } }, 800, 0.25, true, 1, neutralPreLabels), 1, 0);
    const zero = simulateReplication(project({ drift: { pacePerWeek: 0.05, errorPerWeek: 0 }, preLabelDamping: 0 }, 800, 0.25, true, 1, neutralPreLabels), 1, 0);
    const damped = simulateReplication(project({ drift: { pacePerWeek: 0.05, errorPerWeek: 0 }, preLabelDamping: 1 }, 800, 0.25, true, 1, neutralPreLabels), 1, 0);
    const none = simulateReplication(project({}, 800, 0.25, true, 1, neutralPreLabels), 1, 0);
    expect(zero.completionHours).toBe(plain.completionHours);
    // Full damping removes drift once the model is in: the project ends between no drift and full drift.
    expect(damped.completionHours).toBeLessThan(plain.completionHours);
    expect(damped.completionHours).toBeGreaterThanOrEqual(none.completionHours);
  });
});

describe('drift over the weeks of a project', () => {
  it('multiplies handling time by (1 + pacePerWeek) per week, compounding', () => {
    const start: number[] = [];
    class Ratios extends ShiftHours {
      override taskStarted(_s: number, _st: number, _a: number, _p: number, _person: number, hours: number, _g: number, now: number): void {
        start.push(hours / (0.25 * Math.pow(0.9, now / 168)));
      }
    }
    // 400 tasks of 0.25 h at 8 h a weekday take about 2.5 weeks: people get 10% faster each week.
    simulateReplication(project({ drift: { pacePerWeek: -0.1, errorPerWeek: 0 } }, 400, 0.25, true), 1, 0, { recorder: new Ratios() });
    expect(start.length).toBe(400);
    for (const ratio of start) expect(ratio).toBeCloseTo(1, 12);
  });
});
