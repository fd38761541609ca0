import type { FlagRule } from './flag-rule.js';

/**
 * Gold audits with consequences at an annotate stage (its `goldShare` of served work is gold):
 * each gold answer is right or wrong by the person's error rate, a sequential rule flags a person
 * whose answers say their rate is too high, and the flag has a consequence. The gold set's
 * creation cost is a fixed cost of the model (the loader books it to `goldSet`).
 */
export interface GoldAuditConfig {
  rule: FlagRule;
  /** What a flag does, for people of every pool without an action of their own. */
  onFlag: FlagAction;
  /** By pool name: an action in place of `onFlag` for that pool's people (a vendor's are replaced, staff retrained). */
  onFlagByPool?: Record<string, FlagAction>;
}

export type FlagAction =
  /** The flag is counted; nothing else happens. */
  | { kind: 'none' }
  /** Off the queue for `hours` of their own shifts, paid (booked to gold), then back; their error rate times `errorFactor` from then on (each retraining multiplies again). */
  | { kind: 'retrain'; hours: number; errorFactor: number }
  /** Off the queue for good, unpaid from then on. */
  | { kind: 'remove' }
  /** Removed; a new person takes their place `hiringDelayHours` later, with the pool's ramp-up and learning curve from their own start and an error rate of their own. */
  | { kind: 'replace'; hiringDelayHours: number };
