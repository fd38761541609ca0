import { NO_PAY_TERMS, type PayTerms } from './pay-terms.js';

/** Piece rate: a fee per submitted label or review (rework included), less a penalty per error found. */
export function perItem(pay: { perItem: number; penaltyPerError: number }): PayTerms {
  return { ...NO_PAY_TERMS, perTask: pay.perItem, penaltyPerError: pay.penaltyPerError };
}
