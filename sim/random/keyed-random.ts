import { streamKey, type RandomSource } from './stream.js';

/**
 * Counter-based random numbers: a uniform is a hash of (stream key, k1, k2, k3, counter), in
 * the spirit of Random123 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11).
 *
 * Why: the draws that belong to an item (its handling time at a stage, whether its label is
 * wrong, whether review catches it) must not depend on the order in which events happen to
 * consume a sequential stream. Keyed to the item, plan A and plan B at the same replication see
 * the same items with the same difficulties (common random numbers), even though the plans
 * serve them in different orders.
 *
 * `at(k1, k2, k3)` positions the generator; the returned source then yields the 1st, 2nd, ...
 * draw of that key, so d3-random samplers that consume several uniforms (polar normal, gamma)
 * work unchanged.
 */
export class KeyedRandom {
  private readonly key: number;
  /** Hash of (key, k1, k2, k3) for the current position: each draw then costs one more mix. */
  private base = 0;
  private counter = 0;
  /** Draws uniforms for the current position; pass it to d3-random's `.source()`. */
  readonly source: RandomSource;

  constructor(seed: number | string, replication: number, purpose: string) {
    this.key = streamKey(seed, replication, purpose);
    this.source = () => this.next();
  }

  /** Positions the generator at key (k1, k2, k3) and returns the source; non-negative integers expected. */
  at(k1: number, k2 = 0, k3 = 0): RandomSource {
    let h = mix(this.key ^ Math.imul(k1 | 0, 0x9e3779b1));
    h = mix(h ^ Math.imul((k2 | 0) + 0x7f4a7c15, 0x85ebca77));
    this.base = mix(h ^ Math.imul((k3 | 0) + 0x2545f491, 0xc2b2ae3d));
    this.counter = 0;
    return this.source;
  }

  /**
   * Positions the generator at a four-word key. Three-word keys hash exactly as `at` always has
   * (so published figures stand); the fourth word is one more mixing round on top.
   */
  at4(k1: number, k2: number, k3: number, k4: number): RandomSource {
    this.at(k1, k2, k3);
    this.base = mix(this.base ^ Math.imul((k4 | 0) + 0x1b873593, 0xcc9e2d51));
    return this.source;
  }

  /**
   * One uniform in [0, 1) for key (k1, k2, k3): the first draw of `at(k1, k2, k3)`, computed in
   * one piece (NOTE: speed: yes/no outcomes call this once per label and review), leaving the
   * generator where `at` and one draw would.
   */
  uniform(k1: number, k2 = 0, k3 = 0): number {
    let h = mix(this.key ^ Math.imul(k1 | 0, 0x9e3779b1));
    h = mix(h ^ Math.imul((k2 | 0) + 0x7f4a7c15, 0x85ebca77));
    h = mix(h ^ Math.imul((k3 | 0) + 0x2545f491, 0xc2b2ae3d));
    this.base = h;
    this.counter = 1;
    return (mix(h ^ FIRST_DRAW) >>> 0) * 2.3283064365386963e-10;
  }

  // 32 random bits per draw (2^32 distinct values), far finer than any probability or duration
  // this model resolves; 1 - u is never 0, so logarithms of it stay finite.
  private next(): number {
    const h = mix(this.base ^ Math.imul(this.counter++ + 0x165667b1, 0x27d4eb2f));
    return (h >>> 0) * 2.3283064365386963e-10;
  }
}

/** The counter word of a position's first draw (counter 0), as `next` mixes it. */
const FIRST_DRAW = Math.imul(0 + 0x165667b1, 0x27d4eb2f);

/** MurmurHash3's 32-bit finaliser (Appleby): full avalanche, so neighbouring keys give unrelated outputs. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}
