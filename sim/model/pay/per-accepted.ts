import { NO_PAY_TERMS, type PayTerms } from './pay-terms.js';

/** Outcome-based vendors: a fee per item accepted by the last review tier (and per review passed, for reviewers). */
export function perAccepted(pay: { perItem: number }): PayTerms {
  return { ...NO_PAY_TERMS, perAccepted: pay.perItem };
}
