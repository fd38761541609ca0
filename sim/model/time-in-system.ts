import { histogramLength, histogramSlot } from '../stats/duration-bins.js';
import type { ModelConfig, WorkType } from './config.js';

/**
 * What acceptances say about time: each item's time in system (from its arrival to its
 * acceptance) as a histogram in the pooling layout of duration-bins.ts, the items accepted in
 * each week, and the turnaround of each scheduled delivery (from its arrival until its last item
 * is accepted).
 *
 * An item's arrival is read off its serial, not stored: the k-th item of a type (serial k x types
 * + type) arrived at 0 in a backlog, with delivery floor(k / batch) of a schedule (blocks are
 * served in order), and at k / rate for deterministic Poisson arrivals. Random Poisson arrivals
 * leave no trace of their instants once the item is created, and keeping one would cost 8 bytes
 * per item in progress: their items are not timed (`untimed` counts them).
 */
export class TimeInSystem {
  readonly bins: Float64Array;
  readonly acceptedByWeek: Float64Array;
  /** Per delivery (deliveries of every scheduled type, type by type): hours from its arrival to its last acceptance, NaN until then. */
  readonly turnaround: Float64Array;
  untimed = 0;
  private readonly types: number;
  private readonly work: WorkType[];
  /** Per type, its first delivery's index in `turnaround` (-1 when it is not scheduled). */
  private readonly firstDelivery: Int32Array;
  private readonly deliveries: Int32Array;
  private readonly deliveryLeft: Float64Array;
  private readonly deterministic: boolean;

  constructor(
    config: ModelConfig,
    private readonly statsFromHours: number,
  ) {
    this.work = config.work;
    this.types = config.work.length;
    this.deterministic = config.deterministic;
    this.bins = new Float64Array(timeInSystemBins(config));
    this.acceptedByWeek = new Float64Array(weeksOf(config));
    const sizes = deliverySizes(config);
    this.firstDelivery = new Int32Array(this.types).fill(-1);
    this.deliveries = Int32Array.from(sizes, (s) => s?.length ?? 0);
    let at = 0;
    sizes.forEach((s, t) => {
      if (s === null) return;
      this.firstDelivery[t] = at;
      at += s.length;
    });
    this.deliveryLeft = Float64Array.from(sizes.flatMap((s) => s ?? []));
    this.turnaround = new Float64Array(at).fill(NaN);
  }

  accepted(serial: number, type: number, now: number): void {
    const week = Math.floor(now / 168);
    if (week < this.acceptedByWeek.length) this.acceptedByWeek[week]++;
    const k = Math.floor(serial / this.types);
    const a = this.work[type].arrival;
    let arrived: number;
    if (a.kind === 'backlog') arrived = 0;
    else if (a.kind === 'schedule') {
      const d = Math.floor(k / a.batch);
      arrived = a.firstHours + d * a.everyHours;
      const i = this.firstDelivery[type] + d;
      if (d < this.deliveries[type] && --this.deliveryLeft[i] === 0) this.turnaround[i] = now - arrived;
    } else if (this.deterministic) arrived = (k + 1) / a.perHour;
    else {
      this.untimed++;
      return;
    }
    if (now >= this.statsFromHours) this.bins[histogramSlot(now - arrived, this.bins.length)]++;
  }
}

/** Counters of a histogram of times in system: they are at most the horizon. */
export function timeInSystemBins(config: ModelConfig): number {
  return histogramLength(config.horizonHours);
}

/** Weeks from the start to the horizon, the last one perhaps partial. */
export function weeksOf(config: ModelConfig): number {
  return Math.ceil(config.horizonHours / 168);
}

/**
 * Per work type, the sizes of the deliveries that arrive by the horizon (null when it is not
 * scheduled): a full batch each, the last one what is left of the count.
 */
export function deliverySizes(config: ModelConfig): Array<number[] | null> {
  return config.work.map((w) => {
    const a = w.arrival;
    if (a.kind !== 'schedule') return null;
    if (a.firstHours > config.horizonHours) return [];
    const byHorizon = Math.floor((config.horizonHours - a.firstHours) / a.everyHours) + 1;
    const byCount = w.count === null ? Infinity : Math.ceil(w.count / a.batch);
    const n = Math.min(byHorizon, byCount);
    return Array.from({ length: n }, (_, d) => (w.count === null ? a.batch : Math.min(a.batch, w.count - d * a.batch)));
  });
}
