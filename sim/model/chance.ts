import type { KeyedRandom } from '../random/keyed-random.js';

/**
 * Yes/no outcomes (a label is wrong, a tier samples an item, review catches an error).
 *
 * Random mode: a keyed uniform below p, keyed to the item so plans share outcomes (common
 * random numbers). Deterministic mode: the share is applied as an exact fraction with a running
 * credit (p = 0.05 says yes to exactly every 20th call), so known-answer cases come out to the item.
 */
export class Chance {
  private credit = 0;

  constructor(
    private readonly random: KeyedRandom | null,
    private readonly purpose: number,
  ) {}

  /** True with probability p for the outcome keyed by (k1, k2). */
  happens(p: number, k1: number, k2: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    if (this.random === null) {
      this.credit += p;
      // A small tolerance keeps sums like 50 x 0.02 from falling a rounding error short of 1.
      if (this.credit >= 1 - 1e-9) {
        this.credit -= 1;
        return true;
      }
      return false;
    }
    return this.random.uniform(k1, k2, this.purpose) < p;
  }
}
