import { describe, expect, it } from 'vitest';
import { Activity } from '../../../../sim/model/activities.js';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import { activityNames } from '../../../../sim/model/activities.js';
import type { ModelConfig, SelectionConfig, TrainingConfig } from '../../../../sim/model/config.js';
import { labelsFor } from '../../../../sim/training/learning-curve.js';
import { annotate, pool, roundTheClock, smallCase, work } from '../model-fixtures.js';

/*
 * The model being trained, in deterministic mode, against hand computations. One hourly annotator
 * who is always on shift labels items of 0.25 h (exact in binary, so times add up exactly) from
 * a pool of 10,000; the learning curve is acc(n) = 1 - n^-0.5, so acc(100) = 0.9, acc(400) = 0.95,
 * and the target 94.9% needs labelsFor = (1 / 0.051)^2 = 384.5 effective labels.
 */
const HANDLING = 0.25;
const RATE = 20;
const CURVE = { a: 1, b: 1, c: 0.5 };
const TARGET = 0.949;

function training(selection: SelectionConfig, overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    workType: 'items',
    curve: { kind: 'fixed', curve: CURVE },
    classes: 2,
    selection,
    retrain: { hours: 10, compute: 50, engineerHours: 2, engineerPerHour: 100 },
    assist: null,
    synthetic: null,
    validation: 0,
    ...overrides,
  };
}

function project(t: TrainingConfig, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return smallCase({
    horizonHours: 2000,
    work: [work(10_000, ['annotate'], { name: 'items' })],
    pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate: 0, pay: { kind: 'hourly', perHour: RATE } })],
    stages: [annotate('annotator', HANDLING)],
    target: { accuracy: TARGET },
    training: t,
    ...overrides,
  });
}

const random = (batch: number): SelectionConfig => ({ kind: 'random', batch });
const active = (seed: number, batch: number, efficiency: number): SelectionConfig => ({
  kind: 'active',
  seed,
  batch,
  efficiency,
  hardHandling: 1,
  hardError: 1,
  hardModelAccuracy: 1,
});

describe('an accuracy target with random sampling', () => {
  it('needs the labels the learning curve gives, to the next batch', () => {
    expect(labelsFor(CURVE, TARGET)).toBeCloseTo(1 / 0.051 ** 2, 9);
    // Retrains every 100 labels: the model on 400 labels is the first at or above 94.9%.
    const r = simulateReplication(project(training(random(100))), 1, 0);
    expect(r.labelsToTarget).toBe(400);
  });

  it('takes the hand-computed time and cost: retrains while labelling goes on', () => {
    // 100 labels every 25 h. Retrains start at 25, 50, 75 and 100 h (100, 200, 300, 400 labels),
    // each deployed 10 h later with acc = 0.9, 0.9293, 0.9423, 0.95: the target is reached at 110 h,
    // when 439 labels are in (the 39 labelled during the last retrain were not needed; the 440th
    // ends at the same instant, after the evaluation scheduled before it, which ends the project).
    const r = simulateReplication(project(training(random(100))), 1, 0);
    expect(r.completed).toBe(true);
    expect(r.completionHours).toBe(110);
    expect(r.firstModelHours).toBe(35);
    expect(r.accepted).toBe(439);
    expect(r.retrains).toBe(4);
    expect(r.modelAccuracy).toBeCloseTo(0.95, 12);
    const names = activityNames(project(training(random(100))));
    // Paid for 110 h worked; each retrain costs 50 of compute and 2 engineer hours at 100.
    expect(r.costByActivity[Activity.annotation]).toBe(110 * RATE);
    expect(r.costByActivity[Activity.retraining]).toBe(4 * 50);
    expect(r.costByActivity[names.indexOf('engineering')]).toBe(4 * 2 * 100);
    expect(r.cost).toBe(110 * RATE + 4 * 50 + 4 * 200);
  });

  it('records the cost so far at each day end, ending at the total cost', () => {
    const r = simulateReplication(project(training(random(100))), 1, 0);
    // Days 1-4 end at 24, 48, 72, 96 h: hourly pay for the 96 tasks a day begun by then (the day's end comes before
    // the task that starts at that instant), and the retrains begun by then (at 25, 50 and 75 h, 250 each).
    expect(Array.from(r.costByDay.subarray(0, 4))).toEqual([24 * RATE, 48 * RATE + 250, 72 * RATE + 2 * 250, 96 * RATE + 3 * 250]);
    expect(r.costByDay[r.costByDay.length - 1]).toBeCloseTo(r.cost, 2);
    expect(r.accuracyByDay[0]).toBe(0);
    expect(r.accuracyByDay[1]).toBe(0.9);
  });

  it('never finishes when the pool runs out first: the replication is censored', () => {
    // 300 items give at most acc(300) = 0.942 < 94.9%.
    const r = simulateReplication(project(training(random(100)), { work: [work(300, ['annotate'], { name: 'items' })] }), 1, 0);
    expect(r.completed).toBe(false);
    expect(Number.isNaN(r.labelsToTarget)).toBe(true);
    expect(r.retrains).toBe(3);
    expect(r.modelAccuracy).toBeCloseTo(1 - 1 / Math.sqrt(300), 12);
  });

  it('holds out the validation set: its labels are labelled and paid for but not trained on', () => {
    const r = simulateReplication(project(training(random(100), { validation: 60 })), 1, 0);
    // The first 60 accepted items are held out: training labels reach 100 at 160 items (40 h).
    expect(r.firstModelHours).toBe(50);
    expect(r.labelsToTarget).toBe(400);
  });
});

describe('active learning', () => {
  it('needs fewer labels by its efficiency and waits for each batch: the hand computation', () => {
    // Seed 100 random labels (25 h), retrain 10 h; then batches of 50 chosen labels, each worth 2:
    // effective labels 100, 200, 300, 400 after 0, 1, 2, 3 batches. Each batch takes 12.5 h and
    // is released only when the retrain before it is deployed, so the target is reached at
    // 25 + 10 + 3 x (12.5 + 10) = 102.5 h with 250 labels, where random sampling needed 400.
    const r = simulateReplication(project(training(active(100, 50, 2))), 1, 0);
    expect(r.completionHours).toBe(102.5);
    expect(r.labelsToTarget).toBe(250);
    expect(r.accepted).toBe(250);
    expect(r.retrains).toBe(4);
    // Labelling waited for three batches, 10 h each.
    expect(r.batchWaitHours).toBe(30);
    expect(r.busyHours[0]).toBe(250 * HANDLING);
  });

  it('labels S + (N - S) / e items where random sampling labels N, when batches are small', () => {
    // With batches of 1 the count is exact: random needs ceil(384.5) = 385 effective labels.
    const randomR = simulateReplication(project(training(random(1), { retrain: { hours: 0, compute: 0, engineerHours: 0, engineerPerHour: 0 } })), 1, 0);
    expect(randomR.labelsToTarget).toBe(385);
    const e = 2.5;
    const activeR = simulateReplication(project(training(active(100, 1, e), { retrain: { hours: 0, compute: 0, engineerHours: 0, engineerPerHour: 0 } })), 1, 0);
    expect(activeR.labelsToTarget).toBe(100 + Math.ceil((385 - 100) / e));
  });

  it('needs fewer labels than random sampling by its efficiency in random mode too, within sampling error', () => {
    // 5% label errors and random handling times: both strategies need (1 - 2 x 0.05)^-2 more
    // effective labels, so active's chosen labels are random's beyond the seed, over e.
    const noisy = (s: SelectionConfig, r: number) =>
      simulateReplication(
        project(training(s, { retrain: { hours: 1, compute: 0, engineerHours: 0, engineerPerHour: 0 } }), {
          deterministic: false,
          pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate: 0.05, pay: { kind: 'hourly', perHour: RATE } })],
        }),
        3,
        r,
      ).labelsToTarget;
    const reps = Array.from({ length: 12 }, (_, r) => r);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const randomMean = mean(reps.map((r) => noisy(random(5), r)));
    const activeMean = mean(reps.map((r) => noisy(active(100, 5, 2), r)));
    const expected = 100 + (randomMean - 100) / 2;
    // Batches of 5 overshoot by at most 5 labels each way; the noise share varies a little.
    expect(Math.abs(activeMean - expected)).toBeLessThan(0.03 * expected + 5);
    expect(randomMean).toBeGreaterThan(385 / 0.81 - 20);
  });

  it('leaves salaried annotators idle while they wait: large batches and slow retrains show as idle pay', () => {
    const salaried = (hours: number) =>
      simulateReplication(
        project(training(active(100, 50, 2), { retrain: { hours, compute: 0, engineerHours: 0, engineerPerHour: 0 } }), {
          pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate: 0, pay: { kind: 'salaried', perHour: RATE } })],
        }),
        1,
        0,
      );
    const fast = salaried(1);
    const slow = salaried(40);
    expect(slow.batchWaitHours).toBe(3 * 40);
    expect(fast.batchWaitHours).toBe(3 * 1);
    // Idle paid time is the shift time not worked: here the retrains (the labels are the same).
    expect(slow.costByActivity[Activity.idle]).toBe(4 * 40 * RATE);
    expect(fast.costByActivity[Activity.idle]).toBe(4 * 1 * RATE);
  });

  it('gives chosen items their harder handling and error rate, not the seed batch', () => {
    const hard: SelectionConfig = { ...active(100, 50, 2), hardHandling: 2 } as SelectionConfig;
    const r = simulateReplication(project(training(hard)), 1, 0);
    // 100 seed labels at 0.25 h, then 150 chosen ones at 0.5 h.
    expect(r.busyHours[0]).toBe(100 * HANDLING + 150 * 2 * HANDLING);
  });
});

describe('label noise', () => {
  it('costs the training set (1 - 2 x noise)^2 of its size on a two-class task', () => {
    // 10% of labels wrong and nothing reviews them: 400 labels count as 400 x 0.8^2 = 256, so the
    // 94.9% target needs 385 / 0.64 = 601.6 labels: the model on 700 is the first to reach it.
    const noisy = project(training(random(100)), {
      pools: [pool('annotator', 1, { shifts: [roundTheClock(1)], errorRate: 0.1, pay: { kind: 'hourly', perHour: RATE } })],
    });
    const r = simulateReplication(noisy, 1, 0);
    expect(r.labelsToTarget).toBe(700);
  });
});

describe('a synthetic supplement', () => {
  it('counts each synthetic example at its weight and charges for generating it', () => {
    // Half of the examples synthetic at weight 0.5: n real labels are worth 1.5 n, so 300 real
    // labels (450 effective) reach the target where 400 were needed; 300 synthetic examples at 0.1.
    const r = simulateReplication(project(training(random(100), { synthetic: { share: 0.5, weight: 0.5, costPerExample: 0.1 } })), 1, 0);
    expect(r.labelsToTarget).toBe(300);
    const names = activityNames(project(training(random(100))));
    expect(r.costByActivity[names.indexOf('synthetic')]).toBeCloseTo(300 * 0.1, 9);
  });
});

describe('continuous operation: retrain cycles after the first model', () => {
  it('labels again after each drift until a retrained model is back at the target: the hand computation', () => {
    // Random sampling is metered in continuous operation: 200 items let in at the start, 100 more at
    // each retrain. The first model at the target is deployed at 110 h (as without cycles); no item
    // is let in after it, so the 600 let in are labelled by 150 h (two more retrains, on labels in
    // flight). The cycle starts 200 h after the first target, at 310 h: drift halves the set's value
    // (600 labels count as 300: acc = 0.942), 200 items are let in, and the retrain at 400 labels
    // (335 h) is deployed at 345 h with acc(400) = 0.95: the programme ends there.
    const cycles = project(training(random(100), { cycles: { count: 1, everyHours: 200, drift: 0.5 } }));
    const r = simulateReplication(cycles, 1, 0);
    expect(r.targetHours).toBe(110);
    expect(r.completionHours).toBe(345);
    expect(r.retrains).toBe(7);
    // By the first target: 440 tasks begun (110 h at 20/h) and 4 retrains at 250 each.
    expect(r.targetCost).toBe(110 * RATE + 4 * 250);
    // The cycle: 140 tasks begun from 310 h to 345 h, and its one retrain.
    expect(r.cycleCost).toBe(35 * RATE + 250);
    expect(r.cost).toBe(740 * HANDLING * RATE + 7 * 250);
    expect(r.cycleCost / r.targetCost).toBeCloseTo(950 / 3200, 12);
  });

  it('has no cycle cost without cycles, and the first target is the completion', () => {
    const r = simulateReplication(project(training(random(100))), 1, 0);
    expect(r.targetHours).toBe(r.completionHours);
    expect(Number.isNaN(r.cycleCost)).toBe(true);
  });
});
