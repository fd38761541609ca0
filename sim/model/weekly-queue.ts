import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';

/**
 * Tasks waiting for each pool at the end of each week (index w is t = 168 (w + 1)), for the
 * report's queue-length bands. A pool sharing a queue with others (follow-the-sun) shows the
 * shared queue. Weeks after the run stopped hold the queue it stopped with.
 *
 * Its week-end events only read: they change no state, and events at equal times keep their
 * order among themselves, so a replication's other figures are what they were without it;
 * `events` counts them apart so the engine's count of the model's own events is unchanged.
 */
export class WeeklyQueue {
  /** Pool-major: byWeek[pool * weeks + w]. */
  readonly byWeek: Float64Array;
  events = 0;
  private readonly kind: number;
  private filled = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly groups: ServerPool[],
    /** Per config pool, the engine pool (group) that holds its queue. */
    private readonly groupOfPool: Int32Array,
    private readonly weeks: number,
    private readonly horizonHours: number,
  ) {
    this.byWeek = new Float64Array(groupOfPool.length * weeks);
    this.kind = sim.register((week) => this.onWeekEnd(week));
    if (weeks > 0 && 168 <= horizonHours) sim.at(168, this.kind, 0);
  }

  private onWeekEnd(week: number): void {
    this.events++;
    this.take(week);
    if ((week + 2) * 168 <= this.horizonHours && week + 1 < this.weeks) this.sim.at(168 * (week + 2), this.kind, week + 1);
  }

  private take(week: number): void {
    for (let p = 0; p < this.groupOfPool.length; p++) this.byWeek[p * this.weeks + week] = this.groups[this.groupOfPool[p]].queueLength;
    this.filled = week + 1;
  }

  /** At the end of the run: the weeks not reached hold the queue as it is now. */
  finish(): void {
    for (let w = this.filled; w < this.weeks; w++) this.take(w);
  }
}
