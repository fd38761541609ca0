/**
 * Yes/no outcomes in deterministic mode: a share applied as an exact fraction with a running
 * credit (p = 0.05 says yes to exactly every 20th call), so known-answer cases come out to the
 * item. Random mode draws a keyed uniform instead (draw-keys.ts); the callers pick one or the other.
 *
 * Credits are periodic, and two periodic choices of the same period would pick the same (or never
 * the same) items: a 5% review sample would find all or none of 5% errors. So a caller can name a
 * stratum (say, whether the label is wrong) with a credit of its own: a 5% sample then takes
 * exactly 5% of the wrong labels and 5% of the right ones, as independence would.
 */
export class ExactShare {
  private readonly credit: Float64Array;

  /** `phase` tells unrelated shares apart: each starts at its own point of a golden-ratio Weyl sequence. */
  constructor(phase: number, strata = 1) {
    // Counts stay exact: n calls at share p say yes floor(start + n p) times.
    this.credit = new Float64Array(strata).fill((phase * 0.6180339887498949) % 1);
  }

  /** Yes for the calls that complete a whole unit of credit; for 0 < p < 1. */
  take(p: number, stratum = 0): boolean {
    const credit = this.credit[stratum] + p;
    // A small tolerance keeps sums like 50 x 0.02 from falling a rounding error short of 1.
    if (credit >= 1 - 1e-9) {
      this.credit[stratum] = credit - 1;
      return true;
    }
    this.credit[stratum] = credit;
    return false;
  }
}

/** Whether a share settles an outcome without a draw: never below 0, always from 1 on. */
export function settled(p: number): boolean {
  return p <= 0 || p >= 1;
}
