import type { KeyedRandom } from '../random/keyed-random.js';

/**
 * Yes/no outcomes (a label is wrong, a tier samples an item, review catches an error).
 *
 * Random mode: a keyed uniform below p, keyed to the item so plans share outcomes (common
 * random numbers). Deterministic mode: the share is applied as an exact fraction with a running
 * credit (p = 0.05 says yes to exactly every 20th call), so known-answer cases come out to the item.
 *
 * Deterministic credits are periodic, and two periodic choices of the same period would pick the
 * same (or never the same) items: a 5% review sample would find all or none of 5% errors. So a
 * caller can name a stratum (say, whether the label is wrong) with a credit of its own: a 5% sample
 * then takes exactly 5% of the wrong labels and 5% of the right ones, as independence would.
 */
export class Chance {
  private readonly credit: Float64Array;

  constructor(
    private readonly random: KeyedRandom | null,
    private readonly purpose: number,
    strata = 1,
  ) {
    // Each purpose starts at a different phase (a golden-ratio Weyl sequence) so unrelated
    // choices do not line up. Counts stay exact: n calls at share p say yes floor(phase + n p) times.
    this.credit = new Float64Array(strata).fill((purpose * 0.6180339887498949) % 1);
  }

  /** True with probability p for the outcome keyed by (k1, k2); `stratum` selects the deterministic credit. */
  happens(p: number, k1: number, k2: number, stratum = 0): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    if (this.random === null) {
      const credit = this.credit[stratum] + p;
      // A small tolerance keeps sums like 50 x 0.02 from falling a rounding error short of 1.
      if (credit >= 1 - 1e-9) {
        this.credit[stratum] = credit - 1;
        return true;
      }
      this.credit[stratum] = credit;
      return false;
    }
    return this.random.uniform(k1, k2, this.purpose) < p;
  }

  /**
   * As `happens`, for an outcome keyed by three numbers (k3 < 2^19): purposes stay below 4,096
   * (256 stages x 16 kinds of outcome), so (k3, purpose) share the generator's third key.
   */
  happensFor(p: number, k1: number, k2: number, k3: number, stratum = 0): boolean {
    if (this.random === null || p <= 0 || p >= 1) return this.happens(p, k1, k2, stratum);
    return this.random.uniform(k1, k2, k3 * 4096 + this.purpose) < p;
  }
}
