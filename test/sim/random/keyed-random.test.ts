import { describe, expect, it } from 'vitest';
import { KeyedRandom } from '../../../sim/random/keyed-random.js';
import { chiSquareQuantile, chiSquareUniformStatistic } from '../../support/statistics.js';

describe('keyed random numbers', () => {
  it('give the same value for the same key', () => {
    const r = new KeyedRandom(42, 0, 'difficulty');
    const first = r.uniform(17, 3, 1);
    r.uniform(5);
    r.uniform(17, 3, 2);
    expect(r.uniform(17, 3, 1)).toBe(first);
    expect(new KeyedRandom(42, 0, 'difficulty').uniform(17, 3, 1)).toBe(first);
  });

  it('do not depend on the order in which keys are drawn', () => {
    const keys: Array<[number, number, number]> = [];
    for (let item = 0; item < 40; item++) for (let stage = 0; stage < 3; stage++) keys.push([item, stage, item % 2]);
    const forward = new KeyedRandom(9, 2, 'handling');
    const inOrder = new Map(keys.map((k) => [k.join(','), forward.uniform(...k)]));
    // A fixed shuffle (a stride coprime to the key count) of the same keys on a fresh generator.
    const shuffled = new KeyedRandom(9, 2, 'handling');
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i * 37) % keys.length];
      expect(shuffled.uniform(...k)).toBe(inOrder.get(k.join(',')));
    }
  });

  it('give each key its own sequence of draws through at(), restarting whenever the key is set again', () => {
    const r = new KeyedRandom(1, 0, 'gamma');
    const a = r.at(3, 1);
    const first = [a(), a(), a()];
    expect(new Set(first).size).toBe(3);
    expect(first[0]).toBe(r.uniform(3, 1));
    r.at(4, 1)();
    const again = r.at(3, 1);
    expect([again(), again(), again()]).toEqual(first);
  });

  it('give different values for a different key component, purpose, replication or seed', () => {
    const r = new KeyedRandom(42, 0, 'difficulty');
    const v = r.uniform(10, 20, 30);
    expect(r.uniform(11, 20, 30)).not.toBe(v);
    expect(r.uniform(10, 21, 30)).not.toBe(v);
    expect(r.uniform(10, 20, 31)).not.toBe(v);
    expect(r.uniform(20, 10, 30)).not.toBe(v);
    expect(new KeyedRandom(42, 0, 'errors').uniform(10, 20, 30)).not.toBe(v);
    expect(new KeyedRandom(42, 1, 'difficulty').uniform(10, 20, 30)).not.toBe(v);
    expect(new KeyedRandom(43, 0, 'difficulty').uniform(10, 20, 30)).not.toBe(v);
  });

  it('yield uniforms that pass a chi-square test at the 1% level along each key component and the draw counter', () => {
    const bins = 100;
    const n = 200_000;
    const critical = chiSquareQuantile(0.99, bins - 1);
    const r = new KeyedRandom(11, 0, 'chi-square');
    const lanes: Array<[string, (i: number) => number]> = [
      ['k1', (i) => r.uniform(i)],
      ['k2', (i) => r.uniform(7, i)],
      ['k3', (i) => r.uniform(7, 7, i)],
      ['counter', (() => {
        const source = r.at(7, 7, 7);
        return () => source();
      })()],
    ];
    for (const [lane, draw] of lanes) {
      const counts = new Float64Array(bins);
      let min = 1;
      let max = 0;
      for (let i = 0; i < n; i++) {
        const u = draw(i);
        min = Math.min(min, u);
        max = Math.max(max, u);
        counts[Math.floor(u * bins)]++;
      }
      expect(min >= 0 && max < 1, `lane ${lane} in [0, 1)`).toBe(true);
      expect(chiSquareUniformStatistic(counts), `lane ${lane}`).toBeLessThan(critical);
    }
  });

  it('yield uniforms for neighbouring keys that are not correlated in consecutive pairs (chi-square at 1%)', () => {
    const r = new KeyedRandom(11, 1, 'pairs');
    const cells = new Float64Array(100);
    for (let i = 0; i < 200_000; i++) {
      const u = r.uniform(i);
      const v = r.uniform(i + 1);
      cells[Math.floor(u * 10) * 10 + Math.floor(v * 10)]++;
    }
    expect(chiSquareUniformStatistic(cells)).toBeLessThan(chiSquareQuantile(0.99, 99));
  });
});
