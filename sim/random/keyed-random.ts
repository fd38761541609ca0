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
  private k1 = 0;
  private k2 = 0;
  private k3 = 0;
  private counter = 0;
  /** Draws uniforms for the current position; pass it to d3-random's `.source()`. */
  readonly source: RandomSource;

  constructor(seed: number | string, replication: number, purpose: string) {
    this.key = streamKey(seed, replication, purpose);
    this.source = () => this.next();
  }

  /** Positions the generator at key (k1, k2, k3) and returns the source; non-negative integers expected. */
  at(k1: number, k2 = 0, k3 = 0): RandomSource {
    this.k1 = k1 | 0;
    this.k2 = k2 | 0;
    this.k3 = k3 | 0;
    this.counter = 0;
    return this.source;
  }

  /** One uniform in [0, 1) for key (k1, k2, k3). */
  uniform(k1: number, k2 = 0, k3 = 0): number {
    this.at(k1, k2, k3);
    return this.next();
  }

  private next(): number {
    const c = this.counter++;
    // One 32-bit hash, spread over a double's 53 bits by a second mix: 2^32 distinct values per
    // draw, far finer than any probability or duration this model resolves.
    let h = mix(this.key ^ Math.imul(this.k1, 0x9e3779b1));
    h = mix(h ^ Math.imul(this.k2 + 0x7f4a7c15, 0x85ebca77));
    h = mix(h ^ Math.imul(this.k3 + 0x2545f491, 0xc2b2ae3d));
    h = mix(h ^ Math.imul(c + 0x165667b1, 0x27d4eb2f));
    const hi = h >>> 5; // 27 bits
    const lo = mix(h ^ 0x5bd1e995) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

/** MurmurHash3's 32-bit finaliser (Appleby): full avalanche, so neighbouring keys give unrelated outputs. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}
