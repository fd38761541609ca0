import type { ModelConfig } from './config.js';
import { Activity, activityNames, LABOUR_ACTIVITIES } from './activities.js';
import type { PayTerms } from './pay/index.js';
import type { DatedPrices } from './pay/dated-prices.js';
import type { MovingPrices } from './pay/moving-prices.js';
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
  /** Tasks started, and fees and penalties (compensated), per (pool, activity): what `labelsim explain` decomposes. */
  private readonly poolTasks: Float64Array;
  private readonly poolFees: Float64Array;
  private readonly poolFeeCarry: Float64Array;
  /** Hours and tasks per (pool, labour activity, type), for a model of several types (the work-type mix); null otherwise. */
  private readonly typeLines: { hours: Float64Array; tasks: Float64Array } | null;

  constructor(
    private readonly config: ModelConfig,
    private readonly workforces: Workforce[],
    /** Each pool's pay terms, in config order. */
    private readonly pay: PayTerms[],
    /** The hours of pools whose pay moves by date or currency; null when none does (the plain path). */
    private readonly moving: MovingPrices | null = null,
    /** Prices besides pay that change by date; null when none does (the plain path). */
    private readonly dated: DatedPrices | null = null,
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
    this.poolTasks = new Float64Array(config.pools.length * this.activities);
    this.poolFees = new Float64Array(config.pools.length * this.activities);
    this.poolFeeCarry = new Float64Array(config.pools.length * this.activities);
    const lines = config.pools.length * LABOUR_ACTIVITIES.length * this.types;
    this.typeLines = this.types > 1 ? { hours: new Float64Array(lines), tasks: new Float64Array(lines) } : null;
  }

  /** `hours` of work by `pool` on an item of work type `type`, spent on `activity`, in `tasks` tasks (gold: the gold items served). */
  work(pool: number, type: number, activity: number, hours: number, tasks: number): void {
    const at = pool * this.activities + activity;
    this.poolHours[at] += hours;
    this.poolTasks[at] += tasks;
    this.poolTypeHours[pool * this.types + type] += hours;
    if (this.moving !== null && this.moving.moves(pool)) this.moving.book(pool, activity, hours);
    if (this.typeLines !== null) {
      const line = (pool * LABOUR_ACTIVITIES.length + activity) * this.types + type;
      this.typeLines.hours[line] += hours;
      this.typeLines.tasks[line] += tasks;
    }
  }

  /** Hours and tasks per (pool, labour activity, type), pool-major then activity (poolActivityTypeNames); empty for one type. */
  byPoolActivityType(): { hours: Float64Array; tasks: Float64Array } {
    return this.typeLines === null ? { hours: new Float64Array(0), tasks: new Float64Array(0) } : { hours: this.typeLines.hours.slice(), tasks: this.typeLines.tasks.slice() };
  }

  /** Money spent on `activity` for an item of work type `type`, owed to (or, a penalty, by) `pool`. */
  addFor(type: number, activity: number, stated: number, pool: number): void {
    const amount = this.moving !== null && this.moving.moves(pool) ? stated * this.moving.factorNow(pool) : stated;
    this.add(activity, amount);
    this.direct[type] += amount;
    const at = pool * this.activities + activity;
    const sum = this.poolFees[at];
    const next = sum + amount;
    this.poolFeeCarry[at] += Math.abs(sum) >= Math.abs(amount) ? sum - next + amount : amount - next + sum;
    this.poolFees[at] = next;
    // A penalty is one wrong label found: the count its price is per.
    if (activity === Activity.penalties) this.poolTasks[at]++;
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
        const rate = this.moving !== null && this.moving.moves(p) ? this.ratePerHour[p] * this.moving.workedFactor(p) : this.ratePerHour[p];
        labour += this.poolTypeHours[p * this.types + t] * rate;
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

  add(activity: number, stated: number): void {
    const amount = this.dated === null ? stated : stated * this.dated.factorNow(activity);
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
      if (this.ratePerHour[p] > 0) for (let a = 0; a < this.activities; a++) sum += this.labour(p, a);
      if (this.pay[p].paysIdleTime) sum += this.idleCost(p, t);
    }
    sum += this.seats * this.config.costs.platformPerSeatMonth * (this.pricedHours(Activity.platform, t) / HOURS_PER_MONTH);
    sum += this.config.costs.managementPerWeek * (this.pricedHours(Activity.management, t) / HOURS_PER_WEEK);
    return Math.round(sum * 100) / 100;
  }

  /** Hours up to t of a time-driven cost, each at its price factor (t when its price is fixed). */
  private pricedHours(activity: number, t: number): number {
    return this.dated === null ? t : this.dated.pricedHours(activity, t);
  }

  /** People paid for every scheduled hour: what work did not use of pool `p`'s hours up to t is idle. */
  private idleHours(p: number, t: number): number {
    if (!this.pay[p].paysIdleTime) return 0;
    if (this.moving !== null && this.moving.moves(p)) return this.moving.idle(p, this.ratePerHour[p], t, (x) => this.workforces[p].scheduledHours(x)).hours;
    return Math.max(0, this.workforces[p].scheduledHours(t) - this.hoursWorkedBy(p));
  }

  /** Salaried idle time of pool `p` up to t, priced. */
  private idleCost(p: number, t: number): number {
    if (!this.pay[p].paysIdleTime) return 0;
    if (this.moving !== null && this.moving.moves(p)) return this.moving.idle(p, this.ratePerHour[p], t, (x) => this.workforces[p].scheduledHours(x)).cost;
    return this.idleHours(p, t) * this.ratePerHour[p];
  }

  /** Pool `p`'s hours at activity `a`, priced (at the segments' factors when its pay moves). */
  private labour(p: number, a: number): number {
    if (this.moving !== null && this.moving.moves(p)) return this.moving.labourCost(p, a, this.ratePerHour[p]);
    return this.poolHours[p * this.activities + a] * this.ratePerHour[p];
  }

  /**
   * Labour by pool and activity as of time t, in (pool, LABOUR_ACTIVITIES) order: the money
   * (hours at the pool's rate plus its fees and penalties, not rounded: the cent is rounded once,
   * in the activity totals), the hours (idle: paid hours not worked) and the tasks started (gold:
   * gold items served; penalties: wrong labels charged). Summed over pools, the money is the
   * labour activities of `snapshot` before its rounding to the cent.
   */
  byPoolActivity(t: number): { cost: Float64Array; hours: Float64Array; tasks: Float64Array } {
    const labour = LABOUR_ACTIVITIES.length;
    const n = this.ratePerHour.length * labour;
    const cost = new Float64Array(n);
    const hours = new Float64Array(n);
    const tasks = new Float64Array(n);
    for (let p = 0; p < this.ratePerHour.length; p++) {
      for (let a = 0; a < labour; a++) {
        const from = p * this.activities + a;
        const to = p * labour + a;
        hours[to] = a === Activity.idle ? this.idleHours(p, t) : this.poolHours[from];
        tasks[to] = this.poolTasks[from];
        cost[to] = this.poolFees[from] + this.poolFeeCarry[from] + (a === Activity.idle ? this.idleCost(p, t) : this.labour(p, a));
      }
    }
    return { cost, hours, tasks };
  }

  /** Costs by activity as of time t (the project's end or the deadline). */
  snapshot(t: number): Float64Array {
    const out = Float64Array.from(this.spent, (x, i) => x + this.carry[i]);
    for (let p = 0; p < this.ratePerHour.length; p++) {
      if (this.ratePerHour[p] > 0) for (let a = 0; a < this.activities; a++) out[a] += this.labour(p, a);
    }
    this.pay.forEach((terms, i) => {
      if (terms.paysIdleTime) out[Activity.idle] += this.idleCost(i, t);
    });
    out[Activity.platform] += this.seats * this.config.costs.platformPerSeatMonth * (this.pricedHours(Activity.platform, t) / HOURS_PER_MONTH);
    out[Activity.management] += this.config.costs.managementPerWeek * (this.pricedHours(Activity.management, t) / HOURS_PER_WEEK);
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
