import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../../sim/model/annotation-model.js';
import { PersonDraws } from '../../../../sim/model/draw-keys.js';
import { PersonAccuracy } from '../../../../sim/model/modifiers/person-accuracy.js';
import type { Recorder } from '../../../../sim/model/recorder.js';
import { annotate, pool, roundTheClock, smallCase, work } from '../model-fixtures.js';

describe("people's own accuracy", () => {
  it('are all alike in deterministic mode: nothing is drawn', () => {
    const config = smallCase({ work: [work(1000)], pools: [pool('annotators', 4, { shifts: [roundTheClock(4)], errorRate: 0.1, errorSpread: 0.6 })], stages: [annotate('annotators', 0.01)] });
    const plain = smallCase({ work: [work(1000)], pools: [pool('annotators', 4, { shifts: [roundTheClock(4)], errorRate: 0.1 })], stages: [annotate('annotators', 0.01)] });
    expect(simulateReplication(config, 1, 0).accurate).toBe(simulateReplication(plain, 1, 0).accurate);
  });

  it('draws a factor of mean 1 and the stated spread per person, keyed to the person', () => {
    const pools = [pool('a', 2000, { errorSpread: 0.5 })];
    const factors = new PersonAccuracy(pools, [2000], new PersonDraws(1, 0));
    const xs = Array.from({ length: 2000 }, (_, k) => factors.factorOf(0, k));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - 1)).toBeLessThan(4 * (0.5 / Math.sqrt(2000)));
    expect(Math.abs(sd / mean - 0.5)).toBeLessThan(0.05);
    // A team of 10 draws the same factors for its first people as a team of 2,000.
    const small = new PersonAccuracy([pool('a', 10, { errorSpread: 0.5 })], [10], new PersonDraws(1, 0));
    for (let k = 0; k < 10; k++) expect(small.factorOf(0, k)).toBe(factors.factorOf(0, k));
  });

  it("makes each person's labels wrong at the pool's rate times their factor (within sampling error)", () => {
    const wrong = new Map<number, number>();
    const labels = new Map<number, number>();
    let person = -1;
    const recorder = {
      taskStarted() {},
      taskFinished(_s: number, _st: number, _a: number, _p: number, who: number) {
        person = who;
      },
      labelled(_s: number, _p: number, isWrong: boolean) {
        labels.set(person, (labels.get(person) ?? 0) + 1);
        if (isWrong) wrong.set(person, (wrong.get(person) ?? 0) + 1);
      },
      reviewed() {},
      accepted() {},
      retrainStarted() {},
      busy() {},
    } satisfies Recorder;
    const config = smallCase({
      deterministic: false,
      horizonHours: 5000,
      work: [work(40_000)],
      pools: [pool('annotators', 4, { shifts: [roundTheClock(4)], errorRate: 0.1, errorSpread: 0.6 })],
      stages: [annotate('annotators', 0.01)],
    });
    simulateReplication(config, 9, 2, { recorder });
    const factors = new PersonAccuracy(config.pools, [4], new PersonDraws(9, 2));
    for (let k = 0; k < 4; k++) {
      const p = Math.min(1, 0.1 * factors.factorOf(0, k));
      const n = labels.get(k)!;
      expect(Math.abs((wrong.get(k) ?? 0) / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
    // They differ: a spread of 0.6 seldom draws four people alike.
    const rates = [0, 1, 2, 3].map((k) => factors.factorOf(0, k));
    expect(Math.max(...rates) / Math.min(...rates)).toBeGreaterThan(1.2);
  });
});
