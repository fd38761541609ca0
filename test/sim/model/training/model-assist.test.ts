import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import type { AssistConfig, ModelConfig, TrainingConfig } from '../../../../sim/model/config.js';
import { annotate, pool, roundTheClock, smallCase, work } from '../model-fixtures.js';

/*
 * Pre-labels from the model being trained. The curve is flat at 80% (b is negligible), so every
 * model's pre-labels are right 80% of the time; the first model is trained on the first 100
 * labels and deployed 10 h after the 100th (25 h), at 35 h, when the 140th label is in.
 */
const HANDLING = 0.25;
const ASSIST: AssistConfig = { verify: 0.25, correct: 1, automationBias: 0.5, errorWhenRight: 1 };

function project(assist: AssistConfig | null, deterministic: boolean, curveA = 0.8, errorRate = 0): ModelConfig {
  const training: TrainingConfig = {
    workType: 'items',
    curve: { kind: 'fixed', curve: { a: curveA, b: 1e-9, c: 1 } },
    classes: 2,
    selection: { kind: 'random', batch: 100 },
    retrain: { hours: 10, compute: 0, engineerHours: 0, engineerPerHour: 0 },
    assist,
    synthetic: null,
    validation: 0,
  };
  return smallCase({
    deterministic,
    horizonHours: 5000,
    work: [work(2000, ['annotate'], { name: 'items' })],
    pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate, pay: { kind: 'hourly', perHour: 20 } })],
    stages: [annotate('annotator', HANDLING)],
    training,
  });
}

describe('model-assisted labelling', () => {
  it('verifies right pre-labels fast, corrects wrong ones at full cost, and accepts half the wrong ones as they are', () => {
    const r = simulateReplication(project(ASSIST, true), 1, 0);
    // 140 labels before the first model; of the 1,860 after, 80% right pre-labels (verified at
    // 0.25 of the time), 10% wrong and accepted (verified, and wrong), 10% wrong and corrected.
    const assisted = 1860;
    const acceptedWrong = r.accepted - r.accurate;
    expect(Math.abs(acceptedWrong - 0.1 * assisted)).toBeLessThanOrEqual(1);
    const expectedHours = 140 * HANDLING + assisted * (0.9 * 0.25 * HANDLING + 0.1 * HANDLING);
    expect(Math.abs(r.busyHours[0] - expectedHours)).toBeLessThanOrEqual(2 * HANDLING);
  });

  it('gives no pre-labels without a model: the same project without assist takes the full time', () => {
    const r = simulateReplication(project(null, true), 1, 0);
    expect(r.busyHours[0]).toBe(2000 * HANDLING);
    expect(r.accurate).toBe(2000);
  });

  it('lowers the annotator\'s own errors by errorWhenRight on right pre-labels', () => {
    const careless = (errorWhenRight: number) => simulateReplication(project({ ...ASSIST, automationBias: 0, errorWhenRight }, true, 0.8, 0.1), 1, 0);
    const plain = careless(1);
    const checked = careless(0);
    // 140 unassisted labels and 1,860 assisted; 10% of labels wrong. With errorWhenRight 0 only the
    // unassisted and the corrected (20% of assisted) can be wrong: 10% of 140 + 372.
    expect(plain.accepted - plain.accurate).toBe(200);
    expect(checked.accepted - checked.accurate).toBe(Math.round(0.1 * (140 + 0.2 * 1860)));
  });

  it('is right as often as the model is accurate, in random mode (within sampling error)', () => {
    let wrong = 0;
    let assisted = 0;
    for (let rep = 0; rep < 5; rep++) {
      const r = simulateReplication(project({ ...ASSIST, automationBias: 1 }, false), 7, rep);
      wrong += r.accepted - r.accurate;
      assisted += 1860;
    }
    // Every wrong pre-label is accepted: residual errors are the wrong pre-labels, 20% of 9,300.
    const share = wrong / assisted;
    const se = Math.sqrt((0.2 * 0.8) / assisted);
    expect(Math.abs(share - 0.2)).toBeLessThan(4 * se);
  });

  it('speeds labelling up as the model improves: a more accurate model verifies more', () => {
    const weak = simulateReplication(project(ASSIST, true, 0.6), 1, 0);
    const strong = simulateReplication(project(ASSIST, true, 0.95), 1, 0);
    expect(strong.busyHours[0]).toBeLessThan(weak.busyHours[0]);
    expect(strong.accepted - strong.accurate).toBeLessThan(weak.accepted - weak.accurate);
  });
});
