import type { PricePath } from './price-path.js';

/**
 * The hours of pools whose pay moves (pay changes by date, a foreign currency), kept per segment
 * of their price path so each hour is priced at the factor of the segment it was booked in; the
 * ledger asks it for those pools only, so fixed-price pools keep the plain path.
 */
export class MovingPrices {
  /** Per pool: hours per (segment, activity), or null for a fixed-price pool. */
  private readonly hours: Array<Float64Array | null>;
  /** Per pool: the segment of the clock's present instant (time only moves forward). */
  private readonly cursor: Int32Array;

  constructor(
    private readonly paths: ReadonlyArray<PricePath | null>,
    private readonly activities: number,
    private readonly clock: { readonly now: number },
  ) {
    this.hours = paths.map((p) => (p === null ? null : new Float64Array(p.bounds.length * activities)));
    this.cursor = new Int32Array(paths.length);
  }

  moves(pool: number): boolean {
    return this.paths[pool] !== null;
  }

  private segmentNow(pool: number): number {
    const bounds = this.paths[pool]!.bounds;
    const now = this.clock.now;
    let i = this.cursor[pool];
    while (i + 1 < bounds.length && bounds[i + 1] <= now) i++;
    this.cursor[pool] = i;
    return i;
  }

  /** The pool's price factor now: what a fee charged now is multiplied by. */
  factorNow(pool: number): number {
    return this.paths[pool]!.factor[this.segmentNow(pool)];
  }

  /** `hours` of work at `activity` booked now. */
  book(pool: number, activity: number, hours: number): void {
    this.hours[pool]![this.segmentNow(pool) * this.activities + activity] += hours;
  }

  /** The pool's hours at `activity`, each at its segment's factor, times `rate`. */
  labourCost(pool: number, activity: number, rate: number): number {
    const h = this.hours[pool]!;
    const f = this.paths[pool]!.factor;
    let c = 0;
    for (let i = 0; i < f.length; i++) c += h[i * this.activities + activity] * f[i];
    return c * rate;
  }

  /** Mean factor of the hours the pool worked (1 when it worked none): to price its hours by work type. */
  workedFactor(pool: number): number {
    const h = this.hours[pool]!;
    const f = this.paths[pool]!.factor;
    let hours = 0;
    let weighted = 0;
    for (let i = 0; i < f.length; i++) {
      for (let a = 0; a < this.activities; a++) {
        hours += h[i * this.activities + a];
        weighted += h[i * this.activities + a] * f[i];
      }
    }
    return hours > 0 ? weighted / hours : 1;
  }

  /**
   * Salaried idle time up to t: per segment, the hours scheduled in it less the hours booked in
   * it, at the segment's factor; none when the pool worked all it was scheduled for overall.
   */
  idle(pool: number, rate: number, t: number, scheduledHours: (t: number) => number): { hours: number; cost: number } {
    const h = this.hours[pool]!;
    const { bounds, factor } = this.paths[pool]!;
    let hours = 0;
    let cost = 0;
    for (let i = 0; i < bounds.length && bounds[i] < t; i++) {
      const end = i + 1 < bounds.length ? Math.min(bounds[i + 1], t) : t;
      let worked = 0;
      for (let a = 0; a < this.activities; a++) worked += h[i * this.activities + a];
      const idle = scheduledHours(end) - scheduledHours(bounds[i]) - worked;
      hours += idle;
      cost += idle * rate * factor[i];
    }
    return hours > 0 ? { hours, cost } : { hours: 0, cost: 0 };
  }
}
