import type { PriceChange } from '../config.js';

/**
 * Prices besides pay that change by date (a platform or API price change), per cost line: a
 * charge booked at an instant (a retrain, engineer hours, synthetic examples) is priced at the
 * factor of that instant; a time-driven cost (platform seats, management) is charged for every
 * hour at the factor of that hour, so up to t it costs its rate times the integral of the factor.
 * Overlapping changes of one price multiply. Built only when a file sets changes: the ledger's
 * plain path does not ask.
 */
export class DatedPrices {
  /** Per activity: the changes of its price, or null when it has none. */
  private readonly changes: Array<PriceChange[] | null>;

  constructor(
    changes: ReadonlyArray<PriceChange>,
    activityNames: ReadonlyArray<string>,
    private readonly clock: { readonly now: number },
  ) {
    this.changes = activityNames.map((name) => {
      const own = changes.filter((c) => c.activity === name);
      return own.length === 0 ? null : own;
    });
  }

  /** What a charge booked on `activity` at time t is multiplied by. */
  factorAt(activity: number, t: number): number {
    const own = this.changes[activity];
    if (own === null) return 1;
    let f = 1;
    for (const c of own) if (c.fromHours <= t && t < c.toHours) f *= c.factor;
    return f;
  }

  /** The factor of a charge booked now. */
  factorNow(activity: number): number {
    return this.changes[activity] === null ? 1 : this.factorAt(activity, this.clock.now);
  }

  /** Hours from 0 to t, each weighted by the price factor of `activity` then: t when its price never changes. */
  pricedHours(activity: number, t: number): number {
    const own = this.changes[activity];
    if (own === null || t <= 0) return Math.max(0, t);
    const cuts = new Set<number>([0, t]);
    for (const c of own) for (const x of [c.fromHours, c.toHours]) if (x > 0 && x < t) cuts.add(x);
    const bounds = [...cuts].sort((a, b) => a - b);
    let hours = 0;
    for (let i = 0; i + 1 < bounds.length; i++) hours += (bounds[i + 1] - bounds[i]) * this.factorAt(activity, bounds[i]);
    return hours;
  }
}
