import type { ModelConfig } from './config.js';
import { Activity, activityNames } from './activities.js';
import type { Workforce } from './workforce.js';

const HOURS_PER_MONTH = 730;
const HOURS_PER_WEEK = 168;

/**
 * Money by activity. Work-driven costs (hours worked, per-item fees, retraining) accumulate as
 * they happen; time-driven costs (salaried idle time, platform seats, management) are computed
 * for the instant a snapshot is taken, from the calendars, so they never depend on events.
 */
export class CostLedger {
  readonly names: string[];
  private readonly spent: Float64Array;
  // Neumaier's compensation terms: half a million fees of $0.20 must still add up to the cent.
  private readonly carry: Float64Array;
  private readonly seats: number;
  /** Costs incurred for one work type directly (its labour and fees), and the hours worked on it. */
  private readonly direct: Float64Array;
  private readonly typeHours: Float64Array;

  constructor(
    private readonly config: ModelConfig,
    private readonly workforces: Workforce[],
  ) {
    this.names = activityNames(config);
    this.spent = new Float64Array(this.names.length);
    this.carry = new Float64Array(this.names.length);
    for (const f of config.costs.fixed) this.spent[this.names.indexOf(f.activity)] += f.amount;
    this.seats = config.costs.seats ?? workforces.reduce((n, w) => n + w.size, 0);
    this.direct = new Float64Array(config.work.length);
    this.typeHours = new Float64Array(config.work.length);
  }

  /** Money spent on `activity` for an item of work type `type`. */
  addFor(type: number, activity: number, amount: number): void {
    this.add(activity, amount);
    this.direct[type] += amount;
  }

  /** Hours worked on items of `type`: the key that shares out costs no item caused (idle time, seats, management, fixed). */
  workedOn(type: number, hours: number): void {
    this.typeHours[type] += hours;
  }

  /**
   * Cost per work type, activity-based: each type's own labour and fees, plus the shared costs in
   * proportion to the hours worked on it. Sums to `totalCost`.
   */
  byType(totalCost: number): Float64Array {
    let direct = 0;
    let hours = 0;
    for (let t = 0; t < this.direct.length; t++) {
      direct += this.direct[t];
      hours += this.typeHours[t];
    }
    const shared = totalCost - direct;
    return Float64Array.from(this.direct, (d, t) => d + (hours > 0 ? (shared * this.typeHours[t]) / hours : shared / this.direct.length));
  }

  add(activity: number, amount: number): void {
    const sum = this.spent[activity];
    const next = sum + amount;
    this.carry[activity] += Math.abs(sum) >= Math.abs(amount) ? sum - next + amount : amount - next + sum;
    this.spent[activity] = next;
  }

  /** Costs by activity as of time t (the project's end or the deadline). */
  snapshot(t: number, busyHoursByPool: ArrayLike<number>): Float64Array {
    const out = Float64Array.from(this.spent, (x, i) => x + this.carry[i]);
    this.config.pools.forEach((pool, i) => {
      if (pool.pay.kind !== 'salaried') return;
      // Salaried people are paid for every scheduled hour; what work did not use is idle.
      const idle = this.workforces[i].scheduledHours(t) - busyHoursByPool[i];
      out[Activity.idle] += Math.max(0, idle) * pool.pay.perHour;
    });
    out[Activity.platform] += this.seats * this.config.costs.platformPerSeatMonth * (t / HOURS_PER_MONTH);
    out[Activity.management] += this.config.costs.managementPerWeek * (t / HOURS_PER_WEEK);
    return out;
  }
}

export function total(costs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < costs.length; i++) s += costs[i];
  return s;
}
