import { describe, expect, it } from 'vitest';
import { randomStream, streamKey, streamLabel } from '../../../sim/random/stream.js';
import { chiSquareQuantile, chiSquareUniformStatistic } from '../../support/statistics.js';

function take(source: () => number, n: number): number[] {
  return Array.from({ length: n }, () => source());
}

describe('a random stream', () => {
  it('gives the same sequence for the same seed, replication and purpose', () => {
    expect(take(randomStream(42, 3, 'service'), 1_000)).toEqual(take(randomStream(42, 3, 'service'), 1_000));
    expect(take(randomStream('plan-a', 0, 'arrivals'), 100)).toEqual(take(randomStream('plan-a', 0, 'arrivals'), 100));
  });

  it('gives a different sequence for a different purpose, replication or seed', () => {
    const base = take(randomStream(42, 3, 'service'), 100);
    for (const other of [randomStream(42, 3, 'arrivals'), randomStream(42, 4, 'service'), randomStream(43, 3, 'service')]) {
      const xs = take(other, 100);
      expect(xs).not.toEqual(base);
      // Not merely shifted: no value of one sequence appears in the other.
      expect(xs.filter((x) => base.includes(x))).toEqual([]);
    }
  });

  it('is not shifted by drawing from a newly added purpose in between', () => {
    const alone = take(randomStream(7, 1, 'service'), 200);
    const service = randomStream(7, 1, 'service');
    const added = randomStream(7, 1, 'a-new-purpose');
    const interleaved: number[] = [];
    for (let i = 0; i < 200; i++) {
      take(added, i % 3);
      interleaved.push(service());
    }
    expect(interleaved).toEqual(alone);
  });

  it('yields numbers in [0, 1)', () => {
    const xs = take(randomStream(1, 0, 'range'), 100_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('yields uniforms that pass a chi-square test at the 1% level, singly and in consecutive pairs', () => {
    const bins = 100;
    const n = 200_000;
    const source = randomStream(11, 0, 'chi-square');
    const single = new Float64Array(bins);
    const pairs = new Float64Array(bins); // a 10 x 10 grid of consecutive pairs
    for (let i = 0; i < n; i++) {
      const u = source();
      const v = source();
      single[Math.floor(u * bins)]++;
      single[Math.floor(v * bins)]++;
      pairs[Math.floor(u * 10) * 10 + Math.floor(v * 10)]++;
    }
    const critical = chiSquareQuantile(0.99, bins - 1);
    expect(chiSquareUniformStatistic(single)).toBeLessThan(critical);
    expect(chiSquareUniformStatistic(pairs)).toBeLessThan(critical);
  });
});

describe('a stream key', () => {
  it('is a 32-bit unsigned integer, the same for the same triple and different otherwise', () => {
    const k = streamKey(42, 3, 'difficulty');
    expect(Number.isInteger(k) && k >= 0 && k < 2 ** 32).toBe(true);
    expect(streamKey(42, 3, 'difficulty')).toBe(k);
    expect(streamKey(42, 3, 'errors')).not.toBe(k);
    expect(streamKey(42, 4, 'difficulty')).not.toBe(k);
    expect(streamKey(41, 3, 'difficulty')).not.toBe(k);
  });

  it('derives streams from a label that names the seed, replication and purpose', () => {
    expect(streamLabel(42, 3, 'service')).toBe('labelsim/42/3/service');
    expect(streamLabel(1, 23, 'x')).not.toBe(streamLabel(12, 3, 'x'));
  });
});
