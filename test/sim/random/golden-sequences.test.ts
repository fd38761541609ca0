import { describe, expect, it } from 'vitest';
import { sampler, type Distribution } from '../../../sim/random/distribution.js';
import { KeyedRandom } from '../../../sim/random/keyed-random.js';
import { randomStream, streamKey } from '../../../sim/random/stream.js';

/**
 * Golden values: the first numbers of the random streams, pinned. Every figure labelsim prints
 * derives from these; an upgrade of seedrandom, an edit of the mixing function or of a key's
 * layout would change them all silently. If one of these fails, the change is deliberate or a
 * bug: every published result (README figures included) moves with it.
 */
describe('the random streams, pinned', () => {
  it('give the same first draws of a sequential stream (seedrandom Alea from "labelsim/<seed>/<replication>/<purpose>")', () => {
    const s = randomStream(20270405, 0, 'arrivals');
    expect([s(), s(), s(), s()]).toEqual([0.9113971383776516, 0.9654737326782197, 0.6848048071842641, 0.7992225873749703]);
    expect(streamKey(20270405, 3, 'handling')).toBe(3199864733);
  });

  it('give the same keyed uniforms for the same keys, and the same sequence after positioning', () => {
    const k = new KeyedRandom(20270405, 0, 'handling');
    expect([k.uniform(0), k.uniform(1), k.uniform(0, 1), k.uniform(0, 0, 1), k.uniform(499999, 2, 7)]).toEqual([
      0.5809522995259613, 0.17815744318068027, 0.10221624909900129, 0.7911780278664082, 0.1446196862962097,
    ]);
    const src = k.at(5, 1);
    expect([src(), src(), src()]).toEqual([0.8606920992024243, 0.3685119729489088, 0.5502613591961563]);
  });

  it('give the same keyed lognormal and gamma draws (inverse normal CDF of one uniform)', () => {
    const k = new KeyedRandom(7, 1, 'handling');
    const lognormal = sampler({ kind: 'lognormal', mean: 0.01, cv: 0.35 }, k.source, { keyed: true });
    const gamma = sampler({ kind: 'gamma', mean: 0.01, cv: 0.6 }, k.source, { keyed: true });
    const out: number[] = [];
    for (let i = 0; i < 3; i++) (k.at(i), out.push(lognormal()));
    for (let i = 0; i < 3; i++) (k.at(i, 1), out.push(gamma()));
    expect(out).toEqual([0.011207644184250494, 0.00839307017016136, 0.009561106579876593, 0.008978515996178212, 0.01636131660885979, 0.006118406405134843]);
  });
});

describe('keyed lognormal and gamma draws', () => {
  // One draw per key, as the model draws an item's handling time: the moments of the family.
  it.each<[string, Distribution]>([
    ['lognormal(mean 2, cv 0.35)', { kind: 'lognormal', mean: 2, cv: 0.35 }],
    ['lognormal(mean 0.5, cv 1.2)', { kind: 'lognormal', mean: 0.5, cv: 1.2 }],
    ['gamma(mean 2, cv 0.5)', { kind: 'gamma', mean: 2, cv: 0.5 }],
    ['gamma(mean 2, cv 1.5), shape below 1', { kind: 'gamma', mean: 2, cv: 1.5 }],
  ])('have the mean and coefficient of variation of %s', (_name, d) => {
    const k = new KeyedRandom(2027, 0, 'moments');
    const draw = sampler(d, k.source, { keyed: true });
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      k.at(i, 3);
      const x = draw();
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
    const { mean: mu, cv } = d as { mean: number; cv: number };
    // The sample mean lies within 4 standard errors of the true mean; the CV within 4% of it
    // (the CV's standard error at this n is under 1% for these families).
    expect(Math.abs(mean - mu)).toBeLessThan((4 * mu * cv) / Math.sqrt(n));
    expect(Math.abs(sd / mean - cv) / cv).toBeLessThan(0.04);
  });
});
