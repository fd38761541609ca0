/**
 * What a pool's pay model charges, as the numbers the cost ledger and the item flow read on
 * every task. Each pay model (one file in this folder) turns its config into these terms once,
 * when a model is built; nothing downstream asks which pay model a pool has.
 */
export interface PayTerms {
  /** Price of an hour worked, by activity (0 for pools paid by the piece). */
  perHourWorked: number;
  /** Whether scheduled hours that work did not use are paid too, as idle time, at `perHourWorked`. */
  paysIdleTime: boolean;
  /** A fee per task finished (a submitted label or a review), rework included. */
  perTask: number;
  /** A fee per item accepted: to the labeller's pool at acceptance, to a reviewer's for each review passed. */
  perAccepted: number;
  /** Charged back to the labeller's pool once for each wrong label a review tier finds. */
  penaltyPerError: number;
}

export const NO_PAY_TERMS: PayTerms = { perHourWorked: 0, paysIdleTime: false, perTask: 0, perAccepted: 0, penaltyPerError: 0 };
