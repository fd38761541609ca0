import type { ModelConfig } from './config.js';
import { Activity, activityNames } from './activities.js';
import type { PayTerms } from './pay/index.js';
import type { Workforce } from './workforce.js';

const HOURS_PER_MONTH = 730;
const HOURS_PER_WEEK = 168;

/**
 * Money by activity. Fees and retraining accumulate as they happen; paid hours accumulate as
 * hours per (pool, activity) and are priced when a snapshot is taken, as are time-driven costs
 * (salaried idle time, platform seats, management), computed from the calendars.
 *
 * NOTE: speed shaped this. Pricing hours per task would cost a compensated sum per task; adding
 * hours to a counter and multiplying once at the end costs one addition.
 */
export class CostLedger {
  readonly names: string[];
  private readonly spent: Float64Array;
  // Neumaier's compensation terms: half a million fees of $0.20 must still add up to the cent.
  private readonly carry: Float64Array;
  private readonly seats: number;
  /** Fees and penalties incurred for one work type directly. */
  private readonly direct: Float64Array;
  /** Hours worked per (pool, activity) and per (pool, work type). */
  private readonly poolHours: Float64Array;
  private readonly poolTypeHours: Float64Array;
  private readonly activities: number;
  private readonly types: number;
  /** Price of an hour worked per pool, 0 for pools paid by the piece. */
  private readonly ratePerHour: Float64Array;

  constructor(
    private readonly config: ModelConfig,
    private readonly workforces: Workforce[],
    /** Each pool's pay terms, in config order. */
    private readonly pay: PayTerms[],
  ) {
    this.ratePerHour = Float64Array.from(pay, (t) => t.perHourWorked);
    this.names = activityNames(config);
    this.spent = new Float64Array(this.names.length);
    this.carry = new Float64Array(this.names.length);
    const index = new Map(this.names.map((name, i) => [name, i]));
    for (const f of config.costs.fixed) this.spent[index.get(f.activity)!] += f.amount;
    this.seats = config.costs.seats ?? workforces.reduce((n, w) => n + w.size, 0);
    this.direct = new Float64Array(config.work.length);
    this.activities = this.names.length;
    this.types = config.work.length;
    this.poolHours = new Float64Array(config.pools.length * this.activities);
    this.poolTypeHours = new Float64Array(config.pools.length * this.types);
  }

  /** `hours` of work by `pool` on an item of work type `type`, spent on `activity`. */
  work(pool: number, type: number, activity: number, hours: number): void {
    this.poolHours[pool * this.activities + activity] += hours;
    this.poolTypeHours[pool * this.types + type] += hours;
  }

  /** Money spent on `activity` for an item of work type `type`. */
  addFor(type: number, activity: number, amount: number): void {
    this.add(activity, amount);
    this.direct[type] += amount;
  }

  /** Hours the people of pool `p` have worked, on anything. */
  private hoursWorkedBy(p: number): number {
    let h = 0;
    for (let a = 0; a < this.activities; a++) h += this.poolHours[p * this.activities + a];
    return h;
  }

  /**
   * Cost per work type, activity-based: each type's own labour and fees, plus the shared costs in
   * proportion to the hours worked on it. Sums to `totalCost`.
   */
  byType(totalCost: number): Float64Array {
    // A type's labour is the hours worked on it, priced at each pool's rate; shared costs go by hours worked.
    const typeHours = new Float64Array(this.types);
    const own = Float64Array.from(this.direct, (d, t) => {
      let labour = 0;
      for (let p = 0; p < this.ratePerHour.length; p++) {
        labour += this.poolTypeHours[p * this.types + t] * this.ratePerHour[p];
        typeHours[t] += this.poolTypeHours[p * this.types + t];
      }
      return d + labour;
    });
    let direct = 0;
    let hours = 0;
    for (let t = 0; t < this.types; t++) {
      direct += own[t];
      hours += typeHours[t];
    }
    const shared = totalCost - direct;
    return Float64Array.from(own, (d, t) => d + (hours > 0 ? (shared * typeHours[t]) / hours : shared / this.types));
  }

  add(activity: number, amount: number): void {
    const sum = this.spent[activity];
    const next = sum + amount;
    this.carry[activity] += Math.abs(sum) >= Math.abs(amount) ? sum - next + amount : amount - next + sum;
    this.spent[activity] = next;
  }

  /**
   * The total cost as of time t, to the cent, without the split by activity: what a day's end
   * records (NOTE: speed: a snapshot per day allocated and rounded every activity, a third of a
   * short replication). It can differ from the total of a snapshot by the rounding of its parts.
   */
  totalAt(t: number): number {
    let sum = 0;
    for (let a = 0; a < this.activities; a++) sum += this.spent[a] + this.carry[a];
    for (let p = 0; p < this.ratePerHour.length; p++) {
      const rate = this.ratePerHour[p];
      const terms = this.pay[p];
      if (rate === 0 && !terms.paysIdleTime) continue;
      const worked = this.hoursWorkedBy(p);
      if (rate > 0) sum += worked * rate;
      if (terms.paysIdleTime) sum += Math.max(0, this.workforces[p].scheduledHours(t) - worked) * terms.perHourWorked;
    }
    sum += this.seats * this.config.costs.platformPerSeatMonth * (t / HOURS_PER_MONTH);
    sum += this.config.costs.managementPerWeek * (t / HOURS_PER_WEEK);
    return Math.round(sum * 100) / 100;
  }

  /** Costs by activity as of time t (the project's end or the deadline). */
  snapshot(t: number): Float64Array {
    const out = Float64Array.from(this.spent, (x, i) => x + this.carry[i]);
    for (let p = 0; p < this.ratePerHour.length; p++) {
      const rate = this.ratePerHour[p];
      if (rate > 0) for (let a = 0; a < this.activities; a++) out[a] += this.poolHours[p * this.activities + a] * rate;
    }
    this.pay.forEach((terms, i) => {
      if (!terms.paysIdleTime) return;
      // People paid for every scheduled hour: what work did not use is idle.
      const idle = this.workforces[i].scheduledHours(t) - this.hoursWorkedBy(i);
      out[Activity.idle] += Math.max(0, idle) * terms.perHourWorked;
    });
    out[Activity.platform] += this.seats * this.config.costs.platformPerSeatMonth * (t / HOURS_PER_MONTH);
    out[Activity.management] += this.config.costs.managementPerWeek * (t / HOURS_PER_WEEK);
    // Money is kept to the cent: sums of many hours carry float noise far below a cent.
    for (let a = 0; a < out.length; a++) out[a] = Math.round(out[a] * 100) / 100;
    return out;
  }
}

export function total(costs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < costs.length; i++) s += costs[i];
  return s;
}
