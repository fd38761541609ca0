import { NO_PAY_TERMS, type PayTerms } from './pay-terms.js';

/** Contractors and vendors billing time: paid for the hours actually worked. */
export function hourly(pay: { perHour: number }): PayTerms {
  return { ...NO_PAY_TERMS, perHourWorked: pay.perHour };
}
