import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import type { CrossCheckConfig, ModelConfig } from '../../../../sim/model/config.js';
import { annotate, pool, review, roundTheClock, smallCase, work } from '../model-fixtures.js';

/*
 * 10,000 items, 10% of labels wrong, an audit tier that samples nothing at random and catches
 * every wrong label it sees: what it sees is what a model of accuracy 90% routes to it. The model
 * disagrees with a right label when it is wrong itself (10%) and with a wrong label unless it is
 * wrong alike (1 - 0.1 x 0.5 = 95%).
 */
function project(crossCheck: CrossCheckConfig | null, deterministic: boolean): ModelConfig {
  return smallCase({
    deterministic,
    horizonHours: 5000,
    work: [work(10_000, ['annotate', 'review'])],
    pools: [pool('annotators', 4, { shifts: [roundTheClock(4)], errorRate: 0.1 }), pool('checkers', 2, { shifts: [roundTheClock(2)] })],
    stages: [annotate('annotators', 0.01), review('checkers', 0.005, { sampleRate: 0, detection: 1, action: 'audit', ...(crossCheck === null ? {} : { crossCheck }) })],
  });
}

const model90: CrossCheckConfig = { share: 1, sameMistake: 0.5, accuracy: 0.9, fromHours: 0 };

describe('model-confidence cross-checks', () => {
  it('route the labels the model disagrees with to review: 95% of the wrong ones and 10% of the right ones', () => {
    const r = simulateReplication(project(model90, true), 1, 0);
    expect(r.errorsMade).toBe(1000);
    expect(r.errorsFound).toBe(950);
    expect(r.served[1]).toBe(950 + 900);
    // Half the routed labels are wrong, against 10% of all labels: the enrichment a 90% model gives.
    expect(r.errorsFound / r.served[1]).toBeCloseTo(950 / 1850, 12);
  });

  it('route by keyed draws in random mode, within sampling error', () => {
    const r = simulateReplication(project(model90, false), 4, 1);
    const wrong = r.errorsMade;
    const right = r.accepted - wrong;
    const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(r.errorsFound / wrong - 0.95)).toBeLessThan(4 * se(0.95, wrong));
    expect(Math.abs((r.served[1] - r.errorsFound) / right - 0.1)).toBeLessThan(4 * se(0.1, right));
  });

  it('route nothing before the model exists, and nothing without a cross-check', () => {
    expect(simulateReplication(project(null, true), 1, 0).served[1]).toBe(0);
    const late = simulateReplication(project({ ...model90, fromHours: 10_000 }, true), 1, 0);
    expect(late.served[1]).toBe(0);
  });

  it('use the model trained on the labels when no accuracy is given', () => {
    const trained = project({ ...model90, accuracy: null }, true);
    trained.training = {
      workType: trained.work[0].name,
      curve: { kind: 'fixed', curve: { a: 0.9, b: 1e-9, c: 1 } },
      classes: 2,
      selection: { kind: 'random', batch: 5000 },
      retrain: { hours: 0.5, compute: 0, engineerHours: 0, engineerPerHour: 0 },
      assist: null,
      synthetic: null,
      validation: 0,
    };
    const r = simulateReplication(trained, 1, 0);
    // Nothing is routed before the first model (trained on 5,000 labels); after it, as a 90% model routes.
    expect(r.served[1]).toBeGreaterThan(0);
    expect(r.served[1]).toBeLessThan(1850 * 0.55);
  });
});
