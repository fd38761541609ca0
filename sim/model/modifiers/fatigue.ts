import type { PoolConfig } from '../config.js';
import type { Workforce } from '../workforce.js';
import type { ErrorModifier, HandlingModifier, PreLabelSource } from './handling-modifier.js';
import type { Task } from './task.js';

const HOURS_PER_WEEK = 168;

/**
 * People tire within a shift and change over the weeks of a project, per pool. Fatigue: from
 * `afterHours` into a shift on, each further hour adds `pacePerHour` to the handling time and
 * `errorPerHour` to the error rate, as shares of their rested values (linear, as time-on-task
 * studies of vigilance report a steady decline; a share per hour is what a team can measure from
 * its own labels by hour of shift). Drift: both multiply by (1 + rate) per week of the project, so
 * a negative rate is improvement and never takes a rate below 0. A pool with neither gets exactly
 * 1 (the model leaves this modifier out when no pool has them).
 *
 * The handling time reads the hours into the shift when the task starts, the error rate when the
 * label is submitted.
 *
 * Pre-labels damp both: on a labelling task shown a pre-label, a pool's `preLabelDamping` share of
 * the change is removed (a tired annotator confirming a right pre-label does less of the work
 * that tiredness spoils). The pre-label sources come after this modifier's construction in no
 * particular order; a task is shown a pre-label when any of them shows one.
 */
export class Fatigue implements HandlingModifier, ErrorModifier {
  private readonly after: Float64Array;
  private readonly pacePerHour: Float64Array;
  private readonly errorPerHour: Float64Array;
  private readonly paceWeekly: Float64Array;
  private readonly errorWeekly: Float64Array;
  /** Per pool, the share of the change kept on a task shown a pre-label (1 - preLabelDamping). */
  private readonly keptWithPreLabel: Float64Array;
  private readonly damped: boolean;

  constructor(
    pools: ReadonlyArray<PoolConfig>,
    private readonly workforces: ReadonlyArray<Workforce>,
    private readonly now: () => number,
    private readonly preLabels: ReadonlyArray<PreLabelSource> = [],
  ) {
    this.after = Float64Array.from(pools, (p) => p.fatigue?.afterHours ?? Infinity);
    this.pacePerHour = Float64Array.from(pools, (p) => p.fatigue?.pacePerHour ?? 0);
    this.errorPerHour = Float64Array.from(pools, (p) => p.fatigue?.errorPerHour ?? 0);
    this.paceWeekly = Float64Array.from(pools, (p) => Math.log1p(p.drift?.pacePerWeek ?? 0));
    this.errorWeekly = Float64Array.from(pools, (p) => Math.log1p(p.drift?.errorPerWeek ?? 0));
    this.keptWithPreLabel = Float64Array.from(pools, (p) => 1 - (p.preLabelDamping ?? 0));
    this.damped = preLabels.length > 0 && pools.some((p) => (p.preLabelDamping ?? 0) > 0);
  }

  /** Whether any pool of a model tires or drifts. */
  static applies(pools: ReadonlyArray<PoolConfig>): boolean {
    return pools.some((p) => (p.fatigue ?? null) !== null || (p.drift ?? null) !== null);
  }

  handlingFactor(task: Task): number {
    return this.factor(task, this.pacePerHour, this.paceWeekly);
  }

  errorRate(task: Task, p: number): number {
    return Math.min(1, p * this.factor(task, this.errorPerHour, this.errorWeekly));
  }

  private factor(task: Task, perHour: Float64Array, weekly: Float64Array): number {
    const pool = task.pool;
    let f = 1;
    const tired = this.workforces[pool].hoursIntoShift(task.person) - this.after[pool];
    if (tired > 0) f += perHour[pool] * tired;
    if (weekly[pool] !== 0) f *= Math.exp((weekly[pool] * this.now()) / HOURS_PER_WEEK);
    if (this.damped && f !== 1 && this.keptWithPreLabel[pool] !== 1 && this.shownPreLabel(task)) f = 1 + this.keptWithPreLabel[pool] * (f - 1);
    return f;
  }

  private shownPreLabel(task: Task): boolean {
    for (let i = 0; i < this.preLabels.length; i++) if (this.preLabels[i].shownFor(task)) return true;
    return false;
  }
}
