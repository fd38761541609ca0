import { NO_PAY_TERMS, type PayTerms } from './pay-terms.js';

/** In-house staff: paid for every scheduled shift hour, busy, idle or absent. */
export function salaried(pay: { perHour: number }): PayTerms {
  return { ...NO_PAY_TERMS, perHourWorked: pay.perHour, paysIdleTime: true };
}
